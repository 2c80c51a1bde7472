//! Importing a list from a workbook (.xlsx, .xlsm, .xls, .ods) or a CSV file, as one
//! module. Two steps on one screen: choose the kind and the file (from the list of
//! files found in the usual folders, or by typing its path), then read the preview of
//! `exchange::plan` (what would be added, updated, created, and every problem) before
//! anything is written. Its state (`state`), the preview's text (`preview`), what its
//! keys do (`keys`), the write (`save`) and the drawing (`draw`).

pub mod draw;
mod keys;
mod preview;
mod save;
mod state;

pub use keys::typed_path;
pub use state::{ImportField, ImportState, Preview};
