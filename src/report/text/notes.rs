//! The closing notes: how each percentage is counted (its denominator), and which
//! criteria sets the year's evaluations were scored under — a provisional set is named
//! as such, so nobody takes its results for final.

use super::layout::{Block, PAGE_WIDTH, Pen, wrap};
use super::tables::measure_label;
use crate::report::data::{CriteriaUse, ReportData};
use crate::text::format_count;

/// Said when any set behind the figures is provisional.
pub const PROVISIONAL_WARNING: &str = "LƯU Ý: Kết quả chấm theo bộ tiêu chí TẠM THỜI là kết \
     quả tạm thời, cần đối chiếu với văn bản gốc của Hội Khuyến học cấp trên trước khi sử \
     dụng chính thức. Xem những điểm chưa xác nhận của từng bộ bằng lệnh: sohoctap criteria \
     show <mã>.";

/// Said when the year has no evaluation.
pub const NO_CRITERIA: &str = "Chưa có đánh giá nào trong năm.";

/// One criteria set version in the notes.
pub fn criteria_line(c: &CriteriaUse) -> String {
    // The source and what is unconfirmed are long; `criteria show` prints them.
    format!(
        "{}: {} (mã {}, bản {}); {} lượt đánh giá. Tình trạng: {}.",
        c.title.short(),
        c.name,
        c.id,
        c.hash,
        format_count(c.evaluations),
        c.status.label(),
    )
}

/// One denominator rule in the notes.
pub fn rule_line(line: &crate::report::MeasureLine) -> String {
    format!("{}: {}", measure_label(line.measure), line.rule)
}

pub fn notes(pen: &Pen, number: &str, data: &ReportData) -> Vec<Block> {
    let mut lines = vec![pen.t("1. Cách tính tỷ lệ (mẫu số):")];
    for line in &data.summary.lines {
        lines.extend(wrap(&pen.t(&rule_line(line)), PAGE_WIDTH, "   - ", "     "));
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
        lines.extend(wrap(&pen.t(NO_CRITERIA), PAGE_WIDTH, "   - ", "     "));
    }
    for c in &data.criteria {
        lines.extend(wrap(
            &pen.t(&criteria_line(c)),
            PAGE_WIDTH,
            "   - ",
            "     ",
        ));
    }
    if data.uses_provisional_criteria() {
        lines.push(String::new());
        lines.extend(wrap(&pen.t(PROVISIONAL_WARNING), PAGE_WIDTH, "", ""));
    }
    lines.push(String::new());
    vec![
        Block::Heading(vec![pen.t(&format!("{number}. GHI CHÚ")), String::new()]),
        Block::Flow(lines),
    ]
}
