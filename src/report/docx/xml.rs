//! The few WordprocessingML pieces the report needs — paragraphs with runs, tables with
//! repeated header rows — written as text. Child elements are emitted in the order the
//! schema requires (Word refuses a file whose `pPr` or `tblPr` children are out of
//! order, even where LibreOffice would not mind).

/// Text for an XML element or attribute.
pub fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0; a tab is written as `w:tab`.
            c if c.is_control() && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Twentieths of a point ("twips") in a millimetre: page sizes and margins are in twips.
pub fn mm(millimetres: u32) -> u32 {
    // 1 mm = 1440 / 25.4 twips; rounded to the nearest whole twip.
    (millimetres * 14400 + 127) / 254
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Align {
    Left,
    Center,
    Right,
    /// Justified, as body text in administrative documents.
    Both,
}

impl Align {
    fn val(self) -> &'static str {
        match self {
            Align::Left => "left",
            Align::Center => "center",
            Align::Right => "right",
            Align::Both => "both",
        }
    }
}

/// How a run of text looks. Sizes are in half-points (28 = 14 pt), Word's unit.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Look {
    pub bold: bool,
    pub italic: bool,
    pub size: Option<u32>,
}

/// One paragraph.
#[derive(Debug, Clone, Default)]
pub struct P {
    align: Option<Align>,
    keep_next: bool,
    page_break_before: bool,
    /// Drawn as a short line, indented this far from both sides (twips).
    rule: Option<u32>,
    before: u32,
    after: u32,
    first_line: u32,
    left: u32,
    hanging: u32,
    /// The look of text added with [`P::text`].
    look: Look,
    runs: String,
}

impl P {
    pub fn new() -> P {
        P::default()
    }

    pub fn align(mut self, align: Align) -> P {
        self.align = Some(align);
        self
    }

    pub fn center(self) -> P {
        self.align(Align::Center)
    }

    /// Kept on the same page as the next paragraph (headings, captions).
    pub fn keep_next(mut self) -> P {
        self.keep_next = true;
        self
    }

    pub fn page_break_before(mut self) -> P {
        self.page_break_before = true;
        self
    }

    /// A short line on its own (under the issuing body, the motto, the title), indented
    /// `indent` twips from both sides of its column. Its own thin paragraph, so the text
    /// above keeps the column's whole width.
    pub fn rule(indent: u32) -> P {
        P {
            rule: Some(indent),
            look: Look {
                size: Some(4),
                ..Look::default()
            },
            ..P::default()
        }
    }

    /// Space before and after, in points.
    pub fn space(mut self, before: u32, after: u32) -> P {
        self.before = before * 20;
        self.after = after * 20;
        self
    }

    /// First-line indent, in twips.
    pub fn first_line(mut self, twips: u32) -> P {
        self.first_line = twips;
        self
    }

    /// A hanging indent: every line but the first starts `twips` in.
    pub fn hanging(mut self, twips: u32) -> P {
        self.left = twips;
        self.hanging = twips;
        self
    }

    pub fn bold(mut self) -> P {
        self.look.bold = true;
        self
    }

    pub fn italic(mut self) -> P {
        self.look.italic = true;
        self
    }

    /// Text size in points (13, 14, …).
    pub fn size(mut self, points: u32) -> P {
        self.look.size = Some(points * 2);
        self
    }

    /// Adds text in the paragraph's look.
    pub fn text(self, text: &str) -> P {
        let look = self.look;
        self.run(text, look)
    }

    /// Adds text in its own look.
    pub fn run(mut self, text: &str, look: Look) -> P {
        self.runs.push_str(&run(text, look));
        self
    }

    /// Adds a raw run (a field).
    pub fn raw(mut self, xml: &str) -> P {
        self.runs.push_str(xml);
        self
    }

    /// The paragraph's look, for runs added with [`P::run`].
    pub fn look(&self) -> Look {
        self.look
    }

    pub fn xml(&self) -> String {
        let mut props = String::new();
        if self.keep_next {
            props.push_str("<w:keepNext/>");
        }
        if self.page_break_before {
            props.push_str("<w:pageBreakBefore/>");
        }
        if self.rule.is_some() {
            props.push_str(
                r#"<w:pBdr><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>"#,
            );
        }
        if self.before > 0 || self.after > 0 {
            props.push_str(&format!(
                r#"<w:spacing w:before="{}" w:after="{}"/>"#,
                self.before, self.after
            ));
        }
        let (left, right) = match self.rule {
            Some(indent) => (indent, indent),
            None => (self.left, 0),
        };
        if left > 0 || right > 0 || self.first_line > 0 || self.hanging > 0 {
            let mut ind = format!(r#"<w:ind w:left="{left}" w:right="{right}""#);
            if self.hanging > 0 {
                ind.push_str(&format!(r#" w:hanging="{}""#, self.hanging));
            } else if self.first_line > 0 {
                ind.push_str(&format!(r#" w:firstLine="{}""#, self.first_line));
            }
            ind.push_str("/>");
            props.push_str(&ind);
        }
        if let Some(a) = self.align {
            props.push_str(&format!(r#"<w:jc w:val="{}"/>"#, a.val()));
        }
        // The paragraph mark takes the text's size, so an empty line is as tall as text.
        let mark = run_props(self.look);
        if !mark.is_empty() {
            props.push_str(&format!("<w:rPr>{mark}</w:rPr>"));
        }
        format!("<w:p><w:pPr>{props}</w:pPr>{}</w:p>", self.runs)
    }
}

fn run_props(look: Look) -> String {
    let mut props = String::new();
    if look.bold {
        props.push_str("<w:b/><w:bCs/>");
    }
    if look.italic {
        props.push_str("<w:i/><w:iCs/>");
    }
    if let Some(size) = look.size {
        props.push_str(&format!(
            r#"<w:sz w:val="{size}"/><w:szCs w:val="{size}"/>"#
        ));
    }
    props
}

/// One run of text; a tab becomes `w:tab`, spaces are kept as typed.
pub fn run(text: &str, look: Look) -> String {
    let props = run_props(look);
    let props = if props.is_empty() {
        String::new()
    } else {
        format!("<w:rPr>{props}</w:rPr>")
    };
    let body: Vec<String> = text
        .split('\t')
        .map(|part| format!(r#"<w:t xml:space="preserve">{}</w:t>"#, esc(part)))
        .collect();
    format!("<w:r>{props}{}</w:r>", body.join("<w:tab/>"))
}

/// A cell: its paragraphs, and how many grid columns it spans.
#[derive(Debug, Clone)]
pub struct Cell {
    pub paras: Vec<P>,
    pub span: usize,
}

impl Cell {
    pub fn new(paras: Vec<P>) -> Cell {
        Cell { paras, span: 1 }
    }
}

#[derive(Debug, Clone)]
pub struct Row {
    /// Repeated at the top of every page the table continues on.
    pub header: bool,
    pub cells: Vec<Cell>,
}

/// A table with fixed column widths (twips), ruled or not.
#[derive(Debug, Clone)]
pub struct Table {
    pub widths: Vec<u32>,
    pub ruled: bool,
    pub rows: Vec<Row>,
}

impl Table {
    pub fn xml(&self) -> String {
        let total: u32 = self.widths.iter().sum();
        let border = if self.ruled { "single" } else { "nil" };
        let borders: String = ["top", "left", "bottom", "right", "insideH", "insideV"]
            .iter()
            .map(|side| {
                format!(r#"<w:{side} w:val="{border}" w:sz="4" w:space="0" w:color="000000"/>"#)
            })
            .collect();
        let mut out = format!(
            r#"<w:tbl><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr><w:tblGrid>"#
        );
        for w in &self.widths {
            out.push_str(&format!(r#"<w:gridCol w:w="{w}"/>"#));
        }
        out.push_str("</w:tblGrid>");
        for row in &self.rows {
            // A row is never split across pages; header rows repeat on each page.
            out.push_str("<w:tr><w:trPr><w:cantSplit/>");
            if row.header {
                out.push_str("<w:tblHeader/>");
            }
            out.push_str("</w:trPr>");
            let mut col = 0;
            for cell in &row.cells {
                let span = cell.span.max(1);
                let width: u32 = self.widths.iter().skip(col).take(span).sum();
                col += span;
                out.push_str(&format!(
                    r#"<w:tc><w:tcPr><w:tcW w:w="{width}" w:type="dxa"/>"#
                ));
                if span > 1 {
                    out.push_str(&format!(r#"<w:gridSpan w:val="{span}"/>"#));
                }
                out.push_str(r#"<w:vAlign w:val="center"/></w:tcPr>"#);
                if cell.paras.is_empty() {
                    out.push_str(&P::new().xml());
                }
                for p in &cell.paras {
                    out.push_str(&p.xml());
                }
                out.push_str("</w:tc>");
            }
            out.push_str("</w:tr>");
        }
        out.push_str("</w:tbl>");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_kept_whole() {
        assert_eq!(esc("a<b & \"c\">\u{c}"), "a&lt;b &amp; &quot;c&quot;&gt;");
        let r = run("Số:  /BC\tX", Look::default());
        assert!(r.contains(r#"<w:t xml:space="preserve">Số:  /BC</w:t><w:tab/>"#));
    }

    #[test]
    fn millimetres_become_twips() {
        assert_eq!(mm(210), 11906);
        assert_eq!(mm(297), 16838);
        assert_eq!(mm(20), 1134);
    }

    #[test]
    fn paragraph_properties_follow_the_schema_order() {
        let p = P::new()
            .keep_next()
            .space(6, 0)
            .first_line(567)
            .center()
            .bold()
            .text("X")
            .xml();
        let order = ["keepNext", "spacing", "ind", "jc", "rPr"];
        let at: Vec<usize> = order
            .iter()
            .map(|tag| p.find(&format!("<w:{tag}")).unwrap())
            .collect();
        assert!(at.windows(2).all(|w| w[0] < w[1]), "{p}");
    }
}
