//! Golden registers: files written by earlier versions of the program
//! (`tests/fixtures/registers/`) must open with every record intact. A stored type that
//! changes without a migration makes the old bytes undecodable or different, and this
//! test fails.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use serde_json::Value;
use sohoctap::exchange::archive_json::{archive_to_json, export_archive};
use sohoctap::store::Register;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/registers")
        .join(name)
}

/// A copy of a fixture in a fresh folder: the fixture itself is never opened for writing.
fn copy_of(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join(name);
    std::fs::copy(fixture(name), &path).expect("copy fixture");
    (dir, path)
}

fn expected_json(name: &str) -> Value {
    let text = std::fs::read_to_string(fixture(name)).expect("read json");
    serde_json::from_str(&text).expect("fixture json")
}

fn exported(register: &Register) -> Value {
    let reader = register.read().expect("read");
    let archive = export_archive(&reader).expect("export");
    serde_json::from_slice(&archive_to_json(&archive)).expect("json")
}

/// Compares two archives record by record, naming the first records that differ.
fn assert_same_records(got: &Value, want: &Value) {
    for section in [
        "commune",
        "next_ids",
        "units",
        "evaluations",
        "history",
        "criteria",
        "targets",
    ] {
        let (g, w) = (&got[section], &want[section]);
        if let (Some(g), Some(w)) = (g.as_array(), w.as_array()) {
            assert_eq!(g.len(), w.len(), "{section}: number of records");
            for (i, (a, b)) in g.iter().zip(w).enumerate() {
                assert_eq!(a, b, "{section}[{i}] differs");
            }
        } else {
            assert_eq!(g, w, "{section} differs");
        }
    }
}

#[test]
fn the_schema_1_golden_register_opens_with_every_record_intact() {
    let (_dir, path) = copy_of("schema1.redb");
    let mut register = Register::open(&path).expect("open golden register");
    let got = exported(&register);
    let want = expected_json("schema1.json");
    assert_same_records(&got, &want);
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
}

/// The fixture holds what it claims: every kind, stage and history variant.
#[test]
fn the_golden_register_covers_every_kind_of_record() {
    let want = expected_json("schema1.json");
    let first_key = |v: &Value| {
        v.as_object()
            .and_then(|o| o.keys().next().cloned())
            .unwrap_or_default()
    };
    let kinds: BTreeSet<String> = want["units"]
        .as_array()
        .unwrap()
        .iter()
        .map(|u| first_key(&u["unit"]))
        .collect();
    assert_eq!(kinds.len(), 5, "{kinds:?}");
    let stages: BTreeSet<&str> = want["evaluations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["evaluation"]["stage"].as_str())
        .collect();
    assert_eq!(stages.len(), 5, "{stages:?}");
    let changes: BTreeSet<String> = want["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| first_key(&h["entry"]["change"]))
        .collect();
    assert_eq!(changes.len(), 3, "{changes:?}");
    let archived = want["units"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|u| {
            u["unit"]
                .as_object()
                .unwrap()
                .values()
                .any(|v| !v["meta"]["left"].is_null())
        })
        .count();
    assert!(archived > 0);
    assert!(!want["targets"].as_array().unwrap().is_empty());
    assert!(
        want["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| !e["evaluation"]["decision"].is_null())
    );
    assert!(
        want["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| !e["evaluation"]["override_reason"].is_null())
    );
}

/// docs/register-format.md describes every table `src/store/tables.rs` defines.
#[test]
fn the_register_format_doc_names_every_table() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tables = std::fs::read_to_string(root.join("src/store/tables.rs")).expect("tables.rs");
    let doc = std::fs::read_to_string(root.join("docs/register-format.md")).expect("doc");
    let names: Vec<&str> = tables
        .split("TableDefinition::new(\"")
        .skip(1)
        .filter_map(|rest| rest.split('"').next())
        .collect();
    assert!(names.len() >= 10, "{names:?}");
    for name in names {
        assert!(
            doc.contains(&format!("`{name}`")),
            "docs/register-format.md misses table {name}"
        );
    }
    for key in [
        "`schema`",
        "`generation`",
        "`commune`",
        "`next_id/",
        "`demo`",
    ] {
        assert!(
            doc.contains(key),
            "docs/register-format.md misses meta key {key}"
        );
    }
}

/// Every record of the schema-1 golden register decodes into today's model and encodes
/// back to the very bytes on disk, while version 1 is still the newest record version.
/// (When a `V2` is added, this test moves to comparing decoded values only.)
#[test]
fn every_schema_1_record_re_encodes_to_the_same_bytes() {
    use redb::{ReadableDatabase, ReadableTable};
    use sohoctap::store::{codec, tables};
    let db = redb::ReadOnlyDatabase::open(fixture("schema1.redb")).expect("open read-only");
    let txn = db.begin_read().expect("read");
    let mut checked = 0;
    let units = txn.open_table(tables::UNITS).expect("units");
    for item in units.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        assert_eq!(
            codec::encode_unit(&codec::decode_unit(bytes).expect("unit")),
            bytes
        );
        checked += 1;
    }
    let evaluations = txn.open_table(tables::EVALUATIONS).expect("evaluations");
    for item in evaluations.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        let e = codec::decode_evaluation(bytes).expect("evaluation");
        assert_eq!(codec::encode_evaluation(&e), bytes);
        assert_eq!(
            codec::decode_evaluation_criteria(bytes).expect("head"),
            e.criteria_hash
        );
        checked += 1;
    }
    let history = txn.open_table(tables::HISTORY).expect("history");
    for item in history.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        assert_eq!(
            codec::encode_history(&codec::decode_history(bytes).expect("history")),
            bytes
        );
        checked += 1;
    }
    let criteria = txn.open_table(tables::CRITERIA).expect("criteria");
    for item in criteria.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        assert_eq!(
            codec::encode_criteria(&codec::decode_criteria(bytes).expect("set")),
            bytes
        );
        checked += 1;
    }
    let targets = txn.open_table(tables::TARGETS).expect("targets");
    for item in targets.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        assert_eq!(
            codec::encode_target(&codec::decode_target(bytes).expect("target")),
            bytes
        );
        checked += 1;
    }
    let meta = txn.open_table(tables::META).expect("meta");
    let commune = meta.get("commune").expect("get").expect("commune");
    let bytes = commune.value();
    assert_eq!(
        codec::encode_commune(&codec::decode_commune(bytes).expect("commune")),
        bytes
    );
    assert!(checked > 200, "{checked} records");
}
