//! Reading a consistent snapshot of the register. Every value is decoded to a `Result`:
//! a damaged record is reported, never trusted.

use super::codec;
use super::dictionary::{Names, SetLayout, SharedDictionary};
use super::error::from_redb;
use super::records::v1::Invalid;
use super::records::v5::{SetIndex, TextId};
use super::tables::{
    CRITERIA, CRITERIA_REFS, EVALUATIONS, HISTORY, HISTORY_BY_UNIT, META, STATUSES, STRINGS,
    TARGETS, UNIT_CODES, UNIT_LINKS, UNITS,
};
use super::{Result, StoreError, packed};
use crate::criteria::CriteriaSet;
use crate::model::{
    Basis, Commune, Evaluation, EvaluationKey, Measure, Target, Title, Unit, UnitId, UnitKind, Year,
};
use crate::model::{HistoryEntry, UnitLink};
use redb::{ReadOnlyTable, ReadTransaction, ReadableTable, TableDefinition, TableError};
use std::path::PathBuf;
use std::sync::Arc;

mod legacy_index;
mod names_check;
mod walk;
pub use walk::Walk;

pub struct Reader {
    txn: ReadTransaction,
    pub(super) path: PathBuf,
    /// What compact records refer to: the register's shared cache, or one of its own.
    names: SharedDictionary,
}

fn le_u32(bytes: &[u8]) -> Option<u32> {
    bytes.try_into().ok().map(u32::from_le_bytes)
}

impl Reader {
    /// A reader with a dictionary cache of its own.
    pub(super) fn new(txn: ReadTransaction, path: PathBuf) -> Reader {
        Reader::sharing(txn, path, SharedDictionary::default())
    }

    /// A reader using (and filling) a register's shared dictionary cache.
    pub(super) fn sharing(txn: ReadTransaction, path: PathBuf, names: SharedDictionary) -> Reader {
        Reader { txn, path, names }
    }

    /// Reads the dictionary rows of this snapshot the cache does not hold yet.
    fn load_names(&self) -> std::result::Result<(), Invalid> {
        let texts = self.table(STRINGS).map_err(|e| e.to_string())?;
        let sets = self.table(CRITERIA_REFS).map_err(|e| e.to_string())?;
        self.names.load(texts.as_ref(), sets.as_ref())
    }

    /// Opens a table; a table never written yet reads as absent rather than an error.
    pub(super) fn table<K: redb::Key + 'static, V: redb::Value + 'static>(
        &self,
        def: TableDefinition<K, V>,
    ) -> Result<Option<ReadOnlyTable<K, V>>> {
        match self.txn.open_table(def) {
            Ok(t) => Ok(Some(t)),
            Err(TableError::TableDoesNotExist(_)) => Ok(None),
            Err(e) => Err(from_redb(&self.path, e)),
        }
    }

    fn meta(&self, key: &str) -> Result<Option<Vec<u8>>> {
        let Some(t) = self.table(META)? else {
            return Ok(None);
        };
        let got = t.get(key).map_err(|e| from_redb(&self.path, e))?;
        Ok(got.map(|g| g.value().to_vec()))
    }

    pub fn schema_version(&self) -> Result<Option<u32>> {
        Ok(self.meta("schema")?.as_deref().and_then(le_u32))
    }

    /// How many write transactions have been committed (see `Register::write`).
    pub fn generation(&self) -> Result<u64> {
        Ok(self
            .meta("generation")?
            .and_then(|b| b.as_slice().try_into().ok().map(u64::from_le_bytes))
            .unwrap_or(0))
    }

    /// The communes whose registers were merged into this one (see [`super::merge`]).
    pub fn merged_from(&self) -> Result<Vec<Commune>> {
        match self.table(META)? {
            Some(t) => super::merge::read_markers(&t, &self.path),
            None => Ok(Vec::new()),
        }
    }

    /// Whether the register holds made-up demo data (see `Writer::mark_demo`).
    pub fn is_demo(&self) -> Result<bool> {
        Ok(self.meta("demo")?.is_some_and(|b| b == [1]))
    }

    /// The officer named in the last session that gave a name (see `Writer::set_officer`).
    pub fn officer(&self) -> Result<Option<String>> {
        Ok(self
            .meta("officer")?
            .and_then(|b| String::from_utf8(b).ok())
            .filter(|n| !n.is_empty()))
    }

    pub fn commune(&self) -> Result<Commune> {
        let bytes = self
            .meta("commune")?
            .ok_or_else(|| StoreError::NotARegister(self.path.clone()))?;
        Ok(codec::decode_commune(&bytes)?)
    }

    /// The office's report lines; the usual ones (all empty) until it fills them.
    pub fn letterhead(&self) -> Result<crate::model::Letterhead> {
        match self.meta("letterhead")? {
            Some(bytes) => Ok(codec::decode_letterhead(&bytes)?),
            None => Ok(crate::model::Letterhead::default()),
        }
    }

    /// All units of a kind, archived ones included, in id order.
    pub fn units(&self, kind: UnitKind) -> Result<Vec<(UnitId, Unit)>> {
        let mut out = Vec::new();
        self.each_unit(kind, &mut |id, unit| {
            out.push((id, unit));
            Walk::Continue(())
        })?;
        Ok(out)
    }

    pub fn unit(&self, kind: UnitKind, id: UnitId) -> Result<Option<Unit>> {
        let Some(t) = self.table(UNITS)? else {
            return Ok(None);
        };
        let got = t
            .get((kind as u8, id))
            .map_err(|e| from_redb(&self.path, e))?;
        got.map(|g| codec::decode_unit(g.value()).map_err(StoreError::from))
            .transpose()
    }

    pub fn unit_id(&self, kind: UnitKind, code: &str) -> Result<Option<UnitId>> {
        let Some(t) = self.table(UNIT_CODES)? else {
            return Ok(None);
        };
        let got = t
            .get((kind as u8, code))
            .map_err(|e| from_redb(&self.path, e))?;
        Ok(got.map(|g| g.value()))
    }

    pub fn evaluation(&self, key: EvaluationKey) -> Result<Option<Evaluation>> {
        let Some(t) = self.table(EVALUATIONS)? else {
            return Ok(None);
        };
        let got = t
            .get((key.year, key.title as u8, key.unit))
            .map_err(|e| from_redb(&self.path, e))?;
        got.map(|g| codec::decode_evaluation(g.value(), self).map_err(StoreError::from))
            .transpose()
    }

    /// Every evaluation of one year (one range of the table).
    pub fn evaluations_in_year(&self, year: Year) -> Result<Vec<(EvaluationKey, Evaluation)>> {
        self.evaluations_between(year, year)
    }

    /// Every evaluation of the years `from..=to`.
    pub fn evaluations_between(
        &self,
        from: Year,
        to: Year,
    ) -> Result<Vec<(EvaluationKey, Evaluation)>> {
        let mut out = Vec::new();
        self.each_evaluation(from, to, &mut |key, evaluation| {
            out.push((key, evaluation));
            Walk::Continue(())
        })?;
        Ok(out)
    }

    /// (title, unit, criteria hash) of every evaluation of `year`, decoding only the
    /// head of each record.
    pub fn criteria_hashes_in_year(&self, year: Year) -> Result<Vec<(Title, UnitId, String)>> {
        let Some(t) = self.table(EVALUATIONS)? else {
            return Ok(Vec::new());
        };
        let range = t
            .range((year, 0u8, 0u32)..=(year, u8::MAX, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        let mut out = Vec::new();
        for item in range {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let (_, title, unit) = key.value();
            if let Some(title) = Title::from_u8(title) {
                out.push((
                    title,
                    unit,
                    codec::decode_evaluation_criteria(value.value(), self)?,
                ));
            }
        }
        Ok(out)
    }

    /// The changes to one unit's evaluations for `title`, oldest first.
    pub fn history_of(&self, title: Title, unit: UnitId) -> Result<Vec<(u64, HistoryEntry)>> {
        let (Some(index), Some(history)) = (self.table(HISTORY_BY_UNIT)?, self.table(HISTORY)?)
        else {
            return Ok(Vec::new());
        };
        let t = title as u8;
        let range = index
            .range((t, unit, 0u64)..=(t, unit, u64::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        let mut out = Vec::new();
        for item in range {
            let (key, _) = item.map_err(|e| from_redb(&self.path, e))?;
            let seq = key.value().2;
            if let Some(g) = history.get(seq).map_err(|e| from_redb(&self.path, e))? {
                out.push((seq, codec::decode_history(g.value(), self)?));
            }
        }
        Ok(out)
    }

    /// The number of history entries (the next sequence number).
    pub fn history_len(&self) -> Result<u64> {
        let Some(t) = self.table(HISTORY)? else {
            return Ok(0);
        };
        let last = t.last().map_err(|e| from_redb(&self.path, e))?;
        Ok(last.map_or(0, |(k, _)| k.value() + 1))
    }

    pub fn history_entry(&self, seq: u64) -> Result<Option<HistoryEntry>> {
        let Some(t) = self.table(HISTORY)? else {
            return Ok(None);
        };
        let got = t.get(seq).map_err(|e| from_redb(&self.path, e))?;
        got.map(|g| codec::decode_history(g.value(), self).map_err(StoreError::from))
            .transpose()
    }

    /// Every history entry with its sequence number, oldest first.
    pub fn all_history(&self) -> Result<Vec<(u64, HistoryEntry)>> {
        let mut out = Vec::new();
        self.each_history(&mut |seq, entry| {
            out.push((seq, entry));
            Walk::Continue(())
        })?;
        Ok(out)
    }

    /// The stored copy of a criteria set version.
    pub fn criteria(&self, hash: &str) -> Result<Option<CriteriaSet>> {
        let Some(t) = self.table(CRITERIA)? else {
            return Ok(None);
        };
        let got = t.get(hash).map_err(|e| from_redb(&self.path, e))?;
        got.map(|g| codec::decode_criteria(g.value()).map_err(StoreError::from))
            .transpose()
    }

    /// Every criteria set version the register has used, with its hash.
    pub fn all_criteria(&self) -> Result<Vec<(String, CriteriaSet)>> {
        let Some(t) = self.table(CRITERIA)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for item in t.iter().map_err(|e| from_redb(&self.path, e))? {
            let (k, v) = item.map_err(|e| from_redb(&self.path, e))?;
            out.push((k.value().to_string(), codec::decode_criteria(v.value())?));
        }
        Ok(out)
    }

    /// The sets the office entered in the register (imported or written in the app),
    /// oldest entry first, so a later version of an id comes after an earlier one.
    pub fn office_criteria(&self) -> Result<Vec<CriteriaSet>> {
        let mut sets: Vec<CriteriaSet> = self
            .all_criteria()?
            .into_iter()
            .map(|(_, set)| set)
            .filter(|set| set.entry.is_some())
            .collect();
        sets.sort_by_key(|s| s.entry.as_ref().map(|e| e.stamp.at));
        Ok(sets)
    }

    pub fn targets(&self) -> Result<Vec<Target>> {
        let Some(t) = self.table(TARGETS)? else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        for item in t.iter().map_err(|e| from_redb(&self.path, e))? {
            let (_, v) = item.map_err(|e| from_redb(&self.path, e))?;
            out.push(codec::decode_target(v.value())?);
        }
        Ok(out)
    }

    pub fn target(
        &self,
        measure: Measure,
        basis: Basis,
        milestone: Year,
    ) -> Result<Option<Target>> {
        let Some(t) = self.table(TARGETS)? else {
            return Ok(None);
        };
        let got = t
            .get((measure as u8, basis as u8, milestone))
            .map_err(|e| from_redb(&self.path, e))?;
        got.map(|g| codec::decode_target(g.value()).map_err(StoreError::from))
            .transpose()
    }
}

impl Reader {
    /// The link record of every unit of every kind (see [`UnitLink`]).
    pub fn unit_links(&self) -> Result<Vec<(UnitKind, UnitId, UnitLink)>> {
        let mut out = Vec::new();
        self.for_each_unit_link(|kind, id, link| out.push((kind, id, link)))?;
        Ok(out)
    }

    /// [`Reader::unit_links`] handed over one by one, in kind and id order, for a reader
    /// that keeps only some (a year's census): read a chunk of 256 units at a time (see
    /// [`super::packed`]) and not first gathered into a vector.
    pub fn for_each_unit_link(&self, mut f: impl FnMut(UnitKind, UnitId, UnitLink)) -> Result<()> {
        let Some(t) = self.table(UNIT_LINKS)? else {
            // A register of schema 7 or older read as it is (a backup before an upgrade).
            self.for_each_unit_link_v1(&mut f)?;
            return Ok(());
        };
        for item in t.iter().map_err(|e| from_redb(&self.path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let (kind, chunk) = key.value();
            let kind = UnitKind::from_u8(kind).ok_or_else(|| {
                StoreError::Decode(codec::DecodeError {
                    what: "liên kết đơn vị",
                    reason: format!("loại đơn vị {kind} không có"),
                })
            })?;
            packed::each_link(value.value(), packed::first_id(chunk), |id, link| {
                f(kind, id, link)
            })?;
        }
        Ok(())
    }

    /// The status of every evaluation of `year`.
    pub fn statuses_in_year(
        &self,
        year: Year,
    ) -> Result<Vec<(Title, UnitId, crate::model::Status)>> {
        let mut out = Vec::new();
        self.for_each_status_chunk(year, |title, first, statuses| {
            for (slot, status) in statuses.iter().enumerate() {
                if let Some(status) = status {
                    out.push((title, first + slot as UnitId, *status));
                }
            }
        })?;
        Ok(out)
    }

    /// The statuses of `year` a chunk at a time: the title, the id of the chunk's first
    /// slot and the status of each of its 256 slots (`None`: no evaluation).
    pub fn for_each_status_chunk(
        &self,
        year: Year,
        mut f: impl FnMut(Title, UnitId, &packed::StatusChunk),
    ) -> Result<()> {
        let Some(t) = self.table(STATUSES)? else {
            self.for_each_status_chunk_v1(year, &mut f)?;
            return Ok(());
        };
        let range = t
            .range((year, 0u8, 0u32)..=(year, u8::MAX, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        for item in range {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let (_, title, chunk) = key.value();
            let title = Title::from_u8(title).ok_or_else(|| {
                StoreError::Decode(codec::DecodeError {
                    what: "trạng thái đánh giá",
                    reason: format!("mã danh hiệu {title}"),
                })
            })?;
            f(
                title,
                packed::first_id(chunk),
                &packed::statuses(value.value())?,
            );
        }
        Ok(())
    }

    /// Whether any evaluation of `year` is in the register (one record read).
    pub fn has_statuses_in_year(&self, year: Year) -> Result<bool> {
        let Some(t) = self.table(STATUSES)? else {
            let mut any = false;
            self.for_each_status_chunk_v1(year, &mut |_, _, _| any = true)?;
            return Ok(any);
        };
        let mut range = t
            .range((year, 0u8, 0u32)..=(year, u8::MAX, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        Ok(range
            .next()
            .transpose()
            .map_err(|e| from_redb(&self.path, e))?
            .is_some())
    }

    /// The id the next unit of `kind` will get (1 in a register that never had one).
    pub fn next_unit_id(&self, kind: UnitKind) -> Result<UnitId> {
        Ok(self
            .meta(&format!("next_id/{}", kind.code()))?
            .as_deref()
            .and_then(le_u32)
            .unwrap_or(1))
    }
}

impl Names for Reader {
    fn text(&self, id: TextId) -> std::result::Result<Arc<str>, Invalid> {
        if let Some(text) = self.names.text(id) {
            return Ok(text);
        }
        self.load_names()?;
        self.names
            .text(id)
            .ok_or_else(|| super::dictionary::missing_text(id))
    }

    fn set(&self, index: SetIndex) -> std::result::Result<Arc<SetLayout>, Invalid> {
        if let Some(layout) = self.names.set(index) {
            return Ok(layout);
        }
        self.load_names()?;
        self.names
            .set(index)
            .ok_or_else(|| super::dictionary::missing_set(index))
    }
}

#[cfg(test)]
impl Reader {
    pub(super) fn has_meta_for_test(&self, key: &str) -> bool {
        self.meta(key).ok().flatten().is_some()
    }
}
