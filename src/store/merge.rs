//! Merging a former commune's register into this one (`sohoctap merge`), since the 2025
//! mergers made one commune of several: its units, evaluations (with their decisions),
//! history and the criteria versions they were scored under come over in **one** write
//! transaction, so a failure half-way leaves this register as it was.
//!
//! - Codes are kept where they do not collide and prefixed where they do (see
//!   [`codes`]); every unit gets a new internal id, and every link (household → thôn and
//!   clan, citizen → household or unit, evaluation and history → unit) follows it.
//! - Thôn keep their names: a thôn named like one here stays a second thôn until the
//!   officer archives one and moves its households to the other (`archive_group`).
//! - Criteria versions are added by their identity (canonical hash): one already here is
//!   the same set and is not added twice. A set the former office entered itself comes
//!   over as a stored copy only (its entry dropped), so the sets in force here stay this
//!   commune's; the former register still has it to export.
//! - The resolution's targets stay this commune's; the former commune's are not copied.
//! - The register remembers the merge in the meta table (`merged/<name>|<province>` →
//!   the former commune's record, an existing record type), and the merges the former
//!   register remembered, so merging any of those registers again is refused.
//!
//! Planning ([`plan_merge`]) only reads both registers; it is what the preview and
//! `--dry-run` show. [`Register::merge_from`] then writes.

mod codes;

pub use codes::{MAX_PREFIX_CHARS, clean_prefix, default_prefix};

use super::codec;
use super::reader::{Reader, Walk};
use super::{ReadOnlyRegister, Register, Result, StoreError, Writer};
use crate::model::{Affiliation, Commune, Unit, UnitId, UnitKind, Year};
use crate::text::fold;
use std::collections::{HashMap, HashSet};
use std::path::Path;

/// One unit of the former commune: its code there and here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergedUnit {
    pub kind: UnitKind,
    pub old_code: String,
    pub new_code: String,
    pub name: String,
}

impl MergedUnit {
    pub fn renamed(&self) -> bool {
        self.old_code != self.new_code
    }
}

/// A thôn of the former commune named like one here: they stay two thôn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SameName {
    pub name: String,
    /// The incoming thôn's code here, and the code of the one already here.
    pub theirs: String,
    pub ours: String,
}

/// What a merge will do, worked out from both registers without writing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MergePlan {
    /// The former commune.
    pub origin: Commune,
    pub prefix: String,
    /// Every unit of the former register, in the order they will be written.
    pub units: Vec<MergedUnit>,
    pub evaluations: usize,
    /// Evaluations carrying a recognition decision.
    pub decisions: usize,
    pub history: usize,
    /// Criteria versions not here yet: (hash, set id).
    pub criteria_added: Vec<(String, String)>,
    /// Criteria versions both registers hold (same identity): not added again.
    pub criteria_shared: usize,
    /// Ids of sets the former office entered, coming over as stored copies only.
    pub office_sets: Vec<String>,
    pub same_name: Vec<SameName>,
    /// The former commune's targets, not copied.
    pub targets_ignored: usize,
    /// Both registers carry the same commune name (a copy of this register, or a new
    /// commune named after a former one): said in the preview.
    pub same_commune_name: bool,
}

impl MergePlan {
    /// How many units of `kind` come over, and how many of them change code.
    pub fn count(&self, kind: UnitKind) -> (usize, usize) {
        let of_kind = self.units.iter().filter(|u| u.kind == kind);
        let renamed = of_kind.clone().filter(|u| u.renamed()).count();
        (of_kind.count(), renamed)
    }

    pub fn renamed(&self) -> impl Iterator<Item = &MergedUnit> {
        self.units.iter().filter(|u| u.renamed())
    }
}

/// What a merge wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct MergeDone {
    pub units: usize,
    pub evaluations: usize,
    pub history: usize,
    pub criteria: usize,
}

/// Units are written parents first, so every link points at a unit already written.
const WRITE_ORDER: [UnitKind; 5] = [
    UnitKind::Community,
    UnitKind::Clan,
    UnitKind::Organisation,
    UnitKind::Household,
    UnitKind::Citizen,
];

/// The meta key recording a merge of `origin`'s register.
pub(super) fn marker_key(origin: &Commune) -> String {
    format!("merged/{}|{}", fold(&origin.name), fold(&origin.province))
}

/// The communes recorded by [`marker_key`] entries of a meta table.
pub(super) fn read_markers(
    meta: &impl redb::ReadableTable<&'static str, &'static [u8]>,
    path: &Path,
) -> Result<Vec<Commune>> {
    let range = meta
        .range("merged/".."merged0")
        .map_err(|e| super::error::from_redb(path, e))?;
    let mut out = Vec::new();
    for item in range {
        let (_, value) = item.map_err(|e| super::error::from_redb(path, e))?;
        out.push(codec::decode_commune(value.value())?);
    }
    Ok(out)
}

fn same_commune(a: &Commune, b: &Commune) -> bool {
    marker_key(a) == marker_key(b)
}

fn refuse(line: String) -> StoreError {
    StoreError::Invalid(line)
}

/// The first problems, then how many more: one line for the officer.
fn join_problems(problems: &[String]) -> String {
    const SHOWN: usize = 5;
    let mut line = problems
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > SHOWN {
        line.push_str(&format!(" (và {} lỗi khác)", problems.len() - SHOWN));
    }
    line
}

/// Refusals that depend only on the two registers as a whole.
fn refuse_whole(this: &Reader, other: &Reader, origin: &Commune) -> Result<()> {
    let here = this.commune()?;
    if let Some(done) = this
        .merged_from()?
        .into_iter()
        .find(|c| same_commune(c, origin))
    {
        return Err(refuse(format!(
            "Sổ này đã gộp sổ của {} ({}) rồi; gộp lần nữa sẽ nhân đôi mọi đơn vị. Muốn gộp lại từ đầu, khôi phục bản sao lưu «trước khi gộp» trong thư mục sao lưu rồi gộp lại.",
            done.name,
            if done.province.is_empty() {
                "không ghi tỉnh"
            } else {
                &done.province
            }
        )));
    }
    if other.merged_from()?.iter().any(|c| same_commune(c, &here)) {
        return Err(refuse(format!(
            "Sổ của {} đã gộp sổ của {} (chính sổ này); gộp ngược lại sẽ nhân đôi các đơn vị.",
            origin.name, here.name
        )));
    }
    let ours = this.merged_from()?;
    if let Some(both) = other
        .merged_from()?
        .into_iter()
        .find(|c| ours.iter().any(|o| same_commune(o, c)))
    {
        return Err(refuse(format!(
            "Sổ của {} đã gộp sổ của {}, mà sổ này cũng đã gộp sổ đó; gộp nữa sẽ nhân đôi các đơn vị của {}.",
            origin.name, both.name, both.name
        )));
    }
    if other.is_demo()? && !this.is_demo()? {
        return Err(refuse(format!(
            "Sổ của {} là sổ mẫu (dữ liệu giả, để xem thử); không gộp vào sổ thật.",
            origin.name
        )));
    }
    Ok(())
}

/// Opens the former commune's register at `path` to merge it into the register at
/// `this`: only read, never upgraded or repaired (see
/// [`ReadOnlyRegister::open_untouched`]), and refused when it is `this` itself (any
/// spelling or link) or damaged. Returns it with the number of records that only break a
/// rule (merged as they are; the officer is told).
pub fn open_former(path: &Path, this: &Path, year: Year) -> Result<(ReadOnlyRegister, usize)> {
    if super::files::same_file(path, this) {
        return Err(refuse(format!(
            "Không gộp sổ vào chính nó: {} là sổ đang dùng ({}). Hãy chỉ tệp sổ của xã cũ.",
            path.display(),
            this.display()
        )));
    }
    let former = match ReadOnlyRegister::open_untouched(path) {
        Err(StoreError::NotFound(path)) => {
            return Err(refuse(format!(
                "Không tìm thấy sổ của xã cũ {}",
                path.display()
            )));
        }
        opened => opened?,
    };
    let report = former.check(year)?;
    if report.damaged {
        let detail = report
            .problems
            .iter()
            .take(3)
            .cloned()
            .collect::<Vec<_>>()
            .join("; ");
        former.close()?;
        return Err(StoreError::Corrupted {
            path: path.to_path_buf(),
            detail: format!("{detail}; không gộp sổ hỏng"),
        });
    }
    Ok((former, report.problems.len()))
}

/// Works out the merge of `other` (the former commune's register) into `this`; refuses
/// what must not be merged. Writes nothing.
pub fn plan_merge(this: &Reader, other: &Reader, prefix: Option<&str>) -> Result<MergePlan> {
    let origin = other.commune()?;
    refuse_whole(this, other, &origin)?;
    let prefix = match prefix {
        Some(given) => clean_prefix(given).map_err(refuse)?,
        None => default_prefix(&origin.name),
    };
    let mut ours: HashMap<UnitKind, HashSet<String>> = HashMap::new();
    let mut our_thon: HashMap<String, String> = HashMap::new();
    for kind in UnitKind::ALL {
        let codes = ours.entry(kind).or_default();
        this.each_unit(kind, &mut |_, unit| {
            codes.insert(unit.code().to_uppercase());
            if kind == UnitKind::Community && unit.meta().left.is_none() {
                our_thon.insert(fold(&unit.display_name()), unit.code().to_string());
            }
            Walk::Continue(())
        })?;
    }
    let mut theirs: Vec<(UnitKind, String)> = Vec::new();
    let mut names: Vec<String> = Vec::new();
    let mut open_thon: Vec<bool> = Vec::new();
    let mut ids: HashMap<UnitKind, HashSet<UnitId>> = HashMap::new();
    let mut dangling = Vec::new();
    for kind in WRITE_ORDER {
        other.each_unit(kind, &mut |id, unit| {
            if let Some(missing) = missing_link(&unit, &ids) {
                dangling.push(format!("{} {}: {missing}", kind.counter(), unit.code()));
            }
            ids.entry(kind).or_default().insert(id);
            theirs.push((kind, unit.code().to_string()));
            names.push(unit.display_name());
            open_thon.push(kind == UnitKind::Community && unit.meta().left.is_none());
            Walk::Continue(())
        })?;
    }
    if !dangling.is_empty() {
        return Err(refuse(format!(
            "Sổ của {} có liên kết tới đơn vị không có trong sổ đó ({}); cần kiểm tra và sửa sổ đó trước khi gộp.",
            origin.name,
            join_problems(&dangling)
        )));
    }
    let new_codes = codes::assign_codes(&ours, &theirs, &prefix)
        .map_err(|problems| refuse(join_problems(&problems)))?;
    let mut units = Vec::with_capacity(theirs.len());
    let mut same_name = Vec::new();
    for (((kind, old_code), new_code), (name, open)) in theirs
        .into_iter()
        .zip(new_codes)
        .zip(names.into_iter().zip(open_thon))
    {
        if open && let Some(ours) = our_thon.get(&fold(&name)) {
            same_name.push(SameName {
                name: name.clone(),
                theirs: new_code.clone(),
                ours: ours.clone(),
            });
        }
        units.push(MergedUnit {
            kind,
            old_code,
            new_code,
            name,
        });
    }
    let (mut evaluations, mut decisions) = (0, 0);
    other.each_evaluation(0, Year::MAX, &mut |_, e| {
        evaluations += 1;
        decisions += usize::from(e.decision.is_some());
        Walk::Continue(())
    })?;
    let mut history = 0;
    other.each_history(&mut |_, _| {
        history += 1;
        Walk::Continue(())
    })?;
    let mut criteria_added = Vec::new();
    let mut criteria_shared = 0;
    let mut office_sets = Vec::new();
    for (hash, set) in other.all_criteria()? {
        if this.criteria(&hash)?.is_some() {
            criteria_shared += 1;
            continue;
        }
        if set.entry.is_some() {
            office_sets.push(set.id.clone());
        }
        criteria_added.push((hash, set.id));
    }
    let same_commune_name = fold(&this.commune()?.name) == fold(&origin.name);
    Ok(MergePlan {
        targets_ignored: other.targets()?.len(),
        origin,
        prefix,
        units,
        evaluations,
        decisions,
        history,
        criteria_added,
        criteria_shared,
        office_sets,
        same_name,
        same_commune_name,
    })
}

/// What a unit points at that is not among the units already seen (`ids`), if anything.
fn missing_link(unit: &Unit, ids: &HashMap<UnitKind, HashSet<UnitId>>) -> Option<&'static str> {
    let has = |kind: UnitKind, id: UnitId| ids.get(&kind).is_some_and(|s| s.contains(&id));
    match unit {
        Unit::Household(h) if !has(UnitKind::Community, h.community) => {
            Some("thôn không có trong sổ")
        }
        Unit::Household(h) if h.clan.is_some_and(|c| !has(UnitKind::Clan, c)) => {
            Some("dòng họ không có trong sổ")
        }
        Unit::Citizen(c) => match c.affiliation {
            Affiliation::Household(h) if !has(UnitKind::Household, h) => {
                Some("hộ không có trong sổ")
            }
            Affiliation::Organisation(o) if !has(UnitKind::Organisation, o) => {
                Some("đơn vị không có trong sổ")
            }
            _ => None,
        },
        _ => None,
    }
}

/// The new internal id of each incoming unit, by kind and old id.
type IdMap = HashMap<UnitKind, HashMap<UnitId, UnitId>>;

fn changed_since_plan() -> StoreError {
    StoreError::Other("Sổ của xã cũ khác với lúc xem trước; chưa ghi gì. Chạy lại lệnh gộp.".into())
}

/// The unit with its code and links as they are here.
fn relinked(mut unit: Unit, new_code: &str, ids: &IdMap) -> Result<Unit> {
    let map = |kind: UnitKind, id: UnitId| {
        ids.get(&kind)
            .and_then(|m| m.get(&id))
            .copied()
            .ok_or_else(changed_since_plan)
    };
    unit.meta_mut().code = new_code.to_string();
    match &mut unit {
        Unit::Household(h) => {
            h.community = map(UnitKind::Community, h.community)?;
            h.clan = h.clan.map(|c| map(UnitKind::Clan, c)).transpose()?;
        }
        Unit::Citizen(c) => {
            c.affiliation = match c.affiliation {
                Affiliation::Household(h) => Affiliation::Household(map(UnitKind::Household, h)?),
                Affiliation::Organisation(o) => {
                    Affiliation::Organisation(map(UnitKind::Organisation, o)?)
                }
                Affiliation::None => Affiliation::None,
            };
        }
        _ => {}
    }
    Ok(unit)
}

/// Writes every incoming unit; returns the id map.
fn write_units(w: &mut Writer, other: &Reader, plan: &MergePlan) -> Result<IdMap> {
    let codes: HashMap<(UnitKind, &str), &str> = plan
        .units
        .iter()
        .map(|u| ((u.kind, u.old_code.as_str()), u.new_code.as_str()))
        .collect();
    let mut ids: IdMap = HashMap::new();
    w.unit_batch(|batch| {
        for kind in WRITE_ORDER {
            let mut failed = None;
            let mut mapped: HashMap<UnitId, UnitId> = HashMap::new();
            other.each_unit(kind, &mut |old_id, unit| {
                let new_code = codes.get(&(kind, unit.code())).copied();
                let written = new_code
                    .ok_or_else(changed_since_plan)
                    .and_then(|new_code| relinked(unit, new_code, &ids))
                    .and_then(|unit| batch.insert(&unit));
                match written {
                    Ok(new_id) => {
                        mapped.insert(old_id, new_id);
                        Walk::Continue(())
                    }
                    Err(e) => {
                        failed = Some(e);
                        Walk::Break(())
                    }
                }
            })?;
            if let Some(e) = failed {
                return Err(e);
            }
            ids.insert(kind, mapped);
        }
        Ok(())
    })?;
    if ids.values().map(HashMap::len).sum::<usize>() != plan.units.len() {
        return Err(changed_since_plan());
    }
    Ok(ids)
}

fn new_unit_id(ids: &IdMap, kind: UnitKind, id: UnitId) -> Result<UnitId> {
    ids.get(&kind)
        .and_then(|m| m.get(&id))
        .copied()
        .ok_or_else(|| {
            StoreError::Invalid(format!(
                "Sổ của xã cũ có đánh giá hoặc lịch sử của {} mã nội bộ {id} không có trong sổ đó; cần kiểm tra và sửa sổ đó trước khi gộp.",
                kind.counter()
            ))
        })
}

impl Register {
    /// Merges `other` (the former commune's register, read through a snapshot) into this
    /// one as `plan` says, in one write transaction: everything or nothing.
    pub fn merge_from(&self, other: &Reader, plan: &MergePlan) -> Result<MergeDone> {
        self.write(|w| {
            if w.merged_from()?
                .iter()
                .any(|c| same_commune(c, &plan.origin))
            {
                return Err(refuse(format!(
                    "Sổ này đã gộp sổ của {} rồi; không gộp lần nữa.",
                    plan.origin.name
                )));
            }
            let mut done = MergeDone::default();
            for (hash, mut set) in other.all_criteria()? {
                if w.criteria(&hash)?.is_none() {
                    // A stored copy only: the sets in force here stay this commune's.
                    set.entry = None;
                    w.remember_criteria(&hash, &set)?;
                    done.criteria += 1;
                }
            }
            let ids = write_units(w, other, plan)?;
            done.units = plan.units.len();
            let mut failed = None;
            other.each_evaluation(0, Year::MAX, &mut |mut key, evaluation| {
                let written = new_unit_id(&ids, key.title.unit_kind(), key.unit).and_then(|id| {
                    key.unit = id;
                    w.restore_evaluation(key, &evaluation)
                });
                match written {
                    Ok(()) => {
                        done.evaluations += 1;
                        Walk::Continue(())
                    }
                    Err(e) => {
                        failed = Some(e);
                        Walk::Break(())
                    }
                }
            })?;
            if let Some(e) = failed {
                return Err(e);
            }
            let first = w.next_history_seq()?;
            other.each_history(&mut |_, mut entry| {
                let kind = entry.key.title.unit_kind();
                let written = new_unit_id(&ids, kind, entry.key.unit).and_then(|id| {
                    entry.key.unit = id;
                    // Kept in the former register's order, after every entry here.
                    w.restore_history(first + done.history as u64, &entry)
                });
                match written {
                    Ok(()) => {
                        done.history += 1;
                        Walk::Continue(())
                    }
                    Err(e) => {
                        failed = Some(e);
                        Walk::Break(())
                    }
                }
            })?;
            if let Some(e) = failed {
                return Err(e);
            }
            w.record_merge(&plan.origin)?;
            // What the former register had itself taken in is now here too: a later
            // merge of one of those registers must be refused as well.
            for earlier in other.merged_from()? {
                w.record_merge(&earlier)?;
            }
            Ok(done)
        })
    }
}
