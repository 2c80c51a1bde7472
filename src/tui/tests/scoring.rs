//! The scoring work driven by keys: a household scored from the list moves the home
//! bars; refused input saves nothing; fast sessions stay within the keystroke budget;
//! decisions, bulk recognition, targets, history and undo.

use super::fixture::*;
use crate::model::{EvaluationKey, IndicatorValue, Stage, Title, UnitKind};
use crate::store::Register;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Ctx;
use crossterm::event::KeyCode;

fn scoring(app: &App) -> &crate::tui::scoring::ScoringState {
    match app.screen() {
        Some(Screen::Scoring(s)) => s,
        other => panic!("not the scoring screen: {other:?}"),
    }
}

fn stored(app: &App, kind: UnitKind, code: &str) -> Option<crate::model::Evaluation> {
    let register = app.register.as_ref().expect("register");
    let reader = register.read().expect("read");
    let id = reader.unit_id(kind, code).expect("id").expect("unit");
    reader
        .evaluation(EvaluationKey {
            year: YEAR,
            title: Title::for_kind(kind),
            unit: id,
        })
        .expect("evaluation")
}

/// GĐHT values within each indicator's maximum: 92 points, passes.
const PASSING: [&str; 9] = ["12", "9", "15", "8", "10", "5", "14", "9", "10"];

fn score_all(app: &mut App) {
    for v in PASSING {
        type_text(app, v);
        press(app, KeyCode::Enter);
    }
}

/// Presses keys and counts them.
struct Keys<'a> {
    app: &'a mut App,
    count: usize,
}

impl Keys<'_> {
    fn key(&mut self, code: KeyCode) {
        press(self.app, code);
        self.count += 1;
    }
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.key(KeyCode::Char(c));
        }
    }
}

#[test]
fn scoring_a_household_fully_from_the_list_costs_at_most_n_times_digits_plus_one_plus_two() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    let values = PASSING;
    let mut keys = Keys { app, count: 0 };
    keys.key(KeyCode::Enter);
    assert_eq!(keys.app.context(), Ctx::Scoring);
    assert_eq!(scoring(keys.app).count(), values.len());
    let mut budget = 2;
    for v in values {
        keys.text(v);
        keys.key(KeyCode::Enter);
        budget += v.len() + 1;
    }
    keys.key(KeyCode::Esc);
    assert!(keys.count <= budget, "{} keys > {budget}", keys.count);
    assert_eq!(app.context(), Ctx::List);
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.len(), values.len());
    assert_eq!(saved.values.get("1.1"), Some(&IndicatorValue::Points(12)));
    assert_eq!(saved.values.get("3.3"), Some(&IndicatorValue::Points(10)));
}

#[test]
fn a_household_scored_and_recognised_from_the_list_moves_the_home_bar() {
    let mut h = app();
    let app = &mut h.app;
    let before = screen_text(app);
    assert!(before.contains("1/8 hộ  12,5%"), "{before}");
    assert!(before.contains("còn thiếu 5 hộ để đạt 70,0%"), "{before}");
    assert!(before.contains("đăng ký 50,0%"), "{before}");
    unscored_households(app);
    press(app, KeyCode::Enter);
    score_all(app);
    // 92 points: passes the 70-point minimum; shown live on the scoring screen.
    let scored = screen_text(app);
    assert!(scored.contains("Tổng: 92/100"), "{scored}");
    assert!(scored.contains("ĐẠT"), "{scored}");
    // Registered share moved on the home screen at once (the tally, not a rescan).
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].registered, 5);
    press(app, KeyCode::F(8));
    assert_eq!(app.context(), Ctx::Sheet);
    type_text(app, "20/QĐ-UBND");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Scoring, "{}", screen_text(app));
    press(app, KeyCode::Esc);
    press(app, KeyCode::Esc);
    let after = screen_text(app);
    assert!(after.contains("2/8 hộ  25,0%"), "{after}");
    assert!(after.contains("còn thiếu 4 hộ để đạt 70,0%"), "{after}");
    assert!(after.contains("đăng ký 62,5%"), "{after}");
}

#[test]
fn out_of_range_and_wrong_kind_input_is_refused_and_nothing_saved() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    type_text(app, "16");
    press(app, KeyCode::Enter);
    let text = screen_text(app);
    assert!(
        text.contains("Chỉ số 1.1: 16 điểm vượt quá điểm tối đa 15"),
        "{text}"
    );
    assert_eq!(
        scoring(app).cursor,
        0,
        "the cursor stays on the refused value"
    );
    assert_eq!(stored(app, UnitKind::Household, &code), None);
    // A pass/fail key on a points indicator is refused as it is typed.
    press(app, KeyCode::Backspace);
    press(app, KeyCode::Backspace);
    type_text(app, "d");
    assert!(screen_text(app).contains("Chỉ nhập số nguyên từ 0 đến 15"));
    press(app, KeyCode::Enter);
    assert_eq!(stored(app, UnitKind::Household, &code), None);
    press(app, KeyCode::Backspace);
    // Esc drops a half-typed value first, then leaves.
    type_text(app, "7");
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Scoring);
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::List);
    assert_eq!(stored(app, UnitKind::Household, &code), None);
}

#[test]
fn a_decimal_comma_or_point_is_never_saved_as_the_last_digit() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    for typed in ["9,5", "7.5"] {
        type_text(app, typed);
        assert_eq!(scoring(app).input.value(), typed, "the box shows every key");
        press(app, KeyCode::Enter);
        let text = screen_text(app);
        assert!(
            text.contains("Chỉ nhập số nguyên từ 0 đến 15; không dùng dấu phẩy hay dấu chấm"),
            "{text}"
        );
        assert_eq!(scoring(app).cursor, 0);
        assert_eq!(stored(app, UnitKind::Household, &code), None);
        // One Backspace leaves "9," / "7.": still refused.
        press(app, KeyCode::Backspace);
        press(app, KeyCode::Enter);
        assert_eq!(stored(app, UnitKind::Household, &code), None);
        press(app, KeyCode::Backspace);
        press(app, KeyCode::Backspace);
        assert!(scoring(app).input.is_empty());
    }
    // "12,5": the box keeps "12," (all it shows), still refused.
    type_text(app, "12,5");
    assert_eq!(scoring(app).input.value(), "12,");
    assert!(screen_text(app).contains("[12,]"));
    press(app, KeyCode::Enter);
    assert_eq!(stored(app, UnitKind::Household, &code), None);
    for _ in 0..3 {
        press(app, KeyCode::Backspace);
    }
    // Cleared, a whole number saves.
    type_text(app, "9");
    press(app, KeyCode::Enter);
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.get("1.1"), Some(&IndicatorValue::Points(9)));
}

#[test]
fn delete_clears_a_saved_value_and_backspace_only_edits_the_typing() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    type_text(app, "12");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Up);
    press(app, KeyCode::Backspace);
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.get("1.1"), Some(&IndicatorValue::Points(12)));
    press(app, KeyCode::Delete);
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.get("1.1"), None);
}

#[test]
fn page_down_goes_to_the_next_unit_not_fully_scored_in_the_same_list_and_filter() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "2");
    press(app, KeyCode::Enter);
    let first = scoring(app).id;
    let mut seen = vec![first];
    loop {
        press(app, KeyCode::PageDown);
        let now = scoring(app).id;
        if seen.contains(&now) {
            break;
        }
        seen.push(now);
    }
    // The list (in name order) has 8 households; 3 are fully scored.
    let rows: Vec<_> = {
        let list = &app.lists[&UnitKind::Household];
        list.visible.iter().map(|&i| list.rows[i].id).collect()
    };
    let unscored: Vec<_> = rows
        .iter()
        .copied()
        .filter(|id| !app.census.status(Title::GiaDinh, *id).scored)
        .collect();
    // From the first row (scored, recognised) PgDn walks every unscored one in order.
    assert_eq!(&seen[1..], &unscored[..], "{seen:?}");
    assert!(screen_text(app).contains("Không còn đơn vị nào sau"));
    press(app, KeyCode::PageUp);
    assert_eq!(Some(scoring(app).id), unscored.iter().rev().nth(1).copied());
}

#[test]
fn last_years_values_come_only_with_the_explicit_key() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "]");
    assert_eq!(app.year, YEAR + 1);
    type_text(app, "2");
    // The first row is household HO00001, fully scored in 2025.
    press(app, KeyCode::Enter);
    let key = scoring(app).key();
    assert!(scoring(app).evaluation.is_none(), "nothing copied silently");
    assert!(screen_text(app).contains("Chưa đăng ký"));
    press(app, KeyCode::F(6));
    let state = scoring(app);
    let evaluation = state.evaluation.clone().expect("copied");
    assert_eq!(evaluation.values.len(), 9);
    assert!(state.score().complete);
    let register = app.register.as_ref().expect("register");
    let on_disk = register
        .read()
        .expect("read")
        .evaluation(key)
        .expect("read");
    assert_eq!(on_disk.map(|e| e.values), Some(evaluation.values));
    // In one transaction: one history entry for the whole copy.
    let history = register
        .read()
        .expect("read")
        .history_of(Title::GiaDinh, key.unit)
        .expect("history");
    assert_eq!(
        history
            .iter()
            .filter(|(_, e)| e.key.year == YEAR + 1)
            .count(),
        1
    );
}

#[test]
fn the_cdht_rule_and_bulk_recognition_in_the_app() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "5");
    press(app, KeyCode::Enter);
    // Total 85 with one indicator at 4: not passed.
    type_text(app, "4");
    press(app, KeyCode::Enter);
    for _ in 0..9 {
        type_text(app, "9");
        press(app, KeyCode::Enter);
    }
    let text = screen_text(app);
    assert!(text.contains("Tổng: 85/100"), "{text}");
    assert!(text.contains("CHƯA ĐẠT"), "{text}");
    assert!(
        text.contains("Chỉ số 1.1: 4 điểm, dưới mức tối thiểu 5"),
        "{text}"
    );
    press(app, KeyCode::Esc);
    press(app, KeyCode::Down);
    press(app, KeyCode::Enter);
    // Exactly 80, none below 5: passed.
    for _ in 0..10 {
        type_text(app, "8");
        press(app, KeyCode::Enter);
    }
    let text = screen_text(app);
    assert!(text.contains("Tổng: 80/100"), "{text}");
    assert!(text.contains("ĐẠT"), "{text}");
    assert!(!text.contains("CHƯA ĐẠT"), "{text}");
    press(app, KeyCode::Esc);
    press(app, KeyCode::Esc);
    assert_eq!(app.screen(), Some(&Screen::Home));
    press(app, KeyCode::F(8));
    assert_eq!(app.context(), Ctx::Bulk);
    type_text(app, "30/QĐ-UBND");
    press(app, KeyCode::Enter);
    press(app, KeyCode::Enter);
    // First the count, and nothing written until Enter.
    let text = screen_text(app);
    assert!(
        text.contains("Sẽ công nhận 1 người đạt CDHT năm 2025"),
        "{text}"
    );
    assert_eq!(app.tally.titles[Title::CongDan as usize].recognised, 0);
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Bulk);
    assert_eq!(app.tally.titles[Title::CongDan as usize].recognised, 0);
    press(app, KeyCode::F(2));
    press(app, KeyCode::Enter);
    let text = screen_text(app);
    assert!(
        text.contains("Đã công nhận 1 người đạt CDHT năm 2025"),
        "{text}"
    );
    assert_eq!(app.tally.titles[Title::CongDan as usize].recognised, 1);
    // A second run finds nothing left to recognise, and asks nothing.
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Bulk);
    assert!(screen_text(app).contains("Không có người nào đạt CDHT năm 2025"));
}

#[test]
fn recognising_a_failing_unit_needs_a_reason() {
    let mut h = app();
    let app = &mut h.app;
    type_text(app, "5");
    press(app, KeyCode::Enter);
    type_text(app, "4");
    press(app, KeyCode::Enter);
    press(app, KeyCode::F(8));
    let text = screen_text(app);
    assert!(text.contains("Chưa đạt tiêu chí"), "{text}");
    // A failing unit's form starts on "Không công nhận"; choose "Công nhận".
    press(app, KeyCode::Up);
    press(app, KeyCode::Right);
    press(app, KeyCode::Down);
    type_text(app, "31/QĐ-UBND");
    press(app, KeyCode::F(2));
    let text = screen_text(app);
    assert!(text.contains("phải ghi lý do"), "{text}");
    assert_eq!(app.context(), Ctx::Sheet);
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    type_text(app, "Hoàn cảnh đặc biệt, xã đề nghị");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Scoring);
    let evaluation = scoring(app).evaluation.clone().expect("evaluation");
    assert_eq!(evaluation.stage, Stage::Recognised);
    assert_eq!(
        evaluation.override_reason.as_deref(),
        Some("Hoàn cảnh đặc biệt, xã đề nghị")
    );
    // A decided evaluation refuses score changes until its stage is moved back.
    type_text(app, "5");
    press(app, KeyCode::Enter);
    let text = screen_text(app);
    assert!(
        text.contains("Đã có quyết định: bấm F5 để lùi giai đoạn rồi sửa điểm"),
        "the whole message, with its key, fits 80 columns: {text}"
    );
    press(app, KeyCode::F(5));
    type_text(app, "b");
    assert_eq!(
        scoring(app).evaluation.as_ref().map(|e| e.stage),
        Some(Stage::Reviewed)
    );
}

#[test]
fn stages_move_forward_from_registration() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    press(app, KeyCode::Enter);
    press(app, KeyCode::F(7));
    let e = scoring(app).evaluation.clone().expect("registered");
    assert_eq!(e.stage, Stage::Registered);
    assert!(e.registered_on.is_some());
    press(app, KeyCode::F(7));
    press(app, KeyCode::F(7));
    assert_eq!(
        scoring(app).evaluation.as_ref().map(|e| e.stage),
        Some(Stage::Reviewed)
    );
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].registered, 5);
}

#[test]
fn ctrl_z_undoes_the_sessions_last_changes_and_the_tally_follows() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    press(app, KeyCode::Enter);
    let key = scoring(app).key();
    type_text(app, "12");
    press(app, KeyCode::Enter);
    type_text(app, "7");
    press(app, KeyCode::Enter);
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].registered, 5);
    let code = scoring(app).code.clone();
    ctrl(app, 'z');
    let (message, _) = app.message.clone().expect("message");
    assert_eq!(
        message,
        format!("Đã hoàn tác {code}: chỉ số 1.2 trở lại (trống)")
    );
    let e = scoring(app).evaluation.clone().expect("still registered");
    assert_eq!(e.values.get("1.2"), None);
    assert_eq!(e.values.get("1.1"), Some(&IndicatorValue::Points(12)));
    ctrl(app, 'z');
    assert!(scoring(app).evaluation.is_none());
    assert_eq!(app.tally.titles[Title::GiaDinh as usize].registered, 4);
    ctrl(app, 'z');
    assert!(screen_text(app).contains("Không còn thay đổi nào"));
    // The history shows every change and every undo, with who and when.
    press(app, KeyCode::F(4));
    assert_eq!(app.context(), Ctx::History);
    let text = screen_text(app);
    assert!(text.contains("Chỉ số 1.2: 7 → (trống)"), "{text}");
    assert!(text.contains("canbo") || text.contains(&crate::model::current_user()));
    let register = app.register.as_ref().expect("register");
    let history = register
        .read()
        .expect("read")
        .history_of(Title::GiaDinh, key.unit)
        .expect("history");
    assert_eq!(history.len(), 4);
}

#[test]
fn targets_are_entered_prefilled_on_request_and_move_the_bars() {
    let mut h = app();
    let app = &mut h.app;
    press(app, KeyCode::F(4));
    assert_eq!(app.context(), Ctx::Targets);
    let text = screen_text(app);
    assert!(text.contains("mốc kế tiếp"), "{text}");
    type_text(app, "05-NQ/ĐU");
    press(app, KeyCode::F(6));
    press(app, KeyCode::F(2));
    assert_eq!(app.screen(), Some(&Screen::Home), "{}", screen_text(app));
    // National figures now stand for every measure, 2025 and 2030.
    assert_eq!(app.targets.len(), 12);
    let text = screen_text(app);
    assert!(text.contains("còn thiếu 2 dòng họ để đạt 65,0%"), "{text}");
    // A bad percentage is refused with the field named, nothing saved.
    press(app, KeyCode::F(4));
    for _ in 0..3 {
        press(app, KeyCode::Tab);
    }
    for _ in 0..4 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, "120");
    press(app, KeyCode::F(2));
    assert_eq!(app.context(), Ctx::Targets);
    let text = screen_text(app);
    assert!(text.contains("không được quá 100%"), "{text}");
    // The bad cell itself carries the ✗ the message points to.
    assert!(
        text.lines().any(|l| l.contains("120") && l.contains("%✗")),
        "{text}"
    );
}

#[test]
fn the_breakdown_follows_every_save() {
    let mut h = app();
    let app = &mut h.app;
    press(app, KeyCode::F(3));
    assert_eq!(app.context(), Ctx::Breakdown);
    let before = screen_text(app);
    assert!(before.contains("Thôn Đông Hải"), "{before}");
    press(app, KeyCode::Esc);
    unscored_households(app);
    press(app, KeyCode::Enter);
    score_all(app);
    press(app, KeyCode::F(8));
    type_text(app, "21/QĐ-UBND");
    press(app, KeyCode::F(2));
    press(app, KeyCode::Esc);
    press(app, KeyCode::Esc);
    press(app, KeyCode::F(3));
    let after = screen_text(app);
    assert_ne!(before, after);
    let recognised: u64 = app
        .tally
        .by_community
        .values()
        .map(|c| c[Title::GiaDinh as usize].recognised)
        .sum();
    assert_eq!(recognised, 2);
}

#[test]
fn a_hang_up_saves_a_valid_score_typed_but_not_entered() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    type_text(app, "11");
    assert!(app.save_before_exit());
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.get("1.1"), Some(&IndicatorValue::Points(11)));
    // An invalid one is not written.
    type_text(app, "99");
    assert!(!app.save_before_exit());
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.get("1.2"), None);
}

#[test]
fn a_window_too_small_ignores_every_key_but_f10() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    let cursor = scoring(app).cursor;
    app.handle_event(crossterm::event::Event::Resize(60, 20));
    let small = draw(app, 60, 20).backend().to_string();
    assert!(small.contains("Cửa sổ quá nhỏ"), "{small}");
    type_text(app, "9");
    press(app, KeyCode::Enter);
    press(app, KeyCode::PageDown);
    assert!(scoring(app).input.is_empty(), "nothing typed");
    assert_eq!(scoring(app).cursor, cursor);
    assert_eq!(stored(app, UnitKind::Household, &code), None);
    // Large enough again: keys act.
    app.handle_event(crossterm::event::Event::Resize(80, 24));
    type_text(app, "9");
    press(app, KeyCode::Enter);
    assert!(stored(app, UnitKind::Household, &code).is_some());
    // Too small, F10 still leaves, and the backup question is shown and answered.
    app.handle_event(crossterm::event::Event::Resize(60, 20));
    press(app, KeyCode::F(10));
    let small = draw(app, 60, 20).backend().to_string();
    assert!(small.contains("Sao lưu sổ trước khi thoát"), "{small}");
    type_text(app, "k");
    assert!(app.quit);
}

#[test]
fn f10_with_a_score_typed_but_not_entered_asks_first() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    type_text(app, "9");
    press(app, KeyCode::F(10));
    assert!(!app.quit);
    let text = screen_text(app);
    assert!(
        text.contains("Điểm «9» gõ cho chỉ số 1.1 chưa được lưu"),
        "{text}"
    );
    // Esc stays with the value still typed; Enter then saves it.
    press(app, KeyCode::Esc);
    assert_eq!(app.context(), Ctx::Scoring);
    assert_eq!(scoring(app).input.value(), "9");
    press(app, KeyCode::Enter);
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(saved.values.get("1.1"), Some(&IndicatorValue::Points(9)));
    // Typed again, F10 then B drops it and goes on to the backup question.
    type_text(app, "8");
    press(app, KeyCode::F(10));
    type_text(app, "b");
    assert!(scoring(app).input.is_empty());
    assert_eq!(app.context(), Ctx::QuitBackup);
    type_text(app, "k");
    assert!(app.quit);
    let saved = stored(app, UnitKind::Household, &code).expect("saved");
    assert_eq!(
        saved.values.get("1.2"),
        None,
        "the dropped value is not saved"
    );
}

/// The Windows console-close path (`ConsoleEvent::Close`, the same handler logoff and
/// shutdown use) end to end: the handler asks for a stop and waits; the session's end
/// saves the typed score and closes the register before the handler lets go.
#[test]
fn closing_the_console_saves_a_typed_score_before_the_process_may_end() {
    use crate::tui::terminal::{ConsoleEvent, Stop, on_console_event};
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let code = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .code()
        .to_string();
    press(app, KeyCode::Enter);
    type_text(app, "11");

    let path = app.path.clone();
    let stop = Stop::default();
    let console = stop.clone();
    let handler_path = path.clone();
    let handler = std::thread::spawn(move || {
        let handled = on_console_event(
            &console,
            ConsoleEvent::Close,
            std::time::Duration::from_secs(60),
        );
        // Returning lets Windows end the process: the register must be closed by now.
        let free = Register::open(&handler_path)
            .and_then(|r| r.close())
            .is_ok();
        (handled, free)
    });
    // What the event loop does: notice the request, then end the session.
    while !stop.requested() {
        std::thread::sleep(std::time::Duration::from_millis(2));
    }
    crate::tui::end_session(app, &stop).expect("session ended");
    let (handled, free) = handler.join().expect("handler");
    assert!(handled);
    assert!(free, "the handler returned before the register was closed");

    let register = Register::open(&path).expect("reopen");
    let reader = register.read().expect("read");
    let id = reader
        .unit_id(UnitKind::Household, &code)
        .expect("id")
        .expect("unit");
    let saved = reader
        .evaluation(EvaluationKey {
            year: YEAR,
            title: Title::GiaDinh,
            unit: id,
        })
        .expect("evaluation")
        .expect("saved");
    assert_eq!(saved.values.get("1.1"), Some(&IndicatorValue::Points(11)));
}

#[test]
fn a_score_save_looks_at_the_changed_row_only_and_the_list_stays_right() {
    let mut h = app();
    let app = &mut h.app;
    unscored_households(app);
    let first = app.lists[&UnitKind::Household]
        .selected_row()
        .expect("row")
        .id;
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Scoring);
    let mut examined = app.lists[&UnitKind::Household].rows_examined;
    for v in PASSING {
        type_text(app, v);
        press(app, KeyCode::Enter);
        let list = &app.lists[&UnitKind::Household];
        assert!(
            list.rows_examined - examined <= 1,
            "a save looked at {} rows",
            list.rows_examined - examined
        );
        examined = list.rows_examined;
    }
    // Fully scored: the household left the "chưa chấm" list, exactly as a full refilter
    // of the list would have it.
    let list = app.lists[&UnitKind::Household].clone();
    assert!(!list.visible.iter().any(|&i| list.rows[i].id == first));
    let mut again = list.clone();
    again.refilter(&app.census, true);
    assert_eq!(again.visible, list.visible);
}

/// The counters the app shows, against the year counted afresh from the register.
fn assert_tally_is_a_fresh_count(app: &App, after: &str) {
    let register = app.register.as_ref().expect("register");
    let reader = register.read().expect("read");
    let census = crate::app::load_census(&reader, app.year).expect("census");
    assert_eq!(
        app.tally,
        crate::tally::Tally::compute(&census),
        "after {after}"
    );
}

#[test]
fn after_scores_a_stage_change_and_undo_the_bars_equal_a_fresh_count() {
    let mut h = app();
    let app = &mut h.app;
    assert_tally_is_a_fresh_count(app, "opening");
    unscored_households(app);
    press(app, KeyCode::Enter);
    type_text(app, "12");
    press(app, KeyCode::Enter);
    assert_tally_is_a_fresh_count(app, "a score");
    press(app, KeyCode::F(7));
    press(app, KeyCode::F(7));
    assert_tally_is_a_fresh_count(app, "two stage changes");
    ctrl(app, 'z');
    ctrl(app, 'z');
    ctrl(app, 'z');
    assert_tally_is_a_fresh_count(app, "three undos");
}
