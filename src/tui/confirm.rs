//! The questions the app asks over a screen, and which of them throw something away
//! (those keep everything on Enter: see `keymap::Ctx::Discard`).

use super::theme::Role;
use crate::model::{UnitId, UnitKind, Year};

/// A question over the screen, answered with Enter (yes) or Esc (no); a question that
/// throws something away (`discards`) is answered yes only with its letter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    DiscardForm,
    /// F5 on a decided evaluation: moving back a stage drops its decision.
    DropDecision {
        key: crate::model::EvaluationKey,
        stage: crate::model::Stage,
        decision: Option<crate::model::Decision>,
    },
    Archive {
        kind: UnitKind,
        id: UnitId,
        name: String,
    },
    /// F8 on a thôn or clan that still has households: where they go.
    ArchiveGroup(Box<super::archive::GroupArchive>),
    /// F8 in the "Đã rời xã" list: the unit counts again from the year it left.
    Return {
        kind: UnitKind,
        id: UnitId,
        name: String,
        left: Year,
    },
    /// F10 on the scoring screen with a score typed but not Entered: Enter drops it and
    /// goes on quitting, Esc stays (so Enter can save it).
    QuitTyped {
        indicator: String,
        typed: String,
    },
    /// Esc on the first-run screen with something typed: Enter leaves without a
    /// register, Esc stays.
    LeaveSetup,
    /// Bulk recognition, after the count of units it would recognise is shown.
    Bulk {
        title: crate::model::Title,
        year: Year,
        decision: crate::model::Decision,
        count: usize,
    },
    /// Withdraw or correct a decision as a whole, after its date and units are shown.
    FixDecision(Box<super::sheet::DecisionFix>),
    /// "Back up before leaving?": C backs up then quits, K quits, Esc stays.
    BackupOnQuit,
    /// Something slow is running (a backup); keys wait until it is done.
    Working {
        title: String,
        text: String,
    },
    /// What a slow job did; Enter closes it (and quits, after the backup on leaving).
    Notice {
        title: String,
        text: String,
        role: Role,
        then_quit: bool,
    },
}

impl Confirm {
    /// Whether "yes" loses typed data or a recorded decision: such a question keeps
    /// everything on Enter (see `Ctx::Discard`).
    pub fn discards(&self) -> bool {
        matches!(
            self,
            Confirm::DiscardForm
                | Confirm::DropDecision { .. }
                | Confirm::QuitTyped { .. }
                | Confirm::LeaveSetup
        ) || matches!(self, Confirm::FixDecision(fix) if fix.corrected.is_none())
    }
}
