//! Merging a former commune's register ("Gộp sổ xã cũ", G on the home screen), one
//! module: two steps on one screen, as `sohoctap merge` does: type the path of the
//! former register, read the preview (counts, every code that changes, thôn named alike,
//! targets kept), then F2 merges in one transaction after a verified backup. Its state
//! (`state`), keys and the merge they make (`keys`), and its drawing (`draw`).

pub mod draw;
mod keys;
mod state;

pub use state::{MergePreview, MergeState};
