//! Drawing the officer question: the reason in a box, the name field, then what Enter
//! and Esc do, laid out top to bottom.

use super::OfficerState;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::form::{Field, FieldValue};
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::field;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &OfficerState) {
    let theme = app.theme;
    let intro = "Gõ họ tên của anh/chị. Tên được ghi cùng mỗi thay đổi trong lần làm việc này \
                 (điểm, giai đoạn, quyết định), xem lại ở Lịch sử thay đổi: máy dùng chung một \
                 tài khoản nên tên tài khoản không cho biết ai đã sửa.";
    let [top, _, name_row, _, below] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ])
    .areas(area);
    let name_row = name_row.inner(Margin::new(1, 0));
    Paragraph::new(intro)
        .wrap(Wrap { trim: true })
        .block(boxed(app, "Ai đang làm việc?"))
        .render(top, frame.buffer_mut());
    let name = Field {
        label: "Họ tên cán bộ",
        value: FieldValue::Text(state.input.clone()),
        required: true,
        // Said in full on the line below: beside the field it would be cut.
        error: None,
        note: None,
    };
    let cursor = field::render(frame.buffer_mut(), theme, name_row, &name, true);
    let accept = key_label(Ctx::Officer, &Action::Save);
    let skip = key_label(Ctx::Officer, &Action::Back);
    let mut lines = Vec::new();
    if let Some(error) = &state.error {
        lines.push((format!("✗ {error}"), Role::Error));
    }
    match &state.last {
        Some(last) => lines.push((
            format!("Lần trước: {last}. Bấm {accept} để dùng tên này, hoặc gõ tên khác."),
            Role::Normal,
        )),
        None => lines.push((format!("Gõ xong bấm {accept}."), Role::Normal)),
    }
    let account = if state.account.starts_with('(') {
        state.account.clone()
    } else {
        format!("({})", state.account)
    };
    lines.push((
        format!("{skip}: bỏ qua, chỉ ghi tên tài khoản máy {account}."),
        Role::Muted,
    ));
    // Wrapped: a long name from last time must not cut the key off the line.
    let text: Vec<Line> = lines
        .into_iter()
        .map(|(text, role)| Line::styled(text, theme.style(role)))
        .collect();
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(below.inner(Margin::new(1, 0)), frame.buffer_mut());
    if let Some(x) = cursor {
        frame.set_cursor_position((x, name_row.y));
    }
}
