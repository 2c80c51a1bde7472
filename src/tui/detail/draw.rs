//! Drawing a unit's detail: its facts in one box, its years in the box below.

use super::DetailState;
use crate::model::Title;
use crate::text::pad_to_width;
use crate::text::safe::escape;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::Widget;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &DetailState) {
    let theme = app.theme;
    let facts_height = state.facts.len() as u16 + 2;
    let [top, rest] =
        Layout::vertical([Constraint::Length(facts_height), Constraint::Fill(1)]).areas(area);
    let display = state.unit.display_name();
    let name = escape(&display);
    let block = boxed(app, &name);
    let facts_area = block.inner(top).inner(Margin::new(1, 0));
    block.render(top, frame.buffer_mut());
    let facts = state.facts.iter().map(|(label, value)| {
        let line = format!("{} {}", pad_to_width(label, 18), escape(value));
        (line, theme.style(Role::Normal))
    });
    frame.render_widget(CutLines(facts), facts_area);
    let title = Title::for_kind(state.unit.kind());
    let heading = format!(
        "{} theo năm · {} chấm điểm năm {} · {} lịch sử",
        title.name(),
        key_label(Ctx::Detail, &Action::Open),
        app.year,
        key_label(Ctx::Detail, &Action::ShowHistory)
    );
    let block = boxed(app, &heading);
    let years_area = block.inner(rest).inner(Margin::new(1, 0));
    block.render(rest, frame.buffer_mut());
    let years = state.years.iter().map(|line| {
        let text = match &line.stage {
            None => format!("{}  {} Chưa đăng ký", line.year, theme.sym("·", ".")),
            Some(stage) => {
                let total = line
                    .total
                    .map_or("không rõ bộ tiêu chí".to_string(), |(t, max)| {
                        format!("{t}/{max} điểm")
                    });
                let verdict = if !line.complete {
                    format!("{} chưa chấm đủ", theme.sym("○", "o"))
                } else if line.passed {
                    format!("{} đạt", theme.sym("✓", "+"))
                } else {
                    format!("{} chưa đạt", theme.sym("✗", "x"))
                };
                let decision = line.decision.clone().unwrap_or_default();
                // Kỹ năng số, before the decision, which may be cut at the edge.
                let skills = line
                    .skills
                    .map(|s| format!("KNS {}  ", s.label()))
                    .unwrap_or_default();
                format!(
                    "{}  {}  {total}  {verdict}  {skills}{decision}",
                    line.year,
                    pad_to_width(stage, 16)
                )
            }
        };
        let role = if line.year == app.year {
            Role::Title
        } else {
            Role::Normal
        };
        (text, theme.style(role))
    });
    frame.render_widget(CutLines(years), years_area);
}
