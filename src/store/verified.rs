//! When the register file was last verified page by page, and whether it was closed
//! cleanly since: the small side file `<register>.verified`.
//!
//! redb's full check (every page's checksum, the allocator) reads the whole file: a
//! quarter of a second at commune scale, most of what opening took. It runs where it
//! protects the data instead of at every open (docs/reliability.md says what that costs):
//!
//! - at an open, when this file is missing or does not describe the register as the
//!   program last closed it (a kill or power cut while it was open, another program or a
//!   copy that changed or replaced it): redb also repairs, and so verifies, by itself
//!   after an unclean shutdown;
//! - at a close, when the last verification was on an earlier day (at most once a day),
//!   unless the session is ending because its terminal went away ([`super::Register::close_in_haste`]);
//! - in every backup (the copy is verified before it gets its name) and in `check`.
//!
//! Why a side file and not a key in the register's `meta` table: writing a key is a
//! write transaction with its disk sync and changes the register's bytes, so it could not
//! mark a clean close (the close would have to commit) and it would travel inside every
//! backup and copy, vouching for a file it was never written about. The side file holds
//! the day of the last verification and the register's length and modification time at
//! the clean close; it is removed while the register is open, so a kill leaves none. A
//! missing or unreadable side file only costs one verification.

use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// The first word of the side file, so a later layout can be told apart.
const TAG: &str = "sohoctap-verified-1";

/// Days since 1970-01-01 (UTC).
pub(crate) type Day = i64;

pub(crate) fn marker_path(register: &Path) -> PathBuf {
    let mut name = register.as_os_str().to_os_string();
    name.push(".verified");
    PathBuf::from(name)
}

pub(crate) fn today() -> Day {
    chrono::Utc::now().timestamp().div_euclid(86_400)
}

/// The register file's length and modification time (nanoseconds since 1970).
fn identity(register: &Path) -> Option<(u64, u128)> {
    let meta = std::fs::metadata(register).ok()?;
    let modified = meta.modified().ok()?.duration_since(UNIX_EPOCH).ok()?;
    Some((meta.len(), modified.as_nanos()))
}

/// The day the register was last verified, if the side file says the program closed it
/// cleanly and the file is still as it was left then; `None` means: verify it now.
pub(crate) fn trusted_since(register: &Path) -> Option<Day> {
    use std::io::Read;
    let path = marker_path(register);
    // Only a small regular file: a planted pipe or device must not hang the open.
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    let mut text = String::new();
    std::fs::File::open(&path)
        .ok()?
        .take(256)
        .read_to_string(&mut text)
        .ok()?;
    let mut words = text.split_whitespace();
    if words.next() != Some(TAG) {
        return None;
    }
    let day: Day = words.next()?.parse().ok()?;
    let len: u64 = words.next()?.parse().ok()?;
    let modified: u128 = words.next()?.parse().ok()?;
    (identity(register)? == (len, modified)).then_some(day)
}

/// Records a clean close: the register as it is now, verified on `day`. Failure to
/// write only costs a verification at the next open, so it is not an error.
pub(crate) fn record(register: &Path, day: Day) {
    if let Some((len, modified)) = identity(register) {
        let text = format!("{TAG} {day} {len} {modified}\n");
        let _ = super::files::write_private(&marker_path(register), text.as_bytes());
    }
}

/// Forgets the clean close while the register is open: a kill from now on must be
/// followed by a verification.
pub(crate) fn forget(register: &Path) {
    let _ = std::fs::remove_file(marker_path(register));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_marker_is_trusted_only_while_the_file_is_as_it_was_left() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        std::fs::write(&path, b"register bytes").unwrap();
        assert_eq!(trusted_since(&path), None, "no marker: verify");
        record(&path, 20_000);
        assert_eq!(trusted_since(&path), Some(20_000));
        // Another program (or a copy put in its place) changed the file.
        std::fs::write(&path, b"other bytes, longer").unwrap();
        assert_eq!(trusted_since(&path), None);
        record(&path, 20_001);
        forget(&path);
        assert_eq!(trusted_since(&path), None, "open: a kill leaves no marker");
        std::fs::write(marker_path(&path), b"garbage 1 2 3").unwrap();
        assert_eq!(trusted_since(&path), None);
    }
}
