//! The merge screen's state: the typed path, and once read, the preview with the plan
//! it shows.

use crate::report::text::layout::wrap;
use crate::store::MergePlan;
use crate::text::TextInput;
use crate::tui::screens::{PREVIEW_WIDTH, Shared};
use crate::tui::theme::Role;
use std::path::PathBuf;
use std::sync::Arc;

/// What the merge would do, nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePreview {
    /// Shared with the merge key, which plans again and compares before writing.
    pub plan: Shared<MergePlan>,
    pub file: PathBuf,
    /// The preview text, wrapped to [`PREVIEW_WIDTH`].
    pub lines: Vec<(String, Role)>,
    pub scroll: usize,
}

impl MergePreview {
    /// `text` is the shared preview ([`crate::app::merge_preview`]): a line starting
    /// with "⚠" is a warning, one ending with ":" a heading.
    pub fn new(plan: MergePlan, file: PathBuf, text: &[String]) -> MergePreview {
        let mut lines = Vec::new();
        for line in text {
            let role = if line.starts_with('⚠') {
                Role::Warning
            } else if line.ends_with(':') {
                Role::Title
            } else {
                Role::Normal
            };
            let (first, rest) = if line.starts_with("  ") {
                ("  ", "    ")
            } else {
                ("", "  ")
            };
            for part in wrap(line, PREVIEW_WIDTH, first, rest) {
                lines.push((part, role));
            }
        }
        MergePreview {
            plan: Shared(Arc::new(plan)),
            file,
            lines,
            scroll: 0,
        }
    }

    /// Lines of text on screen for a list page of `page_rows` (as the import preview).
    pub fn text_rows(page_rows: usize) -> usize {
        page_rows.max(1)
    }

    pub fn max_scroll(&self, page_rows: usize) -> usize {
        self.lines
            .len()
            .saturating_sub(MergePreview::text_rows(page_rows))
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergeState {
    /// The former commune's register file.
    pub path: TextInput,
    /// Why it cannot be merged.
    pub error: Option<String>,
    pub preview: Option<MergePreview>,
}

impl MergeState {
    pub fn new(folder: Option<PathBuf>) -> MergeState {
        let mut path = TextInput::new();
        if let Some(folder) = folder {
            let mut text = folder.display().to_string();
            if !text.ends_with(std::path::MAIN_SEPARATOR) {
                text.push(std::path::MAIN_SEPARATOR);
            }
            path.insert_str(&text);
        }
        MergeState {
            path,
            error: None,
            preview: None,
        }
    }
}
