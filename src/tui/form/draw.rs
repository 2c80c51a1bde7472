//! The add/edit form: one line per field, messages beside the fields, and what the
//! save key does.

use super::state::{FormState, UnitField};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, Key, key_label, keys_joined, label_preferring};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::field::{Findings, LABEL_WIDTH, VALUE_WIDTH, put};
use crate::tui::widgets::form::draw::{FormLook, FormView};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::Widget;

const LOOK: FormLook = FormLook {
    label_width: LABEL_WIDTH,
    value_width: VALUE_WIDTH,
    spacing: 2,
    findings: Findings::Beside,
};

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &FormState) {
    let theme = app.theme;
    let title = match &state.editing {
        Some((_, unit)) => format!("Sửa {} {}", unit.kind().label().to_lowercase(), unit.code()),
        None => format!("Thêm {}", state.kind.label().to_lowercase()),
    };
    // The box fits the fields, the blank line under the last one and the note line;
    // a long form on a short terminal scrolls inside it.
    let fields_height = FormView::height(&state.form, LOOK);
    let [block_area] = Layout::vertical([Constraint::Length(fields_height + 3)]).areas(area);
    let block = boxed(app, &title);
    let inner = block.inner(block_area).inner(Margin::new(1, 0));
    block.render(block_area, frame.buffer_mut());
    let [fields, note_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let cursor = FormView {
        form: &state.form,
        theme,
        look: LOOK,
    }
    .render(fields, frame.buffer_mut());
    let focused_error = state
        .form
        .focused()
        .and_then(|f| f.error.as_ref().map(|e| format!("✗ {}: {e}", f.label)));
    // The citizen's household field: the list it can be picked from, by its key.
    let pick = (state.kind == crate::model::UnitKind::Citizen
        && state.form.focus() == UnitField::Affiliation)
        .then(|| {
            format!(
                "{}: chọn hộ trong danh sách (gõ tên, mã hoặc thôn để lọc); hoặc gõ mã hộ.",
                key_label(Ctx::Form, &Action::Pick)
            )
        });
    let (note, role) = if let Some(error) = focused_error {
        (error, Role::Error)
    } else if let Some(pick) = pick {
        (pick, Role::Normal)
    } else if state.form.changed {
        (
            format!(
                "* bắt buộc. Có thay đổi chưa lưu: {} để lưu ({} hỏi trước khi bỏ).",
                key_label(Ctx::Form, &Action::Save),
                key_label(Ctx::Form, &Action::Back)
            ),
            Role::Warning,
        )
    } else {
        (
            format!(
                "* bắt buộc. {} sang ô sau, {} về ô trước, {} lưu, {} quay lại.",
                keys_joined(Ctx::Form, &Action::NextField, 2, "/"),
                // The arrow, not Shift+Tab: the shorter of the two ways back.
                label_preferring(Ctx::Form, &Action::PrevField, Key::Up),
                key_label(Ctx::Form, &Action::Save),
                key_label(Ctx::Form, &Action::Back)
            ),
            Role::Muted,
        )
    };
    put(frame.buffer_mut(), note_area, &note, theme.style(role));
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}
