//! Key-sequence tests: what the officer types, and the state it leaves.

use super::fixture::*;
use crate::model::{Title, UnitKind};
use crate::tui::action::Action;
use crate::tui::app::{Confirm, Screen};
use crate::tui::keymap::Ctx;
use crate::tui::rows::StageFilter;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The name field's text as typed (not cleaned).
fn form_name(app: &crate::tui::app::App) -> String {
    match app.screen() {
        Some(Screen::Form(f)) => f
            .form
            .field(crate::tui::form::UnitField::Name)
            .and_then(|f| f.input())
            .map(|t| t.value().to_string())
            .unwrap_or_default(),
        other => panic!("not a form: {other:?}"),
    }
}

fn visible_names(app: &crate::tui::app::App, kind: UnitKind) -> Vec<String> {
    let list = &app.lists[&kind];
    list.visible
        .iter()
        .map(|&i| list.rows[i].name().to_string())
        .collect()
}

#[test]
fn a_telex_sequence_from_unikey_ends_as_the_intended_name() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    assert_eq!(app.context(), Ctx::Form);
    // "nguyeenx" in Telex: Unikey sends 'e', then Backspace + 'ê', then for the tone
    // two Backspaces and "ễn". The three kinds of Backspace terminals send all work.
    type_text(app, "Nguye");
    press(app, KeyCode::Backspace);
    type_text(app, "ên");
    ctrl(app, 'h');
    press(app, KeyCode::Char('\u{7f}'));
    type_text(app, "ễn va");
    press(app, KeyCode::Backspace);
    type_text(app, "ăn An");
    assert_eq!(form_name(app), "Nguyễn văn An");
    // A combining tone typed after the vowel (VNI-style input) joins it, NFC.
    press(app, KeyCode::End);
    type_text(app, "h\u{0301}");
    assert_eq!(form_name(app), "Nguyễn văn Anh\u{301}");
    press(app, KeyCode::Backspace);
    assert_eq!(
        form_name(app),
        "Nguyễn văn An",
        "the whole grapheme goes at once"
    );
}

#[test]
fn a_paste_is_one_line_and_nfc() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    app.handle_event(Event::Paste("Le\u{0302} Thi\u{0323}\r\nHoa".into()));
    assert_eq!(form_name(app), "Lê Thị Hoa");
}

#[test]
fn only_key_presses_count() {
    let mut h = app();
    let app = &mut h.app;
    let mut release = KeyEvent::new(KeyCode::Char('2'), KeyModifiers::NONE);
    release.kind = KeyEventKind::Release;
    app.handle_event(Event::Key(release));
    assert_eq!(app.screen(), Some(&Screen::Home));
}

#[test]
fn search_without_diacritics_finds_the_name() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2/dang thi");
    assert_eq!(app.context(), Ctx::Search);
    assert_eq!(visible_names(app, UnitKind::Household), ["Đặng Thị Hoa"]);
    // "d" finds "đ" too, and deleting narrows no more.
    for _ in 0.."ang thi".len() {
        press(app, KeyCode::Backspace);
    }
    let with_d = visible_names(app, UnitKind::Household);
    assert!(
        with_d.contains(&"Đặng Thị Hoa".to_string()) && with_d.contains(&"Lê Văn Đạt".to_string()),
        "{with_d:?}"
    );
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::List);
    press(app, KeyCode::Esc);
    assert_eq!(app.screen(), Some(&Screen::Home));
}

#[test]
fn households_are_sorted_by_given_name() {
    let mut h = app();
    type_text(&mut h.app, "2");
    let names = visible_names(&h.app, UnitKind::Household);
    assert_eq!(names.first().map(String::as_str), Some("Nguyễn Văn An"));
    assert_eq!(names.get(1).map(String::as_str), Some("Bùi Thị Ánh"));
    let at = |n: &str| names.iter().position(|x| x == n);
    assert!(
        at("Phạm Thị Dung") < at("Lê Văn Đạt"),
        "d before đ: {names:?}"
    );
    assert_eq!(names.last().map(String::as_str), Some("Đặng Thị Hoa"));
}

#[test]
fn filters_by_stage_unscored_and_community() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(4));
    assert_eq!(
        app.lists[&UnitKind::Household].filter.stage,
        StageFilter::NotRegistered
    );
    assert_eq!(visible_names(app, UnitKind::Household).len(), 4);
    press(app, KeyCode::F(4));
    assert_eq!(visible_names(app, UnitKind::Household), ["Phạm Thị Dung"]);
    ctrl(app, 'r');
    press(app, KeyCode::F(5));
    assert_eq!(
        visible_names(app, UnitKind::Household).len(),
        5,
        "three are fully scored"
    );
    press(app, KeyCode::F(5));
    press(app, KeyCode::F(3));
    let first_community = app.community_names[0].0;
    assert_eq!(
        app.lists[&UnitKind::Household].filter.community,
        Some(first_community)
    );
    let shown = visible_names(app, UnitKind::Household).len();
    assert!(shown > 0 && shown < 8, "{shown}");
}

#[test]
fn adding_a_household_saves_it_and_updates_counts() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    type_text(app, "Ngô Thị Mai");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Right);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "5");
    press(app, KeyCode::Tab);
    type_text(app, "3");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::List, "{:?}", app.message);
    assert_eq!(app.census.count(UnitKind::Household), 9);
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].total, 9);
    let selected = app.lists[&UnitKind::Household]
        .selected_row()
        .map(|r| (r.code().to_string(), r.name().to_string()));
    assert_eq!(selected, Some(("HO00009".into(), "Ngô Thị Mai".into())));
    let reader = app
        .register
        .as_ref()
        .map(|r| r.read().expect("read"))
        .expect("register");
    let id = reader
        .unit_id(UnitKind::Household, "HO00009")
        .expect("read")
        .expect("saved");
    let Some(crate::model::Unit::Household(saved)) =
        reader.unit(UnitKind::Household, id).expect("read")
    else {
        panic!("not a household")
    };
    assert_eq!((saved.members, saved.adults), (5, 3));
    assert_eq!(
        app.community_name(saved.community),
        "Thôn Đông Hải",
        "→ moved from Bắc Hà to the next community"
    );
}

#[test]
fn a_wrong_form_stays_open_with_messages_beside_the_fields() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Form);
    let text = screen_text(app);
    assert!(text.contains("✗ Không được để trống"), "{text}");
    // A duplicate code is refused too.
    press(app, KeyCode::Up);
    press(app, KeyCode::End);
    for _ in 0..7 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, "HO00001");
    press(app, KeyCode::F(2));
    assert!(screen_text(app).contains("Mã HO00001 đã có"));
}

#[test]
fn esc_on_a_changed_form_asks_before_discarding() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    type_text(app, "x");
    press(app, KeyCode::Esc);
    assert_eq!(app.confirm, Some(Confirm::DiscardForm));
    press(app, KeyCode::Esc);
    assert_eq!(app.confirm, None);
    assert_eq!(form_name(app), "x", "nothing lost by answering no");
    press(app, KeyCode::Esc);
    type_text(app, "b");
    assert_eq!(app.context(), Ctx::List);
    // An unchanged form closes at once.
    press(app, KeyCode::F(6));
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::List);
}

#[test]
fn editing_and_archiving_a_household() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    ctrl(app, 'd');
    assert_eq!(app.context(), Ctx::Detail);
    press(app, KeyCode::F(7));
    press(app, KeyCode::End);
    type_text(app, "h");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Detail);
    match app.screen() {
        Some(Screen::Detail(d)) => assert_eq!(d.unit.display_name(), "Nguyễn Văn Anh"),
        other => panic!("{other:?}"),
    }
    press(app, KeyCode::F(8));
    assert!(matches!(app.confirm, Some(Confirm::Archive { .. })));
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::List);
    assert_eq!(app.census.count(UnitKind::Household), 7);
    assert!(!visible_names(app, UnitKind::Household).contains(&"Nguyễn Văn Anh".to_string()));
    // Still counted in the year before.
    act(app, Action::PrevYear);
    assert_eq!(app.census.count(UnitKind::Household), 8);
}

#[test]
fn switching_the_year_reloads_statuses() {
    let mut h = app();
    let app = &mut h.app;
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].recognised, 1);
    type_text(app, "]");
    assert_eq!(app.year, YEAR + 1);
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].recognised, 0);
    type_text(app, "[");
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].recognised, 1);
}

#[test]
fn first_run_creates_the_register() {
    let mut h = first_run();
    let app = &mut h.app;
    assert_eq!(app.context(), Ctx::Setup);
    press(app, KeyCode::F(2));
    assert!(screen_text(app).contains("Không được để trống"));
    type_text(app, "Xã Khánh Thượng");
    press(app, KeyCode::Tab);
    type_text(app, "Ninh Bình");
    press(app, KeyCode::Enter);
    assert_eq!(app.screen(), Some(&Screen::Home));
    assert!(app.path.exists());
    assert_eq!(app.commune.name, "Xã Khánh Thượng");
}

#[test]
fn esc_on_the_first_run_screen_asks_when_something_is_typed() {
    let mut h = first_run();
    let app = &mut h.app;
    type_text(app, "Xã Khánh");
    press(app, KeyCode::Esc);
    assert!(!app.quit, "typed names are not dropped without asking");
    assert!(screen_text(app).contains("Sổ chưa được tạo"));
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Setup);
    assert!(!app.quit);
    press(app, KeyCode::Esc);
    type_text(app, "b");
    assert!(app.quit);
    assert!(!app.path.exists());
    // Nothing typed: Esc leaves at once.
    let mut h = first_run();
    press(&mut h.app, KeyCode::Esc);
    assert!(h.app.quit);
}

#[test]
fn help_opens_from_f1_and_question_mark_and_lists_the_table() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "?");
    assert_eq!(app.context(), Ctx::Help);
    press(app, KeyCode::Esc);
    type_text(app, "2");
    press(app, KeyCode::F(1));
    let text = screen_text(app);
    assert!(
        text.contains("Danh sách") && text.contains("Tìm theo tên"),
        "{text}"
    );
}

#[test]
fn no_size_makes_it_panic() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::F(6));
    press(app, KeyCode::F(2));
    for (w, hgt) in (1..=100)
        .step_by(7)
        .flat_map(|w| (1..=40).step_by(3).map(move |h| (w, h)))
    {
        let _ = draw(app, w, hgt);
    }
    let small = draw(app, 60, 20).backend().to_string();
    assert!(small.contains("Cửa sổ quá nhỏ"), "{small}");
}

#[test]
fn a_hang_up_saves_a_valid_form_in_progress() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "3");
    press(app, KeyCode::F(6));
    type_text(app, "Họ Lê");
    assert!(app.save_before_exit());
    assert_eq!(app.census.count(UnitKind::Clan), 3);
    // An invalid form is left alone: nothing half-made is written.
    press(app, KeyCode::F(6));
    press(app, KeyCode::Tab);
    type_text(app, "x");
    press(app, KeyCode::Up);
    press(app, KeyCode::Up);
    for _ in 0..10 {
        press(app, KeyCode::Backspace);
    }
    assert!(!app.save_before_exit());
    assert_eq!(app.census.count(UnitKind::Clan), 3);
}

#[test]
fn a_status_change_moves_the_home_bar() {
    let mut h = app();
    let app = &mut h.app;
    let before = app.summary.lines[0].counts.recognised;
    let household = app.lists.len(); // no list opened yet: the change must not need one
    assert_eq!(household, 0);
    type_text(app, "2");
    let id = app.lists[&UnitKind::Household]
        .rows
        .iter()
        .find(|r| r.name() == "Trần Thị Bích")
        .map(|r| r.id)
        .expect("row");
    let status = crate::tally::Status {
        registered: true,
        scored: true,
        passed: true,
        recognised: true,
        skills: None,
    };
    app.apply_status(Title::GiaDinh, id, status);
    assert_eq!(app.summary.lines[0].counts.recognised, before + 1);
    assert!(screen_text(app).contains("Đã công nhận"));
}

#[test]
fn a_typed_full_name_shows_whole_in_the_search_field() {
    for ascii in [false, true] {
        let mut h = app_with(crate::tui::theme::Theme::new(true, ascii));
        let app = &mut h.app;
        type_text(app, "2/nguyen van an");
        assert_eq!(app.context(), Ctx::Search);
        let text = screen_text(app);
        let filter_line = text.lines().nth(1).unwrap_or_default();
        let expected = if ascii {
            "Tim: nguyen van an"
        } else {
            "Tìm: nguyen van an"
        };
        assert!(filter_line.contains(expected), "{filter_line}");
        // The filters after it are still whole.
        let tail = if ascii {
            "Chua cham [ ]"
        } else {
            "Chưa chấm ☐"
        };
        assert!(filter_line.contains(tail), "{filter_line}");
    }
}

#[test]
fn the_list_footer_says_filtered_only_when_a_filter_is_on() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    assert!(!screen_text(app).contains("đang lọc"));
    press(app, KeyCode::F(5));
    assert!(screen_text(app).contains("đang lọc"));
    ctrl(app, 'r');
    assert!(!screen_text(app).contains("đang lọc"));
}
