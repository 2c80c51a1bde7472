//! The key-hint bar: the current context's commands from the one command table, as
//! many as fit, so what the bar promises is exactly what the keys do.

use crate::text::width;
use crate::tui::app::App;
use crate::tui::keymap;
use crate::tui::theme::Role;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;

pub fn render(app: &App, buf: &mut Buffer, area: Rect) {
    let theme = app.theme;
    let mut x = area.x;
    let end = area.x + area.width;
    for (key, label) in keymap::hints(app.context()) {
        let needed = width(&key) + 1 + width(label);
        if usize::from(end - x) < needed {
            break;
        }
        let (nx, _) = buf.set_stringn(x, area.y, &key, needed, theme.style(Role::Key));
        let (nx, _) = buf.set_stringn(
            nx + 1,
            area.y,
            label,
            usize::from(end - nx - 1),
            theme.style(Role::Normal),
        );
        x = nx + 2;
        if x >= end {
            break;
        }
    }
}
