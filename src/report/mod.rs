//! Summaries for the Party committee and for machines: data in, `String` out, no I/O.
//! The figures come from one [`Summary`], so the printed report, `report --json` and the
//! home screen's bars always agree.

mod json;
mod summary;

pub use json::to_json;
pub use summary::{MeasureLine, Summary};
