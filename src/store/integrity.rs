//! The logical half of `sohoctap check`: every record decodes, every reference points at
//! a unit that exists, every evaluation's criteria version is kept, every index agrees
//! with the records, and every record keeps the rules of [`super::validate`] (the same
//! rules `import json` applies). (redb checks the pages and checksums itself.)
//!
//! Problems are of two kinds: **damage** (the file or its indexes are not what the
//! program wrote: a backup of it would not be trustworthy) and **data** (records that
//! break a rule — a household with more adults than members — which the officer can
//! correct; such a register can still be backed up).
//!
//! The check walks each table record by record (see `Reader::each_unit` and the other
//! walks) and keeps only what later tables are checked against: unit ids, the link index,
//! one year of the status index, and a sequence number per history entry. At commune
//! scale that is tens of megabytes where holding every record took a gigabyte.

use super::Reader;
use super::Result;
use super::reader::Walk;
use crate::model::{Affiliation, Unit, UnitKind, Year};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

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
    let mut units_seen = 0usize;
    // Households active in `year` (id, code, adults) and the citizens linked to each, for
    // the warnings; both small beside the units themselves.
    let mut adults: Vec<(u32, String, u16)> = Vec::new();
    let mut linked: HashMap<u32, u32> = HashMap::new();
    // Thôn and clans that have left (dissolved, merged), by code, and the active
    // households' thôn and clan, for the warning about households they left behind.
    let mut gone: HashMap<(UnitKind, u32), String> = HashMap::new();
    let mut belongs: Vec<(String, u32, Option<u32>)> = Vec::new();
    problems.extend(reader.dictionary_problems()?);
    // First walk: where each unit is, its code index, the counts.
    for kind in UnitKind::ALL {
        let mut count = 0;
        let mut failed = None;
        reader.each_unit(kind, &mut |id, unit| {
            if unit.kind() != kind {
                problems.push(format!("Đơn vị {} nằm sai bảng", unit.code()));
            }
            match reader.unit_id(kind, unit.code()) {
                Ok(Some(indexed)) if indexed == id => {}
                Ok(_) => problems.push(format!("Mã {} không khớp chỉ mục mã", unit.code())),
                Err(e) => {
                    failed = Some(e);
                    return Walk::Break(());
                }
            }
            if unit.meta().active_in(year) {
                count += 1;
            } else if unit.meta().left.is_some() {
                archived += 1;
            }
            if matches!(kind, UnitKind::Community | UnitKind::Clan)
                && unit.meta().left.is_some()
                && !unit.meta().active_in(year)
            {
                gone.insert((kind, id), unit.code().to_string());
            }
            match &unit {
                Unit::Household(h) if h.meta.active_in(year) => {
                    adults.push((id, h.meta.code.clone(), h.adults));
                    belongs.push((h.meta.code.clone(), h.community, h.clan));
                }
                Unit::Citizen(c) if c.meta.active_in(year) => {
                    if let Affiliation::Household(h) = c.affiliation {
                        *linked.entry(h).or_default() += 1;
                    }
                }
                _ => {}
            }
            ids.entry(kind).or_default().insert(id);
            units_seen += 1;
            Walk::Continue(())
        })?;
        if let Some(e) = failed {
            return Err(e);
        }
        active.insert(kind.code(), count);
    }
    let exists = |kind: UnitKind, id: u32| ids.get(&kind).is_some_and(|s| s.contains(&id));
    let links: HashMap<(UnitKind, u32), crate::model::UnitLink> = reader
        .unit_links()?
        .into_iter()
        .map(|(kind, id, link)| ((kind, id), link))
        .collect();
    if links.len() != units_seen {
        problems.push(format!(
            "Chỉ mục liên kết có {} bản ghi, sổ có {} đơn vị",
            links.len(),
            units_seen
        ));
    }
    // Second walk: references, the rules of each unit, the link index.
    let mut link_problems = Vec::new();
    for kind in UnitKind::ALL {
        reader.each_unit(kind, &mut |id, unit| {
            unit_data(&unit, &exists, &mut data);
            if links.get(&(unit.kind(), id)) != Some(&crate::model::UnitLink::of(&unit)) {
                link_problems.push(format!("Chỉ mục liên kết của {} không khớp", unit.code()));
            }
            Walk::Continue(())
        })?;
    }
    problems.extend(link_problems);
    drop(links);
    let mut warnings = Vec::new();
    for (id, code, adults) in &adults {
        if let Some(&n) = linked.get(id)
            && n > u32::from(*adults)
        {
            warnings.push(format!(
                "Hộ {code}: {n} công dân trong sổ nhưng chỉ ghi {adults} người lớn; hãy sửa số người lớn"
            ));
        }
    }
    // A household still in the commune whose thôn or clan has left is counted in one
    // part of the report and missing from another.
    for (code, community, clan) in &belongs {
        if let Some(thon) = gone.get(&(UnitKind::Community, *community)) {
            warnings.push(format!(
                "Hộ {code} còn trong xã nhưng thôn {thon} đã rời xã (giải thể, sáp nhập): chuyển hộ sang thôn khác"
            ));
        }
        if let Some(clan) = clan.and_then(|c| gone.get(&(UnitKind::Clan, c))) {
            warnings.push(format!(
                "Hộ {code} còn trong xã nhưng dòng họ {clan} đã rời xã: sửa dòng họ của hộ"
            ));
        }
    }
    let sets: HashMap<String, crate::criteria::CriteriaSet> =
        reader.all_criteria()?.into_iter().collect();
    let evaluations = check_evaluations(reader, &sets, &exists, &mut problems, &mut data)?;
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
    for f in super::validate::commune_findings(&reader.commune()?) {
        data.push(format!("Thông tin xã: {}", f.message));
    }
    for f in super::validate::letterhead_findings(&reader.letterhead()?) {
        data.push(format!("Phần đầu, phần ký báo cáo: {}", f.message));
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
    check_history(reader, &exists, &mut problems, &mut data)?;
    let damaged = !problems.is_empty();
    problems.extend(data);
    Ok(CheckReport {
        ok: problems.is_empty(),
        damaged,
        year,
        active,
        archived,
        evaluations,
        problems,
        warnings,
    })
}

/// The data problems of one unit: references to units not in the register, then the
/// rules of [`super::validate`].
fn unit_data(unit: &Unit, exists: &dyn Fn(UnitKind, u32) -> bool, data: &mut Vec<String>) {
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

/// Walks every evaluation against the status index (one year of it in memory at a
/// time), its criteria set and its unit; returns how many there are.
fn check_evaluations(
    reader: &Reader,
    sets: &HashMap<String, crate::criteria::CriteriaSet>,
    exists: &dyn Fn(UnitKind, u32) -> bool,
    problems: &mut Vec<String>,
    data: &mut Vec<String>,
) -> Result<usize> {
    // The count comparison goes before the problems of single evaluations.
    let count_at = problems.len();
    let mut count = 0usize;
    let mut indexed_count = 0usize;
    let mut statuses: HashMap<(crate::model::Title, u32), crate::model::Status> = HashMap::new();
    let mut loaded: Option<Year> = None;
    let mut failed = None;
    reader.each_evaluation(0, Year::MAX, &mut |key, evaluation| {
        if loaded != Some(key.year) {
            match reader.statuses_in_year(key.year) {
                Ok(rows) => {
                    indexed_count += rows.len();
                    statuses = rows.into_iter().map(|(t, u, s)| ((t, u), s)).collect();
                }
                Err(e) => {
                    failed = Some(e);
                    return Walk::Break(());
                }
            }
            loaded = Some(key.year);
        }
        count += 1;
        let set = sets.get(&evaluation.criteria_hash);
        let expected = set.map(|set| crate::criteria::status_of(&evaluation, set));
        let indexed = statuses.get(&(key.title, key.unit)).copied();
        if expected.is_some() && indexed != expected {
            problems.push(format!(
                "Trạng thái đánh giá {} năm {} (đơn vị {}) không khớp chỉ mục",
                key.title.short(),
                key.year,
                key.unit
            ));
        }
        if let Some(set) = set {
            for f in super::validate::evaluation_findings(&key, &evaluation, Some(set)) {
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
        if set.is_none() {
            problems.push(format!(
                "Đánh giá {} năm {} thiếu bản lưu bộ tiêu chí {}",
                key.title.short(),
                key.year,
                evaluation.criteria_id
            ));
        }
        Walk::Continue(())
    })?;
    if let Some(e) = failed {
        return Err(e);
    }
    if indexed_count != count {
        problems.insert(
            count_at,
            format!("Chỉ mục trạng thái có {indexed_count} bản ghi, sổ có {count} đánh giá"),
        );
    }
    Ok(count)
}

/// The history index against the history, and every entry's unit. Keeps a sequence
/// number, title and unit per entry (16 bytes), not the entries.
fn check_history(
    reader: &Reader,
    exists: &dyn Fn(UnitKind, u32) -> bool,
    problems: &mut Vec<String>,
    data: &mut Vec<String>,
) -> Result<()> {
    // In sequence order, as the table is walked.
    let mut by_seq: Vec<(u64, u8, u32)> = Vec::new();
    reader.each_history(&mut |seq, entry| {
        by_seq.push((seq, entry.key.title as u8, entry.key.unit));
        if !exists(entry.key.title.unit_kind(), entry.key.unit) {
            data.push(format!(
                "Lịch sử số {seq}: đánh giá {} năm {} của đơn vị {} không có trong sổ",
                entry.key.title.short(),
                entry.key.year,
                entry.key.unit
            ));
        }
        Walk::Continue(())
    })?;
    let mut indexed: Vec<u64> = Vec::new();
    reader.each_history_index_row(&mut |title, unit, seq| {
        let agrees = by_seq
            .binary_search_by_key(&seq, |(s, _, _)| *s)
            .ok()
            .and_then(|at| by_seq.get(at))
            .is_some_and(|(_, t, u)| *t == title && *u == unit);
        if !agrees {
            problems.push(format!(
                "Chỉ mục lịch sử số {seq} không khớp mục lịch sử nào của đơn vị {unit}"
            ));
        }
        indexed.push(seq);
        Walk::Continue(())
    })?;
    indexed.sort_unstable();
    if let Some((seq, _, _)) = by_seq
        .iter()
        .find(|(seq, _, _)| indexed.binary_search(seq).is_err())
    {
        problems.push(format!(
            "Chỉ mục lịch sử thiếu mục số {seq} (và có thể các mục khác)"
        ));
    }
    Ok(())
}
