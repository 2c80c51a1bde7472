//! The officer's name for the session: asked when the app opens a register (or taken
//! from `--officer` / SOHOCTAP_OFFICER without asking), put into the stamp of every
//! change, and remembered in the register's meta table so the next session offers it.
//!
//! Remembering is a write of its own. It is not a change of the commune's data, so when
//! the register had nothing to back up before, it still has nothing after: leaving does
//! not ask for a backup because of it.

use super::OfficerState;
use crate::model::{clean_officer, current_user};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;
use crate::tui::update::edit;

impl App {
    /// At the start of a session on an open register: keeps a name already given
    /// (`--officer`, put in `officer` before) without asking, or asks, offering last
    /// session's name.
    pub fn ask_officer(&mut self) {
        let Some(register) = &self.register else {
            return;
        };
        if let Some(name) = self.officer.clone() {
            self.remember_officer(&name);
            return;
        }
        // An unreadable name only loses the default, never the session.
        let last = register.read().and_then(|r| r.officer()).ok().flatten();
        self.stack.push(Screen::Officer(OfficerState {
            last,
            account: current_user(),
            kept_message: self.message.take(),
            ..OfficerState::default()
        }));
    }

    pub(in crate::tui) fn update_officer(&mut self, action: Action) {
        let Some(Screen::Officer(state)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::Save => match clean_officer(state.input.value()) {
                Err(e) => state.error = Some(e),
                Ok(Some(name)) => self.take_officer(Some(name)),
                Ok(None) => match state.last.clone() {
                    Some(last) => self.take_officer(Some(last)),
                    None => {
                        state.error = Some(format!(
                            "Gõ họ tên, hoặc {} để bỏ qua",
                            crate::tui::keymap::key_label(
                                crate::tui::keymap::Ctx::Officer,
                                &Action::Back
                            )
                        ));
                    }
                },
            },
            other => {
                if edit(&mut state.input, &other) {
                    state.error = None;
                }
            }
        }
    }

    /// Esc: the session's changes carry the OS account's name, as before names were asked.
    pub(in crate::tui) fn skip_officer(&mut self) {
        self.take_officer(None);
    }

    fn take_officer(&mut self, name: Option<String>) {
        let Some(Screen::Officer(state)) = self.stack.pop() else {
            return;
        };
        self.officer = name.clone();
        match name {
            Some(name) => {
                self.say(format!("Các thay đổi lần này ghi tên: {name}"), Role::Good);
                self.remember_officer(&name);
            }
            None => self.say(
                format!(
                    "Không ghi tên cán bộ: các thay đổi lần này ghi tên tài khoản máy: {}",
                    state.account
                ),
                Role::Warning,
            ),
        }
        // What the screen said when the question opened matters more than the answer.
        if let Some((text, role)) = state.kept_message {
            self.say(text, role);
        }
    }

    /// Stores `name` as the register's last officer, unless it is already.
    fn remember_officer(&mut self, name: &str) {
        let Some(register) = &self.register else {
            return;
        };
        let Ok(reader) = register.read() else {
            return;
        };
        if reader.officer().ok().flatten().as_deref() == Some(name) {
            return;
        }
        let before = reader.generation().ok();
        drop(reader);
        match register.write(|w| w.set_officer(name)) {
            Ok(()) if before == Some(self.clean_generation) => {
                // Nothing of the commune's data changed: still nothing to back up.
                if let Ok(now) = register.read().and_then(|r| r.generation()) {
                    self.clean_generation = now;
                }
            }
            Ok(()) => {}
            Err(e) => self.say(
                format!("Không nhớ được tên cán bộ cho lần sau: {e}"),
                Role::Warning,
            ),
        }
    }
}
