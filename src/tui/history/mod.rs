//! A unit's history, one module: every change to its evaluations for its title, newest
//! first, with who made it and when (`HistoryEntry::describe` gives the Vietnamese
//! lines). Its state (`state`), keys (`keys`) and drawing (`draw`), and the recording
//! behind Ctrl+Z that every screen's writes go through (`save`).

pub mod draw;
mod keys;
mod save;
mod state;

pub use state::HistoryState;
