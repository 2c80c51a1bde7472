//! The logical half of `sohoctap check`: every record decodes, every reference points at
//! a unit that exists, every evaluation's criteria version is kept. (redb checks the
//! pages and checksums itself.)

use super::Reader;
use super::Result;
use crate::model::{Affiliation, Unit, UnitKind, Year};
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CheckReport {
    pub ok: bool,
    pub year: Year,
    /// Units active in `year`, by kind code.
    pub active: BTreeMap<&'static str, usize>,
    pub archived: usize,
    pub evaluations: usize,
    pub problems: Vec<String>,
    /// Data that is consistent but probably mistyped: it does not make the check fail,
    /// but it can skew a percentage (more citizens linked to a household in `year` than
    /// the household has adults puts the CDHT community share above what is possible).
    pub warnings: Vec<String>,
}

pub(super) fn check_records(reader: &Reader, year: Year) -> Result<CheckReport> {
    let mut problems = Vec::new();
    let mut active = BTreeMap::new();
    let mut archived = 0;
    let mut ids: BTreeMap<UnitKind, HashSet<u32>> = BTreeMap::new();
    let mut all = Vec::new();
    for kind in UnitKind::ALL {
        let units = reader.units(kind)?;
        let mut count = 0;
        for (id, unit) in &units {
            if unit.kind() != kind {
                problems.push(format!("Đơn vị {} nằm sai bảng", unit.code()));
            }
            match reader.unit_id(kind, unit.code())? {
                Some(indexed) if indexed == *id => {}
                _ => problems.push(format!("Mã {} không khớp chỉ mục mã", unit.code())),
            }
            if unit.meta().active_in(year) {
                count += 1;
            } else if unit.meta().left.is_some() {
                archived += 1;
            }
            ids.entry(kind).or_default().insert(*id);
        }
        active.insert(kind.code(), count);
        all.extend(units);
    }
    let exists = |kind: UnitKind, id: u32| ids.get(&kind).is_some_and(|s| s.contains(&id));
    for (_, unit) in &all {
        match unit {
            Unit::Household(h) => {
                if !exists(UnitKind::Community, h.community) {
                    problems.push(format!("Hộ {} thuộc thôn không có trong sổ", h.meta.code));
                }
                if let Some(clan) = h.clan
                    && !exists(UnitKind::Clan, clan)
                {
                    problems.push(format!(
                        "Hộ {} thuộc dòng họ không có trong sổ",
                        h.meta.code
                    ));
                }
                if h.adults > h.members {
                    problems.push(format!(
                        "Hộ {}: số người lớn ({}) nhiều hơn số nhân khẩu ({})",
                        h.meta.code, h.adults, h.members
                    ));
                }
            }
            Unit::Citizen(c) => {
                let missing = match c.affiliation {
                    Affiliation::Household(id) => !exists(UnitKind::Household, id),
                    Affiliation::Organisation(id) => !exists(UnitKind::Organisation, id),
                    Affiliation::None => false,
                };
                if missing {
                    problems.push(format!(
                        "Công dân {} thuộc hộ/đơn vị không có trong sổ",
                        c.meta.code
                    ));
                }
            }
            _ => {}
        }
    }
    let mut linked: BTreeMap<u32, u32> = BTreeMap::new();
    for (_, unit) in &all {
        if let Unit::Citizen(c) = unit
            && c.meta.active_in(year)
            && let Affiliation::Household(h) = c.affiliation
        {
            *linked.entry(h).or_default() += 1;
        }
    }
    let mut warnings = Vec::new();
    for (id, unit) in &all {
        if let Unit::Household(h) = unit
            && h.meta.active_in(year)
            && let Some(&n) = linked.get(id)
            && n > u32::from(h.adults)
        {
            warnings.push(format!(
                "Hộ {}: {n} công dân trong sổ nhưng chỉ ghi {} người lớn; hãy sửa số người lớn",
                h.meta.code, h.adults
            ));
        }
    }
    // A household still in the commune whose thôn or clan has left (dissolved, merged)
    // is counted in one part of the report and missing from another.
    let gone: HashSet<(UnitKind, u32)> = all
        .iter()
        .filter(|(_, u)| {
            matches!(u.kind(), UnitKind::Community | UnitKind::Clan)
                && u.meta().left.is_some()
                && !u.meta().active_in(year)
        })
        .map(|(id, u)| (u.kind(), *id))
        .collect();
    let code_of = |kind: UnitKind, id: u32| {
        all.iter()
            .find(|(i, u)| *i == id && u.kind() == kind)
            .map_or_else(String::new, |(_, u)| u.code().to_string())
    };
    for (_, unit) in &all {
        if let Unit::Household(h) = unit
            && h.meta.active_in(year)
        {
            if gone.contains(&(UnitKind::Community, h.community)) {
                warnings.push(format!(
                    "Hộ {} còn trong xã nhưng thôn {} đã rời xã (giải thể, sáp nhập): chuyển hộ sang thôn khác",
                    h.meta.code,
                    code_of(UnitKind::Community, h.community)
                ));
            }
            if let Some(clan) = h.clan
                && gone.contains(&(UnitKind::Clan, clan))
            {
                warnings.push(format!(
                    "Hộ {} còn trong xã nhưng dòng họ {} đã rời xã: sửa dòng họ của hộ",
                    h.meta.code,
                    code_of(UnitKind::Clan, clan)
                ));
            }
        }
    }
    let links: std::collections::HashMap<(UnitKind, u32), super::UnitLink> = reader
        .unit_links()?
        .into_iter()
        .map(|(kind, id, link)| ((kind, id), link))
        .collect();
    if links.len() != all.len() {
        problems.push(format!(
            "Chỉ mục liên kết có {} bản ghi, sổ có {} đơn vị",
            links.len(),
            all.len()
        ));
    }
    for (id, unit) in &all {
        if links.get(&(unit.kind(), *id)) != Some(&super::UnitLink::of(unit)) {
            problems.push(format!("Chỉ mục liên kết của {} không khớp", unit.code()));
        }
    }
    let sets: std::collections::HashMap<String, crate::criteria::CriteriaSet> =
        reader.all_criteria()?.into_iter().collect();
    let kept: HashSet<&String> = sets.keys().collect();
    let evaluations = reader.evaluations_between(0, Year::MAX)?;
    let mut statuses = std::collections::HashMap::new();
    let years: std::collections::BTreeSet<Year> = evaluations.iter().map(|(k, _)| k.year).collect();
    for y in years {
        for (title, unit, status) in reader.statuses_in_year(y)? {
            statuses.insert((y, title, unit), status);
        }
    }
    if statuses.len() != evaluations.len() {
        problems.push(format!(
            "Chỉ mục trạng thái có {} bản ghi, sổ có {} đánh giá",
            statuses.len(),
            evaluations.len()
        ));
    }
    for (key, evaluation) in &evaluations {
        let expected = sets
            .get(&evaluation.criteria_hash)
            .map(|set| crate::criteria::status_of(evaluation, set));
        let indexed = statuses.get(&(key.year, key.title, key.unit)).copied();
        if expected.is_some() && indexed != expected {
            problems.push(format!(
                "Trạng thái đánh giá {} năm {} (đơn vị {}) không khớp chỉ mục",
                key.title.short(),
                key.year,
                key.unit
            ));
        }
        if !exists(key.title.unit_kind(), key.unit) {
            problems.push(format!(
                "Đánh giá {} năm {} trỏ tới đơn vị không có",
                key.title.short(),
                key.year
            ));
        }
        if !kept.contains(&evaluation.criteria_hash) {
            problems.push(format!(
                "Đánh giá {} năm {} thiếu bản lưu bộ tiêu chí {}",
                key.title.short(),
                key.year,
                evaluation.criteria_id
            ));
        }
    }
    Ok(CheckReport {
        ok: problems.is_empty(),
        year,
        active,
        archived,
        evaluations: evaluations.len(),
        problems,
        warnings,
    })
}
