//! Codes that a spreadsheet changed on the way, found before any row is read.
//!
//! Excel and Calc read a cell `0123` as the number 123, `100000` may come back as
//! `1.00E+05`, and `1-2` as a date. Imported as they are, such codes match nothing and
//! the import adds a second unit (or moves a household to a new thôn "7") with every
//! check green. So, in every code column (the unit's own and the codes it points to):
//!
//! - a number that equals a register code only once leading zeros are put back or taken
//!   away (`123` ↔ `0123`), or a number in exponent form whose digits do, is a
//!   [`CodeConflict`]: shown, and refused unless the officer confirms the mapping, which
//!   then rewrites the cell to the register's code before the rows are read;
//! - an exponent form matching nothing, a date where a code was, or a number matching
//!   two codes, cannot be mapped back and is a problem.

use super::csv_read::Table;
use super::headers::{ColumnMap, Field};
use super::plan::Problem;
use crate::model::UnitKind;
use crate::store::{Reader, StoreError};
use foldhash::{HashMap, HashSet};

/// A code in the file that matches a register code only after a spreadsheet's change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CodeConflict {
    pub line: u64,
    pub column: String,
    /// The code as the file has it, and the register's code it maps to.
    pub value: String,
    pub existing: String,
}

impl CodeConflict {
    /// One line for the preview and for the refusal.
    pub fn describe(&self) -> String {
        format!(
            "dòng {}, cột \"{}\": mã \"{}\" trong tệp chỉ khớp mã \"{}\" trong sổ khi thêm hoặc bỏ số 0 ở đầu (bảng tính đã đổi mã thành số?)",
            self.line,
            crate::text::escape(&self.column),
            crate::text::escape(&self.value),
            crate::text::escape(&self.existing)
        )
    }
}

/// The register's codes of one kind: exact, and the all-digit ones by their digits
/// without leading zeros.
struct Codes {
    exact: HashSet<String>,
    by_digits: HashMap<String, Vec<String>>,
}

impl Codes {
    fn load(reader: &Reader, kind: UnitKind) -> Result<Codes, StoreError> {
        let mut exact = HashSet::default();
        let mut by_digits: HashMap<String, Vec<String>> = HashMap::default();
        for (_, unit) in reader.units(kind)? {
            let code = unit.code().to_string();
            if is_digits(&code) {
                by_digits
                    .entry(strip_zeros(&code).to_string())
                    .or_default()
                    .push(code.clone());
            }
            exact.insert(code);
        }
        Ok(Codes { exact, by_digits })
    }
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}

fn strip_zeros(s: &str) -> &str {
    let stripped = s.trim_start_matches('0');
    if stripped.is_empty() { "0" } else { stripped }
}

/// `1.00E+05`, `1E5`, `1,5E+06`: a number in exponent form, as its whole digits.
fn exponent_digits(s: &str) -> Option<String> {
    // Most code cells are letters and digits with no exponent: no copies for them.
    if !s.bytes().any(|b| b.eq_ignore_ascii_case(&b'e')) {
        return None;
    }
    let upper = s.trim().to_ascii_uppercase().replace(',', ".");
    let (mantissa, exponent) = upper.split_once('E')?;
    if mantissa.is_empty()
        || !mantissa.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        || !exponent
            .trim_start_matches(['+', '-'])
            .bytes()
            .all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let value: f64 = format!("{mantissa}E{exponent}").parse().ok()?;
    (value.fract() == 0.0 && (0.0..1e18).contains(&value))
        .then(|| super::sheet_read::number_text(value))
}

/// `12/03/2025`, `2025-03-12`: a date, as a spreadsheet writes one.
fn looks_like_date(s: &str) -> bool {
    if !s.contains(['/', '-']) {
        return false;
    }
    let parts: Vec<&str> = s.trim().split(['/', '-']).collect();
    let year =
        |p: &&str| p.len() == 4 && p.parse::<u32>().is_ok_and(|y| (1900..=2100).contains(&y));
    parts.len() == 3
        && parts
            .iter()
            .all(|p| is_digits(p) && (p.len() <= 2 || year(p)))
        && (parts.first().is_some_and(year) || parts.last().is_some_and(year))
}

/// The kind whose codes a field holds, for a file of `kind`.
fn code_kind(kind: UnitKind, field: Field) -> Option<UnitKind> {
    match field {
        Field::Code => Some(kind),
        Field::CommunityCode => Some(UnitKind::Community),
        Field::ClanCode => Some(UnitKind::Clan),
        Field::HouseholdCode => Some(UnitKind::Household),
        Field::OrganisationCode => Some(UnitKind::Organisation),
        _ => None,
    }
}

/// Checks every code cell; with `accept`, rewrites each mappable one to the register's
/// code. Returns the mappable conflicts and the problems nothing can map.
pub fn check_codes(
    reader: &Reader,
    kind: UnitKind,
    map: &ColumnMap,
    table: &mut Table,
    accept: bool,
) -> Result<(Vec<CodeConflict>, Vec<Problem>), StoreError> {
    let mut columns: Vec<(usize, UnitKind)> = map
        .fields()
        .filter_map(|(field, i)| code_kind(kind, field).map(|k| (i, k)))
        .collect();
    columns.sort_unstable();
    // Loaded on the first cell that could be a changed code: a list of letter codes
    // ("HO00001") never reads the register here.
    let mut codes: HashMap<UnitKind, Codes> = HashMap::default();
    let dates = table.sheet.as_ref().map(|s| &s.dates);
    let mut conflicts = Vec::new();
    let mut problems = Vec::new();
    for row in &mut table.rows {
        // Cells rewritten to the register's code, once the row's cells are read.
        let mut mapped: Vec<(usize, String)> = Vec::new();
        for &(col, k) in &columns {
            let Some(cell) = row.fields.get(col) else {
                continue;
            };
            let is_date = dates.is_some_and(|d| d.contains(&(row.line, col)));
            let exponent = exponent_digits(cell.trim());
            if !(is_date || exponent.is_some() || is_digits(cell.trim()) || looks_like_date(cell)) {
                continue;
            }
            let value = cell.trim().to_string();
            let known = match codes.entry(k) {
                std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                std::collections::hash_map::Entry::Vacant(e) => e.insert(Codes::load(reader, k)?),
            };
            if known.exact.contains(&value) {
                continue;
            }
            let column = table.headers.get(col).cloned().unwrap_or_default();
            let refuse = |reason: String| Problem {
                line: Some(row.line),
                column: Some(column.clone()),
                value: Some(value.clone()),
                reason,
            };
            if is_date || looks_like_date(&value) {
                problems.push(refuse(
                    "ô mã là ngày tháng: bảng tính đã đổi mã thành ngày, không biết mã gốc. Định dạng cột mã là Chữ (Text) rồi gõ lại mã".into(),
                ));
                continue;
            }
            let digits = match &exponent {
                Some(d) => d.clone(),
                None if is_digits(&value) => value.clone(),
                None => continue,
            };
            let mut candidates: Vec<&String> = known
                .by_digits
                .get(strip_zeros(&digits))
                .map(|v| v.iter().collect())
                .unwrap_or_default();
            if exponent.is_some() && known.exact.contains(&digits) && !candidates.contains(&&digits)
            {
                candidates.push(known.exact.get(&digits).unwrap_or(&digits));
            }
            candidates.retain(|c| **c != value);
            match candidates.as_slice() {
                [existing] => {
                    conflicts.push(CodeConflict {
                        line: row.line,
                        column: column.clone(),
                        value: value.clone(),
                        existing: (*existing).clone(),
                    });
                    if accept {
                        mapped.push((col, (*existing).clone()));
                    }
                }
                [] if exponent.is_some() => problems.push(refuse(
                    "mã bị bảng tính đổi sang dạng số mũ, không khớp mã nào trong sổ và không biết mã gốc. Định dạng cột mã là Chữ (Text) rồi gõ lại mã".into(),
                )),
                [] => {}
                several => problems.push(refuse(format!(
                    "mã này khớp nhiều mã trong sổ khi thêm hoặc bỏ số 0 ở đầu ({}); ghi đúng mã trong sổ",
                    several.iter().map(|c| c.as_str()).collect::<Vec<_>>().join(", ")
                ))),
            }
        }
        for (col, code) in mapped {
            row.fields.set(col, &code);
        }
    }
    Ok((conflicts, problems))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spreadsheet_forms_are_recognised() {
        assert_eq!(exponent_digits("1.00E+05").as_deref(), Some("100000"));
        assert_eq!(exponent_digits("1,5E+06").as_deref(), Some("1500000"));
        assert_eq!(exponent_digits("HO1E5"), None);
        assert_eq!(exponent_digits("E5"), None);
        assert!(looks_like_date("12/03/2025"));
        assert!(looks_like_date("2025-03-12"));
        assert!(!looks_like_date("HO-1-2"));
        assert!(!looks_like_date("0123"));
        assert_eq!(strip_zeros("0123"), "123");
        assert_eq!(strip_zeros("000"), "0");
    }
}
