//! Ruled plain-text tables sized to their content: number columns as wide as their widest
//! figure (so no figure is ever cut), the one text column given what is left of the 80.

use super::layout::{PAGE_WIDTH, Pen, Table, center_cell};
use crate::text::{pad_left_to_width, pad_to_width, width};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Right,
    Center,
}

pub struct Column {
    /// Header text, one entry per header line.
    pub head: Vec<String>,
    pub align: Align,
    width: usize,
}

pub struct Grid {
    columns: Vec<Column>,
}

/// A column with its header lines (already written with the pen).
pub fn col(pen: &Pen, head: &[&str], align: Align) -> Column {
    Column {
        head: head.iter().map(|h| pen.t(h)).collect(),
        align,
        width: 0,
    }
}

impl Grid {
    /// Sizes the columns for `rows`; column `flex` (the names) absorbs the shortage when
    /// everything does not fit in the page width.
    pub fn new(mut columns: Vec<Column>, rows: &[Vec<String>], flex: usize) -> Grid {
        for (i, c) in columns.iter_mut().enumerate() {
            let head = c.head.iter().map(|h| width(h)).max().unwrap_or(0);
            let cells = rows
                .iter()
                .filter_map(|r| r.get(i))
                .map(|s| width(s))
                .max()
                .unwrap_or(0);
            c.width = head.max(cells).max(1);
        }
        let bars = columns.len() + 1;
        let others: usize = columns
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != flex)
            .map(|(_, c)| c.width)
            .sum();
        if let Some(c) = columns.get_mut(flex) {
            let room = PAGE_WIDTH.saturating_sub(others + bars).max(4);
            c.width = c.width.min(room);
        }
        Grid { columns }
    }

    pub fn rule(&self) -> String {
        let mut s = String::from("+");
        for c in &self.columns {
            s.push_str(&"-".repeat(c.width));
            s.push('+');
        }
        s
    }

    pub fn line(&self, cells: &[String]) -> String {
        let mut s = String::from("|");
        for (i, c) in self.columns.iter().enumerate() {
            let cell = cells.get(i).map_or("", String::as_str);
            s.push_str(&match c.align {
                Align::Left => pad_to_width(cell, c.width),
                Align::Right => pad_left_to_width(cell, c.width),
                Align::Center => center_cell(cell, c.width),
            });
            s.push('|');
        }
        s
    }

    fn head(&self) -> Vec<String> {
        let depth = self.columns.iter().map(|c| c.head.len()).max().unwrap_or(0);
        let mut lines = vec![self.rule()];
        for i in 0..depth {
            let mut s = String::from("|");
            for c in &self.columns {
                s.push_str(&center_cell(
                    c.head.get(i).map_or("", String::as_str),
                    c.width,
                ));
                s.push('|');
            }
            lines.push(s);
        }
        lines.push(self.rule());
        lines
    }

    /// The table: one line per row, then `totals` under a rule, kept with the last row.
    pub fn table(
        &self,
        pen: &Pen,
        caption: Option<String>,
        rows: &[Vec<String>],
        totals: Option<&[String]>,
    ) -> Table {
        let mut lines: Vec<Vec<String>> = rows.iter().map(|r| vec![self.line(r)]).collect();
        if let Some(t) = totals {
            let total = vec![self.rule(), self.line(t)];
            match lines.last_mut() {
                Some(last) => last.extend(total),
                None => lines.push(total),
            }
        }
        Table {
            caption,
            continued: pen.t("(tiếp theo)"),
            head: self.head(),
            rows: lines,
            close: self.rule(),
        }
    }
}
