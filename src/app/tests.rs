//! The workflow's rules against a real register: scores checked and kept in history,
//! each evaluation scored under its own criteria version, bulk recognition, overrides,
//! undo.

use super::*;
use crate::criteria::Catalog;
use crate::model::{EvaluationKey, IndicatorValue, Stamp, Title};
use crate::store::Register;
use crate::store::tests::{commune, community, household, with_households};

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
    let e =
        set_score(&register, key, &first.code, Some(too_much), entry, &stamp).expect_err("range");
    assert!(e.to_string().contains("vượt quá"), "{e}");
    assert!(
        register
            .read()
            .expect("read")
            .evaluation(key)
            .expect("get")
            .is_none()
    );

    set_score(
        &register,
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
    set_score(
        &register,
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
    set_score(
        &register,
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
    let kept = criteria_of(&register, &saved).expect("stored copy");
    assert_eq!(kept, *entry.set);
}

/// A register with one community, `n` households, and the GĐHT set in force for 2025.
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
        set_score(register, key, &i.code, Some(value), entry, &Stamp::now()).expect("score");
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
    let changes = recognise_passing(&register, Title::GiaDinh, 2025, &decision(), &Stamp::now())
        .expect("recognise");
    assert_eq!(changes.len(), 2);
    let again = recognise_passing(&register, Title::GiaDinh, 2025, &decision(), &Stamp::now())
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
    let e = set_stage(&register, key, &change, &Stamp::now()).expect_err("refused");
    assert!(e.to_string().contains("phải ghi rõ lý do"), "{e}");
    change.override_reason = Some("Hộ có hoàn cảnh đặc biệt, Ban chấp hành thống nhất".into());
    let done = set_stage(&register, key, &change, &Stamp::now()).expect("override");
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
    set_score(
        &register,
        key,
        &code,
        Some(IndicatorValue::Points(3)),
        &entry,
        &Stamp::now(),
    )
    .expect("first");
    set_score(
        &register,
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
    undo(&register, last, &Stamp::now()).expect("undo");
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
    assert!(undo(&register, last, &Stamp::now()).is_err());
}

/// After a merge, two communes' decisions may share a number on different dates:
/// withdrawing or correcting "the" decision would touch the other commune's units, so
/// it is refused, naming both dates, and nothing changes.
#[test]
fn one_number_on_two_dates_is_two_decisions_and_is_not_withdrawn_as_one() {
    let (_dir, register, entry, ids) = with_households(2);
    score_all(&register, &entry, ids[0], true);
    recognise_passing(&register, Title::GiaDinh, 2025, &decision(), &Stamp::now())
        .expect("first commune's decision");
    score_all(&register, &entry, ids[1], true);
    let other_commune = crate::model::Decision {
        number: decision().number,
        date: chrono::NaiveDate::from_ymd_opt(2025, 11, 3).expect("date"),
    };
    recognise_passing(
        &register,
        Title::GiaDinh,
        2025,
        &other_commune,
        &Stamp::now(),
    )
    .expect("the other commune's decision");
    let number = decision().number;
    let refused =
        crate::app::withdraw_decision(&register, Title::GiaDinh, 2025, &number, &Stamp::now())
            .expect_err("refused");
    let said = refused.to_string();
    assert!(
        said.contains("20/12/2025") && said.contains("03/11/2025"),
        "{said}"
    );
    assert!(crate::app::decision_batch(&register, Title::GiaDinh, 2025, &number).is_err());
    let still: usize = register
        .read()
        .expect("read")
        .evaluations_in_year(2025)
        .expect("evaluations")
        .iter()
        .filter(|(_, e)| e.stage == crate::model::Stage::Recognised)
        .count();
    assert_eq!(still, 2, "nothing was withdrawn");
}
