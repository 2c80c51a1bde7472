use super::*;
use crate::criteria::Catalog;
use crate::model::{
    Community, CommunityKind, EvaluationKey, Household, IndicatorValue, Stamp, Title, Unit,
    UnitKind, UnitMeta,
};

fn commune() -> Commune {
    Commune {
        name: "Xã Thử Nghiệm".into(),
        province: "Ninh Bình".into(),
    }
}

fn community(code: &str) -> Unit {
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

fn household(code: &str, community: u32) -> Unit {
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

#[test]
fn scores_are_checked_saved_and_kept_in_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = Register::create(&dir.path().join("so.redb"), &commune()).expect("create");
    let th = register
        .write(|w| w.insert_unit(&community("TH01")))
        .expect("insert");
    let ho = register
        .write(|w| w.insert_unit(&household("HO1", th)))
        .expect("insert");
    let catalog = Catalog::shipped().expect("catalog");
    let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set");
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit: ho,
    };
    let first = entry.set.indicators().next().expect("indicator");
    let stamp = Stamp::now();
    let too_much = IndicatorValue::Points(first.max + 1);
    let e = register
        .set_score(key, &first.code, Some(too_much), entry, &stamp)
        .expect_err("range");
    assert!(e.to_string().contains("vượt quá"), "{e}");
    assert!(
        register
            .read()
            .expect("read")
            .evaluation(key)
            .expect("get")
            .is_none()
    );

    register
        .set_score(
            key,
            &first.code,
            Some(IndicatorValue::Points(first.max)),
            entry,
            &stamp,
        )
        .expect("save");
    let saved = register
        .read()
        .expect("read")
        .evaluation(key)
        .expect("get")
        .expect("present");
    assert_eq!(
        saved.values.get(&first.code),
        Some(&IndicatorValue::Points(first.max))
    );
    assert_eq!(saved.criteria_hash, entry.hash);
    // The first score registered the unit, on the day of the save.
    assert_eq!(saved.registered_on, Some(stamp.at.date()));
    let history = register
        .read()
        .expect("read")
        .history_of(Title::GiaDinh, ho)
        .expect("history");
    assert_eq!(history.len(), 1);
    assert!(matches!(
        history[0].1.change,
        crate::model::EvaluationChange::Created(_)
    ));
}

#[test]
fn an_evaluation_keeps_scoring_under_its_own_criteria_version() {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = Register::create(&dir.path().join("so.redb"), &commune()).expect("create");
    let th = register
        .write(|w| w.insert_unit(&community("TH01")))
        .expect("insert");
    let ho = register
        .write(|w| w.insert_unit(&household("HO1", th)))
        .expect("insert");
    let catalog = Catalog::shipped().expect("catalog");
    let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set").clone();
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit: ho,
    };
    let code = entry
        .set
        .indicators()
        .next()
        .expect("indicator")
        .code
        .clone();
    register
        .set_score(
            key,
            &code,
            Some(IndicatorValue::Points(5)),
            &entry,
            &Stamp::now(),
        )
        .expect("save");

    // The office edits the set: the first indicator's maximum drops to 3.
    let mut edited = entry.set.as_ref().clone();
    edited.criteria[0].indicators[0].max = 3;
    edited.criteria[0].indicators[0].floor = None;
    let new_entry = crate::criteria::CatalogEntry::new(edited, "sửa".into());
    assert_ne!(new_entry.hash, entry.hash);
    // Scoring the old evaluation still uses its stored version, where 5 is allowed.
    register
        .set_score(
            key,
            &code,
            Some(IndicatorValue::Points(5)),
            &new_entry,
            &Stamp::now(),
        )
        .expect("old version still applies");
    let saved = register
        .read()
        .expect("read")
        .evaluation(key)
        .expect("get")
        .expect("present");
    assert_eq!(saved.criteria_hash, entry.hash);
    let kept = register.criteria_of(&saved).expect("stored copy");
    assert_eq!(kept, *entry.set);
}

/// A register with one community, `n` households, and the GĐHT set in force for 2025.
fn with_households(
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

/// Scores every indicator of a household at `fraction` of its maximum (pass/fail: Đ).
fn score_all(register: &Register, entry: &crate::criteria::CatalogEntry, unit: u32, full: bool) {
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit,
    };
    for i in entry.set.indicators() {
        let value = match i.kind {
            crate::criteria::IndicatorKind::Points => {
                IndicatorValue::Points(if full { i.max } else { 0 })
            }
            crate::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(full),
        };
        register
            .set_score(key, &i.code, Some(value), entry, &Stamp::now())
            .expect("score");
    }
}

fn decision() -> crate::model::Decision {
    crate::model::Decision {
        number: "45/QĐ-UBND".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 12, 20).expect("date"),
    }
}

#[test]
fn bulk_recognition_marks_only_passing_undecided_evaluations() {
    let (_dir, register, entry, ids) = with_households(4);
    score_all(&register, &entry, ids[0], true);
    score_all(&register, &entry, ids[1], true);
    score_all(&register, &entry, ids[2], false);
    // ids[3] is not registered at all.
    let changes = register
        .recognise_passing(Title::GiaDinh, 2025, &decision(), &Stamp::now())
        .expect("recognise");
    assert_eq!(changes.len(), 2);
    let again = register
        .recognise_passing(Title::GiaDinh, 2025, &decision(), &Stamp::now())
        .expect("recognise");
    assert!(
        again.is_empty(),
        "already decided evaluations are left alone"
    );
    let read = register.read().expect("read");
    let stage = |unit| {
        read.evaluation(EvaluationKey {
            year: 2025,
            title: Title::GiaDinh,
            unit,
        })
        .expect("get")
        .map(|e| e.stage)
    };
    assert_eq!(stage(ids[0]), Some(crate::model::Stage::Recognised));
    assert_eq!(stage(ids[2]), Some(crate::model::Stage::Registered));
    assert_eq!(stage(ids[3]), None);
}

#[test]
fn a_failing_unit_needs_an_override_reason_to_be_recognised() {
    let (_dir, register, entry, ids) = with_households(1);
    score_all(&register, &entry, ids[0], false);
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit: ids[0],
    };
    let mut change = StageChange {
        stage: crate::model::Stage::Recognised,
        decision: Some(decision()),
        override_reason: None,
    };
    let e = register
        .set_stage(key, &change, &Stamp::now())
        .expect_err("refused");
    assert!(e.to_string().contains("phải ghi rõ lý do"), "{e}");
    change.override_reason = Some("Hộ có hoàn cảnh đặc biệt, Ban chấp hành thống nhất".into());
    let done = register
        .set_stage(key, &change, &Stamp::now())
        .expect("override");
    let new = done.new.expect("new");
    assert_eq!(new.stage, crate::model::Stage::Recognised);
    assert!(new.override_reason.is_some());
}

#[test]
fn undo_puts_the_evaluation_back_and_is_itself_recorded() {
    let (_dir, register, entry, ids) = with_households(1);
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit: ids[0],
    };
    let code = entry
        .set
        .indicators()
        .next()
        .expect("indicator")
        .code
        .clone();
    register
        .set_score(
            key,
            &code,
            Some(IndicatorValue::Points(3)),
            &entry,
            &Stamp::now(),
        )
        .expect("first");
    register
        .set_score(
            key,
            &code,
            Some(IndicatorValue::Points(7)),
            &entry,
            &Stamp::now(),
        )
        .expect("second");
    let history = register
        .read()
        .expect("read")
        .history_of(Title::GiaDinh, ids[0])
        .expect("h");
    let last = &history.last().expect("entry").1;
    register.undo(last, &Stamp::now()).expect("undo");
    let now = register
        .read()
        .expect("read")
        .evaluation(key)
        .expect("get")
        .expect("present");
    assert_eq!(now.values.get(&code), Some(&IndicatorValue::Points(3)));
    assert_eq!(
        register
            .read()
            .expect("read")
            .history_of(Title::GiaDinh, ids[0])
            .expect("h")
            .len(),
        3
    );
    // Undoing the same entry twice is refused: the evaluation moved on.
    assert!(register.undo(last, &Stamp::now()).is_err());
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
