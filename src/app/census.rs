//! Reading a year's [`Census`] from the register: `tally` computes from what it is
//! handed and never reads the store itself.

use crate::model::Year;
use crate::store::{Reader, Result};
use crate::tally::Census;

/// Reads the units active in `year` and the status of every evaluation of that year
/// from the register's link and status indexes: fixed-size records, no names decoded
/// and nothing rescored.
pub fn load_census(reader: &Reader, year: Year) -> Result<Census> {
    Ok(Census::from_records(
        year,
        reader.unit_links()?,
        reader.statuses_in_year(year)?,
    ))
}
