//! Unix: the text report rendered to an A4 PDF that has every Vietnamese letter, for
//! `lp`. Plain text sent to CUPS is typeset by its text filter, whose fonts lack
//! U+1EA0–U+1EF9 (every "ế", "ả", "ự" prints as a box) and which starts at the sheet's
//! edge. So the text is laid out as a document first (`report::docx::typed`: DejaVu Sans
//! Mono 10 pt, 80 columns and 60 lines inside printable margins, a page per form feed),
//! and LibreOffice, headless, turns it into PDF; CUPS prints PDF as it is.
//!
//! paps was tried first: Debian 12's paps (0.6.8) prints the letters right at 9.5 pt,
//! but draws them as outlines, so what went to the printer cannot be checked (no text
//! in the PDF) and its `--cpi` wraps lines. LibreOffice is also what opens the Word
//! report, so an office that has it needs nothing more.

use super::{PrintError, find_program, program_said};
use std::path::{Path, PathBuf};
use std::process::Command;

/// The LibreOffice program, by either of its names on Debian.
pub const OFFICE: [&str; 2] = ["soffice", "libreoffice"];

/// Debian packages that bring what printing needs, named in the advice.
pub const OFFICE_PACKAGE: &str = "libreoffice-writer-nogui";
pub const FONT_PACKAGE: &str = "fonts-dejavu-core";

pub fn find_office() -> Option<PathBuf> {
    OFFICE.iter().find_map(|name| find_program(name))
}

/// Whether fontconfig knows the report's font; `None` when there is no `fc-list` to ask.
pub fn font_installed() -> Option<bool> {
    let fc_list = find_program("fc-list")?;
    let output = Command::new(fc_list)
        .arg(crate::report::docx::typed::FONT)
        .output()
        .ok()?;
    Some(output.status.success() && !output.stdout.is_empty())
}

/// Renders `text` to PDF inside `work` (a private folder the caller removes) and returns
/// the PDF's path. LibreOffice gets a profile of its own beside the spool folder, so a
/// LibreOffice window the officer has open neither blocks nor swallows the conversion.
pub fn render(text: &str, work: &Path, profile: &Path) -> Result<PathBuf, PrintError> {
    let office = find_office().ok_or_else(|| PrintError::MissingTools {
        missing: "LibreOffice".into(),
        packages: OFFICE_PACKAGE.into(),
    })?;
    let docx = work.join("bao-cao-in.docx");
    let bytes = crate::report::docx::typed::render(text).map_err(|e| PrintError::Failed {
        program: "soffice",
        why: e.to_string(),
    })?;
    crate::store::files::write_new_private(&docx, &bytes).map_err(|e| PrintError::Spool {
        path: docx.clone(),
        why: crate::text::describe_io(&e),
    })?;
    let output = Command::new(office)
        .arg(format!("-env:UserInstallation={}", file_url(profile)))
        .args([
            "--headless",
            "--norestore",
            "--nologo",
            "--convert-to",
            "pdf",
        ])
        .arg("--outdir")
        .arg(work)
        .arg(&docx)
        .output()
        .map_err(|e| PrintError::Failed {
            program: "soffice",
            why: crate::text::describe_io(&e),
        })?;
    let pdf = docx.with_extension("pdf");
    // LibreOffice exits 0 even when it converted nothing; the file is the proof.
    if output.status.success() && pdf.is_file() {
        Ok(pdf)
    } else {
        Err(PrintError::Failed {
            program: "soffice",
            why: program_said(&output),
        })
    }
}

/// `file:///tmp/a%20b`: LibreOffice wants its profile folder as a URL.
fn file_url(path: &Path) -> String {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut url = String::from("file://");
    for b in absolute.to_string_lossy().bytes() {
        if b.is_ascii_alphanumeric() || b"/-_.~".contains(&b) {
            url.push(char::from(b));
        } else {
            url.push_str(&format!("%{b:02X}"));
        }
    }
    url
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_profile_is_given_as_a_file_url() {
        assert_eq!(
            file_url(Path::new("/dữ liệu/in")),
            "file:///d%E1%BB%AF%20li%E1%BB%87u/in"
        );
    }
}
