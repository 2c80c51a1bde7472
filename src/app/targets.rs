//! The resolution's targets, set or cleared together in one register write: the app's
//! targets screen saves a whole table of them, `sohoctap targets set` one.

use crate::model::{Basis, Measure, ResolutionRef, Target, Year};
use crate::store::{Register, Result};

/// One target to write: its measure, basis and milestone, and the percentage in tenths,
/// or `None` to clear it.
pub type TargetEntry = (Measure, Basis, Year, Option<u16>);

/// Sets (or clears) every target of `wanted` under `resolution`, in one transaction.
pub fn set_targets(
    register: &Register,
    resolution: &ResolutionRef,
    wanted: &[TargetEntry],
) -> Result<()> {
    register.write(|w| {
        for &(measure, basis, milestone, tenths) in wanted {
            match tenths {
                Some(percent_tenths) => w.put_target(&Target {
                    measure,
                    basis,
                    milestone,
                    percent_tenths,
                    resolution: resolution.clone(),
                })?,
                None => w.remove_target(measure, basis, milestone)?,
            }
        }
        Ok(())
    })
}
