//! The sheets, small forms that are not units, as one module: a decision on one
//! evaluation, bulk recognition and withdrawing or correcting a decision, the report's
//! letterhead and the resolution's targets. Their fields (`state`), what their keys do
//! (`keys`), their writes (`save`, `withdraw`) and their drawing (`draw`).

pub mod draw;
mod keys;
mod save;
mod state;
mod withdraw;

pub use state::*;
pub use withdraw::DecisionFix;
