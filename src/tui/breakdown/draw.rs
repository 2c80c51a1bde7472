//! Drawing the breakdown: the box, a title naming the year and the GĐHT targets on every
//! basis, and the lines that fit from the scroll position.

use super::BreakdownState;
use super::lines::{gd_other_targets, gd_target, lines};
use crate::model::Basis;
use crate::text::format_percent;
use crate::tui::app::App;
use crate::tui::screens::boxed;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &BreakdownState) {
    let others = gd_other_targets(app);
    let mut target = gd_target(app)
        .map(|t| format!(" · MT GĐHT {}", format_percent(u32::from(t))))
        .unwrap_or_default();
    for (basis, t) in &others {
        let label = match basis {
            Basis::Registered => "ĐK",
            _ => "CN/ĐK",
        };
        target.push_str(&format!(", {label} {}", format_percent(u32::from(*t))));
    }
    // With targets on the other bases the title names them all; the legend says what
    // ĐK is.
    let title = if others.is_empty() {
        format!(
            "Năm {}: công nhận/tổng theo thôn, dòng họ · ĐK: đăng ký{target}",
            app.year
        )
    } else {
        format!("Năm {} theo thôn, dòng họ{target}", app.year)
    };
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let page = usize::from(inner.height);
    let all = lines(
        state,
        &app.tally,
        &app.community_names,
        gd_target(app),
        &others,
        app.theme,
    );
    let scroll = state.scroll.min(all.len().saturating_sub(page));
    let shown = all.iter().skip(scroll);
    let shown = shown.map(|(role, text)| (text, app.theme.style(*role)));
    frame.render_widget(CutLines(shown), inner);
}
