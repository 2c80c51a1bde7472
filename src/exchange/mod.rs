//! Lists in and out of the register: CSV files as offices keep them (import, with a plan
//! to preview before anything is written), CSV for Excel (export), and a complete JSON
//! archive (export and import). Bytes in, validated records out; the register is changed
//! only through one `Register::write` per import.
//!
//! - [`csv_read`]: encodings, separators, records with line numbers;
//! - [`headers`]: which column is which field (documented aliases);
//! - `rows_*`: one kind's row → unit;
//! - [`plan`]: the whole file checked against the register, then applied at once;
//! - [`export_csv`]: a kind's list (with a year's evaluations) for Excel;
//! - [`archive_json`]: the complete archival dump and its exact reload;
//! - [`scores`]: indicator values of one title and year, one row per unit.

pub mod archive_json;
mod cells;
pub mod csv_read;
pub mod export_csv;
pub mod headers;
mod lookup;
pub mod plan;
mod rows_citizen;
mod rows_clan;
mod rows_common;
mod rows_community;
mod rows_household;
mod rows_organisation;
pub mod scores;

pub use archive_json::{
    Archive, archive_from_json, archive_to_json, export_archive, import_archive,
};
pub use export_csv::export_csv;
pub use lookup::Ref;
pub use plan::{Action, Applied, ImportOptions, ImportPlan, PlannedRow, Problem, apply, plan};
pub use rows_community::split_kind;

#[cfg(test)]
mod tests;
