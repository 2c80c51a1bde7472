//! The page and the fixed parts of the package: A4, the NĐ 30/2020 margins, Times New
//! Roman, the page number centred at the top of every page but the first, and the
//! relationship files that tie the parts together.

use super::xml::mm;

/// A4, in twips.
pub const PAGE_W: u32 = 11906;
pub const PAGE_H: u32 = 16838;
/// NĐ 30/2020 Phụ lục I: top and bottom 20–25 mm, left 30–35 mm, right 15–20 mm. The
/// smallest of each keeps the wide tables as wide as the rules allow.
pub const MARGIN_TOP_MM: u32 = 20;
pub const MARGIN_BOTTOM_MM: u32 = 20;
pub const MARGIN_LEFT_MM: u32 = 30;
pub const MARGIN_RIGHT_MM: u32 = 15;
/// The width between the margins, for tables.
pub fn text_width() -> u32 {
    PAGE_W - mm(MARGIN_LEFT_MM) - mm(MARGIN_RIGHT_MM)
}

/// Body text size in points (NĐ 30: 13–14).
pub const BODY_PT: u32 = 14;
pub const FONT: &str = "Times New Roman";

const DECL: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;
pub const W_NS: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships""#;

/// The section: A4 portrait, margins, a page-number header on pages after the first
/// (`titlePg` gives the first page its own, empty, header), numbered from 1 — so in a
/// document of many forms, one section each, every form is numbered on its own.
pub fn section() -> String {
    format!(
        r#"<w:sectPr><w:headerReference w:type="default" r:id="rIdHeader"/><w:headerReference w:type="first" r:id="rIdFirstHeader"/><w:pgSz w:w="{PAGE_W}" w:h="{PAGE_H}"/><w:pgMar w:top="{}" w:right="{}" w:bottom="{}" w:left="{}" w:header="{}" w:footer="{}" w:gutter="0"/><w:pgNumType w:start="1"/><w:cols w:space="720"/><w:titlePg/></w:sectPr>"#,
        mm(MARGIN_TOP_MM),
        mm(MARGIN_RIGHT_MM),
        mm(MARGIN_BOTTOM_MM),
        mm(MARGIN_LEFT_MM),
        mm(10),
        mm(10),
    )
}

/// A paragraph that ends a section: what follows starts on a new page (the default
/// section break), with its own first page and page numbers. The paragraph is 1 pt
/// high so a form that fills its last page does not spill a blank one.
pub fn section_break() -> String {
    format!(
        r#"<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr>{}</w:pPr></w:p>"#,
        section()
    )
}

pub fn document(body: &str) -> String {
    format!(
        "{DECL}<w:document {W_NS}><w:body>{body}{}</w:body></w:document>",
        section()
    )
}

/// The header of pages 2 onwards: the page number, centred.
pub fn page_number_header() -> String {
    let field = concat!(
        r#"<w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
        r#"<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
        r#"<w:r><w:t>2</w:t></w:r>"#,
        r#"<w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
    );
    format!(
        r#"{DECL}<w:hdr {W_NS}><w:p><w:pPr><w:jc w:val="center"/></w:pPr>{field}</w:p></w:hdr>"#
    )
}

/// The first page's header: empty (the number starts on page 2).
pub fn first_header() -> String {
    format!(r#"{DECL}<w:hdr {W_NS}><w:p/></w:hdr>"#)
}

/// Times New Roman 14, black, Vietnamese, single spacing, for every paragraph.
pub fn styles() -> String {
    let size = BODY_PT * 2;
    format!(
        r#"{DECL}<w:styles {W_NS}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="{FONT}" w:hAnsi="{FONT}" w:eastAsia="{FONT}" w:cs="{FONT}"/><w:color w:val="000000"/><w:sz w:val="{size}"/><w:szCs w:val="{size}"/><w:lang w:val="vi-VN" w:eastAsia="vi-VN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style></w:styles>"#
    )
}

pub fn content_types() -> String {
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/><Override PartName="/word/header1.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/word/header2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>"#
    )
}

pub fn package_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>"#
    )
}

pub fn document_rels() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rIdHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/><Relationship Id="rIdFirstHeader" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header2.xml"/></Relationships>"#
    )
}

/// The document's title and author as Word shows them in File › Info.
pub fn core_properties(title: &str, author: &str) -> String {
    use super::xml::esc;
    format!(
        r#"{DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dc:language>vi-VN</dc:language></cp:coreProperties>"#,
        esc(title),
        esc(author)
    )
}

/// The parts of a document without headers or properties (the typed report for the
/// printer).
pub fn content_types_plain() -> String {
    format!(
        r#"{DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>"#
    )
}

pub fn package_rels_plain() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#
    )
}

pub fn document_rels_without_headers() -> String {
    format!(
        r#"{DECL}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdStyles" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#
    )
}
