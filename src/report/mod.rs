//! Summaries for the Party committee and for machines: data in, `String` out, no I/O.
//! The figures come from one [`Summary`], so the printed report, `report --json` and the
//! home screen's bars always agree.
//!
//! - [`summary`]: the year's figures per measure against the targets;
//! - [`data`] and [`gather`]: everything the full report shows, from loaded figures;
//! - [`text`]: the printed report; [`docx`]: the same as a Word document;
//!   [`json`]: the stable machine schema;

pub mod data;
pub mod docx;
pub mod gather;
mod json;
mod summary;
pub mod text;
pub mod way;

pub use data::ReportData;
pub use gather::{GatherInput, UnitDecisions, UnitLabel, UnitNames, gather};
pub use json::{report_json, to_json};
pub use summary::{BasisLine, MeasureLine, Summary};
pub use text::{TextOptions, render};
