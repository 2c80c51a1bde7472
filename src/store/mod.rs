//! The register file (redb). This is the only code that touches it: screens and
//! subcommands read through a [`Reader`] snapshot and change things through one
//! [`Writer`] transaction per save or per import, so every save is all or nothing.
//!
//! - [`tables`]: every table and its key/value layout;
//! - [`codec`]: version-tagged postcard values, decoded to `Result`;
//! - [`dictionary`]: the texts and criteria versions compact records refer to by number,
//!   cached per open register;
//! - [`holder`]: who holds the register open, for the second process's message;
//! - [`files`]: owner-only files;
//! - [`integrity`]: the check run by `sohoctap check`;
//! - [`verified`]: when the file was last verified page by page and whether it was
//!   closed cleanly since, which decides whether an open verifies it;
//! - [`ReadOnlyRegister`]: `check`, `report` and `export` read without writing a byte;
//! - [`backup`]: verified copies and restores of the file; `restore`: the restore's
//!   two renames under a journal, finished at the next start if a kill interrupts them;
//! - `records`: the stored form of every record, frozen per format version;
//! - [`migrations`]: numbered steps from an older schema to this one, run on open;
//! - [`merge`]: a former commune's register merged into this one, in one transaction.

mod adopt;
pub mod backup;
pub mod codec;
mod compact;
pub mod dictionary;
mod error;
pub mod files;
mod holder;
mod integrity;
mod leftovers;
mod links;
pub mod merge;
pub mod migrations;
mod overlay;
mod packed;
mod read_only;
mod reader;
mod records;
mod restore;
pub mod tables;
mod tally_cache;
pub mod validate;
mod verified;
mod writer;

pub use adopt::{AdoptPlan, AdoptRow};
pub use codec::DecodeError;
pub use compact::{Compacted, LARGE_IMPORT};
pub use error::StoreError;
/// The cause of an I/O error in Vietnamese, for messages about files outside the register.
pub use error::describe_io;
pub use integrity::CheckReport;
pub use merge::{MergeDone, MergePlan, MergedUnit, SameName, open_former, plan_merge};
pub use read_only::ReadOnlyRegister;
pub use reader::{Reader, Walk};
pub use writer::{UnitBatch, Writer};

use crate::model::Commune;
use redb::{Database, ReadableDatabase};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicI64, Ordering};

/// The layout version of the register. A file with a higher number was written by a
/// newer program and is refused untouched; an older one is backed up and migrated on
/// open (see [`migrations`]).
///
/// - 1: the first layout;
/// - 2: criteria sets identified by the hash of their canonical form (migration 001);
/// - 3: no community name repeats its kind word (migration 002);
/// - 4: targets carry their basis, keyed by measure, basis and milestone (migration 003).
/// - 5: criteria records of version 2, which carry who entered a set (migration 004).
/// - 6: evaluation records of version 2, which carry a CDHT holder's digital skills;
///   history of version 2; targets of version 3, on the digital-skills measures too
///   (migration 005).
/// - 7: compact evaluation and history records (version 3): values by position in their
///   criteria version, which is a small index, and repeated texts by number (migration
///   006).
/// - 8: the link and status indexes packed 256 units to a record (migration 007).
pub const SCHEMA_VERSION: u32 = 8;

/// The schema whose migration rewrites every evaluation and history entry (006), after
/// which the file is compacted.
const COMPACT_RECORDS_SCHEMA: u32 = 7;

/// The identity schema 1 gave a criteria set (recognised in old JSON archives).
pub use records::v1::legacy_content_hash;

pub type Result<T> = std::result::Result<T, StoreError>;

/// The largest internal unit id. Ids are handed out one by one from 1, so a commune never
/// comes near; the limit keeps a doctored archive from making a year's in-memory census
/// (vectors indexed by id) ask for gigabytes.
pub const MAX_UNIT_ID: u32 = 4_000_000;

/// How to open the file again after a disk error: redb refuses further work after an
/// I/O error until the database is reopened, and only a fresh open can tell whether a
/// commit that reported an error reached the file.
type Opener = Box<dyn Fn() -> std::result::Result<Database, redb::DatabaseError> + Send + Sync>;

/// An open register. Dropping it closes the file; [`Register::close`] does the same and
/// reports errors.
pub struct Register {
    db: Mutex<Option<Database>>,
    opener: Opener,
    path: PathBuf,
    /// What opening did to an older register (backup and migrations), for the officer.
    upgraded: Option<String>,
    /// Whether this is the officer's register, whose clean close is recorded in the
    /// [`verified`] side file (not a backup being verified, not a test backend).
    track: bool,
    /// The day the file was last verified page by page ([`NOT_VERIFIED`] if unknown).
    verified_on: AtomicI64,
    /// The texts and criteria versions compact records refer to, for every reader.
    names: dictionary::SharedDictionary,
}

/// [`Register::verified_on`] when no verification is known.
const NOT_VERIFIED: i64 = i64::MIN;

impl std::fmt::Debug for Register {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Register")
            .field("path", &self.path)
            .finish()
    }
}

/// redb's page cache. Its default (1 GiB) would let a 500 MB register sit whole in
/// memory after the integrity check; the app needs a few megabytes of hot pages.
const CACHE_BYTES: usize = 16 * 1024 * 1024;

/// The most [`cache_for`] gives a large register.
const LARGE_CACHE_BYTES: usize = 64 * 1024 * 1024;

/// The page cache for opening the register at `path`: an eighth of the file, from
/// [`CACHE_BYTES`] to [`LARGE_CACHE_BYTES`]. A year's census and the report read the
/// link and status chunks of every unit (about 5 MB at 50,000 households, 20 MB at
/// 200,000); a fixed 16 MB held them at 50,000 but not at 200,000, where every census
/// read them again from the system, a third slower per unit (issue 17 target 6). Grown
/// with the file, the cache keeps them at any size and the memory still grows with the
/// data, not beyond it; the cache fills only as pages are read.
fn cache_for(path: &Path) -> usize {
    let length = std::fs::metadata(path).map_or(0, |m| m.len());
    usize::try_from(length / 8)
        .unwrap_or(LARGE_CACHE_BYTES)
        .clamp(CACHE_BYTES, LARGE_CACHE_BYTES)
}

/// redb's page cache for a command that imports a list ([`Register::open_for_import`]).
/// A write transaction keeps the pages it changed in at most half the cache; past that
/// it writes them to the file while still running and reads them back at its commit.
/// With 16 MB, an import of 50,000 households wrote 11.5 MB and read 2.3 MB back, one of
/// 200,000 wrote 72 MB and read 35 MB back (6× and 15× for 4× the rows); with this cache
/// 9 MB and 37 MB, nothing read back (issue 17 target 6). The cache fills only as pages
/// are touched, so a small import uses no more memory than with the usual cache.
const IMPORT_CACHE_BYTES: usize = 96 * 1024 * 1024;

/// Opens the file, verifying every page when `check` is set. `repaired` is set when redb
/// found the file not closed cleanly and repaired it, which verifies every page too.
fn open_file(
    path: &Path,
    check: bool,
    repaired: &Arc<AtomicBool>,
    cache: usize,
) -> std::result::Result<Database, redb::DatabaseError> {
    let seen = Arc::clone(repaired);
    // redb may panic on a damaged file opened without the check instead of returning an
    // error; a damaged file must be reported, not end the program.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        Database::builder()
            .set_check_integrity_on_open(check)
            .set_cache_size(cache)
            .set_repair_callback(move |_| seen.store(true, Ordering::Relaxed))
            .open(path)
    }))
    .unwrap_or_else(|_| {
        Err(redb::DatabaseError::Storage(redb::StorageError::Corrupted(
            "trạng thái cấp phát trang không đọc được".into(),
        )))
    })
}

/// An opener that verifies every page at its first open when `check_first` is set, and
/// reopens after a disk error without: those reopens only repeat an open already made.
fn file_opener(path: &Path, check_first: bool, repaired: Arc<AtomicBool>, cache: usize) -> Opener {
    let owned = path.to_path_buf();
    let check = AtomicBool::new(check_first);
    Box::new(move || {
        open_file(
            &owned,
            check.swap(false, Ordering::Relaxed),
            &repaired,
            cache,
        )
    })
}

impl Register {
    /// Creates a new register for `commune` at `path`; refuses to touch an existing one.
    pub fn create(path: &Path, commune: &Commune) -> Result<Register> {
        // Refused before any file exists: nothing to clean up after a bad name.
        if let Some(f) = validate::commune_findings(commune).into_iter().next() {
            return Err(StoreError::Invalid(crate::text::limits::upper_first(
                &f.message,
            )));
        }
        if path.exists() && std::fs::metadata(path).is_ok_and(|m| m.len() > 0) {
            return Err(StoreError::AlreadyExists(path.to_path_buf()));
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            files::create_private_dir(dir).map_err(|source| StoreError::Io {
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
            .set_cache_size(CACHE_BYTES)
            .create_with_backend(backend)
            .map_err(|e| with_holder(path, error::from_redb(path, e)))?;
        let register = Register {
            db: Mutex::new(Some(db)),
            opener: file_opener(path, false, Arc::new(AtomicBool::new(false)), CACHE_BYTES),
            path: path.to_path_buf(),
            upgraded: None,
            // A new file: nothing in it to verify yet.
            track: true,
            verified_on: AtomicI64::new(verified::today()),
            names: Default::default(),
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

    /// Opens an existing register and checks its schema version. Every page is verified
    /// first when the file was not closed cleanly by this program since its last
    /// verification (see [`verified`]); otherwise the open trusts it and the verification
    /// comes at most once a day at the close, and in every backup. A register written by an older program is first
    /// copied to a verified backup, then migrated (see [`Register::upgrade_notice`]).
    pub fn open(path: &Path) -> Result<Register> {
        Register::open_with_cache(path, cache_for(path))
    }

    /// [`Register::open`] for a command that imports a list into the register: the same,
    /// with a page cache large enough to hold what one large import changes (see
    /// [`IMPORT_CACHE_BYTES`]).
    pub fn open_for_import(path: &Path) -> Result<Register> {
        Register::open_with_cache(path, IMPORT_CACHE_BYTES)
    }

    fn open_with_cache(path: &Path, cache: usize) -> Result<Register> {
        let register = Register::open_upgraded(path, cache)?;
        // Holding the register, nothing else is writing its temporary files: any found
        // are a killed process's.
        leftovers::remove_leftovers(path);
        Ok(register)
    }

    /// [`Register::open`] without the clean-up of temporary files, for a restore that has
    /// its own copy waiting beside the register.
    pub(crate) fn open_keeping_temporary_files(path: &Path) -> Result<Register> {
        Register::open_upgraded(path, CACHE_BYTES)
    }

    fn open_upgraded(path: &Path, cache: usize) -> Result<Register> {
        let (mut register, found) = Register::open_file_as_is(path, cache)?;
        if found < SCHEMA_VERSION {
            register.upgraded = Some(register.upgrade(found, migrations::MIGRATIONS)?);
        }
        Ok(register)
    }

    /// Opens a register at whatever schema version it has, as long as this program can
    /// read it, without migrating it, verifying every page: for verifying backups, which
    /// must stay as they were written.
    pub(crate) fn open_as_is(path: &Path) -> Result<Register> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        refuse_newer_schema(path)?;
        let opener = file_opener(path, true, Arc::new(AtomicBool::new(false)), CACHE_BYTES);
        let (register, _) = Register::with_opener(path, opener, true)?;
        register.mark_verified();
        Ok(register)
    }

    fn open_file_as_is(path: &Path, cache: usize) -> Result<(Register, u32)> {
        if !path.exists() {
            return Err(StoreError::NotFound(path.to_path_buf()));
        }
        refuse_newer_schema(path)?;
        let trusted = verified::trusted_since(path);
        let repaired = Arc::new(AtomicBool::new(false));
        let opener = file_opener(path, trusted.is_none(), Arc::clone(&repaired), cache);
        let (mut register, found) = Register::with_opener(path, opener, true)?;
        register.track = true;
        if trusted.is_none() || repaired.load(Ordering::Relaxed) {
            register.mark_verified();
        } else if let Some(day) = trusted {
            register.verified_on.store(day, Ordering::Relaxed);
        }
        // Open from now on: a kill must be followed by a verification.
        verified::forget(path);
        // A register copied in from elsewhere may be world-readable; tighten it, now that
        // it is known to be a register (a mistyped `--db` naming another file is left as
        // it was).
        let _ = files::restrict_to_owner(path);
        Ok((register, found))
    }

    /// Records that every page of the file was verified today (by an open, a backup's
    /// verified copy or `check`), so the close need not verify it again.
    pub(crate) fn mark_verified(&self) {
        self.verified_on.store(verified::today(), Ordering::Relaxed);
    }

    /// Backs up the register as it is (schema `found`), then runs the migrations after
    /// it. Returns the Vietnamese notice of what was done.
    fn upgrade(&self, found: u32, steps: &[migrations::Migration]) -> Result<String> {
        let backup = backup::backup_before_upgrade(self, found)?;
        let reports =
            migrations::upgrade(self, found, steps).map_err(|e| StoreError::UpgradeFailed {
                path: self.path.clone(),
                backup: backup.path.clone(),
                cause: e.to_string(),
            })?;
        let mut notice = format!(
            "Sổ {} được ghi bởi phiên bản cũ của chương trình (định dạng {found}). Đã sao lưu sổ cũ vào {} (bản sao đã được kiểm tra), rồi nâng sổ lên định dạng {}:",
            self.path.display(),
            backup.path.display(),
            reports.last().map_or(found, |r| r.to)
        );
        for report in &reports {
            notice.push_str(&format!(
                "\n  - định dạng {}: {} ({})",
                report.to,
                report.what,
                report.changes.join("; ")
            ));
        }
        // Migration 006 rewrote every evaluation and history entry: the old records'
        // pages are free, half the file. A failed compaction loses nothing.
        if found < COMPACT_RECORDS_SCHEMA
            && let Ok(Some(compacted)) = self.compact()
        {
            notice.push_str(&format!("\n  - thu gọn tệp sổ: {}", compacted.describe()));
        }
        Ok(notice)
    }

    /// What opening did to a register written by an older program (the backup made and
    /// each migration run), to be shown to the officer; `None` when nothing was done.
    pub fn upgrade_notice(&self) -> Option<&str> {
        self.upgraded.as_deref()
    }

    /// Opens a register through storage backends made by `backend`; `path` names it in
    /// messages and for the holder side file. This is how the fault-injection tests put a
    /// failing disk under the real register code.
    pub fn open_with_backend<B: redb::StorageBackend>(
        path: &Path,
        backend: impl Fn() -> std::io::Result<B> + Send + Sync + 'static,
    ) -> Result<Register> {
        let opener: Opener = Box::new(move || {
            let b = backend().map_err(|e| redb::DatabaseError::Storage(e.into()))?;
            Database::builder()
                .set_check_integrity_on_open(true)
                .set_cache_size(CACHE_BYTES)
                .create_with_backend(b)
        });
        // No file to back up behind an arbitrary backend: older layouts are refused.
        Ok(Register::with_opener(path, opener, false)?.0)
    }

    /// Opens through `opener` and reads the schema version: this one, or (with
    /// `accept_older`) one this program can migrate from.
    fn with_opener(path: &Path, opener: Opener, accept_older: bool) -> Result<(Register, u32)> {
        let db = opener().map_err(|e| with_holder(path, error::from_redb(path, e)))?;
        let register = Register {
            db: Mutex::new(Some(db)),
            opener,
            path: path.to_path_buf(),
            upgraded: None,
            track: false,
            verified_on: AtomicI64::new(NOT_VERIFIED),
            names: Default::default(),
        };
        let version = register.read()?.schema_version()?;
        let found = match version {
            Some(SCHEMA_VERSION) => SCHEMA_VERSION,
            Some(found) if found > SCHEMA_VERSION => {
                return Err(StoreError::NewerSchema {
                    path: path.to_path_buf(),
                    found,
                    supported: SCHEMA_VERSION,
                });
            }
            Some(found) if accept_older && found >= migrations::OLDEST_SUPPORTED => found,
            Some(_) | None => return Err(StoreError::NotARegister(path.to_path_buf())),
        };
        holder::write_holder(path);
        Ok((register, found))
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Runs `f` on the open database, reopening it first if a disk error closed it.
    fn with_db<T>(&self, f: impl FnOnce(&Database) -> Result<T>) -> Result<T> {
        let mut guard = self.db.lock().map_err(|_| {
            StoreError::Other("Sổ đang ở trạng thái lỗi; hãy mở lại chương trình".into())
        })?;
        if guard.is_none() {
            let db = (self.opener)().map_err(|e| error::from_redb(&self.path, e))?;
            *guard = Some(db);
        }
        match guard.as_ref() {
            Some(db) => f(db),
            None => Err(StoreError::Other("Sổ đã đóng".into())),
        }
    }

    /// Forgets the open database after a disk error, so the next operation reopens the
    /// file (redb refuses further work on a database that saw an I/O error).
    fn discard_database(&self) {
        if let Ok(mut guard) = self.db.lock() {
            *guard = None;
        }
    }

    /// A consistent snapshot for reading.
    pub fn read(&self) -> Result<Reader> {
        let txn =
            self.with_db(|db| db.begin_read().map_err(|e| error::from_redb(&self.path, e)))?;
        Ok(Reader::sharing(txn, self.path.clone(), self.names.clone()))
    }

    /// Replaces an evaluation wholesale (stage changes, decisions, undo), in one write
    /// transaction, with no rule of the workflow applied: those are `app`'s.
    pub fn put_evaluation(
        &self,
        key: crate::model::EvaluationKey,
        new: Option<&crate::model::Evaluation>,
        stamp: &crate::model::Stamp,
    ) -> Result<crate::model::Change> {
        self.write(|w| {
            let old = w.set_evaluation(key, new, stamp)?;
            Ok(crate::model::Change {
                key,
                old,
                new: new.cloned(),
            })
        })
    }

    /// Runs `change` in one write transaction: everything it writes is saved together or
    /// not at all. A failed commit has an unknown outcome until the file is opened again,
    /// so the register reopens it and reads the generation counter back before reporting.
    pub fn write<T>(&self, change: impl FnOnce(&mut Writer) -> Result<T>) -> Result<T> {
        let before = self.read()?.generation()?;
        let txn = self.with_db(|db| {
            db.begin_write()
                .map_err(|e| error::from_redb(&self.path, e))
        });
        let txn = match txn {
            Ok(txn) => txn,
            Err(e) => {
                self.discard_database();
                return Err(e);
            }
        };
        let mut writer = Writer::new(txn, self.path.clone(), self.names.clone());
        let value =
            match change(&mut writer).and_then(|v| writer.bump_generation(before).map(|()| v)) {
                Ok(value) => value,
                Err(e) => {
                    // Dropping the writer aborts the transaction; a storage error inside it
                    // leaves redb unusable until reopened.
                    drop(writer);
                    if matches!(e, StoreError::Io { .. } | StoreError::Other(_)) {
                        self.discard_database();
                    }
                    return Err(e);
                }
            };
        let learned = writer.learned();
        let Err(commit_error) = writer.commit() else {
            // Committed: what the write added to the dictionary tables is now for every
            // reader (never before, see `dictionary`).
            learned.teach(&self.names);
            return Ok(value);
        };
        self.discard_database();
        match self.read().and_then(|r| r.generation()) {
            Ok(now) if now == before + 1 => Ok(value),
            Ok(_) => Err(StoreError::NotSaved(format!(
                "{}: {}",
                self.path.display(),
                describe_commit_error(commit_error)
            ))),
            Err(reopen) => Err(StoreError::Other(format!(
                "Không chắc đã lưu được vào {} ({}); không mở lại được sổ: {reopen}. Hãy đóng chương trình rồi mở lại sổ để kiểm tra.",
                self.path.display(),
                describe_commit_error(commit_error)
            ))),
        }
    }

    /// Verifies the file (page checksums, allocator) and every record in it.
    pub fn check(&mut self, year: crate::model::Year) -> Result<CheckReport> {
        let path = self.path.clone();
        let file_ok = {
            let mut guard = self
                .db
                .lock()
                .map_err(|_| StoreError::Other("Sổ đang ở trạng thái lỗi".into()))?;
            if guard.is_none() {
                *guard = Some((self.opener)().map_err(|e| error::from_redb(&path, e))?);
            }
            match guard.as_mut() {
                Some(db) => db
                    .check_integrity()
                    .map_err(|e| error::from_redb(&path, e))?,
                None => false,
            }
        };
        if file_ok {
            self.mark_verified();
        }
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

    /// Closes the file and releases it for other processes.
    pub fn close(mut self) -> Result<()> {
        self.close_inner(true)
    }

    /// [`Register::close`] without the once-a-day verification, for a session ending
    /// because its terminal went away: a closing Windows console is killed a few seconds
    /// later, and reading a large register whole on an old disk can take longer. The
    /// close is recorded as clean with the last verification's day, so the next close
    /// verifies instead.
    pub fn close_in_haste(mut self) -> Result<()> {
        self.close_inner(false)
    }

    fn close_inner(&mut self, verify_daily: bool) -> Result<()> {
        let db = match self.db.get_mut() {
            Ok(slot) => slot.take(),
            Err(poisoned) => poisoned.into_inner().take(),
        };
        holder::remove_holder(&self.path);
        let Some(mut db) = db else {
            return Ok(());
        };
        let mut verified_on = self.verified_on.load(Ordering::Relaxed);
        let today = verified::today();
        let mut damage = None;
        if self.track && verify_daily && verified_on < today {
            // The once-a-day verification. Damage found is reported, and no clean close
            // is recorded, so the next open verifies again and refuses the file.
            match db.check_integrity() {
                Ok(_) => verified_on = today,
                Err(e) => {
                    verified_on = NOT_VERIFIED;
                    damage = Some(error::from_redb(&self.path, e));
                }
            }
        }
        let closed = db.close().map_err(|e| error::from_redb(&self.path, e));
        if let Some(damage) = damage {
            return Err(damage);
        }
        closed?;
        if self.track && verified_on != NOT_VERIFIED {
            verified::record(&self.path, verified_on);
        }
        Ok(())
    }

    /// Reads the commune's name (convenience for screens and reports).
    pub fn commune(&self) -> Result<Commune> {
        self.read()?.commune()
    }
}

fn describe_commit_error(e: redb::CommitError) -> String {
    match e {
        redb::CommitError::Storage(redb::StorageError::Io(io)) => error::describe_io(&io),
        other => other.to_string(),
    }
}

impl Drop for Register {
    fn drop(&mut self) {
        // Errors on this path have nowhere to go; the file is still consistent because
        // every write was its own committed transaction.
        let _ = self.close_inner(true);
    }
}

/// Whether the file at `path` is a register of made-up demo data (see
/// `Writer::mark_demo`), looked at through a read-only open so that a real register is
/// left byte for byte as it was. A file redb cannot read is not a demo register.
pub fn is_demo_register(path: &Path) -> Result<bool> {
    Ok(peek(path, |r| r.is_demo().ok())?.unwrap_or(false))
}

/// Reads something through a read-only open, leaving the file byte for byte as it was.
/// `Ok(None)` when redb cannot open the file read-only (not a register, or one that
/// needs recovery); an error only when another process holds it.
fn peek<T>(path: &Path, look: impl FnOnce(&Reader) -> Option<T>) -> Result<Option<T>> {
    let db = match redb::ReadOnlyDatabase::open(path) {
        Ok(db) => db,
        Err(redb::DatabaseError::DatabaseAlreadyOpen) => {
            return Err(StoreError::AlreadyOpen {
                path: path.to_path_buf(),
                holder: holder::read_holder(path),
            });
        }
        Err(_) => return Ok(None),
    };
    let seen = db
        .begin_read()
        .ok()
        .map(|txn| Reader::new(txn, path.to_path_buf()))
        .and_then(|r| look(&r));
    let _ = db.close();
    Ok(seen)
}

/// Looks at the schema version through a read-only open before the writable open, whose
/// integrity check commits: a file from a newer program must be left byte for byte as it
/// was. A file that needs recovery cannot be opened read-only; the writable open then
/// repairs it and the version is checked again there.
fn refuse_newer_schema(path: &Path) -> Result<()> {
    match peek(path, |r| r.schema_version().ok().flatten())? {
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
mod compact_tests;
#[cfg(test)]
pub(crate) mod tests;
#[cfg(test)]
mod verified_tests;

#[cfg(test)]
impl Register {
    /// The names of the tables the register holds, for tests of migrations that delete one.
    pub(crate) fn table_names_for_test(&self) -> Vec<String> {
        use redb::{ReadableDatabase, TableHandle};
        self.with_db(|db| {
            let txn = db
                .begin_read()
                .map_err(|e| error::from_redb(&self.path, e))?;
            let tables = txn
                .list_tables()
                .map_err(|e| error::from_redb(&self.path, e))?;
            Ok(tables.map(|t| t.name().to_string()).collect())
        })
        .unwrap_or_default()
    }
}
