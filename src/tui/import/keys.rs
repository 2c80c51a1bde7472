//! What the import screen's keys do: moving between the kind, the path and the files
//! found, then reading the file and planning it against the register
//! (`exchange::plan`, nothing written); the preview's save key applies it (`save`).

use super::state::{ImportField, ImportState, Preview};
use crate::exchange::{self, FileOptions, ImportOptions};
use crate::model::UnitKind;
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::scroll::scrolled;
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

    pub(in crate::tui) fn open_import(&mut self) {
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
            None => crate::tui::file_choice::folders(None, &self.path),
        };
        let files = crate::tui::file_choice::list(&folders);
        let state = ImportState::new(kind, self.import_folder(), files);
        self.stack.push(Screen::Import(state));
    }

    pub(in crate::tui) fn update_import(&mut self, action: Action) {
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
}
