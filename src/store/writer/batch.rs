//! Many units written in one go (an import): the unit, code and link tables and the id
//! counters are opened once for the whole batch, not once per row. At 50,000 rows that
//! was six table opens a row and a fifth of the import's time. The packed link chunks
//! the batch changes are kept in memory and written once each at its end, not once per
//! unit (50,000 households touch 196 chunks).

use super::{Writer, index};
use crate::model::UnitLink;
use crate::model::{Unit, UnitId, UnitKind};
use crate::store::codec;
use crate::store::error::from_redb;
use crate::store::packed;
use crate::store::tables::{META, UNIT_CODES, UNIT_LINKS, UNITS};
use crate::store::{Result, StoreError};
use foldhash::HashMap;
use redb::{ReadableTable, Table};
use std::collections::hash_map::Entry;
use std::path::Path;

/// The open tables of a batch; see [`Writer::unit_batch`].
pub struct UnitBatch<'t> {
    codes: Table<'t, (u8, &'static str), u32>,
    units: Table<'t, (u8, u32), &'static [u8]>,
    links: Table<'t, (u8, u32), &'static [u8]>,
    /// The link chunks changed in this batch, by `(kind, chunk)`, written at its end.
    chunks: HashMap<(u8, u32), Vec<u8>>,
    meta: Table<'t, &'static str, &'static [u8]>,
    /// The next id of each kind used in this batch, written back at its end.
    next: HashMap<UnitKind, UnitId>,
    path: &'t Path,
}

fn next_key(kind: UnitKind) -> String {
    format!("next_id/{}", kind.code())
}

impl UnitBatch<'_> {
    fn err(&self, e: impl Into<redb::Error>) -> StoreError {
        from_redb(self.path, e)
    }

    fn unit_id(&self, kind: UnitKind, code: &str) -> Result<Option<UnitId>> {
        let got = self
            .codes
            .get((kind as u8, code))
            .map_err(|e| self.err(e))?;
        Ok(got.map(|g| g.value()))
    }

    fn next_id(&mut self, kind: UnitKind) -> Result<UnitId> {
        let next = match self.next.get(&kind) {
            Some(&n) => n,
            None => self
                .meta
                .get(next_key(kind).as_str())
                .map_err(|e| self.err(e))?
                .and_then(|g| g.value().try_into().ok().map(u32::from_le_bytes))
                .unwrap_or(1),
        };
        if next > crate::store::MAX_UNIT_ID {
            return Err(StoreError::Invalid(
                "Sổ đã hết mã nội bộ cho loại đơn vị này".into(),
            ));
        }
        self.next.insert(kind, next + 1);
        Ok(next)
    }

    /// As [`Writer::insert_unit`]. The code is looked up by the insert itself (redb
    /// returns the value it replaced), not by a search before it: a taken code is an
    /// error, and an error ends the batch's transaction without a commit, so the
    /// overwritten entry is never saved.
    pub fn insert(&mut self, unit: &Unit) -> Result<UnitId> {
        let kind = unit.kind();
        let id = self.next_id(kind)?;
        let taken = self
            .codes
            .insert((kind as u8, unit.code()), id)
            .map_err(|e| from_redb(self.path, e))?
            .is_some();
        if taken {
            return Err(StoreError::Invalid(format!(
                "Mã {} đã có trong danh sách {}",
                unit.code(),
                kind.label().to_lowercase()
            )));
        }
        self.write_records(id, unit)?;
        Ok(id)
    }

    /// As [`Writer::update_unit`].
    pub fn update(&mut self, id: UnitId, unit: &Unit) -> Result<()> {
        let kind = unit.kind();
        let old = self
            .units
            .get((kind as u8, id))
            .map_err(|e| self.err(e))?
            .map(|g| codec::decode_unit(g.value()))
            .transpose()?
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
        self.write(id, unit, Some(old.code()))
    }

    fn write(&mut self, id: UnitId, unit: &Unit, old_code: Option<&str>) -> Result<()> {
        let kind = unit.kind() as u8;
        let p = self.path;
        if let Some(old) = old_code.filter(|c| *c != unit.code()) {
            self.codes
                .remove((kind, old))
                .map_err(|e| from_redb(p, e))?;
        }
        self.codes
            .insert((kind, unit.code()), id)
            .map_err(|e| from_redb(p, e))?;
        self.write_records(id, unit)
    }

    /// The unit's record and its link record (its code is written by the caller).
    fn write_records(&mut self, id: UnitId, unit: &Unit) -> Result<()> {
        let kind = unit.kind() as u8;
        let p = self.path;
        self.units
            .insert((kind, id), codec::encode_unit(unit).as_slice())
            .map_err(|e| from_redb(p, e))?;
        let key = (kind, packed::chunk_of(id));
        let chunk = match self.chunks.entry(key) {
            Entry::Occupied(e) => e.into_mut(),
            Entry::Vacant(e) => e.insert(index::link_chunk(&self.links, key, p)?),
        };
        packed::put_link(chunk, packed::slot_of(id), Some(&UnitLink::of(unit)));
        Ok(())
    }
}

impl Writer {
    /// Runs `f` with the unit tables open once, then records the id counters it moved.
    /// Everything stays inside this writer's one transaction.
    pub fn unit_batch<T>(&mut self, f: impl FnOnce(&mut UnitBatch<'_>) -> Result<T>) -> Result<T> {
        let path = self.path.clone();
        let txn = &self.txn;
        let open = |e| from_redb(&path, e);
        let mut batch = UnitBatch {
            codes: txn.open_table(UNIT_CODES).map_err(open)?,
            units: txn.open_table(UNITS).map_err(open)?,
            links: txn.open_table(UNIT_LINKS).map_err(open)?,
            chunks: HashMap::default(),
            meta: txn.open_table(META).map_err(open)?,
            next: HashMap::default(),
            path: &path,
        };
        let value = f(&mut batch)?;
        for (key, chunk) in std::mem::take(&mut batch.chunks) {
            index::store_link_chunk(&mut batch.links, key, &chunk, &path)?;
        }
        for (kind, next) in std::mem::take(&mut batch.next) {
            batch
                .meta
                .insert(next_key(kind).as_str(), next.to_le_bytes().as_slice())
                .map_err(|e| from_redb(&path, e))?;
        }
        Ok(value)
    }
}
