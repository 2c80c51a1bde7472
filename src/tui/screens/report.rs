//! The Report screen: the printed summary exactly as `sohoctap report` writes it, one
//! report line per screen line (the report is at most 80 columns, so no border), with
//! the options on the top line and page breaks drawn as a separator line instead of
//! the raw form feed.

use crate::report::ReportData;
use crate::report::text::{TextOptions, render as render_text};
use crate::text::{to_ascii, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::Role;
use chrono::NaiveDate;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line as TextLine, Span};

/// The form feed `report::text` puts between pages.
const FORM_FEED: char = '\u{c}';

/// One line of the preview.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Text(String),
    /// Where the printer starts a new page; the number of the page that follows.
    PageBreak(usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReportState {
    /// `--list`: the recognised units by community.
    pub list: bool,
    /// `--ascii`: without diacritics.
    pub ascii: bool,
    /// The date printed on the report and in the saved file's name.
    pub today: NaiveDate,
    /// The whole report, byte for byte what `sohoctap report` prints.
    pub text: String,
    pub lines: Vec<Line>,
    /// First line on screen.
    pub scroll: usize,
    /// What the last save did (the full path, or why it failed), shown under the text.
    pub notice: Option<(String, Role)>,
}

impl ReportState {
    /// The report of `data` with these options.
    pub fn new(data: &ReportData, list: bool, ascii: bool, today: NaiveDate) -> ReportState {
        let text = render_text(data, &TextOptions { today, ascii, list });
        ReportState {
            list,
            ascii,
            today,
            lines: preview_lines(&text),
            text,
            scroll: 0,
            notice: None,
        }
    }

    /// How many pages the printed report has.
    pub fn pages(&self) -> usize {
        1 + self
            .lines
            .iter()
            .filter(|l| matches!(l, Line::PageBreak(_)))
            .count()
    }

    /// Lines of report text on screen for a terminal whose list page is `page_rows`
    /// (see `app::page_rows_for`): the body minus the options line and the notice.
    pub fn text_rows(&self, page_rows: usize) -> usize {
        let notice = if self.notice.is_some() {
            NOTICE_ROWS
        } else {
            0
        };
        (page_rows + 2).saturating_sub(notice).max(1)
    }

    /// The largest useful scroll position at that size.
    pub fn max_scroll(&self, page_rows: usize) -> usize {
        self.lines.len().saturating_sub(self.text_rows(page_rows))
    }
}

/// The report split into screen lines; each form feed becomes a page-break line.
pub fn preview_lines(text: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut page = 1;
    let body = text.strip_suffix('\n').unwrap_or(text);
    for raw in body.split('\n') {
        let parts: Vec<&str> = raw.split(FORM_FEED).collect();
        let last = parts.len() - 1;
        for (i, part) in parts.into_iter().enumerate() {
            if i > 0 {
                page += 1;
                lines.push(Line::PageBreak(page));
            }
            // A form feed starts the next page's first line; the text after it (even
            // empty) is that line, the empty text before it is nothing.
            if !part.is_empty() || (i == last && (i > 0 || last == 0)) {
                lines.push(Line::Text(part.to_string()));
            }
        }
    }
    lines
}

/// Rows the save notice takes under the text (the path may be long).
const NOTICE_ROWS: usize = 2;

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
    let text_rows =
        usize::from(area.height.saturating_sub(1)).saturating_sub(if state.notice.is_some() {
            NOTICE_ROWS
        } else {
            0
        });
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
    let buf = frame.buffer_mut();
    buf.set_line(area.x, area.y, &options, area.width);
    for (i, line) in state.lines.iter().skip(scroll).take(text_rows).enumerate() {
        let y = area.y + 1 + i as u16;
        match line {
            Line::Text(text) => {
                buf.set_stringn(
                    area.x,
                    y,
                    truncate_to_width(text, width),
                    width,
                    theme.style(Role::Normal),
                );
            }
            Line::PageBreak(page) => {
                let label = say(&format!(" ngắt trang · trang {page} sang tờ mới "));
                let dash = theme.sym("╌", "-");
                let left = width.saturating_sub(crate::text::width(&label)) / 2;
                let right = width.saturating_sub(left + crate::text::width(&label));
                let rule = format!("{}{label}{}", dash.repeat(left), dash.repeat(right));
                buf.set_stringn(area.x, y, rule, width, theme.style(Role::Muted));
            }
        }
    }
    if let Some((notice, role)) = &state.notice {
        let first_y = area.y + area.height.saturating_sub(NOTICE_ROWS as u16);
        let wrapped = crate::report::text::layout::wrap(notice, width, "", "  ");
        for (i, text) in wrapped.iter().take(NOTICE_ROWS).enumerate() {
            buf.set_stringn(
                area.x,
                first_y + i as u16,
                truncate_to_width(text, width),
                width,
                theme.style(*role),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn form_feeds_become_page_breaks_and_no_control_character_is_left() {
        let text = "a\nb\n\n   Trang 1/2\n\u{c}c\nd\n\n   Trang 2/2\n";
        let lines = preview_lines(text);
        assert_eq!(
            lines,
            vec![
                Line::Text("a".into()),
                Line::Text("b".into()),
                Line::Text(String::new()),
                Line::Text("   Trang 1/2".into()),
                Line::PageBreak(2),
                Line::Text("c".into()),
                Line::Text("d".into()),
                Line::Text(String::new()),
                Line::Text("   Trang 2/2".into()),
            ]
        );
        assert!(
            lines
                .iter()
                .all(|l| !matches!(l, Line::Text(t) if t.chars().any(char::is_control)))
        );
    }

    #[test]
    fn the_preview_joined_back_is_the_report() {
        let text = "x\n\n  Trang 1/2\n\u{c}y\n\u{c}\nz\n";
        let rebuilt: String = preview_lines(text)
            .iter()
            .map(|l| match l {
                Line::Text(t) => format!("{t}\n"),
                Line::PageBreak(_) => "\u{c}".into(),
            })
            .collect::<String>();
        assert_eq!(rebuilt, text);
    }
}
