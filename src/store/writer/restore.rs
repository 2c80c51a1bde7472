//! Writing records exactly as an archive holds them (internal ids, history sequence
//! numbers, the next free ids), for `sohoctap import json` into an empty register. The
//! everyday methods cannot do this: they allocate ids and record history themselves.

use super::Writer;
use crate::model::{Evaluation, EvaluationKey, Unit, UnitId, UnitKind};
use crate::model::{HistoryEntry, UnitLink};
use crate::store::codec;
use crate::store::error::from_redb;
use crate::store::tables::{
    CRITERIA, EVALUATIONS, HISTORY, HISTORY_BY_UNIT, STATUSES, TARGETS, UNIT_CODES, UNIT_LINKS,
    UNITS,
};
use crate::store::{Result, StoreError};
use redb::{ReadableTable, ReadableTableMetadata};

impl Writer {
    /// Whether the register holds no unit, evaluation, history, criteria copy or target.
    pub fn is_empty(&self) -> Result<bool> {
        let p = &self.path;
        let t = &self.txn;
        Ok(t.open_table(UNITS)
            .map_err(|e| from_redb(p, e))?
            .is_empty()
            .map_err(|e| from_redb(p, e))?
            && t.open_table(EVALUATIONS)
                .map_err(|e| from_redb(p, e))?
                .is_empty()
                .map_err(|e| from_redb(p, e))?
            && t.open_table(HISTORY)
                .map_err(|e| from_redb(p, e))?
                .is_empty()
                .map_err(|e| from_redb(p, e))?
            && t.open_table(CRITERIA)
                .map_err(|e| from_redb(p, e))?
                .is_empty()
                .map_err(|e| from_redb(p, e))?
            && t.open_table(TARGETS)
                .map_err(|e| from_redb(p, e))?
                .is_empty()
                .map_err(|e| from_redb(p, e))?)
    }

    /// Puts a unit under its archived id. Refuses an id or a code already used.
    pub fn restore_unit(&mut self, id: UnitId, unit: &Unit) -> Result<()> {
        let kind = unit.kind();
        if id == 0 || id > crate::store::MAX_UNIT_ID {
            return Err(StoreError::Invalid(format!(
                "Đơn vị {}: mã nội bộ {id} nằm ngoài giới hạn 1–{}",
                unit.code(),
                crate::store::MAX_UNIT_ID
            )));
        }
        if self.unit(kind, id)?.is_some() || self.unit_id(kind, unit.code())?.is_some() {
            return Err(StoreError::Invalid(format!(
                "Đơn vị {} (mã nội bộ {id}) đã có trong sổ",
                unit.code()
            )));
        }
        let p = &self.path;
        let k = kind as u8;
        self.txn
            .open_table(UNIT_CODES)
            .map_err(|e| from_redb(p, e))?
            .insert((k, unit.code()), id)
            .map_err(|e| from_redb(p, e))?;
        self.txn
            .open_table(UNITS)
            .map_err(|e| from_redb(p, e))?
            .insert((k, id), codec::encode_unit(unit).as_slice())
            .map_err(|e| from_redb(p, e))?;
        let mut links = self
            .txn
            .open_table(UNIT_LINKS)
            .map_err(|e| from_redb(p, e))?;
        super::index::put_link(&mut links, k, id, &UnitLink::of(unit), p)
    }

    /// Sets the next id [`Writer::insert_unit`] gives a unit of `kind`.
    pub fn set_next_unit_id(&mut self, kind: UnitKind, next: UnitId) -> Result<()> {
        if next > crate::store::MAX_UNIT_ID + 1 {
            return Err(StoreError::Invalid(format!(
                "Mã nội bộ tiếp theo {next} vượt giới hạn {}",
                crate::store::MAX_UNIT_ID
            )));
        }
        self.put_meta(&format!("next_id/{}", kind.code()), &next.to_le_bytes())
    }

    /// Puts an evaluation without recording a history entry (the archive carries those).
    /// Its criteria version must have been remembered first.
    pub fn restore_evaluation(
        &mut self,
        key: EvaluationKey,
        evaluation: &Evaluation,
    ) -> Result<()> {
        let status = self.status_of(evaluation)?;
        let bytes = codec::encode_evaluation(evaluation, self)?;
        let p = &self.path;
        {
            let mut statuses = self.txn.open_table(STATUSES).map_err(|e| from_redb(p, e))?;
            super::index::put_status(&mut statuses, key, Some(status), p)?;
        }
        self.txn
            .open_table(EVALUATIONS)
            .map_err(|e| from_redb(p, e))?
            .insert((key.year, key.title as u8, key.unit), bytes.as_slice())
            .map_err(|e| from_redb(p, e))?;
        Ok(())
    }

    /// Puts a history entry under its archived sequence number, with its index entry.
    pub fn restore_history(&mut self, seq: u64, entry: &HistoryEntry) -> Result<()> {
        let bytes = codec::encode_history(entry, self)?;
        let p = &self.path;
        self.txn
            .open_table(HISTORY)
            .map_err(|e| from_redb(p, e))?
            .insert(seq, bytes.as_slice())
            .map_err(|e| from_redb(p, e))?;
        self.txn
            .open_table(HISTORY_BY_UNIT)
            .map_err(|e| from_redb(p, e))?
            .insert((entry.key.title as u8, entry.key.unit, seq), ())
            .map_err(|e| from_redb(p, e))?;
        Ok(())
    }

    /// The sequence number the next history entry gets.
    pub fn next_history_seq(&self) -> Result<u64> {
        let p = &self.path;
        let t = self.txn.open_table(HISTORY).map_err(|e| from_redb(p, e))?;
        let last = t.last().map_err(|e| from_redb(p, e))?;
        Ok(last.map_or(0, |(k, _)| k.value() + 1))
    }
}
