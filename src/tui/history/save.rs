//! Recording and undoing: every write the app makes through `write_recorded` remembers
//! the history entries it added, so the session's own changes can be undone one at a
//! time, newest first (Ctrl+Z, from any screen that offers it).

use crate::model::{EvaluationChange, FieldChange, HistoryEntry};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::theme::Role;

impl App {
    /// Runs one write and remembers the history entries it added, for Ctrl+Z.
    ///
    /// Once the write returns it is on disk, so it is reported as saved whatever
    /// happens next: a failed re-read of the history only costs the undo list.
    pub(in crate::tui) fn write_recorded<T>(
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
    pub(in crate::tui) fn record_history_range(
        &mut self,
        before: u64,
        after: Result<u64, StoreError>,
    ) {
        match after {
            Ok(after) => self.session_changes.extend(before..after),
            Err(e) => {
                self.session_changes.clear();
                self.say(
                    format!(
                        "Đã lưu, nhưng không đọc lại được lịch sử ({e}): {} không hoàn tác được các thay đổi trước đây",
                        crate::tui::keymap::key_label(crate::tui::keymap::Ctx::Home, &Action::Undo)
                    ),
                    Role::Warning,
                );
            }
        }
    }

    /// Ctrl+Z: reverts this session's last change (scores, stages, decisions), which is
    /// itself recorded in the history. Refused when the evaluation changed since.
    pub(in crate::tui) fn undo_last(&mut self) {
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
