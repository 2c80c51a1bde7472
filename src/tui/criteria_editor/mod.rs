//! The criteria sets in the app: the list of sets the program knows (shipped, and those
//! the office entered), the editor that makes the office's own version of one (from a
//! shipped set, the set in force, or blank), and adopting a set for the year on screen.
//!
//! - [`sets`]: the list's rows and the adopt preview's lines (pure, from the catalog
//!   and an [`crate::store::AdoptPlan`]);
//! - [`state`]: the editor's inputs and cursor; `reading`: the inputs turned into a set
//!   and checked by [`crate::criteria::draft`] on every change; `structure`: adding and
//!   removing indicators, criteria, grade bands; [`source`]: the legal source in parts;
//! - `keys`: what each key does on these screens; `save`: the writes (a new version
//!   stored as `criteria import` stores it, adopt and its undo, as `criteria adopt`);
//! - [`draw`]: pure drawing of the three screens;
//! - `commands`: their lines of the command table.
//!
//! Everything here calls the store and the criteria rules directly, so the editor
//! stays one self-contained folder.

pub(super) mod commands;
pub mod draw;
mod keys;
mod reading;
mod save;
pub mod sets;
pub mod source;
pub mod state;
mod structure;

use super::keymap::Ctx;
use sets::{AdoptState, SetsState};
use state::EditorState;

/// The commands only these screens have.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CriteriaAction {
    /// Editor: an indicator after the one with the cursor.
    AddIndicator,
    /// Editor: a criterion at the end.
    AddCriterion,
    /// Editor: a grade band at the end.
    AddGrade,
    /// Editor: remove the indicator, criterion or grade band with the cursor.
    Remove,
    /// List: a blank set for the selected set's title.
    Blank,
    /// List: preview moving the year's evaluations onto the selected set.
    Adopt,
    /// List: put back the set and values the last move replaced.
    UndoAdopt,
}

/// One of the three screens, as a stack entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CriteriaScreen {
    Sets(SetsState),
    Editor(Box<EditorState>),
    Adopt(Box<AdoptState>),
}

impl CriteriaScreen {
    pub fn context(&self) -> Ctx {
        match self {
            CriteriaScreen::Sets(_) => Ctx::CriteriaSets,
            CriteriaScreen::Editor(_) => Ctx::CriteriaEditor,
            CriteriaScreen::Adopt(_) => Ctx::CriteriaAdopt,
        }
    }

    /// Whether printable keys go into a field: in the editor, on any typed value.
    pub fn typing(&self) -> bool {
        match self {
            CriteriaScreen::Editor(e) => e.focused().is_some_and(|s| !s.is_choice()),
            _ => false,
        }
    }

    /// The screen's name in the title bar.
    pub fn title(&self) -> String {
        match self {
            CriteriaScreen::Sets(_) => "Bộ tiêu chí".into(),
            CriteriaScreen::Editor(_) => "Soạn bộ tiêu chí".into(),
            CriteriaScreen::Adopt(_) => "Chuyển sang bộ tiêu chí".into(),
        }
    }

    /// Whether leaving would lose typing (Esc then asks first).
    pub fn unsaved(&self) -> bool {
        matches!(self, CriteriaScreen::Editor(e) if e.changed)
    }
}
