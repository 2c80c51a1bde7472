//! The officer's name (issue 14, "who changed what"): asked once when a register is
//! opened, offered again next session, skippable with Esc, stored with every change and
//! shown in the history.

use super::fixture::*;
use crate::criteria::Catalog;
use crate::model::{Title, current_user};
use crate::store::Register;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Ctx;
use crate::tui::theme::Theme;
use crossterm::event::KeyCode;

/// The app as `sohoctap` opens it with no `--officer`: the question on top.
fn asked(h: &mut Harness) -> &mut App {
    h.app.ask_officer();
    assert_eq!(h.app.context(), Ctx::Officer);
    &mut h.app
}

/// Closes the register and opens it again, as the next session would.
fn next_session(app: &mut App) -> App {
    let register = app.register.take().expect("register");
    let path = register.path().to_path_buf();
    register.close().expect("close");
    let register = Register::open(&path).expect("reopen");
    let mut next = App::open(
        register,
        Catalog::shipped().expect("catalog"),
        YEAR,
        app.theme,
    )
    .expect("open");
    next.today = app.today;
    next
}

/// Scores the first unscored household's first indicator; returns its history's newest
/// entry's "who".
fn score_one(app: &mut App) -> String {
    type_text(app, "2");
    press(app, KeyCode::F(5));
    press(app, KeyCode::Enter);
    let Some(Screen::Scoring(s)) = app.screen() else {
        panic!("not scoring: {:?}", app.context());
    };
    let unit = s.key().unit;
    type_text(app, "12");
    press(app, KeyCode::Enter);
    let history = app
        .register
        .as_ref()
        .expect("register")
        .read()
        .expect("read")
        .history_of(Title::GiaDinh, unit)
        .expect("history");
    history.last().expect("an entry").1.stamp.user.clone()
}

#[test]
fn the_name_typed_is_stored_with_every_change_and_shown_in_the_history() {
    let mut h = app();
    let app = asked(&mut h);
    type_text(app, "Nguyễn Văn A");
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Home);
    assert_eq!(app.officer.as_deref(), Some("Nguyễn Văn A"));
    assert!(
        app.message
            .as_ref()
            .is_some_and(|(m, _)| m.contains("Nguyễn Văn A"))
    );
    // Remembering the name is no change to back up.
    assert!(!app.changed_since_backup());
    let who = score_one(app);
    assert_eq!(who, crate::model::who(Some("Nguyễn Văn A")));
    assert!(who.starts_with("Nguyễn Văn A"), "{who}");
    press(app, KeyCode::F(4));
    assert_eq!(app.context(), Ctx::History);
    assert!(
        screen_text(app).contains("Nguyễn Văn A"),
        "{}",
        screen_text(app)
    );
}

#[test]
fn next_session_offers_the_last_name_and_enter_takes_it() {
    let mut h = app();
    let app = asked(&mut h);
    type_text(app, "Trần Thị Bích");
    press(app, KeyCode::Enter);
    let mut next = next_session(app);
    next.ask_officer();
    let Some(Screen::Officer(state)) = next.screen() else {
        panic!("not asked: {:?}", next.context());
    };
    assert_eq!(state.last.as_deref(), Some("Trần Thị Bích"));
    assert!(screen_text(&next).contains("Lần trước: Trần Thị Bích"));
    press(&mut next, KeyCode::Enter);
    assert_eq!(next.context(), Ctx::Home);
    assert_eq!(next.officer.as_deref(), Some("Trần Thị Bích"));
    assert!(!next.changed_since_backup());
    // Another officer types over the offer; the register then remembers them.
    let mut third = next_session(&mut next);
    third.ask_officer();
    type_text(&mut third, "Lê Văn Đạt");
    press(&mut third, KeyCode::Enter);
    let remembered = third
        .register
        .as_ref()
        .expect("register")
        .read()
        .expect("read");
    assert_eq!(
        remembered.officer().expect("meta").as_deref(),
        Some("Lê Văn Đạt")
    );
    drop(remembered);
    // Put back in the harness so its folder outlives the register.
    h.app = third;
}

#[test]
fn esc_skips_the_question_and_changes_carry_the_account() {
    let mut h = app();
    let app = asked(&mut h);
    type_text(app, "Nguyễn");
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Home);
    assert_eq!(app.officer, None);
    let (message, _) = app.message.clone().expect("message");
    assert!(message.contains(&current_user()), "{message}");
    assert_eq!(score_one(app), current_user());
}

#[test]
fn enter_with_nothing_typed_and_no_earlier_name_asks_again() {
    let mut h = app();
    let app = asked(&mut h);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Officer);
    assert!(screen_text(app).contains("Gõ họ tên"));
    type_text(app, &"a".repeat(crate::model::MAX_OFFICER + 1));
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Officer);
    assert!(
        screen_text(app).contains("quá giới hạn"),
        "{}",
        screen_text(app)
    );
}

#[test]
fn a_name_given_on_the_command_line_is_not_asked_for() {
    let mut h = app();
    h.app.officer = Some("Phạm Thị Dung".into());
    h.app.ask_officer();
    assert_eq!(h.app.context(), Ctx::Home);
    let who = score_one(&mut h.app);
    assert!(who.starts_with("Phạm Thị Dung"), "{who}");
}

#[test]
fn a_message_shown_on_opening_comes_back_after_the_answer() {
    let mut h = app();
    h.app.message = Some((
        "Tháng 1: đang xem năm 2025".into(),
        crate::tui::theme::Role::Warning,
    ));
    let app = asked(&mut h);
    type_text(app, "An");
    press(app, KeyCode::Enter);
    let (message, _) = app.message.clone().expect("message");
    assert!(message.starts_with("Tháng 1"), "{message}");
}

#[test]
fn snapshot_officer_question() {
    let mut h = app_with(Theme::new(true, false));
    let app = asked(&mut h);
    type_text(app, "Nguyễn Văn A");
    press(app, KeyCode::Enter);
    let mut next = next_session(app);
    next.ask_officer();
    // The account's name differs on every machine: shown as a fixed one.
    if let Some(Screen::Officer(state)) = next.stack.last_mut() {
        state.account = "ketoan".into();
    }
    let mut shown = screen_text(&next);
    // In ASCII mode, for consoles without Vietnamese glyphs.
    next.theme = Theme::new(true, true);
    shown.push_str(&screen_text(&next));
    insta::assert_snapshot!(shown);
    h.app = next;
}

#[test]
fn a_register_created_on_the_first_run_asks_too() {
    let mut h = first_run();
    h.app.officer = None;
    type_text(&mut h.app, "Xã Yên Mô");
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.context(), Ctx::Officer);
    type_text(&mut h.app, "Vũ Văn Giang");
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(h.app.context(), Ctx::Home);
    // The first run's own message, kept through the question.
    let (message, _) = h.app.message.clone().expect("message");
    assert!(message.starts_with("Đã tạo sổ cho Xã Yên Mô"), "{message}");
    assert_eq!(h.app.officer.as_deref(), Some("Vũ Văn Giang"));
}
