//! The report as a Word document (.docx) the office edits, signs and sends, laid out per
//! Nghị định 30/2020/NĐ-CP, Phụ lục I: A4, margins 20/20/30/15 mm, Times New Roman 14,
//! letterhead, tables with header rows repeated on each page, page numbers from page 2
//! centred at the top, "Nơi nhận" and the signature block, and empty sections for the
//! office's own assessment. Pure: [`render`] returns the file's bytes; writing it is the
//! caller's job.
//!
//! The package is a handful of XML parts zipped together, written here rather than
//! through a document library so every property the decree fixes is set exactly (see
//! docs/decisions.md).
//!
//! - [`xml`]: paragraphs, runs and tables as WordprocessingML;
//! - [`page`]: page size, margins, fonts, header, the package's fixed parts;
//! - [`letterhead`]: issuing body, national header, number, place and date;
//! - [`tables`]: the figures as Word tables; [`body`]: the document top to bottom;
//! - [`typed`]: the 80-column text report as a document, for printing it;
//! - [`decision`]: a recognition decision with its attached list of units;
//! - [`sheet`]: a unit's scoring sheet, pre-filled with its last values;
//!   [`registration`]: its registration form; [`forms`]: many units' forms in one
//!   document, one section each.

pub mod body;
pub mod decision;
pub mod forms;
pub mod letterhead;
pub mod page;
pub mod registration;
pub mod sheet;
mod tables;
pub mod typed;
pub mod xml;

use super::data::ReportData;
use chrono::NaiveDate;
use std::io::Write;

/// What goes into the document besides the figures.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocxOptions {
    /// The date on the report ("…, ngày 22 tháng 11 năm 2026").
    pub today: NaiveDate,
    /// Attach the list of recognised units (needs `ReportData::recognised`).
    pub list: bool,
    /// The chair's name under the signature; empty room for it by hand when `None`.
    pub signer: Option<String>,
}

/// The zip library failed writing into memory (it cannot, short of a bug).
#[derive(Debug, thiserror::Error)]
#[error("Không tạo được tệp Word: {0}")]
pub struct DocxError(String);

/// The whole .docx file.
pub fn render(data: &ReportData, options: &DocxOptions) -> Result<Vec<u8>, DocxError> {
    let body = body::blocks(data, options).concat();
    let title = format!(
        "Báo cáo kết quả xây dựng các mô hình học tập năm {}",
        data.summary.year
    );
    let author = super::text::header::issuing_body(&data.summary.commune.name);
    package(&body, &title, &author)
}

/// A document of `body` (block XML) on the NĐ 30 page, with its title and author.
fn package(body: &str, title: &str, author: &str) -> Result<Vec<u8>, DocxError> {
    let parts: [(&str, String); 8] = [
        ("[Content_Types].xml", page::content_types()),
        ("_rels/.rels", page::package_rels()),
        ("docProps/core.xml", page::core_properties(title, author)),
        ("word/_rels/document.xml.rels", page::document_rels()),
        ("word/document.xml", page::document(body)),
        ("word/styles.xml", page::styles()),
        ("word/header1.xml", page::page_number_header()),
        ("word/header2.xml", page::first_header()),
    ];
    zip_parts(parts.iter())
}

fn zip_parts<'a>(parts: impl Iterator<Item = &'a (&'a str, String)>) -> Result<Vec<u8>, DocxError> {
    let failed = |e: &dyn std::fmt::Display| DocxError(e.to_string());
    // Without the `time` feature every part carries the zip epoch (1980-01-01), so the
    // same report gives the same bytes.
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for (name, xml) in parts {
        zip.start_file(*name, options).map_err(|e| failed(&e))?;
        zip.write_all(xml.as_bytes()).map_err(|e| failed(&e))?;
    }
    let cursor = zip.finish().map_err(|e| failed(&e))?;
    Ok(cursor.into_inner())
}

/// The name the app saves a Word report under: `bao-cao-<year>-<yyyymmdd>.docx`.
pub fn file_name(year: crate::model::Year, today: NaiveDate) -> String {
    format!("bao-cao-{year}-{}.docx", today.format("%Y%m%d"))
}

#[cfg(test)]
mod tests;
