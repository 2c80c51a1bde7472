//! The set-up screen's one write: creating the register for the commune typed, in
//! one `Register::create`, then going to the home screen.

use super::state::SetupField;
use crate::model::{Commune, UnitKind};
use crate::store::Register;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::Role;

impl App {
    pub(super) fn create_register(&mut self) {
        let Some(Screen::Setup(state)) = self.stack.last_mut() else {
            return;
        };
        let commune = Commune {
            name: state.form.value(SetupField::Commune),
            province: state.form.value(SetupField::Province),
        };
        if commune.name.is_empty() {
            state
                .form
                .set_error(SetupField::Commune, "Không được để trống");
            state.form.focus_on(SetupField::Commune);
            return;
        }
        match Register::create(&self.path, &commune).and_then(|r| self.attach(r)) {
            Ok(()) => {
                self.stack = vec![Screen::Home];
                let communities = key_label(Ctx::Home, &Action::OpenList(UnitKind::Community));
                self.say(
                    format!(
                        "Đã tạo sổ cho {}. Bắt đầu bằng danh sách thôn (bấm {communities}).",
                        commune.name
                    ),
                    Role::Good,
                );
                self.ask_officer();
            }
            Err(e) => {
                if let Some(Screen::Setup(state)) = self.stack.last_mut() {
                    state.form.set_error(SetupField::Commune, e.to_string());
                }
            }
        }
    }
}
