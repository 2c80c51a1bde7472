//! What the scoring screen's keys do: each action of the screen, either a change to
//! its state (moving, typing) or one of the writes in `save`.

use super::state::{OpenError, ScoringState};
use crate::model::{UnitId, UnitKind};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;

impl App {
    /// Opens the scoring screen of a unit for the selected year.
    pub(in crate::tui) fn open_scoring(
        &mut self,
        kind: UnitKind,
        id: UnitId,
        from_list: Option<(UnitKind, usize)>,
    ) {
        match self.load_scoring(kind, id, from_list) {
            Ok(state) => self.stack.push(Screen::Scoring(Box::new(state))),
            Err(message) => self.say(message, Role::Error),
        }
    }

    pub(super) fn load_scoring(
        &self,
        kind: UnitKind,
        id: UnitId,
        from_list: Option<(UnitKind, usize)>,
    ) -> Result<ScoringState, String> {
        let Some(register) = &self.register else {
            return Err("Chưa mở sổ".into());
        };
        let reader = register.read().map_err(|e| format!("✗ {e}"))?;
        match ScoringState::load(&reader, &self.catalog, kind, id, self.year) {
            Ok(mut state) => {
                state.from_list = from_list;
                Ok(state)
            }
            Err(OpenError::Store(e)) => Err(format!("✗ {e}")),
            Err(OpenError::NoUnit) => Err("Không tìm thấy đơn vị này trong sổ".into()),
            Err(OpenError::NoCriteria(title, year)) => Err(format!(
                "Chưa có bộ tiêu chí {} áp dụng cho năm {year}: nạp bộ tiêu chí (sohoctap criteria) rồi chấm",
                title.short()
            )),
        }
    }

    pub(super) fn scoring_mut(&mut self) -> Option<&mut ScoringState> {
        match self.stack.last_mut() {
            Some(Screen::Scoring(s)) => Some(s),
            _ => None,
        }
    }

    pub(in crate::tui) fn update_scoring(&mut self, action: Action) {
        match action {
            Action::Save => self.save_typed(),
            Action::Delete => self.clear_value(),
            Action::PageDown => self.next_unscored(true),
            Action::PageUp => self.next_unscored(false),
            Action::TakeLastYear => self.take_last_year(),
            Action::StageForward => self.stage_forward(),
            Action::StageBack => self.stage_back(),
            Action::Decide => self.open_decision(),
            Action::CycleSkills => self.cycle_skills(),
            Action::ShowHistory => {
                if let Some(Screen::Scoring(s)) = self.stack.last() {
                    let (kind, id) = (s.kind, s.id);
                    self.open_history(kind, id);
                }
            }
            Action::Undo => self.undo_last(),
            other => {
                let Some(state) = self.scoring_mut() else {
                    return;
                };
                match other {
                    Action::Up | Action::PrevField => state.move_by(-1),
                    Action::Down | Action::NextField => state.move_by(1),
                    Action::Backspace => state.backspace(),
                    Action::Char(c) => {
                        state.type_char(c);
                    }
                    Action::Paste(text) => {
                        for c in text.chars().filter(|c| !c.is_whitespace()) {
                            if !state.type_char(c) {
                                break;
                            }
                        }
                    }
                    _ => {}
                }
            }
        }
    }
}
