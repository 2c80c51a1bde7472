//! Restoring a backup over the register, so that no kill or power cut can leave the
//! office without a register.
//!
//! A restore copies the backup to a private temporary file beside the register and
//! verifies it, then makes two renames: the register to `<register>.replaced-<stamp>`,
//! the copy to the register's name. Between the two there is no register. So before the
//! first rename a small journal (`<register>.restore-journal`) names both files, and it is
//! removed only after the second; [`finish_interrupted_restore`], run at every start,
//! finds a journal left by a killed restore and finishes it (the copy was verified before
//! the journal was written) or, when the copy is gone, puts the old register back.

use super::backup::{copy_private, io_error, verify, with_suffix};
use super::{Register, Result, StoreError, files};
use std::fs;
use std::path::{Path, PathBuf};

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// Where the register that was replaced now lives (none if there was no register).
    pub replaced: Option<PathBuf>,
}

/// The first line of a journal: what wrote it, so nothing else is taken for one.
/// Version 2 names the two files by what they add to the register's name.
const JOURNAL_TAG: &str = "sohoctap restore 2";
/// Version 1 named them in full, as UTF-8 (a name that was not became unreadable);
/// a journal of that version left by an older program is still finished.
const JOURNAL_TAG_V1: &str = "sohoctap restore 1";

fn journal_path(register: &Path) -> PathBuf {
    with_suffix(register, ".restore-journal")
}

/// What `path` adds to the register's path (`.restore.4242-0.tmp`). This program makes
/// both names, so the part it adds is ASCII even when the register's own name is not
/// UTF-8 (a folder named in an old code page), and the journal names the files exactly.
fn suffix_of(register: &Path, path: &Path) -> String {
    let register = register.as_os_str().as_encoded_bytes();
    path.as_os_str()
        .as_encoded_bytes()
        .strip_prefix(register)
        .and_then(|rest| std::str::from_utf8(rest).ok())
        .unwrap_or_default()
        .to_string()
}

/// The journal of a restore about to swap `tmp` in, keeping the old register as
/// `replaced`.
fn journal_text(register: &Path, tmp: &Path, replaced: Option<&Path>, backup: &Path) -> String {
    format!(
        "{JOURNAL_TAG}\n{}\n{}\n{}\n",
        suffix_of(register, tmp),
        replaced.map(|r| suffix_of(register, r)).unwrap_or_default(),
        backup.display()
    )
}

fn exists(path: &Path) -> bool {
    fs::symlink_metadata(path).is_ok()
}

/// Replaces the register at `register_path` with the backup `backup`. The backup is
/// checked first (through a private copy, so the backup file itself is never modified);
/// a register another program holds open is refused; the replaced file is kept as
/// `<register>.replaced-YYYYMMDD-HHMMSS`. A damaged register can be replaced: that is
/// what a restore is for.
pub fn restore_from(backup: &Path, register_path: &Path) -> Result<RestoreReport> {
    if !backup.exists() {
        return Err(StoreError::NotFound(backup.to_path_buf()));
    }
    let dir = files::parent_dir(register_path).to_path_buf();
    files::create_private_dir(&dir).map_err(io_error(&dir, "tạo thư mục"))?;
    finish_interrupted_restore(register_path)?;
    let mut restore_name = register_path.as_os_str().to_os_string();
    restore_name.push(".restore");
    let (tmp, _) = copy_private(backup, Path::new(&restore_name)).map_err(|e| match e {
        StoreError::Io { source, .. } if !backup.is_file() => StoreError::Io {
            path: backup.to_path_buf(),
            action: "đọc",
            source,
        },
        other => other,
    })?;
    if let Err(e) = verify(&tmp, false) {
        let _ = fs::remove_file(&tmp);
        return Err(match e {
            StoreError::Corrupted { detail, .. } => StoreError::Corrupted {
                path: backup.to_path_buf(),
                detail,
            },
            StoreError::NotARegister(_) => StoreError::NotARegister(backup.to_path_buf()),
            other => other,
        });
    }
    if exists(register_path) {
        // Is another program using the register? (Its own copy is beside it, so this open
        // must not clear temporary files.)
        match Register::open_keeping_temporary_files(register_path) {
            Ok(current) => current.close()?,
            Err(e @ StoreError::AlreadyOpen { .. }) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
            // Damaged or unreadable: exactly the register a restore replaces.
            Err(_) => {}
        }
    }
    let replaced = exists(register_path).then(|| {
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        with_suffix(register_path, &format!(".replaced-{stamp}"))
    });
    let journal = journal_text(register_path, &tmp, replaced.as_deref(), backup);
    let journal_file = journal_path(register_path);
    if let Err(e) = files::write_private(&journal_file, journal.as_bytes()) {
        let _ = fs::remove_file(&tmp);
        return Err(io_error(&journal_file, "ghi")(e));
    }
    swap(register_path, &tmp, replaced.as_deref())?;
    let _ = fs::remove_file(&journal_file);
    let _ = files::sync_dir(&dir);
    Ok(RestoreReport { replaced })
}

/// The two renames, the folder synced after them. A failure puts the old register back
/// rather than leave none; the journal then describes a restore that did not happen, which
/// the next start tidies away.
fn swap(register_path: &Path, tmp: &Path, replaced: Option<&Path>) -> Result<()> {
    let dir = files::parent_dir(register_path);
    if let Some(kept) = replaced {
        fs::rename(register_path, kept).map_err(io_error(register_path, "đổi tên"))?;
    }
    if let Err(e) = fs::rename(tmp, register_path) {
        if let Some(kept) = replaced {
            let _ = fs::rename(kept, register_path);
        }
        let _ = fs::remove_file(tmp);
        let _ = fs::remove_file(journal_path(register_path));
        return Err(io_error(register_path, "đổi tên")(e));
    }
    files::sync_dir(dir).map_err(io_error(dir, "ghi"))
}

/// Finishes or undoes a restore that was killed part way (see the module docs), and says
/// what it did in Vietnamese; `None` when there was nothing to do.
pub fn finish_interrupted_restore(register_path: &Path) -> Result<Option<String>> {
    let journal_file = journal_path(register_path);
    let Ok(meta) = fs::symlink_metadata(&journal_file) else {
        return Ok(None);
    };
    let text = if meta.file_type().is_file() && meta.len() < 64 * 1024 {
        fs::read_to_string(&journal_file).unwrap_or_default()
    } else {
        String::new()
    };
    let mut lines = text.lines();
    let version = match lines.next() {
        Some(JOURNAL_TAG) => 2,
        Some(JOURNAL_TAG_V1) => 1,
        // Not a journal this program wrote: not ours to act on, nor to delete.
        _ => return Ok(None),
    };
    let dir = files::parent_dir(register_path);
    // Only names beside the register: nothing in a journal may point elsewhere.
    let named = |line: Option<&str>| {
        let line = line.filter(|n| !n.is_empty() && !n.contains(['/', '\\']))?;
        Some(match version {
            1 => dir.join(line),
            _ => with_suffix(register_path, line),
        })
    };
    let tmp = named(lines.next());
    let kept = named(lines.next());
    let backup = lines.next().unwrap_or("bản sao lưu").to_string();
    let shown = register_path.display();
    let message = match (exists(register_path), tmp.as_deref().filter(|t| exists(t))) {
        // Killed between the two renames: the verified copy becomes the register.
        (false, Some(tmp)) => {
            fs::rename(tmp, register_path).map_err(io_error(register_path, "đổi tên"))?;
            let old = kept
                .as_deref()
                .filter(|k| exists(k))
                .map(|k| format!(" Sổ cũ được giữ ở {}.", k.display()))
                .unwrap_or_default();
            Some(format!(
                "Lần khôi phục sổ {shown} từ {backup} trước đây bị ngắt giữa chừng; đã hoàn tất việc khôi phục.{old}"
            ))
        }
        // No copy left: the old register goes back under its name.
        (false, None) => match kept.as_deref().filter(|k| exists(k)) {
            Some(k) => {
                fs::rename(k, register_path).map_err(io_error(register_path, "đổi tên"))?;
                Some(format!(
                    "Lần khôi phục sổ {shown} từ {backup} trước đây bị ngắt giữa chừng; đã trả lại sổ cũ (từ {}).",
                    k.display()
                ))
            }
            None => None,
        },
        // Killed before the first rename: the register was never touched.
        (true, Some(tmp)) => {
            fs::remove_file(tmp).map_err(io_error(tmp, "xóa"))?;
            Some(format!(
                "Lần khôi phục sổ {shown} từ {backup} trước đây bị ngắt trước khi thay sổ; sổ vẫn như cũ. Nếu vẫn cần khôi phục, hãy chạy lại lệnh."
            ))
        }
        (true, None) => None,
    };
    fs::remove_file(&journal_file).map_err(io_error(&journal_file, "xóa"))?;
    files::sync_dir(dir).map_err(io_error(dir, "ghi"))?;
    Ok(message)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Commune;

    fn commune(name: &str) -> Commune {
        Commune {
            name: name.into(),
            province: "Ninh Bình".into(),
        }
    }

    /// Register names to try: a plain one and, where the file system allows it, one
    /// that is not UTF-8 (a folder named in an old code page).
    fn register_names() -> Vec<std::ffi::OsString> {
        let plain = std::ffi::OsString::from("so.redb");
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            vec![
                plain,
                std::ffi::OsString::from_vec(b"s\xf4 c\xfb.redb".to_vec()),
            ]
        }
        #[cfg(not(unix))]
        vec![plain]
    }

    /// A restore killed at each point between its steps, rebuilt from its files, is
    /// finished or undone at the next start; a register is always there afterwards.
    #[test]
    fn a_restore_killed_between_its_renames_is_finished_at_the_next_start() {
        for (killed_after, name) in ["journal", "first rename"]
            .into_iter()
            .flat_map(|k| register_names().into_iter().map(move |n| (k, n)))
        {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join(&name);
            Register::create(&path, &commune("Cũ"))
                .unwrap()
                .close()
                .unwrap();
            let backup = dir.path().join("sao-luu.redb");
            Register::create(&backup, &commune("Mới"))
                .unwrap()
                .close()
                .unwrap();
            // What restore_from does up to the kill.
            let (tmp, _) = copy_private(&backup, &with_suffix(&path, ".restore")).unwrap();
            let kept = with_suffix(&path, ".replaced-20260101-000000");
            let journal = journal_text(&path, &tmp, Some(&kept), &backup);
            files::write_private(&journal_path(&path), journal.as_bytes()).unwrap();
            if killed_after == "first rename" {
                fs::rename(&path, &kept).unwrap();
            }
            let said = finish_interrupted_restore(&path).unwrap().unwrap();
            let register = Register::open(&path).unwrap();
            let name = register.commune().unwrap().name;
            register.close().unwrap();
            if killed_after == "first rename" {
                assert!(said.contains("đã hoàn tất"), "{said}");
                assert_eq!(name, "Mới");
                assert!(Register::open(&kept).is_ok_and(|r| r.close().is_ok()));
            } else {
                assert!(said.contains("sổ vẫn như cũ"), "{said}");
                assert_eq!(name, "Cũ");
            }
            assert!(!exists(&journal_path(&path)) && !exists(&tmp));
            assert_eq!(finish_interrupted_restore(&path).unwrap(), None);
        }
    }

    #[test]
    fn a_file_that_only_looks_like_a_journal_is_left_alone() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        fs::write(journal_path(&path), "something else\nso.redb\n").unwrap();
        assert_eq!(finish_interrupted_restore(&path).unwrap(), None);
        assert!(exists(&journal_path(&path)));
    }
}
