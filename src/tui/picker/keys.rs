//! What the picker's keys do: F3 on the citizen form opens it; arrows choose, typing
//! searches, Enter puts the chosen code into the form's household field.

use super::PickerState;
use crate::model::UnitKind;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::form::UnitField;
use crate::tui::update::edit;

impl App {
    /// F3 on a citizen form: the picker over it, searching what the field holds.
    pub(in crate::tui) fn open_picker(&mut self) {
        let Some(Screen::Form(form)) = self.stack.last() else {
            return;
        };
        if form.kind != UnitKind::Citizen {
            return;
        }
        let typed = form.affiliation_code();
        let Some(register) = &self.register else {
            return;
        };
        let loaded = register.read().and_then(|reader| {
            PickerState::load(&reader, self.year, &self.community_names, &typed)
        });
        let picker = match loaded {
            Ok(mut picker) => {
                // What the field holds may be a code a household keeps as typed: then
                // start on it, not on an empty search.
                if picker.shown.is_empty() {
                    picker.query.clear();
                    picker.refilter();
                }
                picker
            }
            Err(e) => return self.fail(&e),
        };
        if let Some(Screen::Form(form)) = self.stack.last_mut() {
            form.form.focus_on(UnitField::Affiliation);
            form.picker = Some(picker);
        }
    }

    pub(in crate::tui) fn update_picker(&mut self, action: Action) {
        let page = self.page_rows.saturating_sub(6).max(1) as isize;
        let Some(Screen::Form(form)) = self.stack.last_mut() else {
            return;
        };
        let Some(picker) = form.picker.as_mut() else {
            return;
        };
        match action {
            Action::Up => picker.move_by(-1),
            Action::Down => picker.move_by(1),
            Action::PageUp => picker.move_by(-page),
            Action::PageDown => picker.move_by(page),
            Action::Open => {
                let Some(code) = picker.chosen().map(|r| r.code.clone()) else {
                    return;
                };
                form.picker = None;
                form.set_affiliation(&code);
                self.note_affiliation();
            }
            other => {
                if edit(&mut picker.query, &other) {
                    picker.refilter();
                }
            }
        }
    }
}
