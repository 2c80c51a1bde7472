//! Percentages against the resolution's targets, kept up to date incrementally.
//!
//! A [`Census`] is the in-memory picture of one year (which units are active, how they
//! link together, each evaluation's status); a [`Tally`] is computed from it once when a
//! year is opened, then [`Tally::apply`] moves only the counters a save touched, so the
//! bars redraw after every keystroke without rescanning the register.

mod census;
mod counts;
mod id_hash;
mod rules;
mod series;
mod stored;
#[allow(clippy::module_inception)]
mod tally;

pub use crate::criteria::status_of;
pub use crate::model::Status;
pub use census::Census;
pub use counts::{BasisProgress, Counts, Progress, progress, progress_on};
pub use id_hash::{IdHasher, IdMap};
pub use rules::{
    ALL_CITIZENS_CODE, ALL_CITIZENS_LABEL, ALL_CITIZENS_RULE, DENOMINATOR_RULES, denominator_rule,
};
pub use series::{UnitLinks, YearStatuses};
pub use tally::Tally;
