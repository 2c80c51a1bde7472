//! Changing the register inside one write transaction. A `Writer` only exists inside
//! `Register::write`, which commits everything it did at once or nothing.

use super::codec;
use super::error::from_redb;
use super::tables::{
    CRITERIA, EVALUATIONS, HISTORY, HISTORY_BY_UNIT, META, STATUSES, TARGETS, UNIT_CODES,
    UNIT_LINKS, UNITS,
};
use super::{Result, SCHEMA_VERSION, StoreError};
use crate::criteria::CriteriaSet;
use crate::model::{
    Basis, Commune, Evaluation, EvaluationKey, Measure, Stamp, Target, Unit, UnitId, UnitKind, Year,
};
use crate::model::{HistoryEntry, UnitLink};
use redb::{ReadableTable, WriteTransaction};
use std::path::PathBuf;

mod batch;
mod index;
mod names;
pub use batch::UnitBatch;

pub struct Writer {
    txn: WriteTransaction,
    path: PathBuf,
    /// Criteria versions decoded during this transaction, for evaluation statuses.
    sets: std::collections::HashMap<String, CriteriaSet>,
    /// The register's shared dictionary cache (committed rows only).
    names: super::dictionary::SharedDictionary,
    /// Dictionary rows this transaction read or added (see `names`).
    local: std::cell::RefCell<names::Local>,
}

impl Writer {
    pub(super) fn new(
        txn: WriteTransaction,
        path: PathBuf,
        names: super::dictionary::SharedDictionary,
    ) -> Writer {
        Writer {
            txn,
            path,
            sets: std::collections::HashMap::new(),
            names,
            local: Default::default(),
        }
    }

    pub(super) fn commit(self) -> std::result::Result<(), redb::CommitError> {
        self.txn.commit()
    }

    fn err(&self, e: impl Into<redb::Error>) -> StoreError {
        from_redb(&self.path, e)
    }

    fn put_meta(&mut self, key: &str, value: &[u8]) -> Result<()> {
        let mut t = self
            .txn
            .open_table(META)
            .map_err(|e| from_redb(&self.path, e))?;
        t.insert(key, value).map_err(|e| from_redb(&self.path, e))?;
        Ok(())
    }

    fn get_meta(&self, key: &str) -> Result<Option<Vec<u8>>> {
        let t = self.txn.open_table(META).map_err(|e| self.err(e))?;
        let got = t.get(key).map_err(|e| self.err(e))?;
        Ok(got.map(|g| g.value().to_vec()))
    }

    /// Creates every table and stamps the schema version (a new register).
    pub(super) fn init_schema(&mut self) -> Result<()> {
        self.put_meta("schema", &SCHEMA_VERSION.to_le_bytes())?;
        // Opening a table in a write transaction creates it, so readers of a fresh
        // register find every table present.
        let txn = &self.txn;
        let p = &self.path;
        txn.open_table(UNITS).map_err(|e| from_redb(p, e))?;
        txn.open_table(UNIT_CODES).map_err(|e| from_redb(p, e))?;
        txn.open_table(EVALUATIONS).map_err(|e| from_redb(p, e))?;
        txn.open_table(HISTORY).map_err(|e| from_redb(p, e))?;
        txn.open_table(HISTORY_BY_UNIT)
            .map_err(|e| from_redb(p, e))?;
        txn.open_table(CRITERIA).map_err(|e| from_redb(p, e))?;
        txn.open_table(TARGETS).map_err(|e| from_redb(p, e))?;
        txn.open_table(UNIT_LINKS).map_err(|e| from_redb(p, e))?;
        txn.open_table(STATUSES).map_err(|e| from_redb(p, e))?;
        txn.open_table(super::tables::STRINGS)
            .map_err(|e| from_redb(p, e))?;
        txn.open_table(super::tables::STRING_IDS)
            .map_err(|e| from_redb(p, e))?;
        txn.open_table(super::tables::CRITERIA_REFS)
            .map_err(|e| from_redb(p, e))?;
        Ok(())
    }

    pub(super) fn bump_generation(&mut self, before: u64) -> Result<()> {
        self.put_meta("generation", &(before + 1).to_le_bytes())
    }

    /// Marks the register as made-up demo data, so `sohoctap demo` may rebuild it and
    /// never mistakes an office's real register for one.
    pub fn mark_demo(&mut self) -> Result<()> {
        self.put_meta("demo", &[1])
    }

    /// Remembers the officer's name, offered as the default at the next session: a
    /// meta key, not a record, so registers without it read as before.
    pub fn set_officer(&mut self, name: &str) -> Result<()> {
        self.put_meta("officer", name.as_bytes())
    }

    pub fn set_commune(&mut self, commune: &Commune) -> Result<()> {
        self.put_meta("commune", &codec::encode_commune(commune))
    }

    pub fn set_letterhead(&mut self, letterhead: &crate::model::Letterhead) -> Result<()> {
        self.put_meta("letterhead", &codec::encode_letterhead(letterhead))
    }

    fn next_id(&mut self, kind: UnitKind) -> Result<UnitId> {
        let key = format!("next_id/{}", kind.code());
        let next = self
            .get_meta(&key)?
            .and_then(|b| b.as_slice().try_into().ok().map(u32::from_le_bytes))
            .unwrap_or(1);
        if next > super::MAX_UNIT_ID {
            return Err(StoreError::Invalid(
                "Sổ đã hết mã nội bộ cho loại đơn vị này".into(),
            ));
        }
        let after = next + 1;
        self.put_meta(&key, &after.to_le_bytes())?;
        Ok(next)
    }

    pub fn unit_id(&self, kind: UnitKind, code: &str) -> Result<Option<UnitId>> {
        let t = self.txn.open_table(UNIT_CODES).map_err(|e| self.err(e))?;
        let got = t.get((kind as u8, code)).map_err(|e| self.err(e))?;
        Ok(got.map(|g| g.value()))
    }

    pub fn unit(&self, kind: UnitKind, id: UnitId) -> Result<Option<Unit>> {
        let t = self.txn.open_table(UNITS).map_err(|e| self.err(e))?;
        let got = t.get((kind as u8, id)).map_err(|e| self.err(e))?;
        got.map(|g| codec::decode_unit(g.value()).map_err(StoreError::from))
            .transpose()
    }

    /// Adds a unit with a new code; refuses a code already used by a unit of its kind.
    pub fn insert_unit(&mut self, unit: &Unit) -> Result<UnitId> {
        let kind = unit.kind();
        if self.unit_id(kind, unit.code())?.is_some() {
            return Err(StoreError::Invalid(format!(
                "Mã {} đã có trong danh sách {}",
                unit.code(),
                kind.label().to_lowercase()
            )));
        }
        let id = self.next_id(kind)?;
        self.write_unit(id, unit, None)?;
        Ok(id)
    }

    /// Replaces a unit's record (an edit, or archiving). A changed code must be free.
    pub fn update_unit(&mut self, id: UnitId, unit: &Unit) -> Result<()> {
        let kind = unit.kind();
        let old = self
            .unit(kind, id)?
            .ok_or_else(|| StoreError::Invalid(format!("Không có đơn vị mã nội bộ {id} để sửa")))?;
        if old.code() != unit.code()
            && let Some(other) = self.unit_id(kind, unit.code())?
            && other != id
        {
            return Err(StoreError::Invalid(format!(
                "Mã {} đã được dùng cho đơn vị khác",
                unit.code()
            )));
        }
        self.write_unit(id, unit, Some(old.code()))
    }

    fn write_unit(&mut self, id: UnitId, unit: &Unit, old_code: Option<&str>) -> Result<()> {
        let kind = unit.kind() as u8;
        let p = &self.path;
        {
            let mut codes = self
                .txn
                .open_table(UNIT_CODES)
                .map_err(|e| from_redb(p, e))?;
            if let Some(old) = old_code.filter(|c| *c != unit.code()) {
                codes.remove((kind, old)).map_err(|e| from_redb(p, e))?;
            }
            codes
                .insert((kind, unit.code()), id)
                .map_err(|e| from_redb(p, e))?;
        }
        {
            let mut units = self.txn.open_table(UNITS).map_err(|e| from_redb(p, e))?;
            units
                .insert((kind, id), codec::encode_unit(unit).as_slice())
                .map_err(|e| from_redb(p, e))?;
        }
        let mut links = self
            .txn
            .open_table(UNIT_LINKS)
            .map_err(|e| from_redb(p, e))?;
        index::put_link(&mut links, kind, id, &UnitLink::of(unit), p)
    }

    pub fn evaluation(&self, key: EvaluationKey) -> Result<Option<Evaluation>> {
        let t = self.txn.open_table(EVALUATIONS).map_err(|e| self.err(e))?;
        let got = t
            .get((key.year, key.title as u8, key.unit))
            .map_err(|e| self.err(e))?;
        got.map(|g| codec::decode_evaluation(g.value(), self).map_err(StoreError::from))
            .transpose()
    }

    /// Sets (or, with `None`, removes) an evaluation and records the change in the
    /// history with its old and new value. Returns the old value.
    pub fn set_evaluation(
        &mut self,
        key: EvaluationKey,
        new: Option<&Evaluation>,
        stamp: &Stamp,
    ) -> Result<Option<Evaluation>> {
        let old = self.evaluation(key)?;
        if old.as_ref() == new {
            return Ok(old);
        }
        let status = match new {
            Some(e) => Some(self.status_of(e)?),
            None => None,
        };
        let bytes = new.map(|e| codec::encode_evaluation(e, self)).transpose()?;
        let entry = HistoryEntry::between(key, old.as_ref(), new, stamp);
        let entry_bytes = entry
            .as_ref()
            .map(|entry| codec::encode_history(entry, self))
            .transpose()?;
        let p = &self.path;
        {
            let mut statuses = self.txn.open_table(STATUSES).map_err(|e| from_redb(p, e))?;
            index::put_status(&mut statuses, key, status, p)?;
        }
        {
            let mut t = self
                .txn
                .open_table(EVALUATIONS)
                .map_err(|e| from_redb(p, e))?;
            let k = (key.year, key.title as u8, key.unit);
            match &bytes {
                Some(bytes) => {
                    t.insert(k, bytes.as_slice()).map_err(|e| from_redb(p, e))?;
                }
                None => {
                    t.remove(k).map_err(|e| from_redb(p, e))?;
                }
            }
        }
        let Some(entry_bytes) = entry_bytes else {
            return Ok(old);
        };
        let mut history = self.txn.open_table(HISTORY).map_err(|e| from_redb(p, e))?;
        let seq = history
            .last()
            .map_err(|e| from_redb(p, e))?
            .map_or(0, |(k, _)| k.value() + 1);
        history
            .insert(seq, entry_bytes.as_slice())
            .map_err(|e| from_redb(p, e))?;
        drop(history);
        let mut index = self
            .txn
            .open_table(HISTORY_BY_UNIT)
            .map_err(|e| from_redb(p, e))?;
        index
            .insert((key.title as u8, key.unit, seq), ())
            .map_err(|e| from_redb(p, e))?;
        Ok(old)
    }

    /// Keeps a copy of a criteria set version, once, so evaluations made under it keep
    /// scoring the same way whatever happens to the files later.
    pub fn remember_criteria(&mut self, hash: &str, set: &CriteriaSet) -> Result<()> {
        let p = &self.path;
        let mut t = self.txn.open_table(CRITERIA).map_err(|e| from_redb(p, e))?;
        if t.get(hash).map_err(|e| from_redb(p, e))?.is_none() {
            t.insert(hash, codec::encode_criteria(set).as_slice())
                .map_err(|e| from_redb(p, e))?;
        }
        Ok(())
    }

    pub fn put_target(&mut self, target: &Target) -> Result<()> {
        let p = &self.path;
        let mut t = self.txn.open_table(TARGETS).map_err(|e| from_redb(p, e))?;
        t.insert(
            (target.measure as u8, target.basis as u8, target.milestone),
            codec::encode_target(target).as_slice(),
        )
        .map_err(|e| from_redb(p, e))?;
        Ok(())
    }

    pub fn remove_target(&mut self, measure: Measure, basis: Basis, milestone: Year) -> Result<()> {
        let p = &self.path;
        let mut t = self.txn.open_table(TARGETS).map_err(|e| from_redb(p, e))?;
        t.remove((measure as u8, basis as u8, milestone))
            .map_err(|e| from_redb(p, e))?;
        Ok(())
    }
}

impl Writer {
    /// Records that the register of `origin` was merged into this one (see
    /// [`super::merge`]): a `merged/…` key of the meta table holding the origin's commune
    /// record, so a second merge of the same register is refused.
    pub fn record_merge(&mut self, origin: &Commune) -> Result<()> {
        self.put_meta(
            &super::merge::marker_key(origin),
            &codec::encode_commune(origin),
        )
    }

    /// The communes whose registers were merged into this one.
    pub fn merged_from(&self) -> Result<Vec<Commune>> {
        let t = self.txn.open_table(META).map_err(|e| self.err(e))?;
        super::merge::read_markers(&t, &self.path)
    }
}

impl Writer {
    /// The targets of the schema-1–3 table, decoded, and the table deleted (migration
    /// 003 writes them again into the table of schema 4). Empty when there is none.
    pub(super) fn take_targets_v1(&mut self) -> Result<Vec<Target>> {
        let p = &self.path;
        let mut out = Vec::new();
        {
            let t = self
                .txn
                .open_table(super::tables::TARGETS_V1)
                .map_err(|e| from_redb(p, e))?;
            for item in t.iter().map_err(|e| from_redb(p, e))? {
                let (_, v) = item.map_err(|e| from_redb(p, e))?;
                out.push(codec::decode_target(v.value())?);
            }
        }
        self.txn
            .delete_table(super::tables::TARGETS_V1)
            .map_err(|e| from_redb(p, e))?;
        Ok(out)
    }

    /// The stored copy of a criteria set version.
    pub fn criteria(&self, hash: &str) -> Result<Option<CriteriaSet>> {
        let t = self.txn.open_table(CRITERIA).map_err(|e| self.err(e))?;
        let got = t.get(hash).map_err(|e| self.err(e))?;
        got.map(|g| codec::decode_criteria(g.value()).map_err(StoreError::from))
            .transpose()
    }
}

impl Writer {
    /// Stamps the schema version (the last step of each migration's transaction).
    pub(super) fn set_schema(&mut self, version: u32) -> Result<()> {
        self.put_meta("schema", &version.to_le_bytes())
    }

    /// Every unit of a kind, archived ones included, in id order.
    pub(super) fn units_of_kind(&self, kind: UnitKind) -> Result<Vec<(UnitId, Unit)>> {
        let t = self.txn.open_table(UNITS).map_err(|e| self.err(e))?;
        let k = kind as u8;
        let range = t
            .range((k, 0u32)..=(k, u32::MAX))
            .map_err(|e| self.err(e))?;
        let mut out = Vec::new();
        for item in range {
            let (key, value) = item.map_err(|e| self.err(e))?;
            out.push((key.value().1, codec::decode_unit(value.value())?));
        }
        Ok(out)
    }

    /// The transaction itself, for migrations, which rewrite tables wholesale.
    pub(super) fn txn(&self) -> &WriteTransaction {
        &self.txn
    }

    /// The register's path, for error messages.
    pub(super) fn path(&self) -> &std::path::Path {
        &self.path
    }
}

#[cfg(test)]
impl Writer {
    pub(super) fn put_schema_for_test(&mut self, version: u32) -> Result<()> {
        self.set_schema(version)
    }
}

impl Writer {
    /// The status of an evaluation under its stored criteria version, which must have
    /// been remembered (in this transaction or before).
    pub(super) fn status_of(&mut self, evaluation: &Evaluation) -> Result<crate::model::Status> {
        if !self.sets.contains_key(&evaluation.criteria_hash) {
            let set = self.stored_set(evaluation)?;
            self.sets.insert(evaluation.criteria_hash.clone(), set);
        }
        Ok(self
            .sets
            .get(&evaluation.criteria_hash)
            .map(|set| crate::criteria::status_of(evaluation, set))
            .unwrap_or_default())
    }

    /// The stored copy of the criteria version `evaluation` is scored under.
    pub fn stored_set(&self, evaluation: &Evaluation) -> Result<CriteriaSet> {
        self.criteria(&evaluation.criteria_hash)?
            .ok_or_else(|| missing_set(evaluation))
    }
}
mod restore;

#[cfg(test)]
impl Writer {
    pub(super) fn put_history_index_for_test(
        &mut self,
        title: u8,
        unit: UnitId,
        seq: u64,
    ) -> Result<()> {
        let p = &self.path;
        let mut t = self
            .txn
            .open_table(HISTORY_BY_UNIT)
            .map_err(|e| from_redb(p, e))?;
        t.insert((title, unit, seq), ())
            .map_err(|e| from_redb(p, e))?;
        Ok(())
    }

    pub(super) fn put_status_for_test(&mut self, key: EvaluationKey, bits: u8) -> Result<()> {
        let p = &self.path;
        let mut t = self.txn.open_table(STATUSES).map_err(|e| from_redb(p, e))?;
        index::put_status(&mut t, key, crate::model::Status::from_bits(bits), p)
    }

    /// Writes raw bytes as a packed index chunk, for tests of damaged indexes.
    pub(super) fn put_link_chunk_for_test(&mut self, key: (u8, u32), bytes: &[u8]) -> Result<()> {
        let p = &self.path;
        let mut t = self
            .txn
            .open_table(UNIT_LINKS)
            .map_err(|e| from_redb(p, e))?;
        index::store_link_chunk(&mut t, key, bytes, p)
    }
}

/// The error for an evaluation whose criteria version the register does not hold.
pub(super) fn missing_set(evaluation: &Evaluation) -> StoreError {
    StoreError::MissingCriteria {
        id: evaluation.criteria_id.clone(),
        hash: evaluation.criteria_hash.clone(),
    }
}
