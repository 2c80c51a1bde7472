//! The report's tables as a workbook (`report --xlsx`), one sheet per section, read from
//! the very [`ReportData`] the printed report and `report --json` show: nothing is
//! recomputed here. Figures are numbers, shares are percentages (61,7 % is the number
//! 0.617 shown as a percentage), so the office can sort, sum and chart them.

use super::xlsx_write::{XCell, XColumn, XSheet, workbook};
use crate::report::ReportData;
use crate::report::text::tables::measure_label;
use crate::store::StoreError;

fn count(n: u64) -> XCell {
    // Counts of units are far below 2^53: exact as a spreadsheet number.
    #[allow(clippy::cast_precision_loss)]
    XCell::Number(n as f64)
}

fn percent(tenths: Option<u32>) -> XCell {
    tenths.map_or(XCell::Empty, |t| XCell::Percent(f64::from(t) / 1000.0))
}

fn text(s: &str) -> XCell {
    XCell::Text(s.to_string())
}

fn summary_sheet(name: String, data: &crate::report::Summary) -> XSheet {
    let headers = [
        "Chỉ tiêu",
        "Tổng số",
        "Đăng ký",
        "Tỷ lệ đăng ký",
        "Công nhận",
        "Tỷ lệ công nhận / tổng số",
        "Tỷ lệ công nhận / đăng ký",
        "Chỉ tiêu nghị quyết",
        "Còn thiếu (đơn vị)",
    ];
    let rows = data
        .lines
        .iter()
        .map(|line| {
            let c = &line.counts;
            let p = &line.progress;
            vec![
                text(measure_label(line.measure)),
                count(c.total),
                count(c.registered),
                percent(p.percent_registered),
                count(c.recognised),
                percent(p.percent_of_total),
                percent(p.percent_of_registered),
                percent(line.target.as_ref().map(|t| u32::from(t.percent_tenths))),
                p.gap.map_or(XCell::Empty, count),
            ]
        })
        .collect();
    XSheet {
        name,
        headers: headers.iter().map(|h| h.to_string()).collect(),
        columns: vec![XColumn::Other; headers.len()],
        rows,
    }
}

/// The workbook's bytes.
pub fn report_xlsx(data: &ReportData) -> Result<Vec<u8>, StoreError> {
    let year = data.year();
    let mut sheets = vec![
        summary_sheet(format!("Tổng hợp {year}"), &data.summary),
        summary_sheet(format!("Năm trước {}", data.previous.year), &data.previous),
    ];
    let headers = [
        "Mã thôn",
        "Thôn, tổ dân phố",
        "Số hộ",
        "Hộ đăng ký GĐHT",
        "Hộ được công nhận",
        "Tỷ lệ hộ công nhận",
        "Công dân",
        "Công dân được công nhận",
        "CĐHT",
    ];
    let mut columns = vec![XColumn::Code];
    columns.resize(headers.len(), XColumn::Other);
    sheets.push(XSheet {
        name: "Theo thôn".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        columns,
        rows: data
            .communities
            .iter()
            .map(|l| {
                vec![
                    text(&l.code),
                    text(&l.name),
                    count(l.households.total),
                    count(l.households.registered),
                    count(l.households.recognised),
                    // The same share the printed table shows for the line.
                    percent(crate::text::percent_tenths(
                        l.households.recognised,
                        l.households.total,
                    )),
                    count(l.citizens.total),
                    count(l.citizens.recognised),
                    text(l.cdht_status.label()),
                ]
            })
            .collect(),
    });
    if let Some(groups) = &data.recognised {
        let headers = [
            "Số quyết định",
            "Ngày quyết định",
            "Thôn, tổ dân phố",
            "Danh hiệu",
            "Mã",
            "Tên",
        ];
        sheets.push(XSheet {
            name: "Được công nhận".into(),
            headers: headers.iter().map(|h| h.to_string()).collect(),
            // The number as a text column: "12/3" typed over it must stay a number, not
            // become a date.
            columns: vec![
                XColumn::Code,
                XColumn::Other,
                XColumn::Other,
                XColumn::Other,
                XColumn::Code,
                XColumn::Other,
            ],
            rows: groups
                .iter()
                .flat_map(|g| {
                    let place = g
                        .community
                        .as_ref()
                        .map(|(_, name)| name.clone())
                        .unwrap_or_default();
                    let (number, date) = match &g.decision {
                        Some(d) => (XCell::Text(d.number.clone()), XCell::Date(d.date)),
                        None => (XCell::Empty, XCell::Empty),
                    };
                    g.units.iter().map(move |u| {
                        vec![
                            number.clone(),
                            date.clone(),
                            XCell::Text(place.clone()),
                            text(u.title.short()),
                            text(&u.code),
                            text(&u.name),
                        ]
                    })
                })
                .collect(),
        });
    }
    let headers = [
        "Danh hiệu",
        "Mã bộ",
        "Tên bộ tiêu chí",
        "Tình trạng",
        "Số lượt đánh giá",
        "Căn cứ",
    ];
    sheets.push(XSheet {
        name: "Bộ tiêu chí".into(),
        headers: headers.iter().map(|h| h.to_string()).collect(),
        columns: vec![XColumn::Other; headers.len()],
        rows: data
            .criteria
            .iter()
            .map(|c| {
                vec![
                    text(c.title.short()),
                    text(&c.id),
                    text(&c.name),
                    text(c.status.label()),
                    count(c.evaluations),
                    text(&c.source),
                ]
            })
            .collect(),
    });
    workbook(&sheets)
}
