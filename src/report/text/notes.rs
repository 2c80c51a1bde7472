//! The closing notes: how each percentage is counted (its denominator), and which
//! criteria sets the year's evaluations were scored under — a provisional set is named
//! as such, so nobody takes its results for final.

use super::layout::{Block, PAGE_WIDTH, Pen, wrap};
use super::tables::measure_label;
use crate::report::data::{CriteriaUse, ReportData};
use crate::text::format_count;

/// Said when any set behind the figures is provisional.
pub const PROVISIONAL_WARNING: &str = "LƯU Ý: Kết quả chấm theo bộ tiêu chí chưa đối chiếu \
     với văn bản gốc là kết quả tạm thời, cần đối chiếu với văn bản của Hội Khuyến học cấp \
     trên trước khi sử dụng chính thức.";

/// Said when the year has no evaluation.
pub const NO_CRITERIA: &str = "Chưa có đánh giá nào trong năm.";

/// The kinds of document a set's source may name; a source that names none (a shipped
/// provisional set describes how it was built) is not a legal source.
const DOCUMENT_KINDS: [&str; 7] = [
    "quyết định",
    "thông tư",
    "hướng dẫn",
    "công văn",
    "nghị quyết",
    "kế hoạch",
    "văn bản",
];

/// The document a set was taken from ("Quyết định số 244/QĐ-KHVN ngày …"), if its
/// source names one.
pub fn legal_source(c: &CriteriaUse) -> Option<&str> {
    let source = c.source.trim();
    let lower = source.to_lowercase();
    DOCUMENT_KINDS
        .iter()
        .any(|kind| lower.starts_with(kind))
        .then_some(source)
}

/// One title's criteria as the report names them: by the document they come from, never
/// by the register's own ids; a set not checked against the official text says so.
pub fn criteria_line(c: &CriteriaUse) -> String {
    let provisional = c.status == crate::criteria::Status::Provisional;
    let how = match (legal_source(c), provisional) {
        (Some(source), false) => format!("theo {source}"),
        (Some(source), true) => format!("theo {source} (chưa đối chiếu với văn bản gốc)"),
        // What "tạm thời" means is said once, in the warning under the list.
        (None, _) => "bộ tiêu chí tạm thời".to_string(),
    };
    format!(
        "{}: {how}; {} lượt đánh giá.",
        c.title.short(),
        format_count(c.evaluations),
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
    lines.push(pen.t(&format!("2. Tiêu chí đã dùng để chấm năm {year}:")));
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
