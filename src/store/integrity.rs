//! The logical half of `sohoctap check`: every record decodes, every reference points at
//! a unit that exists, every evaluation's criteria version is kept, every index agrees
//! with the records, and every record keeps the rules of [`super::validate`] (the same
//! rules `import json` applies). (redb checks the pages and checksums itself.)
//!
//! Problems are of two kinds: **damage** (the file or its indexes are not what the
//! program wrote: a backup of it would not be trustworthy) and **data** (records that
//! break a rule — a household with more adults than members — which the officer can
//! correct; such a register can still be backed up).

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
    /// Every problem, damage and data alike.
    pub problems: Vec<String>,
    /// Whether any problem is damage (see the module documentation): a backup refuses
    /// a damaged register, never one whose only problems are data.
    pub damaged: bool,
    /// Data that is consistent but probably mistyped: it does not make the check fail,
    /// but it can skew a percentage (more citizens linked to a household in `year` than
    /// the household has adults puts the CDHT community share above what is possible).
    pub warnings: Vec<String>,
}

/// The word a problem about a unit starts with ("Hộ HO00012: …").
fn kind_word(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Community => "Thôn",
        UnitKind::Household => "Hộ",
        UnitKind::Clan => "Dòng họ",
        UnitKind::Organisation => "Đơn vị",
        UnitKind::Citizen => "Công dân",
    }
}

pub(super) fn check_records(reader: &Reader, year: Year) -> Result<CheckReport> {
    // Damage first; data problems are collected apart and appended at the end.
    let mut problems = Vec::new();
    let mut data = Vec::new();
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
                    data.push(format!("Hộ {} thuộc thôn không có trong sổ", h.meta.code));
                }
                if let Some(clan) = h.clan
                    && !exists(UnitKind::Clan, clan)
                {
                    data.push(format!(
                        "Hộ {} thuộc dòng họ không có trong sổ",
                        h.meta.code
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
                    data.push(format!(
                        "Công dân {} thuộc hộ/đơn vị không có trong sổ",
                        c.meta.code
                    ));
                }
            }
            _ => {}
        }
        for f in super::validate::unit_findings(unit) {
            data.push(format!(
                "{} {}: {}",
                kind_word(unit.kind()),
                unit.code(),
                f.message
            ));
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
        if let Some(set) = sets.get(&evaluation.criteria_hash) {
            for f in super::validate::evaluation_findings(key, evaluation, Some(set)) {
                data.push(format!(
                    "Đánh giá {} năm {} (đơn vị {}), {}: {}",
                    key.title.short(),
                    key.year,
                    key.unit,
                    f.field,
                    f.message
                ));
            }
        }
        if !exists(key.title.unit_kind(), key.unit) {
            data.push(format!(
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
    for (hash, set) in &sets {
        if set.content_hash() != *hash {
            data.push(format!(
                "Bộ tiêu chí {} lưu dưới mã {hash}, không khớp nội dung (đúng là {})",
                set.id,
                set.content_hash()
            ));
        }
        for f in super::validate::criteria_findings(set) {
            data.push(format!(
                "Bộ tiêu chí {} ({hash}), {}: {}",
                set.id, f.field, f.message
            ));
        }
    }
    for t in reader.targets()? {
        for f in super::validate::target_findings(&t) {
            data.push(format!(
                "Chỉ tiêu {} năm {}: {}",
                t.measure.code(),
                t.milestone,
                f.message
            ));
        }
    }
    let history = reader.all_history()?;
    let index = reader.history_index()?;
    let by_seq: std::collections::HashMap<u64, &super::HistoryEntry> =
        history.iter().map(|(seq, e)| (*seq, e)).collect();
    let indexed: HashSet<u64> = index.iter().map(|(_, _, seq)| *seq).collect();
    for (title, unit, seq) in &index {
        let agrees = by_seq
            .get(seq)
            .is_some_and(|e| e.key.title as u8 == *title && e.key.unit == *unit);
        if !agrees {
            problems.push(format!(
                "Chỉ mục lịch sử số {seq} không khớp mục lịch sử nào của đơn vị {unit}"
            ));
        }
    }
    if let Some((seq, _)) = history.iter().find(|(seq, _)| !indexed.contains(seq)) {
        problems.push(format!(
            "Chỉ mục lịch sử thiếu mục số {seq} (và có thể các mục khác)"
        ));
    }
    for (seq, entry) in &history {
        if !exists(entry.key.title.unit_kind(), entry.key.unit) {
            data.push(format!(
                "Lịch sử số {seq}: đánh giá {} năm {} của đơn vị {} không có trong sổ",
                entry.key.title.short(),
                entry.key.year,
                entry.key.unit
            ));
        }
    }
    let damaged = !problems.is_empty();
    problems.extend(data);
    Ok(CheckReport {
        ok: problems.is_empty(),
        damaged,
        year,
        active,
        archived,
        evaluations: evaluations.len(),
        problems,
        warnings,
    })
}
