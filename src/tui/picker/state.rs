//! The picker's state: the year's households and organisations, each with its folded
//! search key, and those matching what is typed.

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

    pub(super) fn move_by(&mut self, step: isize) {
        let last = self.shown.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(step).min(last);
    }
}
