//! The history of evaluations: every change, who made it and when, as the difference
//! between the old and the new evaluation. Storing differences rather than whole copies
//! keeps a year of indicator-by-indicator scoring (ten saves per unit, 200,000 units) to
//! tens of megabytes instead of gigabytes, and says plainly what changed.

use super::{Decision, DigitalSkills, Evaluation, EvaluationKey, IndicatorValue, Stage, Stamp};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub key: EvaluationKey,
    pub stamp: Stamp,
    pub change: EvaluationChange,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum EvaluationChange {
    /// The unit was registered for the title; the evaluation as first saved.
    Created(Evaluation),
    /// The evaluation was removed; kept whole so it can be restored.
    Removed(Evaluation),
    /// The fields that changed, old → new.
    Edited(Vec<FieldChange>),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FieldChange {
    Value {
        code: String,
        old: Option<IndicatorValue>,
        new: Option<IndicatorValue>,
    },
    Stage {
        old: Stage,
        new: Stage,
    },
    Decision {
        old: Option<Decision>,
        new: Option<Decision>,
    },
    OverrideReason {
        old: Option<String>,
        new: Option<String>,
    },
    Note {
        old: String,
        new: String,
    },
    RegisteredOn {
        #[serde(with = "crate::model::compact::opt_date")]
        old: Option<NaiveDate>,
        #[serde(with = "crate::model::compact::opt_date")]
        new: Option<NaiveDate>,
    },
    Criteria {
        old: (String, String),
        new: (String, String),
    },
    /// The CDHT holder's digital skills (schema 6); `None` is "not recorded".
    DigitalSkills {
        old: Option<DigitalSkills>,
        new: Option<DigitalSkills>,
    },
}

/// The fields of `new` that differ from `old` (the stamp aside: the entry has its own).
fn field_changes(old: &Evaluation, new: &Evaluation) -> Vec<FieldChange> {
    let mut changes = Vec::new();
    let codes: std::collections::BTreeSet<&String> =
        old.values.keys().chain(new.values.keys()).collect();
    for code in codes {
        let (o, n) = (old.values.get(code).copied(), new.values.get(code).copied());
        if o != n {
            changes.push(FieldChange::Value {
                code: code.clone(),
                old: o,
                new: n,
            });
        }
    }
    if old.stage != new.stage {
        changes.push(FieldChange::Stage {
            old: old.stage,
            new: new.stage,
        });
    }
    if old.decision != new.decision {
        changes.push(FieldChange::Decision {
            old: old.decision.clone(),
            new: new.decision.clone(),
        });
    }
    if old.override_reason != new.override_reason {
        changes.push(FieldChange::OverrideReason {
            old: old.override_reason.clone(),
            new: new.override_reason.clone(),
        });
    }
    if old.note != new.note {
        changes.push(FieldChange::Note {
            old: old.note.clone(),
            new: new.note.clone(),
        });
    }
    if old.registered_on != new.registered_on {
        changes.push(FieldChange::RegisteredOn {
            old: old.registered_on,
            new: new.registered_on,
        });
    }
    if (&old.criteria_id, &old.criteria_hash) != (&new.criteria_id, &new.criteria_hash) {
        changes.push(FieldChange::Criteria {
            old: (old.criteria_id.clone(), old.criteria_hash.clone()),
            new: (new.criteria_id.clone(), new.criteria_hash.clone()),
        });
    }
    if old.digital_skills != new.digital_skills {
        changes.push(FieldChange::DigitalSkills {
            old: old.digital_skills,
            new: new.digital_skills,
        });
    }
    changes
}

/// Two evaluations equal but for who last touched them.
fn same_content(a: &Evaluation, b: &Evaluation) -> bool {
    field_changes(a, b).is_empty()
}

impl HistoryEntry {
    /// Renames criteria versions throughout the entry (the evaluation it created or
    /// removed, a change of criteria): `rename` gives the new hash of an old one, or
    /// `None` to keep it. Returns whether anything changed.
    pub fn rename_criteria(&mut self, rename: &dyn Fn(&str) -> Option<String>) -> bool {
        match &mut self.change {
            EvaluationChange::Created(e) | EvaluationChange::Removed(e) => {
                match rename(&e.criteria_hash) {
                    Some(new) => {
                        e.criteria_hash = new;
                        true
                    }
                    None => false,
                }
            }
            EvaluationChange::Edited(fields) => {
                let mut changed = false;
                for field in fields {
                    if let FieldChange::Criteria { old, new } = field {
                        for (_, hash) in [old, new] {
                            if let Some(renamed) = rename(hash) {
                                *hash = renamed;
                                changed = true;
                            }
                        }
                    }
                }
                changed
            }
        }
    }

    /// The entry recording `old` → `new`, or `None` when nothing but the stamp changed.
    pub fn between(
        key: EvaluationKey,
        old: Option<&Evaluation>,
        new: Option<&Evaluation>,
        stamp: &Stamp,
    ) -> Option<HistoryEntry> {
        let change = match (old, new) {
            (None, None) => return None,
            (None, Some(n)) => EvaluationChange::Created(n.clone()),
            (Some(o), None) => EvaluationChange::Removed(o.clone()),
            (Some(o), Some(n)) => {
                let fields = field_changes(o, n);
                if fields.is_empty() {
                    return None;
                }
                EvaluationChange::Edited(fields)
            }
        };
        Some(HistoryEntry {
            key,
            stamp: stamp.clone(),
            change,
        })
    }

    /// The evaluation as it was before this change, given the evaluation as it is now.
    /// Refused (with the reason) when the evaluation has changed since.
    pub fn revert(
        &self,
        current: Option<&Evaluation>,
        stamp: &Stamp,
    ) -> Result<Option<Evaluation>, String> {
        let moved_on = || "Đánh giá đã được sửa sau thay đổi này; không hoàn tác được".to_string();
        match (&self.change, current) {
            (EvaluationChange::Created(created), Some(now)) if same_content(created, now) => {
                Ok(None)
            }
            (EvaluationChange::Removed(removed), None) => {
                let mut back = removed.clone();
                back.stamp = stamp.clone();
                Ok(Some(back))
            }
            (EvaluationChange::Edited(fields), Some(now)) => {
                let mut back = now.clone();
                for field in fields {
                    if !undo_field(&mut back, field) {
                        return Err(moved_on());
                    }
                }
                back.stamp = stamp.clone();
                Ok(Some(back))
            }
            _ => Err(moved_on()),
        }
    }

    /// One Vietnamese line per change, for the history screen.
    pub fn describe(&self) -> Vec<String> {
        let show = |v: &Option<IndicatorValue>| v.map_or("(trống)".to_string(), |v| v.display());
        let decision = |d: &Option<Decision>| {
            d.as_ref().map_or("(không)".to_string(), |d| {
                format!("{} ngày {}", d.number, d.date.format("%d/%m/%Y"))
            })
        };
        match &self.change {
            EvaluationChange::Created(_) => vec!["Đăng ký danh hiệu".into()],
            EvaluationChange::Removed(_) => vec!["Xóa đăng ký".into()],
            EvaluationChange::Edited(fields) => fields
                .iter()
                .map(|f| match f {
                    FieldChange::Value { code, old, new } => {
                        format!("Chỉ số {code}: {} → {}", show(old), show(new))
                    }
                    FieldChange::Stage { old, new } => {
                        format!("Giai đoạn: {} → {}", old.label(), new.label())
                    }
                    FieldChange::Decision { old, new } => {
                        format!("Quyết định: {} → {}", decision(old), decision(new))
                    }
                    FieldChange::OverrideReason { new, .. } => {
                        format!(
                            "Lý do công nhận ngoại lệ: {}",
                            new.as_deref().unwrap_or("(bỏ)")
                        )
                    }
                    FieldChange::Note { new, .. } => format!("Ghi chú: {new}"),
                    FieldChange::RegisteredOn { new, .. } => format!(
                        "Ngày đăng ký: {}",
                        new.map_or("(bỏ)".to_string(), |d| d.format("%d/%m/%Y").to_string())
                    ),
                    FieldChange::Criteria { new, .. } => format!("Bộ tiêu chí: {}", new.0),
                    FieldChange::DigitalSkills { old, new } => format!(
                        "Kỹ năng số: {} → {}",
                        DigitalSkills::label_of(*old),
                        DigitalSkills::label_of(*new)
                    ),
                })
                .collect(),
        }
    }
}

/// Puts one field back to its old value if it still holds the new one.
fn undo_field(e: &mut Evaluation, field: &FieldChange) -> bool {
    match field {
        FieldChange::Value { code, old, new } => {
            if e.values.get(code).copied() != *new {
                return false;
            }
            match old {
                Some(v) => {
                    e.values.insert(code.clone(), *v);
                }
                None => {
                    e.values.remove(code);
                }
            }
        }
        FieldChange::Stage { old, new } => {
            if e.stage != *new {
                return false;
            }
            e.stage = *old;
        }
        FieldChange::Decision { old, new } => {
            if e.decision != *new {
                return false;
            }
            e.decision = old.clone();
        }
        FieldChange::OverrideReason { old, new } => {
            if e.override_reason != *new {
                return false;
            }
            e.override_reason = old.clone();
        }
        FieldChange::Note { old, new } => {
            if e.note != *new {
                return false;
            }
            e.note = old.clone();
        }
        FieldChange::RegisteredOn { old, new } => {
            if e.registered_on != *new {
                return false;
            }
            e.registered_on = *old;
        }
        FieldChange::Criteria { old, new } => {
            if (&e.criteria_id, &e.criteria_hash) != (&new.0, &new.1) {
                return false;
            }
            e.criteria_id = old.0.clone();
            e.criteria_hash = old.1.clone();
        }
        FieldChange::DigitalSkills { old, new } => {
            if e.digital_skills != *new {
                return false;
            }
            e.digital_skills = *old;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Title;

    fn key() -> EvaluationKey {
        EvaluationKey {
            year: 2025,
            title: Title::GiaDinh,
            unit: 1,
        }
    }

    fn evaluation(values: &[(&str, u16)]) -> Evaluation {
        let mut e = Evaluation::register("bo", "abc", None, Stamp::now());
        for (code, v) in values {
            e.values.insert((*code).into(), IndicatorValue::Points(*v));
        }
        e
    }

    #[test]
    fn one_score_is_recorded_as_one_small_difference() {
        let old = evaluation(&[("1.1", 5)]);
        let new = evaluation(&[("1.1", 5), ("1.2", 7)]);
        let entry =
            HistoryEntry::between(key(), Some(&old), Some(&new), &Stamp::now()).expect("a change");
        assert_eq!(
            entry.describe(),
            vec!["Chỉ số 1.2: (trống) → 7".to_string()]
        );
        let back = entry.revert(Some(&new), &Stamp::now()).expect("revert");
        assert_eq!(back.map(|e| e.values), Some(old.values));
    }

    #[test]
    fn only_the_stamp_changing_is_not_a_change() {
        let a = evaluation(&[("1.1", 5)]);
        let mut b = a.clone();
        b.stamp.user = "khac".into();
        assert!(HistoryEntry::between(key(), Some(&a), Some(&b), &Stamp::now()).is_none());
    }

    #[test]
    fn a_later_change_blocks_reverting_an_earlier_one() {
        let v1 = evaluation(&[("1.1", 5)]);
        let v2 = evaluation(&[("1.1", 6)]);
        let v3 = evaluation(&[("1.1", 7)]);
        let first = HistoryEntry::between(key(), Some(&v1), Some(&v2), &Stamp::now()).expect("c");
        assert!(first.revert(Some(&v3), &Stamp::now()).is_err());
        let created = HistoryEntry::between(key(), None, Some(&v1), &Stamp::now()).expect("c");
        assert_eq!(created.revert(Some(&v1), &Stamp::now()), Ok(None));
        assert!(created.revert(Some(&v2), &Stamp::now()).is_err());
    }
}
