//! The register's own tests; the helpers that build a small register are shared with
//! the workflow's tests in `app`.

use super::*;
use crate::criteria::Catalog;
use crate::model::{
    Community, CommunityKind, EvaluationKey, Household, IndicatorValue, Stamp, Title, Unit,
    UnitKind, UnitMeta,
};

pub(crate) fn commune() -> Commune {
    Commune {
        name: "Xã Thử Nghiệm".into(),
        province: "Ninh Bình".into(),
    }
}

pub(crate) fn community(code: &str) -> Unit {
    Unit::Community(Community {
        meta: UnitMeta {
            code: code.into(),
            entered: 2020,
            left: None,
        },
        name: "Đông".into(),
        kind: CommunityKind::Thon,
    })
}

pub(crate) fn household(code: &str, community: u32) -> Unit {
    Unit::Household(Household {
        meta: UnitMeta {
            code: code.into(),
            entered: 2020,
            left: None,
        },
        head_name: "Nguyễn Văn An".into(),
        community,
        clan: None,
        members: 4,
        adults: 2,
        address: String::new(),
    })
}

#[test]
fn a_fresh_register_opens_closes_reopens_and_checks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let register = Register::create(&path, &commune()).expect("create");
    register.close().expect("close");
    let mut register = Register::open(&path).expect("reopen");
    assert_eq!(register.commune().expect("commune"), commune());
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn create_refuses_an_existing_register() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    Register::create(&path, &commune())
        .expect("create")
        .close()
        .expect("close");
    assert!(matches!(
        Register::create(&path, &commune()),
        Err(StoreError::AlreadyExists(_))
    ));
}

#[test]
fn a_second_open_names_the_holder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let _first = Register::create(&path, &commune()).expect("create");
    match Register::open(&path) {
        Err(e @ StoreError::AlreadyOpen { .. }) => {
            let message = e.to_string();
            assert!(message.contains("đang được mở bởi người dùng"), "{message}");
            assert!(message.contains("tiến trình"), "{message}");
        }
        other => panic!("expected AlreadyOpen, got {other:?}"),
    }
}

#[test]
fn a_missing_register_is_named_and_the_advice_left_to_the_front_ends() {
    let dir = tempfile::tempdir().expect("tempdir");
    let e = Register::open(&dir.path().join("khong.redb")).expect_err("missing");
    assert!(matches!(e, StoreError::NotFound(_)), "{e:?}");
    assert!(e.to_string().contains("khong.redb"), "{e}");
    assert!(!e.to_string().contains("sohoctap"), "{e}");
}

#[test]
fn a_file_that_is_not_a_register_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("rac.redb");
    std::fs::write(&path, b"day khong phai so").expect("write");
    assert!(Register::open(&path).is_err());
}

#[test]
fn a_newer_schema_is_refused_untouched() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let register = Register::create(&path, &commune()).expect("create");
    register
        .write(|w| w.put_schema_for_test(SCHEMA_VERSION + 1))
        .expect("write");
    register.close().expect("close");
    let before = std::fs::read(&path).expect("read");
    let e = Register::open(&path).expect_err("newer");
    assert!(
        matches!(e, StoreError::NewerSchema { found, .. } if found == SCHEMA_VERSION + 1),
        "{e:?}"
    );
    assert!(
        std::fs::read(&path).expect("read") == before,
        "file changed"
    );
}

#[test]
fn unit_codes_are_unique_within_a_kind_and_a_failed_write_leaves_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = Register::create(&dir.path().join("so.redb"), &commune()).expect("create");
    let th = register
        .write(|w| w.insert_unit(&community("TH01")))
        .expect("insert");
    let result = register.write(|w| {
        w.insert_unit(&household("HO1", th))?;
        w.insert_unit(&household("HO1", th))
    });
    let e = result.expect_err("duplicate");
    assert!(e.to_string().contains("HO1"), "{e}");
    assert!(
        register
            .read()
            .expect("read")
            .units(UnitKind::Household)
            .expect("units")
            .is_empty()
    );
}

pub(crate) fn with_households(
    n: u32,
) -> (
    tempfile::TempDir,
    Register,
    crate::criteria::CatalogEntry,
    Vec<u32>,
) {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = Register::create(&dir.path().join("so.redb"), &commune()).expect("create");
    let th = register
        .write(|w| w.insert_unit(&community("TH01")))
        .expect("insert");
    let ids = register
        .write(|w| {
            (0..n)
                .map(|i| w.insert_unit(&household(&format!("HO{i}"), th)))
                .collect::<Result<Vec<_>>>()
        })
        .expect("insert");
    let entry = Catalog::shipped()
        .expect("catalog")
        .in_force(Title::GiaDinh, 2025)
        .expect("set")
        .clone();
    (dir, register, entry, ids)
}

/// Scores every indicator of a household at its maximum or at nothing (pass/fail: Đ or
/// not), in one write of the storage primitives: the workflow's rules are `app`'s.
fn score_all(register: &Register, entry: &crate::criteria::CatalogEntry, unit: u32, full: bool) {
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit,
    };
    let mut evaluation =
        crate::model::Evaluation::register(&entry.set.id, &entry.hash, None, Stamp::now());
    for i in entry.set.indicators() {
        let value = match i.kind {
            crate::criteria::IndicatorKind::Points => {
                IndicatorValue::Points(if full { i.max } else { 0 })
            }
            crate::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(full),
        };
        evaluation.values.insert(i.code.clone(), value);
    }
    register
        .write(|w| {
            w.remember_criteria(&entry.hash, &entry.set)?;
            w.set_evaluation(key, Some(&evaluation), &Stamp::now())
        })
        .expect("score");
}

#[test]
fn the_check_finds_a_status_index_that_disagrees_with_its_evaluation() {
    let (dir, register, entry, ids) = with_households(1);
    score_all(&register, &entry, ids[0], true);
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit: ids[0],
    };
    let statuses = register
        .read()
        .expect("read")
        .statuses_in_year(2025)
        .expect("statuses");
    assert_eq!(statuses.len(), 1);
    assert!(statuses[0].2.passed && statuses[0].2.scored && !statuses[0].2.recognised);
    register.close().expect("close");
    let mut register = Register::open(&dir.path().join("so.redb")).expect("open");
    assert!(register.check(2025).expect("check").ok);
    register
        .write(|w| w.put_status_for_test(key, 0b1001))
        .expect("tamper");
    let report = register.check(2025).expect("check");
    assert!(!report.ok);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("không khớp chỉ mục")),
        "{:?}",
        report.problems
    );
}

#[test]
fn the_check_finds_a_history_index_row_without_its_entry_as_damage() {
    let (_dir, register, entry, ids) = with_households(1);
    score_all(&register, &entry, ids[0], true);
    let mut register = register;
    assert!(register.check(2025).expect("check").ok);
    register
        .write(|w| w.put_history_index_for_test(Title::GiaDinh as u8, ids[0], 9_999))
        .expect("tamper");
    let report = register.check(2025).expect("check");
    assert!(!report.ok && report.damaged, "{:?}", report.problems);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("Chỉ mục lịch sử số 9999")),
        "{:?}",
        report.problems
    );
}

#[test]
fn a_register_with_data_problems_only_is_still_backed_up() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let mut register = Register::create(&path, &commune()).expect("create");
    register
        .write(|w| {
            let th = w.insert_unit(&community("TH01"))?;
            let Unit::Household(mut h) = household("HO01", th) else {
                unreachable!()
            };
            h.adults = h.members + 3;
            w.insert_unit(&Unit::Household(h))
        })
        .expect("write");
    let report = register.check(2025).expect("check");
    assert!(!report.ok && !report.damaged, "{:?}", report.problems);
    assert!(
        report.problems[0].starts_with("Hộ HO01: số người lớn"),
        "{:?}",
        report.problems
    );
    let copy = backup::backup_to(&register, &dir.path().join("copy.redb"));
    assert!(copy.is_ok(), "{copy:?}");
}

#[test]
fn an_archive_cannot_plant_a_huge_unit_id() {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = Register::create(&dir.path().join("so.redb"), &commune()).expect("create");
    let e = register
        .write(|w| w.restore_unit(MAX_UNIT_ID + 1, &community("TH99")))
        .expect_err("refused");
    assert!(e.to_string().contains("ngoài giới hạn"), "{e}");
    assert!(
        register
            .write(|w| w.set_next_unit_id(UnitKind::Community, u32::MAX))
            .is_err()
    );
}

#[test]
fn more_citizens_than_adults_in_a_household_is_a_warning_not_a_failure() {
    use crate::model::{Affiliation, Citizen, Gender};
    let dir = tempfile::tempdir().expect("tempdir");
    let mut register = Register::create(&dir.path().join("so.redb"), &commune()).expect("create");
    register
        .write(|w| {
            let th = w.insert_unit(&community("TH01"))?;
            let ho = w.insert_unit(&household("HO1", th))?; // 2 adults
            for i in 0..3 {
                w.insert_unit(&Unit::Citizen(Citizen {
                    meta: UnitMeta {
                        code: format!("CD{i}"),
                        entered: 2020,
                        left: None,
                    },
                    full_name: format!("Người {i}"),
                    birth_year: Some(1980),
                    gender: Gender::Nam,
                    affiliation: Affiliation::Household(ho),
                    target_group: None,
                }))?;
            }
            Ok(())
        })
        .expect("units");
    let report = register.check(2025).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    assert_eq!(report.warnings.len(), 1, "{:?}", report.warnings);
    assert!(
        report.warnings[0].contains("HO1: 3 công dân"),
        "{:?}",
        report.warnings
    );
}

/// The packed link index (256 units to a record) is checked unit by unit: a missing
/// chunk is found by the count, a chunk that disagrees with a unit by that unit, and a
/// chunk of bytes the program never writes is refused outright.
#[test]
fn the_check_finds_a_packed_link_chunk_that_disagrees_or_is_damaged() {
    let (_dir, register, _entry, ids) = with_households(3);
    let mut register = register;
    assert!(register.check(2025).expect("check").ok);
    let key = (UnitKind::Household as u8, super::packed::chunk_of(ids[1]));
    let stored = register.read().expect("read").unit_links().expect("links");
    // Household 2's slot emptied: one unit fewer than the register has.
    let mut chunk = Vec::new();
    for (kind, id, link) in &stored {
        if *kind == UnitKind::Household && *id != ids[1] {
            super::packed::put_link(&mut chunk, super::packed::slot_of(*id), Some(link));
        }
    }
    register
        .write(|w| w.put_link_chunk_for_test(key, &chunk))
        .expect("tamper");
    let report = register.check(2025).expect("check");
    assert!(!report.ok && report.damaged, "{:?}", report.problems);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("Chỉ mục liên kết")),
        "{:?}",
        report.problems
    );
    // A stray byte in a reserved place: not a chunk the program wrote.
    chunk[super::links::LINK_LEN - 1] = 7;
    register
        .write(|w| w.put_link_chunk_for_test(key, &chunk))
        .expect("tamper");
    assert!(
        register
            .check(2025)
            .is_err_and(|e| e.to_string().contains("liên kết"))
    );
}

#[test]
fn the_page_cache_grows_with_the_register_within_its_bounds() {
    let dir = tempfile::tempdir().expect("tempdir");
    let sized = |bytes: u64| {
        let path = dir.path().join(format!("{bytes}.redb"));
        // Sparse: only the length matters.
        std::fs::File::create(&path)
            .and_then(|f| f.set_len(bytes))
            .expect("file");
        super::cache_for(&path)
    };
    const MB: u64 = 1024 * 1024;
    assert_eq!(sized(0), super::CACHE_BYTES);
    assert_eq!(sized(135 * MB), super::CACHE_BYTES + 7 * (MB as usize) / 8);
    assert_eq!(sized(256 * MB), 32 * MB as usize);
    assert_eq!(sized(539 * MB), super::LARGE_CACHE_BYTES);
    assert_eq!(
        super::cache_for(&dir.path().join("absent.redb")),
        super::CACHE_BYTES
    );
}
