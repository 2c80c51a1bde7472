//! Everything that can go wrong with the register file, said in Vietnamese with the
//! path. A message names where and what; none of them means data already saved was
//! lost. What the officer can do about it (a command, a key) is each front end's to say:
//! see `app::Advice`.

use super::codec::DecodeError;
use std::fmt;
use std::io;
use std::path::PathBuf;

#[derive(Debug)]
pub enum StoreError {
    NotFound(PathBuf),
    AlreadyExists(PathBuf),
    AlreadyOpen {
        path: PathBuf,
        holder: Option<String>,
    },
    NewerSchema {
        path: PathBuf,
        found: u32,
        supported: u32,
    },
    NotARegister(PathBuf),
    /// A migration of an older register failed; the register is as it was before that
    /// migration, and `backup` holds the file as it was before any.
    UpgradeFailed {
        path: PathBuf,
        backup: PathBuf,
        cause: String,
    },
    Corrupted {
        path: PathBuf,
        detail: String,
    },
    Io {
        path: PathBuf,
        action: &'static str,
        source: io::Error,
    },
    Decode(DecodeError),
    /// Refused input (duplicate code, unknown unit, value out of range…).
    Invalid(String),
    /// An evaluation's criteria version, which the register should hold a copy of, is
    /// missing from it.
    MissingCriteria {
        id: String,
        hash: String,
    },
    /// A write whose outcome was checked after an error and found not saved.
    NotSaved(String),
    Other(String),
}

impl StoreError {
    /// The process exit code: bad input is 2, everything else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            StoreError::Invalid(_)
            | StoreError::MissingCriteria { .. }
            | StoreError::AlreadyExists(_) => 2,
            _ => 1,
        }
    }
}

/// The cause of an I/O error in Vietnamese (see [`crate::text::describe_io`]).
pub fn describe_io(e: &io::Error) -> String {
    crate::text::describe_io(e)
}

fn io_reason(e: &io::Error) -> String {
    crate::text::describe_io(e)
}

impl fmt::Display for StoreError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            StoreError::NotFound(p) => write!(f, "Không tìm thấy sổ {}", p.display()),
            StoreError::AlreadyExists(p) => {
                write!(f, "Đã có sổ {}; không ghi đè lên sổ đang có", p.display())
            }
            StoreError::AlreadyOpen { path, holder } => {
                write!(f, "Sổ {} đang được mở", path.display())?;
                match holder {
                    Some(h) => write!(f, " bởi {h}")?,
                    None => write!(f, " bởi một chương trình khác")?,
                }
                write!(f, ". Đóng chương trình đó rồi thử lại.")
            }
            StoreError::NewerSchema {
                path,
                found,
                supported,
            } => write!(
                f,
                "Sổ {} được tạo bởi phiên bản mới hơn (định dạng {found}, chương trình này đọc đến {supported}). Hãy cập nhật sohoctap; sổ không bị thay đổi.",
                path.display()
            ),
            StoreError::UpgradeFailed {
                path,
                backup,
                cause,
            } => write!(
                f,
                "Không nâng cấp được sổ {} lên định dạng mới: {cause}. Bước lỗi không ghi gì vào sổ; bản sao của sổ trước khi nâng cấp ở {}.",
                path.display(),
                backup.display()
            ),
            StoreError::NotARegister(p) => {
                write!(f, "Tệp {} không phải là sổ sohoctap", p.display())
            }
            StoreError::Corrupted { path, detail } => {
                write!(f, "Sổ {} bị hỏng ({detail})", path.display())
            }
            StoreError::Io {
                path,
                action,
                source,
            } => write!(
                f,
                "Không {action} được {}: {}",
                path.display(),
                io_reason(source)
            ),
            StoreError::Decode(e) => write!(f, "Sổ có dữ liệu hỏng: {e}"),
            StoreError::Invalid(m) => f.write_str(m),
            StoreError::MissingCriteria { id, hash } => {
                write!(f, "Sổ thiếu bản lưu bộ tiêu chí {id} ({hash})")
            }
            StoreError::NotSaved(m) => write!(
                f,
                "Chưa lưu được: {m}. Dữ liệu đã lưu trước đó vẫn nguyên vẹn."
            ),
            StoreError::Other(m) => f.write_str(m),
        }
    }
}

impl std::error::Error for StoreError {}

impl From<DecodeError> for StoreError {
    fn from(e: DecodeError) -> Self {
        StoreError::Decode(e)
    }
}

/// Turns a redb error into a [`StoreError`] about `path`. redb's own types are kept out of
/// the rest of the program.
pub(crate) fn from_redb(path: &std::path::Path, e: impl Into<redb::Error>) -> StoreError {
    let e: redb::Error = e.into();
    match e {
        redb::Error::DatabaseAlreadyOpen => StoreError::AlreadyOpen {
            path: path.to_path_buf(),
            holder: None,
        },
        redb::Error::Corrupted(detail) => StoreError::Corrupted {
            path: path.to_path_buf(),
            detail,
        },
        redb::Error::Io(source) => StoreError::Io {
            path: path.to_path_buf(),
            action: "ghi hoặc đọc",
            source,
        },
        redb::Error::UpgradeRequired(_) => StoreError::NotARegister(path.to_path_buf()),
        other => StoreError::Other(format!("Lỗi sổ {}: {other}", path.display())),
    }
}
