//! The files the import screen offers, so an officer picks a list instead of typing a
//! path: spreadsheets and CSV files in the documents folder, on the desktop, in the
//! register's folder and, on Windows, at the top of removable drives (a USB stick from
//! the district). Newest first; a folder that cannot be read is skipped silently, since
//! typing a path is still possible.

use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// File name endings the importer reads (case ignored).
const EXTENSIONS: [&str; 6] = ["xlsx", "xlsm", "xls", "ods", "csv", "txt"];
/// Enough for a screen list; the oldest files beyond this are left out.
const MAX_FILES: usize = 200;

/// The folders looked in: documents, desktop, the register's folder, removable drives.
pub fn folders(documents: Option<&Path>, register: &Path) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    let mut push = |p: PathBuf| {
        if !out.contains(&p) {
            out.push(p);
        }
    };
    if let Some(d) = documents {
        push(d.to_path_buf());
    }
    if let Some(user) = directories::UserDirs::new() {
        if let Some(d) = user.document_dir() {
            push(d.to_path_buf());
        }
        if let Some(d) = user.desktop_dir() {
            push(d.to_path_buf());
        }
        if let Some(d) = user.download_dir() {
            push(d.to_path_buf());
        }
    }
    if let Some(parent) = register.parent().filter(|p| !p.as_os_str().is_empty()) {
        push(parent.to_path_buf());
    }
    for drive in removable_drives() {
        push(drive);
    }
    out
}

/// Drive roots D: to Z: that exist, on Windows. A drive letter is probed by reading its
/// root, which is quick for USB sticks; A: and B: (floppies) and C: are skipped.
#[cfg(windows)]
fn removable_drives() -> Vec<PathBuf> {
    (b'D'..=b'Z')
        .map(|letter| PathBuf::from(format!("{}:\\", char::from(letter))))
        .filter(|root| std::fs::read_dir(root).is_ok())
        .collect()
}

#[cfg(not(windows))]
fn removable_drives() -> Vec<PathBuf> {
    Vec::new()
}

fn wanted(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
        // Excel's lock files ("~$ho.xlsx") are not lists.
        && !path
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("~$"))
}

/// The importable files directly inside `folders`, newest first.
pub fn list(folders: &[PathBuf]) -> Vec<PathBuf> {
    let mut found: Vec<(SystemTime, PathBuf)> = Vec::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.flatten() {
            let path = entry.path();
            let Ok(meta) = entry.metadata() else {
                continue;
            };
            if meta.is_file() && wanted(&path) && !found.iter().any(|(_, p)| *p == path) {
                found.push((meta.modified().unwrap_or(SystemTime::UNIX_EPOCH), path));
            }
        }
    }
    found.sort_by(|a, b| b.0.cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    found.truncate(MAX_FILES);
    found.into_iter().map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_lists_are_offered() -> std::io::Result<()> {
        let dir = tempfile::tempdir()?;
        for name in [
            "ho.xlsx",
            "thon.CSV",
            "~$ho.xlsx",
            "anh.png",
            "diem.ods",
            "cu.xls",
        ] {
            std::fs::write(dir.path().join(name), b"x")?;
        }
        std::fs::create_dir(dir.path().join("thu-muc.xlsx"))?;
        let mut names: Vec<String> = list(&[dir.path().to_path_buf()])
            .iter()
            .filter_map(|p| p.file_name().and_then(|n| n.to_str()).map(String::from))
            .collect();
        names.sort();
        assert_eq!(names, ["cu.xls", "diem.ods", "ho.xlsx", "thon.CSV"]);
        Ok(())
    }
}
