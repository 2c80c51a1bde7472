//! The body of the Word report, top to bottom, as NĐ 30/2020 Phụ lục I lays out a
//! report: letterhead table, number and place/date, title, opening sentence, the figures,
//! the sections the office writes itself, notes, recipients and signature, and the
//! attached list. The wording is the text report's (`text::header`, `text::notes`,
//! `text::signature`), so the two never say different things.

use super::DocxOptions;
use super::letterhead::body_line;
use super::tables;
use super::xml::{Align, Cell, Look, P, Row, Table};
use crate::report::ReportData;
use crate::report::text::header::{in_sentence, long_date, preamble_text};
use crate::report::text::notes::{NO_CRITERIA, PROVISIONAL_WARNING, criteria_line, rule_line};
use crate::report::text::signature::RECIPIENTS_HEADING;
use crate::report::text::tables::{
    BASES_HEADING, BASES_LEGEND, COMMUNITY_LEGEND, SUMMARY_LEGEND, WAY_HEADING, by_decision,
    change_legend, group_caption, group_total,
};

/// The sections the office writes in Word, and what each placeholder asks for.
pub const NARRATIVE: [(&str, &str); 3] = [
    (
        "ĐÁNH GIÁ CHUNG",
        "[Đánh giá chung: kết quả nổi bật, cách làm hay, đơn vị tiêu biểu. Văn phòng ghi \
         tại đây rồi xóa dòng này.]",
    ),
    (
        "TỒN TẠI, HẠN CHẾ",
        "[Tồn tại, hạn chế và nguyên nhân. Văn phòng ghi tại đây rồi xóa dòng này.]",
    ),
    (
        "PHƯƠNG HƯỚNG NĂM TỚI",
        "[Phương hướng, nhiệm vụ năm tới và kiến nghị, đề xuất. Văn phòng ghi tại đây rồi \
         xóa dòng này.]",
    ),
];

const ROMAN: [&str; 8] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII"];

pub use crate::model::letterhead::usual_superior as superior_body;

/// Body text: justified, first line indented 1 cm, 6 pt after.
fn body(text: &str) -> P {
    P::new()
        .align(Align::Both)
        .first_line(567)
        .space(0, 6)
        .text(text)
}

fn heading(number: &str, text: &str) -> P {
    P::new()
        .keep_next()
        .space(6, 6)
        .bold()
        .text(&format!("{number}. {text}"))
}

/// The small-print line under a table.
fn legend(text: &str) -> P {
    P::new()
        .align(Align::Both)
        .space(3, 6)
        .italic()
        .size(12)
        .text(text)
}

fn letterhead(data: &ReportData, options: &DocxOptions) -> Table {
    let commune = &data.summary.commune;
    let own = &data.letterhead;
    let mut left = Vec::new();
    if let Some(superior) = own.superior_line(commune) {
        left.push(body_line(&superior, false));
    }
    left.push(body_line(&own.issuing_body_line(commune), true));
    left.push(body_line("BAN CHẤP HÀNH", true));
    let date = format!("{}, {}", own.place_line(commune), long_date(options.today));
    // A blank number is left wider in Word, where it is written in before signing.
    let number = own.number_line().replace("Số:     /", "Số:        /");
    super::letterhead::table(left, &number, &date)
}

fn title(data: &ReportData) -> Vec<P> {
    vec![
        P::new().center().space(18, 0).bold().text("BÁO CÁO"),
        P::new().center().bold().text(&format!(
            "KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP NĂM {}",
            data.summary.year
        )),
        P::rule(3900),
        P::new().space(6, 0),
    ]
}

fn notes(data: &ReportData) -> Vec<P> {
    let item = |text: &str| {
        P::new()
            .align(Align::Both)
            .hanging(284)
            .space(0, 3)
            .text(&format!("-\t{text}"))
    };
    let mut out = vec![body("1. Cách tính tỷ lệ (mẫu số):")];
    out.extend(data.summary.lines.iter().map(|l| item(&rule_line(l))));
    out.push(body(&format!(
        "2. Tiêu chí đã dùng để chấm năm {}:",
        data.summary.year
    )));
    if data.criteria.is_empty() {
        out.push(item(NO_CRITERIA));
    }
    out.extend(data.criteria.iter().map(|c| item(&criteria_line(c))));
    if data.uses_provisional_criteria() {
        out.push(body(PROVISIONAL_WARNING).bold());
    }
    out
}

fn signature(data: &ReportData, options: &DocxOptions) -> Table {
    let own = &data.letterhead;
    let small = Look {
        size: Some(22),
        ..Look::default()
    };
    let mut left = vec![P::new().run(
        RECIPIENTS_HEADING,
        Look {
            bold: true,
            italic: true,
            size: Some(24),
        },
    )];
    left.extend(own.recipient_lines().iter().map(|r| P::new().run(r, small)));
    let mut right: Vec<P> = own
        .signer_lines()
        .iter()
        .map(|s| P::new().center().bold().text(s))
        .collect();
    // Room for the signature and the seal.
    right.extend(std::iter::repeat_n(P::new(), 4));
    right.push(
        P::new().center().bold().text(
            &options
                .signer
                .clone()
                .or_else(|| own.signer_name_line())
                .unwrap_or_default(),
        ),
    );
    let width = super::page::text_width();
    Table {
        widths: vec![width / 2, width - width / 2],
        ruled: false,
        rows: vec![Row {
            header: false,
            cells: vec![Cell::new(left), Cell::new(right)],
        }],
    }
}

/// The attached list, on pages of its own.
fn appendix(data: &ReportData, options: &DocxOptions) -> Vec<String> {
    let commune = &data.summary.commune.name;
    let mut out = vec![
        P::new()
            .page_break_before()
            .center()
            .bold()
            .text(&format!(
                "DANH SÁCH ĐƠN VỊ, CÁ NHÂN ĐƯỢC CÔNG NHẬN NĂM {}",
                data.summary.year
            ))
            .xml(),
        P::new()
            .center()
            .italic()
            .space(0, 12)
            .text(&format!(
                "(Kèm theo Báo cáo số        /BC-KH {} của Ban Chấp hành Hội Khuyến học {})",
                long_date(options.today),
                in_sentence(commune)
            ))
            .xml(),
    ];
    let groups = data.recognised.as_deref().unwrap_or(&[]);
    if groups.is_empty() {
        out.push(body("Chưa có đơn vị, cá nhân nào được công nhận trong năm.").xml());
    }
    for (n, (decision, in_decision)) in by_decision(groups).into_iter().enumerate() {
        // Each decision's part from a new page, so it can be attached to the decision.
        let line = P::new().keep_next().space(6, 3).run(
            &decision,
            Look {
                bold: true,
                italic: true,
                ..Look::default()
            },
        );
        out.push(
            if n > 0 {
                line.page_break_before()
            } else {
                line
            }
            .xml(),
        );
        for (i, group) in in_decision.iter().enumerate() {
            out.push(tables::caption(&group_caption(i, group)).xml());
            out.push(tables::listing(group).xml());
            out.push(P::new().space(3, 6).text(&group_total(group)).xml());
        }
    }
    out
}

/// Every block of the body, as XML, in order.
pub fn blocks(data: &ReportData, options: &DocxOptions) -> Vec<String> {
    let summary = &data.summary;
    let targets: Vec<&crate::model::Target> = summary
        .lines
        .iter()
        .filter_map(|l| l.target.as_ref())
        .collect();
    let mut numbers = ROMAN.iter();
    let mut next = || numbers.next().copied().unwrap_or("*");
    let mut out = vec![letterhead(data, options).xml()];
    out.extend(title(data).iter().map(P::xml));
    out.push(body(&preamble_text(&summary.commune, summary.year, &targets)).xml());

    out.push(heading(next(), &format!("KẾT QUẢ CHUNG NĂM {}", summary.year)).xml());
    out.push(tables::summary(data).xml());
    out.push(legend(SUMMARY_LEGEND).xml());

    if let Some(table) = tables::bases(data) {
        out.push(heading(next(), BASES_HEADING).xml());
        out.push(table.xml());
        out.push(legend(BASES_LEGEND).xml());
    }

    out.push(heading(next(), "KẾT QUẢ THEO THÔN, TỔ DÂN PHỐ").xml());
    if data.communities.is_empty() {
        out.push(body("Không có thôn, tổ dân phố nào trong năm.").xml());
    } else {
        out.push(tables::communities(data).xml());
        out.push(legend(COMMUNITY_LEGEND).xml());
    }

    out.push(heading(next(), &format!("SO VỚI NĂM {}", data.previous.year)).xml());
    out.push(tables::change(data).xml());
    out.push(legend(&change_legend(data.previous.year)).xml());

    if let Some((table, sentences)) = tables::way(data) {
        out.push(heading(next(), WAY_HEADING).xml());
        out.push(table.xml());
        for s in sentences {
            out.push(
                P::new()
                    .align(Align::Both)
                    .hanging(284)
                    .space(0, 3)
                    .text(&format!("-\t{s}"))
                    .xml(),
            );
        }
    }

    for (head, placeholder) in NARRATIVE {
        out.push(heading(next(), head).xml());
        out.push(body(placeholder).italic().xml());
    }

    out.push(heading(next(), "GHI CHÚ").xml());
    out.extend(notes(data).iter().map(P::xml));
    out.push(P::new().space(6, 0).keep_next().xml());
    out.push(signature(data, options).xml());

    if options.list {
        out.extend(appendix(data, options));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_superior_body_is_the_province_hoi() {
        assert_eq!(
            superior_body("Ninh Bình").as_deref(),
            Some("HỘI KHUYẾN HỌC TỈNH NINH BÌNH")
        );
        assert_eq!(
            superior_body("Thành phố Hà Nội").as_deref(),
            Some("HỘI KHUYẾN HỌC THÀNH PHỐ HÀ NỘI")
        );
        assert_eq!(superior_body("  "), None);
    }
}
