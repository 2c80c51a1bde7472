//! The citizen form's household picker (issue 14, item 1): F3 lists the year's
//! households, typing filters by name, code or thôn without diacritics, Enter puts the
//! code into the field; a typed code still matches in any case.

use super::fixture::*;
use crate::model::{Affiliation, Unit, UnitKind};
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Ctx;
use crossterm::event::KeyCode;

fn new_citizen(app: &mut App) {
    type_text(app, "5");
    press(app, KeyCode::F(6));
    type_text(app, "Đỗ Văn Hùng");
}

fn field(app: &App) -> String {
    let Some(Screen::Form(form)) = app.screen() else {
        panic!("no form: {:?}", app.context());
    };
    form.affiliation_code()
}

fn shown_codes(app: &App) -> Vec<String> {
    let Some(Screen::Form(form)) = app.screen() else {
        panic!("no form");
    };
    let picker = form.picker.as_ref().expect("picker open");
    picker
        .shown
        .iter()
        .map(|&i| picker.rows[i].code.clone())
        .collect()
}

#[test]
fn a_household_is_picked_by_typing_part_of_the_head_s_name() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen(app);
    press(app, KeyCode::F(3));
    assert_eq!(app.context(), Ctx::Picker);
    // Eight households, then the two organisations the field also takes.
    assert_eq!(shown_codes(app).len(), 10);
    type_text(app, "dang hoa");
    assert_eq!(shown_codes(app), ["HO00006"]);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Form);
    assert_eq!(field(app), "HO00006");
    assert!(screen_text(app).contains("= hộ Đặng Thị Hoa"));
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::List, "{:?}", app.message);
    let reader = app
        .register
        .as_ref()
        .expect("register")
        .read()
        .expect("read");
    let id = reader
        .unit_id(UnitKind::Citizen, "CD00005")
        .expect("read")
        .expect("saved");
    let household = reader
        .unit_id(UnitKind::Household, "HO00006")
        .expect("read")
        .expect("household");
    let Some(Unit::Citizen(c)) = reader.unit(UnitKind::Citizen, id).expect("read") else {
        panic!("not a citizen");
    };
    assert_eq!(c.affiliation, Affiliation::Household(household));
}

#[test]
fn the_thon_narrows_the_list_and_arrows_choose_within_it() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen(app);
    press(app, KeyCode::F(3));
    type_text(app, "tay son");
    assert_eq!(shown_codes(app), ["HO00002", "HO00005", "HO00008"]);
    press(app, KeyCode::Down);
    press(app, KeyCode::Enter);
    assert_eq!(field(app), "HO00005");
}

#[test]
fn esc_closes_the_list_and_leaves_the_form_as_it_was() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen(app);
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    type_text(app, "ho0000");
    press(app, KeyCode::F(3));
    // What the field held is the first search.
    assert_eq!(shown_codes(app).len(), 8);
    type_text(app, "3");
    assert_eq!(shown_codes(app), ["HO00003"]);
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Form);
    assert!(app.confirm.is_none());
    assert_eq!(field(app), "ho0000");
    // A code typed in lower case is still matched on saving.
    type_text(app, "2");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::List, "{:?}", app.message);
}

#[test]
fn nothing_matching_says_so_and_enter_picks_nothing() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen(app);
    press(app, KeyCode::F(3));
    type_text(app, "zzz");
    assert!(shown_codes(app).is_empty());
    assert!(screen_text(app).contains("Không có hộ nào khớp"));
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Picker);
}

#[test]
fn snapshot_household_picker() {
    let mut h = app();
    let app = &mut h.app;
    new_citizen(app);
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    let mut out = screen_text(app);
    press(app, KeyCode::F(3));
    type_text(app, "van");
    out.push_str(&screen_text(app));
    insta::assert_snapshot!(out);
}
