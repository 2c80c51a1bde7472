//! First run, no register yet, as one module: the commune and province asked for
//! (`state`), what the keys do (`keys`), creating the register (`save`) and the
//! drawing (`draw`).

pub mod draw;
mod keys;
mod save;
mod state;

pub use state::{SetupField, SetupState};
