//! Drawing the history: its lines in a box, entry headings marked, from the scrolled
//! line on.

use super::HistoryState;
use crate::tui::app::App;
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &HistoryState) {
    let block = boxed(app, &state.heading);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    if state.lines.is_empty() {
        let none = [("Chưa có thay đổi nào.", app.theme.style(Role::Muted))];
        frame.render_widget(CutLines(none), inner);
        return;
    }
    let page = usize::from(inner.height);
    let scroll = state.scroll.min(state.lines.len().saturating_sub(page));
    let lines = state.lines.iter().skip(scroll).map(|(heading, text)| {
        let role = if *heading { Role::Title } else { Role::Normal };
        (text, app.theme.style(role))
    });
    frame.render_widget(CutLines(lines), inner);
}
