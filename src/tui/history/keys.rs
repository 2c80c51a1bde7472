//! What the history screen's keys do: it opens from a unit's detail, scrolls, and
//! Ctrl+Z undoes the session's last change then shows the history again.

use super::HistoryState;
use crate::model::{UnitId, UnitKind};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::scroll::scrolled;
use crate::tui::theme::Role;

impl App {
    pub(in crate::tui) fn open_history(&mut self, kind: UnitKind, id: UnitId) {
        let Some(register) = &self.register else {
            return;
        };
        match register
            .read()
            .and_then(|r| HistoryState::load(&r, kind, id))
        {
            Ok(Some(state)) => self.stack.push(Screen::History(state)),
            Ok(None) => self.say("Không tìm thấy đơn vị này trong sổ", Role::Error),
            Err(e) => self.fail(&e),
        }
    }

    pub(in crate::tui) fn update_history(&mut self, action: Action) {
        if action == Action::Undo {
            self.undo_last();
            return self.reload_history();
        }
        let page = self.page_rows;
        if let Some(Screen::History(h)) = self.stack.last_mut()
            && let Some(to) = scrolled(h.scroll, &action, page, h.lines.len().saturating_sub(1))
        {
            h.scroll = to;
        }
    }

    fn reload_history(&mut self) {
        let Some(Screen::History(h)) = self.stack.last() else {
            return;
        };
        let (kind, id) = (h.kind, h.id);
        let Some(register) = &self.register else {
            return;
        };
        if let Ok(Some(fresh)) = register
            .read()
            .and_then(|r| HistoryState::load(&r, kind, id))
            && let Some(Screen::History(top)) = self.stack.last_mut()
        {
            *top = fresh;
        }
    }
}
