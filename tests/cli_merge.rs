//! `sohoctap merge` on the real binary: two small made-up communes built from different
//! seeds, whose codes collide (the generator numbers every commune's units the same
//! way). Afterwards every unit, evaluation and decision of both is there, `check`
//! passes and `report --json` gives, title by title, the sum of the two; a dry run leaves
//! the register byte for byte; a second merge and a merge into itself are refused.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::run;
use serde_json::Value;
use sohoctap::criteria::Catalog;
use sohoctap::demo::{self, DemoSpec};
use sohoctap::model::{Commune, UnitKind};
use sohoctap::store::{ReadOnlyRegister, Register};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Output;

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

fn refused(o: &Output) -> String {
    assert_eq!(
        o.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    String::from_utf8(o.stderr.clone()).expect("utf-8")
}

fn make(dir: &Path, file: &str, name: &str, seed: u64) -> PathBuf {
    let path = dir.join(file);
    let commune = Commune {
        name: name.into(),
        province: "Ninh Bình".into(),
    };
    let register = Register::create(&path, &commune).expect("create");
    let spec = DemoSpec {
        communities: 4,
        households: 120,
        clans: 5,
        organisations: 4,
        citizens: 90,
        years: 2,
        last_year: 2025,
        seed,
    };
    demo::build(&register, &spec, &Catalog::shipped().expect("catalog")).expect("demo");
    register.close().expect("close");
    path
}

/// Every unit code by kind, every evaluation as (year, title, unit code, stage,
/// decision), read through the library.
struct Contents {
    codes: Vec<(UnitKind, String)>,
    evaluations: Vec<(u16, String, String, String, Option<String>)>,
}

fn contents(path: &Path) -> Contents {
    let register = ReadOnlyRegister::open(path).expect("open");
    let reader = register.read().expect("read");
    let mut codes = Vec::new();
    let mut by_id = std::collections::HashMap::new();
    for kind in UnitKind::ALL {
        for (id, unit) in reader.units(kind).expect("units") {
            codes.push((kind, unit.code().to_string()));
            by_id.insert((kind, id), unit.code().to_string());
        }
    }
    let evaluations = reader
        .evaluations_between(0, u16::MAX)
        .expect("evaluations")
        .into_iter()
        .map(|(key, e)| {
            (
                key.year,
                key.title.short().to_string(),
                by_id[&(key.title.unit_kind(), key.unit)].clone(),
                e.stage.label().to_string(),
                e.decision.map(|d| format!("{} {}", d.number, d.date)),
            )
        })
        .collect();
    drop(reader);
    register.close().expect("close");
    Contents { codes, evaluations }
}

fn titles(db: &Path, year: u16) -> Vec<Value> {
    let text = ok(&run(db, &["report", "--json", "--year", &year.to_string()]));
    let json: Value = serde_json::from_str(&text).expect("json");
    json["titles"].as_array().expect("titles").clone()
}

const FIGURES: [&str; 5] = ["total", "registered", "scored", "passed", "recognised"];

#[test]
fn two_communes_with_colliding_codes_become_one_register() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ours = make(dir.path(), "xa-moi.redb", "Xã Yên Hòa", 11);
    let theirs = make(dir.path(), "yen-mo.redb", "Xã Yên Mô", 22);
    let before_ours = contents(&ours);
    let before_theirs = contents(&theirs);
    let their_bytes = std::fs::read(&theirs).expect("read");
    let reports: Vec<(u16, Vec<Value>, Vec<Value>)> = [2024, 2025]
        .into_iter()
        .map(|y| (y, titles(&ours, y), titles(&theirs, y)))
        .collect();

    // A dry run: the preview and the mapping file, not a byte of the register.
    let bytes = std::fs::read(&ours).expect("read");
    let map = dir.path().join("doi-chieu.csv");
    let said = ok(&run(
        &ours,
        &[
            "merge",
            theirs.to_str().unwrap(),
            "--dry-run",
            "--map-out",
            map.to_str().unwrap(),
        ],
    ));
    assert!(said.contains("Chạy thử: chưa ghi gì vào sổ."), "{said}");
    assert!(said.contains("hộ HO00001 → YENMO-HO00001"), "{said}");
    assert!(said.contains("không gộp"), "{said}");
    assert_eq!(std::fs::read(&ours).expect("read"), bytes);
    let csv = std::fs::read_to_string(&map).expect("map");
    let rows = csv.lines().count() - 1;
    assert_eq!(rows, before_theirs.codes.len());
    assert!(csv.contains("HO00001,YENMO-HO00001,có"), "{csv}");

    // The merge itself.
    let said = ok(&run(&ours, &["merge", theirs.to_str().unwrap()]));
    assert!(said.contains("Đã gộp sổ của Xã Yên Mô"), "{said}");
    assert!(said.contains("truoc-gop-yenmo-xa-moi-"), "{said}");
    let mapped = std::fs::read_dir(dir.path())
        .expect("dir")
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("xa-moi-doi-chieu-ma-yenmo-")
        });
    assert!(mapped, "the mapping is written beside the register");
    // The former register is as it was.
    assert_eq!(std::fs::read(&theirs).expect("read"), their_bytes);

    let after = contents(&ours);
    let codes: BTreeSet<&(UnitKind, String)> = after.codes.iter().collect();
    assert_eq!(
        after.codes.len(),
        before_ours.codes.len() + before_theirs.codes.len()
    );
    for unit in &before_ours.codes {
        assert!(codes.contains(unit), "{unit:?}");
    }
    for (kind, code) in &before_theirs.codes {
        // Every code collides: each comes back prefixed, the old code inside.
        assert!(
            codes.contains(&(*kind, format!("YENMO-{code}"))),
            "{kind:?} {code}"
        );
    }
    let evaluations: BTreeSet<_> = after.evaluations.iter().collect();
    assert_eq!(
        after.evaluations.len(),
        before_ours.evaluations.len() + before_theirs.evaluations.len()
    );
    for e in &before_ours.evaluations {
        assert!(evaluations.contains(e), "{e:?}");
    }
    for (year, title, code, stage, decision) in &before_theirs.evaluations {
        let moved = (
            *year,
            title.clone(),
            format!("YENMO-{code}"),
            stage.clone(),
            decision.clone(),
        );
        assert!(evaluations.contains(&moved), "{moved:?}");
    }
    let decided = |c: &Contents| c.evaluations.iter().filter(|e| e.4.is_some()).count();
    assert!(decided(&before_theirs) > 0);
    assert_eq!(
        decided(&after),
        decided(&before_ours) + decided(&before_theirs)
    );

    let check = ok(&run(&ours, &["check", "--year", "2025"]));
    assert!(check.contains("nguyên vẹn"), "{check}");

    for (year, a, b) in &reports {
        let merged = titles(&ours, *year);
        assert_eq!(merged.len(), a.len());
        for ((m, a), b) in merged.iter().zip(a).zip(b) {
            assert_eq!(m["title"], a["title"]);
            for figure in FIGURES {
                let sum = a[figure].as_u64().unwrap() + b[figure].as_u64().unwrap();
                assert_eq!(
                    m[figure].as_u64(),
                    Some(sum),
                    "{year} {} {figure}",
                    m["title"]
                );
            }
            // The resolution's targets stay this commune's.
            assert_eq!(m["target"], a["target"], "{year} {}", m["title"]);
        }
    }

    // Twice is refused, and so is a register merged into itself.
    let again = refused(&run(&ours, &["merge", theirs.to_str().unwrap()]));
    assert!(again.contains("đã gộp sổ của Xã Yên Mô"), "{again}");
    let spelled = dir.path().join(".").join("xa-moi.redb");
    let itself = refused(&run(&ours, &["merge", spelled.to_str().unwrap()]));
    assert!(itself.contains("Không gộp sổ vào chính nó"), "{itself}");
    assert_eq!(contents(&ours).codes.len(), after.codes.len());
}

#[test]
fn a_missing_register_or_a_bad_prefix_is_refused_by_name() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ours = make(dir.path(), "xa-moi.redb", "Xã Yên Hòa", 11);
    let theirs = make(dir.path(), "yen-mo.redb", "Xã Yên Mô", 22);
    let missing = refused(&run(&ours, &["merge", "khong-co.redb"]));
    assert!(
        missing.contains("Không tìm thấy sổ của xã cũ khong-co.redb"),
        "{missing}"
    );
    let bad = refused(&run(
        &ours,
        &["merge", theirs.to_str().unwrap(), "--prefix", "Yên Mô"],
    ));
    assert!(bad.contains("Tiền tố"), "{bad}");
    // A prefix of one's own is used as typed, upper-cased.
    let said = ok(&run(
        &ours,
        &[
            "merge",
            theirs.to_str().unwrap(),
            "--prefix",
            "ym",
            "--dry-run",
        ],
    ));
    assert!(said.contains("→ YM-HO00001"), "{said}");
}

/// Stamps `version` as the register's schema number, as another program would have.
fn stamp_schema(path: &Path, version: u32) {
    let meta: redb::TableDefinition<&str, &[u8]> = redb::TableDefinition::new("meta_v1");
    let db = redb::Database::open(path).expect("open");
    let txn = db.begin_write().expect("write");
    txn.open_table(meta)
        .expect("meta")
        .insert("schema", version.to_le_bytes().as_slice())
        .expect("insert");
    txn.commit().expect("commit");
}

#[test]
fn a_former_register_of_another_format_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let ours = make(dir.path(), "xa-moi.redb", "Xã Yên Hòa", 11);
    let newer = make(dir.path(), "moi-hon.redb", "Xã Yên Mô", 22);
    stamp_schema(&newer, sohoctap::store::SCHEMA_VERSION + 1);
    let older = make(dir.path(), "cu-hon.redb", "Xã Yên Lâm", 33);
    stamp_schema(&older, sohoctap::store::SCHEMA_VERSION - 1);
    let ours_before = std::fs::read(&ours).expect("read");
    for (file, expected, code) in [
        (&newer, "phiên bản mới hơn", 1),
        (&older, "phiên bản cũ", 2),
    ] {
        let before = std::fs::read(file).expect("read");
        let o = run(&ours, &["merge", file.to_str().unwrap()]);
        let said = String::from_utf8_lossy(&o.stderr).into_owned();
        assert_eq!(o.status.code(), Some(code), "{said}");
        assert!(said.contains(expected), "{said}");
        assert_eq!(std::fs::read(file).expect("read"), before);
    }
    assert!(
        String::from_utf8_lossy(&run(&ours, &["merge", older.to_str().unwrap()]).stderr)
            .contains(&format!("sohoctap --db \"{}\" check", older.display()))
    );
    assert_eq!(std::fs::read(&ours).expect("read"), ours_before);
}
