//! The one form widget of the app: `Form<F>` holds the fields of one form in order,
//! each named by `F`, a small enum of that form's fields, and which one has the focus.
//! Tab and ↓ go to the next field, Shift+Tab and ↑ to the one before; ← → change a
//! choice; every other key edits the focused text through the app's text input
//! (`update::edit`, which keeps Vietnamese input methods' Backspace-and-replace whole).
//! Findings are set on a field by its name and shown beside it (`draw`).
//!
//! The shape follows ratatui's `examples/apps/input-form` (a focus enum with `next()`, one
//! field type per value), with the field list kept as data so a form's fields can depend
//! on what it edits (the unit form's fields differ by kind; the targets sheet has one per
//! measure and milestone year).

pub mod draw;
mod field;

pub use field::{Field, FieldValue};

use crate::model::UnitId;
use crate::tui::action::Action;
use crate::tui::update::edit;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form<F> {
    fields: Vec<(F, Field)>,
    focus: F,
    /// Something was typed or chosen since the form opened (or was last saved).
    pub changed: bool,
}

impl<F: Copy + Eq> Form<F> {
    /// A form of `fields` in order with the cursor on `focus` (the first field when the
    /// form has no such field).
    pub fn new(fields: Vec<(F, Field)>, focus: F) -> Form<F> {
        let focus = if fields.iter().any(|(k, _)| *k == focus) {
            focus
        } else {
            fields.first().map_or(focus, |(k, _)| *k)
        };
        Form {
            fields,
            focus,
            changed: false,
        }
    }

    pub fn focus(&self) -> F {
        self.focus
    }

    /// Puts the cursor on `key` when the form has that field.
    pub fn focus_on(&mut self, key: F) {
        if self.position(key).is_some() {
            self.focus = key;
        }
    }

    fn position(&self, key: F) -> Option<usize> {
        self.fields.iter().position(|(k, _)| *k == key)
    }

    /// Where the focus is in the form's order (0 for the first field).
    pub fn focus_index(&self) -> usize {
        self.position(self.focus).unwrap_or(0)
    }

    pub fn len(&self) -> usize {
        self.fields.len()
    }

    pub fn is_empty(&self) -> bool {
        self.fields.is_empty()
    }

    /// The field after the focused one, wrapping to the first.
    pub fn next(&mut self) {
        let n = self.fields.len().max(1);
        let at = (self.focus_index() + 1) % n;
        if let Some((k, _)) = self.fields.get(at) {
            self.focus = *k;
        }
    }

    /// The field before the focused one, wrapping to the last.
    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        let at = (self.focus_index() + n - 1) % n;
        if let Some((k, _)) = self.fields.get(at) {
            self.focus = *k;
        }
    }

    /// The focus is on the last field (Enter there saves).
    pub fn on_last(&self) -> bool {
        self.focus_index() + 1 == self.fields.len()
    }

    pub fn fields(&self) -> impl Iterator<Item = (F, &Field)> {
        self.fields.iter().map(|(k, f)| (*k, f))
    }

    pub fn field(&self, key: F) -> Option<&Field> {
        self.fields.iter().find(|(k, _)| *k == key).map(|(_, f)| f)
    }

    pub fn field_mut(&mut self, key: F) -> Option<&mut Field> {
        self.fields
            .iter_mut()
            .find(|(k, _)| *k == key)
            .map(|(_, f)| f)
    }

    pub fn focused(&self) -> Option<&Field> {
        self.field(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        let focus = self.focus;
        self.field_mut(focus)
    }

    /// The focused field takes typed text (not a choice).
    pub fn typing(&self) -> bool {
        self.focused().is_some_and(|f| f.input().is_some())
    }

    /// The field's text as saved, or its chosen label; "" when the form has no such field.
    pub fn value(&self, key: F) -> String {
        self.field(key).map(Field::text_value).unwrap_or_default()
    }

    /// The id of the option chosen in `key` (a choice's place for a list of labels).
    pub fn chosen(&self, key: F) -> Option<UnitId> {
        self.field(key).and_then(Field::chosen)
    }

    pub fn set_error(&mut self, key: F, message: impl Into<String>) {
        if let Some(f) = self.field_mut(key) {
            f.error = Some(message.into());
        }
    }

    /// Sets the finding only when the field has none yet (the first finding is the
    /// one to fix first).
    pub fn add_error(&mut self, key: F, message: impl Into<String>) {
        if let Some(f) = self.field_mut(key)
            && f.error.is_none()
        {
            f.error = Some(message.into());
        }
    }

    pub fn clear_errors(&mut self) {
        for (_, f) in &mut self.fields {
            f.error = None;
        }
    }

    pub fn first_error(&self) -> Option<F> {
        self.fields
            .iter()
            .find(|(_, f)| f.error.is_some())
            .map(|(k, _)| *k)
    }

    /// Moves the cursor to the first field with a finding; false when there is none.
    pub fn focus_first_error(&mut self) -> bool {
        match self.first_error() {
            Some(key) => {
                self.focus = key;
                true
            }
            None => false,
        }
    }

    /// A key on the focused field: ← → change a choice, the rest edit text. Returns
    /// whether the field changed (its finding is then cleared).
    pub fn edit(&mut self, action: &Action) -> bool {
        let Some(field) = self.focused_mut() else {
            return false;
        };
        let changed = match field.input_mut() {
            Some(input) => edit(input, action),
            None => match action {
                Action::Left | Action::Right => field.cycle(*action == Action::Right),
                _ => false,
            },
        };
        if changed {
            field.error = None;
            self.changed = true;
        }
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, Clone, Copy, PartialEq, Eq)]
    enum F {
        Name,
        Kind,
        Year,
    }

    fn form() -> Form<F> {
        Form::new(
            vec![
                (F::Name, Field::text("Tên", "", true)),
                (F::Kind, Field::choice_of("Loại", &["Thôn", "Xóm"], 0)),
                (F::Year, Field::number("Năm", Some(2025), true)),
            ],
            F::Name,
        )
    }

    #[test]
    fn tab_and_shift_tab_go_round_the_fields_in_order() {
        let mut f = form();
        f.next();
        assert_eq!(f.focus(), F::Kind);
        f.next();
        assert!(f.on_last());
        f.next();
        assert_eq!(f.focus(), F::Name);
        f.prev();
        assert_eq!(f.focus(), F::Year);
    }

    #[test]
    fn arrows_change_a_choice_and_keys_edit_text_clearing_its_finding() {
        let mut f = form();
        f.set_error(F::Name, "Không được để trống");
        assert!(f.edit(&Action::Char('A')));
        assert_eq!(f.value(F::Name), "A");
        assert_eq!(f.first_error(), None);
        assert!(f.changed);
        f.focus_on(F::Kind);
        assert!(!f.typing());
        assert!(f.edit(&Action::Right));
        assert_eq!(
            (f.chosen(F::Kind), f.value(F::Kind).as_str()),
            (Some(1), "Xóm")
        );
        assert!(!f.edit(&Action::Char('x')), "a choice takes no text");
    }

    #[test]
    fn the_cursor_goes_to_the_first_finding() {
        let mut f = form();
        f.set_error(F::Year, "Số từ 1900 đến 2100");
        f.add_error(F::Year, "second finding is not kept");
        assert!(f.focus_first_error());
        assert_eq!(f.focus(), F::Year);
        assert_eq!(
            f.field(F::Year).and_then(|x| x.error.as_deref()),
            Some("Số từ 1900 đến 2100")
        );
    }
}
