//! A unit leaving the commune and coming back: F8 "Rời xã" (archive), F8 "Quay lại xã"
//! in the "Đã rời xã" list (return), and Ctrl+Z of an archive made this session. Each
//! is one write of the unit's "left" year; nothing is deleted, so past years stay true.
//!
//! A return clears the year it left: the unit counts again from then on. The register
//! keeps one entered/left span per unit, so a unit that really was away for some years
//! cannot be recorded as such; the question says from which year it counts again.

use super::action::Action;
use super::app::{App, Confirm, Screen};
use super::keymap::{Ctx, key_label};
use super::theme::Role;
use crate::app::MemberFate;
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

/// A thôn or clan leaving while households still belong to it: the question's state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroupArchive {
    pub kind: UnitKind,
    pub id: UnitId,
    pub name: String,
    /// Households still in the commune that belong to it.
    pub members: usize,
    /// Where they can go: another thôn or clan (`None`: no clan).
    pub targets: Vec<(Option<UnitId>, String)>,
    pub index: usize,
}

impl GroupArchive {
    pub fn cycle(&mut self, forward: bool) {
        let n = self.targets.len().max(1);
        self.index = if forward {
            (self.index + 1) % n
        } else {
            (self.index + n - 1) % n
        };
    }

    /// The chosen destination's name, if there is one.
    pub fn target_name(&self) -> Option<&str> {
        self.targets.get(self.index).map(|(_, n)| n.as_str())
    }
}

impl App {
    /// F8: asks before archiving; a thôn or clan that still has households also asks
    /// where they go, so none is left in a group that is gone.
    pub(super) fn ask_archive(&mut self, kind: UnitKind, id: UnitId, name: String) {
        let members = match (&self.register, kind) {
            (Some(register), UnitKind::Community | UnitKind::Clan) => {
                match crate::app::group_members(register, kind, id) {
                    Ok(m) => m.len(),
                    Err(e) => return self.fail(&e),
                }
            }
            _ => 0,
        };
        if members == 0 {
            self.confirm = Some(Confirm::Archive { kind, id, name });
            return;
        }
        let mut targets: Vec<(Option<UnitId>, String)> = Vec::new();
        if kind == UnitKind::Clan {
            targets.push((None, "(không thuộc dòng họ nào)".into()));
        }
        let others = match kind {
            UnitKind::Community => self.community_names.clone(),
            _ => match self.active_clans() {
                Ok(clans) => clans,
                Err(e) => return self.fail(&e),
            },
        };
        targets.extend(
            others
                .into_iter()
                .filter(|(other, _)| *other != id)
                .map(|(other, n)| (Some(other), n)),
        );
        self.confirm = Some(Confirm::ArchiveGroup(Box::new(GroupArchive {
            kind,
            id,
            name,
            members,
            targets,
            index: 0,
        })));
    }

    fn active_clans(&self) -> Result<Vec<(UnitId, String)>, StoreError> {
        let Some(register) = &self.register else {
            return Ok(Vec::new());
        };
        crate::app::active_names(&register.read()?, UnitKind::Clan, self.year)
    }

    /// The answer: households moved (or leaving too), then the group leaves; one write.
    pub(super) fn archive_group(&mut self, group: GroupArchive, members_leave: bool) {
        let fate = if members_leave {
            MemberFate::LeaveToo
        } else {
            match group.targets.get(group.index) {
                Some((Some(target), _)) => MemberFate::MoveTo(*target),
                Some((None, _)) => MemberFate::NoClan,
                None => {
                    self.confirm = Some(Confirm::ArchiveGroup(Box::new(group)));
                    let leave = key_label(Ctx::ArchiveGroup, &Action::Decline);
                    return self.say(
                        format!(
                            "Không có thôn nào khác để chuyển hộ sang: bấm {leave} nếu các hộ cũng rời xã"
                        ),
                        Role::Warning,
                    );
                }
            }
        };
        let Some(register) = &self.register else {
            return;
        };
        let year = self.year;
        let moved = match crate::app::archive_group(register, group.kind, group.id, year, fate) {
            Ok(n) => n,
            Err(e) => return self.fail(&e),
        };
        // Households changed thôn or clan: every list and the year are read again.
        self.lists.clear();
        if let Err(e) = self.load_year() {
            return self.fail(&e);
        }
        if let Some(Screen::Detail(d)) = self.stack.last()
            && d.id == group.id
        {
            self.stack.pop();
        }
        let kind = group.kind;
        if let Some(Screen::List(_)) = self.stack.last() {
            self.stack.pop();
            self.open_list(kind);
        }
        let households = format!("{} hộ", crate::text::format_count(moved as u64));
        let what = match fate {
            MemberFate::MoveTo(_) => format!(
                "{households} chuyển sang {}",
                group.target_name().unwrap_or("?")
            ),
            MemberFate::NoClan => format!("{households} không còn thuộc dòng họ nào"),
            MemberFate::LeaveToo => format!("{households} cũng rời xã"),
        };
        self.say(
            format!("Đã ghi {} rời xã từ năm {year}; {what}", group.name),
            Role::Good,
        );
    }

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
        let (unit, before) = crate::app::set_left(register, kind, id, left)?;
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
                        "Đã ghi {} {} rời xã từ năm {year} ({} để hoàn tác)",
                        unit.code(),
                        unit.display_name(),
                        key_label(Ctx::List, &Action::Undo)
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
