//! Lists in and out of the register: CSV files as offices keep them (import, with a plan
//! to preview before anything is written), CSV for Excel (export), and a complete JSON
//! archive (export and import). Bytes in, validated records out; the register is changed
//! only through one `Register::write` per import.
//!
//! - [`decode`]: which encoding a file is in (UTF-8, UTF-16, Windows-1258, TCVN3, VNI),
//!   or which lines cannot be read; `legacy_vn` and `syllable` serve it;
//! - [`csv_read`]: separators, records with line numbers, unclosed quotes;
//! - [`fields`]: one row's cells, kept in one buffer;
//! - [`sheet_read`]: workbooks (.xlsx, .xlsm, .xls, .ods): the sheet, the header row below
//!   title rows, numbers and dates as shown, formulas flagged, old fonts converted;
//! - [`source`]: which of the two a file needs, by its signature;
//! - [`headers`]: which column is which field (documented aliases);
//! - [`cell_rules`]: what any cell may hold (characters, lengths, codes, formulas);
//! - `kind_guess`: a list of another kind refused before its rows are read;
//! - `rows_*`: one kind's row → unit;
//! - [`plan`]: the whole file checked against the register, then applied at once;
//! - [`stream`]: the same, written while it is checked (the command line's import);
//! - [`export_csv`]: a kind's list (with a year's evaluations) for Excel;
//! - [`export_xlsx`], [`report_xlsx`]: the same list, and the report's tables, as typed
//!   workbooks ([`xlsx_write`] writes them);
//! - [`archive_json`]: the complete archival dump and its exact reload;
//! - [`archive_stream`]: the same dump written record by record, in bounded memory;
//! - [`merge_map`]: a merge's old code → new code of every unit, for Excel;
//! - [`scores`]: indicator values of one title and year, one row per unit.

pub mod archive_json;
#[cfg(test)]
mod archive_rules_tests;
pub mod archive_stream;
mod archive_text;
mod archive_upgrade;
pub mod cell_rules;
mod cells;
mod code_check;
pub mod csv_read;
pub mod decode;
pub mod export_csv;
pub mod export_xlsx;
pub mod fields;
pub mod headers;
mod kind_guess;
mod left_check;
mod legacy_vn;
mod lookup;
pub mod merge_map;
pub mod plan;
pub mod report_xlsx;
mod rows_citizen;
mod rows_clan;
mod rows_common;
mod rows_community;
mod rows_household;
mod rows_organisation;
mod same_name;
pub mod scores;
pub mod sheet_header;
pub mod sheet_read;
pub mod source;
pub mod stream;
mod syllable;
pub mod xlsx_write;

pub use archive_json::{
    Archive, archive_from_json, archive_to_json, export_archive, import_archive,
};
pub use code_check::CodeConflict;
pub use export_csv::export_csv;
pub use export_xlsx::export_xlsx;
pub use lookup::Ref;
pub use plan::{
    Action, Applied, FileOptions, ImportOptions, ImportPlan, PlannedRow, Problem, apply, plan,
    plan_file,
};
pub use rows_community::split_kind;
pub use stream::plan_and_apply;

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_hostile;
#[cfg(test)]
mod tests_titles;
#[cfg(test)]
mod xlsx_write_tests;
