//! What the unit form's keys do: opening it (a new unit or an edit), moving between
//! fields, typing (the citizen's household code looked up as it is typed) and saving.
//! The household picker over a citizen form is in `picker.rs`.

use super::save::{affiliation_note, next_code};
use super::state::{FormChoices, FormState, UnitField};
use crate::model::{Affiliation, Unit, UnitId, UnitKind};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;

impl App {
    pub(in crate::tui) fn open_form(&mut self, kind: UnitKind, id: Option<UnitId>) {
        let Some(register) = &self.register else {
            return;
        };
        let prepared = register.read().and_then(|reader| {
            let editing = match id {
                Some(id) => reader.unit(kind, id)?.map(|u| (id, u)),
                None => None,
            };
            let clans = crate::app::active_names(&reader, UnitKind::Clan, self.year)?;
            let affiliation_code = match &editing {
                Some((_, Unit::Citizen(c))) => match c.affiliation {
                    Affiliation::Household(h) => reader
                        .unit(UnitKind::Household, h)?
                        .map(|u| u.code().to_string()),
                    Affiliation::Organisation(o) => reader
                        .unit(UnitKind::Organisation, o)?
                        .map(|u| u.code().to_string()),
                    Affiliation::None => None,
                },
                _ => None,
            }
            .unwrap_or_default();
            let next_code = match editing {
                Some(_) => String::new(),
                None => next_code(kind, &reader)?,
            };
            Ok((
                editing,
                FormChoices {
                    communities: self.community_names.clone(),
                    clans,
                    next_code,
                    affiliation_code,
                },
            ))
        });
        match prepared {
            Ok((editing, choices)) => {
                if id.is_some() && editing.is_none() {
                    return self.say("Không tìm thấy đơn vị này trong sổ", Role::Error);
                }
                let form = FormState::new(kind, editing, &choices, self.year);
                self.stack.push(Screen::Form(form));
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(in crate::tui) fn update_form(&mut self, action: Action) {
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
    pub(in crate::tui) fn note_affiliation(&mut self) {
        let Some(Screen::Form(form)) = self.stack.last() else {
            return;
        };
        let code = form.affiliation_code();
        let note = self
            .register
            .as_ref()
            .and_then(|r| r.read().ok())
            .and_then(|reader| affiliation_note(&reader, &code).ok())
            .flatten();
        if let Some(Screen::Form(form)) = self.stack.last_mut()
            && let Some(field) = form.form.field_mut(UnitField::Affiliation)
        {
            field.note = note;
        }
    }
}
