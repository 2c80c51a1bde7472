//! What the detail screen's keys do: edit the unit, record it leaving, score its
//! title this year, show its history, undo.

use super::DetailState;
use crate::model::UnitKind;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;

impl App {
    pub(in crate::tui) fn open_detail(&mut self, kind: UnitKind, id: crate::model::UnitId) {
        let Some(register) = &self.register else {
            return;
        };
        match register
            .read()
            .and_then(|r| DetailState::load(&r, kind, id, self.year))
        {
            Ok(Some(state)) => self.stack.push(Screen::Detail(state)),
            Ok(None) => self.say("Không tìm thấy đơn vị này trong sổ", Role::Error),
            Err(e) => self.fail(&e),
        }
    }

    pub(in crate::tui) fn update_detail(&mut self, action: Action) {
        let Some(Screen::Detail(state)) = self.stack.last() else {
            return;
        };
        let (kind, id, name) = (state.unit.kind(), state.id, state.unit.display_name());
        match action {
            Action::Edit => self.open_form(kind, Some(id)),
            // Archiving again would move the year it left to the year shown.
            Action::Archive => match state.unit.meta().left {
                Some(left) => self.say(
                    format!(
                        "Đơn vị đã rời xã từ năm {left}; muốn ghi quay lại xã: {} ở danh sách, rồi {}",
                        crate::tui::keymap::key_label(crate::tui::keymap::Ctx::List, &Action::FilterLeft),
                        crate::tui::keymap::key_label(crate::tui::keymap::Ctx::ListLeft, &Action::Return),
                    ),
                    Role::Warning,
                ),
                None => self.ask_archive(kind, id, name),
            },
            Action::Open => self.open_scoring(kind, id, None),
            Action::ShowHistory => self.open_history(kind, id),
            Action::Undo => self.undo_last(),
            _ => {}
        }
    }
}
