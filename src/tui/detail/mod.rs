//! A unit's detail, one module: its fields, and its evaluation for its title year by
//! year. Loaded once when opened (rendering never reads the register). The scoring
//! screen opens from here. Its state (`state`), keys (`keys`) and drawing (`draw`).

pub mod draw;
mod keys;
mod state;

pub use state::DetailState;
