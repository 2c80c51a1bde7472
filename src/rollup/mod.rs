//! The province roll-up: several communes' `report --json` files of one year added up
//! into one summary (`sohoctap rollup`). Pure: file contents in, figures and text out;
//! reading the files is the command line's job.
//!
//! - [`input`]: one commune's file, read field by field with a clear refusal;
//! - [`combine`]: the checks (one year, one schema, each commune once) and the sums;
//! - [`text`]: the A4 summary; [`json`]: the combined JSON.

pub mod combine;
pub mod input;
mod json;
mod text;

pub use combine::{CommuneRow, MeasureRollup, Rollup, combine};
pub use input::{CommuneFile, MeasureFigures, parse};
pub use json::to_json;
pub use text::render;

#[cfg(test)]
mod tests;
