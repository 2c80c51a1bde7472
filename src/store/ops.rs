//! The register's everyday operations, each one write transaction: score an indicator,
//! move an evaluation to a stage. They check their input against the evaluation's own
//! criteria version before anything is written.

use super::{Register, Result, StoreError};
use crate::criteria::{CatalogEntry, CriteriaSet, check_value};
use crate::model::{Evaluation, EvaluationKey, IndicatorValue, Stamp};

/// An evaluation before and after a change, for tallies and undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: EvaluationKey,
    pub old: Option<Evaluation>,
    pub new: Option<Evaluation>,
}

impl Register {
    /// The criteria version an evaluation is scored under: its stored copy.
    pub fn criteria_of(&self, evaluation: &Evaluation) -> Result<CriteriaSet> {
        self.read()?
            .criteria(&evaluation.criteria_hash)?
            .ok_or_else(|| {
                StoreError::Invalid(format!(
                    "Sổ thiếu bản lưu bộ tiêu chí {} ({})",
                    evaluation.criteria_id, evaluation.criteria_hash
                ))
            })
    }

    /// Sets one indicator's value (or clears it with `None`). A unit not yet registered
    /// for the title that year is registered under `in_force`, the set now in force.
    pub fn set_score(
        &self,
        key: EvaluationKey,
        code: &str,
        value: Option<IndicatorValue>,
        in_force: &CatalogEntry,
        stamp: &Stamp,
    ) -> Result<Change> {
        self.write(|w| {
            let old = w.evaluation(key)?;
            let mut new = match &old {
                Some(e) => e.clone(),
                None => {
                    w.remember_criteria(&in_force.hash, &in_force.set)?;
                    Evaluation::register(&in_force.set.id, &in_force.hash, None, stamp.clone())
                }
            };
            let set = if new.criteria_hash == in_force.hash {
                in_force.set.as_ref().clone()
            } else {
                w.criteria(&new.criteria_hash)?.ok_or_else(|| {
                    StoreError::Invalid(format!("Sổ thiếu bản lưu bộ tiêu chí {}", new.criteria_id))
                })?
            };
            match value {
                Some(v) => {
                    check_value(&set, code, v).map_err(StoreError::Invalid)?;
                    new.values.insert(code.to_string(), v);
                }
                None => {
                    new.values.remove(code);
                }
            }
            if new.stage.is_decided() && old.as_ref().is_some_and(|o| o.values != new.values) {
                return Err(StoreError::Invalid(
                    "Đánh giá đã có quyết định; muốn sửa điểm hãy chuyển lại giai đoạn trước"
                        .into(),
                ));
            }
            new.stamp = stamp.clone();
            w.set_evaluation(key, Some(&new), stamp)?;
            Ok(Change {
                key,
                old,
                new: Some(new),
            })
        })
    }

    /// Replaces an evaluation wholesale (stage changes, decisions, undo).
    pub fn put_evaluation(
        &self,
        key: EvaluationKey,
        new: Option<&Evaluation>,
        stamp: &Stamp,
    ) -> Result<Change> {
        self.write(|w| {
            let old = w.set_evaluation(key, new, stamp)?;
            Ok(Change {
                key,
                old,
                new: new.cloned(),
            })
        })
    }
}
