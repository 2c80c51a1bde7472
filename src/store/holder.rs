//! Who has the register open. redb locks the file itself, so a second process cannot
//! open it; this small side file lets that process say *who* holds it (user, host, since
//! when). The lock is the operating system's, so a crashed holder never blocks: its lock
//! died with it, and the next open simply overwrites the stale side file.

use std::path::{Path, PathBuf};

pub(crate) fn holder_path(register: &Path) -> PathBuf {
    let mut name = register.as_os_str().to_os_string();
    name.push(".holder");
    PathBuf::from(name)
}

/// Records this process as the holder. Failure to write it only costs a less precise
/// message for a second process, so it is not an error; for the same reason it is not
/// synced: two syncs here made every open wait 10–15 ms on a busy disk
/// (docs/performance.md, "Issue 17, the home screen").
pub(crate) fn write_holder(register: &Path) {
    let host = gethostname::gethostname().to_string_lossy().into_owned();
    let since = chrono::Local::now().format("%H:%M ngày %d/%m/%Y");
    let text = format!(
        "người dùng {} trên máy {host}, từ {since} (tiến trình {})\n",
        crate::model::current_user(),
        std::process::id()
    );
    let _ = super::files::replace_private_unsynced(&holder_path(register), text.as_bytes());
}

/// The holder's line, read only from a small regular file: a planted symlink to a pipe
/// or a device must not hang the second process or feed it megabytes.
pub(crate) fn read_holder(register: &Path) -> Option<String> {
    use std::io::Read;
    let path = holder_path(register);
    let meta = std::fs::symlink_metadata(&path).ok()?;
    if !meta.file_type().is_file() {
        return None;
    }
    let mut text = String::new();
    std::fs::File::open(&path)
        .ok()?
        .take(4096)
        .read_to_string(&mut text)
        .ok()?;
    Some(text.trim().to_string()).filter(|s| !s.is_empty())
}

pub(crate) fn remove_holder(register: &Path) {
    let _ = std::fs::remove_file(holder_path(register));
}
