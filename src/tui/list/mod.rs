//! A list of one unit kind, one module: the row model's visible page (`rows.rs`), with
//! search, filters, totals and paging. Its state (`state`), keys (`keys`) and drawing
//! (`draw`).

pub mod draw;
mod keys;
mod state;

pub use state::ListState;
