//! Snapshots of every screen at 80×24 (text), one in ASCII mode, and the styles of a
//! list in colour and under NO_COLOR.

use super::fixture::*;
use crate::tui::theme::Theme;
use crossterm::event::KeyCode;

/// The screen as text, with the temporary folder's name (different on every run)
/// replaced by a fixed one of the same width.
fn snap(app: &crate::tui::app::App) -> String {
    let path = app.path.display().to_string();
    same_separators(&screen_text(app).replace(
        &path,
        &format!("{:<1$}", "/tmp/so.redb", path.chars().count()),
    ))
}

#[test]
fn home() {
    let h = app();
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn setup() {
    let mut h = first_run();
    type_text(&mut h.app, "Xã Yên");
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn household_list() {
    let mut h = app();
    type_text(&mut h.app, "2");
    press(&mut h.app, KeyCode::Down);
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn list_of_every_other_kind() {
    let mut h = app();
    let mut out = String::new();
    for key in ["1", "3", "4", "5"] {
        type_text(&mut h.app, key);
        out.push_str(&snap(&h.app));
        press(&mut h.app, KeyCode::Esc);
    }
    insta::assert_snapshot!(out);
}

#[test]
fn search() {
    let mut h = app();
    type_text(&mut h.app, "2/van");
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn detail() {
    let mut h = app();
    type_text(&mut h.app, "2");
    ctrl(&mut h.app, 'd');
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn form_with_errors() {
    let mut h = app();
    type_text(&mut h.app, "2");
    press(&mut h.app, KeyCode::F(6));
    press(&mut h.app, KeyCode::Tab);
    press(&mut h.app, KeyCode::Tab);
    press(&mut h.app, KeyCode::Tab);
    type_text(&mut h.app, "abc");
    press(&mut h.app, KeyCode::F(2));
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn discard_dialog() {
    let mut h = app();
    type_text(&mut h.app, "5");
    press(&mut h.app, KeyCode::F(6));
    type_text(&mut h.app, "Lý Thị Thu");
    press(&mut h.app, KeyCode::Esc);
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn help() {
    let mut h = app();
    press(&mut h.app, KeyCode::F(1));
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn about() {
    let mut h = app();
    press(&mut h.app, KeyCode::F(9));
    let text = snap(&h.app);
    assert!(text.contains("Tiếng Việt: ăâđêôơư"));
    insta::assert_snapshot!(text);
}

#[test]
fn too_small() {
    let h = app();
    insta::assert_snapshot!(draw(&h.app, 40, 8).backend().to_string());
}

#[test]
fn ascii_mode() {
    let mut h = app_with(Theme::new(true, true));
    let home = snap(&h.app);
    type_text(&mut h.app, "2");
    let list = snap(&h.app);
    assert!(home.is_ascii() && list.is_ascii());
    insta::assert_snapshot!(format!("{home}{list}"));
}

#[test]
fn colour_and_no_color_styles() {
    let mut colour = app_with(Theme::new(true, false));
    let mut plain = app_with(Theme::new(false, false));
    type_text(&mut colour.app, "2");
    type_text(&mut plain.app, "2");
    let colour_buffer = draw(&colour.app, 80, 24).backend().buffer().clone();
    let plain_buffer = draw(&plain.app, 80, 24).backend().buffer().clone();
    assert!(
        plain_buffer
            .content
            .iter()
            .all(|c| c.fg == ratatui::style::Color::Reset && c.bg == ratatui::style::Color::Reset)
    );
    assert!(
        colour_buffer
            .content
            .iter()
            .any(|c| c.fg != ratatui::style::Color::Reset)
    );
    insta::assert_debug_snapshot!("no_color", plain_buffer);
    insta::assert_debug_snapshot!("colour", colour_buffer);
}

/// Replaces the focused field's text (today's date would change every day).
fn retype(app: &mut crate::tui::app::App, text: &str) {
    for _ in 0..20 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

/// The scoring screen of an unscored household after two values and a refused one.
fn scoring_in_progress(h: &mut Harness) {
    type_text(&mut h.app, "2");
    press(&mut h.app, KeyCode::F(5));
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "12");
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "4");
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "16");
    press(&mut h.app, KeyCode::Enter);
}

#[test]
fn scoring() {
    let mut h = app();
    scoring_in_progress(&mut h);
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn scoring_ascii() {
    let mut h = app_with(Theme::new(false, true));
    scoring_in_progress(&mut h);
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn scoring_cdht_with_a_failing_rule() {
    let mut h = app();
    type_text(&mut h.app, "5");
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "4");
    press(&mut h.app, KeyCode::Enter);
    for _ in 0..9 {
        type_text(&mut h.app, "9");
        press(&mut h.app, KeyCode::Enter);
    }
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn override_form() {
    let mut h = app();
    type_text(&mut h.app, "5");
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "4");
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::F(8));
    press(&mut h.app, KeyCode::Up);
    press(&mut h.app, KeyCode::Right);
    press(&mut h.app, KeyCode::Down);
    type_text(&mut h.app, "31/QĐ-UBND");
    press(&mut h.app, KeyCode::Enter);
    retype(&mut h.app, "20/12/2025");
    press(&mut h.app, KeyCode::F(2));
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn bulk_recognition() {
    let mut h = app();
    press(&mut h.app, KeyCode::F(8));
    type_text(&mut h.app, "20/QĐ-UBND");
    press(&mut h.app, KeyCode::Enter);
    retype(&mut h.app, "20/12/2025");
    press(&mut h.app, KeyCode::Enter);
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn targets() {
    let mut h = app();
    press(&mut h.app, KeyCode::F(4));
    press(&mut h.app, KeyCode::F(6));
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn breakdown() {
    let mut h = app();
    press(&mut h.app, KeyCode::F(3));
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn history() {
    let mut h = app();
    type_text(&mut h.app, "2");
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::F(4));
    insta::assert_snapshot!(snap(&h.app));
}

#[test]
fn opening() {
    let mut terminal =
        ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).expect("terminal");
    terminal
        .draw(|f| {
            crate::tui::opening::render(
                f,
                Theme::new(false, false),
                std::path::Path::new("/tmp/so.redb"),
            )
        })
        .expect("draw");
    insta::assert_snapshot!(terminal.backend().to_string());
}
