//! Leaving the commune is never final (issue 14, item 4): an archived unit is found
//! with the "Đã rời xã" filter of every list, returned with F8 there, and an archive of
//! this session is undone with Ctrl+Z. A unit that entered and left in one year, which
//! no year counts, stays findable.

use super::fixture::*;
use crate::model::UnitKind;
use crate::tui::app::{App, Confirm};
use crate::tui::keymap::Ctx;
use crossterm::event::KeyCode;

fn left_of(app: &App, kind: UnitKind, code: &str) -> Option<Option<u16>> {
    let reader = app.register.as_ref()?.read().ok()?;
    let id = reader.unit_id(kind, code).ok()??;
    Some(reader.unit(kind, id).ok()??.meta().left)
}

fn visible_codes(app: &App, kind: UnitKind) -> Vec<String> {
    let list = &app.lists[&kind];
    list.visible
        .iter()
        .map(|&i| list.rows[i].code.clone())
        .collect()
}

/// Household list, cursor on HO00001 (first in order), F8, Enter.
fn archive_first_household(app: &mut App) {
    type_text(app, "2");
    press(app, KeyCode::F(8));
    assert!(matches!(app.confirm, Some(Confirm::Archive { .. })));
    press(app, KeyCode::Enter);
    assert_eq!(
        left_of(app, UnitKind::Household, "HO00001"),
        Some(Some(YEAR))
    );
}

#[test]
fn ctrl_z_undoes_an_archive() {
    let mut h = app();
    let app = &mut h.app;
    archive_first_household(app);
    assert_eq!(app.census.count(UnitKind::Household), 7);
    ctrl(app, 'z');
    assert_eq!(left_of(app, UnitKind::Household, "HO00001"), Some(None));
    assert_eq!(app.census.count(UnitKind::Household), 8);
    assert!(visible_codes(app, UnitKind::Household).contains(&"HO00001".to_string()));
    let message = app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(message.contains("HO00001"), "{message}");
}

#[test]
fn an_archived_unit_is_listed_under_left_and_returned_with_f8() {
    let mut h = app();
    let app = &mut h.app;
    archive_first_household(app);
    assert!(!visible_codes(app, UnitKind::Household).contains(&"HO00001".to_string()));
    ctrl(app, 'l');
    assert_eq!(app.context(), Ctx::ListLeft);
    assert_eq!(visible_codes(app, UnitKind::Household), ["HO00001"]);
    let text = screen_text(app);
    assert!(text.contains("Rời xã 2025"), "{text}");
    assert!(text.contains("F8 Quay lại xã"), "{text}");
    press(app, KeyCode::F(8));
    assert!(screen_text(app).contains("Quay lại xã?"));
    press(app, KeyCode::Enter);
    assert_eq!(left_of(app, UnitKind::Household, "HO00001"), Some(None));
    assert_eq!(app.census.count(UnitKind::Household), 8);
    assert!(visible_codes(app, UnitKind::Household).is_empty());
    ctrl(app, 'l');
    assert_eq!(app.context(), Ctx::List);
    assert!(visible_codes(app, UnitKind::Household).contains(&"HO00001".to_string()));
}

#[test]
fn a_unit_that_entered_and_left_in_one_year_stays_findable() {
    let mut h = app();
    let app = &mut h.app;
    // A household added in 2025 and archived in 2025 counts in no year.
    type_text(app, "2");
    press(app, KeyCode::F(6));
    type_text(app, "Ngô Thị Mai");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "5");
    press(app, KeyCode::Tab);
    type_text(app, "3");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::List, "{:?}", app.message);
    press(app, KeyCode::F(8));
    press(app, KeyCode::Enter);
    assert_eq!(
        left_of(app, UnitKind::Household, "HO00009"),
        Some(Some(YEAR))
    );
    ctrl(app, 'l');
    assert_eq!(visible_codes(app, UnitKind::Household), ["HO00009"]);
    // Searching among those that left works too.
    type_text(app, "/mai");
    assert_eq!(visible_codes(app, UnitKind::Household), ["HO00009"]);
}

#[test]
fn every_list_has_the_left_filter() {
    let mut h = app();
    let app = &mut h.app;
    for key in ['1', '2', '3', '4', '5'] {
        type_text(app, &key.to_string());
        ctrl(app, 'l');
        assert_eq!(app.context(), Ctx::ListLeft, "list {key}");
        press(app, KeyCode::Esc);
        assert_eq!(app.context(), Ctx::Home);
    }
}

#[test]
fn snapshot_left_list() {
    let mut out = String::new();
    for (theme, height) in [
        (crate::tui::theme::Theme::new(true, false), 24),
        (crate::tui::theme::Theme::new(false, true), 23),
    ] {
        let mut h = app_with(theme);
        let app = &mut h.app;
        archive_first_household(app);
        ctrl(app, 'l');
        out.push_str(&draw(app, 80, height).backend().to_string());
        press(app, KeyCode::F(8));
        out.push_str(&draw(app, 80, height).backend().to_string());
    }
    insta::assert_snapshot!(out);
}
