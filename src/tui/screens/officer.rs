//! "Who is working?": asked once when the app opens a register, so every change of the
//! session carries the officer's name (offices share one Windows account). Last
//! session's name is offered: Enter on an empty field takes it; Esc skips, and changes
//! then carry the account's name alone.

use super::boxed;
use crate::text::TextInput;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::form::{Field, FieldValue};
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::Role;
use crate::tui::widgets::field;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget, Wrap};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficerState {
    pub input: TextInput,
    /// The name given in the register's last session, taken by Enter on an empty field.
    pub last: Option<String>,
    /// The OS account, recorded alone when the question is skipped.
    pub account: String,
    pub error: Option<String>,
    /// The message line when the question opened (a register upgraded on opening,
    /// January's year): put back once it is answered, so the answer does not hide it.
    pub kept_message: Option<(String, Role)>,
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &OfficerState) {
    let theme = app.theme;
    let intro = "Gõ họ tên của anh/chị. Tên được ghi cùng mỗi thay đổi trong lần làm việc này \
                 (điểm, giai đoạn, quyết định), xem lại ở Lịch sử thay đổi: máy dùng chung một \
                 tài khoản nên tên tài khoản không cho biết ai đã sửa.";
    let top = Rect::new(area.x, area.y, area.width, 6.min(area.height));
    Paragraph::new(intro)
        .wrap(Wrap { trim: true })
        .block(boxed(app, "Ai đang làm việc?"))
        .render(top, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(2));
    let name = Field {
        label: "Họ tên cán bộ",
        value: FieldValue::Text(state.input.clone()),
        required: true,
        // Said in full on the line below: beside the field it would be cut.
        error: None,
        note: None,
    };
    let y = top.y + top.height + 1;
    let cursor = field::render(frame.buffer_mut(), theme, area.x + 1, y, width, &name, true);
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
    let below = Rect::new(
        area.x + 1,
        y + 2,
        area.width.saturating_sub(2),
        (area.y + area.height).saturating_sub(y + 2),
    );
    Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .render(below, frame.buffer_mut());
    if let Some(x) = cursor {
        frame.set_cursor_position((x, y));
    }
}
