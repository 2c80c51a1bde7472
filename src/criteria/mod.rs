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
mod parse;
mod score;
mod set;
mod status;
mod text_rules;

pub use catalog::{Catalog, CatalogEntry};
pub use parse::{CriteriaError, parse_set};
pub use score::{Failure, Score, check_value, score};
pub use set::{CriteriaSet, Criterion, Grade, Indicator, IndicatorKind, Scope, Status};
pub use status::status_of;
