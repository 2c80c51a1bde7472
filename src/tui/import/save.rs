//! The import screen's write: a plan without problems applied in one transaction
//! (`exchange::apply`), then the year reloaded and the list it filled shown, its
//! cursor on the first unit written.

use crate::exchange;
use crate::model::UnitKind;
use crate::text::format_count;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::Role;

impl App {
    /// Puts the list's cursor on the first unit the file wrote, so the officer sees it.
    fn select_first_imported(&mut self, plan: &exchange::ImportPlan) {
        let Some(code) = plan.rows.first().map(|r| r.unit.code().to_string()) else {
            return;
        };
        let found = self
            .register
            .as_ref()
            .and_then(|r| r.read().ok())
            .and_then(|reader| reader.unit_id(plan.kind, &code).ok().flatten());
        let page = self.page_rows;
        if let Some(id) = found
            && let Some(list) = self.lists.get_mut(&plan.kind)
        {
            list.select_id(id);
            list.scroll_into_view(page);
        }
    }

    /// Writes a clean plan in one transaction, then shows the list it filled.
    pub(super) fn apply_import(&mut self) {
        let Some(Screen::Import(state)) = self.stack.last() else {
            return;
        };
        let Some(preview) = &state.preview else {
            return;
        };
        let plan = std::sync::Arc::clone(&preview.plan.0);
        if !plan.is_clean() {
            return self.say(
                format!(
                    "✗ Tệp còn {} lỗi: không nhập gì. Sửa tệp rồi đọc lại ({}, {}).",
                    format_count(plan.problems.len() as u64),
                    key_label(Ctx::ImportPreview, &Action::Back),
                    key_label(Ctx::Import, &Action::Open)
                ),
                Role::Error,
            );
        }
        let Some(register) = &self.register else {
            return;
        };
        let applied = match exchange::apply(register, &plan) {
            Ok(applied) => applied,
            Err(e) => return self.fail(&e),
        };
        // Units of several kinds may be new (communities and clans of a household file):
        // reload the year and let every list rebuild its rows when next opened.
        self.lists.clear();
        if let Err(e) = self.load_year() {
            return self.fail(&e);
        }
        self.stack.pop();
        self.home_selected = UnitKind::ALL
            .iter()
            .position(|k| *k == plan.kind)
            .unwrap_or(self.home_selected);
        self.open_list(plan.kind);
        self.select_first_imported(&plan);
        let mut created = Vec::new();
        if applied.communities_created > 0 {
            created.push(format!("{} thôn mới", applied.communities_created));
        }
        if applied.clans_created > 0 {
            created.push(format!("{} dòng họ mới", applied.clans_created));
        }
        let created = if created.is_empty() {
            String::new()
        } else {
            format!(", tạo {}", created.join(", "))
        };
        self.say(
            format!(
                "✓ Đã nhập: thêm {} {}, cập nhật {}{created}.",
                format_count(applied.inserted as u64),
                plan.kind.counter(),
                format_count(applied.updated as u64)
            ),
            Role::Good,
        );
    }
}
