//! The register opened for reading only, for `check`, `report` and `export`: they leave
//! the file byte for byte (and its modification time) as it was.
//!
//! redb's `ReadOnlyDatabase` takes a shared lock, so several readers may look at once
//! while a program that has the register open for writing (the app, an import) keeps
//! them out, and they keep it out, as before. A reader never writes or removes the holder
//! side file: that file names the writer, and a reader is not one.
//!
//! A file that was not closed cleanly (a kill, a power cut) cannot be opened read-only:
//! it needs redb's repair, a write. It is then opened for writing once, repaired as at
//! any start, closed, and opened read-only again. A register written by an older
//! program is likewise upgraded by one writable open (a verified backup, then the
//! migrations) before it is read; [`ReadOnlyRegister::upgrade_notice`] says so.

use super::error::from_redb;
use super::overlay::Overlay;
use super::{
    CACHE_BYTES, CheckReport, Reader, Register, Result, SCHEMA_VERSION, StoreError, integrity,
};
use redb::{Database, ReadOnlyDatabase, ReadableDatabase};
use std::path::{Path, PathBuf};

/// An open, read-only register.
pub struct ReadOnlyRegister {
    db: ReadOnlyDatabase,
    path: PathBuf,
    /// What the upgrade of an older register did, for the officer.
    upgraded: Option<String>,
}

impl std::fmt::Debug for ReadOnlyRegister {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ReadOnlyRegister")
            .field("path", &self.path)
            .finish()
    }
}

fn open_database(path: &Path) -> std::result::Result<ReadOnlyDatabase, redb::DatabaseError> {
    // redb 4.5 panics ("Malformed allocator state") on some damaged files instead of
    // returning an error; a damaged file must be reported, not end the program.
    std::panic::catch_unwind(|| {
        Database::builder()
            .set_cache_size(super::cache_for(path))
            .open_read_only(path)
    })
    .unwrap_or_else(|_| {
        Err(redb::DatabaseError::Storage(redb::StorageError::Corrupted(
            "trạng thái cấp phát trang không đọc được".into(),
        )))
    })
}

impl ReadOnlyRegister {
    /// Opens the register at `path` for reading, refusing what [`Register::open`]
    /// refuses (missing, held, not a register, a newer layout).
    pub fn open(path: &Path) -> Result<ReadOnlyRegister> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let db = match open_database(path) {
            Ok(db) => db,
            Err(redb::DatabaseError::RepairAborted) => {
                // Not closed cleanly: repaired by the writable open, as at any start.
                Register::open(path)?.close()?;
                open_database(path).map_err(|e| super::with_holder(path, from_redb(path, e)))?
            }
            Err(e) => return Err(super::with_holder(path, from_redb(path, e))),
        };
        let register = ReadOnlyRegister {
            db,
            path: path.to_path_buf(),
            upgraded: None,
        };
        match register.read()?.schema_version()? {
            Some(SCHEMA_VERSION) => Ok(register),
            Some(older) if older > 0 => {
                // Written by an older program: upgraded once, as any writable open does.
                register.close()?;
                let writer = Register::open(path)?;
                let upgraded = writer.upgrade_notice().map(str::to_owned);
                writer.close()?;
                let mut register = ReadOnlyRegister::open(path)?;
                register.upgraded = upgraded;
                Ok(register)
            }
            Some(found) if found > SCHEMA_VERSION => Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            }),
            Some(_) | None => Err(StoreError::NotARegister(path.to_path_buf())),
        }
    }

    /// Opens the register at `path` for reading without ever writing to it: one written
    /// by an older program, or one not closed cleanly (which needs redb's repair), is
    /// refused (the front end says how to bring it up to date), instead of being upgraded or
    /// repaired here. For `merge`, which must leave the former commune's file as it was.
    pub fn open_untouched(path: &Path) -> Result<ReadOnlyRegister> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        let open_once = |why: String| {
            StoreError::Invalid(format!(
                "Sổ {} {why}. Mở sổ đó một lần bằng phiên bản này (kiểm tra sổ), rồi làm lại",
                path.display()
            ))
        };
        let db = match open_database(path) {
            Ok(db) => db,
            Err(redb::DatabaseError::RepairAborted) => {
                return Err(open_once(
                    "chưa được đóng đúng cách (mất điện, tắt máy) nên cần sửa trước".into(),
                ));
            }
            Err(e) => return Err(super::with_holder(path, from_redb(path, e))),
        };
        let register = ReadOnlyRegister {
            db,
            path: path.to_path_buf(),
            upgraded: None,
        };
        match register.read()?.schema_version()? {
            Some(SCHEMA_VERSION) => Ok(register),
            Some(found) if found > SCHEMA_VERSION => Err(StoreError::NewerSchema {
                path: path.to_path_buf(),
                found,
                supported: SCHEMA_VERSION,
            }),
            Some(older) if older > 0 => Err(open_once(format!(
                "được ghi bởi phiên bản cũ của chương trình (định dạng {older}, phiên bản này dùng định dạng {SCHEMA_VERSION}); lần mở đó nâng cấp sổ, có sao lưu sổ cũ trước"
            ))),
            Some(_) | None => Err(StoreError::NotARegister(path.to_path_buf())),
        }
    }

    /// What opening did to a register written by an older program; `None` when it was
    /// already current.
    pub fn upgrade_notice(&self) -> Option<&str> {
        self.upgraded.as_deref()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// A consistent snapshot for reading.
    pub fn read(&self) -> Result<Reader> {
        let txn = self.db.begin_read().map_err(|e| from_redb(&self.path, e))?;
        Ok(Reader::new(txn, self.path.clone()))
    }

    /// Verifies the file (page checksums, allocator) and every record in it, as
    /// [`Register::check`] does, without writing: redb's check runs over a copy-on-write
    /// view of the file while this read-only open keeps writers out.
    pub fn check(&self, year: crate::model::Year) -> Result<CheckReport> {
        let path = &self.path;
        let view = Overlay::open(path).map_err(|source| StoreError::Io {
            path: path.clone(),
            action: "đọc",
            source,
        })?;
        let mut db = Database::builder()
            .set_cache_size(CACHE_BYTES)
            .create_with_backend(view)
            .map_err(|e| from_redb(path, e))?;
        let file_ok = db.check_integrity().map_err(|e| from_redb(path, e))?;
        drop(db);
        let mut report = integrity::check_records(&self.read()?, year)?;
        report.ok &= file_ok;
        if !file_ok {
            report.damaged = true;
            report
                .problems
                .insert(0, "Kiểm tra trang dữ liệu của tệp không đạt".into());
        }
        Ok(report)
    }

    /// Releases the file.
    pub fn close(self) -> Result<()> {
        self.db.close().map_err(|e| from_redb(&self.path, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Commune;

    #[test]
    fn reading_and_checking_leave_the_file_byte_for_byte() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        let commune = Commune {
            name: "Xã Thử".into(),
            province: "Ninh Bình".into(),
        };
        Register::create(&path, &commune).unwrap().close().unwrap();
        let before = std::fs::read(&path).unwrap();
        let modified = std::fs::metadata(&path).unwrap().modified().unwrap();
        let register = ReadOnlyRegister::open(&path).unwrap();
        assert_eq!(register.read().unwrap().commune().unwrap(), commune);
        let report = register.check(2025).unwrap();
        assert!(report.ok, "{:?}", report.problems);
        // A writer is kept out while a reader looks, and told so.
        assert!(matches!(
            Register::open(&path),
            Err(StoreError::AlreadyOpen { .. })
        ));
        register.close().unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            std::fs::metadata(&path).unwrap().modified().unwrap(),
            modified
        );
        assert!(!super::super::holder::holder_path(&path).exists());
    }

    #[test]
    fn an_untouched_open_refuses_other_formats_and_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let commune = Commune {
            name: "Xã Thử".into(),
            province: String::new(),
        };
        for (name, version) in [("moi.redb", SCHEMA_VERSION + 1), ("cu.redb", 2)] {
            let path = dir.path().join(name);
            let register = Register::create(&path, &commune).unwrap();
            register.write(|w| w.put_schema_for_test(version)).unwrap();
            register.close().unwrap();
            let before = std::fs::read(&path).unwrap();
            let e = ReadOnlyRegister::open_untouched(&path).unwrap_err();
            let said = e.to_string();
            if version > SCHEMA_VERSION {
                assert!(matches!(e, StoreError::NewerSchema { .. }), "{e:?}");
            } else {
                assert!(said.contains("phiên bản cũ"), "{said}");
                assert!(said.contains("Mở sổ đó một lần"), "{said}");
            }
            assert_eq!(std::fs::read(&path).unwrap(), before);
        }
        let path = dir.path().join("dung.redb");
        Register::create(&path, &commune).unwrap().close().unwrap();
        let register = ReadOnlyRegister::open_untouched(&path).unwrap();
        assert_eq!(register.read().unwrap().commune().unwrap(), commune);
    }

    #[test]
    fn a_damaged_page_is_found_without_touching_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("so.redb");
        let commune = Commune {
            name: "Xã Thử".into(),
            province: "Ninh Bình".into(),
        };
        Register::create(&path, &commune).unwrap().close().unwrap();
        let mut bytes = std::fs::read(&path).unwrap();
        // Flip bytes in every page after the header: some page's checksum must fail.
        for at in (8192..bytes.len()).step_by(4096) {
            if let Some(b) = bytes.get_mut(at + 100) {
                *b ^= 0xFF;
            }
        }
        std::fs::write(&path, &bytes).unwrap();
        match ReadOnlyRegister::open(&path).and_then(|r| r.check(2025)) {
            Ok(report) => assert!(!report.ok),
            Err(e) => assert!(matches!(e, StoreError::Corrupted { .. }), "{e}"),
        }
        assert_eq!(std::fs::read(&path).unwrap(), bytes);
    }
}
