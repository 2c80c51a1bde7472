//! The counts of a year kept in the register (see `store::tally_cache`): the app draws
//! its first frame from them, and a session ends by counting its years afresh and
//! keeping them for the next opening.

use super::load_census;
use crate::model::Year;
use crate::store::{Reader, Register, Result};
use crate::tally::Tally;

/// The kept tally of `year`, when it is still that of the register's data. A record
/// that does not read is as good as none: the caller counts the year from the census,
/// as it would have without it.
pub fn kept_tally(reader: &Reader, year: Year) -> Result<Option<Tally>> {
    Ok(reader
        .kept_tally(year)?
        .and_then(|bytes| Tally::from_bytes(&bytes).ok()))
}

/// Counts each year of `years` afresh from the register's data (never from a tally
/// kept up to date in memory, so a fault in the incremental counting cannot outlive
/// the session) and keeps those whose kept counts are missing, stale or different.
/// Returns how many years were written.
pub fn keep_tallies(register: &Register, years: &[Year]) -> Result<usize> {
    let reader = register.read()?;
    let counted_at = reader.generation()?;
    let mut years = years.to_vec();
    years.sort_unstable();
    years.dedup();
    let mut changed = Vec::new();
    for year in years {
        let counts = Tally::compute(&load_census(&reader, year)?).to_bytes();
        if reader.kept_tally(year)?.as_deref() != Some(counts.as_slice()) {
            changed.push((year, counts));
        }
    }
    drop(reader);
    if changed.is_empty() {
        return Ok(0);
    }
    register.keep_tallies(counted_at, &changed)
}

/// Whether the counts kept for `year` agree with a fresh count of the register's data
/// (`sohoctap check`); `None` when none are kept at the register's current state. A
/// kept record that does not read disagrees.
pub fn kept_tally_agrees(reader: &Reader, year: Year) -> Result<Option<bool>> {
    let Some(bytes) = reader.kept_tally(year)? else {
        return Ok(None);
    };
    let fresh = Tally::compute(&load_census(reader, year)?);
    Ok(Some(
        Tally::from_bytes(&bytes).is_ok_and(|kept| kept == fresh),
    ))
}
