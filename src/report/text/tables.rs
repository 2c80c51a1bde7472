//! The report's tables: the year's figures per title, per community, against the year
//! before, and (with `--list`) the recognised units by community.

use super::grid::{Align, Grid, col};
use super::layout::{Block, PAGE_WIDTH, Pen, wrap};
use crate::model::{Basis, Measure, Title};
use crate::report::data::{CommunityLine, CommunityStanding, RecognisedGroup, ReportData};
use crate::report::{MeasureLine, Summary};
use crate::tally::Counts;
use crate::text::{format_count, format_percent};

/// "-" where a figure means nothing (no units, no target).
const NONE: &str = "-";

pub fn count(n: u64) -> String {
    format_count(n)
}

pub fn percent(tenths: Option<u32>) -> String {
    tenths.map_or(NONE.into(), format_percent)
}

/// The row label of a measure: short enough for the 80-column table; the legend under
/// the table spells the abbreviations out.
pub fn measure_label(measure: Measure) -> &'static str {
    match measure {
        Measure::GiaDinh => "GĐHT (hộ)",
        Measure::DongHo => "DHHT (dòng họ)",
        Measure::CongDong => "CĐHT (thôn, TDP)",
        Measure::DonVi => "ĐVHT (đơn vị)",
        Measure::CongDanCongDong => "CDHT - cộng đồng",
        Measure::CongDanDonVi => "CDHT - đơn vị",
        Measure::KyNangSo => "KNS: có",
        Measure::ThanhThaoKyNangSo => "KNS: thành thạo",
    }
}

/// The row label of the whole commune's CDHT count.
pub const ALL_CITIZENS_ROW: &str = "CDHT - toàn xã";

/// The cells of the whole commune's CDHT count in the main table: no target, no gap.
pub fn citizens_cells(summary: &Summary) -> Vec<String> {
    let c = &summary.citizens;
    let p = &summary.citizens_progress;
    vec![
        ALL_CITIZENS_ROW.to_string(),
        count(c.total),
        count(c.registered),
        percent(p.percent_registered),
        count(c.recognised),
        percent(p.percent_of_total),
        percent(p.percent_of_registered),
        NONE.into(),
        NONE.into(),
    ]
}

/// The cells of one measure in the main table, in column order.
pub fn summary_cells(line: &MeasureLine) -> Vec<String> {
    let c = &line.counts;
    let p = &line.progress;
    vec![
        measure_label(line.measure).to_string(),
        count(c.total),
        count(c.registered),
        percent(p.percent_registered),
        count(c.recognised),
        percent(p.percent_of_total),
        percent(p.percent_of_registered),
        percent(line.target.as_ref().map(|t| u32::from(t.percent_tenths))),
        p.gap.map_or(NONE.into(), count),
    ]
}

fn heading(pen: &Pen, text: &str) -> Block {
    Block::Heading(vec![pen.t(text), String::new()])
}

fn legend(pen: &Pen, text: &str) -> Block {
    let mut lines = vec![String::new()];
    lines.extend(wrap(&pen.t(text), PAGE_WIDTH, "", ""));
    lines.push(String::new());
    Block::Flow(lines)
}

/// Under the table of figures per title: the abbreviations spelt out.
pub const SUMMARY_LEGEND: &str = "GĐHT: Gia đình học tập; DHHT: Dòng họ học tập; CĐHT: Cộng \
     đồng học tập; ĐVHT: Đơn vị học tập; CDHT: Công dân học tập (trong các gia đình, dòng \
     họ, cộng đồng học tập; trong các đơn vị học tập; toàn xã: mọi công dân trong sổ, \
     không có chỉ tiêu); TDP: tổ dân phố; ĐK: đăng ký; CN: công nhận. Còn thiếu: số đơn \
     vị (người) cần công nhận thêm để đạt chỉ tiêu. Hai dòng kỹ năng số (KNS: có, KNS: thành thạo) tính \
     trên người đạt CDHT toàn xã: Tổng số là người đạt CDHT, cột Đăng ký là người đã ghi kỹ \
     năng số, cột Công nhận là người có kỹ năng số (có hoặc thành thạo) hay thành thạo.";

/// Under the table per community.
pub const COMMUNITY_LEGEND: &str = "Tỷ lệ GĐHT: số hộ được công nhận trên số hộ của thôn. \
     Công dân trong sổ: số công dân thuộc các hộ của thôn đã ghi trong sổ. Cột CĐHT: kết \
     quả của chính thôn, tổ dân phố (Công nhận; Đạt, chờ QĐ: đủ điểm, chưa có quyết định; \
     Đã đăng ký; Chưa đăng ký).";

/// Under the comparison with the year `before`.
pub fn change_legend(before: crate::model::Year) -> String {
    format!(
        "Tỷ lệ: số được công nhận trên tổng số của từng năm, theo cùng cách tính ở mục Ghi \
         chú; tổng số năm {before} là các đơn vị có trong sổ năm đó."
    )
}

/// I. The year's figures per title and CDHT population.
pub fn summary(pen: &Pen, number: &str, summary: &Summary) -> Vec<Block> {
    let rows: Vec<Vec<String>> = summary
        .unit_lines()
        .map(summary_cells)
        .chain(std::iter::once(citizens_cells(summary)))
        .chain(summary.skills_lines().map(summary_cells))
        .map(|cells| cells.iter().map(|c| pen.t(c)).collect())
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
            col(pen, &["Chỉ", "tiêu"], Align::Right),
            col(pen, &["Còn", "thiếu", "(đv)"], Align::Right),
        ],
        &rows,
        0,
    );
    vec![
        heading(
            pen,
            &format!("{number}. KẾT QUẢ CHUNG NĂM {}", summary.year),
        ),
        Block::Table(grid.table(pen, None, &rows, None)),
        legend(pen, SUMMARY_LEGEND),
    ]
}

/// "CN/tổng", "ĐK/tổng", "CN/ĐK": a basis in a table cell.
pub fn basis_label(basis: Basis) -> &'static str {
    match basis {
        Basis::Total => "CN/tổng",
        Basis::Registered => "ĐK/tổng",
        Basis::OfRegistered => "CN/ĐK",
    }
}

/// Under the table of targets on every basis.
pub const BASES_LEGEND: &str = "CN/tổng: số công nhận trên tổng số; ĐK/tổng: số đăng ký trên \
     tổng số; CN/ĐK: số công nhận trên số đăng ký. Còn thiếu: số đơn vị (người) cần đăng ký \
     thêm (ĐK/tổng) hoặc công nhận thêm (hai cách kia). Phải đăng ký thêm: chỉ tiêu CN/tổng \
     cần nhiều đơn vị được công nhận hơn số đã đăng ký.";

/// The heading of the table of targets on every basis, shared with the Word report.
pub const BASES_HEADING: &str = "CHỈ TIÊU THEO CÁC CÁCH TÍNH";

/// The columns of the table of targets on every basis, each as its header lines.
pub const BASES_COLUMNS: [&[&str]; 7] = [
    &["Mô hình", "học tập"],
    &["Cách", "tính"],
    &["Năm", "mốc"],
    &["Chỉ", "tiêu"],
    &["Hiện", "đạt"],
    &["Còn", "thiếu", "(đv)"],
    &["Phải", "đăng ký", "thêm"],
];

/// The rows of the table of targets on every basis; `None` when every target is on
/// "recognised over all units" (the main table then says it all). Shared with the Word
/// report, so both show the same cells.
pub fn bases_rows(summary: &Summary) -> Option<Vec<Vec<String>>> {
    let all: Vec<(Measure, &crate::report::BasisLine)> = summary
        .lines
        .iter()
        .flat_map(|l| l.targets.iter().map(move |b| (l.measure, b)))
        .collect();
    if all.iter().all(|(_, b)| b.target.basis == Basis::Total) {
        return None;
    }
    Some(
        all.iter()
            .map(|(m, b)| {
                let p = &b.progress;
                vec![
                    measure_label(*m).to_string(),
                    basis_label(b.target.basis).to_string(),
                    b.target.milestone.to_string(),
                    percent(Some(u32::from(b.target.percent_tenths))),
                    percent(p.percent),
                    p.gap.map_or(NONE.into(), count),
                    if p.register_first > 0 {
                        count(p.register_first)
                    } else {
                        NONE.into()
                    },
                ]
            })
            .collect(),
    )
}

/// Every target in force on every basis, when the resolution sets any on a basis other
/// than "recognised over all units" (otherwise the main table says it all).
pub fn bases(pen: &Pen, number: &str, summary: &Summary) -> Vec<Block> {
    let Some(rows) = bases_rows(summary) else {
        return Vec::new();
    };
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| pen.t(c)).collect())
        .collect();
    let aligns = [
        Align::Left,
        Align::Left,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
        Align::Right,
    ];
    let columns = BASES_COLUMNS
        .iter()
        .zip(aligns)
        .map(|(head, align)| col(pen, head, align))
        .collect();
    let grid = Grid::new(columns, &rows, 0);
    vec![
        heading(pen, &format!("{number}. {BASES_HEADING}")),
        Block::Table(grid.table(pen, None, &rows, None)),
        legend(pen, BASES_LEGEND),
    ]
}

/// The heading of the way to the next milestone, shared with the Word report.
pub const WAY_HEADING: &str = "CHẶNG ĐƯỜNG ĐẾN MỐC TIẾP THEO";

/// How many years of rates the way table shows (the paper is 80 columns; `report
/// --json` has every year).
const WAY_YEARS: usize = 4;

/// The way table: its columns (each as header lines), its rows and the sentences under
/// it; `None` without any measure. Shared with the Word report.
pub struct WayTable {
    pub columns: Vec<Vec<String>>,
    pub rows: Vec<Vec<String>>,
    pub sentences: Vec<String>,
}

pub fn way_table(data: &ReportData) -> Option<WayTable> {
    let first = data.way.first()?;
    let skip = first.series.len().saturating_sub(WAY_YEARS);
    let years: Vec<String> = first
        .series
        .iter()
        .skip(skip)
        .map(|p| p.year.to_string())
        .collect();
    let rows: Vec<Vec<String>> = data
        .way
        .iter()
        .map(|l| {
            let mut cells = vec![measure_label(l.measure).to_string()];
            cells.extend(
                l.series
                    .iter()
                    .skip(skip)
                    .map(|p| percent(p.percent_of_total)),
            );
            match l.next {
                Some(n) => cells.extend([
                    format!(
                        "{} ({})",
                        n.milestone,
                        percent(Some(u32::from(n.target_tenths)))
                    ),
                    count(n.needed),
                    count(n.per_year),
                ]),
                None => cells.extend([NONE.into(), NONE.into(), NONE.into()]),
            }
            cells
        })
        .collect();
    let lines = |l: &[&str]| l.iter().map(|s| s.to_string()).collect::<Vec<String>>();
    let mut columns = vec![lines(&["Mô hình", "học tập"])];
    columns.extend(years.iter().map(|y| vec!["Tỷ lệ".to_string(), y.clone()]));
    columns.extend([
        lines(&["Mốc", "(chỉ tiêu)"]),
        lines(&["Cần", "thêm", "(đv)"]),
        lines(&["Mỗi", "năm", "(đv)"]),
    ]);
    let mut sentences: Vec<String> = data
        .way
        .iter()
        .filter_map(|l| {
            crate::report::way::sentence(l)
                .filter(|_| l.next.is_some_and(|n| n.needed > 0))
                .map(|s| format!("{}: {s}.", measure_label(l.measure)))
        })
        .collect();
    if sentences.is_empty() {
        sentences.push("Không còn mốc chỉ tiêu nào sau năm báo cáo, hoặc đã đạt.".into());
    }
    Some(WayTable {
        columns,
        rows,
        sentences,
    })
}

/// The way to the next milestone: the rate of the last four years, and what the next
/// milestone asks.
pub fn way(pen: &Pen, number: &str, data: &ReportData) -> Vec<Block> {
    let Some(table) = way_table(data) else {
        return Vec::new();
    };
    let rows: Vec<Vec<String>> = table
        .rows
        .iter()
        .map(|r| r.iter().map(|c| pen.t(c)).collect())
        .collect();
    let columns = table
        .columns
        .iter()
        .enumerate()
        .map(|(i, head)| {
            let head: Vec<&str> = head.iter().map(String::as_str).collect();
            col(pen, &head, if i == 0 { Align::Left } else { Align::Right })
        })
        .collect();
    let grid = Grid::new(columns, &rows, 0);
    let mut lines = vec![String::new()];
    for s in &table.sentences {
        lines.extend(wrap(&pen.t(s), PAGE_WIDTH, "- ", "  "));
    }
    lines.push(String::new());
    vec![
        heading(pen, &format!("{number}. {WAY_HEADING}")),
        Block::Table(grid.table(pen, None, &rows, None)),
        Block::Flow(lines),
    ]
}

pub fn community_cells(line: &CommunityLine) -> Vec<String> {
    vec![
        line.name.clone(),
        count(line.households.total),
        count(line.households.registered),
        count(line.households.recognised),
        percent(crate::text::percent_tenths(
            line.households.recognised,
            line.households.total,
        )),
        count(line.citizens.total),
        count(line.citizens.recognised),
        line.cdht_status.label().to_string(),
    ]
}

/// II. Households and citizens per community, and where each community stands for CĐHT.
pub fn communities(pen: &Pen, number: &str, data: &ReportData) -> Vec<Block> {
    let mut blocks = vec![heading(
        pen,
        &format!("{number}. KẾT QUẢ THEO THÔN, TỔ DÂN PHỐ"),
    )];
    if data.communities.is_empty() {
        blocks.push(Block::Flow(vec![
            pen.t("Không có thôn, tổ dân phố nào trong năm."),
            String::new(),
        ]));
        return blocks;
    }
    let rows: Vec<Vec<String>> = data
        .communities
        .iter()
        .map(|l| community_cells(l).iter().map(|c| pen.t(c)).collect())
        .collect();
    let totals: Vec<String> = community_totals(&data.communities)
        .iter()
        .map(|c| pen.t(c))
        .collect();
    let mut all = rows.clone();
    all.push(totals.clone());
    let grid = Grid::new(
        vec![
            col(pen, &["Thôn, tổ dân phố"], Align::Left),
            col(pen, &["Số hộ"], Align::Right),
            col(pen, &["GĐHT", "đăng", "ký"], Align::Right),
            col(pen, &["GĐHT", "công", "nhận"], Align::Right),
            col(pen, &["Tỷ lệ", "GĐHT"], Align::Right),
            col(pen, &["Công", "dân", "trong sổ"], Align::Right),
            col(pen, &["CDHT", "công", "nhận"], Align::Right),
            col(pen, &["CĐHT"], Align::Center),
        ],
        &all,
        0,
    );
    blocks.push(Block::Table(grid.table(pen, None, &rows, Some(&totals))));
    blocks.push(legend(pen, COMMUNITY_LEGEND));
    blocks
}

/// The "Cộng" row under the communities, in column order.
pub fn community_totals(communities: &[CommunityLine]) -> Vec<String> {
    let households = sum(communities.iter().map(|l| l.households));
    let citizens = sum(communities.iter().map(|l| l.citizens));
    let recognised = communities
        .iter()
        .filter(|l| l.cdht_status == CommunityStanding::Recognised)
        .count();
    vec![
        "Cộng".to_string(),
        count(households.total),
        count(households.registered),
        count(households.recognised),
        percent(crate::text::percent_tenths(
            households.recognised,
            households.total,
        )),
        count(citizens.total),
        count(citizens.recognised),
        format!("{}/{} CN", recognised, communities.len()),
    ]
}

fn sum(counts: impl Iterator<Item = Counts>) -> Counts {
    counts.fold(Counts::default(), |mut a, c| {
        a.total += c.total;
        a.registered += c.registered;
        a.scored += c.scored;
        a.passed += c.passed;
        a.recognised += c.recognised;
        a
    })
}

/// "+12", "-3", "0".
fn signed_count(now: u64, before: u64) -> String {
    match now.cmp(&before) {
        std::cmp::Ordering::Greater => format!("+{}", format_count(now - before)),
        std::cmp::Ordering::Less => format!("-{}", format_count(before - now)),
        std::cmp::Ordering::Equal => "0".into(),
    }
}

/// "+3,4", "-1,2", "0,0" percentage points; "-" when either year has no percentage.
fn signed_points(now: Option<u32>, before: Option<u32>) -> String {
    let (Some(now), Some(before)) = (now, before) else {
        return NONE.into();
    };
    let (sign, diff) = match now.cmp(&before) {
        std::cmp::Ordering::Greater => ("+", now - before),
        std::cmp::Ordering::Less => ("-", before - now),
        std::cmp::Ordering::Equal => ("", 0),
    };
    let text = format_percent(diff);
    format!("{sign}{}", text.trim_end_matches('%'))
}

/// The cells of one measure in the comparison with the year before.
pub fn change_cells(now: &MeasureLine, before: &MeasureLine) -> Vec<String> {
    vec![
        measure_label(now.measure).to_string(),
        count(before.counts.recognised),
        percent(before.progress.percent_of_total),
        count(now.counts.recognised),
        percent(now.progress.percent_of_total),
        signed_count(now.counts.recognised, before.counts.recognised),
        signed_points(
            now.progress.percent_of_total,
            before.progress.percent_of_total,
        ),
    ]
}

/// The whole commune's CDHT count in the comparison with the year before.
pub fn citizens_change_cells(now: &Summary, before: &Summary) -> Vec<String> {
    let (n, b) = (&now.citizens, &before.citizens);
    let (np, bp) = (&now.citizens_progress, &before.citizens_progress);
    vec![
        ALL_CITIZENS_ROW.to_string(),
        count(b.recognised),
        percent(bp.percent_of_total),
        count(n.recognised),
        percent(np.percent_of_total),
        signed_count(n.recognised, b.recognised),
        signed_points(np.percent_of_total, bp.percent_of_total),
    ]
}

/// III. Recognised units and the rate, this year against the year before.
pub fn change(pen: &Pen, number: &str, data: &ReportData) -> Vec<Block> {
    let year = data.summary.year;
    let before = data.previous.year;
    let of = |now: &MeasureLine| {
        data.previous
            .line(now.measure)
            .map(|b| change_cells(now, b))
    };
    let rows: Vec<Vec<String>> = data
        .summary
        .unit_lines()
        .filter_map(of)
        .chain(std::iter::once(citizens_change_cells(
            &data.summary,
            &data.previous,
        )))
        .chain(data.summary.skills_lines().filter_map(of))
        .map(|cells| cells.iter().map(|c| pen.t(c)).collect())
        .collect();
    let (y, b) = (year.to_string(), before.to_string());
    let grid = Grid::new(
        vec![
            col(pen, &["Mô hình", "học tập"], Align::Left),
            col(pen, &["Công", "nhận", &b], Align::Right),
            col(pen, &["Tỷ lệ", &b], Align::Right),
            col(pen, &["Công", "nhận", &y], Align::Right),
            col(pen, &["Tỷ lệ", &y], Align::Right),
            col(pen, &["Tăng,", "giảm", "(đv)"], Align::Right),
            col(pen, &["Tăng,", "giảm", "(điểm %)"], Align::Right),
        ],
        &rows,
        0,
    );
    vec![
        heading(pen, &format!("{number}. SO VỚI NĂM {before}")),
        Block::Table(grid.table(pen, None, &rows, None)),
        legend(pen, &change_legend(before)),
    ]
}

/// IV. The recognised units, decision by decision and within one community by
/// community (with `--list`).
pub fn listing(pen: &Pen, number: &str, groups: &[RecognisedGroup]) -> Vec<Block> {
    let mut blocks = vec![heading(
        pen,
        &format!("{number}. DANH SÁCH ĐƠN VỊ, CÁ NHÂN ĐƯỢC CÔNG NHẬN"),
    )];
    if groups.is_empty() {
        blocks.push(Block::Flow(vec![
            pen.t("Chưa có đơn vị, cá nhân nào được công nhận trong năm."),
            String::new(),
        ]));
        return blocks;
    }
    for (decision, in_decision) in by_decision(groups) {
        // A heading, so the line is never left at the foot of a page without its list.
        blocks.push(Block::Heading(wrap(&pen.t(&decision), PAGE_WIDTH, "", "")));
        for (i, group) in in_decision.iter().enumerate() {
            blocks.extend(listing_group(pen, i, group));
        }
    }
    blocks
}

/// One community's table within a decision, and its total.
fn listing_group(pen: &Pen, i: usize, group: &RecognisedGroup) -> [Block; 2] {
    let caption = group_caption(i, group);
    let rows: Vec<Vec<String>> = listing_cells(group)
        .iter()
        .map(|row| row.iter().map(|c| pen.t(c)).collect())
        .collect();
    let grid = Grid::new(
        vec![
            col(pen, &["STT"], Align::Right),
            col(pen, &["Danh hiệu"], Align::Center),
            col(pen, &["Mã"], Align::Left),
            col(pen, &["Tên hộ, dòng họ, đơn vị, công dân"], Align::Left),
        ],
        &rows,
        3,
    );
    [
        Block::Table(grid.table(pen, Some(pen.t(&caption)), &rows, None)),
        Block::Flow(vec![pen.t(&group_total(group)), String::new()]),
    ]
}

/// The listing's groups decision by decision, each with the line that names it, so
/// each part can be attached to its decision: "Danh sách kèm theo Quyết định số
/// 125/QĐ-UBND ngày 10 tháng 12 năm 2025". The groups come sorted by decision.
pub fn by_decision(groups: &[RecognisedGroup]) -> Vec<(String, Vec<&RecognisedGroup>)> {
    let mut out: Vec<(String, Vec<&RecognisedGroup>)> = Vec::new();
    let mut current: Option<&Option<crate::model::Decision>> = None;
    for group in groups {
        if current != Some(&group.decision) {
            current = Some(&group.decision);
            out.push((decision_caption(group.decision.as_ref()), Vec::new()));
        }
        if let Some((_, in_decision)) = out.last_mut() {
            in_decision.push(group);
        }
    }
    out
}

/// The line above one decision's part of the listing.
pub fn decision_caption(decision: Option<&crate::model::Decision>) -> String {
    match decision {
        Some(d) => format!(
            "Danh sách kèm theo Quyết định số {} {}:",
            d.number,
            super::header::long_date(d.date)
        ),
        None => "Được công nhận, chưa có số quyết định:".to_string(),
    }
}

/// "1. Thôn Đông (TH01)": the caption of the `i`-th group (from 0) of the listing.
pub fn group_caption(i: usize, group: &RecognisedGroup) -> String {
    match &group.community {
        Some((code, name)) => format!("{}. {name} ({code})", i + 1),
        None => format!("{}. Không thuộc thôn, tổ dân phố", i + 1),
    }
}

/// The rows of a group in the listing: number, title, code, name.
pub fn listing_cells(group: &RecognisedGroup) -> Vec<[String; 4]> {
    group
        .units
        .iter()
        .enumerate()
        .map(|(n, u)| {
            [
                format_count(n as u64 + 1),
                u.title.short().to_string(),
                u.code.clone(),
                u.name.clone(),
            ]
        })
        .collect()
}

/// "Cộng: 12 GĐHT, 1 CĐHT.": a group's count per title.
pub fn group_total(group: &RecognisedGroup) -> String {
    let by_title: Vec<String> = Title::ALL
        .iter()
        .filter_map(|t| {
            let n = group.units.iter().filter(|u| u.title == *t).count();
            (n > 0).then(|| format!("{} {}", format_count(n as u64), t.short()))
        })
        .collect();
    format!("Cộng: {}.", by_title.join(", "))
}
