//! The officer's likely mistakes (issue 14): each can be refused, asked about or taken
//! back, and none stores wrong data without a word.

use super::fixture::*;
use crate::model::{Affiliation, Unit, UnitKind};
use crate::tui::app::{App, Screen};
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
    assert_eq!(form.focus, 4);
    assert_eq!(form.fields[4].error.as_deref(), Some("Không có mã HO99999"));
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
