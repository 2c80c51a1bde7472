//! Standard output for subcommands. `sohoctap report --json | head` closes the pipe
//! early; Rust's `println!` would panic on that, so every line goes through here: a
//! closed pipe quietly ends the output, any other failure (a full disk behind
//! `> file`) is remembered and turned into an error when the command ends. Control and
//! bidirectional characters are escaped on the way (see `text::safe`).

use std::io::Write;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicBool, Ordering};

static CLOSED: AtomicBool = AtomicBool::new(false);
static FAILED: OnceLock<String> = OnceLock::new();

/// Writes one line to stdout; after a failure, writes nothing more.
pub fn line(args: std::fmt::Arguments<'_>) {
    if CLOSED.load(Ordering::Relaxed) {
        return;
    }
    // Names in a line come from files the office did not write: a control character in
    // one must not drive the terminal, so it is shown as <U+XXXX>.
    let text = args.to_string();
    let text = crate::text::escape_text(&text);
    let mut stdout = std::io::stdout().lock();
    if let Err(e) = writeln!(stdout, "{text}") {
        CLOSED.store(true, Ordering::Relaxed);
        if e.kind() != std::io::ErrorKind::BrokenPipe {
            let _ = FAILED.set(crate::store::describe_io(&e));
        }
    }
}

/// Why writing to stdout failed, if it did (a closed pipe is not a failure).
pub fn failure() -> Option<&'static str> {
    FAILED.get().map(String::as_str)
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
