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
//! - [`Env`]: where the register is, the criteria catalogue (with the sets the office
//!   entered in the register: [`with_office_sets`]), the current year;
//! - [`active_names`]: the units of a kind active in a year, in Vietnamese order;
//! - [`load_report_data`]: everything the report shows, read from one snapshot;
//! - [`load_census`]: the year's picture that tallies are computed from;
//! - [`kept_tally`] and [`keep_tallies`]: a year's counts kept in the register for the
//!   next opening's first frame;
//! - [`forms`]: the scoring sheets and registration forms of one unit, a thôn or every
//!   registered unit;
//! - [`merge_preview`]: what merging a former commune's register will do, in words;
//! - [`AppError`] and [`Advice`]: an error with its cause kept, and the kind of help
//!   each front end puts into its own words (a command in the CLI, a key in the app);
//! - the workflow, each operation its rule and one register write: scoring
//!   ([`set_score`], [`take_previous_values`], [`register_for_title`]), stages and
//!   decisions ([`set_stage`], [`recognise_passing`], [`withdraw_decision`],
//!   [`correct_decision`]), [`undo`], archiving a unit and returning it
//!   ([`set_left`]) or a thôn or clan with its households ([`archive_group`]), the
//!   resolution's targets ([`set_targets`]);
//! - [`import`]: what both front ends say about an import plan.

mod archive;
mod census;
mod decisions;
mod env;
mod error;
mod evaluation;
pub mod forms;
mod groups;
pub mod import;
mod kept_tally;
mod merge_preview;
#[cfg(test)]
mod merge_tests;
mod names;
mod report;
mod targets;

pub use archive::set_left;
pub use census::load_census;
pub use decisions::{DecisionBatch, correct_decision, decision_batch, withdraw_decision};
pub use env::{
    Env, current_year, default_register_path, opening_year, with_office_sets, working_year,
    years_opened_next,
};
pub use error::{Advice, AppError};
pub use evaluation::{
    StageChange, bulk_candidates, criteria_of, not_passed_reasons, recognise_passing,
    register_for_title, set_digital_skills, set_score, set_stage, take_previous_values, undo,
};
pub use groups::{MemberFate, archive_group, group_members};
pub use kept_tally::{keep_tallies, kept_tally, kept_tally_agrees};
pub use merge_preview::merge_preview;
pub use names::active_names;
pub use report::load_report_data;
pub use targets::{TargetEntry, set_targets};

#[cfg(test)]
mod tests;
