//! New rows that may be a unit already registered under another code: a household
//! whose head has the name of a household of the same thôn, a citizen named like one of
//! the same household or organisation, a thôn, clan or organisation of the same name.
//! A spreadsheet that changed a code (`0123` → `123`), or a code typed anew, shows up
//! here. Only flagged in the preview: two households of one thôn may well have heads of
//! the same name.

use super::lookup::Ref;
use super::plan::{Action, PlannedRow};
use crate::model::{Affiliation, Unit, UnitId, UnitKind};
use crate::store::{Reader, StoreError};
use crate::text::fold;
use std::collections::HashMap;

/// Where a unit's name must be unique to be the same unit: its thôn for a household,
/// its household or organisation for a citizen, the commune for the others.
fn place(unit: &Unit, links_community: Option<Ref>) -> Option<(u8, UnitId)> {
    match unit {
        Unit::Household(h) => match links_community {
            Some(Ref::Existing(id)) => Some((1, id)),
            Some(Ref::New(_)) => None,
            None => Some((1, h.community)),
        },
        Unit::Citizen(c) => match c.affiliation {
            Affiliation::Household(id) => Some((2, id)),
            Affiliation::Organisation(id) => Some((3, id)),
            Affiliation::None => Some((0, 0)),
        },
        _ => Some((0, 0)),
    }
}

fn key(unit: &Unit) -> String {
    fold(&unit.display_name())
}

/// For each new row named like a registered unit of the same place: its line and a note
/// naming that unit and its code.
pub fn check(
    reader: &Reader,
    kind: UnitKind,
    rows: &[PlannedRow],
) -> Result<Vec<(u64, String)>, StoreError> {
    if !rows.iter().any(|r| r.action == Action::Insert) {
        return Ok(Vec::new());
    }
    let mut registered: HashMap<((u8, UnitId), String), (String, String)> = HashMap::new();
    for (_, unit) in reader.units(kind)? {
        if let Some(at) = place(&unit, None) {
            registered
                .entry((at, key(&unit)))
                .or_insert_with(|| (unit.display_name(), unit.code().to_string()));
        }
    }
    // A first import of a kind has nothing to be named like: no name is folded.
    if registered.is_empty() {
        return Ok(Vec::new());
    }
    Ok(rows
        .iter()
        .filter(|r| r.action == Action::Insert)
        .filter_map(|r| {
            let at = place(&r.unit, r.links.community)?;
            let (name, code) = registered.get(&(at, key(&r.unit)))?;
            Some((
                r.line,
                format!(
                    "dòng {}: \"{}\" (mã mới {}) trùng tên với {name} đã có trong sổ mã {code}{}",
                    r.line,
                    crate::text::escape(&r.unit.display_name()),
                    crate::text::escape(r.unit.code()),
                    if kind == UnitKind::Household {
                        " cùng thôn"
                    } else {
                        ""
                    }
                ),
            ))
        })
        .collect())
}
