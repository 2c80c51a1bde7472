//! Small drawing pieces shared by screens: the key-hint bar, a text field, a target bar,
//! lines cut to their area's width.

pub mod bar;
pub mod field;
pub mod hints;
pub mod lines;
