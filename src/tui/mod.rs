//! The terminal app: a keyboard-driven ratatui register.
//!
//! - [`terminal`]: entering/restoring the terminal, panic hook, SIGHUP/SIGTERM;
//! - [`app`]: all state and `App::update(Action)`, the only place state changes;
//! - [`keymap`]: the one command table (dispatcher, hint bar and help);
//! - [`action`]: the typed actions; [`rows`]: the list row model; [`form`]: unit forms;
//! - [`update`], [`save`]: what actions do, and the writes to the register;
//! - [`screens`]: pure drawing of each screen from `&App`; [`widgets`]: shared pieces;
//! - [`theme`]: 16 colours or none (`NO_COLOR`), and the ASCII mode.
//!
//! The loop blocks on terminal events, applies every queued event in order, then draws
//! once. It wakes every 200 ms only to notice a hang-up signal; it never redraws on a
//! timer.

pub mod action;
pub mod app;
pub mod form;
pub mod keymap;
pub mod rows;
mod save;
pub mod screens;
pub mod terminal;
pub mod theme;
mod update;
pub mod widgets;

use crate::cli::{CliError, Env, current_year};
use crate::store::Register;
use app::App;
use crossterm::event;
use std::time::Duration;
use theme::Theme;

/// How often the loop wakes to check for a hang-up signal when no key arrives.
const SIGNAL_CHECK: Duration = Duration::from_millis(200);

/// Runs the app on the register of `env` (the setup screen when it does not exist yet).
pub fn run(env: &Env, ascii: bool) -> Result<(), CliError> {
    let catalog = env.catalog()?;
    let theme = Theme::from_env(ascii);
    let year = current_year();
    // Open before taking the terminal, so "already open by …" prints like any error.
    let app = if env.db.exists() {
        App::open(Register::open(&env.db)?, catalog, year, theme)?
    } else {
        App::first_run(env.db.clone(), catalog, year, theme)
    };
    let stop = terminal::watch_signals().map_err(|e| CliError::runtime(format!("Không đặt được xử lý tín hiệu: {e}")))?;
    let mut terminal = terminal::init().map_err(|e| CliError::runtime(format!("Không mở được màn hình: {e}")))?;
    let mut app = app;
    let outcome = event_loop(&mut terminal, &mut app, &stop);
    if stop.requested() {
        app.save_before_exit();
    }
    terminal::restore();
    let closed = match app.register.take() {
        Some(register) => register.close().map_err(CliError::from),
        None => Ok(()),
    };
    outcome.map_err(|e| CliError::runtime(format!("Lỗi màn hình: {e}")))?;
    closed
}

fn event_loop(terminal: &mut terminal::Term, app: &mut App, stop: &terminal::Stop) -> std::io::Result<()> {
    let size = terminal.size()?;
    app.page_rows = app::page_rows_for(size.height);
    terminal.draw(|frame| screens::render(app, frame))?;
    while !app.quit && !stop.requested() {
        if !event::poll(SIGNAL_CHECK)? {
            continue;
        }
        let mut changed = false;
        loop {
            changed |= app.handle_event(event::read()?);
            if app.quit || !event::poll(Duration::ZERO)? {
                break;
            }
        }
        if changed && !app.quit {
            terminal.draw(|frame| screens::render(app, frame))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests;
