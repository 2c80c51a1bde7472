//! The register file (redb). This is the only code that touches it: screens and
//! subcommands read through a [`Reader`] snapshot and change things through one
//! [`Writer`] transaction per save or per import, so every save is all or nothing.
//!
//! - [`tables`]: every table and its key/value layout;
//! - [`codec`]: version-tagged postcard values, decoded to `Result`;
//! - [`holder`]: who holds the register open, for the second process's message;
//! - [`files`]: owner-only files;
//! - [`integrity`]: the check run by `sohoctap check`;
//! - [`backup`]: verified copies and restores of the file.

pub mod backup;
pub mod codec;
mod error;
pub mod files;
mod holder;
mod integrity;
mod ops;
mod reader;
pub mod tables;
mod writer;

pub use codec::{DecodeError, HistoryEntry};
pub use error::StoreError;
pub use integrity::CheckReport;
pub use ops::Change;
pub use reader::Reader;
pub use writer::Writer;

use crate::model::Commune;
use redb::{Database, ReadableDatabase};
use std::path::{Path, PathBuf};

/// The layout version of the register. A file with a higher number was written by a
/// newer program and is refused untouched.
pub const SCHEMA_VERSION: u32 = 1;

pub type Result<T> = std::result::Result<T, StoreError>;

/// An open register. Dropping it closes the file; [`Register::close`] does the same and
/// reports errors.
#[derive(Debug)]
pub struct Register {
    db: Option<Database>,
    path: PathBuf,
}

impl Register {
    /// Creates a new register for `commune` at `path`; refuses to touch an existing one.
    pub fn create(path: &Path, commune: &Commune) -> Result<Register> {
        if path.exists() && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|source| StoreError::Io {
                path: dir.to_path_buf(),
                action: "tạo thư mục",
                source,
            })?;
        }
        let file = files::create_private(path, false).map_err(|source| StoreError::Io {
            path: path.to_path_buf(),
            action: "tạo tệp",
            source,
        })?;
        let backend = redb::backends::FileBackend::new(file)
            .map_err(|e| with_holder(path, error::from_redb(path, e)))?;
        let db = Database::builder()
            .create_with_backend(backend)
            .map_err(|e| with_holder(path, error::from_redb(path, e)))?;
        let register = Register {
            db: Some(db),
            path: path.to_path_buf(),
        };
        let created = register.write(|w| {
            w.init_schema()?;
            w.set_commune(commune)
        });
        if let Err(e) = created {
            drop(register);
            let _ = std::fs::remove_file(path);
            return Err(e);
        }
        holder::write_holder(path);
        Ok(register)
    }

    /// Opens an existing register, checking its integrity (milliseconds at commune
    /// scale) and its schema version.
    pub fn open(path: &Path) -> Result<Register> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        // A register copied in from elsewhere may be world-readable; tighten it first.
        let _ = files::restrict_to_owner(path);
        refuse_newer_schema(path)?;
        let db = Database::builder()
            .set_check_integrity_on_open(true)
            .open(path)
            .map_err(|e| with_holder(path, error::from_redb(path, e)))?;
        let register = Register {
            db: Some(db),
            path: path.to_path_buf(),
        };
        let version = register.read()?.schema_version()?;
        match version {
            Some(SCHEMA_VERSION) => {}
            Some(found) if found > SCHEMA_VERSION => {
                return Err(StoreError::NewerSchema {
                    path: path.to_path_buf(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            // Older layouts will be migrated here (backup first, then one transaction).
            Some(_) | None => return Err(StoreError::NotARegister(path.to_path_buf())),
        }
        holder::write_holder(path);
        Ok(register)
    }

    /// Opens `path` if it exists, or creates it for `commune`.
    pub fn path(&self) -> &Path {
        &self.path
    }

    fn db(&self) -> Result<&Database> {
        self.db
            .as_ref()
            .ok_or_else(|| StoreError::Other("Sổ đã đóng".into()))
    }

    /// A consistent snapshot for reading.
    pub fn read(&self) -> Result<Reader> {
        let txn = self
            .db()?
            .begin_read()
            .map_err(|e| error::from_redb(&self.path, e))?;
        Ok(Reader::new(txn, self.path.clone()))
    }

    /// Runs `change` in one write transaction: everything it writes is saved together or
    /// not at all. A failed commit has an unknown outcome, so the generation counter is
    /// read back before anything is reported.
    pub fn write<T>(&self, change: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        let db = self.db()?;
        let before = self.read().and_then(|r| r.generation()).unwrap_or(0);
        let txn = db
            .begin_write()
            .map_err(|e| error::from_redb(&self.path, e))?;
        let mut writer = Writer::new(txn, self.path.clone());
        let value = change(&mut writer)?;
        writer.bump_generation(before)?;
        match writer.commit() {
            Ok(()) => Ok(value),
            Err(commit_error) => match self.read().and_then(|r| r.generation()) {
                Ok(now) if now == before + 1 => Ok(value),
                Ok(_) => Err(StoreError::NotSaved(commit_error.to_string())),
                Err(_) => Err(StoreError::Other(format!(
                    "Không chắc đã lưu được ({commit_error}). Hãy đóng chương trình rồi mở lại sổ để kiểm tra."
                ))),
            },
        }
    }

    /// Verifies the file (page checksums, allocator) and every record in it.
    pub fn check(&mut self, year: crate::model::Year) -> Result<CheckReport> {
        let path = self.path.clone();
        let db = self
            .db
            .as_mut()
            .ok_or_else(|| StoreError::Other("Sổ đã đóng".into()))?;
        let file_ok = db
            .check_integrity()
            .map_err(|e| error::from_redb(&path, e))?;
        let mut report = integrity::check_records(&self.read()?, year)?;
        report.ok &= file_ok;
        if !file_ok {
            report
                .problems
                .push("Kiểm tra trang dữ liệu của tệp không đạt".into());
        }
        Ok(report)
    }

    /// Closes the file and releases it for other processes.
    pub fn close(mut self) -> Result<()> {
        self.close_inner()
    }

    fn close_inner(&mut self) -> Result<()> {
        if let Some(db) = self.db.take() {
            holder::remove_holder(&self.path);
            db.close().map_err(|e| error::from_redb(&self.path, e))?;
        }
        Ok(())
    }

    /// Reads the commune's name (convenience for screens and reports).
    pub fn commune(&self) -> Result<Commune> {
        self.read()?.commune()
    }
}

impl Drop for Register {
    fn drop(&mut self) {
        // Errors on this path have nowhere to go; the file is still consistent because
        // every write was its own committed transaction.
        let _ = self.close_inner();
    }
}

/// Looks at the schema version through a read-only open before the writable open, whose
/// integrity check commits: a file from a newer program must be left byte for byte as it
/// was. A file that needs recovery cannot be opened read-only; the writable open then
/// repairs it and the version is checked again there.
fn refuse_newer_schema(path: &Path) -> Result<()> {
    let db = match redb::ReadOnlyDatabase::open(path) {
        Ok(db) => db,
        Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
            return Err(StoreError::AlreadyOpen {
                path: path.to_path_buf(),
                holder: holder::read_holder(path),
            });
        }
        Err(_) => return Ok(()),
    };
    let version = db
        .begin_read()
        .ok()
        .map(|txn| Reader::new(txn, path.to_path_buf()))
        .and_then(|r| r.schema_version().ok().flatten());
    let _ = db.close();
    match version {
        Some(found) if found > SCHEMA_VERSION => Err(StoreError::NewerSchema {
            path: path.to_path_buf(),
            found,
            supported: SCHEMA_VERSION,
        }),
        _ => Ok(()),
    }
}

fn with_holder(path: &Path, e: StoreError) -> StoreError {
    match e {
        StoreError::AlreadyOpen { path, .. } => {
            let holder = holder::read_holder(&path);
            StoreError::AlreadyOpen { path, holder }
        }
        StoreError::Io { source, .. } if source.kind() == std::io::ErrorKind::WouldBlock => {
            StoreError::AlreadyOpen {
                path: path.to_path_buf(),
                holder: holder::read_holder(path),
            }
        }
        other => other,
    }
}

#[cfg(test)]
mod tests;
