//! Sending the text report to the printer, by the route each system has.
//!
//! - Unix: the text is rendered to an A4 PDF with every Vietnamese letter by LibreOffice
//!   headless (`pdf.rs`), then printed by the CUPS command `lp` (`unix.rs`); a missing
//!   tool is named with the Debian package to install.
//! - Windows: the text is written as a Notepad file (UTF-8 with BOM, CRLF) in a spool
//!   folder beside the register, then Notepad prints it on the default printer with
//!   `notepad /p` (`windows.rs`): Notepad is on every Windows 10/11 PC and its fonts have
//!   every Vietnamese letter. When that fails the officer is told where the file is, to
//!   open and print it by hand.
//!
//! Both front ends (the `report --print` command and the app's report screen) call
//! [`print_text`]; each adds its own advice to a [`PrintError`].

#[cfg(unix)]
mod pdf;
#[cfg(unix)]
mod unix;
#[cfg(unix)]
use unix as platform;
#[cfg(windows)]
mod windows;
#[cfg(windows)]
use windows as platform;

use std::path::{Path, PathBuf};

/// Why a report could not be printed, in words the officer reads.
#[derive(Debug, thiserror::Error)]
pub enum PrintError {
    #[error("Không tìm thấy lệnh in {program} trên máy này ({advice})")]
    NoPrinter {
        program: &'static str,
        advice: &'static str,
    },
    #[error(
        "Máy này chưa có {missing} để in báo cáo tiếng Việt đúng dấu. Hãy cài (cần quyền quản trị): sudo apt-get install {packages}"
    )]
    MissingTools { missing: String, packages: String },
    #[error("Không gửi được tới máy in ({program}): {why}")]
    Failed { program: &'static str, why: String },
    #[error("Máy in từ chối báo cáo ({program}): {why}")]
    Refused { program: &'static str, why: String },
    #[error("Không ghi được tệp để in {}: {why}", path.display())]
    Spool { path: PathBuf, why: String },
    #[error("Máy in chưa in được ({program}: {why}). Báo cáo đã ghi ở {}: hãy mở tệp đó và bấm Ctrl+P để in", path.display())]
    PrintByHand {
        program: &'static str,
        why: String,
        path: PathBuf,
    },
}

/// What was done, for the message after printing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Printed {
    /// The program that printed it.
    pub program: &'static str,
    /// The file that was printed, when the route needs one (Windows).
    pub file: Option<PathBuf>,
}

/// Checks, before any work, that this machine has a way to print.
pub fn check_printer() -> Result<(), PrintError> {
    platform::check()
}

/// Prints `text` (the plain-text report) on the default printer. `spool` is a folder
/// the program may write to (beside the register), used where the route needs a file.
pub fn print_text(text: &str, spool: &Path) -> Result<Printed, PrintError> {
    platform::print(text, spool)
}

/// The PDF the printer is sent (Unix): `text` rendered in `work`, LibreOffice's own
/// profile kept in `profile`. Public so the rendering can be checked without a printer.
#[cfg(unix)]
pub fn render_pdf(text: &str, work: &Path, profile: &Path) -> Result<PathBuf, PrintError> {
    pdf::render(text, work, profile)
}

/// The folder print files are written to, beside the register.
pub fn spool_folder(register: &Path) -> PathBuf {
    register
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .join("ban-in")
}

/// The full path of `name` on `PATH`, if there is one.
pub fn find_program(name: &str) -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| {
            let plain = dir.join(name);
            let exe = dir.join(format!("{name}.exe"));
            [plain, exe]
        })
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    let Ok(meta) = std::fs::metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        meta.is_file() && meta.permissions().mode() & 0o111 != 0
    }
    #[cfg(not(unix))]
    {
        meta.is_file()
    }
}

/// A failed program's own words, or its exit status when it said nothing.
fn program_said(output: &std::process::Output) -> String {
    let why = String::from_utf8_lossy(&output.stderr).trim().to_string();
    if why.is_empty() {
        output.status.to_string()
    } else {
        // Another program's words go to the officer's terminal: no escape sequences.
        why.chars()
            .filter(|c| !c.is_control() || *c == '\n')
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn print_files_go_beside_the_register() {
        assert_eq!(
            spool_folder(Path::new("/du-lieu/so.redb")),
            Path::new("/du-lieu/ban-in")
        );
        assert_eq!(spool_folder(Path::new("so.redb")), Path::new("./ban-in"));
    }
}
