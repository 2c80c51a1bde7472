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
use crate::model::{Commune, Evaluation, EvaluationKey, Stage, Target, Unit, UnitMeta, Year};
use crate::text::limits::{MAX_DOCUMENT_NUMBER, MAX_LONG_TEXT, MAX_NAME, too_long};
use crate::text::unsafe_reason;
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

/// The rules on the commune's own record: a name, and both texts of a printable length
/// and free of control characters (they head every screen and report).
pub fn commune_findings(commune: &Commune) -> Vec<Finding> {
    let mut out = Vec::new();
    if commune.name.trim().is_empty() {
        out.push(finding("commune.name", "tên xã trống"));
    }
    for (field, label, text) in [
        ("commune.name", "tên xã", &commune.name),
        ("commune.province", "tên tỉnh", &commune.province),
    ] {
        if let Some(why) = too_long(text, MAX_NAME).or_else(|| unsafe_reason(text)) {
            out.push(finding(field, format!("{label} {why}")));
        }
    }
    out
}

/// The rules on the office's report lines: each one line of printable length, free of
/// control characters; at most [`MAX_RECIPIENTS`] recipients.
pub fn letterhead_findings(l: &crate::model::Letterhead) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut check = |field: String, label: &str, text: &str, max: usize| {
        if let Some(why) = too_long(text, max).or_else(|| unsafe_reason(text)) {
            out.push(finding(field, format!("{label} {why}")));
        }
    };
    for (field, label, text, max) in [
        ("superior", "cơ quan cấp trên", &l.superior, MAX_NAME),
        (
            "issuing_body",
            "cơ quan ban hành",
            &l.issuing_body,
            MAX_NAME,
        ),
        ("number", "số văn bản", &l.number, MAX_DOCUMENT_NUMBER),
        ("place", "địa danh", &l.place, MAX_NAME),
        (
            "signer_title",
            "chức vụ người ký",
            &l.signer_title,
            MAX_NAME,
        ),
        ("signer_name", "họ tên người ký", &l.signer_name, MAX_NAME),
    ] {
        check(field.to_string(), label, text, max);
    }
    for (i, r) in l.recipients.iter().enumerate() {
        check(format!("recipients[{i}]"), "nơi nhận", r, MAX_NAME);
    }
    if l.recipients.len() > MAX_RECIPIENTS {
        out.push(finding(
            "recipients",
            format!("{} nơi nhận, tối đa {MAX_RECIPIENTS}", l.recipients.len()),
        ));
    }
    out
}

/// Most recipients a report lists (the signature block stays on one page).
pub const MAX_RECIPIENTS: usize = 12;

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
    if let Some(d) = &e.decision
        && let Some(why) = too_long(&d.number, MAX_DOCUMENT_NUMBER)
    {
        out.push(finding(
            "evaluation.decision.number",
            format!("số quyết định {why}"),
        ));
    }
    if let Some(why) = too_long(&e.note, MAX_LONG_TEXT) {
        out.push(finding("evaluation.note", format!("ghi chú {why}")));
    }
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
    if let Some(why) = too_long(&t.resolution.number, MAX_DOCUMENT_NUMBER) {
        out.push(finding("resolution.number", format!("số nghị quyết {why}")));
    }
    if let Some(why) = too_long(&t.resolution.body, MAX_NAME) {
        out.push(finding(
            "resolution.body",
            format!("cơ quan ban hành {why}"),
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
