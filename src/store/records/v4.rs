//! The records that changed in schema 6, frozen like [`super::v1`]: a CDHT evaluation
//! records the holder's **digital skills** (chưa / có / thành thạo, or not recorded), and
//! targets can be set on the two digital-skills measures.
//!
//! - evaluation, version 2: the version-1 fields unchanged, then the skills;
//! - history entry, version 2: created and removed evaluations as version 2, and a change
//!   of the skills beside the version-1 field changes;
//! - target, version 3: the measure as [`MeasureV3`] (eight measures), the rest as
//!   [`super::v2::TargetV2`].
//!
//! Units, criteria sets (version 2, [`super::v3`]) and the commune are unchanged. The
//! golden register `schema6.redb` pins these bytes. Frozen: never edit these types; a
//! further change is `v5.rs`.

use super::v1::{
    self, EvaluationKeyV1, EvaluationV1, FieldChangeV1, Invalid, ResolutionRefV1, StampV1,
};
use super::v2::BasisV2;
use super::{date_of, days_of};
use crate::model::{self, DigitalSkills, Evaluation, Measure, Target};
use crate::model::{EvaluationChange, FieldChange, HistoryEntry};
use serde::{Deserialize, Serialize};

/// Digital skills by variant index (stored order; never reorder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DigitalSkillsV2 {
    Chua,
    Co,
    ThanhThao,
}

impl From<DigitalSkills> for DigitalSkillsV2 {
    fn from(s: DigitalSkills) -> DigitalSkillsV2 {
        match s {
            DigitalSkills::Chua => DigitalSkillsV2::Chua,
            DigitalSkills::Co => DigitalSkillsV2::Co,
            DigitalSkills::ThanhThao => DigitalSkillsV2::ThanhThao,
        }
    }
}

impl From<DigitalSkillsV2> for DigitalSkills {
    fn from(s: DigitalSkillsV2) -> DigitalSkills {
        match s {
            DigitalSkillsV2::Chua => DigitalSkills::Chua,
            DigitalSkillsV2::Co => DigitalSkills::Co,
            DigitalSkillsV2::ThanhThao => DigitalSkills::ThanhThao,
        }
    }
}

// ----------------------------------------------------------------------- evaluations

/// An evaluation: the version-1 record, then the holder's digital skills (`None`: not
/// recorded; always `None` for titles other than CDHT).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationV2 {
    pub evaluation: EvaluationV1,
    pub digital_skills: Option<DigitalSkillsV2>,
}

impl From<&Evaluation> for EvaluationV2 {
    fn from(e: &Evaluation) -> EvaluationV2 {
        EvaluationV2 {
            evaluation: EvaluationV1::from(e),
            digital_skills: e.digital_skills.map(Into::into),
        }
    }
}

impl TryFrom<EvaluationV2> for Evaluation {
    type Error = Invalid;

    fn try_from(v: EvaluationV2) -> Result<Evaluation, Invalid> {
        let mut e = Evaluation::try_from(v.evaluation)?;
        e.digital_skills = v.digital_skills.map(Into::into);
        Ok(e)
    }
}

// --------------------------------------------------------------------------- history

/// A field change: any of version 1, or the digital skills.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldChangeV2 {
    V1(FieldChangeV1),
    DigitalSkills {
        old: Option<DigitalSkillsV2>,
        new: Option<DigitalSkillsV2>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvaluationChangeV2 {
    Created(EvaluationV2),
    Removed(EvaluationV2),
    Edited(Vec<FieldChangeV2>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntryV2 {
    pub key: EvaluationKeyV1,
    pub stamp: StampV1,
    pub change: EvaluationChangeV2,
}

fn field_v2(f: &FieldChange) -> FieldChangeV2 {
    match f {
        FieldChange::DigitalSkills { old, new } => FieldChangeV2::DigitalSkills {
            old: old.map(Into::into),
            new: new.map(Into::into),
        },
        other => match v1::field_v1(other) {
            Some(v) => FieldChangeV2::V1(v),
            // `field_v1` declines the digital skills only, matched above.
            None => FieldChangeV2::DigitalSkills {
                old: None,
                new: None,
            },
        },
    }
}

fn field_model(f: FieldChangeV2) -> Result<FieldChange, Invalid> {
    match f {
        FieldChangeV2::V1(v) => v1::field_model(v),
        FieldChangeV2::DigitalSkills { old, new } => Ok(FieldChange::DigitalSkills {
            old: old.map(Into::into),
            new: new.map(Into::into),
        }),
    }
}

impl From<&HistoryEntry> for HistoryEntryV2 {
    fn from(h: &HistoryEntry) -> HistoryEntryV2 {
        HistoryEntryV2 {
            key: EvaluationKeyV1 {
                year: h.key.year,
                title: h.key.title.into(),
                unit: h.key.unit,
            },
            stamp: v1::stamp_v1(&h.stamp),
            change: match &h.change {
                EvaluationChange::Created(e) => EvaluationChangeV2::Created(e.into()),
                EvaluationChange::Removed(e) => EvaluationChangeV2::Removed(e.into()),
                EvaluationChange::Edited(fields) => {
                    EvaluationChangeV2::Edited(fields.iter().map(field_v2).collect())
                }
            },
        }
    }
}

impl TryFrom<HistoryEntryV2> for HistoryEntry {
    type Error = Invalid;

    fn try_from(h: HistoryEntryV2) -> Result<HistoryEntry, Invalid> {
        Ok(HistoryEntry {
            key: model::EvaluationKey {
                year: h.key.year,
                title: h.key.title.into(),
                unit: h.key.unit,
            },
            stamp: v1::stamp_model(h.stamp)?,
            change: match h.change {
                EvaluationChangeV2::Created(e) => EvaluationChange::Created(e.try_into()?),
                EvaluationChangeV2::Removed(e) => EvaluationChange::Removed(e.try_into()?),
                EvaluationChangeV2::Edited(fields) => EvaluationChange::Edited(
                    fields
                        .into_iter()
                        .map(field_model)
                        .collect::<Result<_, _>>()?,
                ),
            },
        })
    }
}

// --------------------------------------------------------------------------- targets

/// The eight measures of schema 6, by variant index (stored order; never reorder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeasureV3 {
    GiaDinh,
    DongHo,
    CongDong,
    DonVi,
    CongDanCongDong,
    CongDanDonVi,
    KyNangSo,
    ThanhThaoKyNangSo,
}

impl From<Measure> for MeasureV3 {
    fn from(m: Measure) -> MeasureV3 {
        match m {
            Measure::GiaDinh => MeasureV3::GiaDinh,
            Measure::DongHo => MeasureV3::DongHo,
            Measure::CongDong => MeasureV3::CongDong,
            Measure::DonVi => MeasureV3::DonVi,
            Measure::CongDanCongDong => MeasureV3::CongDanCongDong,
            Measure::CongDanDonVi => MeasureV3::CongDanDonVi,
            Measure::KyNangSo => MeasureV3::KyNangSo,
            Measure::ThanhThaoKyNangSo => MeasureV3::ThanhThaoKyNangSo,
        }
    }
}

impl From<MeasureV3> for Measure {
    fn from(m: MeasureV3) -> Measure {
        match m {
            MeasureV3::GiaDinh => Measure::GiaDinh,
            MeasureV3::DongHo => Measure::DongHo,
            MeasureV3::CongDong => Measure::CongDong,
            MeasureV3::DonVi => Measure::DonVi,
            MeasureV3::CongDanCongDong => Measure::CongDanCongDong,
            MeasureV3::CongDanDonVi => Measure::CongDanDonVi,
            MeasureV3::KyNangSo => Measure::KyNangSo,
            MeasureV3::ThanhThaoKyNangSo => Measure::ThanhThaoKyNangSo,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetV3 {
    pub measure: MeasureV3,
    pub basis: BasisV2,
    pub milestone: u16,
    pub percent_tenths: u16,
    pub resolution: ResolutionRefV1,
}

impl From<&Target> for TargetV3 {
    fn from(t: &Target) -> TargetV3 {
        TargetV3 {
            measure: t.measure.into(),
            basis: t.basis.into(),
            milestone: t.milestone,
            percent_tenths: t.percent_tenths,
            resolution: ResolutionRefV1 {
                number: t.resolution.number.clone(),
                date: t.resolution.date.map(days_of),
                body: t.resolution.body.clone(),
            },
        }
    }
}

impl TryFrom<TargetV3> for Target {
    type Error = Invalid;

    fn try_from(t: TargetV3) -> Result<Target, Invalid> {
        let date = t
            .resolution
            .date
            .map(|d| date_of(d).ok_or_else(|| "ngày nằm ngoài phạm vi".to_string()))
            .transpose()?;
        Ok(Target {
            measure: t.measure.into(),
            basis: t.basis.into(),
            milestone: t.milestone,
            percent_tenths: t.percent_tenths,
            resolution: model::ResolutionRef {
                number: t.resolution.number,
                date,
                body: t.resolution.body,
            },
        })
    }
}
