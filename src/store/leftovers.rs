//! Removing the temporary files a killed process left behind, at the next open.
//!
//! Only while this process holds the register open (redb's lock) is it certain that no
//! other process is writing one of them: saves, backups and restores of a register all
//! run under that lock or check it. And only files this program names and writes are
//! removed: a regular file (never a symlink, pipe or folder) whose name is one of
//!
//! - `<register>.<pid>-<n>.tmp`, `<register>.holder.<pid>-<n>.tmp`,
//!   `<register>.verified.<pid>-<n>.tmp` beside the register;
//! - `<register>.restore.<pid>-<n>.tmp` (unless a restore journal still needs it) and
//!   its holder files;
//! - in the default backup folder, `<generation>.<pid>-<n>.tmp` copies still being
//!   verified when the kill came, and their holder files.

use super::backup::{default_backup_dir, is_generation_name, stem};
use super::files::{parent_dir, temp_base};
use std::fs;
use std::path::Path;

/// Whether `name` is a temporary file made for one of the names `ours` accepts, or the
/// holder file (or the holder's temporary file) of such a temporary register.
fn is_leftover(name: &str, ours: &dyn Fn(&str) -> bool) -> bool {
    let of_temp = |n: &str| temp_base(n).is_some_and(ours);
    if of_temp(name) {
        return true;
    }
    let holder = temp_base(name).unwrap_or(name);
    holder.strip_suffix(".holder").is_some_and(of_temp)
}

/// Removes the leftovers of `ours` in `dir`; a folder that is a symlink is left alone.
fn clean(dir: &Path, ours: &dyn Fn(&str) -> bool) -> usize {
    if fs::symlink_metadata(dir).map_or(true, |m| !m.file_type().is_dir()) {
        return 0;
    }
    let Ok(listing) = fs::read_dir(dir) else {
        return 0;
    };
    let mut removed = 0;
    for entry in listing.filter_map(Result::ok) {
        let name = entry.file_name();
        let Some(name) = name.to_str() else {
            continue;
        };
        // `file_type` does not follow symlinks.
        let regular = entry.file_type().is_ok_and(|t| t.is_file());
        if regular && is_leftover(name, ours) && fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Removes what killed processes left beside `register` and in its backup folder;
/// returns how many files went. Call only while holding the register open.
pub(crate) fn remove_leftovers(register: &Path) -> usize {
    let Some(name) = register.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let mut journal = register.as_os_str().to_os_string();
    journal.push(".restore-journal");
    let restore_pending = Path::new(&journal).exists();
    let holder = format!("{name}.holder");
    let verified = format!("{name}.verified");
    let restore = format!("{name}.restore");
    let beside = |base: &str| {
        base == name || base == holder || base == verified || (base == restore && !restore_pending)
    };
    let stem = stem(register);
    let generation = |base: &str| is_generation_name(base, &stem);
    clean(parent_dir(register), &beside) + clean(&default_backup_dir(register), &generation)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_programs_own_temporary_names_are_leftovers() {
        let ours = |b: &str| is_generation_name(b, "so");
        for yes in [
            "so-2026-11-22-0930.redb.12-0.tmp",
            "so-2026-11-22-0930-2.redb.12-0.tmp.holder",
            "so-2026-11-22-0930.redb.12-0.tmp.holder.12-1.tmp",
        ] {
            assert!(is_leftover(yes, &ours), "{yes}");
        }
        for no in [
            "so-2026-11-22-0930.redb",
            "so-2026-11-22-0930.redb.tmp",
            "ghi-chu.txt.12-0.tmp",
            "so-2026-11-22.redb.12-0.tmp",
        ] {
            assert!(!is_leftover(no, &ours), "{no}");
        }
    }
}
