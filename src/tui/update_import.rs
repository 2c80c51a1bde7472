//! What the import screen's keys do: read the file and plan it against the register
//! (`exchange::plan`, nothing written), then, only for a plan without problems, apply it
//! in one transaction (`exchange::apply`) and reload what the screens show.

use super::action::Action;
use super::app::{App, Screen};
use super::keymap::{Ctx, key_label};
use super::screens::import::{ImportField, ImportState, Preview};
use super::scroll::scrolled;
use super::theme::Role;
use crate::exchange::{self, FileOptions, ImportOptions};
use crate::model::UnitKind;
use crate::store::StoreError;
use crate::text::format_count;
use std::path::PathBuf;

/// The path as typed: surrounding quotes (a path pasted from a file manager) dropped and
/// a leading `~` meaning the home folder.
pub fn typed_path(text: &str) -> PathBuf {
    let trimmed = text.trim();
    let unquoted = trimmed
        .strip_prefix('"')
        .and_then(|t| t.strip_suffix('"'))
        .or_else(|| {
            trimmed
                .strip_prefix('\'')
                .and_then(|t| t.strip_suffix('\''))
        })
        .unwrap_or(trimmed);
    if let Some(rest) = unquoted
        .strip_prefix("~/")
        .or_else(|| unquoted.strip_prefix("~\\"))
        && let Some(home) = directories::UserDirs::new().map(|u| u.home_dir().to_path_buf())
    {
        return home.join(rest);
    }
    PathBuf::from(unquoted)
}

impl App {
    /// The folder import starts in: the documents folder, where Excel saves.
    fn import_folder(&self) -> Option<PathBuf> {
        self.documents.clone().or_else(|| {
            directories::UserDirs::new().and_then(|u| {
                u.document_dir()
                    .map(std::path::Path::to_path_buf)
                    .or_else(|| Some(u.home_dir().to_path_buf()))
            })
        })
    }

    pub(super) fn open_import(&mut self) {
        if self.register.is_none() {
            return;
        }
        let kind = UnitKind::ALL
            .get(self.home_selected)
            .copied()
            .unwrap_or(UnitKind::Household);
        // The app's own documents folder (set in tests and by the set-up) is looked in
        // alone; otherwise the system's documents, desktop, downloads and drives.
        let folders = match &self.documents {
            Some(docs) => vec![docs.clone()],
            None => super::file_choice::folders(None, &self.path),
        };
        let files = super::file_choice::list(&folders);
        let state = ImportState::new(kind, self.import_folder(), files);
        self.stack.push(Screen::Import(state));
    }

    pub(super) fn update_import(&mut self, action: Action) {
        let page_rows = self.page_rows;
        let Some(Screen::Import(state)) = self.stack.last_mut() else {
            return;
        };
        if let Some(preview) = &mut state.preview {
            let page = Preview::text_rows(page_rows);
            let max = preview.max_scroll(page_rows);
            if let Some(to) = scrolled(preview.scroll, &action, page, max) {
                preview.scroll = to;
            } else if action == Action::Save {
                self.apply_import();
            } else if action == Action::AcceptCodeMapping && preview.plan.0.awaits_code_mapping() {
                state.accept_code_mapping = true;
                self.preview_import();
            }
            return;
        }
        match action {
            Action::NextField => state.focus_next(),
            Action::PrevField => state.focus_prev(),
            Action::Open => self.preview_import(),
            other => state.edit(&other),
        }
    }

    /// Reads and plans the file; shows the preview, or why the file could not be read.
    fn preview_import(&mut self) {
        let Some(Screen::Import(state)) = self.stack.last() else {
            return;
        };
        let Some(register) = &self.register else {
            return;
        };
        let (kind, file) = (state.kind(), typed_path(state.path()));
        let file_options = FileOptions {
            sheet: None,
            accept_code_mapping: state.accept_code_mapping,
        };
        let outcome = if file.as_os_str().is_empty() || file.is_dir() {
            Err(format!(
                "Hãy gõ đường dẫn tới một tệp bảng tính hoặc CSV, hoặc chọn tệp trong danh sách (đang là thư mục «{}»)",
                file.display()
            ))
        } else {
            std::fs::read(&file)
                .map_err(|source| {
                    StoreError::Io {
                        path: file.clone(),
                        action: "đọc",
                        source,
                    }
                    .to_string()
                })
                .and_then(|bytes| {
                    register
                        .read()
                        .and_then(|reader| {
                            exchange::plan_file(
                                &reader,
                                kind,
                                &bytes,
                                &file_options,
                                ImportOptions {
                                    default_year: self.year,
                                },
                            )
                        })
                        .map_err(|e| e.to_string())
                })
        };
        if let Some(Screen::Import(state)) = self.stack.last_mut() {
            match outcome {
                Ok(plan) => {
                    state.form.clear_errors();
                    state.preview = Some(Preview::new(plan, file));
                }
                Err(message) => state.form.set_error(ImportField::Path, message),
            }
        }
    }

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
    fn apply_import(&mut self) {
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
