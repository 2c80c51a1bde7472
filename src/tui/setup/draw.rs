//! The set-up screen: what it is for, where the register will be, the two fields and
//! the keys.

use super::state::SetupState;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, Key, key_label, label_preferring};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::field::{Findings, LABEL_WIDTH, VALUE_WIDTH, put};
use crate::tui::widgets::form::draw::{FormLook, FormView};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &SetupState) {
    let theme = app.theme;
    let intro = format!(
        "Chào mừng! Máy này chưa có sổ học tập. Nhập tên xã (phường, thị trấn) và tỉnh rồi bấm {} để tạo sổ.\n\nSổ sẽ được lưu tại: {}",
        key_label(Ctx::Setup, &Action::Save),
        app.path.display()
    );
    let [top, _, fields, _, help] = Layout::vertical([
        Constraint::Length(6),
        Constraint::Length(1),
        Constraint::Length(FormView::height(&state.form, LOOK)),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    Paragraph::new(intro)
        .wrap(Wrap { trim: true })
        .block(boxed(app, "Tạo sổ mới"))
        .render(top, frame.buffer_mut());
    let inside = Margin::new(1, 0);
    let cursor = FormView {
        form: &state.form,
        theme,
        look: LOOK,
    }
    .render(fields.inner(inside), frame.buffer_mut());
    let text = format!(
        "Ví dụ: «Xã Yên Mô», tỉnh «Ninh Bình». {} chuyển ô, {} tạo sổ, {} thoát.",
        label_preferring(Ctx::Setup, &Action::NextField, Key::Tab),
        key_label(Ctx::Setup, &Action::Save),
        key_label(Ctx::Setup, &Action::Back)
    );
    put(
        frame.buffer_mut(),
        help.inner(inside),
        &text,
        theme.style(Role::Muted),
    );
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

const LOOK: FormLook = FormLook {
    label_width: LABEL_WIDTH,
    value_width: VALUE_WIDTH,
    spacing: 2,
    findings: Findings::Beside,
};
