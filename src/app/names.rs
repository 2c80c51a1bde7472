//! The units of a kind active in a year, by name in Vietnamese order: the lists a form,
//! a filter or a breakdown offers to choose from.

use crate::model::{UnitId, UnitKind, Year};
use crate::store::{Reader, Result};
use crate::text::collate;

/// The units of `kind` active in `year`, as (id, display name), in Vietnamese order.
pub fn active_names(reader: &Reader, kind: UnitKind, year: Year) -> Result<Vec<(UnitId, String)>> {
    let mut names: Vec<(UnitId, String)> = reader
        .units(kind)?
        .into_iter()
        .filter(|(_, u)| u.meta().active_in(year))
        .map(|(id, u)| (id, u.display_name()))
        .collect();
    names.sort_by(|a, b| collate(&a.1, &b.1));
    Ok(names)
}
