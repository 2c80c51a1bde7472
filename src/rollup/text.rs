//! The roll-up as an A4 summary for the province association: the letterhead, the
//! province's totals per measure, then one table per measure with a row per commune
//! against its own target, the communes that sent nothing, and a signature block. Laid
//! out by the printed report's own layout (80 columns, pages of 60 lines).

use super::{MeasureRollup, Rollup};
use crate::model::Measure;
use crate::report::text::grid::{Align, Grid, col};
use crate::report::text::header::long_date;
use crate::report::text::layout::{
    Block, PAGE_WIDTH, Pen, center, finish, paginate, two_columns, wrap,
};
use crate::report::text::tables::{count, measure_label, percent};
use chrono::NaiveDate;

const LEFT: usize = 34;
const ROMAN: [&str; 10] = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X"];

/// The row label of a measure: the report's own when the code is known.
fn label(m: &MeasureRollup) -> String {
    match Measure::from_code(&m.code) {
        Some(measure) => measure_label(measure).to_string(),
        None if m.code == "cong-dan" => "CDHT - toàn xã".to_string(),
        None => m.name.clone(),
    }
}

pub fn render(rollup: &Rollup, today: NaiveDate, ascii: bool) -> String {
    let pen = Pen { ascii };
    let mut blocks = letterhead(&pen, rollup, today);
    let mut sections = ROMAN.iter();
    let mut next = || sections.next().copied().unwrap_or("*");
    blocks.extend(totals(&pen, next(), rollup));
    for m in &rollup.measures {
        blocks.extend(by_commune(&pen, next(), m));
    }
    blocks.extend(notes(&pen, next(), rollup));
    blocks.extend(signature(&pen));
    finish(&paginate(blocks), &pen)
}

fn letterhead(pen: &Pen, rollup: &Rollup, today: NaiveDate) -> Vec<Block> {
    let body = if rollup.province.is_empty() {
        "HỘI KHUYẾN HỌC TỈNH".to_string()
    } else {
        format!("HỘI KHUYẾN HỌC {}", rollup.province.to_uppercase())
    };
    let mut left = wrap(&pen.t(&body), LEFT - 2, "", "");
    left.push(pen.t("BAN THƯỜNG VỤ"));
    left.push("-------".into());
    let mut right = vec![
        pen.t("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        pen.t("Độc lập - Tự do - Hạnh phúc"),
        "---------------------------".into(),
    ];
    right.extend(wrap(
        &pen.t(&format!("……, {}", long_date(today))),
        PAGE_WIDTH - LEFT - 2,
        "",
        "",
    ));
    let mut head = two_columns(&left, &right, LEFT);
    head.push(String::new());
    head.push(center(&pen.t("BÁO CÁO TỔNG HỢP"), PAGE_WIDTH));
    let title = pen.t(&format!(
        "KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP NĂM {} CỦA {} XÃ, PHƯỜNG",
        rollup.year,
        rollup.communes.len()
    ));
    head.extend(
        wrap(&title, PAGE_WIDTH, "", "")
            .iter()
            .map(|l| center(l, PAGE_WIDTH)),
    );
    head.push(center("-----", PAGE_WIDTH));
    head.push(String::new());
    vec![Block::Keep(head)]
}

fn heading(pen: &Pen, text: &str) -> Block {
    Block::Heading(vec![pen.t(text), String::new()])
}

/// I. The province's totals per measure.
fn totals(pen: &Pen, number: &str, rollup: &Rollup) -> Vec<Block> {
    let rows: Vec<Vec<String>> = rollup
        .measures
        .iter()
        .map(|m| {
            [
                label(m),
                count(m.totals.total),
                count(m.totals.registered),
                percent(m.percents.percent_registered),
                count(m.totals.recognised),
                percent(m.percents.percent_of_total),
                percent(m.percents.percent_of_registered),
                format!("{}/{}", m.reached, m.with_target),
                count(m.gap),
            ]
            .iter()
            .map(|c| pen.t(c))
            .collect()
        })
        .collect();
    let grid = Grid::new(
        vec![
            col(pen, &["Mô hình", "học tập"], Align::Left),
            col(pen, &["Tổng", "số"], Align::Right),
            col(pen, &["Đăng", "ký"], Align::Right),
            col(pen, &["Tỷ lệ", "đăng", "ký"], Align::Right),
            col(pen, &["Công", "nhận"], Align::Right),
            col(pen, &["% CN", "trên", "tổng"], Align::Right),
            col(pen, &["% CN", "trên", "ĐK"], Align::Right),
            col(pen, &["Xã", "đạt", "CT"], Align::Right),
            col(pen, &["Còn", "thiếu", "(đv)"], Align::Right),
        ],
        &rows,
        0,
    );
    vec![
        heading(pen, &format!("{number}. KẾT QUẢ CHUNG CỦA CÁC XÃ, PHƯỜNG")),
        Block::Table(grid.table(pen, None, &rows, None)),
        legend(
            pen,
            "Xã đạt CT: số xã đạt chỉ tiêu của nghị quyết xã mình / số xã có chỉ tiêu. \
             Còn thiếu: tổng số đơn vị (người) các xã còn phải công nhận thêm để đạt chỉ \
             tiêu của mình (xã vượt chỉ tiêu không bù cho xã chưa đạt).",
        ),
    ]
}

fn legend(pen: &Pen, text: &str) -> Block {
    let mut lines = vec![String::new()];
    lines.extend(wrap(&pen.t(text), PAGE_WIDTH, "", ""));
    lines.push(String::new());
    Block::Flow(lines)
}

/// One measure, one row per commune, with the totals under a rule.
fn by_commune(pen: &Pen, number: &str, m: &MeasureRollup) -> Vec<Block> {
    let cells = |name: String, c: &crate::tally::Counts, p: &crate::tally::Progress| {
        [
            name,
            count(c.total),
            count(c.registered),
            count(c.recognised),
            percent(p.percent_of_total),
            percent(p.target.map(u32::from)),
            p.gap.map_or("-".into(), count),
        ]
        .iter()
        .map(|s| pen.t(s))
        .collect::<Vec<String>>()
    };
    let rows: Vec<Vec<String>> = m
        .rows
        .iter()
        .map(|r| cells(r.commune.clone(), &r.counts, &r.progress))
        .collect();
    let mut sum = cells("Cộng".into(), &m.totals, &m.percents);
    if let Some(last) = sum.last_mut() {
        *last = count(m.gap);
    }
    let mut all = rows.clone();
    all.push(sum.clone());
    let grid = Grid::new(
        vec![
            col(pen, &["Xã, phường"], Align::Left),
            col(pen, &["Tổng", "số"], Align::Right),
            col(pen, &["Đăng", "ký"], Align::Right),
            col(pen, &["Công", "nhận"], Align::Right),
            col(pen, &["% CN", "trên", "tổng"], Align::Right),
            col(pen, &["Chỉ", "tiêu"], Align::Right),
            col(pen, &["Còn", "thiếu", "(đv)"], Align::Right),
        ],
        &all,
        0,
    );
    vec![
        heading(
            pen,
            &format!("{number}. {} THEO XÃ, PHƯỜNG", label(m).to_uppercase()),
        ),
        Block::Table(grid.table(pen, None, &rows, Some(&sum))),
        Block::Flow(vec![String::new()]),
    ]
}

fn notes(pen: &Pen, number: &str, rollup: &Rollup) -> Vec<Block> {
    let mut lines = Vec::new();
    if rollup.expected {
        let text = if rollup.missing.is_empty() {
            "Các xã, phường trong danh sách đều đã gửi báo cáo.".to_string()
        } else {
            format!(
                "Xã, phường chưa gửi báo cáo ({}): {}.",
                rollup.missing.len(),
                rollup.missing.join(", ")
            )
        };
        lines.extend(wrap(&pen.t(&text), PAGE_WIDTH, "- ", "  "));
    }
    lines.extend(wrap(
        &pen.t(&format!(
            "Đã tổng hợp báo cáo của: {}.",
            rollup.communes.join(", ")
        )),
        PAGE_WIDTH,
        "- ",
        "  ",
    ));
    lines.extend(wrap(
        &pen.t(
            "Chỉ tiêu của mỗi xã là chỉ tiêu trong nghị quyết của xã đó cho năm báo cáo; \
             mẫu số của từng tỷ lệ theo cách tính ghi trong báo cáo của xã.",
        ),
        PAGE_WIDTH,
        "- ",
        "  ",
    ));
    lines.push(String::new());
    vec![
        heading(pen, &format!("{number}. GHI CHÚ")),
        Block::Flow(lines),
    ]
}

fn signature(pen: &Pen) -> Vec<Block> {
    let left: Vec<String> = ["Nơi nhận:", "- Hội Khuyến học Việt Nam;", "- Lưu: VT."]
        .iter()
        .map(|s| crate::text::pad_to_width(&pen.t(s), 28))
        .collect();
    let right: Vec<String> = ["TM. BAN THƯỜNG VỤ", "CHỦ TỊCH"]
        .iter()
        .map(|s| pen.t(s))
        .collect();
    let mut lines = vec![String::new()];
    lines.extend(two_columns(&left, &right, LEFT));
    lines.extend(std::iter::repeat_n(String::new(), 4));
    vec![Block::Keep(lines)]
}
