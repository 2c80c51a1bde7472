//! A scoring sheet ("Phiếu chấm điểm") for one unit: every criterion and indicator of
//! the criteria set, with the unit's last recorded values pre-filled beside an empty
//! column for this round's marks, and room for the scorer and the unit to sign. Printed
//! and filled by hand at the unit, then typed into the register.

use super::letterhead::{body_line, two_signatures};
use super::page::text_width;
use super::xml::{Align, Cell, P, Row, Table};
use crate::criteria::{CriteriaSet, IndicatorKind, Status, score};
use crate::model::{Commune, IndicatorValue, Year};
use crate::report::text::header::{issuing_body, long_date, place_name};
use chrono::NaiveDate;
use std::collections::BTreeMap;

/// What the sheet shows besides the set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetData {
    pub commune: Commune,
    pub year: Year,
    pub unit_code: String,
    pub unit_name: String,
    /// The thôn or tổ dân phố; empty for units outside one.
    pub community: String,
    /// The year the pre-filled values were recorded; `None`: none yet, the column is empty.
    pub values_year: Option<Year>,
    pub values: BTreeMap<String, IndicatorValue>,
    pub today: NaiveDate,
}

const PT: u32 = 12;

fn cell(text: &str, align: Align, bold: bool) -> Cell {
    let p = P::new().align(align).size(PT);
    Cell::new(vec![if bold { p.bold() } else { p }.text(text)])
}

fn scale(kind: IndicatorKind, max: u16) -> String {
    match kind {
        IndicatorKind::Points => max.to_string(),
        IndicatorKind::PassFail => "Đ / K".into(),
    }
}

fn table(set: &CriteriaSet, d: &SheetData) -> Table {
    let last = match d.values_year {
        Some(y) => format!("Đã ghi năm {y}"),
        None => "Đã ghi".into(),
    };
    let mut rows = vec![Row {
        header: true,
        cells: vec![
            cell("Mã", Align::Center, true),
            cell("Chỉ số", Align::Center, true),
            cell("Điểm tối đa", Align::Center, true),
            cell(&last, Align::Center, true),
            cell(&format!("Chấm năm {}", d.year), Align::Center, true),
        ],
    }];
    for criterion in &set.criteria {
        let mut head = criterion.name.clone();
        if let Some(min) = criterion.min_total {
            head.push_str(&format!(" (tối thiểu {min} điểm)"));
        }
        rows.push(Row {
            header: false,
            cells: vec![
                cell(&criterion.code, Align::Left, true),
                Cell {
                    paras: vec![P::new().size(PT).bold().text(&head)],
                    span: 4,
                },
            ],
        });
        for ind in &criterion.indicators {
            let mut text = ind.text.clone();
            if ind.mandatory {
                text.push_str(" (bắt buộc)");
            }
            let value = d
                .values
                .get(&ind.code)
                .map_or(String::new(), |v| v.display());
            rows.push(Row {
                header: false,
                cells: vec![
                    cell(&ind.code, Align::Left, false),
                    cell(&text, Align::Left, false),
                    cell(&scale(ind.kind, ind.max), Align::Center, false),
                    cell(&value, Align::Center, false),
                    cell("", Align::Center, false),
                ],
            });
        }
    }
    let result = score(set, &d.values);
    let total = if d.values.is_empty() {
        String::new()
    } else {
        result.total.to_string()
    };
    rows.push(Row {
        header: false,
        cells: vec![
            Cell {
                paras: vec![P::new().size(PT).bold().text("Tổng điểm")],
                span: 3,
            },
            cell(&total, Align::Center, true),
            cell("", Align::Center, false),
        ],
    });
    let w = text_width();
    let (code, max, value) = (w / 10, w / 9, w / 7);
    Table {
        widths: vec![code, w - code - max - 2 * value, max, value, value],
        ruled: true,
        rows,
    }
}

/// Who signs for the scored unit: the person, the household head, or the unit's head.
fn signer_of(title: crate::model::Title) -> &'static str {
    use crate::model::Title;
    match title {
        Title::GiaDinh => "CHỦ HỘ",
        Title::DongHo => "ĐẠI DIỆN DÒNG HỌ",
        Title::CongDong => "TRƯỞNG THÔN, TỔ DÂN PHỐ",
        Title::DonVi => "THỦ TRƯỞNG ĐƠN VỊ",
        Title::CongDan => "NGƯỜI ĐƯỢC CHẤM",
    }
}

/// Every block of the sheet, as XML.
pub fn blocks(set: &CriteriaSet, d: &SheetData) -> Vec<String> {
    let place_date = format!(
        "{}, ngày … tháng … năm {}",
        place_name(&d.commune.name),
        d.year
    );
    let mut out = vec![
        super::letterhead::table(
            vec![
                body_line(&issuing_body(&d.commune.name), true),
                body_line("BAN CHẤP HÀNH", true),
            ],
            "",
            &place_date,
        )
        .xml(),
    ];
    let mut head = vec![
        P::new()
            .center()
            .space(18, 0)
            .bold()
            .text("PHIẾU CHẤM ĐIỂM"),
        P::new()
            .center()
            .bold()
            .text(&format!("Danh hiệu “{}” năm {}", set.title.name(), d.year)),
        P::rule(3900),
        P::new().space(6, 0),
        P::new()
            .space(0, 3)
            .text(&format!("Tên: {}    Mã: {}", d.unit_name, d.unit_code)),
    ];
    if !d.community.is_empty() {
        head.push(
            P::new()
                .space(0, 3)
                .text(&format!("Thôn, tổ dân phố: {}", d.community)),
        );
    }
    head.push(
        P::new()
            .space(0, 3)
            .text(&format!("Bộ tiêu chí: {} (mã {}).", set.name, set.id)),
    );
    if set.status == Status::Provisional {
        head.push(P::new().space(0, 3).italic().size(PT).text(
            "Bộ tiêu chí TẠM THỜI: cần đối chiếu với văn bản gốc trước khi dùng chính thức.",
        ));
    }
    head.push(P::new().space(0, 6).italic().size(PT).text(
        "Cột «Đã ghi» là điểm sổ đang có; chấm lại vào cột cuối (chỉ số Đạt/Không đạt ghi Đ hoặc K).",
    ));
    out.extend(head.iter().map(P::xml));
    out.push(table(set, d).xml());
    if set.title == crate::model::Title::CongDan {
        // Recorded beside the score since the digital-skills targets (QĐ 677/QĐ-TTg).
        out.push(
            P::new()
                .space(6, 0)
                .size(PT)
                .text("Kỹ năng số: ☐ chưa có    ☐ có    ☐ thành thạo")
                .xml(),
        );
    }
    out.push(P::new().space(12, 0).keep_next().xml());
    out.push(two_signatures(signer_of(set.title), "NGƯỜI CHẤM").xml());
    out.push(
        P::new()
            .space(60, 0)
            .italic()
            .size(10)
            .text(&format!("In {} từ Sổ học tập.", long_date(d.today)))
            .xml(),
    );
    out
}
