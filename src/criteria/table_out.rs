//! A set written as the table [`super::table`] reads: one row per indicator, the set's
//! own fields on the first row. UTF-8 with a byte-order mark and CRLF, so Excel on an
//! office PC opens it with its diacritics; `criteria import` reads it back to the same
//! set (only who entered it, and whether it was checked, are the importer's).

use super::set::{CriteriaSet, IndicatorKind};
use super::table::{COLUMNS, grades_cell};

/// The header of a criteria table, as `criteria export` writes it.
pub fn table_header() -> Vec<&'static str> {
    COLUMNS.iter().map(|c| c.names[0]).collect()
}

/// The rows of a criteria table, one per indicator; the set's own columns are filled on
/// the first row only. The CSV and the Excel export write these same cells.
pub fn table_rows(set: &CriteriaSet) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut first = true;
    for c in &set.criteria {
        for (n, i) in c.indicators.iter().enumerate() {
            let (kind, max, floor) = match i.kind {
                IndicatorKind::Points => (
                    "điểm",
                    i.max.to_string(),
                    i.floor.map(|f| f.to_string()).unwrap_or_default(),
                ),
                IndicatorKind::PassFail => ("đạt/không đạt", String::new(), String::new()),
            };
            let mut row = vec![
                c.code.clone(),
                if n == 0 {
                    c.name.clone()
                } else {
                    String::new()
                },
                i.code.clone(),
                i.text.clone(),
                kind.to_string(),
                max,
                floor,
                if i.mandatory {
                    "có".into()
                } else {
                    String::new()
                },
                match (n, c.min_total) {
                    (0, Some(m)) => m.to_string(),
                    _ => String::new(),
                },
            ];
            if first {
                row.extend([
                    set.id.clone(),
                    set.title.code().to_string(),
                    set.name.clone(),
                    set.valid_from.to_string(),
                    set.valid_to.map(|y| y.to_string()).unwrap_or_default(),
                    set.source.clone(),
                    set.min_total.map(|m| m.to_string()).unwrap_or_default(),
                    grades_cell(&set.grades),
                    set.status_note.clone(),
                ]);
                first = false;
            } else {
                row.extend(std::iter::repeat_n(String::new(), 9));
            }
            rows.push(row);
        }
    }
    rows
}

/// The table as CSV (UTF-8 with a byte-order mark, so Excel reads the letters right).
pub fn to_csv(set: &CriteriaSet) -> Vec<u8> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    let mut w = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let _ = w.write_record(table_header());
    for row in table_rows(set) {
        let _ = w.write_record(&row);
    }
    // Writing into a Vec cannot fail; an empty result would be refused on import.
    out.extend(w.into_inner().unwrap_or_default());
    out
}
