//! Backups and restores of the register file.
//!
//! A backup is a byte copy of the file taken while this process holds the register open:
//! the open itself keeps every other process out (redb's file lock), and a write
//! transaction is held for the length of the copy so no save of this process can run
//! during it. What is on disk is then exactly the last committed state, which redb can
//! always open. A byte copy (rather than rewriting every record into a new file) also
//! keeps any table this version of the program does not know about. Every copy is
//! verified before it gets its final name: opened with the integrity check (every page's
//! checksum, once), the schema version read, every record decoded and every reference
//! followed. A damaged register therefore never becomes a backup, and the rotation prunes
//! old generations only after a new one is verified. A good copy also counts as the
//! register's own verification for the day (see `super::verified`).
//!
//! By default backups rotate beside the register
//! (`so-hoc-tap.redb.backup/so-hoc-tap-2026-11-22-0930.redb`), the newest
//! [`KEEP_GENERATIONS`] kept. A restore checks the backup the same way before it touches
//! anything, and keeps the file it replaces under a timestamped name (see
//! [`super::restore`]).

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

pub use super::restore::{RestoreReport, finish_interrupted_restore, restore_from};

pub(super) fn io_error(path: &Path, action: &'static str) -> impl FnOnce(io::Error) -> StoreError {
    let path = path.to_path_buf();
    move |source| StoreError::Io {
        path,
        action,
        source,
    }
}

pub(super) fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder of rotating backups of a register: `<register file>.backup`.
pub fn default_backup_dir(register: &Path) -> PathBuf {
    with_suffix(register, ".backup")
}

pub(super) fn stem(register: &Path) -> String {
    register
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "so-hoc-tap".into())
}

fn this_year() -> Year {
    Year::try_from(chrono::Local::now().year()).unwrap_or(2025)
}

/// Opens a copy as a register (every page verified by the open, schema version) and
/// checks every record. The copy is ours, so the writable open may repair or stamp it; it
/// is never migrated (a backup of an older register stays as it was written). The pages
/// are verified once: the open's check is the whole of redb's check. With `compact`, a
/// copy with much free space is compacted between the page check and the record check.
pub(super) fn verify(path: &Path, compact: bool) -> Result<()> {
    // Every page is checked by this open, before anything is moved: a compaction copies
    // pages under fresh checksums, so it must only ever move pages already found good.
    let register = Register::open_as_is(path)?;
    if compact && register.free_share()? >= super::compact::COMPACT_COPY_FREE_SHARE {
        // A copy is the file kept for years: give it back the space the register's own
        // writes left free (a failed compaction leaves the copy as it was, still checked
        // record by record below).
        let _ = register.compact();
    }
    let report = super::integrity::check_records(&register.read()?, this_year())?;
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

/// Copies `from` into a new owner-only temporary file beside `beside`, synced to disk;
/// returns its name and size. The temporary file is created exclusively under a name of
/// its own, so nothing planted there receives the copy.
pub(super) fn copy_private(from: &Path, beside: &Path) -> Result<(PathBuf, u64)> {
    let mut source = fs::File::open(from).map_err(io_error(from, "đọc"))?;
    let (tmp, mut target) = files::create_temp(beside).map_err(io_error(beside, "tạo tệp"))?;
    let copied = io::copy(&mut source, &mut target)
        .and_then(|bytes| target.sync_all().map(|()| bytes))
        .map_err(io_error(&tmp, "ghi"));
    match copied {
        Ok(bytes) => Ok((tmp, bytes)),
        Err(e) => {
            let _ = fs::remove_file(&tmp);
            Err(e)
        }
    }
}

/// The first bytes of every redb file: what a file the program wrote starts with.
const REDB_MAGIC: &[u8] = b"redb\x1a\x0a\xa9\x0d\x0a";

/// Whether `path` is a regular file (not a symlink, device or folder) that starts like a
/// register. Only such files are ever deleted or counted as the program's own.
pub fn looks_like_register(path: &Path) -> bool {
    use std::io::Read;
    let regular = fs::symlink_metadata(path).is_ok_and(|m| m.file_type().is_file());
    let mut head = [0u8; 9];
    regular
        && fs::File::open(path)
            .and_then(|mut f| f.read_exact(&mut head))
            .is_ok()
        && head == REDB_MAGIC
}

/// Writes a verified copy of the open `register` to `dest`, which must not exist yet.
/// The copy is made under a temporary name and renamed only once verified, so a failed
/// backup never leaves a file that looks like a good one. A copy with much free space is
/// compacted (see [`verify`]).
pub fn backup_to(register: &Register, dest: &Path) -> Result<BackupReport> {
    copy_verified(register, dest, true)
}

/// [`backup_to`], compacting the copy only when `compact` is set.
fn copy_verified(register: &Register, dest: &Path, compact: bool) -> Result<BackupReport> {
    if dest.exists() {
        return Err(StoreError::AlreadyExists(dest.to_path_buf()));
    }
    let copied = register.with_db(|db| {
        // Held, never committed: no save of this process can run during the copy.
        let guard = db
            .begin_write()
            .map_err(|e| super::error::from_redb(register.path(), e))?;
        let copied = copy_private(register.path(), dest);
        guard
            .abort()
            .map_err(|e| super::error::from_redb(register.path(), e))?;
        Ok(copied)
    })?;
    let (tmp, bytes) = copied?;
    let result = verify(&tmp, compact).and_then(|()| {
        // The copy is the register's bytes: the register itself has just been verified.
        register.mark_verified();
        // Unlike a rename, this refuses a name that appeared meanwhile (a planted file or
        // symlink), so an existing file is never replaced by a backup.
        files::link_new(&tmp, dest).map_err(|e| match e.kind() {
            io::ErrorKind::AlreadyExists => StoreError::AlreadyExists(dest.to_path_buf()),
            _ => io_error(dest, "đổi tên")(e),
        })?;
        files::sync_dir(files::parent_dir(dest)).map_err(io_error(dest, "ghi"))
    });
    let _ = fs::remove_file(&tmp);
    let _ = fs::remove_file(super::holder::holder_path(&tmp));
    result.map(|()| BackupReport {
        path: dest.to_path_buf(),
        // The copy's own size: smaller than the register's when it was compacted.
        bytes: fs::metadata(dest).map_or(bytes, |m| m.len()),
        removed: Vec::new(),
    })
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
    let stem = stem(register.path());
    // Byte for byte as the older program left it: compacting would rewrite it with this
    // program's redb, and the copy is what an officer takes back to that program.
    backup_kept(
        register,
        &format!("truoc-nang-cap-{stem}-dinh-dang-{found}"),
        false,
    )
}

/// A verified copy of a register about to take in a former commune's register (`merge`),
/// in its backup folder under a name the rotation never prunes
/// (`truoc-gop-yenmo-<stem>-2026-12-01-0930.redb`, after the merge's code prefix).
pub fn backup_before_merge(register: &Register, prefix: &str) -> Result<BackupReport> {
    let stem = stem(register.path());
    let prefix = prefix.to_ascii_lowercase();
    backup_kept(register, &format!("truoc-gop-{prefix}-{stem}"), true)
}

/// A verified copy named `<name>-<minute>.redb` in the register's backup folder.
fn backup_kept(register: &Register, name: &str, compact: bool) -> Result<BackupReport> {
    let dir = default_backup_dir(register.path());
    create_private_dir(&dir)?;
    let minute = chrono::Local::now().format("%Y-%m-%d-%H%M").to_string();
    let name = format!("{name}-{minute}");
    let mut dest = dir.join(format!("{name}.redb"));
    let mut n = 2;
    while dest.exists() {
        dest = dir.join(format!("{name}-{n}.redb"));
        n += 1;
    }
    copy_verified(register, &dest, compact)
}

fn create_private_dir(dir: &Path) -> Result<()> {
    files::create_private_dir(dir).map_err(io_error(dir, "tạo thư mục"))
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

/// Whether `name` is exactly a generation name of `stem`:
/// `<stem>-YYYY-MM-DD-HHMM.redb` or `<stem>-YYYY-MM-DD-HHMM-N.redb`.
pub(super) fn is_generation_name(name: &str, stem: &str) -> bool {
    let Some(rest) = name
        .strip_prefix(stem)
        .and_then(|r| r.strip_prefix('-'))
        .and_then(|r| r.strip_suffix(".redb"))
    else {
        return false;
    };
    let parts: Vec<&str> = rest.split('-').collect();
    let widths: &[usize] = &[4, 2, 2, 4];
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (parts.len() == 4 || parts.len() == 5)
        && parts.iter().all(|p| digits(p))
        && parts.iter().zip(widths).all(|(p, w)| p.len() == *w)
}

/// Removes the oldest generations beyond `keep`. Only files the program wrote are
/// removed: an exact generation name, a regular file (not a symlink) that starts like a
/// register. A backup folder that is itself a symlink is never pruned, since its files may
/// be anything the link points at.
fn prune(dir: &Path, stem: &str, keep: usize) -> Result<Vec<PathBuf>> {
    if fs::symlink_metadata(dir).is_ok_and(|m| m.file_type().is_symlink()) {
        return Ok(Vec::new());
    }
    let all: Vec<PathBuf> = generations(dir, stem)?
        .into_iter()
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| is_generation_name(n, stem))
                && looks_like_register(p)
        })
        .collect();
    let excess = all.len().saturating_sub(keep.max(1));
    let mut removed = Vec::new();
    for old in all.into_iter().take(excess) {
        fs::remove_file(&old).map_err(io_error(&old, "xóa"))?;
        removed.push(old);
    }
    if !removed.is_empty() {
        files::sync_dir(dir).map_err(io_error(dir, "xóa"))?;
    }
    Ok(removed)
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
    fn a_backup_of_a_register_with_much_free_space_is_compacted_and_holds_everything() {
        use crate::store::tests::household;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        let register = Register::create(&path, &commune()).unwrap();
        let thon = register
            .write(|w| w.insert_unit(&community("TH1")))
            .unwrap();
        let ids = register
            .write(|w| {
                (0..1500)
                    .map(|i| w.insert_unit(&household(&format!("HO{i:05}"), thon)))
                    .collect::<Result<Vec<_>>>()
            })
            .unwrap();
        // Rewriting every record leaves the pages of the old ones free in the file.
        for round in 0..3 {
            register
                .write(|w| {
                    for (i, id) in ids.iter().enumerate() {
                        let mut unit = household(&format!("HO{i:05}"), thon);
                        if let Unit::Household(h) = &mut unit {
                            h.head_name = format!("Nguyễn Văn {round} {i}");
                        }
                        w.update_unit(*id, &unit)?;
                    }
                    Ok(())
                })
                .unwrap();
        }
        assert!(
            register.free_share().unwrap() >= super::super::compact::COMPACT_COPY_FREE_SHARE,
            "the test needs a register with free space"
        );
        let length = fs::metadata(&path).unwrap().len();
        let report = backup_generation(&register, &default_backup_dir(&path), 10).unwrap();
        assert!(
            report.bytes < length * 3 / 4,
            "backup {} bytes, register {length}",
            report.bytes
        );
        assert_eq!(report.bytes, fs::metadata(&report.path).unwrap().len());
        let names = |r: &Register| -> Vec<String> {
            r.read()
                .unwrap()
                .units(UnitKind::Household)
                .unwrap()
                .into_iter()
                .map(|(_, u)| match u {
                    Unit::Household(h) => h.head_name,
                    _ => String::new(),
                })
                .collect()
        };
        let copy = Register::open(&report.path).unwrap();
        assert_eq!(names(&copy), names(&register));
        assert_eq!(names(&copy).len(), 1500);
        copy.close().unwrap();
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
        // The register's clean-close marker is its own, not a leftover of the restore.
        let leftovers: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| !n.to_string_lossy().ends_with(".verified"))
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
