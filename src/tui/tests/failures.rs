//! When a step after a committed save fails (re-reading the history, rescoring, a
//! refused undo), the app still tells the truth: what is on disk is shown as saved,
//! and the undo list never points Ctrl+Z at the wrong change.

use super::fixture::*;
use crate::store::StoreError;
use crate::tui::theme::Role;
use crossterm::event::KeyCode;

/// Household list filtered to "chưa chấm", scoring screen of its first household.
fn score_first_unscored(app: &mut crate::tui::app::App) {
    type_text(app, "2");
    press(app, KeyCode::F(5));
    press(app, KeyCode::Enter);
}

#[test]
fn a_history_re_read_failing_after_a_save_empties_the_undo_list_and_says_saved() {
    let mut h = app();
    let app = &mut h.app;
    score_first_unscored(app);
    type_text(app, "12");
    press(app, KeyCode::Enter);
    let recorded = app.session_changes.clone();
    assert_eq!(recorded.len(), 1);
    let next = recorded[0] + 1;

    app.record_history_range(next, Ok(next + 2));
    assert_eq!(app.session_changes, vec![recorded[0], next, next + 1]);

    // The newest change's entries are unknown: keeping the older ones would make
    // Ctrl+Z undo an older change while the officer means the last one.
    app.record_history_range(next + 2, Err(StoreError::Other("đĩa lỗi".into())));
    assert!(app.session_changes.is_empty());
    let (text, role) = app.message.clone().expect("a message");
    assert_eq!(role, Role::Warning);
    assert!(text.starts_with("Đã lưu"), "{text}");
    assert!(text.contains("đĩa lỗi"), "{text}");
}

#[test]
fn a_status_that_cannot_be_worked_out_still_shows_the_saved_value_and_recounts_the_year() {
    use crate::model::Change;
    use crate::model::{Evaluation, IndicatorValue};
    use crate::tui::app::Screen;
    let mut h = app();
    let app = &mut h.app;
    score_first_unscored(app);
    let Some(Screen::Scoring(state)) = app.screen() else {
        panic!("not the scoring screen");
    };
    let key = state.key();
    // Under a criteria version the register has no copy of, the status cannot be
    // computed: the shape of a change whose rescoring fails.
    let mut new = Evaluation::register("khong-co", "0000", None, stamp());
    new.values.insert("1.1".into(), IndicatorValue::Points(3));
    let change = Change {
        key,
        old: None,
        new: Some(new.clone()),
    };
    let tally_before = app.tally.clone();
    assert!(!app.after_change(&change));
    let Some(Screen::Scoring(state)) = app.screen() else {
        panic!("not the scoring screen");
    };
    assert_eq!(state.evaluation.as_ref(), Some(&new));
    let (text, role) = app.message.clone().expect("a message");
    assert_eq!(role, Role::Warning);
    assert!(text.contains("đã đếm lại cả năm"), "{text}");
    // Recounted from the register, which this made-up change never reached.
    assert_eq!(app.tally, tally_before);
}

#[test]
fn a_refused_undo_keeps_the_change_in_the_sessions_undo_list() {
    use crate::model::IndicatorValue;
    use crate::tui::app::Screen;
    let mut h = app();
    let app = &mut h.app;
    score_first_unscored(app);
    type_text(app, "12");
    press(app, KeyCode::Enter);
    let recorded = app.session_changes.clone();
    assert_eq!(recorded.len(), 1);
    let Some(Screen::Scoring(state)) = app.screen() else {
        panic!("not the scoring screen");
    };
    let (key, entry) = (state.key(), state.entry.clone());
    // Someone else moves the evaluation on: undoing the session's change is refused.
    crate::app::set_score(
        app.register.as_ref().expect("register"),
        key,
        "1.1",
        Some(IndicatorValue::Points(5)),
        &entry,
        &stamp(),
    )
    .expect("score");
    ctrl(app, 'z');
    let (text, role) = app.message.clone().expect("a message");
    assert_eq!(role, Role::Error, "{text}");
    assert_eq!(app.session_changes, recorded);
}

/// A store error ending in a library's English detail is said in Vietnamese on the
/// app's message line, as the command line says it.
#[test]
fn a_store_error_with_an_english_detail_is_said_in_vietnamese() {
    let mut h = app();
    let english = "File truncated below stored layout: file_len=1, layout_len=2";
    h.app.fail(&crate::store::StoreError::Other(format!(
        "Lỗi sổ /tmp/so.redb: {english}"
    )));
    let (said, _) = h.app.message.clone().expect("message");
    assert!(said.starts_with("✗ Lỗi sổ /tmp/so.redb: "), "{said}");
    assert!(!said.contains("truncated"), "{said}");
    assert_eq!(
        said.trim_start_matches("✗ "),
        crate::text::english::in_vietnamese(&format!("Lỗi sổ /tmp/so.redb: {english}"))
    );
}
