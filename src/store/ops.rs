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

/// What a stage change asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    pub stage: crate::model::Stage,
    pub decision: Option<crate::model::Decision>,
    /// Required to recognise a unit that does not pass its criteria.
    pub override_reason: Option<String>,
}

impl Register {
    /// Moves one evaluation to a stage. Recognising requires a decision, and a unit that
    /// does not pass can only be recognised with an explicit override reason.
    pub fn set_stage(
        &self,
        key: EvaluationKey,
        change: &StageChange,
        stamp: &Stamp,
    ) -> Result<Change> {
        use crate::model::Stage;
        self.write(|w| {
            let old = w.evaluation(key)?.ok_or_else(|| {
                StoreError::Invalid("Đơn vị chưa đăng ký danh hiệu này trong năm".into())
            })?;
            let mut new = old.clone();
            new.stage = change.stage;
            new.decision = None;
            new.override_reason = None;
            if change.stage.is_decided() {
                let decision = change
                    .decision
                    .clone()
                    .ok_or_else(|| StoreError::Invalid("Cần số và ngày quyết định".into()))?;
                if decision.number.trim().is_empty() {
                    return Err(StoreError::Invalid(
                        "Số quyết định không được để trống".into(),
                    ));
                }
                new.decision = Some(decision);
            }
            if change.stage == Stage::Recognised {
                let set = w.criteria(&old.criteria_hash)?.ok_or_else(|| {
                    StoreError::Invalid(format!("Sổ thiếu bản lưu bộ tiêu chí {}", old.criteria_id))
                })?;
                let score = crate::criteria::score(&set, &old.values);
                if !score.passed {
                    let reason = change
                        .override_reason
                        .as_deref()
                        .map(str::trim)
                        .filter(|r| !r.is_empty())
                        .ok_or_else(|| {
                            StoreError::Invalid(format!(
                                "Đơn vị chưa đạt tiêu chí ({}); muốn công nhận phải ghi rõ lý do",
                                not_passed_reason(&score)
                            ))
                        })?;
                    new.override_reason = Some(reason.to_string());
                }
            }
            new.stamp = stamp.clone();
            w.set_evaluation(key, Some(&new), stamp)?;
            Ok(Change {
                key,
                old: Some(old),
                new: Some(new),
            })
        })
    }

    /// Recognises, in one transaction, every evaluation of `title` in `year` that passes
    /// and has no decision yet. Returns the changes made.
    pub fn recognise_passing(
        &self,
        title: crate::model::Title,
        year: crate::model::Year,
        decision: &crate::model::Decision,
        stamp: &Stamp,
    ) -> Result<Vec<Change>> {
        use crate::model::Stage;
        // The status index names the passing, unrecognised evaluations without decoding
        // the whole year; each one is still read and rescored before it is changed.
        // Units that left (or had not entered) that year are not the commune's to
        // recognise, however they were scored.
        let reader = self.read()?;
        let active: std::collections::HashSet<u32> = reader
            .unit_links()?
            .into_iter()
            .filter(|(kind, _, link)| *kind == title.unit_kind() && link.active_in(year))
            .map(|(_, id, _)| id)
            .collect();
        let candidates: Vec<EvaluationKey> = reader
            .statuses_in_year(year)?
            .into_iter()
            .filter(|(t, unit, status)| {
                *t == title && status.passed && !status.recognised && active.contains(unit)
            })
            .map(|(title, unit, _)| EvaluationKey { year, title, unit })
            .collect();
        drop(reader);
        self.write(|w| {
            let mut sets: std::collections::HashMap<String, CriteriaSet> =
                std::collections::HashMap::new();
            let mut changes = Vec::new();
            for key in candidates {
                let Some(old) = w.evaluation(key)? else {
                    continue;
                };
                if old.stage.is_decided() {
                    continue;
                }
                if !sets.contains_key(&old.criteria_hash) {
                    let set = w.criteria(&old.criteria_hash)?.ok_or_else(|| {
                        StoreError::Invalid(format!(
                            "Sổ thiếu bản lưu bộ tiêu chí {}",
                            old.criteria_id
                        ))
                    })?;
                    sets.insert(old.criteria_hash.clone(), set);
                }
                let passed = sets
                    .get(&old.criteria_hash)
                    .is_some_and(|set| crate::criteria::score(set, &old.values).passed);
                if !passed {
                    continue;
                }
                let mut new = old.clone();
                new.stage = Stage::Recognised;
                new.decision = Some(decision.clone());
                new.stamp = stamp.clone();
                w.set_evaluation(key, Some(&new), stamp)?;
                changes.push(Change {
                    key,
                    old: Some(old),
                    new: Some(new),
                });
            }
            Ok(changes)
        })
    }

    /// Undoes one recorded change by putting the evaluation back as it was before it.
    /// The undo is itself recorded, so history stays complete.
    pub fn undo(&self, entry: &super::HistoryEntry, stamp: &Stamp) -> Result<Change> {
        self.write(|w| {
            let current = w.evaluation(entry.key)?;
            let before = entry
                .revert(current.as_ref(), stamp)
                .map_err(StoreError::Invalid)?;
            w.set_evaluation(entry.key, before.as_ref(), stamp)?;
            Ok(Change {
                key: entry.key,
                old: current,
                new: before,
            })
        })
    }
}

fn not_passed_reason(score: &crate::criteria::Score) -> String {
    if !score.complete {
        return format!("còn {} chỉ số chưa chấm", score.missing.len());
    }
    score
        .failures
        .iter()
        .map(crate::criteria::Failure::message)
        .collect::<Vec<_>>()
        .join("; ")
}
