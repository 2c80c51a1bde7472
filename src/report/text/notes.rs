//! The closing notes: how each percentage is counted (its denominator), and which
//! criteria sets the year's evaluations were scored under — a provisional set is named
//! as such, so nobody takes its results for final.

use super::layout::{Block, PAGE_WIDTH, Pen, wrap};
use super::tables::measure_label;
use crate::report::data::ReportData;
use crate::text::format_count;

pub fn notes(pen: &Pen, number: &str, data: &ReportData) -> Vec<Block> {
    let mut lines = vec![pen.t("1. Cách tính tỷ lệ (mẫu số):")];
    for line in &data.summary.lines {
        let text = format!("{}: {}", measure_label(line.measure), line.rule);
        lines.extend(wrap(&pen.t(&text), PAGE_WIDTH, "   - ", "     "));
    }
    let text = format!(
        "{}: {}",
        super::tables::ALL_CITIZENS_ROW,
        crate::tally::ALL_CITIZENS_RULE
    );
    lines.extend(wrap(&pen.t(&text), PAGE_WIDTH, "   - ", "     "));
    lines.push(String::new());
    let year = data.summary.year;
    lines.push(pen.t(&format!("2. Bộ tiêu chí đã dùng để chấm năm {year}:")));
    if data.criteria.is_empty() {
        lines.extend(wrap(
            &pen.t("Chưa có đánh giá nào trong năm."),
            PAGE_WIDTH,
            "   - ",
            "     ",
        ));
    }
    for c in &data.criteria {
        // The source and what is unconfirmed are long; `criteria show` prints them.
        let text = format!(
            "{}: {} (mã {}, bản {}); {} lượt đánh giá. Tình trạng: {}.",
            c.title.short(),
            c.name,
            c.id,
            c.hash,
            format_count(c.evaluations),
            c.status.label(),
        );
        lines.extend(wrap(&pen.t(&text), PAGE_WIDTH, "   - ", "     "));
    }
    if data.uses_provisional_criteria() {
        lines.push(String::new());
        lines.extend(wrap(
            &pen.t(
                "LƯU Ý: Kết quả chấm theo bộ tiêu chí TẠM THỜI là kết quả tạm thời, cần đối \
                 chiếu với văn bản gốc của Hội Khuyến học cấp trên trước khi sử dụng chính \
                 thức. Xem những điểm chưa xác nhận của từng bộ bằng lệnh: sohoctap criteria \
                 show <mã>.",
            ),
            PAGE_WIDTH,
            "",
            "",
        ));
    }
    lines.push(String::new());
    vec![
        Block::Heading(vec![pen.t(&format!("{number}. GHI CHÚ")), String::new()]),
        Block::Flow(lines),
    ]
}
