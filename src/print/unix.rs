//! Unix: the report is rendered to PDF (`pdf.rs`) and the PDF handed to CUPS's `lp`.
//! Whatever is missing is named at once, with the Debian packages that bring it.

use super::pdf::{FONT_PACKAGE, OFFICE_PACKAGE, find_office, font_installed};
use super::{PrintError, Printed, find_program, program_said};
use std::os::unix::fs::DirBuilderExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

const LP: &str = "lp";
const LP_PACKAGE: &str = "cups-client";

/// Every tool printing needs, checked together so the officer installs once.
pub fn check() -> Result<(), PrintError> {
    let mut missing = Vec::new();
    let mut packages = Vec::new();
    if find_program(LP).is_none() {
        missing.push("lệnh in lp");
        packages.push(LP_PACKAGE);
    }
    if find_office().is_none() {
        missing.push("LibreOffice");
        packages.push(OFFICE_PACKAGE);
    }
    if font_installed() == Some(false) {
        missing.push("phông DejaVu Sans Mono");
        packages.push(FONT_PACKAGE);
    }
    if missing.is_empty() {
        Ok(())
    } else {
        Err(PrintError::MissingTools {
            missing: missing.join(", "),
            packages: packages.join(" "),
        })
    }
}

/// Renders the text to PDF in a private folder under `spool`, prints it, and removes
/// the folder (CUPS has its own copy once `lp` returns).
pub fn print(text: &str, spool: &Path) -> Result<Printed, PrintError> {
    check()?;
    let spool_failed = |path: &Path, e: std::io::Error| PrintError::Spool {
        path: path.to_path_buf(),
        why: crate::text::describe_io(&e),
    };
    crate::store::files::create_private_dir(spool).map_err(|e| spool_failed(spool, e))?;
    let work = work_dir(spool).map_err(|e| spool_failed(spool, e))?;
    let result = super::pdf::render(text, &work, &spool.join("libreoffice"))
        .and_then(|pdf| send_to_lp(&pdf));
    let _ = std::fs::remove_dir_all(&work);
    result
}

/// A fresh, owner-only folder for one print job.
fn work_dir(spool: &Path) -> std::io::Result<PathBuf> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    for n in 0..100 {
        let dir = spool.join(format!("in-{stamp}-{}-{n}", std::process::id()));
        match std::fs::DirBuilder::new().mode(0o700).create(&dir) {
            Ok(()) => return Ok(dir),
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(std::io::Error::from(std::io::ErrorKind::AlreadyExists))
}

fn send_to_lp(pdf: &Path) -> Result<Printed, PrintError> {
    let lp = find_program(LP).ok_or(PrintError::MissingTools {
        missing: "lệnh in lp".into(),
        packages: LP_PACKAGE.into(),
    })?;
    let output = Command::new(lp)
        .arg("--")
        .arg(pdf)
        .stdin(Stdio::null())
        .output()
        .map_err(|e| PrintError::Failed {
            program: LP,
            why: crate::text::describe_io(&e),
        })?;
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
