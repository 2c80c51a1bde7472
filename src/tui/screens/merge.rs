//! Merging a former commune's register ("Gộp sổ xã cũ", G on the home screen), in two
//! steps on one screen, as `sohoctap merge` does: type the path of the former register,
//! read the preview (counts, every code that changes, thôn named alike, targets kept),
//! then F2 merges in one transaction after a verified backup. The state lives here;
//! `App` drives it (`update_merge.rs`).

use super::{PREVIEW_WIDTH, Shared, boxed};
use crate::report::text::layout::wrap;
use crate::store::MergePlan;
use crate::text::{TextInput, pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, pair_label};
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;
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

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &MergeState) {
    match &state.preview {
        Some(preview) => render_preview(app, frame, area, preview),
        None => render_choose(app, frame, area, state),
    }
}

fn render_choose(app: &App, frame: &mut Frame, area: Rect, state: &MergeState) {
    let theme = app.theme;
    boxed(app, "Gộp sổ của xã cũ (sau sáp nhập) vào sổ này").render(area, frame.buffer_mut());
    let x = area.x + 2;
    let width = usize::from(area.width.saturating_sub(4));
    let label_width = 18;
    let field_width = width.saturating_sub(label_width);
    let buf = frame.buffer_mut();
    let mut y = area.y + 1;
    buf.set_stringn(
        x,
        y,
        format!(
            "{}{}",
            theme.sym("▶", ">"),
            pad_to_width("Sổ của xã cũ", label_width - 1)
        ),
        width,
        theme.style(Role::Title),
    );
    let (shown, cursor) = state.path.visible_window(field_width);
    buf.set_stringn(
        x + label_width as u16,
        y,
        pad_to_width(&shown, field_width),
        field_width,
        theme.style(Role::Selected),
    );
    let cursor_at = (
        x + label_width as u16 + u16::try_from(cursor).unwrap_or(0),
        y,
    );
    y += 2;
    let mut notes: Vec<(String, Role)> = Vec::new();
    if let Some(error) = &state.error {
        for line in wrap(&format!("✗ {error}"), width, "", "  ") {
            notes.push((line, Role::Error));
        }
        notes.push((String::new(), Role::Normal));
    }
    let help = [
        &format!(
            "Gõ đường dẫn tệp sổ (.redb) của xã cũ, rồi {} để xem trước. Sổ đó chỉ được đọc, không bị thay đổi.",
            key_label(Ctx::Merge, &Action::Open)
        ),
        "Mọi đơn vị, đánh giá, quyết định, lịch sử và bộ tiêu chí đã dùng được đưa sang trong một lần ghi. Mã trùng với sổ này được thêm tiền tố tên xã cũ (HO00012 → YENMO-HO00012); thôn giữ tên; chỉ tiêu nghị quyết giữ của sổ này.",
        "Trước khi gộp, sổ này được sao lưu (bản «truoc-gop-…» trong thư mục sao lưu). Tiền tố khác: dùng lệnh sohoctap merge --prefix.",
    ];
    for (i, text) in help.iter().enumerate() {
        let role = if i == 0 { Role::Normal } else { Role::Muted };
        for line in wrap(text, width, "", "  ") {
            notes.push((line, role));
        }
    }
    for (text, role) in notes {
        if y + 1 >= area.y + area.height {
            break;
        }
        buf.set_stringn(
            x,
            y,
            truncate_to_width(&text, width),
            width,
            theme.style(role),
        );
        y += 1;
    }
    frame.set_cursor_position(cursor_at);
}

fn render_preview(app: &App, frame: &mut Frame, area: Rect, preview: &MergePreview) {
    let theme = app.theme;
    let title = format!(
        "Xem trước: gộp sổ của {} (chưa ghi gì)",
        preview.plan.0.origin.name
    );
    boxed(app, &title).render(area, frame.buffer_mut());
    let x = area.x + 2;
    let width = usize::from(area.width.saturating_sub(4));
    // Borders and the status line.
    let rows = usize::from(area.height.saturating_sub(3)).max(1);
    let scroll = preview.scroll.min(preview.lines.len().saturating_sub(rows));
    let buf = frame.buffer_mut();
    for (i, (text, role)) in preview.lines.iter().skip(scroll).take(rows).enumerate() {
        buf.set_stringn(
            x,
            area.y + 1 + i as u16,
            truncate_to_width(text, width),
            width,
            theme.style(*role),
        );
    }
    let more = if preview.lines.len() > rows {
        format!(
            " (dòng {}–{}/{}, {} để cuộn)",
            scroll + 1,
            (scroll + rows).min(preview.lines.len()),
            preview.lines.len(),
            pair_label(Ctx::MergePreview, &Action::Up, &Action::Down, "")
        )
    } else {
        String::new()
    };
    let status = format!(
        "{}: sao lưu rồi gộp, một lần. {}: chọn lại.{more}",
        key_label(Ctx::MergePreview, &Action::Save),
        key_label(Ctx::MergePreview, &Action::Back)
    );
    buf.set_stringn(
        x,
        area.y + area.height.saturating_sub(2),
        truncate_to_width(&status, width),
        width,
        theme.style(Role::Good),
    );
}
