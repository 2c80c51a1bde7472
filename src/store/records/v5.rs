//! The records that changed in schema 7, frozen like [`super::v1`]: evaluations and their
//! history in a **compact** form, about a quarter of the bytes of version 2.
//!
//! - evaluation, version 3 ([`EvaluationV3`]): the criteria version as a small index into
//!   the table `criteria_refs_v1` (a [`CriteriaRefV1`]: criteria id, content hash and the
//!   codes of its indicators in order), the values **by position** in that list (one
//!   varint slot each, [`slot_of`]), and the repeated texts — who saved it, the decision
//!   number, the note, the override reason — as numbers into the table `strings_v1`;
//! - history entry, version 3 ([`HistoryEntryV3`]): the same evaluation body for
//!   `Created` / `Removed`, with its stamp left out when it is the entry's own (as it is
//!   whenever the program writes one), and field changes with interned texts, value
//!   slots and criteria indices.
//!
//! Both tables only ever grow: an index or a text number, once written, always means the
//! same thing, so a reader may cache them for as long as the file is open. Units,
//! criteria sets, targets and the commune are unchanged. The golden register
//! `schema7.redb` pins these bytes. Frozen: never edit these types; a further change is
//! `v6.rs`.

use super::v1::{EvaluationKeyV1, IndicatorValueV1, Invalid, StageV1};
use super::v4::DigitalSkillsV2;
use super::{days_of, seconds_of, time_of};
use crate::model::{self, Evaluation, IndicatorValue};
use crate::model::{EvaluationChange, FieldChange, HistoryEntry};
use crate::store::StoreError;
use crate::store::dictionary::{Interner, Names};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A number in the table `strings_v1`.
pub type TextId = u32;
/// A number in the table `criteria_refs_v1`.
pub type SetIndex = u16;

/// One row of `criteria_refs_v1` (record version 1 of its own): the criteria version an
/// evaluation is scored under, and the codes its value slots stand for, in order (the
/// indicators of the stored set when the row was made; none when the register held no
/// copy of it, and then every value is kept by its code). Never changed once written.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaRefV1 {
    pub id: String,
    pub hash: String,
    pub codes: Vec<String>,
}

/// Who changed a record: the text number of the user, the wall-clock time as in v1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct StampV3 {
    pub user: TextId,
    pub at: i64,
}

/// A decision: the text number of its number, its date as days since 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionV3 {
    pub number: TextId,
    pub date: i32,
}

/// An evaluation but for its stamp.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationBodyV3 {
    /// Days since 1970-01-01.
    pub registered_on: Option<i32>,
    pub criteria: SetIndex,
    /// One slot per code of the criteria row, in order; trailing empty slots left out.
    pub slots: Vec<u32>,
    /// Values of codes that are not in the criteria row (data that breaks a rule, or a
    /// set the register held no copy of), kept as they are.
    pub extra: Vec<(String, IndicatorValueV1)>,
    pub stage: StageV1,
    pub decision: Option<DecisionV3>,
    pub override_reason: Option<TextId>,
    pub note: TextId,
    pub digital_skills: Option<DigitalSkillsV2>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationV3 {
    pub body: EvaluationBodyV3,
    pub stamp: StampV3,
}

/// The leading fields of [`EvaluationV3`], up to its criteria index.
#[derive(Debug, Clone, Deserialize)]
pub struct EvaluationHeadV3 {
    pub _registered_on: Option<i32>,
    pub criteria: SetIndex,
}

/// An evaluation held whole by a history entry; `stamp` is `None` when it is the entry's.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HeldEvaluationV3 {
    pub body: EvaluationBodyV3,
    pub stamp: Option<StampV3>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldChangeV3 {
    /// Values as slots ([`slot_of`]).
    Value {
        code: String,
        old: u32,
        new: u32,
    },
    Stage {
        old: StageV1,
        new: StageV1,
    },
    Decision {
        old: Option<DecisionV3>,
        new: Option<DecisionV3>,
    },
    OverrideReason {
        old: Option<TextId>,
        new: Option<TextId>,
    },
    Note {
        old: TextId,
        new: TextId,
    },
    /// Days since 1970-01-01.
    RegisteredOn {
        old: Option<i32>,
        new: Option<i32>,
    },
    Criteria {
        old: SetIndex,
        new: SetIndex,
    },
    DigitalSkills {
        old: Option<DigitalSkillsV2>,
        new: Option<DigitalSkillsV2>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvaluationChangeV3 {
    Created(HeldEvaluationV3),
    Removed(HeldEvaluationV3),
    Edited(Vec<FieldChangeV3>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntryV3 {
    pub key: EvaluationKeyV1,
    pub stamp: StampV3,
    pub change: EvaluationChangeV3,
}

// ------------------------------------------------------------------------------ slots

/// A value as one slot: 0 not scored, 1 không đạt, 2 đạt, 3 + p the points p. Points
/// below 125 take one byte.
pub fn slot_of(value: Option<IndicatorValue>) -> u32 {
    match value {
        None => 0,
        Some(IndicatorValue::Pass(false)) => 1,
        Some(IndicatorValue::Pass(true)) => 2,
        Some(IndicatorValue::Points(p)) => 3 + u32::from(p),
    }
}

/// The value of a slot; an error for a slot no value makes.
pub fn value_of(slot: u32) -> Result<Option<IndicatorValue>, Invalid> {
    Ok(match slot {
        0 => None,
        1 => Some(IndicatorValue::Pass(false)),
        2 => Some(IndicatorValue::Pass(true)),
        n => Some(IndicatorValue::Points(
            u16::try_from(n - 3).map_err(|_| format!("ô điểm {n} quá lớn"))?,
        )),
    })
}

// ------------------------------------------------------------------------ conversions

fn text(names: &dyn Names, id: TextId) -> Result<String, Invalid> {
    names.text(id).map(|t| t.to_string())
}

fn stamp_v3(s: &model::Stamp, names: &mut dyn Interner) -> Result<StampV3, StoreError> {
    Ok(StampV3 {
        user: names.text_id(&s.user)?,
        at: seconds_of(s.at),
    })
}

fn stamp_model(s: StampV3, names: &dyn Names) -> Result<model::Stamp, Invalid> {
    Ok(model::Stamp {
        user: text(names, s.user)?,
        at: time_of(s.at).ok_or_else(|| "thời điểm nằm ngoài phạm vi".to_string())?,
    })
}

fn decision_v3(d: &model::Decision, names: &mut dyn Interner) -> Result<DecisionV3, StoreError> {
    Ok(DecisionV3 {
        number: names.text_id(&d.number)?,
        date: days_of(d.date),
    })
}

fn decision_model(d: DecisionV3, names: &dyn Names) -> Result<model::Decision, Invalid> {
    Ok(model::Decision {
        number: text(names, d.number)?,
        date: super::v1::date_model(d.date)?,
    })
}

fn opt_text_id(t: Option<&String>, names: &mut dyn Interner) -> Result<Option<TextId>, StoreError> {
    t.map(|t| names.text_id(t)).transpose()
}

fn body_v3(e: &Evaluation, names: &mut dyn Interner) -> Result<EvaluationBodyV3, StoreError> {
    let (criteria, layout) = names.set_index(&e.criteria_id, &e.criteria_hash)?;
    let mut slots = vec![0u32; layout.codes.len()];
    let mut extra = Vec::new();
    for (code, value) in &e.values {
        match layout.position(code) {
            Some(i) => slots[i] = slot_of(Some(*value)),
            None => extra.push((code.clone(), (*value).into())),
        }
    }
    while slots.last() == Some(&0) {
        slots.pop();
    }
    Ok(EvaluationBodyV3 {
        registered_on: e.registered_on.map(days_of),
        criteria,
        slots,
        extra,
        stage: e.stage.into(),
        decision: e
            .decision
            .as_ref()
            .map(|d| decision_v3(d, names))
            .transpose()?,
        override_reason: opt_text_id(e.override_reason.as_ref(), names)?,
        note: names.text_id(&e.note)?,
        digital_skills: e.digital_skills.map(Into::into),
    })
}

fn body_model(
    b: EvaluationBodyV3,
    stamp: model::Stamp,
    names: &dyn Names,
) -> Result<Evaluation, Invalid> {
    let layout = names.set(b.criteria)?;
    if b.slots.len() > layout.codes.len() {
        return Err(format!(
            "{} ô điểm cho {} chỉ số của bộ tiêu chí",
            b.slots.len(),
            layout.codes.len()
        ));
    }
    let mut values = BTreeMap::new();
    for (code, slot) in layout.codes.iter().zip(&b.slots) {
        if let Some(v) = value_of(*slot)? {
            values.insert(code.clone(), v);
        }
    }
    for (code, v) in b.extra {
        values.insert(code, v.into());
    }
    Ok(Evaluation {
        registered_on: super::v1::opt_date_model(b.registered_on)?,
        criteria_id: layout.id.clone(),
        criteria_hash: layout.hash.clone(),
        values,
        stage: b.stage.into(),
        decision: b.decision.map(|d| decision_model(d, names)).transpose()?,
        override_reason: b.override_reason.map(|t| text(names, t)).transpose()?,
        stamp,
        note: text(names, b.note)?,
        digital_skills: b.digital_skills.map(Into::into),
    })
}

impl EvaluationV3 {
    pub fn of(e: &Evaluation, names: &mut dyn Interner) -> Result<EvaluationV3, StoreError> {
        Ok(EvaluationV3 {
            body: body_v3(e, names)?,
            stamp: stamp_v3(&e.stamp, names)?,
        })
    }

    pub fn into_model(self, names: &dyn Names) -> Result<Evaluation, Invalid> {
        let stamp = stamp_model(self.stamp, names)?;
        body_model(self.body, stamp, names)
    }
}

fn held_v3(
    e: &Evaluation,
    entry_stamp: &model::Stamp,
    names: &mut dyn Interner,
) -> Result<HeldEvaluationV3, StoreError> {
    Ok(HeldEvaluationV3 {
        body: body_v3(e, names)?,
        stamp: if e.stamp == *entry_stamp {
            None
        } else {
            Some(stamp_v3(&e.stamp, names)?)
        },
    })
}

fn held_model(
    h: HeldEvaluationV3,
    entry_stamp: &model::Stamp,
    names: &dyn Names,
) -> Result<Evaluation, Invalid> {
    let stamp = match h.stamp {
        Some(s) => stamp_model(s, names)?,
        None => entry_stamp.clone(),
    };
    body_model(h.body, stamp, names)
}

fn field_v3(f: &FieldChange, names: &mut dyn Interner) -> Result<FieldChangeV3, StoreError> {
    Ok(match f {
        FieldChange::Value { code, old, new } => FieldChangeV3::Value {
            code: code.clone(),
            old: slot_of(*old),
            new: slot_of(*new),
        },
        FieldChange::Stage { old, new } => FieldChangeV3::Stage {
            old: (*old).into(),
            new: (*new).into(),
        },
        FieldChange::Decision { old, new } => FieldChangeV3::Decision {
            old: old.as_ref().map(|d| decision_v3(d, names)).transpose()?,
            new: new.as_ref().map(|d| decision_v3(d, names)).transpose()?,
        },
        FieldChange::OverrideReason { old, new } => FieldChangeV3::OverrideReason {
            old: opt_text_id(old.as_ref(), names)?,
            new: opt_text_id(new.as_ref(), names)?,
        },
        FieldChange::Note { old, new } => FieldChangeV3::Note {
            old: names.text_id(old)?,
            new: names.text_id(new)?,
        },
        FieldChange::RegisteredOn { old, new } => FieldChangeV3::RegisteredOn {
            old: old.map(days_of),
            new: new.map(days_of),
        },
        FieldChange::Criteria { old, new } => FieldChangeV3::Criteria {
            old: names.set_index(&old.0, &old.1)?.0,
            new: names.set_index(&new.0, &new.1)?.0,
        },
        FieldChange::DigitalSkills { old, new } => FieldChangeV3::DigitalSkills {
            old: old.map(Into::into),
            new: new.map(Into::into),
        },
    })
}

fn field_model(f: FieldChangeV3, names: &dyn Names) -> Result<FieldChange, Invalid> {
    let pair = |index: SetIndex| -> Result<(String, String), Invalid> {
        let layout = names.set(index)?;
        Ok((layout.id.clone(), layout.hash.clone()))
    };
    let opt_text = |t: Option<TextId>| t.map(|t| text(names, t)).transpose();
    Ok(match f {
        FieldChangeV3::Value { code, old, new } => FieldChange::Value {
            code,
            old: value_of(old)?,
            new: value_of(new)?,
        },
        FieldChangeV3::Stage { old, new } => FieldChange::Stage {
            old: old.into(),
            new: new.into(),
        },
        FieldChangeV3::Decision { old, new } => FieldChange::Decision {
            old: old.map(|d| decision_model(d, names)).transpose()?,
            new: new.map(|d| decision_model(d, names)).transpose()?,
        },
        FieldChangeV3::OverrideReason { old, new } => FieldChange::OverrideReason {
            old: opt_text(old)?,
            new: opt_text(new)?,
        },
        FieldChangeV3::Note { old, new } => FieldChange::Note {
            old: text(names, old)?,
            new: text(names, new)?,
        },
        FieldChangeV3::RegisteredOn { old, new } => FieldChange::RegisteredOn {
            old: super::v1::opt_date_model(old)?,
            new: super::v1::opt_date_model(new)?,
        },
        FieldChangeV3::Criteria { old, new } => FieldChange::Criteria {
            old: pair(old)?,
            new: pair(new)?,
        },
        FieldChangeV3::DigitalSkills { old, new } => FieldChange::DigitalSkills {
            old: old.map(Into::into),
            new: new.map(Into::into),
        },
    })
}

impl HistoryEntryV3 {
    pub fn of(h: &HistoryEntry, names: &mut dyn Interner) -> Result<HistoryEntryV3, StoreError> {
        Ok(HistoryEntryV3 {
            key: EvaluationKeyV1 {
                year: h.key.year,
                title: h.key.title.into(),
                unit: h.key.unit,
            },
            stamp: stamp_v3(&h.stamp, names)?,
            change: match &h.change {
                EvaluationChange::Created(e) => {
                    EvaluationChangeV3::Created(held_v3(e, &h.stamp, names)?)
                }
                EvaluationChange::Removed(e) => {
                    EvaluationChangeV3::Removed(held_v3(e, &h.stamp, names)?)
                }
                EvaluationChange::Edited(fields) => EvaluationChangeV3::Edited(
                    fields
                        .iter()
                        .map(|f| field_v3(f, names))
                        .collect::<Result<_, _>>()?,
                ),
            },
        })
    }

    pub fn into_model(self, names: &dyn Names) -> Result<HistoryEntry, Invalid> {
        let stamp = stamp_model(self.stamp, names)?;
        let change = match self.change {
            EvaluationChangeV3::Created(e) => {
                EvaluationChange::Created(held_model(e, &stamp, names)?)
            }
            EvaluationChangeV3::Removed(e) => {
                EvaluationChange::Removed(held_model(e, &stamp, names)?)
            }
            EvaluationChangeV3::Edited(fields) => EvaluationChange::Edited(
                fields
                    .into_iter()
                    .map(|f| field_model(f, names))
                    .collect::<Result<_, _>>()?,
            ),
        };
        Ok(HistoryEntry {
            key: model::EvaluationKey {
                year: self.key.year,
                title: self.key.title.into(),
                unit: self.key.unit,
            },
            stamp,
            change,
        })
    }
}
