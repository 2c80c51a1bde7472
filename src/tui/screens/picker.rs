//! The household picker over a citizen form: the search line, the matching households
//! (code, name, thôn) with the chosen one marked, and how many match.

use super::boxed;
use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::picker::PickerState;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Clear, Widget};

pub fn render(app: &App, frame: &mut Frame, body: Rect, state: &PickerState) {
    let theme = app.theme;
    let area = Rect::new(
        body.x + 2,
        body.y + 1,
        body.width.saturating_sub(4),
        body.height.saturating_sub(2),
    );
    frame.render_widget(Clear, area);
    boxed(app, "Chọn hộ (hoặc cơ quan) cho công dân").render(area, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(2));
    let x = area.x + 1;
    let (shown, cursor) = state.query.visible_window(width.saturating_sub(26));
    let search = format!("Tìm (tên, mã hoặc thôn): {shown}");
    let buf = frame.buffer_mut();
    buf.set_stringn(x, area.y + 1, &search, width, theme.style(Role::Title));
    let rows = usize::from(area.height.saturating_sub(5));
    let first = state.selected.saturating_sub(rows.saturating_sub(1));
    for (line, &i) in state.shown.iter().skip(first).take(rows).enumerate() {
        let Some(row) = state.rows.get(i) else {
            continue;
        };
        let selected = first + line == state.selected;
        let marker = if selected { theme.sym("▶", ">") } else { " " };
        let text = format!(
            "{marker}{} {} {}",
            pad_to_width(&truncate_to_width(&row.code, 10), 10),
            pad_to_width(&truncate_to_width(&row.name, 32), 32),
            row.place
        );
        let role = if selected {
            Role::Selected
        } else {
            Role::Normal
        };
        buf.set_stringn(
            x,
            area.y + 2 + line as u16,
            pad_to_width(&truncate_to_width(&text, width), width),
            width,
            theme.style(role),
        );
    }
    let count = if state.shown.is_empty() {
        format!(
            "Không có hộ nào khớp. Xóa bớt chữ đã gõ ({}).",
            key_label(Ctx::Picker, &Action::Backspace)
        )
    } else {
        let key = |action: &Action| key_label(Ctx::Picker, action);
        format!(
            "{}/{} khớp. {}{} chọn, {} ghi mã vào phiếu, {} quay lại.",
            crate::text::format_count((state.selected + 1) as u64),
            crate::text::format_count(state.shown.len() as u64),
            key(&Action::Up),
            key(&Action::Down),
            key(&Action::Open),
            key(&Action::Back),
        )
    };
    buf.set_stringn(
        x,
        area.y + area.height.saturating_sub(2),
        truncate_to_width(&count, width),
        width,
        theme.style(Role::Muted),
    );
    let column = x + crate::text::width("Tìm (tên, mã hoặc thôn): ") as u16 + cursor as u16;
    frame.set_cursor_position((column, area.y + 1));
}
