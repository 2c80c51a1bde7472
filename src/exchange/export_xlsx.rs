//! A kind's list as an Excel workbook: the same columns and rows as the CSV export
//! ([`super::export_csv::export_grid`], read from the same row source and written row
//! by row), typed — codes as text (leading zeros kept), counts, years and points as
//! numbers, decision dates as dates — on a sheet named in Vietnamese. It imports back as
//! it is, and a `--year` export imports as scores.

use super::cell_rules::is_code_field;
use super::export_csv::{ColumnType, Source};
use super::headers::columns;
use super::xlsx_write::{XCell, XColumn, streamed_workbook};
use crate::model::{UnitKind, Year};
use crate::store::{Reader, StoreError};

/// The sheet's name: the list's name in Vietnamese.
pub fn sheet_title(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Community => "Thôn, tổ dân phố",
        UnitKind::Household => "Hộ gia đình",
        UnitKind::Clan => "Dòng họ",
        UnitKind::Organisation => "Cơ quan, đơn vị",
        UnitKind::Citizen => "Công dân",
    }
}

fn typed(text: String, kind: ColumnType) -> XCell {
    if text.is_empty() {
        return XCell::Empty;
    }
    match kind {
        ColumnType::Number => match text.parse::<f64>() {
            Ok(n) if n.is_finite() => XCell::Number(n),
            _ => XCell::Text(text),
        },
        ColumnType::Date => match chrono::NaiveDate::parse_from_str(&text, "%d/%m/%Y") {
            Ok(d) => XCell::Date(d),
            Err(_) => XCell::Text(text),
        },
        ColumnType::Text => XCell::Text(text),
    }
}

/// The .xlsx bytes of every unit of `kind`, with `year`'s evaluations when given. Each
/// row is typed and written as it is read, as the CSV export does.
pub fn export_xlsx(
    reader: &Reader,
    kind: UnitKind,
    year: Option<Year>,
) -> Result<Vec<u8>, StoreError> {
    let source = Source::load(reader, kind, year)?;
    let (headers, types) = source.headers();
    let spec = columns(kind);
    let column_kinds: Vec<XColumn> = (0..headers.len())
        .map(|i| match spec.get(i) {
            Some(c) if is_code_field(c.field) => XColumn::Code,
            _ => XColumn::Other,
        })
        .collect();
    let name = match year {
        Some(y) => format!("{} {y}", sheet_title(kind)),
        None => sheet_title(kind).to_string(),
    };
    let mut cells: Vec<XCell> = Vec::with_capacity(headers.len());
    streamed_workbook(&name, &headers, &column_kinds, &mut |write_row| {
        source.each_row(reader, &mut |row| {
            cells.clear();
            cells.extend(
                row.drain(..)
                    .zip(types.iter())
                    .map(|(text, t)| typed(text, *t)),
            );
            write_row(&cells)
        })
    })
}
