//! Kept counts of a year ([`TALLY_CACHE`]), so the app can draw the home screen's bars
//! from one record before it has read every unit's links.
//!
//! The counts are derived data: the store keeps them as bytes (their record is
//! `crate::tally`'s) stamped with the register's write counter at the moment they were
//! counted, and hands them out only while the counter still has that value. Every write
//! moves the counter (see [`Register::write`]), so a save, an import, a migration or an
//! older program's write makes every kept year stale at once, with nothing to keep in
//! step. Keeping counts does not move the counter: they describe the data, they do not
//! change it, and several years counted at one state stay valid together.

use super::error::from_redb;
use super::tables::{META, TALLY_CACHE};
use super::{Reader, Register, Result};
use crate::model::Year;
use redb::ReadableTable;

/// The write counter's bytes as `Register::write` stores them; absent reads as 0.
fn counter_of(bytes: Option<&[u8]>) -> u64 {
    bytes
        .and_then(|b| b.try_into().ok())
        .map_or(0, u64::from_le_bytes)
}

impl Reader {
    /// The counts of `year` kept at this snapshot's write counter; `None` when none were
    /// kept, or a write has come since they were counted.
    pub fn kept_tally(&self, year: Year) -> Result<Option<Vec<u8>>> {
        let Some(table) = self.table(TALLY_CACHE)? else {
            return Ok(None);
        };
        let Some(value) = table.get(year).map_err(|e| from_redb(&self.path, e))? else {
            return Ok(None);
        };
        let value = value.value();
        let Some((stamp, counts)) = value.split_first_chunk::<8>() else {
            return Ok(None);
        };
        let fresh = u64::from_le_bytes(*stamp) == self.generation()?;
        Ok(fresh.then(|| counts.to_vec()))
    }
}

impl Register {
    /// Keeps the counts of each year of `years`, counted from a snapshot whose write
    /// counter was `counted_at`. Nothing is kept when a write came after that snapshot
    /// (its counts would already be stale). Returns how many years were kept.
    pub fn keep_tallies(&self, counted_at: u64, years: &[(Year, Vec<u8>)]) -> Result<usize> {
        let path = self.path().to_path_buf();
        let err = |e: redb::Error| from_redb(&path, e);
        let kept = self.with_db(|db| {
            let txn = db.begin_write().map_err(|e| err(e.into()))?;
            let now = {
                let meta = txn.open_table(META).map_err(|e| err(e.into()))?;
                let value = meta.get("generation").map_err(|e| err(e.into()))?;
                counter_of(value.as_ref().map(|v| v.value()))
            };
            if now != counted_at {
                txn.abort().map_err(|e| err(e.into()))?;
                return Ok(0);
            }
            {
                let mut table = txn.open_table(TALLY_CACHE).map_err(|e| err(e.into()))?;
                for (year, counts) in years {
                    let mut value = Vec::with_capacity(8 + counts.len());
                    value.extend_from_slice(&counted_at.to_le_bytes());
                    value.extend_from_slice(counts);
                    table
                        .insert(year, value.as_slice())
                        .map_err(|e| err(e.into()))?;
                }
            }
            txn.commit().map_err(|e| err(e.into()))?;
            Ok(years.len())
        });
        if kept.is_err() {
            // As after a failed save: redb refuses further work after an I/O error.
            self.discard_database();
        }
        kept
    }
}

#[cfg(test)]
mod tests {
    use crate::store::Register;
    use crate::store::tests::commune;

    fn register(dir: &tempfile::TempDir) -> Register {
        Register::create(&dir.path().join("so.redb"), &commune()).unwrap()
    }

    #[test]
    fn kept_counts_are_read_back_until_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let register = register(&dir);
        let counted_at = register.read().unwrap().generation().unwrap();
        let kept = register
            .keep_tallies(counted_at, &[(2025, vec![1, 2, 3]), (2024, vec![4])])
            .unwrap();
        assert_eq!(kept, 2);
        let reader = register.read().unwrap();
        assert_eq!(
            reader.generation().unwrap(),
            counted_at,
            "keeping moved the counter"
        );
        assert_eq!(reader.kept_tally(2025).unwrap(), Some(vec![1, 2, 3]));
        assert_eq!(reader.kept_tally(2024).unwrap(), Some(vec![4]));
        assert_eq!(reader.kept_tally(2023).unwrap(), None);
        drop(reader);

        register.write(|w| w.set_officer("Lan")).unwrap();
        let reader = register.read().unwrap();
        assert_eq!(
            reader.kept_tally(2025).unwrap(),
            None,
            "stale after a write"
        );
        assert_eq!(reader.kept_tally(2024).unwrap(), None);
    }

    #[test]
    fn counts_of_an_older_state_are_not_kept() {
        let dir = tempfile::tempdir().unwrap();
        let register = register(&dir);
        let counted_at = register.read().unwrap().generation().unwrap();
        register.write(|w| w.set_officer("Lan")).unwrap();
        assert_eq!(
            register
                .keep_tallies(counted_at, &[(2025, vec![1])])
                .unwrap(),
            0
        );
        assert_eq!(register.read().unwrap().kept_tally(2025).unwrap(), None);
    }

    #[test]
    fn a_register_without_the_table_has_nothing_kept() {
        let dir = tempfile::tempdir().unwrap();
        let register = register(&dir);
        assert_eq!(register.read().unwrap().kept_tally(2025).unwrap(), None);
    }
}
