//! Unix: the report goes to CUPS's `lp` on its standard input.

use super::{PrintError, Printed, find_program, program_said};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const LP: &str = "lp";

pub fn check() -> Result<(), PrintError> {
    find_lp().map(|_| ())
}

fn find_lp() -> Result<PathBuf, PrintError> {
    find_program(LP).ok_or(PrintError::NoPrinter {
        program: LP,
        advice: "cần cài CUPS",
    })
}

/// `lp` reads the text itself; no file is needed.
pub fn print(text: &str, _spool: &Path) -> Result<Printed, PrintError> {
    let lp = find_lp()?;
    let failed = |e: std::io::Error| PrintError::Failed {
        program: LP,
        why: crate::text::describe_io(&e),
    };
    let mut child = Command::new(lp)
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(failed)?;
    if let Some(mut stdin) = child.stdin.take() {
        stdin.write_all(text.as_bytes()).map_err(failed)?;
    }
    let output = child.wait_with_output().map_err(failed)?;
    if output.status.success() {
        Ok(Printed {
            program: LP,
            file: None,
        })
    } else {
        Err(PrintError::Refused {
            program: LP,
            why: program_said(&output),
        })
    }
}
