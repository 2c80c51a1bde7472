//! The letterhead of an administrative report: the issuing body top left, the national
//! motto top right, the number, place and date, the title in capitals, and the
//! resolution the figures are measured against.

use super::layout::{Block, PAGE_WIDTH, Pen, center, two_columns, wrap};
use crate::model::{Commune, Letterhead, Target, Year};
use chrono::{Datelike, NaiveDate};

/// Width of the issuing body's column; the motto takes the rest.
const LEFT: usize = 34;

/// The usual lines, shared with the Word documents; the office's own in
/// [`crate::model::Letterhead`].
pub use crate::model::letterhead::{place_name, usual_issuing_body as issuing_body};

/// "xã Yên Mô", as the commune is named inside a sentence (the prefix in lower case; a
/// bare name is taken to be a xã).
pub fn in_sentence(commune: &str) -> String {
    let name = commune.trim();
    let place = place_name(name);
    let prefix: String = name
        .chars()
        .take(name.chars().count() - place.chars().count())
        .collect();
    let prefix = prefix.trim();
    if prefix.is_empty() {
        format!("xã {place}")
    } else {
        format!("{} {place}", prefix.to_lowercase())
    }
}

/// "ngày 05 tháng 01 năm 2026": days below 10 and months 1–2 take a leading zero, as
/// administrative documents write them.
pub fn long_date(date: NaiveDate) -> String {
    let month = if date.month() <= 2 {
        format!("{:02}", date.month())
    } else {
        date.month().to_string()
    };
    format!("ngày {:02} tháng {month} năm {}", date.day(), date.year())
}

/// "12/3/2021".
pub fn short_date(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

pub fn letterhead(
    pen: &Pen,
    commune: &Commune,
    own: &Letterhead,
    year: Year,
    today: NaiveDate,
) -> Vec<Block> {
    let mut left: Vec<String> = Vec::new();
    if let Some(superior) = own.superior_line(commune) {
        left.extend(wrap(&pen.t(&superior), LEFT - 2, "", ""));
    }
    left.extend(wrap(
        &pen.t(&own.issuing_body_line(commune)),
        LEFT - 2,
        "",
        "",
    ));
    left.push(pen.t("BAN CHẤP HÀNH"));
    left.push("-------".into());
    left.push(String::new());
    left.push(pen.t(&own.number_line()));
    let mut right = vec![
        pen.t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        pen.t("Độc lập - Tự do - Hạnh phúc"),
        "---------------------------".into(),
    ];
    // The date sits on the same line as the number.
    while right.len() < left.len() - 1 {
        right.push(String::new());
    }
    let date_line = pen.t(&format!(
        "{}, {}",
        own.place_line(commune),
        long_date(today)
    ));
    right.extend(wrap(&date_line, PAGE_WIDTH - LEFT - 2, "", ""));

    let mut head = two_columns(&left, &right, LEFT);
    head.push(String::new());
    head.push(String::new());
    head.push(center(&pen.t("BÁO CÁO"), PAGE_WIDTH));
    let title = pen.t(&format!("KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP NĂM {year}"));
    head.extend(
        wrap(&title, PAGE_WIDTH, "", "")
            .iter()
            .map(|l| center(l, PAGE_WIDTH)),
    );
    head.push(center("-----", PAGE_WIDTH));
    head.push(String::new());
    vec![Block::Keep(head)]
}

/// The resolutions the targets come from, in order of first appearance.
pub fn resolutions(targets: &[&Target]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in targets {
        let r = &t.resolution;
        let mut s = format!("Nghị quyết số {}", r.number.trim());
        if let Some(d) = r.date {
            s.push_str(&format!(" ngày {}", short_date(d)));
        }
        if !r.body.trim().is_empty() {
            s.push_str(&format!(" của {}", r.body.trim()));
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The opening paragraph: what the report measures against.
pub fn preamble(pen: &Pen, commune: &Commune, year: Year, targets: &[&Target]) -> Vec<Block> {
    let text = preamble_text(commune, year, targets);
    let mut lines = wrap(&pen.t(&text), PAGE_WIDTH, "    ", "");
    lines.push(String::new());
    vec![Block::Flow(lines)]
}

/// The opening sentence, shared by the text and the Word report.
pub fn preamble_text(commune: &Commune, year: Year, targets: &[&Target]) -> String {
    let sources = resolutions(targets);
    if sources.is_empty() {
        format!(
            "Ban Chấp hành Hội Khuyến học {} báo cáo kết quả xây dựng các mô hình học tập \
             năm {year} như sau:",
            in_sentence(&commune.name)
        )
    } else {
        format!(
            "Thực hiện {}, Ban Chấp hành Hội Khuyến học {} báo cáo kết quả xây dựng các mô \
             hình học tập năm {year} so với chỉ tiêu của nghị quyết như sau:",
            sources.join("; "),
            in_sentence(&commune.name)
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_dates_are_written_the_administrative_way() {
        assert_eq!(place_name("Xã Yên Mô"), "Yên Mô");
        assert_eq!(place_name("phường Đông Sơn"), "Đông Sơn");
        assert_eq!(place_name("Thị trấn Me"), "Me");
        assert_eq!(place_name("Yên Phong"), "Yên Phong");
        assert_eq!(in_sentence("Xã Yên Mô"), "xã Yên Mô");
        assert_eq!(in_sentence("Phường  Đông Sơn"), "phường Đông Sơn");
        assert_eq!(in_sentence("Yên Phong"), "xã Yên Phong");
        assert_eq!(issuing_body("Xã Yên Mô"), "HỘI KHUYẾN HỌC XÃ YÊN MÔ");
        assert_eq!(issuing_body("Yên Phong"), "HỘI KHUYẾN HỌC XÃ YÊN PHONG");
        assert_eq!(
            issuing_body("Phường Đông Sơn"),
            "HỘI KHUYẾN HỌC PHƯỜNG ĐÔNG SƠN"
        );
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(long_date(d(2026, 11, 22)), "ngày 22 tháng 11 năm 2026");
        assert_eq!(long_date(d(2026, 1, 5)), "ngày 05 tháng 01 năm 2026");
        assert_eq!(long_date(d(2026, 3, 5)), "ngày 05 tháng 3 năm 2026");
        assert_eq!(short_date(d(2021, 3, 12)), "12/3/2021");
    }
}
