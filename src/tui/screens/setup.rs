//! First run: no register yet. Asks for the commune and province and creates it.

use super::boxed;
use crate::text::{TextInput, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::form::{Field, FieldValue};
use crate::tui::keymap::{Ctx, Key, key_label, label_preferring};
use crate::tui::theme::Role;
use crate::tui::widgets::field;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Paragraph, Widget, Wrap};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct SetupState {
    pub commune: TextInput,
    pub province: TextInput,
    /// 0: commune, 1: province.
    pub focus: usize,
    pub error: Option<String>,
}

impl SetupState {
    pub fn focused_mut(&mut self) -> &mut TextInput {
        if self.focus == 0 {
            &mut self.commune
        } else {
            &mut self.province
        }
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &SetupState) {
    let theme = app.theme;
    let intro = format!(
        "Chào mừng! Máy này chưa có sổ học tập. Nhập tên xã (phường, thị trấn) và tỉnh rồi bấm {} để tạo sổ.\n\nSổ sẽ được lưu tại: {}",
        key_label(Ctx::Setup, &Action::Save),
        app.path.display()
    );
    let top = Rect::new(area.x, area.y, area.width, 6.min(area.height));
    Paragraph::new(intro)
        .wrap(Wrap { trim: true })
        .block(boxed(app, "Tạo sổ mới"))
        .render(top, frame.buffer_mut());
    let fields = [
        Field {
            label: "Tên xã, phường",
            value: FieldValue::Text(state.commune.clone()),
            required: true,
            error: state.error.clone(),
            note: None,
        },
        Field {
            label: "Tỉnh, thành phố",
            value: FieldValue::Text(state.province.clone()),
            required: false,
            error: None,
            note: None,
        },
    ];
    let width = usize::from(area.width.saturating_sub(2));
    let mut cursor = None;
    for (i, f) in fields.iter().enumerate() {
        let y = top.y + top.height + 1 + 2 * i as u16;
        if let Some(x) = field::render(
            frame.buffer_mut(),
            theme,
            area.x + 1,
            y,
            width,
            f,
            i == state.focus,
        ) {
            cursor = Some((x, y));
        }
    }
    let help_y = top.y + top.height + 6;
    let help = format!(
        "Ví dụ: «Xã Yên Mô», tỉnh «Ninh Bình». {} chuyển ô, {} tạo sổ, {} thoát.",
        label_preferring(Ctx::Setup, &Action::NextField, Key::Tab),
        key_label(Ctx::Setup, &Action::Save),
        key_label(Ctx::Setup, &Action::Back)
    );
    frame.buffer_mut().set_stringn(
        area.x + 1,
        help_y,
        truncate_to_width(&help, width),
        width,
        theme.style(Role::Muted),
    );
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}
