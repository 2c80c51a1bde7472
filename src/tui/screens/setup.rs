//! First run: no register yet. Asks for the commune and province and creates it.

use super::boxed;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, Key, key_label, label_preferring};
use crate::tui::theme::Role;
use crate::tui::widgets::field::{Findings, LABEL_WIDTH, VALUE_WIDTH, put};
use crate::tui::widgets::form::draw::{FormLook, FormView};
use crate::tui::widgets::form::{Field, Form};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::{Paragraph, Widget, Wrap};

/// The fields of the set-up form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Commune,
    Province,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupState {
    pub form: Form<SetupField>,
}

impl Default for SetupState {
    fn default() -> SetupState {
        SetupState {
            form: Form::new(
                vec![
                    (SetupField::Commune, Field::text("Tên xã, phường", "", true)),
                    (
                        SetupField::Province,
                        Field::text("Tỉnh, thành phố", "", false),
                    ),
                ],
                SetupField::Commune,
            ),
        }
    }
}

impl SetupState {
    /// Nothing typed yet: leaving loses nothing.
    pub fn is_empty(&self) -> bool {
        self.form
            .fields()
            .all(|(_, f)| f.input().is_none_or(|t| t.is_empty()))
    }
}

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
