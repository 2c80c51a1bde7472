//! The scoring screen, one module: its state (`state`), what its keys do (`keys`),
//! the writes they make (`save`) and its drawing (`draw`).

pub mod draw;
mod keys;
mod save;
mod state;

pub use state::{OpenError, ScoringState, pass_key};
