//! Criteria sets as data. The official criteria change by phase and by province, so they
//! live in TOML files (`criteria/` in the source tree, embedded in the binary, and an
//! optional folder of the office's own files), never in code.
//!
//! - [`set`]: the validated types of a set;
//! - [`canonical`]: the canonical, versioned form of a set and its identity (hash);
//! - [`parse`]: TOML text → set, with every problem located by line and field;
//! - [`catalog`]: the shipped sets plus the office's folder, and which set is in force;
//! - [`score`]: the pure scoring engine;
//! - `text_rules`: no control characters in any text, ASCII codes, length limits.

pub mod canonical;
mod catalog;
pub mod draft;
mod parse;
mod score;
mod set;
mod status;
pub mod table;
mod table_out;
mod text_rules;
mod toml_out;

pub use catalog::{Catalog, CatalogEntry};
pub use parse::{CriteriaError, parse_set};
pub use score::{Failure, Score, check_value, score};
pub use set::{
    CriteriaSet, Criterion, Entry, Grade, Indicator, IndicatorKind, Provenance, Scope, Status,
};
pub use status::status_of;
pub use table::{SetFields, TableProblem, set_from_table};
pub use table_out::{table_header, table_rows, to_csv};
pub use toml_out::to_toml;
