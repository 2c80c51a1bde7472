//! Small drawing pieces shared by screens: the key-hint bar, a form and its fields, a
//! target bar.

pub mod bar;
pub mod field;
pub mod form;
pub mod hints;
