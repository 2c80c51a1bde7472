//! The real program run as a command on a register, for the command-line test files:
//! `run` starts it with `--db` and without the caller's `SOHOCTAP_DB`, `SOHOCTAP_CRITERIA`
//! and `SOHOCTAP_OFFICER` (a developer's own settings must not change what a test
//! sees), `text` reads its output. New test files use these instead of copying them.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Output};

/// Runs `sohoctap --db DB ARGS…` to the end.
pub fn run(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .env_remove("SOHOCTAP_CRITERIA")
        .env_remove("SOHOCTAP_OFFICER")
        .output()
        .expect("run sohoctap")
}

/// Output bytes as text, bad UTF-8 shown rather than refused.
pub fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}
