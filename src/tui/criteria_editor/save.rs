//! The criteria screens' writes: a set saved from the editor is stored as `criteria
//! import` stores a set (checked by [`draft::save`], stamped with who entered it and
//! when, one write transaction), and adopting a set for a year or undoing that goes
//! through the same store calls as `criteria adopt`.

use super::sets::{self, AdoptState};
use super::{CriteriaScreen, keys::editor_rows};
use crate::criteria::draft::Severity;
use crate::criteria::{CatalogEntry, draft};
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::Role;

/// How a set written in the app says it came in (`criteria show`, About).
const HOW: &str = "soạn trong chương trình";

impl App {
    fn top_criteria(&mut self) -> Option<&mut CriteriaScreen> {
        match self.stack.last_mut() {
            Some(Screen::Criteria(c)) => Some(c),
            _ => None,
        }
    }

    /// F2 in the editor: refused while the set has errors (the cursor goes to the
    /// first); otherwise a new version in the register, and back to the list on it.
    pub(super) fn save_criteria(&mut self) {
        let stamp = self.stamp();
        let rows = editor_rows(self.page_rows);
        let Some(CriteriaScreen::Editor(editor)) = self.top_criteria() else {
            return;
        };
        editor.recheck();
        let errors = editor.error_count();
        if errors > 0 {
            let first = editor.fields().into_iter().find(|slot| {
                editor
                    .issues_of(*slot)
                    .iter()
                    .any(|(s, _)| *s == Severity::Error)
            });
            if let Some(slot) = first {
                editor.focus_on(slot);
                editor.scroll_into_view(rows);
            }
            return self.say(
                format!(
                    "Bộ còn {errors} lỗi (dấu ✗ cạnh ô): sửa rồi bấm {} lại; chưa lưu gì",
                    key_label(Ctx::CriteriaEditor, &Action::Save)
                ),
                Role::Error,
            );
        }
        let (set, _) = editor.to_set();
        let stored = match draft::save(&set, editor.checked, stamp, HOW) {
            Ok(stored) => stored,
            Err(problems) => {
                let first = problems.first().cloned().unwrap_or_default();
                return self.say(format!("✗ Chưa lưu: {first}"), Role::Error);
            }
        };
        let Some(register) = &self.register else {
            return;
        };
        let hash = stored.content_hash();
        let outcome = register
            .write(|w| {
                let existed = w.criteria(&hash)?.is_some();
                w.remember_criteria(&hash, &stored)?;
                Ok(existed)
            })
            .and_then(|existed| Ok((existed, register.read()?.office_criteria()?)));
        let (existed, office) = match outcome {
            Ok(done) => done,
            Err(e) => return self.fail(&e),
        };
        self.catalog.add_office(office);
        self.stack.pop();
        let rows = sets::rows(&self.catalog, self.year);
        if let Some(CriteriaScreen::Sets(list)) = self.top_criteria()
            && let Some(at) = rows.iter().position(|r| r.id == stored.id)
        {
            list.selected = at;
        }
        let adopt = key_label(
            Ctx::CriteriaSets,
            &Action::Criteria(super::CriteriaAction::Adopt),
        );
        if existed {
            self.say(
                "Sổ đã có đúng bộ này; không lưu thêm phiên bản nào",
                Role::Warning,
            );
        } else {
            self.say(
                format!(
                    "✓ Đã lưu phiên bản mới của bộ {} {} · {adopt}: áp dụng cho năm {}",
                    stored.title.short(),
                    stored.years_label(),
                    self.year
                ),
                Role::Good,
            );
        }
    }

    /// F7 in the list: what moving the year's evaluations onto `entry` would change.
    pub(super) fn preview_adopt(&mut self, entry: &CatalogEntry) {
        let set = &entry.set;
        if !set.valid_in(self.year) {
            return self.say(
                format!(
                    "Bộ này áp dụng {}, không áp dụng cho năm {}",
                    set.years_label(),
                    self.year
                ),
                Role::Warning,
            );
        }
        let Some(register) = &self.register else {
            return;
        };
        let plan = match register.adopt_plan(self.year, entry) {
            Ok(plan) => plan,
            Err(e) => return self.fail(&e),
        };
        if plan.rows.is_empty() {
            return self.say(
                format!(
                    "Không có đánh giá {} năm {} nào phải chuyển ({} đã dùng bộ này)",
                    set.title.short(),
                    self.year,
                    plan.already
                ),
                Role::Normal,
            );
        }
        self.stack
            .push(Screen::Criteria(Box::new(CriteriaScreen::Adopt(Box::new(
                AdoptState {
                    id: set.id.clone(),
                    hash: entry.hash.clone(),
                    year: self.year,
                    plan,
                    scroll: 0,
                },
            )))));
    }

    /// Enter in the preview: the move, in one transaction, then the year reloaded.
    pub(super) fn apply_adopt(&mut self) {
        let stamp = self.stamp();
        let Some(Screen::Criteria(c)) = self.stack.last() else {
            return;
        };
        let CriteriaScreen::Adopt(adopt) = &**c else {
            return;
        };
        let Some(entry) = self
            .catalog
            .by_id(&adopt.id)
            .filter(|e| e.hash == adopt.hash)
            .cloned()
        else {
            return self.say(
                format!(
                    "Bộ này vừa có phiên bản mới; quay lại ({}) và xem trước lại",
                    key_label(Ctx::CriteriaAdopt, &Action::Back)
                ),
                Role::Error,
            );
        };
        let Some(register) = &self.register else {
            return;
        };
        let year = adopt.year;
        match register.adopt(&adopt.plan, &entry, &stamp) {
            Ok(moved) => {
                self.stack.pop();
                if let Err(e) = self.load_year() {
                    return self.fail(&e);
                }
                let undo = key_label(
                    Ctx::CriteriaSets,
                    &Action::Criteria(super::CriteriaAction::UndoAdopt),
                );
                self.say(
                    format!(
                        "✓ Đã chuyển {moved} đánh giá {} năm {year} sang bộ này; {undo}: hoàn tác",
                        entry.set.title.short()
                    ),
                    Role::Good,
                );
            }
            Err(e) => self.fail(&e),
        }
    }

    /// F8 in the list: the evaluations of the year moved onto `entry` get back their
    /// previous set and values.
    pub(super) fn undo_adopt(&mut self, entry: &CatalogEntry) {
        let stamp = self.stamp();
        let Some(register) = &self.register else {
            return;
        };
        let set = &entry.set;
        match register.undo_adopt(self.year, set.title, &set.id, &stamp) {
            Ok((0, refused)) if refused.is_empty() => self.say(
                format!(
                    "Năm {} chưa có lần chuyển nào sang bộ này để hoàn tác",
                    self.year
                ),
                Role::Normal,
            ),
            Ok((done, refused)) => {
                if let Err(e) = self.load_year() {
                    return self.fail(&e);
                }
                let mut text = format!(
                    "✓ Đã hoàn tác: {done} đánh giá {} năm {} trở lại bộ và điểm trước đó",
                    set.title.short(),
                    self.year
                );
                if let Some(first) = refused.first() {
                    text.push_str(&format!(
                        "; {} không hoàn tác được (đã sửa sau đó): {first}",
                        refused.len()
                    ));
                }
                self.say(text, Role::Good);
            }
            Err(e) => self.fail(&e),
        }
    }
}
