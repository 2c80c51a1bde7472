//! Reading a year's [`Census`] from the register: `tally` computes from what it is
//! handed and never reads the store itself.

use crate::model::Year;
use crate::store::{Reader, Result};
use crate::tally::{Census, UnitLinks};

/// Reads the units active in `year` and the status of every evaluation of that year
/// from the register's link and status indexes: packed records of 256 units each, no
/// names decoded and nothing rescored.
pub fn load_census(reader: &Reader, year: Year) -> Result<Census> {
    let mut census = Census::new(year);
    // Streamed into the census rather than through `UnitLinks`: the app's opening
    // needs one year, and a copy of every link would only cost time and memory.
    reader.for_each_unit_link(|kind, id, link| census.add_active(kind, id, link))?;
    with_statuses(reader, census)
}

/// [`load_census`] from every unit's link already read into `links`, for a caller that
/// counts several years from one read of them (the report: docs/performance.md,
/// "Issue 17 target 6").
pub(super) fn census_of_links(reader: &Reader, links: &UnitLinks, year: Year) -> Result<Census> {
    with_statuses(reader, Census::from_records(year, links.iter(), []))
}

/// Adds the status of every evaluation of the census's year, once its units are in.
fn with_statuses(reader: &Reader, mut census: Census) -> Result<Census> {
    reader.for_each_status_chunk(census.year, |title, first, statuses| {
        census.set_status_chunk(title, first, statuses)
    })?;
    Ok(census)
}
