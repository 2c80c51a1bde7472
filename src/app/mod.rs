//! The application layer: what both front ends — the command line (`cli`) and the
//! terminal app (`tui`) — do with the register, so they only translate input into these
//! calls and results into text.
//!
//! Layers, each using only those below it (a test, `tests/layering.rs`, refuses any
//! `crate::` path that points up or sideways):
//!
//! ```text
//! main              picks the front end: a subcommand (cli) or the app (tui)
//! cli | tui         the two front ends; neither uses the other
//! app               this module: environment, report data, census, workflow, errors
//! tally, report,    computations from data handed in (tally, report); files in and out
//! exchange, …       (exchange, print, rollup, demo)
//! store             the register file: the only code that touches it
//! criteria          criteria sets as data
//! model, text       plain domain types; Vietnamese text
//! ```
//!
//! - [`Env`]: where the register is, the criteria catalogue, the current year;
//! - [`load_report_data`]: everything the report shows, read from one snapshot;
//! - [`load_census`]: the year's picture that tallies are computed from;
//! - [`forms`]: the scoring sheets and registration forms of one unit, a thôn or every
//!   registered unit;
//! - [`merge_preview`]: what merging a former commune's register will do, in words;
//! - [`AppError`] and [`Advice`]: an error with its cause kept, and the kind of help
//!   each front end puts into its own words (a command in the CLI, a key in the app).

mod census;
mod env;
mod error;
pub mod forms;
mod merge_preview;
#[cfg(test)]
mod merge_tests;
mod report;

pub use census::load_census;
pub use env::{Env, current_year, default_register_path};
pub use error::{Advice, AppError};
pub use merge_preview::merge_preview;
pub use report::load_report_data;
