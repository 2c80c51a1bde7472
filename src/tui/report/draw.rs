//! Drawing the Report screen: the options line, the report's lines with page breaks
//! as a rule, and the save notice under them.

use super::state::NOTICE_ROWS;
use super::{Line, ReportState};
use crate::text::to_ascii;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line as TextLine, Span};
pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &ReportState) {
    let theme = app.theme;
    let width = usize::from(area.width);
    let plain = theme.ascii || state.ascii;
    let say = |s: &str| if plain { to_ascii(s) } else { s.to_string() };
    let check = |on: bool| {
        if on {
            theme.sym("☑", "[x]")
        } else {
            theme.sym("☐", "[ ]")
        }
    };
    let notice_rows = if state.notice.is_some() {
        NOTICE_ROWS as u16
    } else {
        0
    };
    let [options_row, text_area, notice_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(notice_rows),
    ])
    .areas(area);
    let text_rows = usize::from(text_area.height);
    let scroll = state
        .scroll
        .min(state.lines.len().saturating_sub(text_rows));
    let shown_to = (scroll + text_rows).min(state.lines.len());
    let options = TextLine::from(vec![
        Span::styled(
            key_label(Ctx::Report, &Action::ToggleList),
            theme.style(Role::Key),
        ),
        Span::raw(format!(" {} {}  ", say("Kèm danh sách"), check(state.list))),
        Span::styled(
            key_label(Ctx::Report, &Action::ToggleAscii),
            theme.style(Role::Key),
        ),
        Span::raw(format!(" {} {}  ", say("Không dấu"), check(state.ascii))),
        Span::styled(
            say(&format!(
                "Dòng {}–{}/{} · {} trang A4",
                scroll + 1,
                shown_to,
                state.lines.len(),
                state.pages()
            )),
            theme.style(Role::Muted),
        ),
    ]);
    frame.render_widget(options, options_row);
    let lines = state.lines.iter().skip(scroll).map(|line| match line {
        Line::Text(text) => (text.clone(), theme.style(Role::Normal)),
        Line::PageBreak(page) => {
            let label = say(&format!(" ngắt trang · trang {page} sang tờ mới "));
            let dash = theme.sym("╌", "-");
            let left = width.saturating_sub(crate::text::width(&label)) / 2;
            let right = width.saturating_sub(left + crate::text::width(&label));
            let rule = format!("{}{label}{}", dash.repeat(left), dash.repeat(right));
            (rule, theme.style(Role::Muted))
        }
    });
    frame.render_widget(CutLines(lines), text_area);
    if let Some((notice, role)) = &state.notice {
        let wrapped = crate::report::text::layout::wrap(notice, width, "", "  ");
        let styled = wrapped.into_iter().map(|text| (text, theme.style(*role)));
        frame.render_widget(CutLines(styled), notice_area);
    }
}
