//! The 80-column text report as a Word document for the printer: every line as typed in
//! a monospaced font that has every Vietnamese letter (DejaVu Sans Mono), sized so 80
//! columns fit between margins any printer can print, 60 lines to an A4 page, and a new
//! page at each form feed — so the sheet shows exactly the pages the text report has.
//! `print` turns it into PDF with LibreOffice; nothing here runs a program.

use super::page::{W_NS, document_rels_without_headers};
use super::xml::{esc, mm};
use crate::report::text::layout::FORM_FEED;

/// Monospaced, with the whole Vietnamese alphabet, and on every Linux with fonts.
pub const FONT: &str = "DejaVu Sans Mono";
/// 10 pt: DejaVu Sans Mono's advance is 0.602 em, so 80 columns take 481.6 pt (170 mm)
/// of the 175 mm between the margins below; lines never wrap.
const SIZE_HALF_POINTS: u32 = 20;
/// 12 pt a line (6 lines per inch): 60 lines take 254 mm of the 267 mm available.
const LINE_TWIPS: u32 = 240;
/// Printable on every office printer (most need 4–6 mm).
const MARGIN_TOP_MM: u32 = 15;
const MARGIN_BOTTOM_MM: u32 = 15;
const MARGIN_LEFT_MM: u32 = 20;
const MARGIN_RIGHT_MM: u32 = 15;

fn paragraph(line: &str, new_page: bool) -> String {
    let page = if new_page { "<w:pageBreakBefore/>" } else { "" };
    let text = if line.is_empty() {
        String::new()
    } else {
        format!(
            r#"<w:r><w:t xml:space="preserve">{}</w:t></w:r>"#,
            esc(line)
        )
    };
    format!("<w:p><w:pPr>{page}</w:pPr>{text}</w:p>")
}

/// `word/document.xml` for `text` (lines ending in `\n`, pages separated by form feeds).
pub fn document(text: &str) -> String {
    let mut body = String::new();
    for (i, page) in text.split(FORM_FEED).enumerate() {
        let page = page.strip_suffix('\n').unwrap_or(page);
        for (j, line) in page.split('\n').enumerate() {
            body.push_str(&paragraph(line.trim_end_matches('\r'), i > 0 && j == 0));
        }
    }
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document {W_NS}><w:body>{body}<w:sectPr><w:pgSz w:w="{}" w:h="{}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr></w:body></w:document>"#,
        super::page::PAGE_W,
        super::page::PAGE_H,
        mm(MARGIN_TOP_MM),
        mm(MARGIN_RIGHT_MM),
        mm(MARGIN_BOTTOM_MM),
        mm(MARGIN_LEFT_MM),
    )
}

/// `word/styles.xml`: the font, its size, exact line spacing, no space between lines.
pub fn styles() -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/><w:sz w:val="{SIZE_HALF_POINTS}"/><w:szCs w:val="{SIZE_HALF_POINTS}"/><w:lang w:val="vi-VN"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="{LINE_TWIPS}" w:lineRule="exact"/></w:pPr></w:pPrDefault></w:docDefaults></w:styles>"#
    )
}

/// The whole .docx of the typed report.
pub fn render(text: &str) -> Result<Vec<u8>, super::DocxError> {
    let parts: [(&str, String); 5] = [
        ("[Content_Types].xml", super::page::content_types_plain()),
        ("_rels/.rels", super::page::package_rels_plain()),
        (
            "word/_rels/document.xml.rels",
            document_rels_without_headers(),
        ),
        ("word/document.xml", document(text)),
        ("word/styles.xml", styles()),
    ];
    super::zip_parts(parts.iter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_is_a_paragraph_and_a_form_feed_starts_a_page() {
        let doc = document("KẾT QUẢ  <1>\n\nb\n\u{c}c\n");
        assert_eq!(doc.matches("<w:p>").count(), 4);
        assert_eq!(doc.matches("<w:pageBreakBefore/>").count(), 1);
        assert!(doc.contains(r#"<w:t xml:space="preserve">KẾT QUẢ  &lt;1&gt;</w:t>"#));
        assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#));
        assert!(styles().contains("DejaVu Sans Mono"));
    }
}
