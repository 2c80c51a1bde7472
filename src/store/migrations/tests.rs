//! The migration mechanism: numbering, backup before migrating, one transaction per
//! step, a failing step leaving the register at the version before it, and the first
//! real migration (criteria identities) on a synthetic schema-1 register.

use super::*;
use crate::criteria::Catalog;
use crate::model::{Commune, Community, CommunityKind, EvaluationKey, Title, Unit, UnitMeta};
use crate::model::{Evaluation, IndicatorValue, Stamp};
use crate::store::{SCHEMA_VERSION, StoreError, backup, tables};

fn commune() -> Commune {
    Commune {
        name: "Xã Thử Nghiệm".into(),
        province: "Ninh Bình".into(),
    }
}

fn stamp() -> Stamp {
    Stamp {
        user: "can-bo".into(),
        at: chrono::NaiveDate::from_ymd_opt(2025, 5, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("time"),
    }
}

#[test]
fn migrations_are_numbered_without_gaps_up_to_this_schema() {
    for (i, m) in MIGRATIONS.iter().enumerate() {
        assert_eq!(
            m.to as usize,
            OLDEST_SUPPORTED as usize + 1 + i,
            "{}",
            m.what
        );
    }
    assert_eq!(
        MIGRATIONS.last().map_or(OLDEST_SUPPORTED, |m| m.to),
        SCHEMA_VERSION
    );
}

/// A register as schema 1 wrote it: a community, one evaluation scored under a set
/// stored under its schema-1 identity, and the history of that evaluation.
fn schema_1_register(path: &std::path::Path) -> (String, EvaluationKey) {
    let register = Register::create(path, &commune()).expect("create");
    let catalog = Catalog::shipped().expect("shipped");
    let entry = catalog.in_force(Title::CongDong, 2025).expect("set");
    let legacy = crate::store::legacy_content_hash(&entry.set);
    assert_ne!(legacy, entry.hash, "the identity changes in schema 2");
    let key = register
        .write(|w| {
            let unit = w.insert_unit(&Unit::Community(Community {
                meta: UnitMeta {
                    code: "TH01".into(),
                    entered: 2020,
                    left: None,
                },
                name: "Đông".into(),
                kind: CommunityKind::Thon,
            }))?;
            w.remember_criteria(&legacy, &entry.set)?;
            let key = EvaluationKey {
                year: 2025,
                title: Title::CongDong,
                unit,
            };
            let mut e = Evaluation::register(&entry.set.id, &legacy, None, stamp());
            w.set_evaluation(key, Some(&e), &stamp())?;
            let first = entry.set.indicators().next().expect("indicator");
            let value = match first.kind {
                crate::criteria::IndicatorKind::Points => IndicatorValue::Points(first.max),
                crate::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(true),
            };
            e.values.insert(first.code.clone(), value);
            w.set_evaluation(key, Some(&e), &stamp())?;
            w.put_schema_for_test(1)?;
            Ok(key)
        })
        .expect("write");
    register.close().expect("close");
    (legacy, key)
}

#[test]
fn a_schema_1_register_is_backed_up_then_migrated_on_open() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let (legacy, key) = schema_1_register(&path);
    let before = std::fs::read(&path).expect("read");

    let mut register = Register::open(&path).expect("open and migrate");
    let notice = register.upgrade_notice().expect("a notice").to_string();
    assert!(
        notice.contains("định dạng 1") && notice.contains("Đã sao lưu"),
        "{notice}"
    );
    let reader = register.read().expect("read");
    assert_eq!(
        reader.schema_version().expect("schema"),
        Some(SCHEMA_VERSION)
    );
    let e = reader
        .evaluation(key)
        .expect("evaluation")
        .expect("present");
    let set = reader
        .criteria(&e.criteria_hash)
        .expect("set")
        .expect("kept");
    assert_eq!(e.criteria_hash, set.content_hash());
    assert!(reader.criteria(&legacy).expect("set").is_none());
    let history = reader.history_of(key.title, key.unit).expect("history");
    assert_eq!(history.len(), 2);
    // The Created entry names the new identity, so undoing it still works.
    let undo = history[0].1.revert(Some(&e), &stamp());
    assert!(undo.is_err(), "the evaluation changed after its creation");
    drop(reader);
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    register.close().expect("close");

    // The backup is the schema-1 file, verified, and never migrated.
    let backups: Vec<_> = std::fs::read_dir(backup::default_backup_dir(&path))
        .expect("backup dir")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let name = backups[0]
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("");
    assert!(name.starts_with("truoc-nang-cap-so-dinh-dang-1-"), "{name}");
    let old = Register::open_as_is(&backups[0]).expect("backup opens");
    assert_eq!(
        old.read().and_then(|r| r.schema_version()).expect("v"),
        Some(1)
    );
    assert!(
        old.read()
            .and_then(|r| r.criteria(&legacy))
            .expect("c")
            .is_some()
    );
    old.close().expect("close");
    assert_ne!(std::fs::read(&path).expect("read"), before);

    // Opening again does nothing more.
    let again = Register::open(&path).expect("reopen");
    assert!(again.upgrade_notice().is_none());
}

fn mark(w: &mut Writer, key: &str) -> Result<()> {
    let mut t = w
        .txn()
        .open_table(tables::META)
        .map_err(|e| crate::store::error::from_redb(w.path(), e))?;
    t.insert(key, [1u8].as_slice())
        .map_err(|e| crate::store::error::from_redb(w.path(), e))?;
    Ok(())
}

fn marked(register: &Register, key: &str) -> bool {
    register.read().expect("read").has_meta_for_test(key)
}

#[test]
fn a_failing_migration_step_leaves_the_register_at_the_version_before_it() {
    let steps = [
        Migration {
            to: SCHEMA_VERSION + 1,
            what: "bước thử 1",
            run: |w| mark(w, "step-1").map(|()| vec!["ghi step-1".into()]),
        },
        Migration {
            to: SCHEMA_VERSION + 2,
            what: "bước thử 2 (lỗi trước khi ghi xong)",
            run: |w| {
                mark(w, "step-2")?;
                Err(StoreError::Other("lỗi giả lập giữa chừng".into()))
            },
        },
    ];
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let register = Register::create(&path, &commune()).expect("create");
    let e = register
        .upgrade(SCHEMA_VERSION, &steps)
        .expect_err("the second step fails");
    let StoreError::UpgradeFailed { backup, cause, .. } = &e else {
        panic!("{e:?}");
    };
    assert!(cause.contains("lỗi giả lập"), "{e}");
    assert!(e.to_string().contains("Bước lỗi không ghi gì"), "{e}");
    // The first step committed with its version; nothing of the second is there.
    let reader = register.read().expect("read");
    assert_eq!(
        reader.schema_version().expect("v"),
        Some(SCHEMA_VERSION + 1)
    );
    drop(reader);
    assert!(marked(&register, "step-1"));
    assert!(!marked(&register, "step-2"));
    // The backup holds the register as it was before any step.
    let old = Register::open_as_is(backup).expect("backup");
    assert!(!marked(&old, "step-1"));
    assert_eq!(
        old.read().and_then(|r| r.schema_version()).expect("v"),
        Some(SCHEMA_VERSION)
    );
}

#[test]
fn migration_002_repairs_doubled_kind_words_and_nothing_else() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let register = Register::create(&path, &commune()).expect("create");
    let names = [
        ("TH01", "Thôn Đông", CommunityKind::Thon),
        ("TH02", "Đoài", CommunityKind::Thon),
        ("TH03", "Tổ dân phố số 3", CommunityKind::ToDanPho),
        ("TH04", "Thôn", CommunityKind::Thon),
        ("TH05", "Ban Mai", CommunityKind::Ban),
    ];
    register
        .write(|w| {
            for (code, name, kind) in names {
                w.insert_unit(&Unit::Community(Community {
                    meta: UnitMeta {
                        code: code.into(),
                        entered: 2020,
                        left: None,
                    },
                    name: name.into(),
                    kind,
                }))?;
            }
            w.put_schema_for_test(2)
        })
        .expect("write");
    register.close().expect("close");

    let mut register = Register::open(&path).expect("open and migrate");
    let notice = register.upgrade_notice().expect("notice").to_string();
    assert!(notice.contains("2 thôn, tổ dân phố"), "{notice}");
    assert!(
        notice.contains("«Thôn Thôn Đông» → «Thôn Đông»"),
        "{notice}"
    );
    let units = register
        .read()
        .and_then(|r| r.units(crate::model::UnitKind::Community))
        .expect("units");
    let shown: Vec<String> = units.iter().map(|(_, u)| u.display_name()).collect();
    assert_eq!(
        shown,
        [
            "Thôn Đông",
            "Thôn Đoài",
            "Tổ dân phố số 3",
            "Thôn Thôn",
            "Bản Ban Mai"
        ]
    );
    assert!(register.check(2025).expect("check").ok);
}
