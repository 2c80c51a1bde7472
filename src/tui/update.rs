//! What actions do on the form and setup screens (the routing is in
//! `app.rs`; writes to the register are in `save.rs`).

use super::action::Action;
use super::app::{App, Screen};
use super::form::UnitField;
use crate::model::UnitKind;
use crate::text::TextInput;

/// Applies a text-editing action to a field; returns whether the text changed.
pub fn edit(input: &mut TextInput, action: &Action) -> bool {
    let before = input.value().len();
    let before_value = input.value().to_string();
    match action {
        Action::Char(c) => input.insert_char(*c),
        Action::Paste(text) => input.insert_str(text),
        Action::Backspace => input.backspace(),
        Action::Delete => input.delete(),
        Action::Left => input.left(),
        Action::Right => input.right(),
        Action::LineStart => input.home(),
        Action::LineEnd => input.end(),
        _ => return false,
    }
    input.value().len() != before || input.value() != before_value
}

impl App {
    pub(super) fn update_form(&mut self, action: Action) {
        if matches!(self.stack.last(), Some(Screen::Form(f)) if f.picker.is_some()) {
            return self.update_picker(action);
        }
        if action == Action::Pick {
            return self.open_picker();
        }
        let on_last = matches!(self.stack.last(), Some(Screen::Form(f)) if f.form.on_last());
        if action == Action::Save || (action == Action::NextOrSave && on_last) {
            return self.save_form();
        }
        let Some(Screen::Form(form)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::NextField | Action::NextOrSave => form.form.next(),
            Action::PrevField => form.form.prev(),
            other => {
                if form.form.edit(&other)
                    && form.kind == UnitKind::Citizen
                    && form.form.focus() == UnitField::Affiliation
                {
                    self.note_affiliation();
                }
            }
        }
    }

    /// Looks the typed household code up as it is typed, so a wrong code shows before
    /// saving (the save refuses it in any case).
    pub(super) fn note_affiliation(&mut self) {
        let Some(Screen::Form(form)) = self.stack.last() else {
            return;
        };
        let code = form.affiliation_code();
        let note = self
            .register
            .as_ref()
            .and_then(|r| r.read().ok())
            .and_then(|reader| super::save::affiliation_note(&reader, &code).ok())
            .flatten();
        if let Some(Screen::Form(form)) = self.stack.last_mut()
            && let Some(field) = form.form.field_mut(UnitField::Affiliation)
        {
            field.note = note;
        }
    }

    pub(super) fn update_setup(&mut self, action: Action) {
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
