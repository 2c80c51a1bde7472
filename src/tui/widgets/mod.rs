//! Small drawing pieces shared by screens: the key-hint bar, a text field, a target bar.

pub mod bar;
pub mod field;
pub mod hints;
