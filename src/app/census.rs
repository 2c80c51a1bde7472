//! Reading a year's [`Census`] from the register: `tally` computes from what it is
//! handed and never reads the store itself.

use crate::model::Year;
use crate::store::{Reader, Result};
use crate::tally::Census;

/// Reads the units active in `year` and the status of every evaluation of that year
/// from the register's link and status indexes: packed records of 256 units each, no
/// names decoded and nothing rescored.
pub fn load_census(reader: &Reader, year: Year) -> Result<Census> {
    let mut census = Census::new(year);
    reader.for_each_unit_link(|kind, id, link| census.add_active(kind, id, link))?;
    reader.for_each_status_chunk(year, |title, first, statuses| {
        census.set_status_chunk(title, first, statuses)
    })?;
    Ok(census)
}
