//! What the set-up screen's keys do: moving between its two fields, typing, and
//! creating the register (on the last field or the save key).

use crate::tui::action::Action;
use crate::tui::app::{App, Screen};

impl App {
    pub(in crate::tui) fn update_setup(&mut self, action: Action) {
        let Some(Screen::Setup(state)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::NextField if state.form.on_last() => self.create_register(),
            Action::NextField => state.form.next(),
            Action::PrevField => state.form.prev(),
            Action::Save => self.create_register(),
            // The one finding (no name, or the register could not be created) goes
            // once anything is typed again.
            other => {
                if state.form.edit(&other) {
                    state.form.clear_errors();
                }
            }
        }
    }
}
