//! Names stored before control characters were refused (issue 11, item 11): the app
//! shows them escaped and never sends them to the terminal.

use super::fixture::*;
use crate::model::{Household, Unit, UnitKind, UnitMeta};
use crossterm::event::KeyCode;

const PLANTED: &str = "Lê\u{1b}]52;c;ZXZpbA==\u{7}Văn \u{202E}Tám";

fn plant(app: &mut crate::tui::app::App) {
    let register = app.register.as_ref().expect("register");
    let community = register
        .read()
        .and_then(|r| r.unit_id(UnitKind::Community, "TH001"))
        .expect("read")
        .expect("TH001");
    register
        .write(|w| {
            w.insert_unit(&Unit::Household(Household {
                meta: UnitMeta {
                    code: "HO00999".into(),
                    entered: 2020,
                    left: None,
                },
                head_name: PLANTED.into(),
                community,
                clan: None,
                members: 3,
                adults: 2,
                address: String::new(),
            }))?;
            Ok(())
        })
        .expect("write");
    app.load_year().expect("year");
}

fn assert_no_unsafe_cell(app: &crate::tui::app::App) {
    let terminal = draw(app, 80, 24);
    for cell in terminal.backend().buffer().content.iter() {
        assert!(
            !cell.symbol().chars().any(crate::text::safe::is_unsafe),
            "cell {:?} reaches the terminal",
            cell.symbol()
        );
    }
}

#[test]
fn a_planted_name_is_escaped_in_the_list_and_the_scoring_screen() {
    let mut h = app();
    let app = &mut h.app;
    plant(app);
    type_text(app, "2");
    type_text(app, "HO00999");
    let list = screen_text(app);
    assert!(list.contains("Lê<U+001B>]52"), "{list}");
    assert!(list.contains("HO00999"), "{list}");
    assert_no_unsafe_cell(app);
    // Enter ends the search, the second opens the scoring screen.
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    let scoring = screen_text(app);
    assert!(scoring.contains("Lê<U+001B>]52"), "{scoring}");
    assert_no_unsafe_cell(app);
}

#[test]
fn an_over_long_decision_number_is_refused_beside_the_field() {
    let mut h = app();
    let app = &mut h.app;
    press(app, KeyCode::F(8));
    type_text(app, &"1".repeat(70));
    press(app, KeyCode::F(2));
    let text = screen_text(app);
    assert!(text.contains("Dài 70 ký tự, tối đa 64"), "{text}");
    assert_eq!(app.context(), crate::tui::keymap::Ctx::Bulk, "{text}");
}
