//! Standard output for subcommands. `sohoctap report --json | head` closes the pipe
//! early; Rust's `println!` would panic on that, so every line goes through here and a
//! closed pipe silently ends the output instead.

use std::io::Write;
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes one line to stdout; once the reader has gone, writes nothing more.
pub fn line(args: std::fmt::Arguments<'_>) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{args}").is_err() {
        // A closed pipe (or any other write failure of stdout) ends the output; the
        // command's work is already done and its exit code still tells the outcome.
        CLOSED.store(true, Ordering::Relaxed);
    }
}

/// `println!` for subcommands, safe against a closed pipe.
macro_rules! outln {
    () => {
        $crate::cli::out::line(format_args!(""))
    };
    ($($arg:tt)*) => {
        $crate::cli::out::line(format_args!($($arg)*))
    };
}

pub(crate) use outln;
