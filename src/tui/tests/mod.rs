//! App tests: key sequences on the state, and snapshots of every screen at 80×24.

mod archive;
mod failures;
mod fixture;
mod form;
mod hostile_names;
mod keys;
mod merge;
mod mistakes;
mod paper_forms;
mod report_import;
mod scoring;
mod small_fixes;
mod small_screen;
mod snapshots;
