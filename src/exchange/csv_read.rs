//! Turning the bytes of an office's spreadsheet export into rows of text.
//!
//! Offices save lists from Excel in whatever the machine offers: UTF-8 with or without a
//! byte-order mark, "Unicode text" (UTF-16 with a BOM, tab separated), the legacy
//! Vietnamese code page Windows-1258, or sheets typed with the old TCVN3 and VNI fonts.
//! [`super::decode`] finds out which (or refuses the file); this module then finds the
//! separator (comma, semicolon or tab, or Excel's `sep=` line) and reads the records
//! with the line each starts on. A quote left open would swallow the rest of the file
//! into one cell, so it is refused with the line where it opened.

pub use super::decode::SourceEncoding;
use super::decode::{EncodingError, decode};
pub use super::fields::Fields;
use super::plan::Problem;
#[cfg(test)]
use encoding_rs::WINDOWS_1258;

/// One record of the file with the line it starts on (1-based, as an editor shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub line: u64,
    pub fields: Fields,
}

/// A decoded file: its header, its non-blank rows, and how it was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    pub headers: Vec<String>,
    pub header_line: u64,
    pub rows: Vec<Row>,
    pub encoding: SourceEncoding,
    pub delimiter: u8,
    /// How a workbook's sheet was read; `None` for a text file.
    pub sheet: Option<Box<super::sheet_read::SheetInfo>>,
}

/// Why a file could not be read as a table at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    Empty,
    /// The CSV structure itself is broken (the csv reader's message and line).
    Malformed {
        line: u64,
        reason: String,
    },
    /// Bytes that are not text in the file's encoding, or an encoding not recognised.
    Encoding(EncodingError),
    /// A quoted cell that never closes.
    UnterminatedQuote {
        line: u64,
    },
    /// A workbook that cannot be opened, or has no such sheet (the reason, in Vietnamese).
    Sheet(String),
}

impl ReadError {
    /// One problem per line at fault, for the import's list of problems.
    pub fn problems(&self) -> Vec<Problem> {
        match self {
            ReadError::Empty => vec![Problem {
                line: None,
                column: None,
                value: None,
                reason: self.to_string(),
            }],
            ReadError::Sheet(reason) => vec![Problem {
                line: None,
                column: None,
                value: None,
                reason: reason.clone(),
            }],
            ReadError::Malformed { line, reason } => vec![Problem::at_line(
                *line,
                format!("không đọc được cấu trúc CSV ({reason})"),
            )],
            ReadError::UnterminatedQuote { line } => vec![Problem::at_line(
                *line,
                "dấu nháy kép (\") mở ở dòng này không được đóng: phần còn lại của tệp sẽ bị gộp vào một ô. Thêm dấu \" đóng ô, hoặc xóa dấu \" thừa",
            )],
            ReadError::Encoding(e) if e.lines.is_empty() => vec![Problem {
                line: None,
                column: None,
                value: None,
                reason: e.reason.clone(),
            }],
            ReadError::Encoding(e) => e
                .lines
                .iter()
                .map(|(line, bytes)| Problem {
                    line: Some(*line),
                    column: None,
                    value: Some(bytes.clone()),
                    reason: e.reason.clone(),
                })
                .collect(),
        }
    }
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Empty => f.write_str("tệp trống, không có dòng tiêu đề"),
            _ => {
                let lines: Vec<String> = self.problems().iter().map(ToString::to_string).collect();
                f.write_str(&lines.join("; "))
            }
        }
    }
}

/// The line where a quoted cell opens and never closes, if one does. Follows the csv
/// reader's rules: a quote opens a quoted cell only at the start of a cell, `""`
/// inside is a quote, and after the closing quote the cell goes on unquoted.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<u64> {
    #[derive(Clone, Copy)]
    enum State {
        CellStart,
        Unquoted,
        Quoted(u64),
        QuoteInQuoted(u64),
    }
    // Byte by byte: the quote, the separator and the line end are ASCII, and the bytes
    // of any other character (never ASCII in UTF-8) move the state as that character.
    let mut state = State::CellStart;
    let mut line = 1u64;
    for &c in text.as_bytes() {
        state = match (state, c) {
            (State::CellStart, b'"') => State::Quoted(line),
            (State::Quoted(open), b'"') => State::QuoteInQuoted(open),
            (State::QuoteInQuoted(open), b'"') => State::Quoted(open),
            (State::Quoted(open), _) => State::Quoted(open),
            (_, b'\n') => State::CellStart,
            (_, c) if c == delimiter => State::CellStart,
            _ => State::Unquoted,
        };
        if c == b'\n' {
            line += 1;
        }
    }
    match state {
        State::Quoted(open) => Some(open),
        _ => None,
    }
}

/// Picks the separator from the header line: the most frequent of tab, semicolon and
/// comma outside quotes. A header is plain words, so the separator dominates it; a tie
/// (a one-column file) falls back to the comma.
pub fn sniff_delimiter(header_line: &str) -> u8 {
    let (mut tabs, mut semicolons, mut commas) = (0usize, 0usize, 0usize);
    let mut quoted = false;
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            '\t' if !quoted => tabs += 1,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            _ => {}
        }
    }
    if tabs > 0 && tabs >= semicolons && tabs >= commas {
        b'\t'
    } else if semicolons > commas {
        b';'
    } else {
        b','
    }
}

/// Excel writes, and honours, a first line `sep=;` naming the separator.
fn excel_separator_hint(line: &str) -> Option<u8> {
    let rest = line.trim().strip_prefix("sep=")?;
    match rest.as_bytes() {
        [b] => Some(*b),
        _ => None,
    }
}

/// Line numbers from byte offsets. The csv reader's own line count drifts on CRLF files,
/// and its record offset points just after the previous record (at its line end or at
/// blank lines before the record), so the offset is first moved past line ends.
struct LineCounter<'a> {
    bytes: &'a [u8],
    counted_to: usize,
    line: u64,
}

impl<'a> LineCounter<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        LineCounter {
            bytes,
            counted_to: 0,
            line: 1,
        }
    }

    fn line_of(&mut self, offset: u64) -> u64 {
        let mut start = usize::try_from(offset)
            .unwrap_or(usize::MAX)
            .min(self.bytes.len());
        while matches!(self.bytes.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        if start < self.counted_to {
            // Offsets only move forward; recount from the top if one ever did not.
            self.counted_to = 0;
            self.line = 1;
        }
        let newlines = self
            .bytes
            .get(self.counted_to..start)
            .map_or(0, |s| s.iter().filter(|&&b| b == b'\n').count());
        self.line += u64::try_from(newlines).unwrap_or(0);
        self.counted_to = start;
        self.line
    }
}

/// Reads a decoded file into a table: header from the first non-blank line, then every
/// record that has at least one non-blank field (Excel pads empty rows with separators).
pub fn read_table(bytes: &[u8]) -> Result<Table, ReadError> {
    let (text, encoding) = decode(bytes).map_err(ReadError::Encoding)?;
    let mut lines = text.split('\n').enumerate();
    let mut skip_lines = 0usize;
    let mut forced = None;
    let header_text = loop {
        let Some((index, line)) = lines.next() else {
            return Err(ReadError::Empty);
        };
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() {
            continue;
        }
        if forced.is_none()
            && let Some(sep) = excel_separator_hint(line)
        {
            forced = Some(sep);
            skip_lines = index + 1;
            continue;
        }
        break line;
    };
    let delimiter = forced.unwrap_or_else(|| sniff_delimiter(header_text));
    if let Some(line) = unterminated_quote(&text, delimiter) {
        return Err(ReadError::UnterminatedQuote { line });
    }
    let body: std::borrow::Cow<str> = if skip_lines == 0 {
        std::borrow::Cow::Borrowed(&text)
    } else {
        std::borrow::Cow::Owned(text.split_inclusive('\n').skip(skip_lines).collect())
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let offset = u64::try_from(skip_lines).unwrap_or(0);
    let mut headers: Option<(Vec<String>, u64)> = None;
    let mut rows = Vec::new();
    // Bytes, checked as text once per record: the body is already valid UTF-8 and cut
    // only at ASCII separators, so every cell is too (a string record checked each
    // cell again, 1.35 million checks for 50,000 rows of 27 columns).
    let mut record = csv::ByteRecord::new();
    let mut lines = LineCounter::new(body.as_bytes());
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                let line = lines.line_of(record.position().map_or(0, |p| p.byte())) + offset;
                let fields = match std::str::from_utf8(record.as_slice()) {
                    Ok(text) => {
                        Fields::from_parts(text, (0..record.len()).map(|i| record.range(i)))
                    }
                    Err(_) => None,
                };
                let Some(fields) = fields else {
                    return Err(ReadError::Malformed {
                        line,
                        reason: "ô không phải chữ UTF-8".into(),
                    });
                };
                if fields.iter().all(|f| f.trim().is_empty()) {
                    continue;
                }
                if headers.is_none() {
                    headers = Some((fields.to_vec(), line));
                } else {
                    rows.push(Row { line, fields });
                }
            }
            Err(e) => {
                let line = lines.line_of(e.position().map_or(0, |p| p.byte())) + offset;
                return Err(ReadError::Malformed {
                    line,
                    reason: e.to_string(),
                });
            }
        }
    }
    let (headers, header_line) = headers.ok_or(ReadError::Empty)?;
    Ok(Table {
        headers,
        header_line,
        rows,
        encoding,
        delimiter,
        sheet: None,
    })
}

/// Encodes text the way Windows-1258 stores Vietnamese: letters with circumflex, breve
/// or horn precomposed, tone marks as separate combining characters. For tests and for
/// generating the sample file; the program itself never writes this code page.
#[cfg(test)]
pub(crate) fn to_windows_1258(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];
    let mut staged = String::new();
    for c in text.nfc() {
        let decomposed: String = c.to_string().nfd().collect();
        let (tones, rest): (String, String) = decomposed.chars().partition(|m| TONES.contains(m));
        staged.extend(rest.nfc());
        staged.push_str(&tones);
    }
    let (bytes, _, unmappable) = WINDOWS_1258.encode(&staged);
    assert!(!unmappable, "not encodable in Windows-1258: {text}");
    bytes.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn bom_semicolons_crlf_and_quotes() {
        let bytes = "\u{FEFF}STT;Mã hộ;Chủ hộ\r\n1;HO1;\"Nguyễn; Văn An\"\r\n\r\n;;\r\n2;HO2;Lê Thị Bình\r\n";
        let t = read_table(bytes.as_bytes()).unwrap();
        assert_eq!(t.encoding, SourceEncoding::Utf8Bom);
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.headers, vec!["STT", "Mã hộ", "Chủ hộ"]);
        assert_eq!(t.header_line, 1);
        assert_eq!(t.rows.len(), 2);
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[0].fields.get(2), Some("Nguyễn; Văn An"));
        assert_eq!(t.rows[1].line, 5);
    }

    #[test]
    fn line_numbers_survive_crlf_blank_lines_and_quoted_newlines() {
        let bytes = b"a;b\r\n1;2\r\n\r\n3;\"x\r\ny\"\r\n5;6\r\n";
        let t = read_table(bytes).unwrap();
        let lines: Vec<u64> = t.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, vec![2, 4, 6]);
    }

    #[test]
    fn windows_1258_is_detected_and_composed() {
        let bytes = to_windows_1258("Chủ hộ,Thôn\nNguyễn Văn Ước,Đông\n");
        assert!(std::str::from_utf8(&bytes).is_err());
        let t = read_table(&bytes).unwrap();
        assert_eq!(t.encoding, SourceEncoding::Windows1258);
        assert_eq!(t.headers, vec!["Chủ hộ", "Thôn"]);
        assert_eq!(t.rows[0].fields, vec!["Nguyễn Văn Ước", "Đông"]);
    }

    #[test]
    fn utf16_tab_separated_unicode_text() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "Mã hộ\tChủ hộ\r\nHO1\tTrần Thị Ánh\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        let t = read_table(&bytes).unwrap();
        assert_eq!(t.delimiter, b'\t');
        assert_eq!(t.rows[0].fields, vec!["HO1", "Trần Thị Ánh"]);
    }

    #[test]
    fn excel_sep_hint_and_leading_blank_lines() {
        let t = read_table(b"\n\nsep=;\nA;B\n1;2\n").unwrap();
        assert_eq!(t.delimiter, b';');
        assert_eq!(t.headers, vec!["A", "B"]);
        assert_eq!(t.header_line, 4);
        assert_eq!(t.rows[0].line, 5);
    }

    #[test]
    fn nothing_but_blank_lines_is_empty() {
        assert_eq!(read_table(b""), Err(ReadError::Empty));
        assert_eq!(read_table(b"\r\n  \r\n"), Err(ReadError::Empty));
    }

    #[test]
    fn sniffing_prefers_the_dominant_separator() {
        assert_eq!(sniff_delimiter("a;b;c"), b';');
        assert_eq!(sniff_delimiter("a,b,c"), b',');
        assert_eq!(sniff_delimiter("a\tb, c\td"), b'\t');
        assert_eq!(sniff_delimiter("\"Thôn, xóm\";Chủ hộ"), b';');
        assert_eq!(sniff_delimiter("Chủ hộ"), b',');
    }

    #[test]
    fn a_quote_left_open_is_found_where_it_opened() {
        assert_eq!(unterminated_quote("a;b\n1;\"x\n2;3\n", b';'), Some(2));
        assert_eq!(unterminated_quote("a;b\n1;\"x\"\"y\"\n", b';'), None);
        // A quote inside an unquoted cell is a plain character, as the csv reader says.
        assert_eq!(unterminated_quote("a;b\n1;5\" TV\n", b';'), None);
        assert_eq!(unterminated_quote("a;b\n\"1\"\";2\n", b';'), Some(2));
        assert!(matches!(
            read_table(b"a,b\n1,\"x\n2,3\n"),
            Err(ReadError::UnterminatedQuote { line: 2 })
        ));
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..600)) {
            let _ = read_table(&bytes);
        }
    }
}
