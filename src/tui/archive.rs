//! A unit leaving the commune and coming back: F8 "Rời xã" (archive), F8 "Quay lại xã"
//! in the "Đã rời xã" list (return), and Ctrl+Z of an archive made this session. Each
//! is one write of the unit's "left" year; nothing is deleted, so past years stay true.
//!
//! A return clears the year it left: the unit counts again from then on. The register
//! keeps one entered/left span per unit, so a unit that really was away for some years
//! cannot be recorded as such; the question says from which year it counts again.

use super::app::{App, Screen};
use super::theme::Role;
use crate::model::{UnitId, UnitKind, Year};
use crate::store::StoreError;

/// An archive this session made, so Ctrl+Z can take it back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Archived {
    pub kind: UnitKind,
    pub id: UnitId,
    /// The year it had left before (`None`: it was in the commune).
    pub before: Option<Year>,
    /// `session_changes.len()` when it was made: an undo takes back the archive only
    /// when no evaluation change of the session came after it.
    pub at: usize,
}

impl App {
    /// Writes the unit's "left" year (`None`: back in the commune); returns the unit.
    fn set_left(
        &mut self,
        kind: UnitKind,
        id: UnitId,
        left: Option<Year>,
    ) -> Result<(crate::model::Unit, Option<Year>), StoreError> {
        let Some(register) = &self.register else {
            return Err(StoreError::Invalid("Chưa mở sổ".into()));
        };
        let (unit, before) = register.write(|w| {
            let Some(mut unit) = w.unit(kind, id)? else {
                return Err(StoreError::Invalid(
                    "Không tìm thấy đơn vị này trong sổ".into(),
                ));
            };
            let before = unit.meta().left;
            unit.meta_mut().left = left;
            w.update_unit(id, &unit)?;
            Ok((unit, before))
        })?;
        if matches!(self.stack.last(), Some(Screen::Detail(d)) if d.id == id) && left.is_some() {
            self.stack.pop();
        }
        self.after_unit_saved(kind, id, &unit, false)?;
        Ok((unit, before))
    }

    pub(super) fn archive(&mut self, kind: UnitKind, id: UnitId) {
        let year = self.year;
        match self.set_left(kind, id, Some(year)) {
            Ok((unit, before)) => {
                self.session_archives.push(Archived {
                    kind,
                    id,
                    before,
                    at: self.session_changes.len(),
                });
                self.say(
                    format!(
                        "Đã ghi {} {} rời xã từ năm {year} (Ctrl+Z để hoàn tác)",
                        unit.code(),
                        unit.display_name()
                    ),
                    Role::Good,
                );
            }
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn return_unit(&mut self, kind: UnitKind, id: UnitId) {
        match self.set_left(kind, id, None) {
            Ok((unit, before)) => self.say(
                format!(
                    "Đã ghi {} {} quay lại xã (tính lại từ năm {})",
                    unit.code(),
                    unit.display_name(),
                    before.map_or_else(String::new, |y| y.to_string())
                ),
                Role::Good,
            ),
            Err(e) => self.fail(&e),
        }
    }

    /// Ctrl+Z when the session's last change is an archive: the unit's "left" year goes
    /// back to what it was. Returns false when the last change is not an archive.
    pub(super) fn undo_archive(&mut self) -> bool {
        let Some(last) = self.session_archives.last().cloned() else {
            return false;
        };
        if last.at != self.session_changes.len() {
            return false;
        }
        match self.set_left(last.kind, last.id, last.before) {
            Ok((unit, _)) => {
                self.session_archives.pop();
                self.say(
                    format!(
                        "Đã hoàn tác {}: {} không còn ghi rời xã",
                        unit.code(),
                        unit.display_name()
                    ),
                    Role::Good,
                );
            }
            Err(e) => self.fail(&e),
        }
        true
    }
}
