//! What a register may hold: the rules on the data itself, in one place, shared by
//! `sohoctap check` (which reports every record that breaks one) and `import json`
//! (which refuses an archive holding one). Each rule names the field it is about, so
//! each caller can say where: "Hộ HO00012: …" in `check`, "units[3].adults: …" in an
//! import.
//!
//! These are rules on data an officer or a file could get wrong. Damage to the file
//! (undecodable records, indexes out of step) is `check`'s own business
//! ([`super::integrity`]); a register breaking only these rules can still be backed up.

use crate::criteria::{CriteriaSet, IndicatorKind};
use crate::model::{Evaluation, EvaluationKey, Stage, Target, Unit, UnitMeta, Year};
use std::collections::HashSet;

/// The years a register's records may carry (entry, leaving, evaluation, milestone,
/// birth). Wide enough for any real record, narrow enough to catch 0 and 65535.
pub const YEARS: std::ops::RangeInclusive<Year> = 1900..=2200;

/// The largest target: 100,0 % in tenths.
pub const MAX_TARGET_TENTHS: u16 = 1000;

/// One broken rule: the field it is about (a JSON path below the record) and what is
/// wrong, in Vietnamese.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub field: String,
    pub message: String,
}

fn finding(field: impl Into<String>, message: impl Into<String>) -> Finding {
    Finding {
        field: field.into(),
        message: message.into(),
    }
}

fn year_ok(year: Year) -> bool {
    YEARS.contains(&year)
}

fn meta_findings(meta: &UnitMeta, out: &mut Vec<Finding>) {
    if meta.code.trim().is_empty() {
        out.push(finding("meta.code", "mã đơn vị trống"));
    }
    if !year_ok(meta.entered) {
        out.push(finding(
            "meta.entered",
            format!(
                "năm vào sổ {} nằm ngoài {}–{}",
                meta.entered,
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    if let Some(left) = meta.left {
        if !year_ok(left) {
            out.push(finding(
                "meta.left",
                format!(
                    "năm rời xã {left} nằm ngoài {}–{}",
                    YEARS.start(),
                    YEARS.end()
                ),
            ));
        } else if left < meta.entered {
            out.push(finding(
                "meta.left",
                format!("năm rời xã {left} trước năm vào sổ {}", meta.entered),
            ));
        }
    }
}

/// The rules on one unit by itself (references to other units are checked by the
/// caller, which knows which units exist).
pub fn unit_findings(unit: &Unit) -> Vec<Finding> {
    let mut out = Vec::new();
    meta_findings(unit.meta(), &mut out);
    match unit {
        Unit::Household(h) if h.adults > h.members => out.push(finding(
            "adults",
            format!(
                "số người lớn ({}) nhiều hơn số nhân khẩu ({})",
                h.adults, h.members
            ),
        )),
        Unit::Citizen(c) => {
            if let Some(born) = c.birth_year
                && !year_ok(born)
            {
                out.push(finding(
                    "birth_year",
                    format!(
                        "năm sinh {born} nằm ngoài {}–{}",
                        YEARS.start(),
                        YEARS.end()
                    ),
                ));
            }
            if let Some(group) = c.target_group
                && !(1..=4).contains(&group)
            {
                out.push(finding(
                    "target_group",
                    format!("nhóm đối tượng {group} không có (1–4)"),
                ));
            }
        }
        _ => {}
    }
    out
}

/// The rules on a criteria set stored in the register: something to score, codes that
/// identify one indicator each, maxima that add up.
pub fn criteria_findings(set: &CriteriaSet) -> Vec<Finding> {
    let mut out = Vec::new();
    if set.criteria.is_empty() {
        out.push(finding("criteria", "bộ tiêu chí không có tiêu chí nào"));
    }
    if set.valid_to.is_some_and(|to| to < set.valid_from) {
        out.push(finding("valid_to", "năm kết thúc trước năm bắt đầu"));
    }
    let mut criteria = HashSet::new();
    let mut indicators = HashSet::new();
    for (i, c) in set.criteria.iter().enumerate() {
        if !criteria.insert(c.code.as_str()) {
            out.push(finding(
                format!("criteria[{i}].code"),
                format!("mã tiêu chí \"{}\" bị trùng", c.code),
            ));
        }
        if c.indicators.is_empty() {
            out.push(finding(
                format!("criteria[{i}].indicators"),
                format!("tiêu chí {} không có chỉ số nào", c.code),
            ));
        }
        if c.min_total.is_some_and(|m| u32::from(m) > c.max_total()) {
            out.push(finding(
                format!("criteria[{i}].min_total"),
                format!("điểm tối thiểu lớn hơn tổng điểm tối đa {}", c.max_total()),
            ));
        }
        for (j, ind) in c.indicators.iter().enumerate() {
            let field = format!("criteria[{i}].indicators[{j}]");
            if ind.code.trim().is_empty() || !indicators.insert(ind.code.as_str()) {
                out.push(finding(
                    format!("{field}.code"),
                    format!("mã chỉ số \"{}\" trống hoặc bị trùng", ind.code),
                ));
            }
            if ind.kind == IndicatorKind::PassFail && ind.max != 0 {
                out.push(finding(
                    format!("{field}.max"),
                    "chỉ số Đ/K không có điểm tối đa",
                ));
            }
            if ind.floor.is_some_and(|f| f > ind.max) {
                out.push(finding(
                    format!("{field}.floor"),
                    "điểm sàn lớn hơn điểm tối đa",
                ));
            }
        }
    }
    if set
        .min_total
        .is_some_and(|m| u32::from(m) > set.max_total())
    {
        out.push(finding(
            "min_total",
            format!(
                "điểm tối thiểu lớn hơn tổng điểm tối đa {}",
                set.max_total()
            ),
        ));
    }
    out
}

/// The rules on one evaluation, scored under `set` (its stored criteria version;
/// `None` when the register lacks it).
pub fn evaluation_findings(
    key: &EvaluationKey,
    e: &Evaluation,
    set: Option<&CriteriaSet>,
) -> Vec<Finding> {
    let mut out = Vec::new();
    if !year_ok(key.year) {
        out.push(finding(
            "key.year",
            format!(
                "năm {} nằm ngoài {}–{}",
                key.year,
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    if e.digital_skills.is_some() && key.title != crate::model::Title::CongDan {
        out.push(finding(
            "evaluation.digital_skills",
            format!(
                "kỹ năng số chỉ ghi cho công dân học tập, không cho {}",
                key.title.short()
            ),
        ));
    }
    match set {
        None => out.push(finding(
            "evaluation.criteria_hash",
            format!(
                "không có bộ tiêu chí {} ({})",
                e.criteria_id, e.criteria_hash
            ),
        )),
        Some(set) => {
            if set.title != key.title {
                out.push(finding(
                    "evaluation.criteria_id",
                    format!(
                        "bộ tiêu chí {} dành cho danh hiệu {}, không phải {}",
                        set.id,
                        set.title.short(),
                        key.title.short()
                    ),
                ));
            }
            for (code, value) in &e.values {
                if let Err(why) = crate::criteria::check_value(set, code, *value) {
                    out.push(finding(format!("evaluation.values.{code}"), why));
                }
            }
        }
    }
    let decided = e
        .decision
        .as_ref()
        .is_some_and(|d| !d.number.trim().is_empty());
    if e.stage == Stage::Recognised && !decided {
        out.push(finding(
            "evaluation.decision",
            "đã công nhận nhưng không có số quyết định",
        ));
    }
    out
}

/// The rules on one target of the resolution.
pub fn target_findings(t: &Target) -> Vec<Finding> {
    let mut out = Vec::new();
    if t.percent_tenths > MAX_TARGET_TENTHS {
        out.push(finding(
            "percent_tenths",
            format!(
                "chỉ tiêu {},{}% vượt quá 100%",
                t.percent_tenths / 10,
                t.percent_tenths % 10
            ),
        ));
    }
    if !year_ok(t.milestone) {
        out.push(finding(
            "milestone",
            format!(
                "năm mốc {} nằm ngoài {}–{}",
                t.milestone,
                YEARS.start(),
                YEARS.end()
            ),
        ));
    }
    if t.measure.is_digital_skills() && t.basis != crate::model::Basis::Total {
        out.push(finding(
            "basis",
            format!(
                "chỉ tiêu {} là tỷ lệ trên số người đạt CDHT, chỉ đặt được theo cách tính \"total\"",
                t.measure.code()
            ),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
