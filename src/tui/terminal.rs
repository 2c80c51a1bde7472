//! Entering and leaving the terminal, and the signals that end a session.
//!
//! Restoring is idempotent (a flag says whether the terminal is ours) so it can run
//! from the normal exit path, the error path and the panic hook alike. SIGHUP (the SSH
//! connection dropped) and SIGTERM only set a flag: the event loop notices it within
//! its poll timeout, saves, closes the register and restores.

use crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is in raw mode on the alternate screen (ours to restore).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen, bracketed paste on, mouse capture off.
pub fn init() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    if let Err(e) = execute!(
        stdout,
        EnterAlternateScreen,
        EnableBracketedPaste,
        DisableMouseCapture
    ) {
        restore();
        return Err(e);
    }
    match Terminal::new(CrosstermBackend::new(stdout)) {
        Ok(mut terminal) => {
            let _ = terminal.clear();
            Ok(terminal)
        }
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Gives the terminal back as it was. Safe to call any number of times, from anywhere;
/// errors are ignored because the terminal may already be gone (hang-up).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let _ = execute!(
            io::stdout(),
            DisableBracketedPaste,
            LeaveAlternateScreen,
            cursor::Show
        );
        let _ = disable_raw_mode();
    }
}

fn install_panic_hook() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // The terminal first, so the message lands on a normal screen and stays there.
        restore();
        eprintln!("{}", panic_message(info));
        // The English report with its backtrace only when a developer asked for it.
        if std::env::var_os("RUST_BACKTRACE").is_some() {
            previous(info);
        }
    }));
}

/// What the officer reads after a bug stopped the program: what happened, that saved
/// work is safe (every save is its own committed transaction), and what to do.
fn panic_message(info: &std::panic::PanicHookInfo<'_>) -> String {
    let payload = info
        .payload()
        .downcast_ref::<&str>()
        .map(|s| (*s).to_string())
        .or_else(|| info.payload().downcast_ref::<String>().cloned())
        .unwrap_or_default();
    let place = info
        .location()
        .map(|l| format!(" ({}:{})", l.file(), l.line()))
        .unwrap_or_default();
    format!(
        "Chương trình gặp lỗi và phải dừng: {payload}{place}. Các điểm đã lưu trước đó vẫn nguyên vẹn trong sổ; hãy mở lại chương trình. Nếu lỗi lặp lại, hãy báo cho người hỗ trợ kèm dòng này."
    )
}

/// Set when SIGHUP or SIGTERM arrived; checked by the event loop.
#[derive(Debug, Clone, Default)]
pub struct Stop(Arc<AtomicBool>);

impl Stop {
    pub fn requested(&self) -> bool {
        self.0.load(Ordering::SeqCst)
    }
}

/// Registers SIGHUP and SIGTERM to set the returned flag instead of killing the
/// process, so the register is closed properly.
#[cfg(unix)]
pub fn watch_signals() -> io::Result<Stop> {
    let stop = Stop::default();
    for signal in [signal_hook::consts::SIGHUP, signal_hook::consts::SIGTERM] {
        signal_hook::flag::register(signal, Arc::clone(&stop.0))?;
    }
    Ok(stop)
}

/// Windows consoles close the process themselves; nothing to watch.
#[cfg(not(unix))]
pub fn watch_signals() -> io::Result<Stop> {
    Ok(Stop::default())
}
