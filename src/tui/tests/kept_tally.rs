//! The first frame drawn from the tally kept in the register, the census read right
//! after it, and the counts kept when a session ends.

use super::fixture::*;
use crate::criteria::Catalog;
use crate::tally::Tally;
use crate::tui::app::App;
use crate::tui::theme::Theme;
use crossterm::event::KeyCode;

/// A snapshot of the app's register.
fn reader(app: &App) -> crate::store::Reader {
    app.register
        .as_ref()
        .expect("register")
        .read()
        .expect("read")
}

/// The year counted afresh from the register.
fn fresh_count(app: &App) -> Tally {
    Tally::compute(&crate::app::load_census(&reader(app), YEAR).expect("census"))
}

/// The app on the register at `path`, as a session opens it.
fn open_app(path: &std::path::Path) -> App {
    let register = crate::store::Register::open(path).expect("open");
    let mut app = App::open(
        register,
        Catalog::shipped().expect("catalog"),
        YEAR,
        Theme::new(true, false),
    )
    .expect("open app");
    app.today = chrono::NaiveDate::from_ymd_opt(2025, 12, 15);
    app
}

/// Closes the app, handing back its register's path.
fn close(app: &mut App) -> std::path::PathBuf {
    let register = app.register.take().expect("register");
    let path = register.path().to_path_buf();
    register.close().expect("close");
    path
}

/// Closes the app and opens the same register again, as the next session would.
fn reopen(h: Harness) -> Harness {
    let Harness { mut app, _dir } = h;
    let path = close(&mut app);
    Harness {
        app: open_app(&path),
        _dir,
    }
}

#[test]
fn a_session_keeps_its_counts_and_the_next_opens_on_them_before_the_census() {
    let mut h = app();
    assert!(
        !h.app.census_pending,
        "nothing was kept: the census is read at open"
    );
    let before = fresh_count(&h.app);
    // Scores change the counts; the session keeps those of the register as it is.
    unscored_households(&mut h.app);
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "12");
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::Esc);
    press(&mut h.app, KeyCode::Esc);
    h.app.keep_tallies();
    let expected = fresh_count(&h.app);
    assert_ne!(expected, before, "the scores changed the counts");
    let bars = screen_text(&h.app);

    let mut h = reopen(h);
    assert!(
        h.app.census_pending,
        "the first frame comes from the kept counts"
    );
    assert_eq!(h.app.tally, expected);
    assert_eq!(
        screen_text(&h.app),
        bars,
        "the same bars before the census is read"
    );
    // The first key reads the census before it does anything.
    press(&mut h.app, KeyCode::Down);
    assert!(!h.app.census_pending);
    assert_eq!(h.app.tally, expected);
    assert!(h.app.census.is_active(crate::model::UnitKind::Household, 1));
}

#[test]
fn a_write_after_the_counts_were_kept_makes_the_next_opening_count_afresh() {
    let mut h = app();
    h.app.keep_tallies();
    let register = h.app.register.as_ref().expect("register");
    let reader = register.read().expect("read");
    assert!(
        reader.kept_tally(YEAR).expect("kept").is_some(),
        "kept first"
    );
    drop(reader);
    register.write(|w| w.set_officer("Lan")).expect("write");
    let h = reopen(h);
    assert!(!h.app.census_pending, "stale counts are not shown");
    assert_eq!(h.app.tally, fresh_count(&h.app));
}

#[test]
fn wrong_kept_counts_are_replaced_by_the_census_count_as_soon_as_it_is_read() {
    let h = app();
    let register = h.app.register.as_ref().expect("register");
    let counted_at = register
        .read()
        .expect("read")
        .generation()
        .expect("generation");
    let mut wrong = fresh_count(&h.app);
    wrong.titles[0].recognised += 7;
    register
        .keep_tallies(counted_at, &[(YEAR, wrong.to_bytes())])
        .expect("keep");
    let mut h = reopen(h);
    assert_eq!(h.app.tally, wrong);
    assert!(h.app.finish_opening(), "the bars change");
    assert_eq!(h.app.tally, fresh_count(&h.app));
    // Quitting keeps the right counts in their place.
    h.app.keep_tallies();
    let h = reopen(h);
    assert_eq!(h.app.tally, fresh_count(&h.app));
}

#[test]
fn a_census_that_cannot_be_read_after_a_kept_first_frame_is_said_and_the_app_ends() {
    let mut h = app();
    h.app.keep_tallies();
    let Harness { mut app, _dir } = h;
    let path = close(&mut app);
    // A damaged link chunk, written past the program: the write counter does not move,
    // so the kept counts still look current.
    {
        let db = redb::Database::open(&path).expect("redb");
        let txn = db.begin_write().expect("write");
        {
            let mut links = txn
                .open_table(crate::store::tables::UNIT_LINKS)
                .expect("links");
            links
                .insert((1u8, 0u32), [7u8; 3].as_slice())
                .expect("insert");
        }
        txn.commit().expect("commit");
    }
    // The first frame comes from the kept counts.
    let mut app = open_app(&path);
    assert!(app.census_pending);
    // The first key brings up why, and does nothing else.
    press(&mut app, KeyCode::Char('2'));
    assert_eq!(app.stack.len(), 1, "no list opened on an empty census");
    let text = screen_text(&app);
    assert!(text.contains("Không đọc được sổ"), "{text}");
    assert!(!app.quit);
    press(&mut app, KeyCode::Enter);
    assert!(app.quit, "the app ends once the reason is read");
}

/// The counts kept for `year` at the register's present state, if any.
fn kept(app: &App, year: crate::model::Year) -> Option<Tally> {
    crate::app::kept_tally(&reader(app), year).expect("kept")
}

#[test]
fn a_score_after_a_keep_is_kept_at_the_next_one() {
    let mut h = app();
    h.app.keep_tallies();
    let before = kept(&h.app, YEAR).expect("kept first");
    unscored_households(&mut h.app);
    press(&mut h.app, KeyCode::Enter);
    type_text(&mut h.app, "12");
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(kept(&h.app, YEAR), None, "the score made them stale");
    h.app.keep_tallies();
    let after = kept(&h.app, YEAR).expect("kept again");
    assert_ne!(after, before, "the score changed the counts");
    assert_eq!(after, fresh_count(&h.app));
}

#[test]
fn in_january_the_new_year_is_kept_too_for_the_opening_in_february() {
    let mut h = app();
    h.app.today = chrono::NaiveDate::from_ymd_opt(i32::from(YEAR) + 1, 1, 20);
    h.app.keep_tallies();
    assert!(kept(&h.app, YEAR).is_some());
    assert!(
        kept(&h.app, YEAR + 1).is_some(),
        "the year opened from February"
    );
}
