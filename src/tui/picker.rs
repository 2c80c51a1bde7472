//! The citizen form's household picker: F3 on the form opens a list of the year's
//! households (and organisations, which the same field accepts), filtered as the
//! officer types a name, a code or a thôn, with or without diacritics; Enter puts the
//! chosen code into the field. A commune has thousands of households, so ← → through
//! them, as for thôn and dòng họ, would not do.

use super::action::Action;
use super::app::{App, Screen};
use super::form::UnitField;
use super::update::edit;
use crate::model::{Unit, UnitKind};
use crate::store::{Reader, StoreError};
use crate::text::{TextInput, fold, matches_word};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PickRow {
    pub code: String,
    /// The name, then the thôn for a household or "cơ quan" for an organisation.
    pub name: String,
    pub place: String,
    /// Code, name and place folded once (see `text::fold`), matched on every key.
    key: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PickerState {
    pub query: TextInput,
    pub rows: Vec<PickRow>,
    /// Indexes into `rows` of those matching the query, in order.
    pub shown: Vec<usize>,
    /// Index into `shown`.
    pub selected: usize,
}

impl PickerState {
    /// The year's active households then organisations, the query already typed.
    pub fn load(
        reader: &Reader,
        year: crate::model::Year,
        communities: &[(crate::model::UnitId, String)],
        typed: &str,
    ) -> Result<PickerState, StoreError> {
        let mut rows = Vec::new();
        for kind in [UnitKind::Household, UnitKind::Organisation] {
            for (_, unit) in reader.units(kind)? {
                if !unit.meta().active_in(year) {
                    continue;
                }
                let place = match &unit {
                    Unit::Household(h) => communities
                        .iter()
                        .find(|(id, _)| *id == h.community)
                        .map_or_else(String::new, |(_, n)| n.clone()),
                    _ => kind.counter().to_string(),
                };
                let name = unit.display_name();
                let code = unit.code().to_string();
                let key = fold(&format!("{code} {name} {place}"));
                rows.push(PickRow {
                    code,
                    name,
                    place,
                    key,
                });
            }
        }
        let mut state = PickerState {
            query: TextInput::with_value(typed),
            rows,
            ..PickerState::default()
        };
        state.refilter();
        Ok(state)
    }

    pub fn refilter(&mut self) {
        // Folded once per key, not once per row.
        let query = fold(self.query.value());
        let words: Vec<&str> = query.split(' ').filter(|w| !w.is_empty()).collect();
        self.shown = (0..self.rows.len())
            .filter(|&i| words.iter().all(|w| matches_word(&self.rows[i].key, w)))
            .collect();
        self.selected = 0;
    }

    pub fn chosen(&self) -> Option<&PickRow> {
        self.shown
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }

    fn move_by(&mut self, step: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(step).min(last);
    }
}

impl App {
    /// F3 on a citizen form: the picker over it, searching what the field holds.
    pub(super) fn open_picker(&mut self) {
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

    pub(super) fn update_picker(&mut self, action: Action) {
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
