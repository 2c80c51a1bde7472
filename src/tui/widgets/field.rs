//! One form field on one line: the label, the value box (its visible window) and the
//! finding or note beside it, laid out with ratatui's `Layout`. Drawing returns where
//! the terminal cursor belongs, so the screen can put it there.

use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::keymap::{Ctx, pair_label};
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::form::{Field, FieldValue};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};
use ratatui::style::Modifier;

pub const LABEL_WIDTH: u16 = 23;
/// Wide enough for a full Vietnamese name ("Trường Tiểu học Nguyễn Văn Trỗi"); the
/// message beside the field keeps 21 columns ("✗ Không được để trống"), and the whole
/// message is on the form's bottom line when the field has the cursor.
pub const VALUE_WIDTH: u16 = 31;

/// The value of a field in its box: highlighted while focused, underlined otherwise.
pub struct ValueBox<'a> {
    pub field: &'a Field,
    pub focused: bool,
    pub theme: Theme,
}

impl ValueBox<'_> {
    /// Draws the box over `area` (one line); `Some(cursor)` when it is focused text.
    pub fn render(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let theme = self.theme;
        let width = usize::from(area.width);
        let style = if self.focused {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Normal).add_modifier(Modifier::UNDERLINED)
        };
        let (text, cursor) = match &self.field.value {
            // Away from the cursor a long value shows its start (the name as read), not
            // the window the cursor left at its end.
            FieldValue::Text(input) | FieldValue::Number(input) if !self.focused => {
                (truncate_to_width(input.value(), width), None)
            }
            // The last column stays free for the cursor after the last letter.
            FieldValue::Text(input) | FieldValue::Number(input) => {
                let (shown, cursor) = input.visible_window(width.saturating_sub(1));
                (shown, Some(cursor))
            }
            FieldValue::Choice { options, index } => {
                let label = options
                    .get(*index)
                    .map_or("(chưa có lựa chọn)", |(_, l)| l.as_str());
                let arrows = format!(
                    "{} {} {}",
                    theme.sym("◀", "<"),
                    truncate_to_width(label, width.saturating_sub(4)),
                    theme.sym("▶", ">")
                );
                (arrows, None)
            }
        };
        buf.set_stringn(
            area.x,
            area.y,
            pad_to_width(&truncate_to_width(&text, width), width),
            width,
            style,
        );
        let column = u16::try_from(cursor?).unwrap_or(0);
        Some(Position::new(area.x + column.min(area.width), area.y))
    }
}

/// Where a field's finding goes: beside the value, or on the line under the field
/// (forms whose values leave too little room beside them).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Findings {
    Beside,
    Below,
}

/// A field's line: "▶Label*", the value box, and the finding or note.
pub struct FieldLine<'a> {
    pub field: &'a Field,
    pub focused: bool,
    pub theme: Theme,
    pub label_width: u16,
    pub value_width: u16,
}

impl FieldLine<'_> {
    /// Draws the field on the first line of `area` (and its finding on the second with
    /// [`Findings::Below`]); `Some(cursor)` when it has the cursor and takes text.
    pub fn render(self, area: Rect, buf: &mut Buffer, findings: Findings) -> Option<Position> {
        let theme = self.theme;
        let [line, under] =
            Layout::vertical([Constraint::Length(1), Constraint::Fill(1)]).areas(area);
        let [label_area, value_area, _, beside] = Layout::horizontal([
            Constraint::Length(self.label_width),
            Constraint::Length(self.value_width),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(line);
        let marker = if self.focused {
            theme.sym("▶", ">")
        } else {
            " "
        };
        let star = if self.field.required { "*" } else { " " };
        let label_width = usize::from(self.label_width);
        let label = format!(
            "{marker}{}",
            pad_to_width(
                &format!(
                    "{}{star}",
                    truncate_to_width(self.field.label, label_width.saturating_sub(3))
                ),
                label_width.saturating_sub(1)
            )
        );
        let label_style = theme.style(if self.focused {
            Role::Title
        } else {
            Role::Normal
        });
        put(buf, label_area, &label, label_style);
        let cursor = ValueBox {
            field: self.field,
            focused: self.focused,
            theme,
        }
        .render(value_area, buf);
        let error = self
            .field
            .error
            .as_ref()
            .map(|e| format!("{} {e}", theme.sym("✗", "x")));
        match (findings, error) {
            (Findings::Below, Some(error)) => {
                let [_, text] =
                    Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(under);
                put(buf, text, &error, theme.style(Role::Error));
            }
            (Findings::Below, None) => {}
            (Findings::Beside, Some(error)) => put(buf, beside, &error, theme.style(Role::Error)),
            (Findings::Beside, None) => {
                if let Some(note) = &self.field.note {
                    put(buf, beside, note, theme.style(Role::Muted));
                } else if self.focused && matches!(self.field.value, FieldValue::Choice { .. }) {
                    // Every form binds the same arrows to a choice.
                    let hint = format!(
                        "{} để chọn",
                        pair_label(Ctx::Form, &Action::Left, &Action::Right, " ")
                    );
                    put(buf, beside, &hint, theme.style(Role::Muted));
                }
            }
        }
        cursor.filter(|_| self.focused)
    }
}

/// Writes `text` on the first line of `area`, cut at its width.
pub fn put(buf: &mut Buffer, area: Rect, text: &str, style: ratatui::style::Style) {
    if area.height == 0 || area.width == 0 {
        return;
    }
    let width = usize::from(area.width);
    buf.set_stringn(area.x, area.y, truncate_to_width(text, width), width, style);
}

/// Draws `field` on the first row of `area` with the app's usual label and value
/// widths; `Some(cursor column)` when it has the cursor and takes text. For a screen
/// with one field outside a form (the officer question); forms use [`FieldLine`]
/// through the form widget.
pub fn render(
    buf: &mut Buffer,
    theme: Theme,
    area: Rect,
    field: &Field,
    focused: bool,
) -> Option<u16> {
    let area = area.intersection(buf.area);
    FieldLine {
        field,
        focused,
        theme,
        label_width: LABEL_WIDTH,
        value_width: VALUE_WIDTH,
    }
    .render(area, buf, Findings::Beside)
    .map(|p| p.x)
}
