//! Entering and leaving the terminal, and the events that end a session.
//!
//! Restoring is idempotent (a flag says whether the terminal is ours) so it can run
//! from the normal exit path, the error path and the panic hook alike. A hang-up
//! (SIGHUP, SIGTERM; on Windows closing the console, logging off, shutting down) only
//! requests a [`Stop`]: the event loop notices it within its poll timeout, saves, closes
//! the register and restores (`unix.rs`, `windows.rs`, `stop.rs`).
//!
//! Nothing here asks the terminal a question: ratatui's `Terminal::clear` queries the
//! cursor position (ESC[6n) and waits up to 2 s for a terminal that never answers, so
//! the screen is cleared with a plain escape sequence and the first frame is drawn at
//! once. Mouse capture is never turned on, so it is never turned off either (on Windows
//! turning it off fails unless it was turned on: crossterm#660).

mod stop;
#[cfg(unix)]
mod unix;
#[cfg(windows)]
mod windows;

pub use stop::{CLOSE_GRACE, ConsoleEvent, Stop, on_console_event};

#[cfg(unix)]
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::terminal::{
    Clear, ClearType, EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use crossterm::{cursor, execute};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;
use std::io::{self, Stdout};
use std::sync::atomic::{AtomicBool, Ordering};

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Whether the terminal is in raw mode on the alternate screen (ours to restore).
static ACTIVE: AtomicBool = AtomicBool::new(false);

/// Raw mode, alternate screen cleared, bracketed paste on where the terminal reads
/// escape sequences (Unix; a Windows console delivers a paste as keys).
pub fn init() -> io::Result<Term> {
    install_panic_hook();
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    let mut stdout = io::stdout();
    let entered = execute!(
        stdout,
        EnterAlternateScreen,
        Clear(ClearType::All),
        cursor::MoveTo(0, 0)
    );
    #[cfg(unix)]
    let entered = entered.and_then(|()| execute!(stdout, EnableBracketedPaste));
    if let Err(e) = entered {
        restore();
        return Err(e);
    }
    Terminal::new(CrosstermBackend::new(stdout)).inspect_err(|_| restore())
}

/// Gives the terminal back as it was. Safe to call any number of times, from anywhere;
/// errors are ignored because the terminal may already be gone (hang-up).
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut stdout = io::stdout();
        #[cfg(unix)]
        let _ = execute!(stdout, DisableBracketedPaste);
        let _ = execute!(stdout, LeaveAlternateScreen, cursor::Show);
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

/// Makes every outside request to end the session (see the module docs) set `stop`.
pub fn watch_stop_events(stop: &Stop) -> io::Result<()> {
    #[cfg(unix)]
    return unix::watch_stop_events(stop);
    #[cfg(windows)]
    return windows::watch_stop_events(stop);
    #[cfg(not(any(unix, windows)))]
    {
        let _ = stop;
        Ok(())
    }
}
