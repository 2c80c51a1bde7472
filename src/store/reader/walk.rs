//! Walking a table record by record, for what reads the whole register (`check`, the
//! JSON archive, a backup's verification) or one title's year of it (a list's export):
//! each record is decoded, handed over and dropped, so memory stays the same whether the
//! commune has a hundred households or fifty thousand. The visitor returns [`Walk::Break`] to stop early (a writer that
//! failed, say).

use super::super::codec;
use super::super::error::from_redb;
use super::super::tables::{EVALUATIONS, HISTORY, HISTORY_BY_UNIT, UNITS};
use super::super::{Result, StoreError};
use super::Reader;
use crate::model::HistoryEntry;
use crate::model::{Evaluation, EvaluationKey, Title, Unit, UnitId, UnitKind, Year};
use redb::ReadableTable;

/// Whether a walk goes on.
pub type Walk = std::ops::ControlFlow<()>;

fn unknown_title(title: u8) -> StoreError {
    StoreError::Decode(codec::DecodeError {
        what: "đánh giá",
        reason: format!("mã danh hiệu {title} không có"),
    })
}

impl Reader {
    /// Every unit of `kind`, archived ones included, in id order.
    pub fn each_unit(
        &self,
        kind: UnitKind,
        visit: &mut dyn FnMut(UnitId, Unit) -> Walk,
    ) -> Result<()> {
        let Some(t) = self.table(UNITS)? else {
            return Ok(());
        };
        let k = kind as u8;
        let range = t
            .range((k, 0u32)..=(k, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        for item in range {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            if visit(key.value().1, codec::decode_unit(value.value())?).is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Every evaluation of the years `from..=to`, by (year, title, unit).
    pub fn each_evaluation(
        &self,
        from: Year,
        to: Year,
        visit: &mut dyn FnMut(EvaluationKey, Evaluation) -> Walk,
    ) -> Result<()> {
        let Some(t) = self.table(EVALUATIONS)? else {
            return Ok(());
        };
        let range = t
            .range((from, 0u8, 0u32)..=(to, u8::MAX, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        for item in range {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let (year, title, unit) = key.value();
            let title = Title::from_u8(title).ok_or_else(|| unknown_title(title))?;
            let evaluation = codec::decode_evaluation(value.value(), self)?;
            if visit(EvaluationKey { year, title, unit }, evaluation).is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Every evaluation of one title in one year, in unit order: one range of the table
    /// (keyed by year, title, unit), so the other titles' records are never read.
    pub fn each_evaluation_of(
        &self,
        year: Year,
        title: Title,
        visit: &mut dyn FnMut(UnitId, Evaluation) -> Walk,
    ) -> Result<()> {
        let Some(t) = self.table(EVALUATIONS)? else {
            return Ok(());
        };
        let code = title as u8;
        let range = t
            .range((year, code, 0u32)..=(year, code, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        for item in range {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let evaluation = codec::decode_evaluation(value.value(), self)?;
            if visit(key.value().2, evaluation).is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Every history entry with its sequence number, oldest first.
    pub fn each_history(&self, visit: &mut dyn FnMut(u64, HistoryEntry) -> Walk) -> Result<()> {
        let Some(t) = self.table(HISTORY)? else {
            return Ok(());
        };
        for item in t.iter().map_err(|e| from_redb(&self.path, e))? {
            let (k, v) = item.map_err(|e| from_redb(&self.path, e))?;
            if visit(k.value(), codec::decode_history(v.value(), self)?).is_break() {
                break;
            }
        }
        Ok(())
    }

    /// Every row of the history index: (title code, unit id, sequence), in key order.
    pub fn each_history_index_row(
        &self,
        visit: &mut dyn FnMut(u8, UnitId, u64) -> Walk,
    ) -> Result<()> {
        let Some(t) = self.table(HISTORY_BY_UNIT)? else {
            return Ok(());
        };
        for item in t.iter().map_err(|e| from_redb(&self.path, e))? {
            let (k, _) = item.map_err(|e| from_redb(&self.path, e))?;
            let (title, unit, seq) = k.value();
            if visit(title, unit, seq).is_break() {
                break;
            }
        }
        Ok(())
    }
}
