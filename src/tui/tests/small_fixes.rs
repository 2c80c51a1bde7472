//! The smaller defects of issue 14 (items 8–9), each by the keys that showed it.

use super::fixture::*;
use crate::model::{Household, Unit, UnitKind, UnitMeta};
use crate::tui::keymap::Ctx;
use crossterm::event::KeyCode;

#[test]
fn the_last_page_says_it_is_the_last() {
    let mut h = app();
    let app = &mut h.app;
    let register = app.register.as_ref().expect("register");
    let community = register
        .read()
        .and_then(|r| r.unit_id(UnitKind::Community, "TH001"))
        .expect("read")
        .expect("TH001");
    register
        .write(|w| {
            for i in 0..20 {
                w.insert_unit(&Unit::Household(Household {
                    meta: UnitMeta {
                        code: format!("HO{:05}", 100 + i),
                        entered: 2020,
                        left: None,
                    },
                    head_name: format!("Lý Văn Thêm {i}"),
                    community,
                    clan: None,
                    members: 3,
                    adults: 2,
                    address: String::new(),
                }))?;
            }
            Ok(())
        })
        .expect("write");
    app.load_year().expect("year");
    type_text(app, "2");
    press(app, KeyCode::End);
    let text = screen_text(app);
    assert!(text.contains("Trang 2/2"), "{text}");
    press(app, KeyCode::Home);
    assert!(screen_text(app).contains("Trang 1/2"));
}

#[test]
fn no_match_names_ctrl_r_only_when_a_filter_is_set() {
    let mut h = app();
    let app = &mut h.app;
    // Both organisations leave: nothing to show, and no filter to clear.
    type_text(app, "4");
    for _ in 0..2 {
        press(app, KeyCode::F(8));
        press(app, KeyCode::Enter);
    }
    let text = screen_text(app);
    assert!(text.contains("Không có đơn vị nào khớp."), "{text}");
    assert!(!text.contains("Ctrl+R"), "{text}");
    // With a filter on, Ctrl+R is the way out.
    press(app, KeyCode::F(4));
    press(app, KeyCode::F(4));
    assert!(screen_text(app).contains("Ctrl+R bỏ lọc"));
    // None of the thôn has left.
    press(app, KeyCode::Esc);
    type_text(app, "1");
    ctrl(app, 'l');
    let text = screen_text(app);
    assert!(text.contains("Chưa có thôn nào rời xã."), "{text}");
}

#[test]
fn enter_on_the_last_field_saves_the_form() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    type_text(app, "Ngô Thị Mai");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    type_text(app, "5");
    press(app, KeyCode::Enter);
    type_text(app, "3");
    // Address, then the entry year (last): Enter there saves.
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Form);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::List, "{:?}", app.message);
    assert_eq!(app.census.count(UnitKind::Household), 9);
    // Tab on the last field still only moves (to the first).
    press(app, KeyCode::F(6));
    press(app, KeyCode::BackTab);
    press(app, KeyCode::Tab);
    assert_eq!(app.context(), Ctx::Form);
}

#[test]
fn f6_takes_the_latest_earlier_year_that_has_scores() {
    let mut h = app();
    let app = &mut h.app;
    // 2026 was skipped; in 2027 F6 takes 2025's scores of HO00001.
    type_text(app, "]]2");
    assert_eq!(app.year, YEAR + 2);
    press(app, KeyCode::Enter);
    press(app, KeyCode::F(6));
    let Some(crate::tui::app::Screen::Scoring(state)) = app.screen() else {
        panic!("not scoring")
    };
    assert_eq!(
        state.evaluation.as_ref().map(|e| e.values.len()),
        Some(9),
        "{:?}",
        app.message
    );
    let message = app.message.clone().map(|(m, _)| m).unwrap_or_default();
    assert!(message.contains("năm 2025"), "{message}");
}

fn selected_code(app: &crate::tui::app::App) -> String {
    app.lists[&UnitKind::Household]
        .selected_row()
        .map(|r| r.code().to_string())
        .unwrap_or_default()
}

/// Replaces the text of the focused field.
fn retype(app: &mut crate::tui::app::App, text: &str) {
    press(app, KeyCode::End);
    for _ in 0..20 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

#[test]
fn the_decision_form_refuses_a_date_before_registration_and_remembers_the_last_one() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    assert_eq!(selected_code(app), "HO00002");
    press(app, KeyCode::Enter);
    press(app, KeyCode::F(8));
    type_text(app, "31/QĐ-UBND");
    press(app, KeyCode::Tab);
    // Registered on 01/03/2025 (its first score): a decision cannot come before.
    retype(app, "01/01/2025");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Sheet);
    let text = screen_text(app);
    assert!(text.contains("trước ngày đăng ký 01/03/2025"), "{text}");
    retype(app, "20/12/2025");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Scoring, "{}", screen_text(app));
    // The next unit's decision form starts with the same number and date.
    press(app, KeyCode::Esc);
    press(app, KeyCode::Down);
    press(app, KeyCode::Down);
    assert_eq!(selected_code(app), "HO00003");
    press(app, KeyCode::Enter);
    press(app, KeyCode::F(8));
    let Some(crate::tui::app::Screen::Sheet(sheet)) = app.screen() else {
        panic!("no decision form")
    };
    use crate::tui::sheet::DecisionField;
    let value = |key| sheet.form_of().map(|f| f.value(key));
    assert_eq!(value(DecisionField::Number).as_deref(), Some("31/QĐ-UBND"));
    assert_eq!(value(DecisionField::Date).as_deref(), Some("20/12/2025"));
}

#[test]
fn typing_a_name_in_a_list_starts_the_search() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2dang thi");
    assert_eq!(app.context(), Ctx::Search);
    let list = &app.lists[&UnitKind::Household];
    let names: Vec<&str> = list.visible.iter().map(|&i| list.rows[i].name()).collect();
    assert_eq!(names, ["Đặng Thị Hoa"]);
    // Keys bound in a list keep their meaning: "]" is still the next year.
    press(app, KeyCode::Esc);
    type_text(app, "]");
    assert_eq!(app.year, YEAR + 1);
}

#[test]
fn a_demo_register_says_so_in_the_title_bar() {
    let mut h = app();
    let app = &mut h.app;
    assert!(!screen_text(app).contains("SỔ MẪU"));
    let register = app.register.take().expect("register");
    register.write(|w| w.mark_demo()).expect("mark");
    app.attach(register).expect("attach");
    let text = screen_text(app);
    assert!(
        text.lines().next().is_some_and(|l| l.contains("SỔ MẪU")),
        "{text}"
    );
}

#[test]
fn every_help_line_fits_80_columns_and_no_section_is_empty() {
    use crate::tui::help::lines;
    let all = lines(Ctx::Home);
    for (_, text) in &all {
        assert!(crate::text::width(text) <= 76, "cut at 80 columns: {text}");
    }
    for (i, (heading, text)) in all.iter().enumerate() {
        if *heading {
            let next = all.get(i + 1);
            assert!(next.is_some_and(|(h, _)| !h), "empty help section: {text}");
        }
    }
}

#[test]
fn two_long_community_names_stay_apart_in_the_list_column() {
    use crate::text::truncate_to_width;
    use crate::tui::rows::{Lookup, extra_columns, row_of};
    let mut lookup = Lookup::default();
    lookup
        .community_names
        .insert(1, "Tổ dân phố Bắc Sơn".into());
    lookup
        .community_names
        .insert(2, "Tổ dân phố Bắc Hải".into());
    let width = extra_columns(UnitKind::Household)[0].width;
    let cells: Vec<String> = [1, 2]
        .into_iter()
        .map(|community| {
            let unit = Unit::Household(Household {
                meta: UnitMeta {
                    code: "HO1".into(),
                    entered: 2020,
                    left: None,
                },
                head_name: "Lê Văn An".into(),
                community,
                clan: None,
                members: 3,
                adults: 2,
                address: String::new(),
            });
            let row = row_of(7, &unit, &lookup);
            truncate_to_width(row.extra().next().unwrap_or_default(), width)
        })
        .collect();
    assert_eq!(cells, ["TDP Bắc Sơn", "TDP Bắc Hải"]);
}

#[test]
fn a_long_name_fits_the_form_and_shows_its_start_when_not_focused() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "4");
    press(app, KeyCode::F(6));
    type_text(app, "Trường Tiểu học Nguyễn Văn Trỗi");
    press(app, KeyCode::Tab);
    let text = screen_text(app);
    assert!(text.contains("Trường Tiểu học Nguyễn Văn Trỗi "), "{text}");
    press(app, KeyCode::BackTab);
    type_text(app, " xã Yên Mô");
    press(app, KeyCode::Tab);
    let text = screen_text(app);
    assert!(text.contains("Trường Tiểu học Nguyễn Văn Trỗ…"), "{text}");
}

#[test]
fn the_scoring_header_keeps_the_decision_date() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::Enter);
    let text = screen_text(app);
    let header = text.lines().nth(1).unwrap_or_default();
    assert!(header.contains("ngày 20/12/2025"), "{header}");
}

#[test]
fn in_january_the_app_opens_on_the_year_just_ended() {
    use crate::tui::opening_year;
    let day = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).expect("date");
    assert_eq!(opening_year(day(2026, 1, 15)), Some(2025));
    assert_eq!(opening_year(day(2026, 2, 1)), Some(2026));
    assert_eq!(opening_year(day(2025, 12, 31)), Some(2025));
}

#[test]
fn in_ascii_a_cut_name_ends_in_three_dots() {
    let mut h = app_with(crate::tui::theme::Theme::new(false, true));
    let app = &mut h.app;
    type_text(app, "4");
    press(app, KeyCode::F(6));
    type_text(app, "Trường Tiểu học Nguyễn Văn Trỗi xã Yên Mô");
    press(app, KeyCode::Tab);
    let text = screen_text(app);
    assert!(text.contains("Truong Tieu hoc Nguyen Van Tro..."), "{text}");
}
