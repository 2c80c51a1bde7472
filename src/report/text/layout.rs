//! Paper layout: 80 display columns, A4 pages of at most 60 lines with a page number, a
//! form feed between pages, tables never split inside a row and their header repeated
//! on every page they continue on.
//!
//! The report is first built as [`Block`]s of finished lines, then [`paginate`] places
//! them; keeping the two apart lets every section be written without thinking about
//! page breaks.

use crate::text::{to_ascii, width};

/// Widest line, in display columns (an 80-column printer or terminal).
pub const PAGE_WIDTH: usize = 80;
/// Lines per A4 page at 6 lines per inch with the usual margins.
pub const PAGE_LINES: usize = 60;
/// A blank line and the page number.
const FOOTER_LINES: usize = 2;
const BODY_LINES: usize = PAGE_LINES - FOOTER_LINES;
/// Separates pages; printers and `lp` eject the sheet on it.
pub const FORM_FEED: char = '\u{C}';

/// Writes text either as it is or, for printers without Vietnamese fonts, without
/// diacritics. Every string goes through it *before* it is measured and padded, so the
/// ASCII report is laid out with its own widths.
#[derive(Debug, Clone, Copy)]
pub struct Pen {
    pub ascii: bool,
}

impl Pen {
    pub fn t(&self, s: &str) -> String {
        if self.ascii {
            // Without the stroke, CĐHT (community) and CDHT (citizen) would read the
            // same; spell the difference out.
            to_ascii(&s.replace("CDHT", "CDanHT").replace("CĐHT", "CDongHT"))
        } else {
            s.to_string()
        }
    }
}

/// A table, placed row by row.
#[derive(Debug, Clone, Default)]
pub struct Table {
    /// Shown above the table, and again with "(tiếp theo)" on each continued page.
    pub caption: Option<String>,
    pub continued: String,
    /// Top rule, header lines, rule under the header.
    pub head: Vec<String>,
    /// Each row is kept whole on one page.
    pub rows: Vec<Vec<String>>,
    /// The closing rule, repeated at the foot of every page the table spans.
    pub close: String,
}

impl Table {
    fn head_lines(&self, continued: bool) -> Vec<String> {
        let mut lines = Vec::new();
        if let Some(c) = &self.caption {
            lines.push(if continued {
                format!("{c} {}", self.continued)
            } else {
                c.clone()
            });
        }
        lines.extend(self.head.iter().cloned());
        lines
    }

    /// Lines needed to start the table: caption, head, one row, closing rule.
    fn min_start(&self) -> usize {
        self.head_lines(false).len() + self.rows.first().map_or(0, Vec::len) + 1
    }
}

#[derive(Debug, Clone)]
pub enum Block {
    /// Running text: may break between any two lines.
    Flow(Vec<String>),
    /// Kept on one page (the letterhead, the signature).
    Keep(Vec<String>),
    /// A section heading: never left alone at the foot of a page.
    Heading(Vec<String>),
    Table(Table),
}

impl Block {
    /// How many lines of this block must follow a heading on the same page.
    fn min_start(&self) -> usize {
        match self {
            Block::Flow(lines) => lines.len().min(3),
            Block::Keep(lines) | Block::Heading(lines) => lines.len(),
            Block::Table(t) => t.min_start(),
        }
    }
}

struct Pages {
    pages: Vec<Vec<String>>,
    current: Vec<String>,
}

impl Pages {
    fn room(&self) -> usize {
        BODY_LINES.saturating_sub(self.current.len())
    }

    fn new_page(&mut self) {
        // Blank lines at the foot of a page carry nothing.
        while self.current.last().is_some_and(|l| l.is_empty()) {
            self.current.pop();
        }
        if !self.current.is_empty() {
            self.pages.push(std::mem::take(&mut self.current));
        }
    }

    fn push(&mut self, line: String) {
        if self.room() == 0 {
            self.new_page();
        }
        // Nor do blank lines at the top of one.
        if self.current.is_empty() && line.is_empty() {
            return;
        }
        self.current.push(line);
    }

    /// Starts a new page unless `lines` more fit on this one.
    fn ensure(&mut self, lines: usize) {
        if lines > self.room() {
            self.new_page();
        }
    }
}

/// Places the blocks on pages of at most [`BODY_LINES`] lines (before the footer).
pub fn paginate(blocks: Vec<Block>) -> Vec<Vec<String>> {
    let mut pages = Pages {
        pages: Vec::new(),
        current: Vec::new(),
    };
    let follow: Vec<usize> = blocks
        .iter()
        .skip(1)
        .map(Block::min_start)
        .chain(std::iter::once(0))
        .collect();
    for (block, follow) in blocks.into_iter().zip(follow) {
        match block {
            Block::Flow(lines) => lines.into_iter().for_each(|l| pages.push(l)),
            Block::Keep(lines) => {
                pages.ensure(lines.len());
                lines.into_iter().for_each(|l| pages.push(l));
            }
            Block::Heading(lines) => {
                pages.ensure(lines.len() + follow);
                lines.into_iter().for_each(|l| pages.push(l));
            }
            Block::Table(table) => place_table(&mut pages, &table),
        }
    }
    // The last page keeps its trailing blank lines: the room left to sign.
    if !pages.current.is_empty() {
        pages.pages.push(pages.current);
    }
    pages.pages
}

fn place_table(pages: &mut Pages, table: &Table) {
    pages.ensure(table.min_start());
    table
        .head_lines(false)
        .into_iter()
        .for_each(|l| pages.push(l));
    for row in &table.rows {
        // The row and the closing rule under it must fit; otherwise close the table
        // here and carry on under a repeated header.
        if row.len() + 1 > pages.room() {
            pages.current.push(table.close.clone());
            pages.new_page();
            table
                .head_lines(true)
                .into_iter()
                .for_each(|l| pages.current.push(l));
        }
        row.iter().for_each(|l| pages.current.push(l.clone()));
    }
    pages.current.push(table.close.clone());
}

/// Adds "Trang i/n" under every page and joins them with form feeds.
pub fn finish(pages: &[Vec<String>], pen: &Pen) -> String {
    let total = pages.len();
    let mut out = String::new();
    for (i, page) in pages.iter().enumerate() {
        if i > 0 {
            out.push(FORM_FEED);
        }
        for line in page {
            out.push_str(line.trim_end());
            out.push('\n');
        }
        out.push('\n');
        out.push_str(&center(
            &pen.t(&format!("Trang {}/{total}", i + 1)),
            PAGE_WIDTH,
        ));
        out.push('\n');
    }
    out
}

/// `s` centred in `w` columns (no trailing spaces).
pub fn center(s: &str, w: usize) -> String {
    let left = w.saturating_sub(width(s)) / 2;
    format!("{}{s}", " ".repeat(left)).trim_end().to_string()
}

/// `s` centred in exactly `w` columns, padded on both sides.
pub fn center_cell(s: &str, w: usize) -> String {
    let s = crate::text::truncate_to_width(s, w);
    let left = w.saturating_sub(width(&s)) / 2;
    let right = w.saturating_sub(width(&s) + left);
    format!("{}{s}{}", " ".repeat(left), " ".repeat(right))
}

/// Word-wraps `text` into lines of at most `w` columns; the first line starts with
/// `first`, the following ones with `rest` (hanging indents for notes). A word longer
/// than a line is cut at a grapheme boundary rather than overflowing the paper.
pub fn wrap(text: &str, w: usize, first: &str, rest: &str) -> Vec<String> {
    let mut lines = Vec::new();
    let mut line = first.to_string();
    let mut empty = true;
    for word in text.split_whitespace() {
        let candidate = if empty {
            format!("{line}{word}")
        } else {
            format!("{line} {word}")
        };
        if width(&candidate) <= w {
            line = candidate;
            empty = false;
            continue;
        }
        if !empty {
            lines.push(line);
            line = rest.to_string();
        }
        let mut word = word.to_string();
        while width(&line) + width(&word) > w {
            let room = w.saturating_sub(width(&line)).max(1);
            let head = crate::text::truncate_to_width(&word, room + 1);
            // truncate_to_width ends with '…'; take the graphemes before it instead.
            let head: String = head.trim_end_matches('…').to_string();
            if head.is_empty() {
                break;
            }
            lines.push(format!("{line}{head}"));
            line = rest.to_string();
            word = word.chars().skip(head.chars().count()).collect();
        }
        line.push_str(&word);
        empty = false;
    }
    if !empty || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// Two columns side by side (letterhead, signature): each line of `left` centred in
/// `left_w` columns, each of `right` centred in the rest.
pub fn two_columns(left: &[String], right: &[String], left_w: usize) -> Vec<String> {
    let right_w = PAGE_WIDTH - left_w;
    let n = left.len().max(right.len());
    (0..n)
        .map(|i| {
            let l = left.get(i).map_or(String::new(), |s| s.clone());
            let r = right.get(i).map_or(String::new(), |s| s.clone());
            format!("{}{}", center_cell(&l, left_w), center_cell(&r, right_w))
                .trim_end()
                .to_string()
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn table(rows: usize) -> Table {
        Table {
            caption: Some("Bảng".into()),
            continued: "(tiếp theo)".into(),
            head: vec!["+--+".into(), "|H |".into(), "+--+".into()],
            rows: (0..rows).map(|i| vec![format!("|{i:>2}|")]).collect(),
            close: "+--+".into(),
        }
    }

    #[test]
    fn ascii_keeps_community_and_citizen_titles_apart() {
        let pen = Pen { ascii: true };
        assert_eq!(pen.t("CĐHT và CDHT, GĐHT"), "CDongHT va CDanHT, GDHT");
        assert_eq!(Pen { ascii: false }.t("CĐHT"), "CĐHT");
    }

    #[test]
    fn a_long_table_repeats_its_header_and_pages_stay_short() {
        let pages = paginate(vec![
            Block::Flow(vec!["x".into(); 10]),
            Block::Table(table(120)),
        ]);
        assert!(pages.len() >= 3);
        for page in &pages {
            assert!(page.len() <= BODY_LINES);
            let first_row = page.iter().position(|l| l.starts_with('|') && l != "|H |");
            if let Some(i) = first_row {
                assert!(i >= 2 && page[i - 1] == "+--+" && page[i - 2] == "|H |");
            }
            assert_eq!(page.last().map(String::as_str), Some("+--+"));
        }
        assert_eq!(pages[1][0], "Bảng (tiếp theo)");
    }

    #[test]
    fn a_heading_is_not_left_at_the_foot_of_a_page() {
        let pages = paginate(vec![
            Block::Flow(vec!["x".into(); BODY_LINES - 3]),
            Block::Heading(vec!["I. MỤC".into()]),
            Block::Table(table(5)),
        ]);
        assert_eq!(pages[1][0], "I. MỤC");
    }

    #[test]
    fn wrapping_respects_display_width_and_hanging_indent() {
        let text = "Tỷ lệ hộ gia đình được công nhận GĐHT trên tổng số hộ của xã trong năm";
        let lines = wrap(text, 30, "- ", "  ");
        assert!(lines.iter().all(|l| width(l) <= 30), "{lines:?}");
        assert!(lines[0].starts_with("- Tỷ"));
        assert!(lines[1].starts_with("  "));
        let long = wrap(&"ễ".repeat(50), 20, "", "");
        assert!(long.iter().all(|l| width(l) <= 20), "{long:?}");
        assert_eq!(long.concat(), "ễ".repeat(50));
    }
}
