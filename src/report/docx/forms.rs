//! Many units' forms in one document — a thôn's scoring sheets, or the registration
//! forms of every registered unit — each laid out by its own renderer ([`super::sheet`],
//! [`super::registration`]) and starting on a new page in a section of its own, so its
//! first page carries no number and its pages are numbered from 1 however many forms
//! come before it.

use super::page::section_break;
use super::sheet::SheetData;
use crate::criteria::CriteriaSet;
use crate::model::{Commune, Title, Year};
use crate::report::text::header::issuing_body;

/// Which form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormKind {
    /// "Phiếu chấm điểm", pre-filled with the unit's last values.
    Sheet,
    /// "Phiếu đăng ký".
    Registration,
}

impl FormKind {
    /// "phiếu chấm điểm", for sentences.
    pub fn name(self) -> &'static str {
        match self {
            FormKind::Sheet => "phiếu chấm điểm",
            FormKind::Registration => "phiếu đăng ký",
        }
    }

    fn slug(self) -> &'static str {
        match self {
            FormKind::Sheet => "phieu-cham-diem",
            FormKind::Registration => "phieu-dang-ky",
        }
    }

    /// One unit's form, as block XML.
    pub fn blocks(self, set: &CriteriaSet, d: &SheetData) -> Vec<String> {
        match self {
            FormKind::Sheet => super::sheet::blocks(set, d),
            FormKind::Registration => super::registration::blocks(set, d),
        }
    }
}

/// The body of many forms: each one's blocks, a section break between them.
pub fn body<'a>(
    kind: FormKind,
    forms: impl IntoIterator<Item = (&'a CriteriaSet, &'a SheetData)>,
) -> String {
    let mut out = String::new();
    for (i, (set, d)) in forms.into_iter().enumerate() {
        if i > 0 {
            out.push_str(&section_break());
        }
        out.push_str(&kind.blocks(set, d).concat());
    }
    out
}

/// The whole .docx of many forms; `what` names them in the document's properties
/// ("Thôn Đông", "các đơn vị đã đăng ký").
pub fn render<'a>(
    kind: FormKind,
    commune: &Commune,
    title: Title,
    year: Year,
    what: &str,
    forms: impl IntoIterator<Item = (&'a CriteriaSet, &'a SheetData)>,
) -> Result<Vec<u8>, super::DocxError> {
    let mut letters = kind.name().chars();
    let name: String = letters
        .next()
        .map(|c| c.to_uppercase().chain(letters).collect())
        .unwrap_or_default();
    let doc_title = format!("{name} {} năm {year}: {what}", title.short());
    super::package(&body(kind, forms), &doc_title, &issuing_body(&commune.name))
}

/// The file name: `phieu-cham-diem-<title>-<year>-<what without diacritics>.docx`.
pub fn file_name(kind: FormKind, title: Title, year: Year, what: &str) -> String {
    let plain: String = crate::text::fold(what)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let what = plain
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{}-{}-{year}-{what}.docx", kind.slug(), title.code())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Catalog;
    use std::collections::BTreeMap;

    fn data(code: &str) -> SheetData {
        SheetData {
            commune: Commune {
                name: "Xã Yên Mô".into(),
                province: String::new(),
            },
            year: 2025,
            unit_code: code.into(),
            unit_name: format!("Hộ {code}"),
            community: "Thôn Đông".into(),
            values_year: None,
            values: BTreeMap::new(),
            today: chrono::NaiveDate::from_ymd_opt(2025, 3, 1).unwrap_or_default(),
        }
    }

    #[test]
    fn each_form_is_its_own_section_and_says_its_unit() {
        let catalog = Catalog::shipped().expect("shipped sets");
        let set = &catalog.in_force(Title::GiaDinh, 2025).expect("set").set;
        let units = [data("HO1"), data("HO2"), data("HO3")];
        for kind in [FormKind::Sheet, FormKind::Registration] {
            let body = body(kind, units.iter().map(|d| (&**set, d)));
            let head = match kind {
                FormKind::Sheet => "PHIẾU CHẤM ĐIỂM",
                FormKind::Registration => "PHIẾU ĐĂNG KÝ",
            };
            assert_eq!(body.matches(head).count(), 3);
            // Two breaks between three forms; the document adds the last section.
            assert_eq!(body.matches("<w:sectPr>").count(), 2);
            for d in &units {
                assert!(body.contains(&d.unit_code));
            }
            let whole = super::super::page::document(&body);
            assert_eq!(whole.matches("<w:sectPr>").count(), 3);
        }
        assert_eq!(
            file_name(FormKind::Sheet, Title::GiaDinh, 2025, "Thôn Đông"),
            "phieu-cham-diem-gia-dinh-2025-thon-dong.docx"
        );
    }
}
