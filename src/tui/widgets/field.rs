//! One form field on one line: label, the value (its visible window), and the error
//! or hint beside it. Returns where the terminal cursor belongs.

use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::form::{Field, FieldValue};
use crate::tui::keymap::{Ctx, pair_label};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;
use ratatui::style::Modifier;

pub const LABEL_WIDTH: usize = 23;
/// Wide enough for a full Vietnamese name ("Trường Tiểu học Nguyễn Văn Trỗi"); the
/// message beside the field keeps 21 columns ("✗ Không được để trống"), and the whole message is on the
/// form's bottom line when the field has the cursor.
pub const VALUE_WIDTH: usize = 31;

/// Draws `field` at (x, y) in `width` columns; `Some(cursor column)` when it has the
/// cursor and takes text.
pub fn render(
    buf: &mut Buffer,
    theme: Theme,
    x: u16,
    y: u16,
    width: usize,
    field: &Field,
    focused: bool,
) -> Option<u16> {
    let marker = if focused { theme.sym("▶", ">") } else { " " };
    let star = if field.required { "*" } else { " " };
    let label = format!(
        "{marker}{}",
        pad_to_width(
            &format!("{}{star}", truncate_to_width(field.label, LABEL_WIDTH - 3)),
            LABEL_WIDTH - 1
        )
    );
    let label_style = if focused {
        theme.style(Role::Title)
    } else {
        theme.style(Role::Normal)
    };
    buf.set_stringn(x, y, &label, width, label_style);
    let vx = x + LABEL_WIDTH as u16;
    let value_style = if focused {
        theme.style(Role::Selected)
    } else {
        theme.style(Role::Normal).add_modifier(Modifier::UNDERLINED)
    };
    let (text, cursor) = match &field.value {
        // Away from the cursor a long value shows its start (the name as read), not
        // the window the cursor left at its end.
        FieldValue::Text(input) | FieldValue::Number(input) if !focused => {
            (truncate_to_width(input.value(), VALUE_WIDTH), None)
        }
        FieldValue::Text(input) | FieldValue::Number(input) => {
            let (shown, cursor) = input.visible_window(VALUE_WIDTH);
            (shown, Some(cursor))
        }
        FieldValue::Choice { options, index } => {
            let label = options
                .get(*index)
                .map_or("(chưa có lựa chọn)", |(_, l)| l.as_str());
            let arrows = format!(
                "{} {} {}",
                theme.sym("◀", "<"),
                truncate_to_width(label, VALUE_WIDTH - 4),
                theme.sym("▶", ">")
            );
            (arrows, None)
        }
    };
    buf.set_stringn(
        vx,
        y,
        pad_to_width(&text, VALUE_WIDTH),
        VALUE_WIDTH,
        value_style,
    );
    let note_x = vx + VALUE_WIDTH as u16 + 1;
    let note_width = width.saturating_sub(LABEL_WIDTH + VALUE_WIDTH + 1);
    if let Some(error) = &field.error {
        let text = format!("{} {error}", theme.sym("✗", "x"));
        buf.set_stringn(
            note_x,
            y,
            truncate_to_width(&text, note_width),
            note_width,
            theme.style(Role::Error),
        );
    } else if let Some(note) = &field.note {
        buf.set_stringn(
            note_x,
            y,
            truncate_to_width(note, note_width),
            note_width,
            theme.style(Role::Muted),
        );
    } else if focused && matches!(field.value, FieldValue::Choice { .. }) {
        buf.set_stringn(
            note_x,
            y,
            // Forms and the setup screen bind the same arrows to a choice.
            format!(
                "{} để chọn",
                pair_label(Ctx::Form, &Action::Left, &Action::Right, " ")
            ),
            note_width,
            theme.style(Role::Muted),
        );
    }
    match (focused, cursor) {
        (true, Some(c)) => Some(vx + u16::try_from(c).unwrap_or(0)),
        _ => None,
    }
}
