//! A kind's list as an Excel workbook: the same columns and rows as the CSV export
//! ([`super::export_csv::export_grid`]), typed — codes as text (leading zeros kept),
//! counts, years and points as numbers, decision dates as dates — on a sheet named in
//! Vietnamese. It imports back as it is, and a `--year` export imports as scores.

use super::cell_rules::is_code_field;
use super::export_csv::{ColumnType, export_grid};
use super::headers::{Field, columns};
use super::xlsx_write::{XCell, XColumn, XSheet, workbook};
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

/// The .xlsx bytes of every unit of `kind`, with `year`'s evaluations when given.
pub fn export_xlsx(
    reader: &Reader,
    kind: UnitKind,
    year: Option<Year>,
) -> Result<Vec<u8>, StoreError> {
    let grid = export_grid(reader, kind, year)?;
    let code_fields: Vec<Field> = columns(kind)
        .iter()
        .map(|c| c.field)
        .filter(|f| is_code_field(*f))
        .collect();
    let spec = columns(kind);
    let column_kinds: Vec<XColumn> = (0..grid.headers.len())
        .map(|i| match spec.get(i) {
            Some(c) if code_fields.contains(&c.field) => XColumn::Code,
            _ => XColumn::Other,
        })
        .collect();
    let rows = grid
        .rows
        .into_iter()
        .map(|row| {
            row.into_iter()
                .zip(grid.types.iter())
                .map(|(text, t)| typed(text, *t))
                .collect()
        })
        .collect();
    let name = match year {
        Some(y) => format!("{} {y}", sheet_title(kind)),
        None => sheet_title(kind).to_string(),
    };
    workbook(&[XSheet {
        name,
        headers: grid.headers,
        columns: column_kinds,
        rows,
    }])
}
