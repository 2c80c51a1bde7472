//! Creating files readable by the owner only: registers, backups and exports hold
//! personal data (names, birth years) of a whole commune. Files are never written through
//! a path someone else prepared: temporary files get a name of their own and are created
//! exclusively (an existing file or symlink there is refused, not followed), and folders
//! the program creates are owner-only whatever the umask.

use std::fs::{File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// Owner-only options (0600 on Unix), never following a symlink at the last component.
/// Windows keeps the user profile's own access rules, which already exclude other users.
fn private_options() -> OpenOptions {
    let mut options = OpenOptions::new();
    options.read(true).write(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600).custom_flags(libc::O_NOFOLLOW);
    }
    options
}

/// Opens `path` for writing, creating it owner-only; a symlink there is refused.
pub fn create_private(path: &Path, truncate: bool) -> io::Result<File> {
    private_options().create(true).truncate(truncate).open(path)
}

/// Creates `path` owner-only; refuses if anything (a file, a symlink) is already there.
pub fn create_new_private(path: &Path) -> io::Result<File> {
    private_options().create_new(true).open(path)
}

static TEMPS: AtomicU64 = AtomicU64::new(0);

/// A temporary name beside `path` that no other process or call uses:
/// `<name>.<process id>-<n>.tmp`. [`temp_base`] recognises it for the clean-up.
pub fn temp_path(path: &Path) -> PathBuf {
    let n = TEMPS.fetch_add(1, Ordering::Relaxed);
    let mut name = path.as_os_str().to_os_string();
    name.push(format!(".{}-{n}.tmp", std::process::id()));
    PathBuf::from(name)
}

/// The file a temporary name from [`temp_path`] was made for (`so.redb.holder` for
/// `so.redb.holder.4242-0.tmp`); `None` for any other name.
pub fn temp_base(name: &str) -> Option<&str> {
    let rest = name.strip_suffix(".tmp")?;
    let (base, tag) = rest.rsplit_once('.')?;
    let (pid, n) = tag.split_once('-')?;
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    (digits(pid) && digits(n) && !base.is_empty()).then_some(base)
}

/// How old a temporary file of ours must be before the next write of the same file
/// takes it for the leftover of a killed process. No write of this program takes
/// minutes, so an hour can only be a process that died.
const STALE_TEMP: std::time::Duration = std::time::Duration::from_secs(60 * 60);

/// Removes `<name>.<pid>-<n>.tmp` files beside `path` that a killed process left while
/// writing that same file (a report or export `--out` anywhere, where the register's
/// own clean-up at open never looks): only regular files of exactly that name shape,
/// only when older than [`STALE_TEMP`]. Returns how many went.
pub fn remove_stale_temps(path: &Path) -> usize {
    let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
        return 0;
    };
    let Ok(listing) = std::fs::read_dir(parent_dir(path)) else {
        return 0;
    };
    let now = std::time::SystemTime::now();
    let mut removed = 0;
    for entry in listing.filter_map(Result::ok) {
        let entry_name = entry.file_name();
        if entry_name.to_str().and_then(temp_base) != Some(name) {
            continue;
        }
        // `DirEntry::metadata` does not follow a symlink: a planted link is not ours.
        let stale = entry.metadata().is_ok_and(|m| {
            m.file_type().is_file()
                && m.modified()
                    .ok()
                    .and_then(|t| now.duration_since(t).ok())
                    .is_some_and(|age| age > STALE_TEMP)
        });
        if stale && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

/// Creates a fresh temporary file beside `path`, exclusively (after taking away what a
/// killed earlier write of the same file left, see [`remove_stale_temps`]).
pub fn create_temp(path: &Path) -> io::Result<(PathBuf, File)> {
    remove_stale_temps(path);
    // A name is unique to this process and call; a clash means something was planted there,
    // so try another name rather than touch it.
    let mut last = None;
    for _ in 0..8 {
        let tmp = temp_path(path);
        match create_new_private(&tmp) {
            Ok(file) => return Ok((tmp, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(e) => return Err(e),
        }
    }
    Err(last.unwrap_or_else(|| io::Error::from(io::ErrorKind::AlreadyExists)))
}

/// Tightens an existing file to owner-only (a register copied in with 0644, say). Only
/// called on a file already known to be a register.
pub fn restrict_to_owner(path: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(path)?.permissions().mode();
        if mode & 0o077 != 0 {
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode & 0o700))?;
        }
    }
    #[cfg(not(unix))]
    let _ = path;
    Ok(())
}

/// The folder holding `path` ("." for a bare file name).
pub fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|d| !d.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

/// Makes a rename or removal in `dir` durable: on Unix the folder itself is synced, or a
/// power cut could bring back the old name. NTFS journals its folders itself, and Windows
/// has no plain way to flush a folder handle, so there it is nothing to do.
#[cfg(unix)]
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    File::open(dir)?.sync_all()
}

/// See the Unix version: NTFS journals folder changes itself.
#[cfg(not(unix))]
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    let _ = dir;
    Ok(())
}

/// Creates `dir` and any missing parents; each folder created here is owner-only (0700 on
/// Unix, set after creation so the umask cannot widen it). Existing folders are left as
/// they are.
pub fn create_private_dir(dir: &Path) -> io::Result<()> {
    let mut missing = Vec::new();
    let mut at = Some(dir);
    while let Some(d) = at.filter(|d| !d.as_os_str().is_empty()) {
        if d.exists() {
            break;
        }
        missing.push(d.to_path_buf());
        at = d.parent();
    }
    for d in missing.iter().rev() {
        match std::fs::create_dir(d) {
            Ok(()) => {}
            // Made by someone else meanwhile: theirs, left as it is.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && d.is_dir() => continue,
            Err(e) => return Err(e),
        }
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(d, std::fs::Permissions::from_mode(0o700))?;
        }
    }
    Ok(())
}

/// Writes `bytes` to `path` atomically: to a private temporary file of its own beside it,
/// synced, then renamed over, and the folder synced. A crash or a full disk leaves either
/// the old file or the new one, never half of one.
pub fn write_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_private_with(path, &mut |out| out.write_all(bytes))
}

/// Replaces `path` with `bytes` through a private temporary file and a rename, like
/// [`write_private`], but without syncing: for a side file whose loss in a crash costs
/// nothing (who holds the register), so opening does not wait on the disk for it. A
/// crash can leave the old text or an empty file, never another file's bytes.
pub fn replace_private_unsynced(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let (tmp, file) = create_temp(path)?;
    let result = (|| {
        drop(write_through(file, &mut |out| out.write_all(bytes))?);
        std::fs::rename(&tmp, path)
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Produces the content of a file piece by piece into a buffered writer.
pub type Produce<'a> = dyn FnMut(&mut dyn Write) -> io::Result<()> + 'a;

/// [`write_private`] with the content written by `produce` as it goes, so a large file
/// (the JSON archive) is never whole in memory.
pub fn write_private_with(path: &Path, produce: &mut Produce<'_>) -> io::Result<()> {
    let (tmp, file) = create_temp(path)?;
    let result = (|| {
        let file = write_through(file, produce)?;
        file.sync_all()?;
        drop(file);
        std::fs::rename(&tmp, path)?;
        sync_dir(parent_dir(path))
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    result
}

/// Whether `a` and `b` name the same file, through any symlink, hard link or spelling
/// (`./so.redb`, `../x/so.redb`). On Unix the device and inode numbers decide; on Windows
/// the canonical paths (with case folded, as NTFS names are case-insensitive).
pub fn same_file(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (std::fs::metadata(a), std::fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev() && x.ino() == y.ino(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        match (std::fs::canonicalize(a), std::fs::canonicalize(b)) {
            (Ok(x), Ok(y)) => {
                x.to_string_lossy().to_lowercase() == y.to_string_lossy().to_lowercase()
            }
            _ => false,
        }
    }
}

/// Writes `bytes` to `path`, which must not exist yet: an existing file (or a symlink, or
/// one that appears meanwhile) is an `AlreadyExists` error and is left untouched. The
/// file appears whole or not at all, like [`write_private`].
pub fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_new_private_with(path, &mut |out| out.write_all(bytes))
}

/// [`write_new_private`] with the content written by `produce` as it goes.
pub fn write_new_private_with(path: &Path, produce: &mut Produce<'_>) -> io::Result<()> {
    let (tmp, file) = create_temp(path)?;
    let result = (|| {
        let file = write_through(file, produce)?;
        file.sync_all()?;
        drop(file);
        link_new(&tmp, path)?;
        sync_dir(parent_dir(path))
    })();
    let _ = std::fs::remove_file(&tmp);
    result
}

/// Runs `produce` into `file` through a buffer; returns the file, flushed.
fn write_through(file: File, produce: &mut Produce<'_>) -> io::Result<File> {
    let mut out = io::BufWriter::with_capacity(64 * 1024, file);
    produce(&mut out)?;
    out.into_inner().map_err(io::IntoInnerError::into_error)
}

/// Gives the finished file `tmp` the name `path` only if that name is free. A hard link
/// refuses an existing name atomically; where the file system has none (FAT on a USB
/// stick) a rename after a last look is the best there is.
pub fn link_new(tmp: &Path, path: &Path) -> io::Result<()> {
    match std::fs::hard_link(tmp, path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::AlreadyExists => Err(e),
        Err(_) if path.symlink_metadata().is_err() => std::fs::rename(tmp, path),
        Err(_) => Err(io::Error::from(io::ErrorKind::AlreadyExists)),
    }
}

/// Writes `bytes` under the first free name of [`numbered`] (creating the folder
/// owner-only if needed) and returns that name: nothing earlier is ever replaced.
pub fn write_new_numbered(first: &Path, bytes: &[u8]) -> io::Result<PathBuf> {
    create_private_dir(parent_dir(first))?;
    let mut n = 1;
    loop {
        let path = numbered(first, n);
        match write_new_private(&path, bytes) {
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && n < 1000 => n += 1,
            other => return other.map(|()| path),
        }
    }
}

/// `bao-cao.txt`, `bao-cao-2.txt`, `bao-cao-3.txt`…: the n-th name for a file that must
/// not replace an earlier one (n = 1 is the name itself).
pub fn numbered(path: &Path, n: u32) -> PathBuf {
    if n <= 1 {
        return path.to_path_buf();
    }
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let name = match path.extension() {
        Some(ext) => format!("{stem}-{n}.{}", ext.to_string_lossy()),
        None => format!("{stem}-{n}"),
    };
    path.with_file_name(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn temporary_names_are_recognised_and_nothing_else() {
        let tmp = temp_path(Path::new("so.redb.holder"));
        let name = tmp.to_string_lossy().into_owned();
        assert_eq!(temp_base(&name), Some("so.redb.holder"));
        for other in [
            "so.redb",
            "so.redb.tmp",
            "a.1-x.tmp",
            ".1-2.tmp",
            "a.-2.tmp",
        ] {
            assert_eq!(temp_base(other), None, "{other}");
        }
    }

    #[test]
    fn the_next_write_of_a_file_removes_what_a_killed_write_of_it_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bao-cao.txt");
        let old = dir.path().join("bao-cao.txt.4242-0.tmp");
        let fresh = dir.path().join("bao-cao.txt.4243-0.tmp");
        let other = dir.path().join("khac.txt.4242-0.tmp");
        let lookalike = dir.path().join("bao-cao.txt.old.tmp");
        let hour_and_more = std::time::SystemTime::now() - STALE_TEMP * 2;
        for p in [&old, &fresh, &other, &lookalike] {
            let file = File::create(p).unwrap();
            if p != &fresh {
                file.set_modified(hour_and_more).unwrap();
            }
        }
        write_private(&path, b"report").unwrap();
        assert!(!old.exists(), "the old leftover of this file goes");
        // A write of the same file still running elsewhere, another file's temporary,
        // a name this program never makes: untouched.
        assert!(fresh.exists() && other.exists() && lookalike.exists());
        assert_eq!(std::fs::read(&path).unwrap(), b"report");
    }

    #[test]
    fn a_new_file_never_replaces_an_existing_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("bao-cao.txt");
        write_new_private(&path, b"one").unwrap();
        let again = write_new_private(&path, b"two").unwrap_err();
        assert_eq!(again.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(numbered(&path, 2), dir.path().join("bao-cao-2.txt"));
        let names = std::fs::read_dir(dir.path()).unwrap().count();
        assert_eq!(names, 1, "no temporary file is left");
    }

    #[cfg(unix)]
    #[test]
    fn a_planted_symlink_is_never_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("victim");
        std::fs::write(&target, b"keep").unwrap();
        let link = dir.path().join("out.tmp");
        std::os::unix::fs::symlink(&target, &link).unwrap();
        assert!(create_new_private(&link).is_err());
        assert!(create_private(&link, true).is_err());
        assert_eq!(std::fs::read(&target).unwrap(), b"keep");
    }

    #[cfg(unix)]
    #[test]
    fn created_folders_are_owner_only_whatever_the_umask() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let deep = dir.path().join("a/b");
        create_private_dir(&deep).unwrap();
        for d in [dir.path().join("a"), deep] {
            let mode = std::fs::metadata(&d).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o700, "{}", d.display());
        }
    }
}
