//! The household picker over a citizen form: the search line, the matching households
//! (code, name, thôn) with the chosen one marked, and how many match.

use super::PickerState;
use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::{Clear, Widget};

pub fn render(app: &App, frame: &mut Frame, body: Rect, state: &PickerState) {
    let theme = app.theme;
    let area = body.inner(Margin::new(2, 1));
    frame.render_widget(Clear, area);
    let block = boxed(app, "Chọn hộ (hoặc cơ quan) cho công dân");
    let inner = block.inner(area);
    block.render(area, frame.buffer_mut());
    let [search_row, list, _, count_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let width = usize::from(inner.width);
    let label = "Tìm (tên, mã hoặc thôn): ";
    let (shown, cursor) = state.query.visible_window(width.saturating_sub(26));
    let search = [(format!("{label}{shown}"), theme.style(Role::Title))];
    frame.render_widget(CutLines(search), search_row);
    let rows = usize::from(list.height);
    let first = state.selected.saturating_sub(rows.saturating_sub(1));
    let lines = state.shown.iter().skip(first).take(rows).enumerate();
    let lines = lines.filter_map(|(line, &i)| {
        let row = state.rows.get(i)?;
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
        // Padded, so the chosen row's highlight spans the box.
        let text = pad_to_width(&truncate_to_width(&text, width), width);
        Some((text, theme.style(role)))
    });
    frame.render_widget(CutLines(lines), list);
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
    frame.render_widget(CutLines([(count, theme.style(Role::Muted))]), count_row);
    let label = u16::try_from(crate::text::width(label)).unwrap_or(0);
    let [_, field] =
        Layout::horizontal([Constraint::Length(label), Constraint::Fill(1)]).areas(search_row);
    let column = u16::try_from(cursor).unwrap_or(0);
    frame.set_cursor_position((field.x + column, field.y));
}
