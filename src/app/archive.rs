//! Archiving a unit (it left the commune in a year) and returning it, one register
//! write each; a thôn or clan that still has households is archived with them
//! ([`super::archive_group`]).

use crate::model::{Unit, UnitId, UnitKind, Year};
use crate::store::{Register, Result, StoreError};

/// Writes the unit's "left" year (`None`: back in the commune). Returns the unit as
/// saved and the year it had before, for undo.
pub fn set_left(
    register: &Register,
    kind: UnitKind,
    id: UnitId,
    left: Option<Year>,
) -> Result<(Unit, Option<Year>)> {
    register.write(|w| {
        let Some(mut unit) = w.unit(kind, id)? else {
            return Err(StoreError::Invalid(
                "Không tìm thấy đơn vị này trong sổ".into(),
            ));
        };
        let before = unit.meta().left;
        unit.meta_mut().left = left;
        w.update_unit(id, &unit)?;
        Ok((unit, before))
    })
}
