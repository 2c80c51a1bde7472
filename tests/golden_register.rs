//! Golden registers: files written by earlier versions of the program
//! (`tests/fixtures/registers/`) must open with every record intact. A stored type that
//! changes without a migration makes the old bytes undecodable or different, and this
//! test fails.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use serde_json::Value;
use sohoctap::criteria::CriteriaSet;
use sohoctap::exchange::archive_json::{
    archive_from_json, archive_to_json, export_archive, import_archive,
};
use sohoctap::store::{Register, legacy_content_hash};
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

/// The export of a schema-1 register as this version's export of it must read: every
/// criteria identity renamed from its schema-1 hash to its canonical one (migration 001),
/// the sets in the order of their new identities.
fn as_migrated(mut want: Value) -> Value {
    let mut text = want.to_string();
    for c in want["criteria"].as_array().unwrap() {
        let set: CriteriaSet = serde_json::from_value(c["set"].clone()).unwrap();
        let old = c["hash"].as_str().unwrap();
        assert_eq!(
            old,
            legacy_content_hash(&set),
            "the fixture's identities are schema 1's"
        );
        text = text.replace(old, &set.content_hash());
    }
    want = with_basis(serde_json::from_str(&text).unwrap());
    want["criteria"]
        .as_array_mut()
        .unwrap()
        .sort_by(|a, b| a["hash"].as_str().cmp(&b["hash"].as_str()));
    want
}

/// The export of a register of schema 1–3 as this version's export of it must read:
/// every target with the basis migration 003 gives it, "recognised over all units".
fn with_basis(mut want: Value) -> Value {
    for t in want["targets"].as_array_mut().unwrap() {
        let mut with = serde_json::Map::new();
        for (k, v) in t.as_object().unwrap() {
            with.insert(k.clone(), v.clone());
            if k == "measure" {
                with.insert("basis".into(), Value::from("Total"));
            }
        }
        *t = Value::Object(with);
    }
    want
}

fn backups_of(path: &Path) -> Vec<PathBuf> {
    let dir = sohoctap::store::backup::default_backup_dir(path);
    let mut found: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default();
    found.sort();
    found
}

/// A schema-1 register opens: it is backed up (the copy verified and left at schema 1),
/// migrated, passes `check`, and every record compares equal to its schema-1 export.
#[test]
fn the_schema_1_golden_register_is_backed_up_migrated_and_intact() {
    let (_dir, path) = copy_of("schema1.redb");
    let original = std::fs::read(&path).unwrap();
    let mut register = Register::open(&path).expect("open golden register");
    let notice = register
        .upgrade_notice()
        .expect("told about the upgrade")
        .to_string();
    assert!(
        notice.contains("định dạng 1") && notice.contains("đã được kiểm tra"),
        "{notice}"
    );
    let got = exported(&register);
    assert_same_records(&got, &as_migrated(expected_json("schema1.json")));
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");

    let backups = backups_of(&path);
    assert_eq!(backups.len(), 1, "{backups:?}");
    assert!(
        notice.contains(&backups[0].display().to_string()),
        "{notice}"
    );
    // The backup is the old file as it was (byte for byte, up to redb's own recovery
    // stamp on open) and still reads as schema 1.
    let db = redb::ReadOnlyDatabase::open(&backups[0]).expect("backup opens read-only");
    let txn = redb::ReadableDatabase::begin_read(&db).expect("read");
    let meta = txn.open_table(sohoctap::store::tables::META).expect("meta");
    let schema = meta
        .get("schema")
        .expect("get")
        .expect("schema")
        .value()
        .to_vec();
    assert_eq!(schema, 1u32.to_le_bytes());
    assert_eq!(
        std::fs::metadata(&backups[0]).unwrap().len(),
        original.len() as u64
    );

    // A second open finds nothing to do.
    let again = Register::open(&path).expect("reopen");
    assert!(again.upgrade_notice().is_none());
}

/// The export of the schema-1 register, imported into an empty register by this
/// version, gives the same records as the migrated register: old archives keep working.
#[test]
fn a_schema_1_archive_imports_with_its_identities_upgraded() {
    let bytes = std::fs::read(fixture("schema1.json")).unwrap();
    let archive = archive_from_json(&bytes).expect("a schema-1 archive is accepted");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("imported.redb");
    let register = Register::create(&path, &archive.commune).unwrap();
    import_archive(&register, &archive).expect("import");
    assert_same_records(
        &exported(&register),
        &as_migrated(expected_json("schema1.json")),
    );
}

/// kill -9 while an older register is being backed up and migrated (the real binary,
/// `sohoctap check`, killed at random moments): the register always opens afterwards,
/// and every record compares equal — the migration either happened whole or not at all.
#[cfg(unix)]
#[test]
fn a_kill_during_the_migration_leaves_the_register_whole() {
    use std::process::{Command, Stdio};
    let rounds: u64 = std::env::var("SOHOCTAP_MIGRATION_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(12);
    let want = as_migrated(expected_json("schema1.json"));
    let (mut before, mut after) = (0, 0);
    for round in 0..rounds {
        let (_dir, path) = copy_of("schema1.redb");
        let mut child = Command::new(env!("CARGO_BIN_EXE_sohoctap"))
            .arg("--db")
            .arg(&path)
            .arg("check")
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn");
        // Spread the kills over the open: integrity check, backup copy, its
        // verification, the migration's transaction and after.
        std::thread::sleep(std::time::Duration::from_millis(
            round * 400 / rounds.max(1),
        ));
        let _ = child.kill();
        let _ = child.wait();
        let _ = std::fs::remove_file(path.with_extension("redb.holder"));
        let mut register = Register::open(&path).expect("opens after the kill");
        if register.upgrade_notice().is_some() {
            before += 1;
        } else {
            after += 1;
        }
        assert_same_records(&exported(&register), &want);
        assert!(register.check(2025).expect("check").ok);
        register.close().expect("close");
    }
    eprintln!("migration kills: {rounds} ({before} before the migration committed, {after} after)");
}

/// A schema-3 register is backed up and migrated (migration 003: its targets get the
/// basis "total"; migration 004: criteria records rewritten as version 2); every record
/// is intact.
#[test]
fn the_schema_3_golden_register_is_migrated_with_every_record_intact() {
    let (_dir, path) = copy_of("schema3.redb");
    let mut register = Register::open(&path).expect("open golden register");
    let notice = register
        .upgrade_notice()
        .expect("told about the upgrade")
        .to_string();
    assert!(
        notice.contains("định dạng 3") && notice.contains("12 chỉ tiêu"),
        "{notice}"
    );
    let want = expected_json("schema3.json");
    assert_eq!(want["schema"], 3);
    assert_same_records(&exported(&register), &with_basis(want.clone()));
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
    assert_eq!(backups_of(&path).len(), 1, "the old file is kept");
    // Written by the same example, the schema-3 register holds what the schema-1 one
    // holds once migrated.
    assert_same_records(
        &with_basis(want),
        &as_migrated(expected_json("schema1.json")),
    );
}

/// A schema-4 register (targets on every basis) is backed up and migrated (criteria
/// records rewritten as version 2); every record is intact.
#[test]
fn the_schema_4_golden_register_is_migrated_with_every_record_intact() {
    let (_dir, path) = copy_of("schema4.redb");
    let mut register = Register::open(&path).expect("open golden register");
    let notice = register
        .upgrade_notice()
        .expect("told about the upgrade")
        .to_string();
    assert!(notice.contains("định dạng 4"), "{notice}");
    let want = expected_json("schema4.json");
    assert_eq!(want["schema"], 4);
    let bases: BTreeSet<&str> = want["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["basis"].as_str())
        .collect();
    assert_eq!(
        bases,
        BTreeSet::from(["OfRegistered", "Registered", "Total"])
    );
    assert_same_records(&exported(&register), &want);
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
    assert_eq!(backups_of(&path).len(), 1, "the old file is kept");
}

/// A schema-5 register (a set the office entered) is backed up and migrated (migration
/// 005: CDHT evaluations rewritten as version 2, digital skills not recorded); every
/// record is intact and no evaluation has skills.
#[test]
fn the_schema_5_golden_register_is_migrated_with_every_record_intact() {
    let (_dir, path) = copy_of("schema5.redb");
    let mut register = Register::open(&path).expect("open golden register");
    let notice = register
        .upgrade_notice()
        .expect("told about the upgrade")
        .to_string();
    assert!(notice.contains("định dạng 5"), "{notice}");
    let want = expected_json("schema5.json");
    assert_eq!(want["schema"], 5);
    let got = exported(&register);
    assert_same_records(&got, &want);
    assert!(
        got["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .all(|e| e["evaluation"].get("digital_skills").is_none()),
        "old evaluations have their digital skills not recorded"
    );
    let office = register.read().unwrap().office_criteria().unwrap();
    assert_eq!(office.len(), 1);
    assert_eq!(
        office[0].entry.as_ref().map(|e| e.stamp.user.as_str()),
        Some("can-bo")
    );
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
    assert_eq!(backups_of(&path).len(), 1, "the old file is kept");
}

/// A schema-6 register is backed up and migrated (migration 006: every evaluation and
/// history entry rewritten in the compact form; migration 007: the link and status
/// indexes packed 256 units to a record): every record equal to its export, CDHT
/// evaluations with each digital-skills value and one change of it in the history,
/// targets on the two digital-skills measures; the packed indexes pass `check`.
#[test]
fn the_schema_6_golden_register_is_migrated_with_every_record_intact() {
    let (_dir, path) = copy_of("schema6.redb");
    let before = record_versions(&path);
    assert!(before.evaluations > 0 && before.compact_evaluations == 0);
    let mut register = Register::open(&path).expect("open golden register");
    let notice = register
        .upgrade_notice()
        .expect("told about the upgrade")
        .to_string();
    assert!(
        notice.contains("định dạng 6")
            && notice.contains("dạng gọn")
            && notice.contains("liên kết đơn vị"),
        "{notice}"
    );
    let want = expected_json("schema6.json");
    assert_eq!(want["schema"], 6);
    assert_same_records(&exported(&register), &want);
    let skills: BTreeSet<&str> = want["evaluations"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|e| e["evaluation"]["digital_skills"].as_str())
        .collect();
    assert_eq!(skills, BTreeSet::from(["Chua", "Co", "ThanhThao"]));
    assert!(
        want["evaluations"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["key"]["title"] == "CongDan"
                && e["evaluation"].get("digital_skills").is_none()),
        "a CDHT evaluation without recorded skills"
    );
    assert!(
        want["history"]
            .as_array()
            .unwrap()
            .iter()
            .any(|h| h["entry"]["change"]["Edited"]
                .as_array()
                .is_some_and(|f| f.iter().any(|f| f.get("DigitalSkills").is_some()))),
        "a change of digital skills in the history"
    );
    let measures: BTreeSet<&str> = want["targets"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|t| t["measure"].as_str())
        .collect();
    assert!(measures.contains("KyNangSo") && measures.contains("ThanhThaoKyNangSo"));
    // The letterhead (its own record, version 1) and the officer's name read as written.
    assert_eq!(exported(&register)["letterhead"], want["letterhead"]);
    assert_eq!(want["letterhead"]["number"], "12/BC-HKH");
    assert_eq!(want["letterhead"]["recipients"][1], "Lưu: VT");
    assert_eq!(
        register.read().unwrap().officer().unwrap().as_deref(),
        Some("Trần Văn Bình")
    );
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
    assert_eq!(backups_of(&path).len(), 1, "the old file is kept");
    let after = record_versions(&path);
    assert_eq!(
        after,
        RecordVersions {
            compact_evaluations: before.evaluations,
            compact_history: before.history,
            ..before
        },
        "every evaluation and history entry is compact"
    );
}

/// How many evaluations and history entries a register file holds, and how many of
/// them in the compact form (record version 3, schema 7).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct RecordVersions {
    evaluations: usize,
    compact_evaluations: usize,
    history: usize,
    compact_history: usize,
}

fn record_versions(path: &Path) -> RecordVersions {
    use redb::{ReadableDatabase, ReadableTable};
    use sohoctap::store::{codec, tables};
    let db = redb::ReadOnlyDatabase::open(path).expect("open read-only");
    let txn = db.begin_read().expect("read");
    let tags = |tags: Vec<Option<u8>>| (tags.len(), tags.iter().filter(|t| **t == Some(3)).count());
    let evaluations_table = txn.open_table(tables::EVALUATIONS).expect("evaluations");
    let (evaluations, compact_evaluations) = tags(
        evaluations_table
            .iter()
            .expect("iter")
            .map(|item| codec::version_tag(item.expect("item").1.value()))
            .collect(),
    );
    let history_table = txn.open_table(tables::HISTORY).expect("history");
    let (history, compact_history) = tags(
        history_table
            .iter()
            .expect("iter")
            .map(|item| codec::version_tag(item.expect("item").1.value()))
            .collect(),
    );
    RecordVersions {
        evaluations,
        compact_evaluations,
        history,
        compact_history,
    }
}

/// A schema-7 register (compact records, one link and status record per unit) is backed
/// up and migrated (migration 007): every record equal to its export and still compact,
/// the letterhead and officer as written, and `check` passes on the packed indexes.
#[test]
fn the_schema_7_golden_register_is_migrated_with_every_record_intact() {
    let (_dir, path) = copy_of("schema7.redb");
    let before = record_versions(&path);
    assert_eq!(before.compact_evaluations, before.evaluations);
    let mut register = Register::open(&path).expect("open golden register");
    let notice = register
        .upgrade_notice()
        .expect("told about the upgrade")
        .to_string();
    assert!(
        notice.contains("định dạng 7") && notice.contains("liên kết đơn vị"),
        "{notice}"
    );
    let want = expected_json("schema7.json");
    assert_eq!(want["schema"], 7);
    assert_same_records(&exported(&register), &want);
    assert_eq!(exported(&register)["letterhead"], want["letterhead"]);
    assert_eq!(
        register.read().unwrap().officer().unwrap().as_deref(),
        Some("Trần Văn Bình")
    );
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
    assert_eq!(backups_of(&path).len(), 1, "the old file is kept");
    assert_eq!(
        record_versions(&path),
        before,
        "records are left as they were"
    );
}

/// A register written by this version opens as it was written: no migration, every
/// record equal to its export, every evaluation and history entry compact (version 3)
/// and read back through the dictionary tables, the letterhead and officer as written,
/// the year's census from the packed indexes equal to the one of the schema-6 register
/// after its migration, and `check` passes.
#[test]
fn the_schema_8_golden_register_opens_with_every_record_as_written() {
    let (_dir, path) = copy_of("schema8.redb");
    let versions = record_versions(&path);
    assert_eq!(versions.compact_evaluations, versions.evaluations);
    assert_eq!(versions.compact_history, versions.history);
    let mut register = Register::open(&path).expect("open golden register");
    assert!(register.upgrade_notice().is_none());
    let want = expected_json("schema8.json");
    assert_eq!(want["schema"], 8);
    assert_same_records(&exported(&register), &want);
    assert_eq!(exported(&register)["letterhead"], want["letterhead"]);
    assert_eq!(
        register.read().unwrap().officer().unwrap().as_deref(),
        Some("Trần Văn Bình")
    );
    let (_old_dir, old_path) = copy_of("schema6.redb");
    let migrated = Register::open(&old_path).expect("open and migrate schema 6");
    let reader = register.read().unwrap();
    let old = migrated.read().unwrap();
    assert_eq!(reader.unit_links().unwrap(), old.unit_links().unwrap());
    for year in 2023..=2025 {
        let statuses = reader.statuses_in_year(year).unwrap();
        assert!(!statuses.is_empty());
        assert_eq!(statuses, old.statuses_in_year(year).unwrap());
    }
    drop((reader, old));
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");
    assert!(backups_of(&path).is_empty(), "nothing to back up");
}

/// The fixtures hold what they claim: every kind, stage and history variant.
#[test]
fn the_golden_registers_cover_every_kind_of_record() {
    for name in [
        "schema1.json",
        "schema3.json",
        "schema4.json",
        "schema5.json",
        "schema6.json",
        "schema7.json",
        "schema8.json",
    ] {
        covers_every_kind_of_record(&expected_json(name));
    }
}

fn covers_every_kind_of_record(want: &Value) {
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
        "`officer`",
    ] {
        assert!(
            doc.contains(key),
            "docs/register-format.md misses meta key {key}"
        );
    }
}

/// Every record of each golden register decodes into today's model and encodes back to
/// the very bytes on disk where the record's newest version is the one stored; older
/// versions re-encode as the newest to bytes that decode to the same value: version-1
/// targets (schemas 1–3) into a target on the "total" basis, targets of version 2
/// (schemas 4–5) as version 3, criteria records of version 1 (schemas 1–4) as version 2,
/// evaluations and history of versions 1 and 2 (schemas 1–6) as version 3, against the
/// register's dictionary tables (numbers handed out in memory after those it holds);
/// version-2 ones also still encode to their own bytes through the version-2 encoder
/// that migrations 001 and 005 use.
#[test]
fn every_schema_1_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema1.redb");
}

#[test]
fn every_schema_3_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema3.redb");
}

#[test]
fn every_schema_4_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema4.redb");
}

#[test]
fn every_schema_5_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema5.redb");
}

#[test]
fn every_schema_6_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema6.redb");
}

#[test]
fn every_schema_7_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema7.redb");
}

#[test]
fn every_schema_8_record_re_encodes_to_the_same_bytes() {
    re_encodes_to_the_same_bytes("schema8.redb");
}

fn re_encodes_to_the_same_bytes(name: &str) {
    use redb::{ReadableDatabase, ReadableTable};
    use sohoctap::store::dictionary::MemoryNames;
    use sohoctap::store::{codec, tables};
    let db = redb::ReadOnlyDatabase::open(fixture(name)).expect("open read-only");
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
    // Compact records (version 3, schema 7) refer to the register's dictionary tables;
    // older ones re-encode against numbers handed out in memory after those.
    let mut names = MemoryNames::load(&txn).expect("dictionary");
    let evaluations = txn.open_table(tables::EVALUATIONS).expect("evaluations");
    for item in evaluations.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        let e = codec::decode_evaluation(bytes, &names).expect("evaluation");
        let again = codec::encode_evaluation(&e, &mut names).expect("encode");
        assert_eq!(codec::decode_evaluation(&again, &names).as_ref(), Ok(&e));
        if codec::version_tag(bytes) == Some(3) {
            assert_eq!(again, bytes);
        }
        if codec::version_tag(bytes) == Some(2) {
            assert_eq!(codec::encode_evaluation_v2(&e), bytes);
        }
        assert_eq!(
            codec::decode_evaluation_criteria(bytes, &names).expect("head"),
            e.criteria_hash
        );
        checked += 1;
    }
    let history = txn.open_table(tables::HISTORY).expect("history");
    for item in history.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        let h = codec::decode_history(bytes, &names).expect("history");
        let again = codec::encode_history(&h, &mut names).expect("encode");
        assert_eq!(codec::decode_history(&again, &names).as_ref(), Ok(&h));
        if codec::version_tag(bytes) == Some(3) {
            assert_eq!(again, bytes);
        }
        if codec::version_tag(bytes) == Some(2) {
            assert_eq!(codec::encode_history_v2(&h), bytes);
        }
        checked += 1;
    }
    let criteria = txn.open_table(tables::CRITERIA).expect("criteria");
    for item in criteria.iter().expect("iter") {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        let set = codec::decode_criteria(bytes).expect("set");
        let again = codec::encode_criteria(&set);
        assert_eq!(codec::decode_criteria(&again).expect("set"), set);
        if codec::criteria_version(bytes) == Some(2) {
            assert_eq!(again, bytes);
        }
        checked += 1;
    }
    if let Ok(targets) = txn.open_table(tables::TARGETS_V1) {
        for item in targets.iter().expect("iter") {
            let (_, v) = item.expect("item");
            let t = codec::decode_target(v.value()).expect("target v1");
            assert_eq!(t.basis, sohoctap::model::Basis::Total);
            assert_eq!(codec::decode_target(&codec::encode_target(&t)), Ok(t));
            checked += 1;
        }
    }
    let targets = txn.open_table(tables::TARGETS);
    for item in targets.iter().flat_map(|t| t.iter().expect("iter")) {
        let (_, v) = item.expect("item");
        let bytes = v.value();
        let t = codec::decode_target(bytes).expect("target");
        let again = codec::encode_target(&t);
        assert_eq!(codec::decode_target(&again).as_ref(), Ok(&t));
        if codec::version_tag(bytes) == Some(3) {
            assert_eq!(again, bytes);
        }
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

/// `sohoctap import json` refuses an archive `check` would fail (issue 11, defect 7),
/// with a Vietnamese message naming the place, and writes nothing.
#[test]
fn import_json_refuses_more_adults_than_members_through_the_binary() {
    let mut v = expected_json("schema1.json");
    let i = v["units"]
        .as_array()
        .unwrap()
        .iter()
        .position(|u| u["unit"].get("Household").is_some())
        .unwrap();
    let members = v["units"][i]["unit"]["Household"]["members"]
        .as_u64()
        .unwrap();
    v["units"][i]["unit"]["Household"]["adults"] = serde_json::json!(members + 1);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("luu-tru.json");
    std::fs::write(&file, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let db = dir.path().join("so.redb");
    let run = |args: &[&str]| {
        std::process::Command::new(env!("CARGO_BIN_EXE_sohoctap"))
            .arg("--db")
            .arg(&db)
            .args(args)
            .env_remove("SOHOCTAP_DB")
            .output()
            .unwrap()
    };
    assert!(run(&["init", "--commune", "Xã Mẫu Sơn"]).status.success());
    let out = run(&["import", "json", file.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    let place = format!("units[{i}].unit.adults: số người lớn");
    assert!(stderr.contains(&place), "{stderr}");
    let check = run(&["check", "--json"]);
    assert!(check.status.success(), "nothing was written");
}

/// The officer is told, in Vietnamese, that an older register was backed up and
/// upgraded; `check --json` keeps its standard output clean JSON.
#[test]
fn the_binary_says_an_old_register_was_backed_up_and_upgraded() {
    let (_dir, path) = copy_of("schema1.redb");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .arg("--db")
        .arg(&path)
        .args(["check", "--json", "--year", "2025"])
        .env_remove("SOHOCTAP_DB")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("được ghi bởi phiên bản cũ") && stderr.contains("Đã sao lưu sổ cũ vào"),
        "{stderr}"
    );
    let json: Value = serde_json::from_slice(&out.stdout).expect("stdout is JSON");
    assert_eq!(json["ok"], true);
    assert_eq!(json["damaged"], false);
}
