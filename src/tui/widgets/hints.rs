//! The key-hint bar: the current context's commands from the one command table, as
//! many as fit, so what the bar promises is exactly what the keys do; on a console
//! wider than 80 columns, the keys kept for room follow.

use crate::text::width;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Role;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Widget;

/// The hints that fit whole, each its key and what it does, two spaces apart.
pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let theme = app.theme;
    let room = usize::from(area.width);
    let mut used = 0;
    let mut spans = Vec::new();
    let ctx = app.context();
    for (key, label) in keymap::hints(ctx)
        .into_iter()
        .chain(keymap::spare_hints(ctx))
    {
        let needed = width(&key) + 1 + width(label);
        if room - used < needed {
            break;
        }
        spans.extend([
            Span::styled(key, theme.style(Role::Key)),
            Span::raw(" "),
            Span::styled(label, theme.style(Role::Normal)),
            Span::raw("  "),
        ]);
        used += needed + 2;
        if used >= room {
            break;
        }
    }
    Line::from(spans).render(area, buf);
}
