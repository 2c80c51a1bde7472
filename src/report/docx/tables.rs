//! The report's figures as real Word tables: the cells come from the same functions as
//! the text report's (`text::tables`), so both show the very same figures; only the
//! layout differs (ruled cells, header rows repeated on every page).

use super::page::text_width;
use super::xml::{Align, Cell, Look, P, Row, Table};
use crate::report::ReportData;
use crate::report::data::RecognisedGroup;
use crate::report::text::tables::{
    BASES_COLUMNS, bases_rows, change_cells, citizens_cells, community_cells, community_totals,
    listing_cells, summary_cells, way_table,
};

/// Table text is smaller than body text so nine columns of figures ("100,0%") fit
/// between the margins; the list of names has room for a larger size.
const FIGURES_PT: u32 = 11;
const LIST_PT: u32 = 12;

fn cell(text: &str, align: Align, bold: bool) -> Cell {
    sized(text, align, bold, FIGURES_PT)
}

fn sized(text: &str, align: Align, bold: bool, points: u32) -> Cell {
    let mut p = P::new().align(align).size(points);
    if bold {
        p = p.bold();
    }
    Cell::new(vec![p.text(text)])
}

fn header_row(heads: &[&str], points: u32) -> Row {
    Row {
        header: true,
        cells: heads
            .iter()
            .map(|h| sized(h, Align::Center, true, points))
            .collect(),
    }
}

/// A row of figures: the first column is a label (left), the others figures (right).
fn figure_row(cells: &[String], bold: bool) -> Row {
    Row {
        header: false,
        cells: cells
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let align = if i == 0 { Align::Left } else { Align::Right };
                cell(c, align, bold)
            })
            .collect(),
    }
}

/// Column widths: the first column takes `first` parts, every other one part each.
fn widths(columns: usize, first: u32) -> Vec<u32> {
    let total = text_width();
    let parts = first + columns as u32 - 1;
    let unit = total / parts;
    let mut w = vec![unit; columns];
    w[0] = total - unit * (columns as u32 - 1);
    w
}

/// I. The year's figures per title.
pub fn summary(data: &ReportData) -> Table {
    let mut rows = vec![header_row(
        &[
            "Mô hình học tập",
            "Tổng số",
            "Đăng ký",
            "Tỷ lệ đăng ký",
            "Công nhận",
            "% CN trên tổng",
            "% CN trên ĐK",
            "Chỉ tiêu",
            "Còn thiếu (đv)",
        ],
        FIGURES_PT,
    )];
    // The same rows as the printed report: every measure, then the whole commune's
    // CDHT count (no target).
    rows.extend(
        data.summary
            .unit_lines()
            .map(summary_cells)
            .chain(std::iter::once(citizens_cells(&data.summary)))
            .chain(data.summary.skills_lines().map(summary_cells))
            .map(|cells| figure_row(&cells, false)),
    );
    Table {
        widths: widths(9, 2),
        ruled: true,
        rows,
    }
}

/// II. Households and citizens per community.
pub fn communities(data: &ReportData) -> Table {
    let mut rows = vec![header_row(
        &[
            "Thôn, tổ dân phố",
            "Số hộ",
            "GĐHT đăng ký",
            "GĐHT công nhận",
            "Tỷ lệ GĐHT",
            "Công dân trong sổ",
            "CDHT công nhận",
            "CĐHT",
        ],
        FIGURES_PT,
    )];
    for line in &data.communities {
        let mut row = figure_row(&community_cells(line), false);
        // The community's own standing is a word, not a figure.
        if let Some(last) = row.cells.last_mut() {
            *last = cell(line.cdht_status.label(), Align::Center, false);
        }
        rows.push(row);
    }
    let totals = community_totals(&data.communities);
    let mut total_row = figure_row(&totals, true);
    if let (Some(last), Some(text)) = (total_row.cells.last_mut(), totals.last()) {
        *last = cell(text, Align::Center, true);
    }
    rows.push(total_row);
    let mut w = widths(8, 3);
    // The standing ("Đạt, chờ QĐ") needs more room than a figure.
    let extra = w[1] / 3;
    w[0] -= extra;
    w[7] += extra;
    Table {
        widths: w,
        ruled: true,
        rows,
    }
}

/// III. Against the year before.
pub fn change(data: &ReportData) -> Table {
    let (y, b) = (data.summary.year, data.previous.year);
    let heads = [
        "Mô hình học tập".to_string(),
        format!("Công nhận {b}"),
        format!("Tỷ lệ {b}"),
        format!("Công nhận {y}"),
        format!("Tỷ lệ {y}"),
        "Tăng, giảm (đv)".to_string(),
        "Tăng, giảm (điểm %)".to_string(),
    ];
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut rows = vec![header_row(&heads, FIGURES_PT)];
    rows.extend(data.summary.lines.iter().filter_map(|now| {
        data.previous
            .line(now.measure)
            .map(|before| figure_row(&change_cells(now, before), false))
    }));
    Table {
        widths: widths(7, 3),
        ruled: true,
        rows,
    }
}

/// The targets on every basis, when the resolution sets any other than "recognised over
/// all units"; `None` otherwise (the text report leaves the section out too).
pub fn bases(data: &ReportData) -> Option<Table> {
    let rows = bases_rows(&data.summary)?;
    let heads: Vec<String> = BASES_COLUMNS.iter().map(|h| h.join(" ")).collect();
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut table_rows = vec![header_row(&heads, FIGURES_PT)];
    table_rows.extend(rows.iter().map(|r| {
        let mut row = figure_row(r, false);
        // The basis is a word, not a figure.
        if let (Some(cell), Some(text)) = (row.cells.get_mut(1), r.get(1)) {
            *cell = cell_left(text);
        }
        row
    }));
    Some(Table {
        widths: widths(7, 3),
        ruled: true,
        rows: table_rows,
    })
}

fn cell_left(text: &str) -> Cell {
    cell(text, Align::Left, false)
}

/// The way to the next milestone: the last years' rates and what the next milestone
/// asks, with the sentences that say it in words.
pub fn way(data: &ReportData) -> Option<(Table, Vec<String>)> {
    let table = way_table(data)?;
    let heads: Vec<String> = table.columns.iter().map(|h| h.join(" ")).collect();
    let heads: Vec<&str> = heads.iter().map(String::as_str).collect();
    let mut rows = vec![header_row(&heads, FIGURES_PT)];
    rows.extend(table.rows.iter().map(|r| figure_row(r, false)));
    Some((
        Table {
            widths: widths(table.columns.len(), 3),
            ruled: true,
            rows,
        },
        table.sentences,
    ))
}

/// One group of the attached list of recognised units.
pub fn listing(group: &RecognisedGroup) -> Table {
    let mut rows = vec![header_row(
        &[
            "STT",
            "Danh hiệu",
            "Mã",
            "Tên hộ, dòng họ, đơn vị, công dân",
        ],
        LIST_PT,
    )];
    for [n, title, code, name] in listing_cells(group) {
        rows.push(Row {
            header: false,
            cells: vec![
                sized(&n, Align::Center, false, LIST_PT),
                sized(&title, Align::Center, false, LIST_PT),
                sized(&code, Align::Left, false, LIST_PT),
                sized(&name, Align::Left, false, LIST_PT),
            ],
        });
    }
    let total = text_width();
    let (n, t, c) = (total / 12, total / 7, total / 6);
    Table {
        widths: vec![n, t, c, total - n - t - c],
        ruled: true,
        rows,
    }
}

/// A bold caption kept with the table under it.
pub fn caption(text: &str) -> P {
    P::new().keep_next().space(6, 3).run(
        text,
        Look {
            bold: true,
            ..Look::default()
        },
    )
}
