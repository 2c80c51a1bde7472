//! The Report screen, one module: the printed summary exactly as `sohoctap report` writes it, one
//! report line per screen line (the report is at most 80 columns, so no border), with
//! the options on the top line and page breaks drawn as a separator line instead of
//! the raw form feed.
//!
//! Its state (`state`), its keys with building, printing and saving the report
//! (`keys`), and its drawing (`draw`).

pub mod draw;
mod keys;
mod state;

pub use state::{Line, ReportState};
