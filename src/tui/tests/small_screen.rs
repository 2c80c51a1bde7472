//! Every screen at 80×23: PuTTY's default 80×24 less a tmux or screen status line.
//! Each must draw in full (title bar, body, hint bar), never the "too small" notice,
//! and one row less than 80×24 must cost no key hint. Snapshots keep what the officer
//! sees; just below the minimum the notice appears instead.

use super::fixture::*;
use crate::tui::app::App;
use crate::tui::keymap::Ctx;
use crate::tui::theme::Theme;
use crossterm::event::{Event, KeyCode};

const WIDTH: u16 = 80;
const HEIGHT: u16 = 23;

fn at_80x23(h: &mut Harness) {
    h.app.handle_event(Event::Resize(WIDTH, HEIGHT));
    // Fixed day and folder: the report and import screens show them.
    h.app.today = chrono::NaiveDate::from_ymd_opt(2025, 12, 28);
    h.app.documents = Some("/tmp/tai-lieu".into());
}

/// The screen at 80×23 with the temporary register path made fixed, after checking
/// that it is a whole screen and not the "too small" notice.
fn whole_screen(app: &App) -> String {
    let text = draw(app, WIDTH, HEIGHT).backend().to_string();
    let path = app.path.display().to_string();
    let text = same_separators(&text.replace(
        &path,
        &format!("{:<1$}", "/tmp/so.redb", path.chars().count()),
    ));
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), usize::from(HEIGHT), "{text}");
    assert!(!text.contains("quá nhỏ"), "{text}");
    assert!(
        lines[0].contains("Sổ học tập") || lines[0].contains("So hoc tap"),
        "no title bar at 80×23:\n{text}"
    );
    let hints = lines[lines.len() - 1];
    assert!(
        hints.trim_matches(['"', ' ']).len() > 10,
        "no key hints on the last row at 80×23:\n{text}"
    );
    text
}

fn snap_screens(name: &str, h: &mut Harness, steps: &[&dyn Fn(&mut App)]) {
    let mut out = String::new();
    for step in steps {
        step(&mut h.app);
        out.push_str(&whole_screen(&h.app));
    }
    insta::assert_snapshot!(name, out);
}

fn keys(app: &mut App, codes: &[KeyCode]) {
    for code in codes {
        press(app, *code);
    }
}

#[test]
fn home_lists_search_and_detail_fit_80x23() {
    let mut h = app();
    at_80x23(&mut h);
    snap_screens(
        "home_lists_detail_80x23",
        &mut h,
        &[
            &|_| {},
            &|a| type_text(a, "2"),
            &|a| type_text(a, "/van"),
            &|a| {
                keys(a, &[KeyCode::Esc, KeyCode::Esc]);
                type_text(a, "2");
                ctrl(a, 'd');
            },
            &|a| keys(a, &[KeyCode::Esc, KeyCode::Esc, KeyCode::F(3)]),
        ],
    );
}

#[test]
fn forms_and_dialogs_fit_80x23() {
    let mut h = app();
    at_80x23(&mut h);
    snap_screens(
        "forms_80x23",
        &mut h,
        &[
            &|a| {
                type_text(a, "2");
                keys(
                    a,
                    &[KeyCode::F(6), KeyCode::Tab, KeyCode::Tab, KeyCode::Tab],
                );
                type_text(a, "abc");
                press(a, KeyCode::F(2));
            },
            &|a| press(a, KeyCode::Esc),
            // The longest forms: a citizen and an organisation.
            &|a| {
                type_text(a, "b");
                press(a, KeyCode::Esc);
                type_text(a, "5");
                press(a, KeyCode::F(6));
            },
            &|a| {
                keys(a, &[KeyCode::Esc, KeyCode::Esc]);
                type_text(a, "4");
                press(a, KeyCode::F(6));
            },
        ],
    );
}

#[test]
fn scoring_and_decision_fit_80x23() {
    let mut h = app();
    at_80x23(&mut h);
    snap_screens(
        "scoring_80x23",
        &mut h,
        &[
            &|a| {
                type_text(a, "2");
                keys(a, &[KeyCode::F(5), KeyCode::Enter]);
                for value in ["12", "4", "16"] {
                    type_text(a, value);
                    press(a, KeyCode::Enter);
                }
            },
            &|a| {
                keys(a, &[KeyCode::Esc, KeyCode::Esc, KeyCode::Esc, KeyCode::Esc]);
                type_text(a, "5");
                press(a, KeyCode::Enter);
                type_text(a, "4");
                keys(a, &[KeyCode::Enter, KeyCode::F(8)]);
            },
        ],
    );
}

#[test]
fn help_about_targets_history_report_and_import_fit_80x23() {
    let mut h = app();
    at_80x23(&mut h);
    snap_screens(
        "other_screens_80x23",
        &mut h,
        &[
            &|a| press(a, KeyCode::F(1)),
            &|a| keys(a, &[KeyCode::Esc, KeyCode::F(9)]),
            &|a| keys(a, &[KeyCode::Esc, KeyCode::F(4)]),
            &|a| {
                keys(a, &[KeyCode::Esc]);
                type_text(a, "2");
                keys(a, &[KeyCode::Enter, KeyCode::F(4)]);
            },
            &|a| {
                keys(a, &[KeyCode::Esc, KeyCode::Esc, KeyCode::Esc, KeyCode::Esc]);
                type_text(a, "b");
            },
            &|a| {
                press(a, KeyCode::Esc);
                type_text(a, "n");
            },
        ],
    );
}

#[test]
fn first_run_and_ascii_fit_80x23() {
    let mut h = first_run();
    at_80x23(&mut h);
    type_text(&mut h.app, "Xã Yên");
    let setup = whole_screen(&h.app);
    let mut h = app_with(Theme::new(false, true));
    at_80x23(&mut h);
    let home = whole_screen(&h.app);
    type_text(&mut h.app, "2");
    let list = whole_screen(&h.app);
    assert!(home.is_ascii() && list.is_ascii());
    insta::assert_snapshot!("first_run_and_ascii_80x23", format!("{setup}{home}{list}"));
}

#[test]
fn one_row_or_column_less_is_too_small() {
    let mut h = app();
    for (width, height) in [(WIDTH, HEIGHT - 1), (WIDTH - 1, HEIGHT)] {
        h.app.handle_event(Event::Resize(width, height));
        let text = draw(&h.app, width, height).backend().to_string();
        assert!(text.contains("quá nhỏ"), "{width}×{height}:\n{text}");
        assert!(text.contains("80×23"), "{text}");
    }
}

/// The digital skills of a CDHT holder, set with the scoring screen's key (from the
/// command table), saved at once and counted in the home bars; targets on the other
/// bases shown on the bars' second lines, all at 80×23.
#[test]
fn digital_skills_and_targets_on_every_basis_fit_80x23() {
    use crate::model::{
        Basis, Decision, DigitalSkills, Evaluation, EvaluationKey, Measure, ResolutionRef, Stage,
        Target, Title, UnitKind,
    };
    use crate::tui::action::Action;
    use crate::tui::keymap::{Ctx, key_label};
    let mut h = app();
    at_80x23(&mut h);
    type_text(&mut h.app, "5");
    let list = &h.app.lists[&UnitKind::Citizen];
    let citizen = list.rows[list.visible[list.selected]].id;
    let entry = h
        .app
        .catalog
        .in_force(Title::CongDan, YEAR)
        .expect("CDHT set")
        .clone();
    let key = EvaluationKey {
        year: YEAR,
        title: Title::CongDan,
        unit: citizen,
    };
    let mut recognised = Evaluation::register(&entry.set.id, &entry.hash, None, stamp());
    recognised.stage = Stage::Recognised;
    recognised.decision = Some(Decision {
        number: "31/QĐ-UBND".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 12, 20).expect("date"),
    });
    let resolution = ResolutionRef {
        number: "05-NQ/ĐU".into(),
        date: None,
        body: "Đảng ủy xã".into(),
    };
    let register = h.app.register.as_ref().expect("register");
    register
        .write(|w| w.remember_criteria(&entry.hash, &entry.set))
        .expect("criteria");
    register
        .put_evaluation(key, Some(&recognised), &stamp())
        .expect("recognise");
    register
        .write(|w| {
            for (measure, basis, tenths) in [
                (Measure::GiaDinh, Basis::Total, 700),
                (Measure::GiaDinh, Basis::Registered, 800),
                (Measure::GiaDinh, Basis::OfRegistered, 200),
                (Measure::KyNangSo, Basis::Total, 700),
                (Measure::ThanhThaoKyNangSo, Basis::Total, 600),
            ] {
                w.put_target(&Target {
                    measure,
                    basis,
                    milestone: 2025,
                    percent_tenths: tenths,
                    resolution: resolution.clone(),
                })?;
            }
            Ok(())
        })
        .expect("targets");
    h.app.targets = register.read().and_then(|r| r.targets()).expect("targets");
    h.app.load_year().expect("year");

    let f3 = key_label(Ctx::Scoring, &Action::CycleSkills);
    assert_eq!(f3, "F3");
    press(&mut h.app, KeyCode::Enter);
    let scoring = whole_screen(&h.app);
    assert!(
        scoring.contains("Kỹ năng số: chưa ghi · F3 đổi"),
        "{scoring}"
    );
    // chưa, then có: each press saved at once, and counted.
    keys(&mut h.app, &[KeyCode::F(3), KeyCode::F(3)]);
    let saved = h
        .app
        .register
        .as_ref()
        .and_then(|r| r.read().ok())
        .and_then(|r| r.evaluation(key).ok().flatten())
        .and_then(|e| e.digital_skills);
    assert_eq!(saved, Some(DigitalSkills::Co));
    let line = h.app.summary.line(Measure::KyNangSo).expect("line");
    assert_eq!((line.counts.total, line.counts.recognised), (1, 1));
    let proficient = h
        .app
        .summary
        .line(Measure::ThanhThaoKyNangSo)
        .expect("line");
    assert_eq!(proficient.counts.recognised, 0);
    // Ctrl+Z takes the last press back (có → chưa), counters too; F3 again redoes it.
    ctrl(&mut h.app, 'z');
    let skills_now = |app: &App| {
        app.register
            .as_ref()
            .and_then(|r| r.read().ok())
            .and_then(|r| r.evaluation(key).ok().flatten())
            .and_then(|e| e.digital_skills)
    };
    assert_eq!(skills_now(&h.app), Some(DigitalSkills::Chua));
    assert_eq!(
        h.app
            .summary
            .line(Measure::KyNangSo)
            .map(|l| l.counts.recognised),
        Some(0)
    );
    press(&mut h.app, KeyCode::F(3));
    assert_eq!(skills_now(&h.app), Some(DigitalSkills::Co));
    keys(&mut h.app, &[KeyCode::Esc, KeyCode::Esc]);
    let home = whole_screen(&h.app);
    // The fixture's households: 4 registered of 8 (50 %, short of 80 %), 1 recognised
    // of the 4 registered (25 %, above 20 %).
    assert!(home.contains("ĐK 50,0% ▼80,0%"), "{home}");
    assert!(home.contains("CN/ĐK 25,0% ✓20,0%"), "{home}");
    assert!(home.contains("thành thạo 0,0% ▼60,0%"), "{home}");
    // F3 at home: each thôn's shares against the targets on the other bases too.
    press(&mut h.app, KeyCode::F(3));
    let breakdown = whole_screen(&h.app);
    assert!(
        breakdown.contains("MT GĐHT 70,0%, ĐK 80,0%, CN/ĐK 20,0%"),
        "{breakdown}"
    );
    // F4 at home: the targets screen, with the digital-skills rows, names the targets
    // on the other bases it does not edit.
    keys(&mut h.app, &[KeyCode::Esc, KeyCode::F(4)]);
    let targets = whole_screen(&h.app);
    assert!(
        targets.contains("Cách tính khác: GĐHT (hộ) ĐK/tổng 80,0% (2025)"),
        "{targets}"
    );
    assert!(
        targets.contains("CDHT có kỹ năng số         70,0"),
        "{targets}"
    );
    insta::assert_snapshot!(
        "digital_skills_home_80x23",
        format!("{scoring}{home}{breakdown}{targets}")
    );
}

/// The hint bar the command table gives the screen's context, every hint whole.
fn every_hint(app: &App) -> String {
    crate::tui::keymap::hints(app.context())
        .iter()
        .map(|(key, label)| format!("{key} {label}"))
        .collect::<Vec<_>>()
        .join("  ")
}

/// The last row at 80×23 and at 80×24 holds every hint of the screen, none cut.
fn assert_every_hint_shown(app: &App) {
    let want = every_hint(app);
    assert!(
        want.contains("F1 ") || app.context() == Ctx::Scoring,
        "{want}"
    );
    for height in [HEIGHT, HEIGHT + 1] {
        let terminal = draw(app, WIDTH, height);
        let buffer = terminal.backend().buffer();
        let last: String = (0..WIDTH)
            .map(|x| buffer[(x, height - 1)].symbol())
            .collect();
        assert_eq!(
            last.trim_end(),
            want,
            "{:?} at 80×{height}: a hint is cut",
            app.context()
        );
    }
}

#[test]
fn the_report_and_criteria_screens_show_every_hint_at_80_columns() {
    let mut h = app();
    at_80x23(&mut h);
    let app = &mut h.app;
    assert_every_hint_shown(app);
    type_text(app, "b");
    assert_eq!(app.context(), Ctx::Report);
    assert_every_hint_shown(app);
    for ascii in [true, false] {
        // F4: the report without diacritics; the bar keeps its labels.
        press(app, KeyCode::F(4));
        assert_eq!(app.context(), Ctx::Report, "ascii {ascii}");
        assert_every_hint_shown(app);
    }
    press(app, KeyCode::Esc);
    type_text(app, "t");
    assert_eq!(app.context(), Ctx::CriteriaSets);
    assert_every_hint_shown(app);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::CriteriaEditor);
    assert_every_hint_shown(app);
}

#[test]
fn the_home_lists_detail_and_scoring_show_every_hint_at_80_columns() {
    let mut h = app();
    at_80x23(&mut h);
    let app = &mut h.app;
    type_text(app, "2");
    assert_eq!(app.context(), Ctx::List);
    assert_every_hint_shown(app);
    ctrl(app, 'd');
    assert_eq!(app.context(), Ctx::Detail);
    assert_every_hint_shown(app);
    press(app, KeyCode::Enter);
    assert_eq!(app.context(), Ctx::Scoring);
    assert_every_hint_shown(app);
}

/// A Windows console opens 120 columns wide: there the lists' bar also shows the keys
/// kept out of the 80-column bar for room (the year and F9; F10 from 130 columns).
#[test]
fn a_wide_console_shows_the_lists_spare_hints_after_the_others() {
    let mut h = app();
    at_80x23(&mut h);
    let app = &mut h.app;
    type_text(app, "2");
    assert_eq!(app.context(), Ctx::List);
    let last_row = |width: u16| -> String {
        let terminal = draw(app, width, HEIGHT);
        let buffer = terminal.backend().buffer();
        (0..width)
            .map(|x| buffer[(x, HEIGHT - 1)].symbol())
            .collect()
    };
    let narrow = last_row(WIDTH);
    let wide = last_row(120);
    assert!(!narrow.contains("Năm trước"), "{narrow}");
    assert!(wide.starts_with(narrow.trim_end()), "{narrow}\n{wide}");
    for spare in ["[ Năm trước", "] Năm sau", "F9 Thông tin"] {
        assert!(
            wide.contains(spare),
            "{spare} missing at 120 columns: {wide}"
        );
    }
    assert!(last_row(130).contains("F10 Thoát"));
}
