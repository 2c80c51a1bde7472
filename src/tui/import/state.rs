//! The import screen's state: the kind, the path typed or the file chosen from those
//! found, and once read, the preview of what the file would do (nothing written).

use super::preview::preview_lines;
use crate::exchange::ImportPlan;
use crate::model::UnitKind;
use crate::text::TextInput;
use crate::tui::action::Action;
use crate::tui::screens::Shared;
use crate::tui::theme::Role;
use crate::tui::widgets::form::{Field, FieldValue, Form};
use std::path::PathBuf;
use std::sync::Arc;

/// What a file would do, read and checked, nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Shared with the apply key, so what is applied is what was previewed.
    pub plan: Shared<ImportPlan>,
    pub file: PathBuf,
    /// The preview text, wrapped to [`PREVIEW_WIDTH`].
    pub lines: Vec<(String, Role)>,
    pub scroll: usize,
}

impl Preview {
    pub fn new(plan: ImportPlan, file: PathBuf) -> Preview {
        let lines = preview_lines(&plan, &file.display().to_string());
        Preview {
            plan: Shared(Arc::new(plan)),
            file,
            lines,
            scroll: 0,
        }
    }

    /// Lines of the preview on screen for a list page of `page_rows`: the body (three
    /// rows more than a list page) less the box's borders and the status line, as
    /// `render_preview` lays it out.
    pub fn text_rows(page_rows: usize) -> usize {
        page_rows.max(1)
    }

    pub fn max_scroll(&self, page_rows: usize) -> usize {
        self.lines
            .len()
            .saturating_sub(Preview::text_rows(page_rows))
    }
}

/// The fields of the import screen: what kind of list, which file, and the list of
/// files found (a choice among them, drawn as a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportField {
    Kind,
    Path,
    Files,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportState {
    /// The kind, the path (with why the file could not be read as its finding) and,
    /// when files were found, the chosen one.
    pub form: Form<ImportField>,
    pub preview: Option<Preview>,
    /// Spreadsheets and CSV files found in the usual folders, newest first.
    pub files: Vec<PathBuf>,
    /// The officer confirmed the code mapping (F6 in the preview); reset on Esc.
    pub accept_code_mapping: bool,
}

impl ImportState {
    pub fn new(kind: UnitKind, folder: Option<PathBuf>, files: Vec<PathBuf>) -> ImportState {
        let mut path = String::new();
        if let Some(folder) = folder {
            path = folder.display().to_string();
            if !path.ends_with(std::path::MAIN_SEPARATOR) {
                path.push(std::path::MAIN_SEPARATOR);
            }
        }
        let kinds: Vec<&str> = UnitKind::ALL.iter().map(|k| k.label()).collect();
        let at = UnitKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let mut fields = vec![
            (
                ImportField::Kind,
                Field::choice_of("Loại danh sách", &kinds, at),
            ),
            (ImportField::Path, Field::text("Tệp", &path, false)),
        ];
        if !files.is_empty() {
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            fields.push((
                ImportField::Files,
                Field::choice_of("Tệp tìm thấy", &names, 0),
            ));
        }
        for (_, field) in &mut fields {
            field.required = false;
        }
        ImportState {
            form: Form::new(fields, ImportField::Path),
            preview: None,
            files,
            accept_code_mapping: false,
        }
    }

    pub fn kind(&self) -> UnitKind {
        let at = self.form.chosen(ImportField::Kind).unwrap_or(0) as usize;
        UnitKind::ALL
            .get(at)
            .copied()
            .unwrap_or(UnitKind::Household)
    }

    /// The path as typed (not cleaned: spaces in a path are part of it).
    pub fn path(&self) -> &str {
        self.form
            .field(ImportField::Path)
            .and_then(Field::input)
            .map_or("", |t| t.value())
    }

    /// The file chosen in the list.
    pub fn file_selected(&self) -> usize {
        self.form.chosen(ImportField::Files).unwrap_or(0) as usize
    }

    /// Why the file could not be read.
    pub fn error(&self) -> Option<&str> {
        self.form
            .field(ImportField::Path)
            .and_then(|f| f.error.as_deref())
    }

    /// Tab and ↓: kind → path → file list, then down the list.
    pub fn focus_next(&mut self) {
        match self.form.focus() {
            ImportField::Kind => self.form.focus_on(ImportField::Path),
            ImportField::Path if !self.files.is_empty() => {
                self.form.focus_on(ImportField::Files);
                self.choose_file(self.file_selected());
            }
            ImportField::Path => self.form.focus_on(ImportField::Kind),
            ImportField::Files => self.choose_file(self.file_selected() + 1),
        }
    }

    /// Shift+Tab and ↑: up the file list, then back to the path and the kind.
    pub fn focus_prev(&mut self) {
        match self.form.focus() {
            ImportField::Files if self.file_selected() > 0 => {
                self.choose_file(self.file_selected() - 1);
            }
            ImportField::Files | ImportField::Kind => self.form.focus_on(ImportField::Path),
            ImportField::Path => self.form.focus_on(ImportField::Kind),
        }
    }

    /// Selects a file of the list and puts its path in the path field.
    fn choose_file(&mut self, index: usize) {
        let Some(last) = self.files.len().checked_sub(1) else {
            return;
        };
        let index = index.min(last);
        if let Some(Field {
            value: FieldValue::Choice { index: chosen, .. },
            ..
        }) = self.form.field_mut(ImportField::Files)
        {
            *chosen = index;
        }
        let path = self.files.get(index).map(|p| p.display().to_string());
        if let Some(path) = path
            && let Some(input) = self
                .form
                .field_mut(ImportField::Path)
                .and_then(Field::input_mut)
        {
            *input = TextInput::with_value(&path);
        }
    }

    /// A key on the kind or the path: ← → change the kind, other keys edit the path;
    /// either takes back why the last file could not be read.
    pub fn edit(&mut self, action: &Action) {
        if self.form.focus() != ImportField::Files && self.form.edit(action) {
            self.form.clear_errors();
        }
    }
}
