//! Drawing a [`Form`]: one field per line (two with a blank or finding line under
//! each), in the form's order, scrolled so the focused field is always on screen (a
//! long form at 80×23 shows the fields around the cursor and says how many are
//! above and below).

use super::Form;
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::field::{FieldLine, Findings, put};
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Position, Rect};

/// How a form lays its fields out.
#[derive(Debug, Clone, Copy)]
pub struct FormLook {
    pub label_width: u16,
    pub value_width: u16,
    /// Lines per field: 1, or 2 for a blank (or finding) line under each.
    pub spacing: u16,
    pub findings: Findings,
}

pub struct FormView<'a, F> {
    pub form: &'a Form<F>,
    pub theme: Theme,
    pub look: FormLook,
}

impl<F: Copy + Eq> FormView<'_, F> {
    /// Lines the whole form takes without scrolling.
    pub fn height(form: &Form<F>, look: FormLook) -> u16 {
        u16::try_from(form.len())
            .unwrap_or(u16::MAX)
            .saturating_mul(look.spacing.max(1))
    }

    /// Draws the fields that fit in `area`; `Some(cursor)` when the focused field takes
    /// text.
    pub fn render(self, area: Rect, buf: &mut Buffer) -> Option<Position> {
        let spacing = self.look.spacing.max(1);
        let rows = usize::from(area.height / spacing);
        if rows == 0 {
            return None;
        }
        let total = self.form.len();
        let focus = self.form.focus_index();
        let first = (focus + 1).saturating_sub(rows);
        let hidden_above = first;
        let hidden_below = total.saturating_sub(first + rows);
        let slots = Layout::vertical(vec![Constraint::Length(spacing); rows]).split(area);
        let mut cursor = None;
        for ((key, field), slot) in self.form.fields().skip(first).zip(slots.iter()) {
            let focused = key == self.form.focus();
            let at = FieldLine {
                field,
                focused,
                theme: self.theme,
                label_width: self.look.label_width,
                value_width: self.look.value_width,
            }
            .render(*slot, buf, self.look.findings);
            if focused {
                cursor = at;
            }
        }
        // The blank line under the first and last field shown says what is out of
        // sight (forms with their findings below use that line for them).
        if spacing > 1 && self.look.findings == Findings::Beside {
            let style = self.theme.style(Role::Muted);
            let under = |slot: &Rect| {
                let [_, line] =
                    Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(*slot);
                line
            };
            if hidden_above > 0
                && let Some(first) = slots.first()
            {
                put(
                    buf,
                    under(first),
                    &format!("  (còn {hidden_above} ô ở trên)"),
                    style,
                );
            }
            if hidden_below > 0
                && let Some(last) = slots.last()
            {
                put(
                    buf,
                    under(last),
                    &format!("  (còn {hidden_below} ô ở dưới)"),
                    style,
                );
            }
        }
        cursor
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tui::widgets::form::Field;

    fn rows(buf: &Buffer) -> Vec<String> {
        (0..buf.area.height)
            .map(|y| {
                (0..buf.area.width)
                    .map(|x| buf[(x, y)].symbol().to_string())
                    .collect::<String>()
                    .trim_end()
                    .to_string()
            })
            .collect()
    }

    /// A form taller than its area shows the focused field and says what is hidden.
    #[test]
    fn a_long_form_scrolls_to_the_focused_field() {
        let labels = ["Một", "Hai", "Ba", "Bốn", "Năm", "Sáu"];
        let fields = labels
            .iter()
            .enumerate()
            .map(|(i, l)| (i, Field::text(l, "", false)))
            .collect();
        let mut form = Form::new(fields, 0);
        let look = FormLook {
            label_width: 10,
            value_width: 10,
            spacing: 2,
            findings: Findings::Beside,
        };
        let area = Rect::new(0, 0, 40, 6);
        let draw = |form: &Form<usize>| {
            let mut buf = Buffer::empty(area);
            let cursor = FormView {
                form,
                theme: Theme::new(false, false),
                look,
            }
            .render(area, &mut buf);
            (rows(&buf), cursor)
        };
        let (shown, cursor) = draw(&form);
        assert_eq!(shown[0].trim_start_matches(['▶', '>']), "Một");
        assert_eq!(shown[5], "  (còn 3 ô ở dưới)");
        assert_eq!(cursor, Some(Position::new(10, 0)));
        for _ in 0..4 {
            form.next();
        }
        let (shown, cursor) = draw(&form);
        assert!(shown[4].contains("Năm"), "{shown:?}");
        assert_eq!(shown[1], "  (còn 2 ô ở trên)");
        assert_eq!(shown[5], "  (còn 1 ô ở dưới)");
        assert_eq!(cursor, Some(Position::new(10, 4)));
    }
}
