//! Where `--out FILE` may write (`report`, `export csv|json`). The file named is looked
//! at before anything is written:
//!
//! - the open register, its holder file, or any register or backup (a file starting with
//!   redb's header, or one in the register's backup folder) is refused, `--force` or not;
//! - a device or a pipe (`/dev/null`, `/dev/stdout`, a FIFO; `NUL` on Windows) is written
//!   as a stream, never replaced by a file; a block device (a whole disk) is refused;
//! - an existing regular file is replaced only with `--force`, atomically;
//! - a new file is created owner-only, whole or not at all, never through a symlink.

use super::CliError;
use crate::store::backup::{default_backup_dir, looks_like_register};
use crate::store::{describe_io, files};
use std::io::Write;
use std::path::Path;

/// What is at the `--out` path.
enum Target {
    New,
    Stream,
    Existing,
}

/// Writes `bytes` to `out` under the rules above; `register` is the `--db` file.
pub fn write_out(out: &Path, bytes: &[u8], force: bool, register: &Path) -> Result<(), CliError> {
    write_out_with(out, &mut |w| w.write_all(bytes), force, register)
}

/// [`write_out`] with the content written by `produce` as it goes (the JSON archive).
pub fn write_out_with(
    out: &Path,
    produce: &mut files::Produce<'_>,
    force: bool,
    register: &Path,
) -> Result<(), CliError> {
    let failed = |e: std::io::Error| {
        CliError::runtime(format!(
            "Không ghi được tệp {}: {}",
            out.display(),
            describe_io(&e)
        ))
    };
    match target(out, register)? {
        Target::Stream => std::fs::OpenOptions::new()
            .write(true)
            .open(out)
            .and_then(|f| {
                let mut w = std::io::BufWriter::new(f);
                produce(&mut w).and_then(|()| w.flush())
            })
            .map_err(failed),
        Target::New => files::write_new_private_with(out, produce).map_err(|e| {
            if e.kind() == std::io::ErrorKind::AlreadyExists {
                exists_without_force(out)
            } else {
                failed(e)
            }
        }),
        Target::Existing if force => files::write_private_with(out, produce).map_err(failed),
        Target::Existing => Err(exists_without_force(out)),
    }
}

fn exists_without_force(out: &Path) -> CliError {
    CliError::input(format!(
        "Tệp {} đã có; không ghi đè. Thêm --force để thay tệp đó, hoặc chọn tên tệp khác.",
        out.display()
    ))
}

fn refuse(out: &Path, what: &str) -> CliError {
    CliError::input(format!(
        "Không ghi vào {}: {what}. Hãy chọn tên tệp khác (--force cũng không ghi đè tệp này).",
        out.display()
    ))
}

fn target(out: &Path, register: &Path) -> Result<Target, CliError> {
    if is_windows_device(out) {
        return Ok(Target::Stream);
    }
    let meta = match std::fs::metadata(out) {
        Ok(meta) => meta,
        // Nothing there, or a symlink to nothing: a new file (the link itself is refused
        // when the file is created).
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Target::New),
        Err(e) => {
            return Err(CliError::runtime(format!(
                "Không xem được tệp {}: {}",
                out.display(),
                describe_io(&e)
            )));
        }
    };
    if meta.is_dir() {
        return Err(refuse(out, "đó là một thư mục"));
    }
    let holder = {
        let mut name = register.as_os_str().to_os_string();
        name.push(".holder");
        std::path::PathBuf::from(name)
    };
    if files::same_file(out, register) {
        return Err(refuse(out, "đó là chính tệp sổ đang dùng"));
    }
    if files::same_file(out, &holder) {
        return Err(refuse(out, "đó là tệp ghi người đang mở sổ"));
    }
    if !meta.is_file() {
        if is_block_device(&meta) {
            return Err(refuse(out, "đó là một ổ đĩa"));
        }
        return Ok(Target::Stream);
    }
    let in_backups = std::fs::canonicalize(out)
        .ok()
        .and_then(|p| p.parent().map(Path::to_path_buf))
        .zip(std::fs::canonicalize(default_backup_dir(register)).ok())
        .is_some_and(|(parent, backups)| parent == backups);
    // A register or a backup anywhere (a USB stick) starts with redb's header.
    if in_backups || std::fs::canonicalize(out).is_ok_and(|p| looks_like_register(&p)) {
        return Err(refuse(out, "đó là một sổ hoặc bản sao lưu của sổ"));
    }
    Ok(Target::Existing)
}

#[cfg(unix)]
fn is_block_device(meta: &std::fs::Metadata) -> bool {
    use std::os::unix::fs::FileTypeExt;
    meta.file_type().is_block_device()
}

/// Windows has no block devices reachable by a file name.
#[cfg(not(unix))]
fn is_block_device(meta: &std::fs::Metadata) -> bool {
    let _ = meta;
    false
}

/// `NUL`, `CON`, `COM1`… (with any extension): Windows devices, which are written as a
/// stream whatever folder they seem to be in.
#[cfg(windows)]
fn is_windows_device(out: &Path) -> bool {
    let Some(stem) = out.file_stem().and_then(|s| s.to_str()) else {
        return false;
    };
    let stem = stem.trim_end_matches([' ', '.']).to_ascii_uppercase();
    matches!(stem.as_str(), "NUL" | "CON" | "PRN" | "AUX")
        || ((stem.starts_with("COM") || stem.starts_with("LPT"))
            && stem.len() == 4
            && stem.ends_with(|c: char| c.is_ascii_digit() && c != '0'))
}

/// Only Windows reserves device names.
#[cfg(not(windows))]
fn is_windows_device(out: &Path) -> bool {
    let _ = out;
    false
}
