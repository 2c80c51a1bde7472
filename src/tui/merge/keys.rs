//! What the merge screen's keys do: open the former commune's register read-only and
//! plan the merge (`store::plan_merge`, nothing written), then, on F2, plan it again
//! (it must be the plan the officer read), back this register up, write the code
//! mapping beside it and merge in one transaction, and reload what the screens show.

use super::{MergePreview, MergeState};
use crate::app::merge_preview;
use crate::exchange::merge_map::{default_map_path, merge_map_csv};
use crate::store::backup::backup_before_merge;
use crate::store::{MergePlan, ReadOnlyRegister, StoreError, files, open_former, plan_merge};
use crate::text::format_count;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::import::typed_path;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::scroll::scrolled;
use crate::tui::theme::Role;
use crate::tui::update::edit;
use std::path::Path;

impl App {
    pub(in crate::tui) fn open_merge(&mut self) {
        if self.register.is_none() {
            return;
        }
        // Beside this register is where an office copies the former communes' files.
        let folder = self
            .path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .map(Path::to_path_buf);
        self.stack.push(Screen::Merge(MergeState::new(folder)));
    }

    pub(in crate::tui) fn update_merge(&mut self, action: Action) {
        let page_rows = self.page_rows;
        let Some(Screen::Merge(state)) = self.stack.last_mut() else {
            return;
        };
        if let Some(preview) = &mut state.preview {
            let page = MergePreview::text_rows(page_rows);
            let max = preview.max_scroll(page_rows);
            if let Some(to) = scrolled(preview.scroll, &action, page, max) {
                preview.scroll = to;
            } else if action == Action::Save {
                self.apply_merge();
            }
            return;
        }
        match action {
            Action::Open => self.preview_merge(),
            other => {
                if edit(&mut state.path, &other) {
                    state.error = None;
                }
            }
        }
    }

    /// Opens the former register and plans the merge against this one.
    fn plan_against(&self, file: &Path) -> Result<(ReadOnlyRegister, MergePlan), StoreError> {
        let Some(register) = &self.register else {
            return Err(StoreError::Other("Chưa mở sổ".into()));
        };
        let (former, _) = open_former(file, &self.path, self.year)?;
        let plan = former
            .read()
            .and_then(|theirs| plan_merge(&register.read()?, &theirs, None));
        match plan {
            Ok(plan) => Ok((former, plan)),
            Err(e) => {
                let _ = former.close();
                Err(e)
            }
        }
    }

    fn preview_merge(&mut self) {
        let Some(Screen::Merge(state)) = self.stack.last() else {
            return;
        };
        let file = typed_path(state.path.value());
        let outcome = if file.as_os_str().is_empty() || file.is_dir() {
            Err(format!(
                "Hãy gõ đường dẫn tới tệp sổ (.redb) của xã cũ (đang là thư mục «{}»)",
                file.display()
            ))
        } else {
            self.plan_against(&file)
                .and_then(|(former, plan)| former.close().map(|()| plan))
                .map_err(|e| crate::text::english::in_vietnamese(&e.to_string()))
        };
        let text = outcome
            .as_ref()
            .map(|plan| merge_preview(plan, &file, &self.path))
            .unwrap_or_default();
        if let Some(Screen::Merge(state)) = self.stack.last_mut() {
            match outcome {
                Ok(plan) => {
                    state.error = None;
                    state.preview = Some(MergePreview::new(plan, file, &text));
                }
                Err(message) => state.error = Some(message),
            }
        }
    }

    /// Merges what the preview showed, after a verified backup; then shows the home
    /// screen with the merged figures.
    fn apply_merge(&mut self) {
        let Some(Screen::Merge(state)) = self.stack.last() else {
            return;
        };
        let Some(preview) = &state.preview else {
            return;
        };
        let shown = std::sync::Arc::clone(&preview.plan.0);
        let file = preview.file.clone();
        let (former, plan) = match self.plan_against(&file) {
            Ok(planned) => planned,
            Err(e) => return self.fail(&e),
        };
        if plan != *shown {
            let _ = former.close();
            return self.say(
                format!(
                    "✗ Sổ đã thay đổi sau khi xem trước: chưa gộp gì. {} rồi {} để xem trước lại.",
                    key_label(Ctx::MergePreview, &Action::Back),
                    key_label(Ctx::Merge, &Action::Open)
                ),
                Role::Error,
            );
        }
        let Some(register) = &self.register else {
            return;
        };
        let map = merge_map_csv(&plan)
            .map_err(StoreError::Other)
            .and_then(|bytes| {
                let first = default_map_path(&self.path, &plan.prefix);
                files::write_new_numbered(&first, &bytes).map_err(|source| StoreError::Io {
                    path: first,
                    action: "ghi",
                    source,
                })
            });
        let done = map.and_then(|map| {
            let backup = backup_before_merge(register, &plan.prefix)?;
            let done = former
                .read()
                .and_then(|theirs| register.merge_from(&theirs, &plan))?;
            Ok((map, backup, done))
        });
        let _ = former.close();
        let (map, backup, done) = match done {
            Ok(done) => done,
            Err(e) => return self.fail(&e),
        };
        self.lists.clear();
        if let Err(e) = self.load_year() {
            return self.fail(&e);
        }
        self.stack.pop();
        // The two paths are what the officer keeps (the way back, and the old codes):
        // a box with a line each, since the status line cuts them at 80 columns.
        self.confirm = Some(crate::tui::confirm::Confirm::Notice {
            title: "Đã gộp sổ".into(),
            text: format!(
                "{} Đã gộp sổ của {}: {} đơn vị, {} đánh giá.\nSao lưu trước khi gộp:\n{}\nBảng đối chiếu mã cũ, mã mới:\n{}\n{} hoặc {}: đóng.",
                self.theme.sym("✓", "v"),
                plan.origin.name,
                format_count(done.units as u64),
                format_count(done.evaluations as u64),
                backup.path.display(),
                map.display(),
                key_label(Ctx::Notice, &Action::Confirm),
                key_label(Ctx::Notice, &Action::Back)
            ),
            role: Role::Good,
            then_quit: false,
        });
    }
}
