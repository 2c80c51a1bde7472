//! The Report screen's state: the preview's lines (page breaks found), its options and
//! how far it is scrolled.

use crate::report::ReportData;
use crate::report::text::{TextOptions, render as render_text};
use crate::tui::theme::Role;
use chrono::NaiveDate;

/// Rows the save notice takes under the text (the path may be long).
pub(super) const NOTICE_ROWS: usize = 2;

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
