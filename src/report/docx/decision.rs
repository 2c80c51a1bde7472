//! A recognition decision ("Quyết định công nhận danh hiệu …") with its attached list,
//! drafted from a decision recorded in the register: number and date as recorded, the
//! units it recognised, and the grounds ("Căn cứ …") as placeholders the office
//! completes in Word. The People's Committee issues it, so its letterhead is the
//! commune's, and it is signed "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH".

use super::letterhead::body_line;
use super::page::text_width;
use super::xml::{Align, Cell, Look, P, Row, Table};
use crate::model::{Commune, Title, Year};
use crate::report::text::header::{long_date, place_name};
use crate::text::format_count;
use chrono::NaiveDate;

/// One recognised unit in the attached list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListedUnit {
    pub code: String,
    pub name: String,
    /// The thôn or tổ dân phố it belongs to; empty for units outside one.
    pub community: String,
}

/// A decision as recorded, with its units in the order of the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionData {
    pub commune: Commune,
    pub title: Title,
    pub year: Year,
    pub number: String,
    pub date: NaiveDate,
    pub units: Vec<ListedUnit>,
}

/// "ỦY BAN NHÂN DÂN XÃ YÊN MÔ": the commune keeps its own prefix, a bare name is a xã.
fn committee(commune: &str) -> String {
    let name = commune.trim();
    let full = if place_name(name) == name {
        format!("Xã {name}")
    } else {
        name.to_string()
    };
    format!("ỦY BAN NHÂN DÂN {}", full.to_uppercase())
}

fn para(text: &str) -> P {
    P::new()
        .align(Align::Both)
        .first_line(567)
        .space(0, 6)
        .text(text)
}

fn placeholder(text: &str) -> P {
    para(text).italic()
}

fn list_table(units: &[ListedUnit]) -> Table {
    let cell = |text: &str, align: Align, bold: bool| {
        let p = P::new().align(align).size(12);
        Cell::new(vec![if bold { p.bold() } else { p }.text(text)])
    };
    let mut rows = vec![Row {
        header: true,
        cells: ["STT", "Mã", "Tên", "Thôn, tổ dân phố"]
            .iter()
            .map(|h| cell(h, Align::Center, true))
            .collect(),
    }];
    for (i, u) in units.iter().enumerate() {
        rows.push(Row {
            header: false,
            cells: vec![
                cell(&format_count(i as u64 + 1), Align::Center, false),
                cell(&u.code, Align::Left, false),
                cell(&u.name, Align::Left, false),
                cell(&u.community, Align::Left, false),
            ],
        });
    }
    let total = text_width();
    let (n, c, t) = (total / 12, total / 6, total / 4);
    Table {
        widths: vec![n, c, total - n - c - t, t],
        ruled: true,
        rows,
    }
}

/// Every block of the decision, as XML.
pub fn blocks(d: &DecisionData) -> Vec<String> {
    let committee = committee(&d.commune.name);
    let title_name = d.title.name();
    let counter = d.title.unit_kind().counter();
    let place_date = format!("{}, {}", place_name(&d.commune.name), long_date(d.date));
    let dated = format!("{} {}", d.number, long_date(d.date));
    let mut out = vec![
        super::letterhead::table(
            vec![body_line(&committee, true)],
            &format!("Số: {}", d.number),
            &place_date,
        )
        .xml(),
    ];
    let bold = Look {
        bold: true,
        ..Look::default()
    };
    out.extend(
        [
            P::new().center().space(18, 0).bold().text("QUYẾT ĐỊNH"),
            P::new().center().bold().text(&format!(
                "Về việc công nhận danh hiệu “{title_name}” năm {}",
                d.year
            )),
            P::rule(3900),
            P::new()
                .center()
                .space(12, 12)
                .bold()
                .text(&format!("CHỦ TỊCH {committee}")),
            placeholder(
                "[Căn cứ Luật Tổ chức chính quyền địa phương; căn cứ văn bản hướng dẫn \
                 đánh giá, công nhận danh hiệu của cấp có thẩm quyền. Văn phòng ghi đủ \
                 các căn cứ rồi xóa dòng này.]",
            ),
            para(&format!(
                "Theo đề nghị của Hội Khuyến học {} về kết quả đánh giá danh hiệu \
                 “{title_name}” năm {}.",
                crate::report::text::header::in_sentence(&d.commune.name),
                d.year
            )),
            P::new().center().space(6, 6).run("QUYẾT ĐỊNH:", bold),
            para(&format!(
                "Điều 1. Công nhận danh hiệu “{title_name}” năm {} cho {} {counter} \
                 (có danh sách kèm theo).",
                d.year,
                format_count(d.units.len() as u64)
            )),
            para("Điều 2. Quyết định này có hiệu lực kể từ ngày ký."),
            placeholder(
                "[Điều 3. Văn phòng, Hội Khuyến học xã, trưởng các thôn, tổ dân phố và \
                 các đơn vị, cá nhân có tên tại Điều 1 chịu trách nhiệm thi hành Quyết \
                 định này. Văn phòng sửa nếu cần rồi bỏ ngoặc vuông.]",
            ),
            P::new().space(6, 0).keep_next(),
        ]
        .iter()
        .map(P::xml),
    );
    let small = Look {
        size: Some(22),
        ..Look::default()
    };
    let left = vec![
        P::new().run(
            "Nơi nhận:",
            Look {
                bold: true,
                italic: true,
                size: Some(24),
            },
        ),
        P::new().run("- Như Điều 3;", small),
        P::new().run("- Hội Khuyến học xã;", small),
        P::new().run("- Lưu: VT.", small),
    ];
    let mut right = vec![
        P::new().center().bold().text("TM. ỦY BAN NHÂN DÂN"),
        P::new().center().bold().text("CHỦ TỊCH"),
    ];
    right.extend(std::iter::repeat_n(P::new(), 5));
    let width = text_width();
    out.push(
        Table {
            widths: vec![width / 2, width - width / 2],
            ruled: false,
            rows: vec![Row {
                header: false,
                cells: vec![Cell::new(left), Cell::new(right)],
            }],
        }
        .xml(),
    );
    out.push(
        P::new()
            .page_break_before()
            .center()
            .bold()
            .text(&format!(
                "DANH SÁCH {} ĐƯỢC CÔNG NHẬN DANH HIỆU “{}” NĂM {}",
                counter.to_uppercase(),
                title_name.to_uppercase(),
                d.year
            ))
            .xml(),
    );
    out.push(
        P::new()
            .center()
            .italic()
            .space(0, 12)
            .text(&format!(
                "(Kèm theo Quyết định số {dated} của {})",
                committee_in_sentence(&committee)
            ))
            .xml(),
    );
    out.push(list_table(&d.units).xml());
    out.push(
        P::new()
            .space(6, 0)
            .text(&format!(
                "Danh sách gồm {} {counter}.",
                format_count(d.units.len() as u64)
            ))
            .xml(),
    );
    out
}

/// "Ủy ban nhân dân xã Yên Mô" from "ỦY BAN NHÂN DÂN XÃ YÊN MÔ"'s source name.
fn committee_in_sentence(committee: &str) -> String {
    let rest = committee
        .strip_prefix("ỦY BAN NHÂN DÂN ")
        .unwrap_or(committee);
    // The place keeps the capitals of the register; only the prefix is lowered.
    format!("Ủy ban nhân dân {}", title_case(rest))
}

/// "XÃ YÊN MÔ" → "xã Yên Mô".
fn title_case(upper: &str) -> String {
    upper
        .split_whitespace()
        .enumerate()
        .map(|(i, w)| {
            let lower = w.to_lowercase();
            let is_prefix = i == 0 && matches!(lower.as_str(), "xã" | "phường" | "thị" | "đặc");
            if is_prefix || (i == 1 && matches!(lower.as_str(), "trấn" | "khu")) {
                lower
            } else {
                let mut c = lower.chars();
                c.next()
                    .map(|f| f.to_uppercase().chain(c).collect())
                    .unwrap_or_default()
            }
        })
        .collect::<Vec<String>>()
        .join(" ")
}

/// The whole .docx of the decision.
pub fn render(d: &DecisionData) -> Result<Vec<u8>, super::DocxError> {
    let body = blocks(d).concat();
    let title = format!(
        "Quyết định {} công nhận danh hiệu {} năm {}",
        d.number,
        d.title.name(),
        d.year
    );
    super::package(&body, &title, &committee(&d.commune.name))
}

/// The file name: `quyet-dinh-<title>-<year>-<number made safe>.docx`.
pub fn file_name(d: &DecisionData) -> String {
    let number: String = crate::text::to_ascii(&d.number)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    format!(
        "quyet-dinh-{}-{}-{}.docx",
        d.title.code(),
        d.year,
        number.trim_matches('-')
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn data() -> DecisionData {
        DecisionData {
            commune: Commune {
                name: "Xã Yên Mô".into(),
                province: String::new(),
            },
            title: Title::GiaDinh,
            year: 2025,
            number: "45/QĐ-UBND".into(),
            date: NaiveDate::from_ymd_opt(2025, 12, 20).unwrap(),
            units: vec![ListedUnit {
                code: "HO001".into(),
                name: "Nguyễn Văn Ỹ".into(),
                community: "Thôn Đông".into(),
            }],
        }
    }

    #[test]
    fn the_decision_names_its_number_units_and_list() {
        let body = blocks(&data()).concat();
        for text in [
            "ỦY BAN NHÂN DÂN XÃ YÊN MÔ",
            "Số: 45/QĐ-UBND",
            "Yên Mô, ngày 20 tháng 12 năm 2025",
            "Về việc công nhận danh hiệu “Gia đình học tập” năm 2025",
            "cho 1 hộ",
            "(Kèm theo Quyết định số 45/QĐ-UBND ngày 20 tháng 12 năm 2025 của Ủy ban nhân dân xã Yên Mô)",
            "Nguyễn Văn Ỹ",
            "TM. ỦY BAN NHÂN DÂN",
        ] {
            assert!(body.contains(text), "missing {text}");
        }
        assert_eq!(body.matches("<w:tblHeader/>").count(), 1);
        assert_eq!(
            file_name(&data()),
            "quyet-dinh-gia-dinh-2025-45-QD-UBND.docx"
        );
        assert!(!render(&data()).unwrap().is_empty());
    }
}
