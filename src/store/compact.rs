//! Giving the file back the space redb leaves free. redb never shrinks a file by itself:
//! pages freed by a write (old copies of rewritten records, a migration's whole old
//! tables) are reused by later writes but stay in the file. `Database::compact` moves
//! the live pages to the front and cuts the end off. It pays after writes that free or
//! leave behind much at once — a migration that rewrites every record, a large import —
//! and then takes seconds at commune scale; a day of saves frees too little to be worth
//! it (docs/performance.md, "Issue 17, compact records").

use super::error::from_redb;
use super::{Register, Result, StoreError};

/// An import of at least this many records is followed by a compaction.
pub const LARGE_IMPORT: usize = 10_000;

/// The file's length before and after a compaction.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Compacted {
    pub before: u64,
    pub after: u64,
}

impl Compacted {
    /// "539 MB → 180 MB", for the officer; in kB while the file is under 10 MB, so a
    /// small register's compaction does not read "1 MB → 1 MB".
    pub fn describe(&self) -> String {
        let (unit, size) = if self.before < 10_000_000 {
            ("kB", 1_000)
        } else {
            ("MB", 1_000_000)
        };
        let shown = |b: u64| crate::text::format_count(b.div_ceil(size));
        format!(
            "{} {unit} → {} {unit}",
            shown(self.before),
            shown(self.after)
        )
    }
}

/// A backup copy is compacted when at least this share of it is
/// free: below it, compaction takes longer than the space is worth.
pub const COMPACT_COPY_FREE_SHARE: f64 = 0.1;

impl Register {
    /// The share of the file (0 to 1) that holds no live page: about what a compaction
    /// would give back.
    pub fn free_share(&self) -> Result<f64> {
        let length = std::fs::metadata(&self.path)
            .map(|m| m.len())
            .map_err(|source| StoreError::Io {
                path: self.path.clone(),
                action: "đọc",
                source,
            })?;
        let used = self.with_db(|db| {
            let err = |e: redb::Error| from_redb(&self.path, e);
            let txn = db.begin_write().map_err(|e| err(e.into()))?;
            let stats = txn.stats().map_err(|e| err(e.into()))?;
            txn.abort().map_err(|e| err(e.into()))?;
            Ok(stats.allocated_pages() * stats.page_size() as u64)
        })?;
        Ok(if length == 0 {
            0.0
        } else {
            1.0 - (used.min(length) as f64 / length as f64)
        })
    }

    /// Compacts the file. `None` when a read or a write of this process is still under
    /// way (redb refuses then; nothing is lost, the space is reused by later writes).
    pub fn compact(&self) -> Result<Option<Compacted>> {
        let length = || std::fs::metadata(&self.path).map(|m| m.len()).unwrap_or(0);
        let before = length();
        let mut guard = self
            .db
            .lock()
            .map_err(|_| StoreError::Other("Sổ đang ở trạng thái lỗi".into()))?;
        if guard.is_none() {
            *guard = Some((self.opener)().map_err(|e| from_redb(&self.path, e))?);
        }
        let Some(db) = guard.as_mut() else {
            return Ok(None);
        };
        match db.compact() {
            Ok(_) => Ok(Some(Compacted {
                before,
                after: length(),
            })),
            Err(
                redb::CompactionError::TransactionInProgress
                | redb::CompactionError::EphemeralSavepointExists
                | redb::CompactionError::PersistentSavepointExists,
            ) => Ok(None),
            Err(e) => {
                // A storage error leaves redb unusable until reopened.
                *guard = None;
                Err(from_redb(&self.path, e))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Compacted;

    #[test]
    fn sizes_are_told_in_the_unit_that_shows_the_change() {
        let told = |before, after| Compacted { before, after }.describe();
        assert_eq!(told(569_344, 122_880), "570 kB → 123 kB");
        assert_eq!(told(539_000_000, 131_000_000), "539 MB → 131 MB");
        assert_eq!(told(12_500_000, 9_400_000), "13 MB → 10 MB");
    }
}
