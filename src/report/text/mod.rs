//! The printed summary for the Party committee and the People's Committee: plain text,
//! laid out like the administrative reports they already know, for A4 paper from any
//! printer. Pure: [`render`] takes the gathered figures and returns the whole text.
//!
//! - [`layout`]: page width and length, page numbers, form feeds, keeping rows whole;
//! - [`grid`]: ruled tables sized to their figures;
//! - [`header`]: letterhead, title, resolution;
//! - [`tables`]: the figures per title, per community, against the year before, list;
//! - [`notes`]: denominators and criteria sets;
//! - [`signature`]: the signature block.

pub mod grid;
pub mod header;
pub mod layout;
pub mod notes;
pub mod signature;
pub mod tables;

use super::data::ReportData;
use chrono::NaiveDate;
use layout::{Block, Pen};

/// How the text is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TextOptions {
    /// The date printed on the report ("…, ngày 22 tháng 11 năm 2026").
    pub today: NaiveDate,
    /// Without diacritics, for printers without Vietnamese fonts.
    pub ascii: bool,
    /// Append the recognised units by community (needs `ReportData::recognised`).
    pub list: bool,
}

const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

/// The whole report: pages of at most 60 lines of at most 80 columns, separated by form
/// feeds, lines ending in `\n` (see [`windows_bytes`] for Notepad).
pub fn render(data: &ReportData, options: &TextOptions) -> String {
    let pen = Pen {
        ascii: options.ascii,
    };
    let summary = &data.summary;
    let targets: Vec<&crate::model::Target> = summary
        .lines
        .iter()
        .filter_map(|l| l.target.as_ref())
        .collect();
    let mut blocks: Vec<Block> = Vec::new();
    blocks.extend(header::letterhead(
        &pen,
        &summary.commune,
        &data.letterhead,
        summary.year,
        options.today,
    ));
    blocks.extend(header::preamble(
        &pen,
        &summary.commune,
        summary.year,
        &targets,
    ));
    let mut sections = ROMAN.iter();
    let mut next = || sections.next().copied().unwrap_or("*");
    blocks.extend(tables::summary(&pen, next(), summary));
    if summary
        .lines
        .iter()
        .flat_map(|l| &l.targets)
        .any(|b| b.target.basis != crate::model::Basis::Total)
    {
        blocks.extend(tables::bases(&pen, next(), summary));
    }
    blocks.extend(tables::communities(&pen, next(), data));
    blocks.extend(tables::change(&pen, next(), data));
    if options.list {
        let groups = data.recognised.as_deref().unwrap_or(&[]);
        blocks.extend(tables::listing(&pen, next(), groups));
    }
    blocks.extend(tables::way(&pen, next(), data));
    blocks.extend(notes::notes(&pen, next(), data));
    blocks.extend(signature::signature(&pen, &data.letterhead));
    layout::finish(&layout::paginate(blocks), &pen)
}

/// The text as Notepad on an office PC wants it: UTF-8 with a byte-order mark and CRLF
/// line ends.
pub fn windows_bytes(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + text.len() / 40 + 3);
    out.extend_from_slice(b"\xEF\xBB\xBF");
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.extend_from_slice(b"\r\n");
        }
        out.extend_from_slice(line.trim_end_matches('\r').as_bytes());
    }
    out
}

/// The name the app saves a report under: `bao-cao-<year>-<yyyymmdd>.txt`.
pub fn file_name(year: crate::model::Year, today: NaiveDate) -> String {
    format!("bao-cao-{year}-{}.txt", today.format("%Y%m%d"))
}

/// Where the app saves it: the user's documents folder (the home folder when the system
/// has none), under [`file_name`]. Looks at the environment only; writes nothing.
pub fn save_path(year: crate::model::Year, today: NaiveDate) -> std::path::PathBuf {
    let dir = directories::UserDirs::new().and_then(|u| {
        u.document_dir()
            .map(std::path::Path::to_path_buf)
            .or_else(|| Some(u.home_dir().to_path_buf()))
    });
    dir.unwrap_or_default().join(file_name(year, today))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_text_has_a_bom_and_crlf_only() {
        let bytes = windows_bytes("a\nb\u{c}c\n");
        assert_eq!(bytes, b"\xEF\xBB\xBFa\r\nb\x0cc\r\n");
    }

    #[test]
    fn the_saved_name_carries_year_and_date() {
        let d = NaiveDate::from_ymd_opt(2026, 1, 5).expect("date");
        assert_eq!(file_name(2025, d), "bao-cao-2025-20260105.txt");
        assert!(save_path(2025, d).ends_with("bao-cao-2025-20260105.txt"));
    }
}
