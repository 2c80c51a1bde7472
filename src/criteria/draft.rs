//! The rules a set being entered is checked against while it is typed, each problem in
//! Vietnamese and attached to the field it concerns, so an editor can show it beside
//! that field: duplicate codes, a floor above the maximum, a minimum above what can be
//! scored, and (as a warning only) a total that is not 100. Saving goes through
//! [`save`], which refuses a set with errors and otherwise puts it through every rule of
//! a criteria file before stamping who entered it.
//!
//! Pure: no screen, no register. The app's editor and `criteria import` share it.

use super::set::{CriteriaSet, Entry, IndicatorKind, Scope, Status};
use super::{parse_set, to_toml};
use crate::model::{Stamp, Title, Year};
use std::collections::HashMap;

/// Which field a problem is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Place {
    /// A field of the set itself: "name", "source", "valid_to", "min_total", "grades".
    Set(&'static str),
    /// A criterion (index) and its field: "code", "name", "min_total".
    Criterion(usize, &'static str),
    /// An indicator (criterion index, indicator index) and its field: "code", "text",
    /// "max", "floor".
    Indicator(usize, usize, &'static str),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// The set cannot be saved.
    Error,
    /// Shown, but saving is allowed (a total that is not 100).
    Warning,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    pub place: Place,
    pub severity: Severity,
    pub message: String,
}

fn error(place: Place, message: String) -> Issue {
    Issue {
        place,
        severity: Severity::Error,
        message,
    }
}

/// A blank set for `title` from `year`: one criterion with one indicator to fill in.
pub fn blank(title: Title, year: Year) -> CriteriaSet {
    CriteriaSet {
        id: format!("{}-{year}-van-phong", title.code()),
        title,
        name: String::new(),
        valid_from: year,
        valid_to: None,
        scope: Scope::Commune,
        source: String::new(),
        status: Status::Provisional,
        status_note: String::new(),
        min_total: None,
        grades: Vec::new(),
        criteria: vec![super::Criterion {
            code: "1".into(),
            name: String::new(),
            min_total: None,
            indicators: vec![super::Indicator {
                code: "1.1".into(),
                text: String::new(),
                kind: IndicatorKind::Points,
                max: 10,
                floor: None,
                mandatory: false,
            }],
        }],
        entry: None,
    }
}

/// A copy of `set` to edit into the office's own version (a shipped set, or the one in
/// force): same content, the office's id, no entry yet.
pub fn starting_from(set: &CriteriaSet) -> CriteriaSet {
    let mut copy = set.clone();
    if copy.entry.is_none() {
        copy.id = format!("{}-{}-van-phong", set.title.code(), set.valid_from);
    }
    copy.entry = None;
    copy
}

/// Every problem of `set` as it stands, errors and warnings, in field order.
pub fn check(set: &CriteriaSet) -> Vec<Issue> {
    let mut issues = Vec::new();
    if set.name.trim().is_empty() {
        issues.push(error(Place::Set("name"), "Chưa có tên bộ tiêu chí".into()));
    }
    if set.source.trim().is_empty() {
        issues.push(error(
            Place::Set("source"),
            "Chưa có văn bản ban hành (số, ngày, cơ quan ban hành)".into(),
        ));
    }
    if let Some(to) = set.valid_to
        && to < set.valid_from
    {
        issues.push(error(
            Place::Set("valid_to"),
            format!("Năm cuối {to} trước năm bắt đầu {}", set.valid_from),
        ));
    }
    let mut criterion_codes: HashMap<&str, usize> = HashMap::new();
    let mut indicator_codes: HashMap<&str, (usize, usize)> = HashMap::new();
    for (ci, c) in set.criteria.iter().enumerate() {
        if c.code.trim().is_empty() {
            issues.push(error(
                Place::Criterion(ci, "code"),
                "Chưa có mã tiêu chí".into(),
            ));
        } else if let Some(first) = criterion_codes.insert(c.code.as_str(), ci) {
            issues.push(error(
                Place::Criterion(ci, "code"),
                format!(
                    "Mã tiêu chí {} trùng với tiêu chí thứ {}",
                    c.code,
                    first + 1
                ),
            ));
        }
        if c.name.trim().is_empty() {
            issues.push(error(
                Place::Criterion(ci, "name"),
                "Chưa có tên tiêu chí".into(),
            ));
        }
        if c.indicators.is_empty() {
            issues.push(error(
                Place::Criterion(ci, "code"),
                format!("Tiêu chí {} chưa có chỉ số nào", c.code),
            ));
        }
        for (ii, i) in c.indicators.iter().enumerate() {
            let at = |field| Place::Indicator(ci, ii, field);
            if i.code.trim().is_empty() {
                issues.push(error(at("code"), "Chưa có mã chỉ số".into()));
            } else if !i.code.starts_with(&format!("{}.", c.code)) {
                issues.push(error(
                    at("code"),
                    format!("Mã chỉ số phải bắt đầu bằng «{}.»", c.code),
                ));
            } else if let Some((fc, fi)) = indicator_codes.insert(i.code.as_str(), (ci, ii)) {
                issues.push(error(
                    at("code"),
                    format!(
                        "Mã chỉ số {} trùng với chỉ số thứ {} của tiêu chí {}",
                        i.code,
                        fi + 1,
                        set.criteria.get(fc).map_or("", |c| c.code.as_str())
                    ),
                ));
            }
            if i.text.trim().is_empty() {
                issues.push(error(at("text"), "Chưa có nội dung chỉ số".into()));
            }
            if i.kind == IndicatorKind::Points {
                if i.max == 0 {
                    issues.push(error(at("max"), "Điểm tối đa phải lớn hơn 0".into()));
                }
                if let Some(f) = i.floor
                    && f > i.max
                {
                    issues.push(error(
                        at("floor"),
                        format!("Điểm sàn {f} lớn hơn điểm tối đa {}", i.max),
                    ));
                }
            }
        }
        if let Some(min) = c.min_total
            && u32::from(min) > c.max_total()
        {
            issues.push(error(
                Place::Criterion(ci, "min_total"),
                format!(
                    "Điểm tối thiểu của tiêu chí ({min}) lớn hơn tổng điểm tối đa của tiêu chí ({})",
                    c.max_total()
                ),
            ));
        }
    }
    let sum = set.max_total();
    if let Some(min) = set.min_total
        && u32::from(min) > sum
    {
        issues.push(error(
            Place::Set("min_total"),
            format!("Tổng điểm tối thiểu {min} lớn hơn tổng điểm tối đa {sum}"),
        ));
    }
    for pair in set.grades.windows(2) {
        if let [a, b] = pair
            && a.min_total <= b.min_total
        {
            issues.push(error(
                Place::Set("grades"),
                format!(
                    "Xếp loại phải giảm dần: «{}» ({}) không cao hơn «{}» ({})",
                    a.name, a.min_total, b.name, b.min_total
                ),
            ));
        }
    }
    if let Some(top) = set.grades.first()
        && u32::from(top.min_total) > sum
    {
        issues.push(error(
            Place::Set("grades"),
            format!(
                "Xếp loại «{}» cần {} điểm, hơn tổng điểm tối đa {sum}",
                top.name, top.min_total
            ),
        ));
    }
    if sum != 100 && set.indicators().any(|i| i.kind == IndicatorKind::Points) {
        issues.push(Issue {
            place: Place::Set("min_total"),
            severity: Severity::Warning,
            message: format!("Tổng điểm tối đa là {sum}, không phải 100 (chỉ cảnh báo)"),
        });
    }
    issues
}

/// The set to store: refused while it has errors; otherwise checked by every rule of a
/// criteria file, and stamped with who entered it. `checked` marks it "đã đối chiếu văn
/// bản gốc".
pub fn save(
    set: &CriteriaSet,
    checked: bool,
    stamp: Stamp,
    how: &str,
) -> Result<CriteriaSet, Vec<String>> {
    let errors: Vec<String> = check(set)
        .into_iter()
        .filter(|i| i.severity == Severity::Error)
        .map(|i| i.message)
        .collect();
    if !errors.is_empty() {
        return Err(errors);
    }
    let mut set = set.clone();
    if checked {
        set.status = Status::Verified;
    } else {
        set.status = Status::Provisional;
        if set.status_note.trim().is_empty() {
            set.status_note = "Văn phòng nhập; chưa đối chiếu văn bản gốc.".into();
        }
    }
    let mut stored = parse_set("bộ tiêu chí", &to_toml(&set))
        .map_err(|e| e.into_iter().map(|e| e.message).collect::<Vec<_>>())?;
    stored.entry = Some(Entry {
        stamp,
        how: how.to_string(),
    });
    Ok(stored)
}

#[cfg(test)]
mod tests;
