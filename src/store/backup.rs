//! Backups and restores of the register file.
//!
//! A backup is a byte copy of the file taken while this process holds the register open:
//! the open itself keeps every other process out (redb's file lock), and a write
//! transaction is held for the length of the copy so no save of this process can run
//! during it. What is on disk is then exactly the last committed state, which redb can
//! always open. A byte copy (rather than rewriting every record into a new file) also
//! keeps any table this version of the program does not know about. Every copy is
//! verified before it gets its final name: opened with the integrity check, the schema
//! version read, every record decoded and every reference followed.
//!
//! By default backups rotate beside the register
//! (`so-hoc-tap.redb.backup/so-hoc-tap-2026-11-22-0930.redb`), the newest
//! [`KEEP_GENERATIONS`] kept. A restore checks the backup the same way before it touches
//! anything, and keeps the file it replaces under a timestamped name.

use super::{Register, Result, StoreError, files};
use crate::model::Year;
use chrono::Datelike;
use std::fs;
use std::io;
use std::path::{Path, PathBuf};

/// How many rotating generations a default backup keeps.
pub const KEEP_GENERATIONS: usize = 10;

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub path: PathBuf,
    pub bytes: u64,
    /// Older generations removed by the rotation.
    pub removed: Vec<PathBuf>,
}

/// What a restore did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreReport {
    /// Where the register that was replaced now lives (none if there was no register).
    pub replaced: Option<PathBuf>,
}

fn io_error(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder of rotating backups of a register: `<register file>.backup`.
pub fn default_backup_dir(register: &Path) -> PathBuf {
    with_suffix(register, ".backup")
}

fn stem(register: &Path) -> String {
    register
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "so-hoc-tap".into())
}

fn this_year() -> Year {
    Year::try_from(chrono::Local::now().year()).unwrap_or(2025)
}

/// Opens a copy as a register (integrity check on open, schema version) and checks every
/// record. The copy is ours, so the writable open may repair or stamp it; it is never
/// migrated (a backup of an older register stays as it was written).
fn verify(path: &Path) -> Result<()> {
    let mut register = Register::open_as_is(path)?;
    let report = register.check(this_year())?;
    register.close()?;
    // Data an officer can correct (more adults than members) is no reason to refuse a
    // copy; damage is.
    if !report.damaged {
        Ok(())
    } else {
        Err(StoreError::Corrupted {
            path: path.to_path_buf(),
            detail: report.problems.join("; "),
        })
    }
}

/// Copies `from` into a new owner-only file `to`, synced to disk.
fn copy_private(from: &Path, to: &Path) -> Result<u64> {
    let mut source = fs::File::open(from).map_err(io_error(from, "đọc"))?;
    let mut target = files::create_private(to, true).map_err(io_error(to, "tạo tệp"))?;
    let bytes = io::copy(&mut source, &mut target).map_err(io_error(to, "ghi"))?;
    target.sync_all().map_err(io_error(to, "ghi"))?;
    Ok(bytes)
}

/// Writes a verified copy of the open `register` to `dest`, which must not exist yet.
/// The copy is made under a temporary name and renamed only once verified, so a failed
/// backup never leaves a file that looks like a good one.
pub fn backup_to(register: &Register, dest: &Path) -> Result<BackupReport> {
    if dest.exists() {
        return Err(StoreError::AlreadyExists(dest.to_path_buf()));
    }
    let tmp = with_suffix(dest, ".tmp");
    let copied = register.with_db(|db| {
        // Held, never committed: no save of this process can run during the copy.
        let guard = db
            .begin_write()
            .map_err(|e| super::error::from_redb(register.path(), e))?;
        let copied = copy_private(register.path(), &tmp);
        guard
            .abort()
            .map_err(|e| super::error::from_redb(register.path(), e))?;
        Ok(copied)
    })?;
    let result = copied.and_then(|bytes| {
        verify(&tmp)?;
        fs::rename(&tmp, dest).map_err(io_error(dest, "đổi tên"))?;
        Ok(bytes)
    });
    match result {
        Ok(bytes) => Ok(BackupReport {
            path: dest.to_path_buf(),
            bytes,
            removed: Vec::new(),
        }),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            let _ = fs::remove_file(with_suffix(&tmp, ".holder"));
            Err(e)
        }
    }
}

/// A new rotating backup in `dir` (by default [`default_backup_dir`]), named after the
/// register and the minute, keeping the newest `keep` generations.
pub fn backup_generation(register: &Register, dir: &Path, keep: usize) -> Result<BackupReport> {
    create_private_dir(dir)?;
    let stem = stem(register.path());
    let minute = chrono::Local::now().format("%Y-%m-%d-%H%M").to_string();
    // Several backups in one minute are numbered after the last one, so a pruned name is
    // never reused for a newer copy (which would then sort as the oldest).
    let same_minute = generations(dir, &stem)?
        .iter()
        .map(|p| generation_order(p, &stem))
        .filter(|(m, _)| *m == minute)
        .map(|(_, within)| within)
        .max();
    let mut dest = match same_minute {
        None => dir.join(format!("{stem}-{minute}.redb")),
        Some(last) => dir.join(format!("{stem}-{minute}-{}.redb", last + 1)),
    };
    let mut n = same_minute.unwrap_or(1) + 2;
    while dest.exists() {
        dest = dir.join(format!("{stem}-{minute}-{n}.redb"));
        n += 1;
    }
    let mut report = backup_to(register, &dest)?;
    report.removed = prune(dir, &stem, keep)?;
    Ok(report)
}

/// A verified copy of a register about to be migrated from schema `found`, in the
/// register's backup folder under a name the rotation never prunes
/// (`truoc-nang-cap-<stem>-dinh-dang-1-2026-12-01-0930.redb`).
pub(super) fn backup_before_upgrade(register: &Register, found: u32) -> Result<BackupReport> {
    let dir = default_backup_dir(register.path());
    create_private_dir(&dir)?;
    let stem = stem(register.path());
    let minute = chrono::Local::now().format("%Y-%m-%d-%H%M").to_string();
    let name = format!("truoc-nang-cap-{stem}-dinh-dang-{found}-{minute}");
    let mut dest = dir.join(format!("{name}.redb"));
    let mut n = 2;
    while dest.exists() {
        dest = dir.join(format!("{name}-{n}.redb"));
        n += 1;
    }
    backup_to(register, &dest)
}

fn create_private_dir(dir: &Path) -> Result<()> {
    let mut builder = fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(dir).map_err(io_error(dir, "tạo thư mục"))
}

/// The generations of `stem` in `dir`, oldest first.
pub fn generations(dir: &Path, stem: &str) -> Result<Vec<PathBuf>> {
    let prefix = format!("{stem}-");
    let mut found: Vec<PathBuf> = fs::read_dir(dir)
        .map_err(io_error(dir, "đọc thư mục"))?
        .filter_map(|entry| entry.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".redb"))
        })
        .collect();
    found.sort_by_key(|p| generation_order(p, stem));
    Ok(found)
}

/// "<stem>-2026-11-22-0930.redb" is (minute, 1); "-0930-2", "-0930-3" follow it.
fn generation_order(path: &Path, stem: &str) -> (String, u32) {
    let prefix = format!("{stem}-");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or_default();
    let rest = name
        .strip_prefix(prefix.as_str())
        .and_then(|r| r.strip_suffix(".redb"))
        .unwrap_or_default();
    let mut parts = rest.splitn(5, '-');
    let minute: Vec<&str> = parts.by_ref().take(4).collect();
    let within: u32 = parts.next().and_then(|n| n.parse().ok()).unwrap_or(1);
    (minute.join("-"), within)
}

fn prune(dir: &Path, stem: &str, keep: usize) -> Result<Vec<PathBuf>> {
    let all = generations(dir, stem)?;
    let excess = all.len().saturating_sub(keep.max(1));
    let mut removed = Vec::new();
    for old in all.into_iter().take(excess) {
        fs::remove_file(&old).map_err(io_error(&old, "xóa"))?;
        removed.push(old);
    }
    Ok(removed)
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
    if let Some(dir) = register_path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io_error(dir, "tạo thư mục"))?;
    }
    let tmp = with_suffix(register_path, ".restore.tmp");
    let checked = copy_private(backup, &tmp).and_then(|_| verify(&tmp));
    if let Err(e) = checked {
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
    let mut replaced = None;
    if register_path.exists() {
        match Register::open(register_path) {
            Ok(current) => current.close()?,
            Err(e @ StoreError::AlreadyOpen { .. }) => {
                let _ = fs::remove_file(&tmp);
                return Err(e);
            }
            // Damaged or unreadable: exactly the register a restore replaces.
            Err(_) => {}
        }
        let stamp = chrono::Local::now().format("%Y%m%d-%H%M%S");
        let kept = with_suffix(register_path, &format!(".replaced-{stamp}"));
        fs::rename(register_path, &kept).map_err(io_error(register_path, "đổi tên"))?;
        replaced = Some(kept);
    }
    if let Err(e) = fs::rename(&tmp, register_path) {
        // Put the old register back rather than leave no register at all.
        if let Some(kept) = &replaced {
            let _ = fs::rename(kept, register_path);
        }
        let _ = fs::remove_file(&tmp);
        return Err(io_error(register_path, "đổi tên")(e));
    }
    Ok(RestoreReport { replaced })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commune, Community, CommunityKind, Unit, UnitKind, UnitMeta};

    fn commune() -> Commune {
        Commune {
            name: "Xã Thử".into(),
            province: "Ninh Bình".into(),
        }
    }

    fn community(code: &str) -> Unit {
        Unit::Community(Community {
            meta: UnitMeta {
                code: code.into(),
                entered: 2025,
                left: None,
            },
            name: "Đông".into(),
            kind: CommunityKind::Thon,
        })
    }

    fn codes(register: &Register) -> Vec<String> {
        register
            .read()
            .unwrap()
            .units(UnitKind::Community)
            .unwrap()
            .into_iter()
            .map(|(_, u)| u.code().to_string())
            .collect()
    }

    #[test]
    fn a_backup_of_an_open_register_is_verified_and_restorable() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so-hoc-tap.redb");
        let register = Register::create(&path, &commune()).unwrap();
        register
            .write(|w| w.insert_unit(&community("TH1")))
            .unwrap();
        let report = backup_generation(&register, &default_backup_dir(&path), 10).unwrap();
        assert!(
            report
                .path
                .starts_with(dir.path().join("so-hoc-tap.redb.backup"))
        );
        let name = report
            .path
            .file_name()
            .unwrap()
            .to_string_lossy()
            .into_owned();
        assert!(
            name.starts_with("so-hoc-tap-2") && name.ends_with(".redb"),
            "{name}"
        );
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = fs::metadata(&report.path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        // Saves after the backup are not in it; restoring brings the register back.
        register
            .write(|w| w.insert_unit(&community("TH2")))
            .unwrap();
        // The backup opens on its own, while the register is still open.
        let copy = Register::open(&report.path).unwrap();
        assert_eq!(codes(&copy), vec!["TH1"]);
        copy.close().unwrap();
        register.close().unwrap();
        let restored = restore_from(&report.path, &path).unwrap();
        let kept = restored.replaced.unwrap();
        let old = Register::open(&kept).unwrap();
        assert_eq!(codes(&old), vec!["TH1", "TH2"]);
        old.close().unwrap();
        let back = Register::open(&path).unwrap();
        assert_eq!(codes(&back), vec!["TH1"]);
        back.close().unwrap();
    }

    #[test]
    fn rotation_keeps_the_newest_generations() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        let register = Register::create(&path, &commune()).unwrap();
        let backups = default_backup_dir(&path);
        let mut made = Vec::new();
        for _ in 0..4 {
            made.push(backup_generation(&register, &backups, 2).unwrap().path);
        }
        let left = generations(&backups, "so").unwrap();
        assert_eq!(left, made[2..].to_vec());
    }

    #[test]
    fn restore_refuses_a_file_that_is_not_a_register_and_touches_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        Register::create(&path, &commune())
            .unwrap()
            .close()
            .unwrap();
        let before = fs::read(&path).unwrap();
        let junk = dir.path().join("junk.redb");
        fs::write(&junk, b"this is not a register at all").unwrap();
        assert!(restore_from(&junk, &path).is_err());
        assert_eq!(fs::read(&path).unwrap(), before);
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(leftovers.len(), 2, "{leftovers:?}");
    }

    #[test]
    fn restore_refuses_while_the_register_is_open() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        let register = Register::create(&path, &commune()).unwrap();
        let backup = dir.path().join("sao-luu.redb");
        backup_to(&register, &backup).unwrap();
        assert!(matches!(
            restore_from(&backup, &path),
            Err(StoreError::AlreadyOpen { .. })
        ));
        register.close().unwrap();
        assert!(
            backup_to(&Register::open(&path).unwrap(), &backup).is_err(),
            "never overwrites"
        );
    }
}
