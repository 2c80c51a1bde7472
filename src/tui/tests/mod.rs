//! App tests: key sequences on the state, and snapshots of every screen at 80×24.

mod archive;
mod criteria_editor;
mod failures;
mod fixture;
mod form;
mod hostile_names;
mod kept_tally;
mod keys;
mod letterhead;
mod merge;
mod mistakes;
mod officer;
mod paper_forms;
mod picker;
mod report_import;
mod scoring;
mod scoring_cursor;
mod small_fixes;
mod small_screen;
mod snapshots;
