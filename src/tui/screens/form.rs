//! The add/edit form: one line per field, messages beside the fields, and what the
//! save key does.

use super::boxed;
use crate::text::truncate_to_width;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::form::FormState;
use crate::tui::keymap::{Ctx, Key, key_label, keys_joined, label_preferring};
use crate::tui::theme::Role;
use crate::tui::widgets::field;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &FormState) {
    let theme = app.theme;
    let title = match &state.editing {
        Some((_, unit)) => format!("Sửa {} {}", unit.kind().label().to_lowercase(), unit.code()),
        None => format!("Thêm {}", state.kind.label().to_lowercase()),
    };
    let height = (state.fields.len() as u16 * 2 + 3).min(area.height);
    let block_area = Rect::new(area.x, area.y, area.width, height);
    boxed(app, &title).render(block_area, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(4));
    let mut cursor = None;
    for (i, f) in state.fields.iter().enumerate() {
        let y = area.y + 1 + 2 * i as u16;
        if y + 1 >= block_area.y + block_area.height {
            break;
        }
        if let Some(x) = field::render(
            frame.buffer_mut(),
            theme,
            area.x + 2,
            y,
            width,
            f,
            i == state.focus,
        ) {
            cursor = Some((x, y));
        }
    }
    let note_y = block_area.y + block_area.height.saturating_sub(2);
    let focused_error = state
        .focused()
        .and_then(|f| f.error.as_ref().map(|e| format!("✗ {}: {e}", f.label)));
    // The citizen's household field: the list it can be picked from, by its key.
    let pick = (state.kind == crate::model::UnitKind::Citizen
        && state.focus == FormState::AFFILIATION)
        .then(|| {
            format!(
                "{}: chọn hộ trong danh sách (gõ tên, mã hoặc thôn để lọc); hoặc gõ mã hộ.",
                key_label(Ctx::Form, &Action::Pick)
            )
        });
    let note = if let Some(error) = &focused_error {
        error.as_str()
    } else if let Some(pick) = &pick {
        pick.as_str()
    } else if state.changed {
        &format!(
            "* bắt buộc. Có thay đổi chưa lưu: {} để lưu ({} hỏi trước khi bỏ).",
            key_label(Ctx::Form, &Action::Save),
            key_label(Ctx::Form, &Action::Back)
        )
    } else {
        &format!(
            "* bắt buộc. {} sang ô sau, {} về ô trước, {} lưu, {} quay lại.",
            keys_joined(Ctx::Form, &Action::NextField, 2, "/"),
            // The arrow, not Shift+Tab: the shorter of the two ways back.
            label_preferring(Ctx::Form, &Action::PrevField, Key::Up),
            key_label(Ctx::Form, &Action::Save),
            key_label(Ctx::Form, &Action::Back)
        )
    };
    let role = if focused_error.is_some() {
        Role::Error
    } else if pick.is_some() {
        Role::Normal
    } else if state.changed {
        Role::Warning
    } else {
        Role::Muted
    };
    frame.buffer_mut().set_stringn(
        area.x + 2,
        note_y,
        truncate_to_width(note, width),
        width,
        theme.style(role),
    );
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}
