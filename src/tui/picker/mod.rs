//! The citizen form's household picker, one module: F3 on the form opens a list of the year's
//! households (and organisations, which the same field accepts), filtered as the
//! officer types a name, a code or a thôn, with or without diacritics; Enter puts the
//! chosen code into the field. A commune has thousands of households, so ← → through
//! them, as for thôn and dòng họ, would not do.
//!
//! Its state (`state`) lives in the form it fills (`FormState::picker`); `keys` says
//! what its keys do, `draw` draws it over the form.

pub mod draw;
mod keys;
mod state;

pub use state::{PickRow, PickerState};
