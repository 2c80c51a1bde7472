//! The terminal app: a keyboard-driven ratatui register.
//!
//! - [`terminal`]: entering/restoring the terminal, panic hook, SIGHUP/SIGTERM;
//! - [`app`]: all state and `App::update(Action)`, the only place state changes;
//! - [`keymap`]: the one command table (dispatcher, hint bar and help);
//! - [`action`]: the typed actions; [`rows`]: the list row model;
//! - one module per screen, each holding its state, what its keys do, its writes and its
//!   drawing (`mod`/`state`/`keys`/`save`/`draw`, or one file when small): `home`,
//!   `list`, `detail`, `history` (with the recording behind Ctrl+Z), `report`, `merge`,
//!   [`picker`] (the citizen form's household list), `officer` (who is working, asked
//!   when a register is opened), `about`, `help`, [`opening`], [`scoring`],
//!   [`criteria_editor`], `breakdown`, [`form`] (a unit's add/edit form), [`setup`] (the first-run
//!   screen that creates the register), [`sheet`] (a decision, bulk recognition and
//!   withdrawal, letterhead, targets) and [`import`]; every form is one form widget,
//!   `widgets::form`;
//! - [`update`], [`save`]: the keys every screen shares, and the writes more than one
//!   screen makes; `backup`: backups (on demand, and offered on leaving after changes);
//!   `save_forms`: the paper forms (scoring sheets, registration forms) from the list and
//!   scoring screens;
//! - [`screens`]: what every screen shares (title bar, message and hint lines, dialogs)
//!   [`widgets`]: shared pieces;
//! - [`theme`]: 16 colours or none (`NO_COLOR`), and the ASCII mode.
//!
//! The loop blocks on terminal events (read on their own thread), applies every queued
//! event in order, then draws once. It wakes every 200 ms only to notice a hang-up
//! signal; it never redraws on a timer.

mod about;
pub mod action;
pub mod app;
pub mod archive;
mod backup;
mod breakdown;
mod commands;
mod commands_files;
mod commands_work;
pub mod confirm;
pub mod criteria_editor;
mod detail;
mod file_choice;
pub mod form;
mod help;
mod history;
mod home;
pub mod import;
pub mod keymap;
mod list;
mod merge;
mod officer;
pub mod opening;
pub mod picker;
mod report;
pub mod rows;
mod save;
mod save_forms;
pub mod scoring;
pub mod screens;
mod scroll;
pub mod setup;
pub mod sheet;
pub mod terminal;
pub mod theme;
mod update;
mod update_export;
pub mod widgets;

use crate::app::{AppError, Env, current_year};
use crate::store::Register;
use app::App;
use crossterm::event::{self, Event};
use std::io::IsTerminal;
use std::sync::mpsc;
use std::time::{Duration, Instant};
use theme::Theme;

/// How often the loop wakes to check for a hang-up signal when no key arrives.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// How long the keyboard stays still before the app keeps the year's counts (see
/// `App::keep_tallies`): long enough not to count during typing, short enough to come
/// in the pauses of a data-entry session.
const IDLE_KEEP: Duration = Duration::from_secs(10);

/// [`IDLE_KEEP`]; debug builds take `SOHOCTAP_TEST_IDLE_KEEP_MS` so the real-terminal
/// tests need not wait ten seconds. A release build has no such switch.
fn idle_keep_after() -> Duration {
    #[cfg(debug_assertions)]
    if let Some(ms) = std::env::var("SOHOCTAP_TEST_IDLE_KEEP_MS")
        .ok()
        .and_then(|v| v.parse().ok())
    {
        return Duration::from_millis(ms);
    }
    IDLE_KEEP
}

/// The catalog with the sets the office entered in the register.
fn with_office_sets(
    register: &Register,
    catalog: crate::criteria::Catalog,
) -> crate::store::Result<crate::criteria::Catalog> {
    crate::app::with_office_sets(&register.read()?, catalog)
}

pub use crate::app::opening_year;

/// Runs the app on the register of `env` (the setup screen when it does not exist yet).
pub fn run(env: &Env, ascii: bool) -> Result<(), AppError> {
    let catalog = env.catalog()?;
    let officer = env.officer()?;
    let theme = Theme::from_env(ascii);
    let today = chrono::Local::now().date_naive();
    let year = opening_year(today).unwrap_or_else(current_year);
    // Before looking for the register: a restore killed between its renames left none.
    let recovered = crate::store::backup::finish_interrupted_restore(&env.db)?;
    let exists = env.db.exists();
    // Without a terminal nothing can be shown while opening: open first, so "already
    // open by …" prints like any error rather than "no screen".
    let mut early = None;
    let mut catalog = Some(catalog);
    if exists && !std::io::stdout().is_terminal() {
        let register = Register::open(&env.db)?;
        early = catalog
            .take()
            .map(|c| {
                with_office_sets(&register, c).and_then(|c| App::open(register, c, year, theme))
            })
            .transpose()?;
    }
    let stop = terminal::Stop::default();
    // Whatever way this function ends, a closing console stops waiting for it.
    let _finished = FinishOnDrop(stop.clone());
    terminal::watch_stop_events(&stop)
        .map_err(|e| AppError::Failed(format!("Không đặt được xử lý tín hiệu: {e}")))?;
    let mut terminal =
        terminal::init().map_err(|e| AppError::Failed(format!("Không mở được màn hình: {e}")))?;
    let catalog = catalog.unwrap_or_default();
    let mut app = match early {
        Some(app) => app,
        None if exists => {
            // The first frame comes before the open, which verifies every page (about
            // half a second on the largest registers) after an unclean shutdown.
            let _ = terminal.draw(|frame| opening::render(frame, theme, &env.db));
            let opened = Register::open(&env.db).and_then(|register| {
                let catalog = with_office_sets(&register, catalog)?;
                App::open(register, catalog, year, theme)
            });
            match opened {
                Ok(app) => app,
                Err(e) => {
                    // Back to the normal screen first, so the message (who holds the
                    // register, a damaged file) is printed where it can be read.
                    terminal::restore();
                    return Err(e.into());
                }
            }
        }
        None => App::first_run(env.db.clone(), catalog, year, theme),
    };
    if year != current_year() && app.register.is_some() {
        app.say(
            format!(
                "Tháng 1: đang xem năm {year} để làm nốt (bấm {} để sang năm {})",
                keymap::key_label(keymap::Ctx::Home, &action::Action::NextYear),
                year + 1
            ),
            theme::Role::Warning,
        );
    }
    if let Some(text) = recovered {
        app.confirm = Some(app::Confirm::Notice {
            title: "Khôi phục sổ bị ngắt".into(),
            text,
            role: theme::Role::Warning,
            then_quit: false,
        });
    }
    // Asked last, so the notices above are kept and shown again once it is answered.
    app.officer = officer;
    app.ask_officer();
    let outcome = event_loop(&mut terminal, &mut app, &stop);
    let closed = end_session(&mut app, &stop);
    // After a hang-up the terminal is gone and its errors mean nothing; the register
    // was closed above, which is what matters.
    if !stop.requested() {
        outcome.map_err(|e| AppError::Failed(format!("Lỗi màn hình: {e}")))?;
    }
    closed
}

/// The end of every session, however it was asked for: when a stop was requested from
/// outside (a hang-up, the console window closing) a valid score or form being typed is
/// saved first; then the terminal is restored, the register closed, and whoever waits
/// for the end (the Windows console handler) is told.
pub fn end_session(app: &mut App, stop: &terminal::Stop) -> Result<(), AppError> {
    if stop.requested() {
        app.save_before_exit();
    }
    // Also after a hang-up or a closing console (a dropped SSH link is the usual end of
    // a session over the network): one small write, well within the few seconds Windows
    // gives a closing console, and the next opening draws its bars from it.
    app.keep_tallies();
    terminal::restore();
    let closed = match app.register.take() {
        // The daily verification waits for a session that ends at the officer's word.
        Some(register) if stop.requested() => register.close_in_haste().map_err(AppError::from),
        Some(register) => register.close().map_err(AppError::from),
        None => Ok(()),
    };
    stop.finish();
    closed
}

/// Tells a waiting console handler the session is over, on paths that return early.
struct FinishOnDrop(terminal::Stop);

impl Drop for FinishOnDrop {
    fn drop(&mut self) {
        self.0.finish();
    }
}

/// Reads terminal events on their own thread. After a hang-up crossterm's reader can
/// spin inside `read` without returning; on its own thread that cannot stop the main
/// loop from noticing SIGHUP, saving, closing the register and exiting (which ends
/// this thread too).
fn spawn_reader() -> mpsc::Receiver<std::io::Result<Event>> {
    let (sender, receiver) = mpsc::channel();
    std::thread::spawn(move || {
        loop {
            let event = event::read();
            let failed = event.is_err();
            if sender.send(event).is_err() || failed {
                break;
            }
        }
    });
    receiver
}

fn event_loop(
    terminal: &mut terminal::Term,
    app: &mut App,
    stop: &terminal::Stop,
) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.set_window(size.width, size.height);
    terminal.draw(|frame| screens::render(app, frame))?;
    // The first frame may come from the kept tally; the census follows at once, before
    // any key is read (keys typed meanwhile wait in the terminal's queue).
    if app.finish_opening() {
        terminal.draw(|frame| screens::render(app, frame))?;
    }
    // A deliberate bug for the terminal-fault test (tests/pty.rs): proves a panic leaves
    // the terminal usable. Debug builds only; a release build has no such switch.
    #[cfg(debug_assertions)]
    if std::env::var_os("SOHOCTAP_TEST_PANIC").is_some() {
        panic!("lỗi thử nghiệm do SOHOCTAP_TEST_PANIC");
    }
    let events = spawn_reader();
    let idle_keep = idle_keep_after();
    let mut last_key = Instant::now();
    let mut kept_while_idle = false;
    while !app.quit && !stop.requested() {
        let first = match events.recv_timeout(SIGNAL_CHECK) {
            Ok(event) => event?,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                // Once per pause: a session killed later (a power cut, a closed PuTTY
                // window on a frozen link) still leaves counts to open on.
                if !kept_while_idle && last_key.elapsed() >= idle_keep {
                    app.keep_tallies();
                    kept_while_idle = true;
                }
                continue;
            }
            Err(mpsc::RecvTimeoutError::Disconnected) => break,
        };
        last_key = Instant::now();
        kept_while_idle = false;
        // Apply every event already queued, in order, then draw once.
        let mut changed = app.handle_event(first);
        while !app.quit {
            match events.try_recv() {
                Ok(event) => changed |= app.handle_event(event?),
                Err(_) => break,
            }
        }
        if changed && !app.quit && !stop.requested() {
            terminal.draw(|frame| screens::render(app, frame))?;
            // A slow job (a backup) runs once its "working" dialog is on screen.
            if app.run_pending() && !stop.requested() {
                terminal.draw(|frame| screens::render(app, frame))?;
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
