//! The unit form's write: every field checked, the citizen's household or organisation
//! code resolved and the code checked for a duplicate, then the unit inserted or
//! updated in one `Register` transaction (what follows any unit write is
//! `App::after_unit_saved`).

use super::state::{FormState, UnitField};
use crate::model::{Affiliation, UnitId, UnitKind};
use crate::store::{Reader, StoreError};
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;

impl App {
    pub(in crate::tui) fn save_form(&mut self) {
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
                        crate::tui::keymap::key_label(
                            crate::tui::keymap::Ctx::Form,
                            &crate::tui::action::Action::Save
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
pub(super) fn next_code(kind: UnitKind, reader: &Reader) -> Result<String, StoreError> {
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
