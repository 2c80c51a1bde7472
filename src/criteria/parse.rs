//! TOML text → validated [`CriteriaSet`]. Every problem is reported with the file, the
//! line and the field, in Vietnamese, because the person fixing the file is an office
//! officer with a text editor, not a programmer.

use super::set::{CriteriaSet, Criterion, Grade, Indicator, IndicatorKind, Scope, Status};
use crate::model::{Title, Year};
use serde::Deserialize;
use std::collections::HashSet;
use std::fmt;
use std::ops::Range;
use toml::Spanned;

/// The format version this program reads (`schema = 1`).
pub const SCHEMA: u32 = 1;

/// One problem in a criteria file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaError {
    pub file: String,
    pub line: Option<usize>,
    pub field: String,
    pub message: String,
}

impl fmt::Display for CriteriaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(line) = self.line {
            write!(f, ", dòng {line}")?;
        }
        if !self.field.is_empty() {
            write!(f, ", trường `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawSet {
    schema: Spanned<u32>,
    id: Spanned<String>,
    title: Spanned<String>,
    name: String,
    valid_from: Spanned<Year>,
    valid_to: Option<Spanned<Year>>,
    scope: Option<Spanned<String>>,
    source: Spanned<String>,
    status: Spanned<String>,
    #[serde(default)]
    status_note: String,
    min_total: Option<Spanned<u16>>,
    #[serde(default)]
    grades: Vec<RawGrade>,
    criteria: Vec<RawCriterion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGrade {
    name: String,
    min_total: Spanned<u16>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCriterion {
    code: Spanned<String>,
    name: String,
    min_total: Option<Spanned<u16>>,
    indicators: Vec<RawIndicator>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawIndicator {
    code: Spanned<String>,
    text: Spanned<String>,
    kind: Spanned<String>,
    max: Option<Spanned<u16>>,
    floor: Option<Spanned<u16>>,
    #[serde(default)]
    mandatory: bool,
}

/// Collects problems so the officer sees all of them at once, not one per run.
struct Problems<'a> {
    file: &'a str,
    text: &'a str,
    list: Vec<CriteriaError>,
}

impl Problems<'_> {
    fn at(&mut self, span: Range<usize>, field: &str, message: impl Into<String>) {
        let line = line_of(self.text, span.start);
        self.list.push(CriteriaError {
            file: self.file.into(),
            line: Some(line),
            field: field.into(),
            message: message.into(),
        });
    }
}

fn line_of(text: &str, offset: usize) -> usize {
    text.as_bytes()
        .iter()
        .take(offset)
        .filter(|b| **b == b'\n')
        .count()
        + 1
}

/// Parses and validates one criteria file. `file` names it in messages.
pub fn parse_set(file: &str, text: &str) -> Result<CriteriaSet, Vec<CriteriaError>> {
    let raw: RawSet = toml::from_str(text).map_err(|e| {
        vec![CriteriaError {
            file: file.into(),
            line: e.span().map(|s| line_of(text, s.start)),
            field: String::new(),
            message: translate_toml_message(e.message()),
        }]
    })?;
    let mut problems = Problems {
        file,
        text,
        list: Vec::new(),
    };
    let set = validate(raw, &mut problems);
    for (field, message) in super::text_rules::check_texts(&set) {
        problems.list.push(CriteriaError {
            file: file.into(),
            line: None,
            field,
            message,
        });
    }
    if problems.list.is_empty() {
        Ok(set)
    } else {
        Err(problems.list)
    }
}

fn validate(raw: RawSet, p: &mut Problems<'_>) -> CriteriaSet {
    if *raw.schema.get_ref() != SCHEMA {
        p.at(
            raw.schema.span(),
            "schema",
            format!(
                "phiên bản định dạng {} không được hỗ trợ (chương trình đọc phiên bản {SCHEMA})",
                raw.schema.get_ref()
            ),
        );
    }
    let id = raw.id.get_ref().trim().to_string();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        p.at(
            raw.id.span(),
            "id",
            "mã bộ tiêu chí chỉ gồm chữ thường không dấu, chữ số và dấu gạch ngang",
        );
    }
    let title = Title::from_code(raw.title.get_ref()).unwrap_or_else(|| {
        p.at(
            raw.title.span(),
            "title",
            format!(
                "danh hiệu \"{}\" không có; dùng một trong: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan",
                raw.title.get_ref()
            ),
        );
        Title::GiaDinh
    });
    let valid_from = *raw.valid_from.get_ref();
    let valid_to = raw.valid_to.as_ref().map(|v| *v.get_ref());
    if let Some(to) = &raw.valid_to
        && *to.get_ref() < valid_from
    {
        p.at(
            to.span(),
            "valid_to",
            format!(
                "năm kết thúc {} trước năm bắt đầu {valid_from}",
                to.get_ref()
            ),
        );
    }
    let scope = match raw.scope.as_ref().map(|s| s.get_ref().as_str()) {
        None | Some("commune") => Scope::Commune,
        Some("above-commune") => Scope::AboveCommune,
        Some(other) => {
            if let Some(s) = &raw.scope {
                p.at(
                    s.span(),
                    "scope",
                    format!("phạm vi \"{other}\" không có; dùng commune hoặc above-commune"),
                );
            }
            Scope::Commune
        }
    };
    if raw.source.get_ref().trim().is_empty() {
        p.at(raw.source.span(), "source", "phải ghi văn bản nguồn");
    }
    let status = match raw.status.get_ref().as_str() {
        "verified" => Status::Verified,
        "provisional" => Status::Provisional,
        other => {
            p.at(
                raw.status.span(),
                "status",
                format!("trạng thái \"{other}\" không có; dùng verified hoặc provisional"),
            );
            Status::Provisional
        }
    };
    if status == Status::Provisional && raw.status_note.trim().is_empty() {
        p.at(
            raw.status.span(),
            "status_note",
            "bộ tạm thời phải ghi rõ điều gì chưa được xác nhận",
        );
    }

    let criteria = validate_criteria(raw.criteria, p);
    let max_sum: u32 = criteria.iter().map(Criterion::max_total).sum();
    if let Some(min) = &raw.min_total
        && u32::from(*min.get_ref()) > max_sum
    {
        p.at(
            min.span(),
            "min_total",
            format!(
                "điểm tối thiểu {} lớn hơn tổng điểm tối đa {max_sum}",
                min.get_ref()
            ),
        );
    }
    let mut grades: Vec<Grade> = raw
        .grades
        .into_iter()
        .map(|g| {
            if u32::from(*g.min_total.get_ref()) > max_sum {
                p.at(
                    g.min_total.span(),
                    "grades.min_total",
                    format!(
                        "mức xếp loại \"{}\" cần {} điểm, lớn hơn tổng điểm tối đa {max_sum}",
                        g.name,
                        g.min_total.get_ref()
                    ),
                );
            }
            Grade {
                name: g.name,
                min_total: g.min_total.into_inner(),
            }
        })
        .collect();
    grades.sort_by_key(|g| std::cmp::Reverse(g.min_total));

    CriteriaSet {
        id,
        title,
        name: raw.name,
        valid_from,
        valid_to,
        scope,
        source: raw.source.into_inner(),
        status,
        status_note: raw.status_note,
        min_total: raw.min_total.map(Spanned::into_inner),
        grades,
        criteria,
        entry: None,
    }
}

fn validate_criteria(raw: Vec<RawCriterion>, p: &mut Problems<'_>) -> Vec<Criterion> {
    let mut seen_criteria = HashSet::new();
    let mut seen_indicators = HashSet::new();
    if raw.is_empty() {
        p.list.push(CriteriaError {
            file: p.file.into(),
            line: None,
            field: "criteria".into(),
            message: "bộ tiêu chí phải có ít nhất một tiêu chí".into(),
        });
    }
    raw.into_iter()
        .map(|c| {
            let code = c.code.get_ref().trim().to_string();
            if !seen_criteria.insert(code.clone()) {
                p.at(
                    c.code.span(),
                    "criteria.code",
                    format!("mã tiêu chí \"{code}\" bị trùng"),
                );
            }
            if c.indicators.is_empty() {
                p.at(
                    c.code.span(),
                    "criteria.indicators",
                    format!("tiêu chí {code} chưa có chỉ số nào"),
                );
            }
            let indicators: Vec<Indicator> = c
                .indicators
                .into_iter()
                .map(|i| validate_indicator(i, &code, &mut seen_indicators, p))
                .collect();
            let criterion = Criterion {
                code: code.clone(),
                name: c.name,
                min_total: c.min_total.as_ref().map(|m| *m.get_ref()),
                indicators,
            };
            if let Some(min) = &c.min_total
                && u32::from(*min.get_ref()) > criterion.max_total()
            {
                p.at(
                    min.span(),
                    "criteria.min_total",
                    format!(
                        "tiêu chí {code}: điểm tối thiểu {} lớn hơn tổng điểm tối đa {}",
                        min.get_ref(),
                        criterion.max_total()
                    ),
                );
            }
            criterion
        })
        .collect()
}

fn validate_indicator(
    i: RawIndicator,
    criterion: &str,
    seen: &mut HashSet<String>,
    p: &mut Problems<'_>,
) -> Indicator {
    let code = i.code.get_ref().trim().to_string();
    if !seen.insert(code.clone()) {
        p.at(
            i.code.span(),
            "indicators.code",
            format!("mã chỉ số \"{code}\" bị trùng"),
        );
    }
    if !code.starts_with(&format!("{criterion}.")) {
        p.at(
            i.code.span(),
            "indicators.code",
            format!("chỉ số \"{code}\" phải bắt đầu bằng mã tiêu chí \"{criterion}.\""),
        );
    }
    if i.text.get_ref().trim().is_empty() {
        p.at(
            i.text.span(),
            "indicators.text",
            format!("chỉ số {code} chưa có nội dung"),
        );
    }
    let kind = match i.kind.get_ref().as_str() {
        "points" => IndicatorKind::Points,
        "pass-fail" => IndicatorKind::PassFail,
        other => {
            p.at(
                i.kind.span(),
                "indicators.kind",
                format!("loại \"{other}\" không có; dùng points hoặc pass-fail"),
            );
            IndicatorKind::Points
        }
    };
    let max = match (kind, &i.max) {
        (IndicatorKind::Points, Some(m)) if *m.get_ref() == 0 => {
            p.at(
                m.span(),
                "indicators.max",
                format!("chỉ số {code}: điểm tối đa phải lớn hơn 0"),
            );
            0
        }
        (IndicatorKind::Points, Some(m)) => *m.get_ref(),
        (IndicatorKind::Points, None) => {
            p.at(
                i.code.span(),
                "indicators.max",
                format!("chỉ số {code} tính điểm phải có điểm tối đa (max)"),
            );
            0
        }
        (IndicatorKind::PassFail, Some(m)) => {
            p.at(
                m.span(),
                "indicators.max",
                format!("chỉ số {code} loại đạt/không đạt không có điểm tối đa"),
            );
            0
        }
        (IndicatorKind::PassFail, None) => 0,
    };
    if let Some(floor) = &i.floor {
        if kind == IndicatorKind::PassFail {
            p.at(
                floor.span(),
                "indicators.floor",
                format!("chỉ số {code} loại đạt/không đạt không có điểm sàn"),
            );
        } else if *floor.get_ref() > max {
            p.at(
                floor.span(),
                "indicators.floor",
                format!(
                    "chỉ số {code}: điểm sàn {} lớn hơn điểm tối đa {max}",
                    floor.get_ref()
                ),
            );
        }
    }
    Indicator {
        code,
        text: crate::text::clean_name(i.text.get_ref()),
        kind,
        max,
        floor: i.floor.map(Spanned::into_inner),
        mandatory: i.mandatory,
    }
}

/// The TOML parser speaks English; the officers do not. Translate the messages they will
/// actually meet and keep the rest as they are.
fn translate_toml_message(message: &str) -> String {
    let m = message.trim();
    // serde's own wording ("invalid type: integer `70000`, expected u16") is translated
    // by the shared translator; TOML's syntax messages keep their TOML label.
    if crate::text::english::is_known(m) {
        return crate::text::english::translate(m);
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        format!("thiếu trường {rest}")
    } else if let Some(rest) = m.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        format!("trường {field} không có trong định dạng")
    } else if m.starts_with("invalid type") {
        format!("sai kiểu giá trị ({m})")
    } else if m.starts_with("duplicate key") {
        format!("khóa bị lặp ({m})")
    } else {
        format!("lỗi cú pháp TOML: {m}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"
schema = 1
id = "thu-nghiem"
title = "cong-dan"
name = "Thử nghiệm"
valid_from = 2022
valid_to = 2030
source = "Văn bản thử"
status = "provisional"
status_note = "Chỉ để kiểm thử"
min_total = 15

[[grades]]
name = "Khá"
min_total = 15

[[criteria]]
code = "1"
name = "Tiêu chí một"

[[criteria.indicators]]
code = "1.1"
text = "Chỉ số một"
kind = "points"
max = 10
floor = 5

[[criteria.indicators]]
code = "1.2"
text = "Chỉ số hai"
kind = "points"
max = 10

[[criteria.indicators]]
code = "1.3"
text = "Chỉ số ba"
kind = "pass-fail"
mandatory = true
"#;

    fn errors(text: &str) -> Vec<CriteriaError> {
        match parse_set("thu.toml", text) {
            Ok(_) => panic!("expected errors"),
            Err(e) => e,
        }
    }

    #[test]
    fn a_good_file_parses() {
        let set = parse_set("thu.toml", GOOD).expect("parses");
        assert_eq!(set.title, Title::CongDan);
        assert_eq!(set.indicator_count(), 3);
        assert_eq!(set.max_total(), 20);
        assert_eq!(set.indicator("1.1").and_then(|i| i.floor), Some(5));
    }

    #[test]
    fn a_syntax_error_names_its_line() {
        let broken = GOOD.replace("max = 10\nfloor = 5", "max = = 10\nfloor = 5");
        let e = errors(&broken);
        assert_eq!(e.len(), 1);
        assert_eq!(e[0].line, Some(25));
    }

    #[test]
    fn a_duplicate_indicator_code_is_refused_at_its_line() {
        let dup = GOOD.replace("code = \"1.2\"", "code = \"1.1\"");
        let e = errors(&dup);
        assert!(
            e.iter().any(|e| e.field == "indicators.code"
                && e.line == Some(29)
                && e.message.contains("bị trùng")),
            "{e:?}"
        );
    }

    #[test]
    fn a_floor_above_max_is_refused() {
        let bad = GOOD.replace("floor = 5", "floor = 12");
        let e = errors(&bad);
        assert!(
            e.iter()
                .any(|e| e.field == "indicators.floor" && e.line == Some(26)),
            "{e:?}"
        );
    }

    #[test]
    fn a_minimum_total_above_the_sum_of_maxima_is_refused() {
        let bad = GOOD.replace(
            "min_total = 15\n\n[[grades]]",
            "min_total = 25\n\n[[grades]]",
        );
        let e = errors(&bad);
        assert!(
            e.iter()
                .any(|e| e.field == "min_total" && e.line == Some(11)),
            "{e:?}"
        );
    }

    #[test]
    fn a_provisional_set_must_say_what_is_unconfirmed() {
        let bad = GOOD.replace("status_note = \"Chỉ để kiểm thử\"\n", "");
        let e = errors(&bad);
        assert!(e.iter().any(|e| e.field == "status_note"), "{e:?}");
    }

    #[test]
    fn a_missing_field_is_named_in_vietnamese() {
        let bad = GOOD.replace("name = \"Thử nghiệm\"\n", "");
        let e = errors(&bad);
        assert!(e[0].message.contains("thiếu trường"), "{e:?}");
    }

    #[test]
    fn every_problem_is_reported_at_once() {
        let bad = GOOD
            .replace("floor = 5", "floor = 12")
            .replace("code = \"1.2\"", "code = \"2.2\"");
        assert!(errors(&bad).len() >= 2);
    }
}
