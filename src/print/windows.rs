//! Windows: the report is written as a Notepad file in the spool folder and printed on
//! the default printer by `notepad /p`, which every Windows 10/11 PC has. Notepad reads
//! UTF-8 with a BOM and CRLF line ends as Vietnamese, and its fonts have the letters.

use super::{PrintError, Printed, program_said};
use std::path::{Path, PathBuf};
use std::process::Command;

const NOTEPAD: &str = "notepad";

/// Notepad is part of Windows; whether it prints shows only when it runs.
pub fn check() -> Result<(), PrintError> {
    Ok(())
}

pub fn print(text: &str, spool: &Path) -> Result<Printed, PrintError> {
    let file = write_spool_file(text, spool)?;
    let output = Command::new(notepad_path())
        .arg("/p")
        .arg(&file)
        .output()
        .map_err(|e| PrintError::PrintByHand {
            program: NOTEPAD,
            why: crate::text::describe_io(&e),
            path: file.clone(),
        })?;
    if output.status.success() {
        Ok(Printed {
            program: NOTEPAD,
            file: Some(file),
        })
    } else {
        Err(PrintError::PrintByHand {
            program: NOTEPAD,
            why: program_said(&output),
            path: file,
        })
    }
}

/// `%SystemRoot%\System32\notepad.exe`, not whatever `notepad` comes first on `PATH`.
fn notepad_path() -> PathBuf {
    std::env::var_os("SystemRoot")
        .map(|root| PathBuf::from(root).join("System32").join("notepad.exe"))
        .filter(|path| path.is_file())
        .unwrap_or_else(|| PathBuf::from("notepad.exe"))
}

/// A new file (never an existing one) named by the time it was printed.
fn write_spool_file(text: &str, spool: &Path) -> Result<PathBuf, PrintError> {
    let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
    let first = spool.join(format!("bao-cao-in-{stamp}.txt"));
    let bytes = crate::report::text::windows_bytes(text);
    crate::store::files::write_new_numbered(&first, &bytes).map_err(|e| PrintError::Spool {
        path: first.clone(),
        why: crate::text::describe_io(&e),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_print_file_is_notepad_text_and_never_replaces_one() {
        let dir = tempfile::tempdir().expect("tempdir");
        let first = write_spool_file("KẾT QUẢ\nỳ ỹ ự", dir.path()).expect("first");
        let second = write_spool_file("KẾT QUẢ", dir.path()).expect("second");
        assert_ne!(first, second);
        let bytes = std::fs::read(&first).expect("read");
        assert_eq!(bytes, "\u{feff}KẾT QUẢ\r\nỳ ỹ ự".as_bytes());
    }
}
