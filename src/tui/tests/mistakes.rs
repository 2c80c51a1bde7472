//! The officer's likely mistakes (issue 14): each can be refused, asked about or taken
//! back, and none stores wrong data without a word.

use super::fixture::*;
use crate::model::{Affiliation, Unit, UnitKind};
use crate::tui::app::{App, Screen};
use crate::tui::form::UnitField;
use crate::tui::keymap::Ctx;
use crossterm::event::KeyCode;

/// The citizen with `code`, as stored.
fn citizen(app: &App, code: &str) -> Option<crate::model::Citizen> {
    let reader = app.register.as_ref()?.read().ok()?;
    let id = reader.unit_id(UnitKind::Citizen, code).ok()??;
    match reader.unit(UnitKind::Citizen, id).ok()? {
        Some(Unit::Citizen(c)) => Some(c),
        _ => None,
    }
}

fn household_id(app: &App, code: &str) -> Option<crate::model::UnitId> {
    let reader = app.register.as_ref()?.read().ok()?;
    reader.unit_id(UnitKind::Household, code).ok()?
}

/// Opens the citizen form, types a name and `household` in the household field.
fn new_citizen_with_household(app: &mut App, household: &str) {
    type_text(app, "5");
    press(app, KeyCode::F(6));
    type_text(app, "Đỗ Văn Hùng");
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    type_text(app, household);
}

#[test]
fn an_unknown_household_code_is_refused_beside_the_field() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen_with_household(app, "HO99999");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Form, "{:?}", app.message);
    let Some(Screen::Form(form)) = app.screen() else {
        panic!("form closed")
    };
    assert_eq!(form.form.focus(), UnitField::Affiliation);
    assert_eq!(
        form.form
            .field(UnitField::Affiliation)
            .and_then(|f| f.error.as_deref()),
        Some("Không có mã HO99999")
    );
    assert!(citizen(app, "CD00005").is_none(), "nothing saved");
    assert!(screen_text(app).contains("✗ Không có mã HO99999"));
}

#[test]
fn a_household_code_typed_in_lower_case_finds_the_household() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen_with_household(app, "ho00002");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::List, "{:?}", app.message);
    let saved = citizen(app, "CD00005").expect("saved");
    let household = household_id(app, "HO00002").expect("household");
    assert_eq!(saved.affiliation, Affiliation::Household(household));
}

fn stage_of(app: &App, code: &str) -> Option<crate::model::Stage> {
    let reader = app.register.as_ref()?.read().ok()?;
    let unit = reader.unit_id(UnitKind::Household, code).ok()??;
    let key = crate::model::EvaluationKey {
        year: YEAR,
        title: crate::model::Title::GiaDinh,
        unit,
    };
    reader.evaluation(key).ok()?.map(|e| e.stage)
}

#[test]
fn enter_in_the_discard_question_keeps_the_form_and_b_discards() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    type_text(app, "Ngô Thị Mai");
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Discard);
    let text = screen_text(app);
    assert!(text.contains("B: bỏ các thay đổi"), "{text}");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Form, "Enter is the safe answer");
    let Some(Screen::Form(form)) = app.screen() else {
        panic!("form closed")
    };
    assert_eq!(
        form.form
            .field(UnitField::Name)
            .and_then(|f| f.input())
            .map(|t| t.value().to_string()),
        Some("Ngô Thị Mai".into())
    );
    press(app, KeyCode::Esc);
    type_text(app, "b");
    assert_eq!(app.context(), Ctx::List, "B discards");
}

#[test]
fn enter_on_leaving_setup_with_a_name_typed_stays() {
    let mut h = first_run();
    let app = &mut h.app;
    type_text(app, "Xã Yên Mô");
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Discard);
    press(app, KeyCode::Enter);
    assert!(!app.quit);
    assert_eq!(app.context(), Ctx::Setup);
    press(app, KeyCode::Esc);
    type_text(app, "B");
    assert!(app.quit);
}

#[test]
fn f5_on_a_decided_unit_asks_before_dropping_the_decision() {
    let mut h = app();
    let app = &mut h.app;
    // HO00001 (Nguyễn Văn An, first in the list) is recognised by QĐ 12/QĐ-UBND.
    type_text(app, "2");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Scoring);
    press(app, KeyCode::F(5));
    assert_eq!(app.context(), Ctx::Discard);
    let text = screen_text(app);
    assert!(
        text.contains("12/QĐ-UBND") && text.contains("20/12/2025"),
        "{text}"
    );
    press(app, KeyCode::Enter);
    assert_eq!(
        stage_of(app, "HO00001"),
        Some(crate::model::Stage::Recognised)
    );
    press(app, KeyCode::F(5));
    press(app, KeyCode::Esc);
    assert_eq!(
        stage_of(app, "HO00001"),
        Some(crate::model::Stage::Recognised)
    );
    press(app, KeyCode::F(5));
    type_text(app, "b");
    assert_eq!(
        stage_of(app, "HO00001"),
        Some(crate::model::Stage::Reviewed)
    );
    // Moving back from an undecided stage drops nothing: no question.
    press(app, KeyCode::F(5));
    assert_eq!(app.context(), Ctx::Scoring);
    assert_eq!(
        stage_of(app, "HO00001"),
        Some(crate::model::Stage::SelfAssessed)
    );
}

#[test]
fn not_recognising_needs_no_decision_number() {
    let mut h = app();
    let app = &mut h.app;
    // HO00002 passes and has no decision.
    type_text(app, "2");
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Scoring);
    press(app, KeyCode::F(8));
    press(app, KeyCode::Up);
    press(app, KeyCode::Right);
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Scoring, "{}", screen_text(app));
    let code = match app.screen() {
        Some(Screen::Scoring(s)) => s.code.clone(),
        _ => String::new(),
    };
    assert_eq!(
        stage_of(app, &code),
        Some(crate::model::Stage::NotRecognised)
    );
}

#[test]
fn snapshot_drop_decision_question() {
    // 80×24 in colour, then 80×23 in ASCII without colour: the same question fits both.
    let mut out = String::new();
    for (theme, height) in [
        (crate::tui::theme::Theme::new(true, false), 24),
        (crate::tui::theme::Theme::new(false, true), 23),
    ] {
        let mut h = app_with(theme);
        let app = &mut h.app;
        type_text(app, "2");
        press(app, KeyCode::Enter);
        press(app, KeyCode::F(5));
        out.push_str(&draw(app, 80, height).backend().to_string());
    }
    insta::assert_snapshot!(out);
}

fn recognised_households(app: &App) -> u64 {
    app.tally.titles[crate::model::Title::GiaDinh as usize].recognised
}

fn decision_of(app: &App, code: &str) -> Option<crate::model::Decision> {
    let reader = app.register.as_ref()?.read().ok()?;
    let unit = reader.unit_id(UnitKind::Household, code).ok()??;
    let key = crate::model::EvaluationKey {
        year: YEAR,
        title: crate::model::Title::GiaDinh,
        unit,
    };
    reader.evaluation(key).ok()??.decision
}

/// Home → F8 (bulk) → the decision number → F5 (withdraw or correct).
fn open_withdraw(app: &mut App, number: &str) {
    press(app, KeyCode::F(8));
    type_text(app, number);
    assert_eq!(app.context(), Ctx::Bulk);
    press(app, KeyCode::F(5));
    assert!(matches!(
        app.screen(),
        Some(Screen::Sheet(s)) if s.purpose() == crate::tui::sheet::SheetPurpose::Withdraw
    ));
}

#[test]
fn a_decision_is_corrected_then_withdrawn_as_a_whole_in_the_app() {
    let mut h = app();
    let app = &mut h.app;
    assert_eq!(recognised_households(app), 1);
    open_withdraw(app, "12/qđ-ubnd");
    // Correct the date: "Sửa số, ngày", a new date only.
    press(app, KeyCode::Tab);
    press(app, KeyCode::Right);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "22/12/2025");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Confirm);
    let text = screen_text(app);
    assert!(
        text.contains("QĐ 12/QĐ-UBND ngày 20/12/2025 đã công nhận 1 hộ"),
        "{text}"
    );
    press(app, KeyCode::Enter);
    let corrected = decision_of(app, "HO00001").expect("decision");
    assert_eq!(corrected.date.format("%d/%m/%Y").to_string(), "22/12/2025");
    assert_eq!(corrected.number, "12/QĐ-UBND");
    assert_eq!(recognised_households(app), 1);

    // Withdraw it: asked with the date and count; Enter keeps it, B withdraws.
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    press(app, KeyCode::Left);
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Discard);
    let text = screen_text(app);
    assert!(text.contains("ngày 22/12/2025 đã công nhận 1 hộ"), "{text}");
    press(app, KeyCode::Enter);
    assert_eq!(recognised_households(app), 1, "Enter withdraws nothing");
    press(app, KeyCode::F(2));
    type_text(app, "b");
    assert_eq!(decision_of(app, "HO00001"), None);
    assert_eq!(
        stage_of(app, "HO00001"),
        Some(crate::model::Stage::Reviewed)
    );
    assert_eq!(recognised_households(app), 0, "the bars follow");
}

#[test]
fn withdrawing_a_decision_that_recognised_nothing_says_so_beside_the_number() {
    let mut h = app();
    let app = &mut h.app;
    open_withdraw(app, "99/QĐ-UBND");
    press(app, KeyCode::F(2));
    assert_eq!(app.confirm, None);
    assert!(
        screen_text(app)
            .contains("Không có hộ nào được công nhận GĐHT năm 2025 theo QĐ 99/QĐ-UBND")
    );
}

#[test]
fn snapshot_withdraw_sheet_and_question() {
    let mut out = String::new();
    for (theme, height) in [
        (crate::tui::theme::Theme::new(true, false), 24),
        (crate::tui::theme::Theme::new(false, true), 23),
    ] {
        let mut h = app_with(theme);
        let app = &mut h.app;
        open_withdraw(app, "12/QĐ-UBND");
        out.push_str(&draw(app, 80, height).backend().to_string());
        press(app, KeyCode::F(2));
        out.push_str(&draw(app, 80, height).backend().to_string());
    }
    insta::assert_snapshot!(out);
}

#[test]
fn the_household_a_code_names_shows_while_it_is_typed() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen_with_household(app, "ho0000");
    assert!(screen_text(app).contains("chưa khớp mã nào"));
    type_text(app, "2");
    let text = screen_text(app);
    assert!(text.contains("= hộ Trần Thị Bích"), "{text}");
}

/// The yearly cycle with an officer's mistakes, each taken back: a bulk recognition
/// under a wrong number withdrawn, a household archived by mistake returned, Enter
/// pressed in the discard question. Every count ends as it was before the mistakes.
#[test]
fn every_mistake_of_a_session_is_taken_back_and_the_counts_are_as_before() {
    let mut h = app();
    let app = &mut h.app;
    let counts = |app: &App| {
        (
            app.census.count(UnitKind::Household),
            recognised_households(app),
            app.tally.titles[crate::model::Title::GiaDinh as usize].passed,
        )
    };
    let before = counts(app);
    // Bulk recognition under a wrong number: HO00002 and HO00003 recognised.
    press(app, KeyCode::F(8));
    type_text(app, "99/QĐ-UBND");
    press(app, KeyCode::F(2));
    press(app, KeyCode::Enter);
    assert_eq!(recognised_households(app), 3);
    // Withdrawn as a whole.
    press(app, KeyCode::F(5));
    press(app, KeyCode::F(2));
    type_text(app, "b");
    assert_eq!(recognised_households(app), 1);
    press(app, KeyCode::Esc);
    press(app, KeyCode::Esc);
    // A household archived by mistake, returned from the "Đã rời xã" list.
    type_text(app, "2");
    press(app, KeyCode::F(8));
    press(app, KeyCode::Enter);
    assert_eq!(app.census.count(UnitKind::Household), 7);
    ctrl(app, 'l');
    press(app, KeyCode::F(8));
    press(app, KeyCode::Enter);
    ctrl(app, 'l');
    // A form half typed, Esc, then Enter in the question: the typing is still there.
    press(app, KeyCode::F(7));
    type_text(app, " Hai");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Form);
    press(app, KeyCode::Esc);
    type_text(app, "b");
    assert_eq!(app.context(), Ctx::List);
    assert_eq!(counts(app), before);
}
