//! The complete archival dump of a register as one JSON document, and its exact reload
//! into an empty register. It keeps what a CSV list cannot: internal ids, every
//! evaluation, the whole change history, the stored criteria set versions and the
//! resolution's targets. `export → import into an empty register → export` gives the
//! same bytes. docs/import-export.md documents the shape.
//!
//! The records are the register's own types through serde (enums by variant name), under
//! a `format`/`version` header: a later layout gets a new version number and a reader
//! for the old one, never a silent reinterpretation.

use crate::criteria::CriteriaSet;
use crate::model::HistoryEntry;
use crate::model::{
    Affiliation, Commune, Evaluation, EvaluationKey, Target, Unit, UnitId, UnitKind,
};
use crate::store::{Reader, Register, SCHEMA_VERSION, StoreError};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

pub const ARCHIVE_FORMAT: &str = "sohoctap-archive";
pub const ARCHIVE_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedUnit {
    pub id: UnitId,
    pub unit: Unit,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedEvaluation {
    pub key: EvaluationKey,
    pub evaluation: Evaluation,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedHistory {
    pub seq: u64,
    pub entry: HistoryEntry,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ArchivedCriteria {
    pub hash: String,
    pub set: CriteriaSet,
}

/// Everything a register holds.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    /// Always "sohoctap-archive".
    pub format: String,
    /// Layout of this document (1).
    pub version: u32,
    /// Layout version of the register it came from.
    pub schema: u32,
    pub commune: Commune,
    /// The next internal id of each kind, by kind code ("households": 8001, …).
    pub next_ids: BTreeMap<String, UnitId>,
    /// Every unit, by kind in the order communities, households, clans, organisations,
    /// citizens, then by id.
    pub units: Vec<ArchivedUnit>,
    /// Every evaluation of every year, by (year, title, unit id).
    pub evaluations: Vec<ArchivedEvaluation>,
    /// Every change ever made to an evaluation, by sequence number.
    pub history: Vec<ArchivedHistory>,
    /// Every criteria set version an evaluation was made under, by hash.
    pub criteria: Vec<ArchivedCriteria>,
    pub targets: Vec<Target>,
    /// The office's report lines; absent from archives written before they existed.
    #[serde(default)]
    pub letterhead: crate::model::Letterhead,
}

/// Reads the whole register into an archive.
pub fn export_archive(reader: &Reader) -> Result<Archive, StoreError> {
    let mut next_ids = BTreeMap::new();
    let mut units = Vec::new();
    for kind in UnitKind::ALL {
        next_ids.insert(kind.code().to_string(), reader.next_unit_id(kind)?);
        units.extend(
            reader
                .units(kind)?
                .into_iter()
                .map(|(id, unit)| ArchivedUnit { id, unit }),
        );
    }
    let evaluations = reader
        .evaluations_between(0, u16::MAX)?
        .into_iter()
        .map(|(key, evaluation)| ArchivedEvaluation { key, evaluation })
        .collect();
    let mut history = Vec::new();
    for seq in 0..reader.history_len()? {
        if let Some(entry) = reader.history_entry(seq)? {
            history.push(ArchivedHistory { seq, entry });
        }
    }
    let criteria = reader
        .all_criteria()?
        .into_iter()
        .map(|(hash, set)| ArchivedCriteria { hash, set })
        .collect();
    Ok(Archive {
        format: ARCHIVE_FORMAT.into(),
        version: ARCHIVE_VERSION,
        schema: SCHEMA_VERSION,
        commune: reader.commune()?,
        next_ids,
        units,
        evaluations,
        history,
        criteria,
        targets: reader.targets()?,
        letterhead: reader.letterhead()?,
    })
}

/// The archive as pretty-printed JSON text (UTF-8, LF line ends, a final newline).
pub fn archive_to_json(archive: &Archive) -> Vec<u8> {
    let mut bytes = serde_json::to_vec_pretty(archive).unwrap_or_default();
    bytes.push(b'\n');
    bytes
}

/// Parses archive JSON; a syntax or shape error names its line and column.
pub fn archive_from_json(bytes: &[u8]) -> Result<Archive, Vec<String>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut archive: Archive = serde_json::from_slice(bytes).map_err(|e| {
        // serde's message carries its own "at line … column …": said once, in Vietnamese.
        let message = e.to_string();
        let body = message
            .rsplit_once(" at line ")
            .map_or(message.as_str(), |(body, _)| body);
        vec![format!(
            "dòng {}, cột {}: tệp lưu trữ JSON không hợp lệ ({})",
            e.line(),
            e.column(),
            crate::text::english::translate(body)
        )]
    })?;
    // Archives of older registers name their criteria sets by an older identity.
    super::archive_upgrade::upgrade_criteria_identities(&mut archive);
    let problems = validate(&archive);
    if problems.is_empty() {
        Ok(archive)
    } else {
        Err(problems)
    }
}

/// Checks that the archive is whole before anything is written: a known format, no
/// control character or overlong text anywhere, unique ids and codes, and every
/// reference pointing at something the archive holds.
pub fn validate(archive: &Archive) -> Vec<String> {
    let mut problems = Vec::new();
    if archive.format != ARCHIVE_FORMAT {
        problems.push(format!(
            "\"format\" là \"{}\", không phải \"{ARCHIVE_FORMAT}\"",
            archive.format
        ));
    }
    if archive.version != ARCHIVE_VERSION {
        problems.push(format!(
            "tệp lưu trữ phiên bản {}, chương trình này đọc phiên bản {ARCHIVE_VERSION}",
            archive.version
        ));
    }
    if archive.schema > SCHEMA_VERSION {
        problems.push(format!(
            "tệp lưu trữ từ sổ định dạng {}, mới hơn chương trình này ({SCHEMA_VERSION})",
            archive.schema
        ));
    }
    match serde_json::to_value(archive) {
        Ok(value) => problems.extend(super::archive_text::string_problems(&value)),
        Err(e) => problems.push(format!(
            "không kiểm tra được nội dung chữ của tệp ({})",
            crate::text::english::translate(&e.to_string())
        )),
    }
    let mut ids = HashSet::new();
    let mut codes = HashSet::new();
    for (i, a) in archive.units.iter().enumerate() {
        let kind = a.unit.kind();
        if a.id == 0 || !ids.insert((kind, a.id)) {
            problems.push(format!("units[{i}]: mã nội bộ {} trùng hoặc bằng 0", a.id));
        }
        if a.unit.code().is_empty() || !codes.insert((kind, a.unit.code().to_string())) {
            problems.push(format!(
                "units[{i}]: mã \"{}\" trùng hoặc trống",
                a.unit.code()
            ));
        }
        let next = archive.next_ids.get(kind.code()).copied().unwrap_or(1);
        if a.id > crate::store::MAX_UNIT_ID || next > crate::store::MAX_UNIT_ID + 1 {
            problems.push(format!(
                "units[{i}]: mã nội bộ {} vượt giới hạn {} của sổ",
                a.id.max(next),
                crate::store::MAX_UNIT_ID
            ));
        }
        if a.id >= next {
            problems.push(format!(
                "units[{i}]: mã nội bộ {} không nhỏ hơn next_ids.{} ({next})",
                a.id,
                kind.code()
            ));
        }
    }
    let exists = |kind: UnitKind, id: UnitId| ids.contains(&(kind, id));
    for (i, a) in archive.units.iter().enumerate() {
        let dangling = match &a.unit {
            Unit::Household(h) => {
                !exists(UnitKind::Community, h.community)
                    || h.clan.is_some_and(|c| !exists(UnitKind::Clan, c))
            }
            Unit::Citizen(c) => match c.affiliation {
                Affiliation::Household(id) => !exists(UnitKind::Household, id),
                Affiliation::Organisation(id) => !exists(UnitKind::Organisation, id),
                Affiliation::None => false,
            },
            _ => false,
        };
        if dangling {
            problems.push(format!(
                "units[{i}] ({}): trỏ tới đơn vị không có trong tệp",
                a.unit.code()
            ));
        }
    }
    let hashes: HashSet<&str> = archive.criteria.iter().map(|c| c.hash.as_str()).collect();
    let mut keys = HashSet::new();
    for (i, e) in archive.evaluations.iter().enumerate() {
        if !keys.insert(e.key) {
            problems.push(format!("evaluations[{i}]: trùng đánh giá"));
        }
        if !exists(e.key.title.unit_kind(), e.key.unit) {
            problems.push(format!("evaluations[{i}]: đơn vị {} không có", e.key.unit));
        }
        if !hashes.contains(e.evaluation.criteria_hash.as_str()) {
            problems.push(format!(
                "evaluations[{i}]: thiếu bộ tiêu chí {}",
                e.evaluation.criteria_hash
            ));
        }
    }
    let mut seqs = HashSet::new();
    for (i, h) in archive.history.iter().enumerate() {
        if !seqs.insert(h.seq) {
            problems.push(format!("history[{i}]: trùng số thứ tự {}", h.seq));
        }
    }
    problems.extend(rule_problems(archive, &exists));
    let mut milestones = HashSet::new();
    for (i, t) in archive.targets.iter().enumerate() {
        if !milestones.insert((t.measure, t.basis, t.milestone)) {
            problems.push(format!(
                "targets[{i}]: trùng chỉ tiêu {} ({}) năm {}",
                t.measure.code(),
                t.basis.label(),
                t.milestone
            ));
        }
    }
    problems
}

/// The rules of [`crate::store::validate`] — the ones `sohoctap check` applies to a
/// register — on every record of the archive, each problem named by its place
/// (`units[3].adults: …`), so an archive is refused for anything `check` would report.
fn rule_problems(archive: &Archive, exists: &dyn Fn(UnitKind, UnitId) -> bool) -> Vec<String> {
    use crate::store::validate;
    let mut problems: Vec<String> = validate::commune_findings(&archive.commune)
        .into_iter()
        .chain(
            validate::letterhead_findings(&archive.letterhead)
                .into_iter()
                .map(|f| validate::Finding {
                    field: format!("letterhead.{}", f.field),
                    message: f.message,
                }),
        )
        .map(|f| format!("{}: {}", f.field, f.message))
        .collect();
    let mut place = |at: String, f: validate::Finding| {
        problems.push(format!("{at}.{}: {}", f.field, f.message));
    };
    for (i, a) in archive.units.iter().enumerate() {
        for f in validate::unit_findings(&a.unit) {
            place(format!("units[{i}].unit"), f);
        }
    }
    let mut sets = BTreeMap::new();
    for (i, c) in archive.criteria.iter().enumerate() {
        let identity = c.set.content_hash();
        if c.hash != identity {
            place(
                format!("criteria[{i}]"),
                validate::Finding {
                    field: "hash".into(),
                    message: format!(
                        "mã \"{}\" không khớp nội dung bộ tiêu chí {} (đúng là \"{identity}\")",
                        c.hash, c.set.id
                    ),
                },
            );
        }
        if sets.insert(c.hash.as_str(), &c.set).is_some() {
            place(
                format!("criteria[{i}]"),
                validate::Finding {
                    field: "hash".into(),
                    message: format!("bộ tiêu chí {} có hai lần", c.hash),
                },
            );
        }
        for f in validate::criteria_findings(&c.set) {
            place(format!("criteria[{i}].set"), f);
        }
    }
    for (i, e) in archive.evaluations.iter().enumerate() {
        // A missing set is reported above ("thiếu bộ tiêu chí").
        if let Some(set) = sets.get(e.evaluation.criteria_hash.as_str()) {
            for f in validate::evaluation_findings(&e.key, &e.evaluation, Some(set)) {
                place(format!("evaluations[{i}]"), f);
            }
        }
    }
    for (i, h) in archive.history.iter().enumerate() {
        let key = &h.entry.key;
        if !exists(key.title.unit_kind(), key.unit) {
            place(
                format!("history[{i}].entry"),
                validate::Finding {
                    field: "key.unit".into(),
                    message: format!(
                        "lịch sử của đơn vị {} ({}) không có trong tệp",
                        key.unit,
                        key.title.short()
                    ),
                },
            );
        }
        if !validate::YEARS.contains(&key.year) {
            place(
                format!("history[{i}].entry"),
                validate::Finding {
                    field: "key.year".into(),
                    message: format!("năm {} nằm ngoài phạm vi", key.year),
                },
            );
        }
    }
    for (i, t) in archive.targets.iter().enumerate() {
        for f in validate::target_findings(t) {
            place(format!("targets[{i}]"), f);
        }
    }
    problems
}

/// Loads an archive into an empty register in one write transaction: the commune,
/// every record under its archived id, and the next free ids.
pub fn import_archive(register: &Register, archive: &Archive) -> Result<(), StoreError> {
    let problems = validate(archive);
    if !problems.is_empty() {
        return Err(StoreError::Invalid(problems.join("; ")));
    }
    register.write(|w| {
        if !w.is_empty()? {
            return Err(StoreError::Invalid(
                "Sổ đã có dữ liệu; tệp lưu trữ JSON chỉ nạp vào sổ trống (dùng --db với một tệp mới)"
                    .into(),
            ));
        }
        w.set_commune(&archive.commune)?;
        if archive.letterhead != crate::model::Letterhead::default() {
            w.set_letterhead(&archive.letterhead)?;
        }
        for kind in UnitKind::ALL {
            let next = archive.next_ids.get(kind.code()).copied().unwrap_or(1);
            w.set_next_unit_id(kind, next)?;
        }
        for a in &archive.units {
            w.restore_unit(a.id, &a.unit)?;
        }
        for c in &archive.criteria {
            w.remember_criteria(&c.hash, &c.set)?;
        }
        for e in &archive.evaluations {
            w.restore_evaluation(e.key, &e.evaluation)?;
        }
        for h in &archive.history {
            w.restore_history(h.seq, &h.entry)?;
        }
        for t in &archive.targets {
            w.put_target(t)?;
        }
        Ok(())
    })
}
