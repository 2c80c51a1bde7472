//! Workbooks as offices keep them (.xlsx, .xlsm, .xls, .ods) turned into the same
//! [`Table`] a CSV file gives, so every later check (header mapping, cell rules, row
//! parsing, the plan) applies unchanged.
//!
//! What a sheet adds over a CSV file, and how it is met:
//! - **title rows** above the header ("DANH SÁCH HỘ GIA ĐÌNH THÔN ĐÔNG", the commune's
//!   name, a blank row): the header is the first of the top rows the caller recognises
//!   (its headers map to the kind's fields), else the widest of them; the rows above are
//!   kept to be said in the preview;
//! - **a header on two rows** (a merged group cell over its sub-headers): read as one
//!   header row, and said in the preview (see [`super::sheet_header`]); a row under the
//!   header that only numbers the columns ("(1) (2) (3)") is skipped and said;
//! - **numbers** are written as the officer sees them: `100000`, never `1.0E+05` or
//!   `100000.0`; their places are kept, so a number in a code column can be questioned;
//! - **dates** become `dd/mm/yyyy` (their places kept: a date where a code was is a
//!   spreadsheet's mangling);
//! - **formulas** are read by the value the program last computed, and flagged;
//!   an error value (`#N/A`, `#REF!`) is kept to be refused where a field reads it;
//! - **old fonts**: cells typed in TCVN3 (.VnTime) or VNI fonts hold the font's bytes as
//!   Latin-1 letters. When those cells read as Vietnamese only through
//!   [`super::legacy_vn`], they are converted and the encoding said.
//!
//! Line numbers are the sheet's row numbers, as the spreadsheet program shows them.

use super::csv_read::{ReadError, Row, Table};
use super::decode::SourceEncoding;
use super::legacy_vn::{decode_tcvn3, decode_vni};
use super::sheet_header::{numbers_the_columns, two_row_header};
use super::syllable::plausibility;
use crate::text::nfc;
use calamine::{Data, Reader, Sheets};
use std::collections::BTreeSet;
use std::io::Cursor;

/// The workbook formats read directly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetFormat {
    /// Excel 2007 and later: .xlsx and .xlsm (the same ZIP of XML parts).
    Xlsx,
    /// Excel 97–2003 (BIFF8 in an OLE container).
    Xls,
    /// OpenDocument (LibreOffice Calc, WPS, Google Sheets download).
    Ods,
}

impl SheetFormat {
    pub fn label(self) -> &'static str {
        match self {
            SheetFormat::Xlsx => "bảng tính Excel (.xlsx)",
            SheetFormat::Xls => "bảng tính Excel 97–2003 (.xls)",
            SheetFormat::Ods => "bảng tính OpenDocument (.ods)",
        }
    }
}

/// Which workbook format the bytes are, by their signature; `None` for text files.
pub fn sniff(bytes: &[u8]) -> Option<SheetFormat> {
    if bytes.starts_with(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1") {
        return Some(SheetFormat::Xls);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // An OpenDocument file starts with its stored, uncompressed "mimetype" entry.
        let head = bytes.get(..120).unwrap_or(bytes);
        let ods = head
            .windows(b"opendocument.spreadsheet".len())
            .any(|w| w == b"opendocument.spreadsheet");
        return Some(if ods {
            SheetFormat::Ods
        } else {
            SheetFormat::Xlsx
        });
    }
    None
}

/// How a sheet was read, for the preview and for the checks that need a cell's kind.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetInfo {
    pub format: SheetFormat,
    /// The sheet read, and every sheet of the workbook (to name them when asked).
    pub sheet: String,
    pub sheets: Vec<String>,
    /// Text of the rows above the header row (titles), first few.
    pub titles: Vec<String>,
    /// A header on two rows: the upper row's line, and each group's name with its
    /// sub-headers (see [`super::sheet_header`]).
    pub two_rows: Option<(u64, Vec<super::sheet_header::Group>)>,
    /// The line of a row under the header that only numbers the columns, skipped.
    pub column_numbers: Option<u64>,
    /// Cells (line, column index) holding a formula, read by their computed value.
    pub formulas: BTreeSet<(u64, usize)>,
    /// Cells holding a date, written dd/mm/yyyy.
    pub dates: BTreeSet<(u64, usize)>,
    /// Cells holding a number (not text).
    pub numbers: BTreeSet<(u64, usize)>,
    /// Cells holding a formula's error value (`#N/A`…).
    pub errors: BTreeSet<(u64, usize)>,
    /// The old font encoding found in text cells, and how many cells were converted.
    pub legacy: Option<(SourceEncoding, usize)>,
}

impl SheetInfo {
    /// The preview's lines about the sheet: which one, where the header was found,
    /// formulas and old fonts.
    pub fn notes(&self, header_line: u64, headers: &[String]) -> Vec<String> {
        let mut notes = vec![match &self.two_rows {
            None => format!(
                "{}, trang \"{}\"; dòng tiêu đề cột là dòng {header_line}",
                self.format.label(),
                crate::text::escape(&self.sheet)
            ),
            Some((top, groups)) => format!(
                "{}, trang \"{}\"; tiêu đề cột nằm trên hai dòng {top} và {header_line}: {}",
                self.format.label(),
                crate::text::escape(&self.sheet),
                groups
                    .iter()
                    .map(|(name, subs)| format!(
                        "\"{}\" gồm {}",
                        crate::text::escape(name),
                        subs.iter()
                            .map(|s| format!("\"{}\"", crate::text::escape(s)))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                    .collect::<Vec<_>>()
                    .join("; ")
            ),
        }];
        if !self.titles.is_empty() {
            notes.push(format!(
                "Bỏ qua các dòng tên bảng ở trên: {}",
                self.titles
                    .iter()
                    .map(|t| format!("\"{}\"", crate::text::escape(t)))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        if let Some(line) = self.column_numbers {
            notes.push(format!(
                "Bỏ qua dòng {line}: chỉ đánh số thứ tự các cột (1, 2, 3…)"
            ));
        }
        if let Some((encoding, cells)) = self.legacy {
            notes.push(format!(
                "{cells} ô gõ bằng phông cũ {}",
                encoding.label().replace(", đã", ": đã")
            ));
        }
        if !self.formulas.is_empty() {
            let mut places: Vec<String> = self
                .formulas
                .iter()
                .take(5)
                .map(|(line, col)| {
                    let name = headers.get(*col).map(String::as_str).unwrap_or("");
                    format!("dòng {line} cột \"{}\"", crate::text::escape(name))
                })
                .collect();
            if self.formulas.len() > places.len() {
                places.push("…".into());
            }
            notes.push(format!(
                "⚠ {} ô là công thức, lấy giá trị đã tính sẵn trong tệp: {}. Kiểm tra lại các ô đó.",
                self.formulas.len(),
                places.join(", ")
            ));
        }
        notes
    }
}

/// The largest number of rows searched for the header below title rows.
const HEADER_SEARCH_ROWS: usize = 30;

fn open_error(format: SheetFormat, detail: impl std::fmt::Display) -> ReadError {
    ReadError::Sheet(format!(
        "không mở được {} ({detail}); tệp bị hỏng, có mật khẩu, hoặc không phải bảng tính. Hãy mở bằng Excel và lưu lại",
        format.label()
    ))
}

/// Reads the first sheet (or `sheet`, by name, case and diacritics ignored) of a
/// workbook. `is_header` tells whether a row's texts are the kind's column headers.
pub fn read_sheet(
    bytes: &[u8],
    format: SheetFormat,
    sheet: Option<&str>,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Table, ReadError> {
    let cursor = Cursor::new(bytes);
    let mut book: Sheets<Cursor<&[u8]>> = match format {
        SheetFormat::Xlsx => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Xlsx)
            .map_err(|e| open_error(format, e))?,
        SheetFormat::Xls => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Xls)
            .map_err(|e| open_error(format, e))?,
        SheetFormat::Ods => calamine::open_workbook_from_rs(cursor)
            .map(Sheets::Ods)
            .map_err(|e| open_error(format, e))?,
    };
    let sheets = book.sheet_names();
    let name = match sheet {
        Some(wanted) => {
            let folded = crate::text::fold(wanted.trim());
            sheets
                .iter()
                .find(|s| crate::text::fold(s.trim()) == folded)
                .cloned()
                .ok_or_else(|| {
                    ReadError::Sheet(format!(
                        "không có trang \"{wanted}\" trong tệp; các trang: {}",
                        sheets
                            .iter()
                            .map(|s| format!("\"{s}\""))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ))
                })?
        }
        None => sheets.first().cloned().ok_or(ReadError::Empty)?,
    };
    let range = book
        .worksheet_range(&name)
        .map_err(|e| open_error(format, e))?;
    // Formulas are optional knowledge: a workbook whose formulas cannot be read is still
    // read by its values.
    let formula_range = book.worksheet_formula(&name).ok();
    let (start_row, start_col) = range.start().unwrap_or((0, 0));
    let mut info = SheetInfo {
        format,
        sheet: name,
        sheets,
        titles: Vec::new(),
        two_rows: None,
        column_numbers: None,
        formulas: BTreeSet::new(),
        dates: BTreeSet::new(),
        numbers: BTreeSet::new(),
        errors: BTreeSet::new(),
        legacy: None,
    };
    let mut rows: Vec<Row> = Vec::with_capacity(range.height());
    let mut text_cells: Vec<(usize, usize)> = Vec::new();
    for (i, cells) in range.rows().enumerate() {
        let line = u64::from(start_row) + u64::try_from(i).unwrap_or(0) + 1;
        let mut fields = Vec::with_capacity(cells.len());
        for (col, cell) in cells.iter().enumerate() {
            let text = match cell {
                Data::Empty => String::new(),
                Data::String(s) => {
                    if !s.is_ascii() {
                        text_cells.push((rows.len(), col));
                    }
                    s.clone()
                }
                Data::Int(n) => {
                    info.numbers.insert((line, col));
                    n.to_string()
                }
                Data::Float(f) => {
                    info.numbers.insert((line, col));
                    number_text(*f)
                }
                Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_string(),
                Data::DateTime(d) => match d.as_datetime() {
                    Some(dt) if d.is_datetime() => {
                        info.dates.insert((line, col));
                        date_text(dt)
                    }
                    _ => {
                        info.numbers.insert((line, col));
                        number_text(d.as_f64())
                    }
                },
                Data::DateTimeIso(s) => match iso_date_text(s) {
                    Some(text) => {
                        info.dates.insert((line, col));
                        text
                    }
                    None => s.clone(),
                },
                Data::DurationIso(s) => s.clone(),
                Data::Error(e) => {
                    info.errors.insert((line, col));
                    e.to_string()
                }
            };
            fields.push(text);
        }
        rows.push(Row {
            line,
            fields: fields.into(),
        });
    }
    if let Some(formulas) = &formula_range {
        let (f_row, f_col) = formulas.start().unwrap_or((0, 0));
        for (r, c, formula) in formulas.used_cells() {
            if formula.trim().is_empty() {
                continue;
            }
            let line = u64::from(f_row) + u64::try_from(r).unwrap_or(0) + 1;
            let absolute_col = u64::from(f_col) + u64::try_from(c).unwrap_or(0);
            if let Some(col) = absolute_col
                .checked_sub(u64::from(start_col))
                .and_then(|c| usize::try_from(c).ok())
            {
                info.formulas.insert((line, col));
            }
        }
    }
    info.legacy = convert_legacy(&mut rows, &text_cells);
    for row in &mut rows {
        if row.fields.iter().any(|f| !f.is_ascii()) {
            row.fields = row
                .fields
                .iter()
                .map(|f| if f.is_ascii() { f.to_string() } else { nfc(f) })
                .collect();
        }
    }
    // Rows made only of blank cells are skipped, as in a CSV file.
    rows.retain(|r| r.fields.iter().any(|f| !f.trim().is_empty()));
    let header_at = find_header(&rows, is_header).ok_or(ReadError::Empty)?;
    let two_rows = two_row_header(&rows, header_at, is_header);
    let mut rest = rows.split_off(two_rows.as_ref().map_or(header_at, |t| t.top));
    info.titles = rows
        .iter()
        .take(3)
        .map(|r| {
            r.fields
                .iter()
                .map(|f| f.trim())
                .filter(|f| !f.is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    if rest.is_empty() {
        return Err(ReadError::Empty);
    }
    let mut header = rest.remove(0);
    if let Some(two) = two_rows {
        let upper_line = header.line;
        if rest.is_empty() {
            return Err(ReadError::Empty);
        }
        header = rest.remove(0);
        header.fields = two.headers.into();
        info.two_rows = Some((upper_line, two.groups));
    }
    if rest.first().is_some_and(numbers_the_columns) {
        let skipped = rest.remove(0).line;
        info.column_numbers = Some(skipped);
        // Its cells' kinds say nothing of the data either.
        for marks in [&mut info.formulas, &mut info.errors, &mut info.numbers] {
            marks.retain(|(line, _)| *line != skipped);
        }
    }
    // Formula and error marks above the header (in title rows) say nothing of the data.
    let header_line = header.line;
    info.formulas.retain(|(line, _)| *line > header_line);
    info.errors.retain(|(line, _)| *line > header_line);
    let mut headers = header.fields.to_vec();
    while headers.last().is_some_and(|h| h.trim().is_empty()) && headers.len() > 1 {
        headers.pop();
    }
    Ok(Table {
        headers,
        header_line,
        rows: rest,
        encoding: info.legacy.map_or(SourceEncoding::Utf8, |(e, _)| e),
        delimiter: b',',
        sheet: Some(Box::new(info)),
    })
}

/// The header row among the top rows: the first the caller recognises, else the first
/// with the most filled cells (a title row has one or two).
fn find_header(rows: &[Row], is_header: &dyn Fn(&[String]) -> bool) -> Option<usize> {
    let top = rows.iter().take(HEADER_SEARCH_ROWS);
    if let Some(i) = top.clone().position(|r| is_header(&r.fields.to_vec())) {
        return Some(i);
    }
    let filled = |r: &Row| r.fields.iter().filter(|f| !f.trim().is_empty()).count();
    let widest = top.clone().map(filled).max()?;
    top.clone().position(|r| filled(r) == widest)
}

/// A number as a spreadsheet shows it in a General cell: whole numbers without a
/// decimal point or an exponent, others in the shortest form that reads back the same.
pub fn number_text(f: f64) -> String {
    if f.is_finite() && f.fract() == 0.0 && f.abs() < 1e15 {
        // Whole and well inside i64: exact.
        #[allow(clippy::cast_possible_truncation)]
        let whole = f as i64;
        whole.to_string()
    } else {
        format!("{f}")
    }
}

fn date_text(dt: chrono::NaiveDateTime) -> String {
    if dt.time() == chrono::NaiveTime::MIN {
        dt.format("%d/%m/%Y").to_string()
    } else {
        dt.format("%d/%m/%Y %H:%M").to_string()
    }
}

/// OpenDocument stores dates as ISO text ("2025-03-12" or "2025-03-12T00:00:00").
fn iso_date_text(s: &str) -> Option<String> {
    let date_part = s.get(..10)?;
    let date = chrono::NaiveDate::parse_from_str(date_part, "%Y-%m-%d").ok()?;
    let rest = s.get(10..).unwrap_or("");
    if rest.is_empty()
        || rest
            .trim_start_matches('T')
            .trim_start_matches("00:00:00")
            .is_empty()
    {
        Some(date.format("%d/%m/%Y").to_string())
    } else {
        None
    }
}

/// The byte a legacy font put where the sheet shows `c`: Latin-1 letters are the byte
/// itself; 0x80–0x9F arrive as the Windows-1252 characters of those bytes.
fn font_byte(c: char) -> Option<u8> {
    if let Ok(b) = u8::try_from(u32::from(c)) {
        return Some(b);
    }
    let mut buf = [0u8; 4];
    let (bytes, _, unmappable) = encoding_rs::WINDOWS_1252.encode(c.encode_utf8(&mut buf));
    match (unmappable, bytes.as_ref()) {
        (false, [b]) => Some(*b),
        _ => None,
    }
}

/// Converts the text cells typed in an old font, when the sheet's text reads as
/// Vietnamese only that way. Cells holding any real Unicode letter (ễ, ơ…) are Unicode
/// and left alone.
fn convert_legacy(
    rows: &mut [Row],
    text_cells: &[(usize, usize)],
) -> Option<(SourceEncoding, usize)> {
    let candidates: Vec<((usize, usize), Vec<u8>)> = text_cells
        .iter()
        .filter_map(|&(r, c)| {
            let text = rows.get(r)?.fields.get(c)?;
            let bytes: Option<Vec<u8>> = text.chars().map(font_byte).collect();
            Some(((r, c), bytes?))
        })
        .collect();
    if candidates.is_empty() {
        return None;
    }
    let joined = |f: &dyn Fn(&[u8]) -> String| -> String {
        candidates
            .iter()
            .map(|(_, b)| f(b))
            .collect::<Vec<_>>()
            .join("\n")
    };
    let as_is = joined(&|b| b.iter().map(|&x| char::from(x)).collect());
    let plain = plausibility(&nfc(&as_is));
    let mut best: Option<(SourceEncoding, usize, usize)> = None;
    for (encoding, decoder) in [
        (SourceEncoding::Tcvn3, decode_tcvn3 as fn(&[u8]) -> String),
        (SourceEncoding::Vni, decode_vni),
    ] {
        let p = plausibility(&nfc(&joined(&decoder)));
        if best.is_none_or(|(_, percent, valid)| (p.percent(), p.valid) > (percent, valid)) {
            best = Some((encoding, p.percent(), p.valid));
        }
    }
    let (encoding, percent, valid) = best?;
    // Believed only when clearly Vietnamese and clearly better than the cells as they are.
    if percent < 80 || (percent, valid) <= (plain.percent(), plain.valid) {
        return None;
    }
    let decode = match encoding {
        SourceEncoding::Tcvn3 => decode_tcvn3,
        _ => decode_vni,
    };
    let mut converted = 0;
    for ((r, c), bytes) in &candidates {
        if let Some(row) = rows.get_mut(*r).filter(|row| *c < row.fields.len()) {
            row.fields.set(*c, &nfc(&decode(bytes)));
            converted += 1;
        }
    }
    Some((encoding, converted))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_shown() {
        assert_eq!(number_text(100000.0), "100000");
        assert_eq!(number_text(123.0), "123");
        assert_eq!(number_text(4.5), "4.5");
        assert_eq!(number_text(-7.0), "-7");
        assert_eq!(number_text(0.1 + 0.2), "0.30000000000000004");
    }

    #[test]
    fn iso_dates_from_opendocument() {
        assert_eq!(iso_date_text("2025-03-12").as_deref(), Some("12/03/2025"));
        assert_eq!(
            iso_date_text("1985-01-02T00:00:00").as_deref(),
            Some("02/01/1985")
        );
        assert_eq!(iso_date_text("abc"), None);
    }

    #[test]
    fn signatures_tell_the_formats_apart() {
        assert_eq!(
            sniff(b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1...."),
            Some(SheetFormat::Xls)
        );
        assert_eq!(
            sniff(b"PK\x03\x04....mimetypeapplication/vnd.oasis.opendocument.spreadsheet"),
            Some(SheetFormat::Ods)
        );
        assert_eq!(
            sniff(b"PK\x03\x04[Content_Types].xml"),
            Some(SheetFormat::Xlsx)
        );
        assert_eq!(sniff("Mã hộ;Chủ hộ".as_bytes()), None);
    }

    #[test]
    fn tcvn3_cells_are_found_and_converted() {
        // "Nguyễn Văn Ước", "Đông" typed in .VnTime, as the sheet stores them.
        let tcvn3 = |b: &[u8]| -> String { b.iter().map(|&x| char::from(x)).collect() };
        let mut rows = vec![
            Row {
                line: 1,
                fields: vec!["Mã hộ".into(), tcvn3(b"Ch\xF1 h\xE9")].into(),
            },
            Row {
                line: 2,
                fields: vec!["HO1".into(), tcvn3(b"Nguy\xD4n V\xA8n \xA6\xEDc")].into(),
            },
            Row {
                line: 3,
                fields: vec!["HO2".into(), tcvn3(b"\xA7\xABng")].into(),
            },
        ];
        let cells = vec![(0, 1), (1, 1), (2, 1), (0, 0)];
        let found = convert_legacy(&mut rows, &cells);
        assert_eq!(found, Some((SourceEncoding::Tcvn3, 3)));
        assert_eq!(rows[1].fields.get(1), Some("Nguyễn Văn Ước"));
        assert_eq!(rows[2].fields.get(1), Some("Đông"));
        // "Mã hộ" was real Unicode (ộ is not a Latin-1 letter) and is left alone.
        assert_eq!(rows[0].fields.get(0), Some("Mã hộ"));
    }

    #[test]
    fn unicode_cells_are_not_converted() {
        let mut rows = vec![Row {
            line: 1,
            fields: vec!["Tây", "Bình", "Nguyễn Thị Ánh"].into(),
        }];
        assert_eq!(convert_legacy(&mut rows, &[(0, 0), (0, 1), (0, 2)]), None);
        assert_eq!(rows[0].fields.get(0), Some("Tây"));
    }
}
