//! Drawing the merge screen: the path field and what merging does, or the preview
//! with the key that merges.

use super::{MergePreview, MergeState};
use crate::report::text::layout::wrap;
use crate::text::pad_to_width;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, pair_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::Widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &MergeState) {
    match &state.preview {
        Some(preview) => render_preview(app, frame, area, preview),
        None => render_choose(app, frame, area, state),
    }
}

fn render_choose(app: &App, frame: &mut Frame, area: Rect, state: &MergeState) {
    let theme = app.theme;
    let block = boxed(app, "Gộp sổ của xã cũ (sau sáp nhập) vào sổ này");
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let [field_row, _, notes_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let label_width = 18;
    let [label_area, value_area] =
        Layout::horizontal([Constraint::Length(label_width), Constraint::Fill(1)]).areas(field_row);
    let width = usize::from(inner.width);
    let label = format!(
        "{}{}",
        theme.sym("▶", ">"),
        pad_to_width("Sổ của xã cũ", usize::from(label_width) - 1)
    );
    frame.render_widget(CutLines([(label, theme.style(Role::Title))]), label_area);
    let field_width = usize::from(value_area.width);
    let (shown, cursor) = state.path.visible_window(field_width);
    let value = pad_to_width(&shown, field_width);
    frame.render_widget(CutLines([(value, theme.style(Role::Selected))]), value_area);
    let cursor_at = (
        value_area.x + u16::try_from(cursor).unwrap_or(0),
        value_area.y,
    );
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
    let notes = notes
        .into_iter()
        .map(|(text, role)| (text, theme.style(role)));
    frame.render_widget(CutLines(notes), notes_area);
    frame.set_cursor_position(cursor_at);
}

fn render_preview(app: &App, frame: &mut Frame, area: Rect, preview: &MergePreview) {
    let theme = app.theme;
    let title = format!(
        "Xem trước: gộp sổ của {} (chưa ghi gì)",
        preview.plan.0.origin.name
    );
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let [text_area, status_row] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let rows = usize::from(text_area.height).max(1);
    let scroll = preview.scroll.min(preview.lines.len().saturating_sub(rows));
    let lines = preview.lines.iter().skip(scroll);
    let lines = lines.map(|(text, role)| (text, theme.style(*role)));
    frame.render_widget(CutLines(lines), text_area);
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
    frame.render_widget(CutLines([(status, theme.style(Role::Good))]), status_row);
}
