//! What follows every unit write (the unit form's, archiving and returning in
//! `archive.rs`): the census, tally and row models brought up to date without
//! rereading more than needed; and the save made when the
//! session is ended from outside.

use super::app::{App, Screen};
use super::detail::DetailState;
use super::rows::{self, Lookup};
use crate::model::{Affiliation, Unit, UnitId, UnitKind};
use crate::store::{Reader, StoreError};
use crate::tally::Tally;

/// The communities active in `year`, in Vietnamese order.
pub(super) fn community_names(
    reader: &Reader,
    year: crate::model::Year,
) -> Result<Vec<(UnitId, String)>, StoreError> {
    crate::app::active_names(reader, UnitKind::Community, year)
}

impl App {
    /// The communities, for the filter and the household form, in Vietnamese order.
    pub(super) fn load_communities(&mut self, reader: &Reader) -> Result<(), StoreError> {
        self.community_names = community_names(reader, self.year)?;
        Ok(())
    }

    pub fn community_name(&self, id: UnitId) -> String {
        self.community_names
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, n)| n.clone())
            .unwrap_or_else(|| "?".into())
    }

    /// Brings the census, tally, rows and an open detail up to date after a unit write.
    pub(super) fn after_unit_saved(
        &mut self,
        kind: UnitKind,
        id: UnitId,
        unit: &Unit,
        new: bool,
    ) -> Result<(), StoreError> {
        let Some(register) = &self.register else {
            return Ok(());
        };
        let reader = register.read()?;
        if new {
            if unit.meta().active_in(self.year) {
                self.census.add_unit(id, unit);
                self.tally = Tally::compute(&self.census);
                self.refresh_summary();
            }
        } else {
            // An edit can move a household to another community or clan; the census has
            // no "move", so the year is reloaded (unit edits are rare, scores are not).
            self.census = crate::app::load_census(&reader, self.year)?;
            self.tally = Tally::compute(&self.census);
            self.refresh_summary();
        }
        if kind == UnitKind::Community {
            self.load_communities(&reader)?;
        }
        let lookup = self.lookup_for(&reader, unit)?;
        if let Some(list) = self.lists.get_mut(&kind) {
            rows::upsert(&mut list.rows, kind, rows::row_of(id, unit, &lookup));
            list.index_rows();
            list.refilter(&self.census, true);
            list.select_id(id);
            list.scroll_into_view(self.page_rows);
        }
        if kind == UnitKind::Community {
            // Community names appear in the household and citizen rows.
            self.lists.retain(|k, _| *k == UnitKind::Community);
        }
        if let Some(Screen::Detail(d)) = self.stack.last()
            && d.id == id
            && d.unit.kind() == kind
            && let Some(fresh) = DetailState::load(&reader, kind, id, self.year)?
            && let Some(Screen::Detail(top)) = self.stack.last_mut()
        {
            *top = fresh;
        }
        Ok(())
    }

    fn lookup_for(&self, reader: &Reader, unit: &Unit) -> Result<Lookup, StoreError> {
        let mut lookup = Lookup {
            community_names: self.community_names.iter().cloned().collect(),
            ..Lookup::default()
        };
        if let Unit::Citizen(c) = unit
            && let Affiliation::Household(h) = c.affiliation
            && let Some(Unit::Household(household)) = reader.unit(UnitKind::Household, h)?
        {
            lookup.household_community.insert(h, household.community);
        }
        Ok(lookup)
    }

    /// On hang-up or termination: a changed, valid form is saved (everything else was
    /// saved when it was entered). Returns whether something was written.
    pub fn save_before_exit(&mut self) -> bool {
        // A score typed on the scoring screen but not yet entered is saved if valid.
        if matches!(self.stack.last(), Some(Screen::Scoring(s)) if !s.input.is_empty()) {
            return self.save_typed_before_exit();
        }
        let changed = matches!(self.stack.last(), Some(Screen::Form(f)) if f.form.changed);
        if !changed {
            return false;
        }
        self.save_form();
        !matches!(self.stack.last(), Some(Screen::Form(_)))
    }
}
