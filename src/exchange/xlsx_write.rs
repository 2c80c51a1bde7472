//! Writing workbooks (.xlsx) the way an officer expects to open them: a bold header row
//! that stays in view (frozen), columns wide enough for their text, codes as text cells
//! (a code column is formatted Text, so `0123` keeps its zero even when retyped), numbers
//! as numbers, dates as dates. Used by the list export and the report's tables.
//!
//! Text is written as text cells, never as formulas, so a name starting with `=` is
//! safe here without the `'` the CSV export needs; control characters are still written
//! visibly (`<U+001B>`), as in every export.

use crate::store::StoreError;
use crate::text::escape;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};
use unicode_width::UnicodeWidthStr;

/// One cell to write.
#[derive(Debug, Clone, PartialEq)]
pub enum XCell {
    Text(String),
    Number(f64),
    /// A share, 0.617 shown as 61,7 %.
    Percent(f64),
    Date(chrono::NaiveDate),
    Empty,
}

/// Whether a column holds codes (formatted as Text, so typed codes keep their zeros).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum XColumn {
    Code,
    Other,
}

/// One sheet: its name (Vietnamese, at most 31 characters, no `[]:*?/\`), header and rows.
pub struct XSheet {
    pub name: String,
    pub headers: Vec<String>,
    pub columns: Vec<XColumn>,
    pub rows: Vec<Vec<XCell>>,
}

fn failed(e: XlsxError) -> StoreError {
    StoreError::Other(format!("Không viết được tệp Excel: {e}"))
}

/// Excel refuses some characters in sheet names and more than 31 characters.
pub fn sheet_name(name: &str) -> String {
    name.chars()
        .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
        .take(31)
        .collect()
}

/// Widest text of a column in Excel's character units, within reason.
const MAX_WIDTH: usize = 60;

fn cell_width(cell: &XCell) -> usize {
    match cell {
        XCell::Text(t) => t.width(),
        XCell::Number(n) => crate::exchange::sheet_read::number_text(*n).len(),
        XCell::Percent(_) => 7,
        XCell::Date(_) => 10,
        XCell::Empty => 0,
    }
}

/// The cell formats every sheet uses.
struct Formats {
    bold: Format,
    text: Format,
    date: Format,
    percent: Format,
}

impl Formats {
    fn new() -> Formats {
        Formats {
            bold: Format::new().set_bold(),
            text: Format::new().set_num_format("@"),
            date: Format::new().set_num_format("dd/mm/yyyy"),
            percent: Format::new().set_num_format("0.0%"),
        }
    }
}

/// A sheet being written top to bottom: its header first, then each row as it comes,
/// then the column widths (the widest cell of each column, known only at the end) and
/// the frozen header.
struct SheetRows<'a> {
    sheet: &'a mut Worksheet,
    formats: Formats,
    columns: &'a [XColumn],
    widths: Vec<usize>,
    next_row: u32,
}

impl<'a> SheetRows<'a> {
    fn start(
        sheet: &'a mut Worksheet,
        name: &str,
        headers: &[String],
        columns: &'a [XColumn],
    ) -> Result<SheetRows<'a>, XlsxError> {
        let formats = Formats::new();
        sheet.set_name(sheet_name(name))?;
        let widths: Vec<usize> = headers.iter().map(|h| h.width()).collect();
        for (col, header) in headers.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, col, escape(header), &formats.bold)?;
        }
        Ok(SheetRows {
            sheet,
            formats,
            columns,
            widths,
            next_row: 1,
        })
    }

    fn row(&mut self, row: &[XCell]) -> Result<(), XlsxError> {
        let r = self.next_row;
        self.next_row = r.saturating_add(1);
        let (sheet, formats) = (&mut *self.sheet, &self.formats);
        for (c, cell) in row.iter().enumerate() {
            if let Some(w) = self.widths.get_mut(c) {
                *w = (*w).max(cell_width(cell));
            }
            let code = self.columns.get(c) == Some(&XColumn::Code);
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            match cell {
                XCell::Text(t) if code => {
                    sheet.write_string_with_format(r, c, escape(t), &formats.text)?;
                }
                XCell::Text(t) => {
                    sheet.write_string(r, c, escape(t))?;
                }
                XCell::Number(n) => {
                    sheet.write_number(r, c, *n)?;
                }
                XCell::Percent(p) => {
                    sheet.write_number_with_format(r, c, *p, &formats.percent)?;
                }
                XCell::Date(d) => {
                    use chrono::Datelike;
                    let (y, m, day) = (d.year(), d.month(), d.day());
                    let excel = ExcelDateTime::from_ymd(
                        u16::try_from(y).unwrap_or(1900),
                        u8::try_from(m).unwrap_or(1),
                        u8::try_from(day).unwrap_or(1),
                    )?;
                    sheet.write_datetime_with_format(r, c, &excel, &formats.date)?;
                }
                XCell::Empty => {}
            }
        }
        Ok(())
    }

    fn finish(self) -> Result<(), XlsxError> {
        for (c, width) in self.widths.iter().enumerate() {
            let c = u16::try_from(c).unwrap_or(u16::MAX);
            // Bold headers and Vietnamese marks take a little more room than the count.
            let w = u32::try_from((*width).min(MAX_WIDTH) + 2).unwrap_or(12);
            self.sheet.set_column_width(c, f64::from(w))?;
            if self.columns.get(usize::from(c)) == Some(&XColumn::Code) {
                self.sheet.set_column_format(c, &self.formats.text)?;
            }
        }
        self.sheet.set_freeze_panes(1, 0)?;
        Ok(())
    }
}

fn write_sheet(sheet: &mut Worksheet, data: &XSheet) -> Result<(), XlsxError> {
    let mut rows = SheetRows::start(sheet, &data.name, &data.headers, &data.columns)?;
    for row in &data.rows {
        rows.row(row)?;
    }
    rows.finish()
}

/// The workbook's bytes, one sheet per [`XSheet`].
pub fn workbook(sheets: &[XSheet]) -> Result<Vec<u8>, StoreError> {
    let mut book = Workbook::new();
    for data in sheets {
        write_sheet(book.add_worksheet(), data).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

/// Takes one row of a streamed sheet and writes it.
pub type RowSink<'a> = dyn FnMut(&[XCell]) -> Result<(), StoreError> + 'a;

/// A one-sheet workbook written row by row: `fill` is handed a writer for each row in
/// turn. Only the row being written is held (the sheet's rows go to an unnamed temporary
/// file, readable by the owner only and gone when closed), where a whole list held as
/// cells took about 650 MB for 150,000 citizens. Strings still go to the shared string
/// table, so the file is the one [`workbook`] writes for the same rows.
pub fn streamed_workbook(
    name: &str,
    headers: &[String],
    columns: &[XColumn],
    fill: &mut dyn FnMut(&mut RowSink) -> Result<(), StoreError>,
) -> Result<Vec<u8>, StoreError> {
    let mut book = Workbook::new();
    let sheet = book.add_worksheet_with_low_memory().map_err(failed)?;
    let mut rows = SheetRows::start(sheet, name, headers, columns).map_err(failed)?;
    fill(&mut |row| rows.row(row).map_err(failed))?;
    rows.finish().map_err(failed)?;
    book.save_to_buffer().map_err(failed)
}
