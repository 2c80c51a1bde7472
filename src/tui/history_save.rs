//! The change history and Ctrl+Z: every write the app makes through `write_recorded`
//! remembers the history entries it added, so the session's own changes can be undone
//! one at a time, newest first; the history screen shows a unit's changes and undoes
//! from there too.

use super::action::Action;
use super::app::{App, Screen};
use super::screens::history::HistoryState;
use super::scroll::scrolled;
use super::theme::Role;
use crate::model::{EvaluationChange, FieldChange, HistoryEntry};
use crate::model::{UnitId, UnitKind};
use crate::store::StoreError;

impl App {
    /// Runs one write and remembers the history entries it added, for Ctrl+Z.
    ///
    /// Once the write returns it is on disk, so it is reported as saved whatever
    /// happens next: a failed re-read of the history only costs the undo list.
    pub(super) fn write_recorded<T>(
        &mut self,
        write: impl FnOnce(&crate::store::Register) -> Result<T, StoreError>,
    ) -> Result<T, StoreError> {
        let Some(register) = &self.register else {
            return Err(StoreError::Invalid("Chưa mở sổ".into()));
        };
        let before = register.read()?.history_len()?;
        let out = write(register)?;
        let after = register.read().and_then(|r| r.history_len());
        self.record_history_range(before, after);
        Ok(out)
    }

    /// Adds the entries `before..after` to the undo list. When `after` could not be
    /// read, the newest change is not in the list and Ctrl+Z would silently undo an
    /// older one instead, so the list is emptied and the officer told.
    pub(super) fn record_history_range(&mut self, before: u64, after: Result<u64, StoreError>) {
        match after {
            Ok(after) => self.session_changes.extend(before..after),
            Err(e) => {
                self.session_changes.clear();
                self.say(
                    format!(
                        "Đã lưu, nhưng không đọc lại được lịch sử ({e}): {} không hoàn tác được các thay đổi trước đây",
                        super::keymap::key_label(super::keymap::Ctx::Home, &Action::Undo)
                    ),
                    Role::Warning,
                );
            }
        }
    }

    pub(super) fn open_history(&mut self, kind: UnitKind, id: UnitId) {
        let Some(register) = &self.register else {
            return;
        };
        match register
            .read()
            .and_then(|r| HistoryState::load(&r, kind, id))
        {
            Ok(Some(state)) => self.stack.push(Screen::History(state)),
            Ok(None) => self.say("Không tìm thấy đơn vị này trong sổ", Role::Error),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn update_history(&mut self, action: Action) {
        if action == Action::Undo {
            self.undo_last();
            return self.reload_history();
        }
        let page = self.page_rows;
        if let Some(Screen::History(h)) = self.stack.last_mut()
            && let Some(to) = scrolled(h.scroll, &action, page, h.lines.len().saturating_sub(1))
        {
            h.scroll = to;
        }
    }

    fn reload_history(&mut self) {
        let Some(Screen::History(h)) = self.stack.last() else {
            return;
        };
        let (kind, id) = (h.kind, h.id);
        let Some(register) = &self.register else {
            return;
        };
        if let Ok(Some(fresh)) = register
            .read()
            .and_then(|r| HistoryState::load(&r, kind, id))
            && let Some(Screen::History(top)) = self.stack.last_mut()
        {
            *top = fresh;
        }
    }

    /// Ctrl+Z: reverts this session's last change (scores, stages, decisions), which is
    /// itself recorded in the history. Refused when the evaluation changed since.
    pub(super) fn undo_last(&mut self) {
        if self.undo_archive() {
            return;
        }
        // Taken off the list only once undone: a refused or failed undo stays to retry.
        let Some(seq) = self.session_changes.last().copied() else {
            return self.say(
                "Không còn thay đổi nào của phiên này để hoàn tác",
                Role::Warning,
            );
        };
        let Some(register) = &self.register else {
            return;
        };
        let entry = match register.read().and_then(|r| r.history_entry(seq)) {
            Ok(Some(entry)) => entry,
            Ok(None) => return self.say("Không tìm thấy thay đổi trong lịch sử", Role::Error),
            Err(e) => return self.fail(&e),
        };
        // The unit's code, so the message says whose change was undone.
        let code = register
            .read()
            .and_then(|r| r.unit(entry.key.title.unit_kind(), entry.key.unit))
            .ok()
            .flatten()
            .map(|u| u.code().to_string());
        match crate::app::undo(register, &entry, &self.stamp()) {
            Ok(change) => {
                self.session_changes.pop();
                if self.after_change(&change) {
                    let whose = code.map(|c| format!(" {c}")).unwrap_or_default();
                    self.say(
                        format!("Đã hoàn tác{whose}: {}", undone(&entry).join("; ")),
                        Role::Good,
                    );
                }
            }
            Err(e) => self.fail(&e),
        }
    }
}

/// What an undo put back, in words unlike the change itself ("chỉ số 3.2 trở lại
/// (trống)"), so the message cannot be read as a new change.
fn undone(entry: &HistoryEntry) -> Vec<String> {
    let value = |v: &Option<crate::model::IndicatorValue>| {
        v.map_or("(trống)".to_string(), |v| v.display())
    };
    match &entry.change {
        EvaluationChange::Created(_) => vec!["bỏ lượt đăng ký (và điểm) vừa tạo".into()],
        EvaluationChange::Removed(_) => vec!["đăng ký danh hiệu trở lại như cũ".into()],
        EvaluationChange::Edited(fields) => fields
            .iter()
            .map(|f| match f {
                FieldChange::Value { code, old, .. } => {
                    format!("chỉ số {code} trở lại {}", value(old))
                }
                FieldChange::Stage { old, .. } => {
                    format!("giai đoạn trở lại «{}»", old.label())
                }
                FieldChange::Decision { old, .. } => match old {
                    Some(d) => format!("quyết định trở lại {}", d.number),
                    None => "bỏ quyết định".to_string(),
                },
                FieldChange::OverrideReason { old, .. } => match old {
                    Some(_) => "lý do công nhận ngoại lệ trở lại như cũ".to_string(),
                    None => "bỏ lý do công nhận ngoại lệ".to_string(),
                },
                FieldChange::Note { .. } => "ghi chú trở lại như cũ".to_string(),
                FieldChange::RegisteredOn { old, .. } => match old {
                    Some(d) => format!("ngày đăng ký trở lại {}", d.format("%d/%m/%Y")),
                    None => "bỏ ngày đăng ký".to_string(),
                },
                FieldChange::Criteria { old, .. } => format!("bộ tiêu chí trở lại {}", old.0),
                FieldChange::DigitalSkills { old, .. } => format!(
                    "kỹ năng số trở lại {}",
                    crate::model::DigitalSkills::label_of(*old)
                ),
            })
            .collect(),
    }
}
