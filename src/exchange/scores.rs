//! Scores collected in a spreadsheet: one row per unit code, one column per indicator
//! code, values in points or Đ/K. The whole file is checked against the register and
//! each unit's criteria version first, every bad cell reported; then it is written in
//! one transaction, or not at all.
//!
//! Columns: the unit code ("Mã"; else the first column), the indicator codes of the set
//! ("1.1", "2.3"…), and optionally a name column ("Tên", "Họ và tên", "Chủ hộ"), which
//! is only there for the person typing and is ignored. An empty cell leaves the value
//! as it is; "D", "Đ", "đạt" mean Đạt and "K", "không đạt" mean Không đạt.
//!
//! For CDHT a column "Kỹ năng số" records the holder's digital skills: "chưa", "có" or
//! "thành thạo" (also without diacritics: "chua", "co", "thanh thao"); an empty cell
//! leaves them as they are.

use super::csv_read::SourceEncoding;
use super::plan::Problem;
use super::source::read_source;
use crate::criteria::{Catalog, CatalogEntry, CriteriaSet, IndicatorKind, check_value};
use crate::model::{
    DigitalSkills, Evaluation, EvaluationKey, IndicatorValue, Stamp, Title, UnitId, Year,
};
use crate::store::{Reader, Register, StoreError};
use crate::text::fold;
use std::collections::{BTreeMap, HashSet};

/// Headers (folded) of columns kept for the reader of the sheet and ignored.
const NAME_HEADERS: [&str; 9] = [
    "stt",
    "ten",
    "ho va ten",
    "ho ten",
    "chu ho",
    "ho va ten chu ho",
    "ten chu ho",
    "ten don vi",
    "ghi chu",
];

/// The header of the digital-skills column, as lists and `export --year` write it.
pub const SKILLS_HEADER: &str = "Kỹ năng số";

/// The digital-skills column: "Kỹ năng số" in any case, with or without diacritics.
pub fn is_skills_header(folded: &str) -> bool {
    folded == "ky nang so" || folded == "kns"
}

/// What a "Kỹ năng số" cell must hold, said in a problem.
pub const SKILLS_EXPECTED: &str =
    "ghi chưa, có hoặc thành thạo (không dấu cũng được: chua, co, thanh thao), hoặc để trống";

/// The unit code column: "Mã", "Mã hộ", "Mã công dân", "Mã đơn vị", "code".
fn is_code_header(folded: &str) -> bool {
    folded == "ma" || folded == "code" || (folded.starts_with("ma ") && !folded.contains("chi so"))
}

/// The indicator code a header names: `1.1`, or `Chỉ số 1.1` as `export --year`
/// writes it.
fn indicator_header(header: &str) -> Option<&str> {
    let mut words = header.split_whitespace();
    let (first, second) = (words.next()?, words.next()?);
    (fold(first) == "chi" && fold(second) == "so")
        .then(|| header.trim().splitn(3, char::is_whitespace).nth(2))
        .flatten()
        .map(str::trim)
        .filter(|code| !code.is_empty())
}

/// Whether a sheet's row is the header of a scores file: a code column and at least
/// one indicator column.
fn is_scores_header(headers: &[String]) -> bool {
    headers.iter().any(|h| is_code_header(&fold(h.trim())))
        && headers.iter().any(|h| {
            let h = h.trim();
            indicator_header(h).is_some()
                || is_skills_header(&fold(h))
                || (h.contains('.')
                    && h.split('.')
                        .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit())))
        })
}

/// One unit's values from the file.
#[derive(Debug, Clone, PartialEq)]
pub struct ScoreRow {
    pub line: u64,
    pub unit: UnitId,
    pub code: String,
    pub values: BTreeMap<String, IndicatorValue>,
    /// CDHT: the digital skills of a filled "Kỹ năng số" cell; `None` leaves them as
    /// they are.
    pub skills: Option<DigitalSkills>,
}

#[derive(Debug, Clone)]
pub struct ScoresPlan {
    pub title: Title,
    pub year: Year,
    pub rows: Vec<ScoreRow>,
    /// The set new evaluations are registered under.
    pub in_force: Option<CatalogEntry>,
    pub encoding: SourceEncoding,
    pub delimiter: u8,
    pub ignored_columns: Vec<String>,
    /// Cells that hold a value (not empty).
    pub cells: usize,
    /// Rows with no value at all (a `--year` export's unregistered units), left alone.
    pub empty_rows: usize,
    /// What the preview says about a workbook's sheet; empty for a text file.
    pub sheet_notes: Vec<String>,
}

/// Parses a cell: points, or Đ/K in their usual spellings.
pub fn parse_value(text: &str) -> Option<IndicatorValue> {
    let folded = fold(text.trim());
    match folded.as_str() {
        "d" | "dat" | "y" | "x" => Some(IndicatorValue::Pass(true)),
        "k" | "khong dat" | "kd" | "n" => Some(IndicatorValue::Pass(false)),
        digits if !digits.is_empty() && digits.chars().all(|c| c.is_ascii_digit()) => {
            digits.parse().ok().map(IndicatorValue::Points)
        }
        _ => None,
    }
}

/// Checks the whole file; `Err` holds every problem found.
pub fn plan_scores(
    reader: &Reader,
    catalog: &Catalog,
    title: Title,
    year: Year,
    bytes: &[u8],
) -> Result<ScoresPlan, Vec<Problem>> {
    plan_scores_file(reader, catalog, title, year, bytes, None)
}

/// [`plan_scores`] for a file of any format, a workbook's sheet chosen by name.
pub fn plan_scores_file(
    reader: &Reader,
    catalog: &Catalog,
    title: Title,
    year: Year,
    bytes: &[u8],
    sheet: Option<&str>,
) -> Result<ScoresPlan, Vec<Problem>> {
    let table = read_source(bytes, sheet, &is_scores_header).map_err(|e| e.problems())?;
    let sheet_notes = table
        .sheet
        .as_ref()
        .map(|s| s.notes(table.header_line, &table.headers))
        .unwrap_or_default();
    let store_problem = |e: StoreError| Problem {
        line: None,
        column: None,
        value: None,
        reason: e.to_string(),
    };
    if let Some(problems) = super::plan::header_characters(&table.headers, table.header_line) {
        return Err(problems);
    }
    let mut problems = Vec::new();
    let header_line = table.header_line;
    let folded: Vec<String> = table.headers.iter().map(|h| fold(h.trim())).collect();
    let code_column = folded.iter().position(|h| is_code_header(h)).unwrap_or(0);
    let in_force = catalog.in_force(title, year).cloned();
    // Every indicator code any set of this title knows, to tell "unknown code" apart
    // from "not in this unit's version" later.
    let mut indicator_columns: Vec<(usize, String)> = Vec::new();
    let mut skills_column: Option<(usize, String)> = None;
    let mut ignored_columns = Vec::new();
    let known: HashSet<String> = in_force
        .iter()
        .flat_map(|e| {
            e.set
                .indicators()
                .map(|i| i.code.clone())
                .collect::<Vec<_>>()
        })
        .collect();
    // A `--year` export names its indicator columns "Chỉ số 1.1"; its other columns
    // (names, thôn, stage, total, decision) are the unit's and the evaluation's, ignored.
    let prefixed = table.headers.iter().any(|h| indicator_header(h).is_some());
    for (i, header) in table.headers.iter().enumerate() {
        let header = header.trim();
        if i == code_column {
            continue;
        }
        if is_skills_header(&folded[i]) {
            if title != Title::CongDan {
                problems.push(Problem {
                    line: Some(header_line),
                    column: Some(header.to_string()),
                    value: None,
                    reason: format!(
                        "kỹ năng số chỉ ghi cho công dân học tập, không cho {}; xóa cột này hoặc nhập với --title cong-dan",
                        title.short()
                    ),
                });
            } else if let Some((first, _)) = &skills_column {
                problems.push(Problem {
                    line: Some(header_line),
                    column: Some(header.to_string()),
                    value: None,
                    reason: format!(
                        "kỹ năng số có hai cột (cột {} và cột {}); xóa một cột rồi nhập lại",
                        first + 1,
                        i + 1
                    ),
                });
            } else {
                skills_column = Some((i, header.to_string()));
            }
            continue;
        }
        let header = match indicator_header(header) {
            Some(code) => code,
            None if prefixed => {
                if !header.is_empty() {
                    ignored_columns.push(header.to_string());
                }
                continue;
            }
            None => header,
        };
        if NAME_HEADERS.contains(&folded[i].as_str()) {
            ignored_columns.push(header.to_string());
            continue;
        }
        if header.is_empty() {
            ignored_columns.push(format!("(cột {} không tên)", i + 1));
            continue;
        }
        if in_force.is_some() && !known.contains(header) {
            problems.push(Problem {
                line: Some(header_line),
                column: Some(header.to_string()),
                value: None,
                reason: format!(
                    "không phải mã chỉ số của bộ tiêu chí {} năm {year} (các mã: {})",
                    title.short(),
                    in_force
                        .as_ref()
                        .map(|e| e
                            .set
                            .indicators()
                            .map(|i| i.code.clone())
                            .collect::<Vec<_>>()
                            .join(", "))
                        .unwrap_or_default()
                ),
            });
            continue;
        }
        // A second column for one indicator would silently overwrite the first.
        if let Some((first, _)) = indicator_columns.iter().find(|(_, code)| code == header) {
            problems.push(Problem {
                line: Some(header_line),
                column: Some(header.to_string()),
                value: None,
                reason: format!(
                    "chỉ số {header} có hai cột (cột {} và cột {}); xóa một cột rồi nhập lại",
                    first + 1,
                    i + 1
                ),
            });
            continue;
        }
        indicator_columns.push((i, header.to_string()));
    }
    let code_header = table
        .headers
        .get(code_column)
        .cloned()
        .unwrap_or_else(|| "Mã".into());
    let mut sets: BTreeMap<String, CriteriaSet> = BTreeMap::new();
    let mut seen: BTreeMap<String, u64> = BTreeMap::new();
    let mut rows = Vec::new();
    let mut cells = 0usize;
    let mut empty_rows = 0usize;
    for row in &table.rows {
        let cell = |i: usize| {
            row.fields
                .get(i)
                .map(|s| s.trim().to_string())
                .unwrap_or_default()
        };
        let code = cell(code_column);
        let at = |column: &str, value: &str, reason: String| Problem {
            line: Some(row.line),
            column: Some(column.to_string()),
            value: (!value.is_empty()).then(|| value.to_string()),
            reason,
        };
        if code.is_empty() {
            problems.push(at(&code_header, "", "thiếu mã đơn vị".into()));
            continue;
        }
        if let Some(first) = seen.insert(code.clone(), row.line) {
            problems.push(at(
                &code_header,
                &code,
                format!("mã này đã có ở dòng {first}"),
            ));
            continue;
        }
        if prefixed
            && indicator_columns.iter().all(|(c, _)| cell(*c).is_empty())
            && skills_column
                .as_ref()
                .is_none_or(|(c, _)| cell(*c).is_empty())
        {
            empty_rows += 1;
            continue;
        }
        let unit = match reader.unit_id(title.unit_kind(), &code) {
            Ok(Some(id)) => id,
            Ok(None) => {
                problems.push(at(
                    &code_header,
                    &code,
                    format!(
                        "không có {} nào mang mã này trong sổ",
                        title.unit_kind().counter()
                    ),
                ));
                continue;
            }
            Err(e) => return Err(vec![store_problem(e)]),
        };
        match reader.unit(title.unit_kind(), unit) {
            Ok(Some(u)) if u.meta().active_in(year) => {}
            Ok(Some(u)) => {
                let meta = u.meta();
                let why = match meta.left {
                    Some(left) if left <= year => format!("đã rời xã năm {left}"),
                    _ => format!(
                        "vào sổ từ năm {}; nếu đã ở xã từ trước, sửa \"Năm vào\" (hoặc nhập lại danh sách với --year)",
                        meta.entered
                    ),
                };
                problems.push(at(
                    &code_header,
                    &code,
                    format!(
                        "{} này không thuộc xã năm {year}: {why}",
                        title.unit_kind().counter()
                    ),
                ));
                continue;
            }
            Ok(None) => continue,
            Err(e) => return Err(vec![store_problem(e)]),
        }
        let key = EvaluationKey { year, title, unit };
        let existing = reader.evaluation(key).map_err(|e| vec![store_problem(e)])?;
        // The unit's own version when it is already registered, else the set in force.
        let set = match &existing {
            Some(e) => {
                if !sets.contains_key(&e.criteria_hash) {
                    match reader.criteria(&e.criteria_hash) {
                        Ok(Some(set)) => {
                            sets.insert(e.criteria_hash.clone(), set);
                        }
                        Ok(None) => {
                            problems.push(at(
                                &code_header,
                                &code,
                                format!("sổ thiếu bản lưu bộ tiêu chí {}", e.criteria_id),
                            ));
                            continue;
                        }
                        Err(err) => return Err(vec![store_problem(err)]),
                    }
                }
                sets.get(&e.criteria_hash)
            }
            None => in_force.as_ref().map(|e| e.set.as_ref()),
        };
        let Some(set) = set else {
            problems.push(at(
                &code_header,
                &code,
                format!(
                    "chưa có bộ tiêu chí {} áp dụng cho năm {year}",
                    title.short()
                ),
            ));
            continue;
        };
        let mut skills = None;
        if let Some((column, header)) = &skills_column {
            let text = cell(*column);
            if !text.is_empty() {
                match DigitalSkills::parse(&text) {
                    Some(s) => {
                        skills = Some(s);
                        cells += 1;
                    }
                    None => {
                        problems.push(at(
                            header,
                            &text,
                            format!("không đọc được kỹ năng số: {SKILLS_EXPECTED}"),
                        ));
                        continue;
                    }
                }
            }
        }
        let mut values = BTreeMap::new();
        for (column, indicator_code) in &indicator_columns {
            let text = cell(*column);
            if text.is_empty() {
                continue;
            }
            let Some(indicator) = set.indicator(indicator_code) else {
                problems.push(at(
                    indicator_code,
                    &text,
                    format!(
                        "bộ tiêu chí {} của đơn vị này không có chỉ số {indicator_code}",
                        set.id
                    ),
                ));
                continue;
            };
            let Some(value) = parse_value(&text) else {
                let expected = match indicator.kind {
                    IndicatorKind::Points => format!("ghi số điểm từ 0 đến {}", indicator.max),
                    IndicatorKind::PassFail => "ghi Đ (đạt) hoặc K (không đạt)".to_string(),
                };
                problems.push(at(
                    indicator_code,
                    &text,
                    format!("không đọc được: {expected}"),
                ));
                continue;
            };
            if let Err(reason) = check_value(set, indicator_code, value) {
                problems.push(at(indicator_code, &text, reason));
                continue;
            }
            values.insert(indicator_code.clone(), value);
            cells += 1;
        }
        if let Some(e) = &existing
            && e.stage.is_decided()
            && values.iter().any(|(k, v)| e.values.get(k) != Some(v))
        {
            problems.push(at(
                &code_header,
                &code,
                format!(
                    "đánh giá năm {year} đã có quyết định ({}); không sửa điểm được",
                    e.stage.label()
                ),
            ));
            continue;
        }
        rows.push(ScoreRow {
            line: row.line,
            unit,
            code,
            values,
            skills,
        });
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    Ok(ScoresPlan {
        title,
        year,
        rows,
        in_force,
        encoding: table.encoding,
        delimiter: table.delimiter,
        ignored_columns,
        cells,
        empty_rows,
        sheet_notes,
    })
}

/// What an applied plan changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScoresApplied {
    pub units_changed: usize,
    pub units_registered: usize,
    pub values_changed: usize,
    /// CDHT holders whose digital skills changed.
    pub skills_changed: usize,
}

/// Writes the plan in one transaction: all rows or none.
pub fn apply_scores(
    register: &Register,
    plan: &ScoresPlan,
    stamp: &Stamp,
) -> Result<ScoresApplied, StoreError> {
    register.write(|w| {
        let mut applied = ScoresApplied::default();
        for row in &plan.rows {
            if row.values.is_empty() && row.skills.is_none() {
                continue;
            }
            let key = EvaluationKey {
                year: plan.year,
                title: plan.title,
                unit: row.unit,
            };
            let old = w.evaluation(key)?;
            let mut new: Evaluation = match &old {
                Some(e) => e.clone(),
                None => {
                    let entry = plan.in_force.as_ref().ok_or_else(|| {
                        StoreError::Invalid(format!(
                            "dòng {}: chưa có bộ tiêu chí áp dụng",
                            row.line
                        ))
                    })?;
                    w.remember_criteria(&entry.hash, &entry.set)?;
                    applied.units_registered += 1;
                    // Scores imported for an unregistered unit register it on the import's day.
                    Evaluation::register(
                        &entry.set.id,
                        &entry.hash,
                        Some(stamp.at.date()),
                        stamp.clone(),
                    )
                }
            };
            let mut changed = old.is_none();
            for (code, value) in &row.values {
                if new.values.get(code) != Some(value) {
                    new.values.insert(code.clone(), *value);
                    applied.values_changed += 1;
                    changed = true;
                }
            }
            if let Some(skills) = row.skills
                && new.digital_skills != Some(skills)
            {
                new.digital_skills = Some(skills);
                applied.skills_changed += 1;
                changed = true;
            }
            if changed {
                new.stamp = stamp.clone();
                w.set_evaluation(key, Some(&new), stamp)?;
                applied.units_changed += 1;
            }
        }
        Ok(applied)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_points_and_pass_fail_in_their_usual_spellings() {
        for pass in ["Đ", "D", "đ", "đạt", "Đạt", "dat", " D "] {
            assert_eq!(
                parse_value(pass),
                Some(IndicatorValue::Pass(true)),
                "{pass}"
            );
        }
        for fail in ["K", "k", "không đạt", "Không đạt", "khong dat"] {
            assert_eq!(
                parse_value(fail),
                Some(IndicatorValue::Pass(false)),
                "{fail}"
            );
        }
        assert_eq!(parse_value("08"), Some(IndicatorValue::Points(8)));
        assert_eq!(parse_value("7,5"), None);
        assert_eq!(parse_value("-1"), None);
        assert_eq!(parse_value("abc"), None);
        assert!(is_code_header("ma ho"));
        assert!(is_code_header("ma cong dan"));
        assert!(!is_code_header("ma chi so"));
    }
}
