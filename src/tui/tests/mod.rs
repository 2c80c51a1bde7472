//! App tests: key sequences on the state, and snapshots of every screen at 80×24.

mod archive;
mod criteria_editor;
mod failures;
mod fixture;
mod form;
mod keys;
mod mistakes;
mod report_import;
mod scoring;
mod small_fixes;
mod small_screen;
mod snapshots;
