//! The import screen: choosing the kind and the file (the files found drawn as a
//! list), then the preview, scrolled, with the keys to apply it or go back.

use super::state::{ImportField, ImportState, Preview};
use crate::exchange::headers::columns;
use crate::report::text::layout::wrap;
use crate::text::{format_count, pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, keys_joined, pair_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::field::{FieldLine, Findings, put};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// Files of the list shown at once (the screen must fit 80×24).
const FILE_ROWS: usize = 5;
/// The import screen's labels are short ("Loại danh sách", "Tệp").
const LABEL_WIDTH: u16 = 18;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &ImportState) {
    match &state.preview {
        Some(preview) => render_preview(app, frame, area, preview),
        None => render_choose(app, frame, area, state),
    }
}

fn render_choose(app: &App, frame: &mut Frame, area: Rect, state: &ImportState) {
    let theme = app.theme;
    let block = boxed(app, "Nhập danh sách từ tệp Excel hoặc CSV");
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let width = usize::from(inner.width);
    let list_rows = if state.files.is_empty() {
        0
    } else {
        // The heading, the files shown and a blank line.
        state.files.len().min(FILE_ROWS) as u16 + 2
    };
    let [kind_row, _, path_row, _, list_area, notes_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(list_rows),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let buf = frame.buffer_mut();
    let focus = state.form.focus();
    let line = |key: ImportField, value_width: u16| {
        state.form.field(key).map(|field| FieldLine {
            field,
            focused: focus == key,
            theme,
            label_width: LABEL_WIDTH,
            value_width,
        })
    };
    if let Some(kind) = line(ImportField::Kind, 28) {
        kind.render(kind_row, buf, Findings::Beside);
    }
    // The path takes the whole line; why it could not be read is said in full below.
    let path_width = inner.width.saturating_sub(LABEL_WIDTH + 1);
    let cursor = line(ImportField::Path, path_width)
        .and_then(|path| path.render(path_row, buf, Findings::Below));
    if !state.files.is_empty() {
        render_files(app, buf, list_area, state);
    }
    let mut notes: Vec<(String, Role)> = Vec::new();
    if let Some(error) = state.error() {
        for line in wrap(&format!("✗ {error}"), width, "", "  ") {
            notes.push((line, Role::Error));
        }
        notes.push((String::new(), Role::Normal));
    }
    let kind = state.kind();
    let expected: Vec<String> = columns(kind)
        .iter()
        .map(|c| {
            if c.required {
                format!("{}*", c.header())
            } else {
                c.header().to_string()
            }
        })
        .collect();
    let help = [
        format!("Các cột của tệp {}: {}", kind.label().to_lowercase(), expected.join(", ")),
        "(* bắt buộc; tên cột viết hoa, thường, có dấu hay không dấu đều được; cột «STT» và cột lạ được bỏ qua.)".to_string(),
        "Đọc thẳng tệp Excel (.xlsx, .xls), LibreOffice (.ods) — trang đầu, bỏ qua các dòng tên bảng ở trên — hoặc tệp CSV. Mẫu và tên cột khác: docs/import-export.md.".to_string(),
        format!(
            "{}: đọc tệp và xem trước. Chưa ghi gì vào sổ cho tới khi xem trước và bấm {}.",
            key_label(Ctx::Import, &Action::Open),
            key_label(Ctx::ImportPreview, &Action::Save)
        ),
    ];
    for (i, text) in help.iter().enumerate() {
        let role = if i == 0 { Role::Normal } else { Role::Muted };
        for line in wrap(text, width, "", "  ") {
            notes.push((line, role));
        }
    }
    let lines: Vec<Line> = notes
        .into_iter()
        .map(|(text, role)| Line::styled(truncate_to_width(&text, width), theme.style(role)))
        .collect();
    Paragraph::new(lines).render(notes_area, buf);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The files found: a heading naming the keys, then the files around the chosen one.
fn render_files(app: &App, buf: &mut Buffer, area: Rect, state: &ImportState) {
    let theme = app.theme;
    let focused = state.form.focus() == ImportField::Files;
    let width = usize::from(area.width);
    let shown = state.files.len().min(FILE_ROWS);
    let [heading, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::try_from(shown).unwrap_or(0)),
    ])
    .areas(area);
    let marker = if focused { theme.sym("▶", ">") } else { " " };
    let text = format!(
        "{marker}{}",
        truncate_to_width(
            &format!(
                "Tệp tìm thấy ({}): {} để chọn, {} để xem trước",
                state.files.len(),
                keys_joined(Ctx::Import, &Action::NextField, 2, " hoặc "),
                key_label(Ctx::Import, &Action::Open)
            ),
            width.saturating_sub(1)
        )
    );
    let style = theme.style(if focused { Role::Title } else { Role::Normal });
    put(buf, heading, &text, style);
    let selected = state.file_selected();
    let first = selected
        .saturating_sub(FILE_ROWS - 1)
        .min(state.files.len().saturating_sub(FILE_ROWS));
    let rows = Layout::vertical(vec![Constraint::Length(1); shown]).split(list);
    for ((i, path), row) in state.files.iter().enumerate().skip(first).zip(rows.iter()) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let line = format!(
            "  {} {}",
            pad_to_width(&truncate_to_width(&name, 36), 36),
            folder
        );
        let style = if focused && i == selected {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Normal)
        };
        put(buf, *row, &line, style);
    }
}

fn render_preview(app: &App, frame: &mut Frame, area: Rect, preview: &Preview) {
    let theme = app.theme;
    let plan = &preview.plan.0;
    let title = format!(
        "Xem trước: nhập {} (chưa ghi gì)",
        plan.kind.label().to_lowercase()
    );
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let [text_area, status_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let width = usize::from(inner.width);
    let rows = usize::from(text_area.height).max(1);
    let scroll = preview.scroll.min(preview.lines.len().saturating_sub(rows));
    let buf = frame.buffer_mut();
    let shown: Vec<Line> = preview
        .lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|(text, role)| {
            let text = if theme.ascii {
                text.replace('✗', "x")
            } else {
                text.clone()
            };
            Line::styled(truncate_to_width(&text, width), theme.style(*role))
        })
        .collect();
    Paragraph::new(shown).render(text_area, buf);
    let more = if preview.lines.len() > rows {
        format!(
            " (dòng {}–{}/{}, {} {} để cuộn)",
            scroll + 1,
            (scroll + rows).min(preview.lines.len()),
            preview.lines.len(),
            pair_label(Ctx::ImportPreview, &Action::Up, &Action::Down, ""),
            pair_label(Ctx::ImportPreview, &Action::PageUp, &Action::PageDown, " ")
        )
    } else {
        String::new()
    };
    let (status, role) = if plan.is_clean() {
        (
            format!(
                "{} Không có lỗi. {}: ghi vào sổ (một lần, trọn vẹn).{more}",
                theme.sym("✓", "v"),
                key_label(Ctx::ImportPreview, &Action::Save)
            ),
            Role::Good,
        )
    } else {
        (
            format!(
                "{} {} lỗi: không nhập được. {}{} để chọn lại tệp.{more}",
                theme.sym("✗", "x"),
                format_count(plan.problems.len() as u64),
                if plan.awaits_code_mapping() {
                    format!(
                        "{}: xác nhận ghép mã. ",
                        key_label(Ctx::ImportPreview, &Action::AcceptCodeMapping)
                    )
                } else {
                    String::new()
                },
                key_label(Ctx::ImportPreview, &Action::Back)
            ),
            Role::Error,
        )
    };
    put(buf, status_area, &status, theme.style(role));
}
