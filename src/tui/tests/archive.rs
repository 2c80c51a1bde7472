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
        .map(|&i| list.rows[i].code().to_string())
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

fn community_of(app: &App, code: &str) -> Option<crate::model::UnitId> {
    let reader = app.register.as_ref()?.read().ok()?;
    let id = reader.unit_id(UnitKind::Household, code).ok()??;
    match reader.unit(UnitKind::Household, id).ok()?? {
        crate::model::Unit::Household(h) => Some(h.community),
        _ => None,
    }
}

fn community_id(app: &App, code: &str) -> Option<crate::model::UnitId> {
    let reader = app.register.as_ref()?.read().ok()?;
    reader.unit_id(UnitKind::Community, code).ok()?
}

/// The community list, cursor on "Thôn Đông Hải" (TH001: HO00001, HO00004, HO00007).
fn archive_dong_hai(app: &mut App) {
    type_text(app, "1");
    press(app, KeyCode::Down);
    let selected = app.lists[&UnitKind::Community]
        .selected_row()
        .map(|r| r.code().to_string());
    assert_eq!(selected.as_deref(), Some("TH001"));
    press(app, KeyCode::F(8));
}

#[test]
fn a_thon_with_households_asks_where_they_go_and_moves_them() {
    let mut h = app();
    let app = &mut h.app;
    archive_dong_hai(app);
    assert_eq!(app.context(), Ctx::ArchiveGroup);
    let text = screen_text(app);
    assert!(text.contains("còn 3 hộ trong xã"), "{text}");
    // Enter never archives blindly: it moves the households to the thôn chosen.
    press(app, KeyCode::Right);
    let text = screen_text(app);
    assert!(text.contains("Chuyển sang: ◀ Thôn Tây Sơn ▶"), "{text}");
    press(app, KeyCode::Enter);
    assert_eq!(left_of(app, UnitKind::Community, "TH001"), Some(Some(YEAR)));
    let tay_son = community_id(app, "TH002");
    for code in ["HO00001", "HO00004", "HO00007"] {
        assert_eq!(community_of(app, code), tay_son, "{code}");
        assert_eq!(left_of(app, UnitKind::Household, code), Some(None));
    }
    assert_eq!(app.census.count(UnitKind::Household), 8);
    assert_eq!(app.census.count(UnitKind::Community), 2);
    let report = app
        .register
        .as_mut()
        .map(|r| r.check(YEAR).expect("check"))
        .expect("register");
    assert!(report.warnings.is_empty(), "{:?}", report.warnings);
}

#[test]
fn a_clan_with_households_can_take_them_along_with_r() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "3");
    // "Họ Nguyễn" (DH001: HO00001, HO00003, HO00005, HO00007) is first.
    press(app, KeyCode::F(8));
    assert_eq!(app.context(), Ctx::ArchiveGroup);
    assert!(screen_text(app).contains("còn 4 hộ trong xã"));
    type_text(app, "r");
    assert_eq!(left_of(app, UnitKind::Clan, "DH001"), Some(Some(YEAR)));
    for code in ["HO00001", "HO00003", "HO00005", "HO00007"] {
        assert_eq!(
            left_of(app, UnitKind::Household, code),
            Some(Some(YEAR)),
            "{code}"
        );
    }
    assert_eq!(app.census.count(UnitKind::Household), 4);
}

#[test]
fn check_reports_households_left_in_an_archived_thon() {
    let mut h = app();
    let app = &mut h.app;
    let register = app.register.as_mut().expect("register");
    let id = register
        .read()
        .and_then(|r| r.unit_id(UnitKind::Community, "TH001"))
        .expect("read")
        .expect("TH001");
    // The old way: the thôn archived on its own.
    register
        .write(|w| {
            let mut unit = w.unit(UnitKind::Community, id)?.expect("unit");
            unit.meta_mut().left = Some(YEAR);
            w.update_unit(id, &unit)
        })
        .expect("write");
    let report = register.check(YEAR).expect("check");
    let about: Vec<&String> = report
        .warnings
        .iter()
        .filter(|w| w.contains("thôn TH001 đã rời xã"))
        .collect();
    assert_eq!(about.len(), 3, "{:?}", report.warnings);
}

#[test]
fn snapshot_archive_group_question() {
    let mut out = String::new();
    for (theme, height) in [
        (crate::tui::theme::Theme::new(true, false), 24),
        (crate::tui::theme::Theme::new(false, true), 23),
    ] {
        let mut h = app_with(theme);
        archive_dong_hai(&mut h.app);
        out.push_str(&draw(&h.app, 80, height).backend().to_string());
    }
    insta::assert_snapshot!(out);
}
