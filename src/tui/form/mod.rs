//! The add/edit form of a unit, one module: its fields and the unit they build
//! (`state`), what its keys do (`keys`), its write (`save`) and its drawing (`draw`).
//! The household picker over a citizen form is `picker`.

pub mod draw;
mod keys;
mod save;
mod state;

pub use crate::tui::widgets::form::{Field, FieldValue, Form};
pub use state::{FormChoices, FormState, UnitField};
