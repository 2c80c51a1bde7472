//! Every write the app makes: creating the register, saving a form (archiving and
//! returning a unit are in `archive.rs`).
//! Each is one `Register::write` transaction; afterwards the census, tally and row
//! models are brought up to date without rereading more than needed.

use super::app::{App, Screen};
use super::detail::DetailState;
use super::form::{FormChoices, FormState, UnitField};
use super::rows::{self, Lookup};
use super::screens::setup::SetupField;
use super::theme::Role;
use crate::model::{Affiliation, Commune, Unit, UnitId, UnitKind};
use crate::store::{Reader, Register, StoreError};
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
                self.say(
                    format!(
                        "Đã tạo sổ cho {}. Bắt đầu bằng danh sách thôn (bấm 1).",
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

    pub(super) fn open_form(&mut self, kind: UnitKind, id: Option<UnitId>) {
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

    pub(super) fn save_form(&mut self) {
        let Some(register) = &self.register else {
            return;
        };
        let Some(Screen::Form(form)) = self.stack.last() else {
            return;
        };
        let mut form = form.clone();
        let reader = match register.read() {
            Ok(r) => r,
            Err(e) => return self.fail(&e),
        };
        let affiliation = match resolve_affiliation(&reader, &form.affiliation_code()) {
            Ok(a) => Ok(a),
            Err(ResolveError::Store(e)) => return self.fail(&e),
            Err(ResolveError::Unknown(message)) => Err(message),
        };
        // `build` clears every field's message before checking, so an unknown code is
        // marked after it: before, the message was wiped and the citizen saved with no
        // household, under "Đã lưu".
        let mut unit_built = form.build(affiliation.clone().unwrap_or(Affiliation::None));
        if let Err(message) = affiliation {
            form.form.set_error(UnitField::Affiliation, message);
            unit_built = None;
        }
        let editing_id = form.editing.as_ref().map(|(id, _)| *id);
        let duplicate = match reader.unit_id(form.kind, &form.code()) {
            Ok(found) => found.filter(|found| Some(*found) != editing_id),
            Err(e) => return self.fail(&e),
        };
        if duplicate.is_some() {
            let code = form.code();
            form.form
                .set_error(UnitField::Code, format!("Mã {code} đã có"));
        }
        drop(reader);
        let unit = match unit_built {
            Some(unit) if form.form.first_error().is_none() => unit,
            _ => {
                form.form.focus_first_error();
                self.replace_form(form);
                return self.say(
                    format!(
                        "Phiếu còn lỗi: xem các ô có dấu ✗ rồi bấm {} lại",
                        super::keymap::key_label(
                            super::keymap::Ctx::Form,
                            &super::action::Action::Save
                        )
                    ),
                    Role::Error,
                );
            }
        };
        let kind = form.kind;
        let saved = register.write(|w| match editing_id {
            Some(id) => w.update_unit(id, &unit).map(|()| id),
            None => w.insert_unit(&unit),
        });
        let id = match saved {
            Ok(id) => id,
            Err(e) => {
                self.replace_form(form);
                return self.fail(&e);
            }
        };
        self.stack.pop();
        if let Err(e) = self.after_unit_saved(kind, id, &unit, editing_id.is_none()) {
            return self.fail(&e);
        }
        self.say(
            format!("Đã lưu {} {}", unit.code(), unit.display_name()),
            Role::Good,
        );
    }

    fn replace_form(&mut self, form: FormState) {
        if let Some(Screen::Form(top)) = self.stack.last_mut() {
            *top = form;
        }
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

/// Why a citizen's household or organisation code was not resolved.
enum ResolveError {
    Store(StoreError),
    /// No household or organisation has the code: the message beside the field.
    Unknown(String),
}

/// The household or organisation a citizen belongs to, by code ("" for none). Codes are
/// matched without regard to case ("ho00009" is HO00009): officers type them in lower
/// case, and two codes differing only in case would be a typing mistake anyway.
fn resolve_affiliation(reader: &Reader, code: &str) -> Result<Affiliation, ResolveError> {
    if code.is_empty() {
        return Ok(Affiliation::None);
    }
    for (kind, wrap) in [
        (
            UnitKind::Household,
            Affiliation::Household as fn(UnitId) -> Affiliation,
        ),
        (UnitKind::Organisation, Affiliation::Organisation),
    ] {
        if let Some(id) = find_code(reader, kind, code).map_err(ResolveError::Store)? {
            return Ok(wrap(id));
        }
    }
    Err(ResolveError::Unknown(format!("Không có mã {code}")))
}

/// The note beside a citizen's household field as the code is typed: whose household
/// (or which organisation) it names, or that none has it yet.
pub(super) fn affiliation_note(reader: &Reader, code: &str) -> Result<Option<String>, StoreError> {
    if code.is_empty() {
        return Ok(None);
    }
    for kind in [UnitKind::Household, UnitKind::Organisation] {
        if let Some(id) = find_code(reader, kind, code)?
            && let Some(unit) = reader.unit(kind, id)?
        {
            return Ok(Some(format!(
                "= {} {}",
                kind.counter(),
                unit.display_name()
            )));
        }
    }
    Ok(Some("chưa khớp mã nào".into()))
}

/// A unit's id by code: exactly, then in capitals, then any case (one pass over the
/// kind, only when the first two miss).
pub(super) fn find_code(
    reader: &Reader,
    kind: UnitKind,
    code: &str,
) -> Result<Option<UnitId>, StoreError> {
    if let Some(id) = reader.unit_id(kind, code)? {
        return Ok(Some(id));
    }
    let upper = code.to_uppercase();
    if let Some(id) = reader.unit_id(kind, &upper)? {
        return Ok(Some(id));
    }
    let lower = code.to_lowercase();
    Ok(reader
        .units(kind)?
        .into_iter()
        .find(|(_, u)| u.code().to_lowercase() == lower)
        .map(|(id, _)| id))
}

/// The next free code of a kind: its prefix and one more than the highest number used;
/// empty when the highest number cannot grow.
fn next_code(kind: UnitKind, reader: &Reader) -> Result<String, StoreError> {
    let prefix = kind.code_prefix();
    let highest = reader
        .units(kind)?
        .iter()
        .filter_map(|(_, u)| {
            u.code()
                .strip_prefix(prefix)
                .and_then(|n| n.parse::<u64>().ok())
        })
        .max()
        .unwrap_or(0);
    let digits = if matches!(kind, UnitKind::Household | UnitKind::Citizen) {
        5
    } else {
        3
    };
    // A code at the largest number leaves nothing to suggest: the form then starts with an
    // empty code for the officer to type, instead of overflowing.
    Ok(highest
        .checked_add(1)
        .map(|n| format!("{prefix}{n:0digits$}"))
        .unwrap_or_default())
}
