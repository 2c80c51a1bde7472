//! What the sheets' keys do: opening the targets, letterhead and bulk recognition
//! sheets (a decision sheet is opened by the scoring screen's save, the withdrawal in
//! `withdraw`), moving between fields, typing, filling the national targets, and
//! saving.

use super::state::SheetState;
use crate::model::Title;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;

impl App {
    pub(in crate::tui) fn open_targets(&mut self) {
        if self.register.is_none() {
            return;
        }
        self.stack
            .push(Screen::Sheet(SheetState::targets(&self.targets)));
    }

    /// From the report screen: the office's own lines of the report.
    pub(in crate::tui) fn open_letterhead(&mut self) {
        let Some(register) = &self.register else {
            return;
        };
        match register.read().and_then(|r| r.letterhead()) {
            Ok(own) => self.stack.push(Screen::Sheet(SheetState::letterhead(&own))),
            Err(e) => self.say(format!("✗ {e}"), Role::Error),
        }
    }

    pub(in crate::tui) fn open_bulk(&mut self) {
        if self.register.is_none() {
            return;
        }
        let title = crate::model::UnitKind::ALL
            .get(self.home_selected)
            .map_or(Title::GiaDinh, |k| Title::for_kind(*k));
        self.stack.push(Screen::Sheet(SheetState::bulk(
            title,
            self.year,
            self.stamp().at.date(),
        )));
    }

    pub(in crate::tui) fn update_sheet(&mut self, action: Action) {
        let Some(Screen::Sheet(sheet)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::Save => self.save_sheet(),
            Action::OpenWithdraw => self.open_withdraw(),
            Action::NextField if sheet.form.on_last() => self.save_sheet(),
            Action::NextField => sheet.form.next(),
            Action::PrevField => sheet.form.prev(),
            Action::Prefill => {
                let filled = sheet.prefill_national();
                self.say(
                    format!(
                        "Đã điền {filled} ô trống bằng mục tiêu quốc gia; xem lại rồi {} để lưu",
                        crate::tui::keymap::key_label(
                            crate::tui::keymap::Ctx::Targets,
                            &Action::Save
                        )
                    ),
                    Role::Good,
                );
            }
            other => {
                // A new choice keeps the last save's outcome in view; typing takes it
                // back, as the outcome no longer describes the sheet.
                let typing = sheet.form.typing();
                if sheet.form.edit(&other) && typing {
                    sheet.outcome = None;
                }
            }
        }
    }
}
