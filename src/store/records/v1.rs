//! Format version 1 of every stored record, frozen: these types serialise to exactly the
//! bytes the register has held since schema 1 (postcard: fields in order, enum variants
//! by index, integers as varints, dates as days and times as seconds since 1970). Never
//! edit a type here — not a field's name, order or type, not a variant's position; a
//! change is a new version (`v2.rs`). The golden register `schema1.redb` proves these
//! bytes unchanged.

use super::{date_of, days_of, seconds_of, time_of};
use crate::criteria::{self, CriteriaSet};
use crate::model::{self, Evaluation, Target, Unit};
use crate::model::{EvaluationChange, FieldChange, HistoryEntry};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// A conversion from stored bytes that decoded but do not make a valid model value.
pub type Invalid = String;

/// A fieldless enum frozen beside its model twin, with conversions both ways: the
/// variants are listed in stored order (their index is what postcard writes).
macro_rules! frozen_enum {
    ($v1:ident <-> $model:path { $($variant:ident),+ $(,)? }) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
        pub enum $v1 {
            $($variant),+
        }

        impl From<$v1> for $model {
            fn from(v: $v1) -> $model {
                use $model as M;
                match v {
                    $($v1::$variant => M::$variant),+
                }
            }
        }

        impl From<$model> for $v1 {
            fn from(m: $model) -> $v1 {
                use $model as M;
                match m {
                    $(M::$variant => $v1::$variant),+
                }
            }
        }
    };
}

frozen_enum!(CommunityKindV1 <-> model::CommunityKind { Thon, Xom, Ban, Ap, ToDanPho, KhuPho });
frozen_enum!(OrgKindV1 <-> model::OrgKind {
    CoQuan, TruongHoc, DoanhNghiep, HopTacXa, CoSoSanXuat, LucLuongVuTrang, Khac
});
frozen_enum!(GenderV1 <-> model::Gender { Nam, Nu, Khac });
frozen_enum!(StageV1 <-> model::Stage {
    Registered, SelfAssessed, Reviewed, Recognised, NotRecognised
});
frozen_enum!(TitleV1 <-> model::Title { GiaDinh, DongHo, CongDong, DonVi, CongDan });
/// The six measures of schemas 1–5. Read only since schema 6, whose two digital-skills
/// measures version 1 cannot hold: targets are written as [`super::v4::TargetV3`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum MeasureV1 {
    GiaDinh,
    DongHo,
    CongDong,
    DonVi,
    CongDanCongDong,
    CongDanDonVi,
}

impl From<MeasureV1> for model::Measure {
    fn from(v: MeasureV1) -> model::Measure {
        use model::Measure as M;
        match v {
            MeasureV1::GiaDinh => M::GiaDinh,
            MeasureV1::DongHo => M::DongHo,
            MeasureV1::CongDong => M::CongDong,
            MeasureV1::DonVi => M::DonVi,
            MeasureV1::CongDanCongDong => M::CongDanCongDong,
            MeasureV1::CongDanDonVi => M::CongDanDonVi,
        }
    }
}
frozen_enum!(ScopeV1 <-> criteria::Scope { Commune, AboveCommune });
frozen_enum!(SetStatusV1 <-> criteria::Status { Verified, Provisional });
frozen_enum!(IndicatorKindV1 <-> criteria::IndicatorKind { Points, PassFail });

// ----------------------------------------------------------------------------- units

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitMetaV1 {
    pub code: String,
    pub entered: u16,
    pub left: Option<u16>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommunityV1 {
    pub meta: UnitMetaV1,
    pub name: String,
    pub kind: CommunityKindV1,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HouseholdV1 {
    pub meta: UnitMetaV1,
    pub head_name: String,
    pub community: u32,
    pub clan: Option<u32>,
    pub members: u16,
    pub adults: u16,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ClanV1 {
    pub meta: UnitMetaV1,
    pub name: String,
    pub branch: Option<String>,
    pub head: String,
    pub note: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationV1 {
    pub meta: UnitMetaV1,
    pub name: String,
    pub kind: OrgKindV1,
    pub staff: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AffiliationV1 {
    Household(u32),
    Organisation(u32),
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CitizenV1 {
    pub meta: UnitMetaV1,
    pub full_name: String,
    pub birth_year: Option<u16>,
    pub gender: GenderV1,
    pub affiliation: AffiliationV1,
    pub target_group: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum UnitV1 {
    Community(CommunityV1),
    Household(HouseholdV1),
    Clan(ClanV1),
    Organisation(OrganisationV1),
    Citizen(CitizenV1),
}

fn meta_v1(m: &model::UnitMeta) -> UnitMetaV1 {
    UnitMetaV1 {
        code: m.code.clone(),
        entered: m.entered,
        left: m.left,
    }
}

fn meta_model(m: UnitMetaV1) -> model::UnitMeta {
    model::UnitMeta {
        code: m.code,
        entered: m.entered,
        left: m.left,
    }
}

impl From<&Unit> for UnitV1 {
    fn from(unit: &Unit) -> UnitV1 {
        match unit {
            Unit::Community(c) => UnitV1::Community(CommunityV1 {
                meta: meta_v1(&c.meta),
                name: c.name.clone(),
                kind: c.kind.into(),
            }),
            Unit::Household(h) => UnitV1::Household(HouseholdV1 {
                meta: meta_v1(&h.meta),
                head_name: h.head_name.clone(),
                community: h.community,
                clan: h.clan,
                members: h.members,
                adults: h.adults,
                address: h.address.clone(),
            }),
            Unit::Clan(c) => UnitV1::Clan(ClanV1 {
                meta: meta_v1(&c.meta),
                name: c.name.clone(),
                branch: c.branch.clone(),
                head: c.head.clone(),
                note: c.note.clone(),
            }),
            Unit::Organisation(o) => UnitV1::Organisation(OrganisationV1 {
                meta: meta_v1(&o.meta),
                name: o.name.clone(),
                kind: o.kind.into(),
                staff: o.staff,
            }),
            Unit::Citizen(c) => UnitV1::Citizen(CitizenV1 {
                meta: meta_v1(&c.meta),
                full_name: c.full_name.clone(),
                birth_year: c.birth_year,
                gender: c.gender.into(),
                affiliation: match c.affiliation {
                    model::Affiliation::Household(id) => AffiliationV1::Household(id),
                    model::Affiliation::Organisation(id) => AffiliationV1::Organisation(id),
                    model::Affiliation::None => AffiliationV1::None,
                },
                target_group: c.target_group,
            }),
        }
    }
}

impl From<UnitV1> for Unit {
    fn from(unit: UnitV1) -> Unit {
        match unit {
            UnitV1::Community(c) => Unit::Community(model::Community {
                meta: meta_model(c.meta),
                name: c.name,
                kind: c.kind.into(),
            }),
            UnitV1::Household(h) => Unit::Household(model::Household {
                meta: meta_model(h.meta),
                head_name: h.head_name,
                community: h.community,
                clan: h.clan,
                members: h.members,
                adults: h.adults,
                address: h.address,
            }),
            UnitV1::Clan(c) => Unit::Clan(model::Clan {
                meta: meta_model(c.meta),
                name: c.name,
                branch: c.branch,
                head: c.head,
                note: c.note,
            }),
            UnitV1::Organisation(o) => Unit::Organisation(model::Organisation {
                meta: meta_model(o.meta),
                name: o.name,
                kind: o.kind.into(),
                staff: o.staff,
            }),
            UnitV1::Citizen(c) => Unit::Citizen(model::Citizen {
                meta: meta_model(c.meta),
                full_name: c.full_name,
                birth_year: c.birth_year,
                gender: c.gender.into(),
                affiliation: match c.affiliation {
                    AffiliationV1::Household(id) => model::Affiliation::Household(id),
                    AffiliationV1::Organisation(id) => model::Affiliation::Organisation(id),
                    AffiliationV1::None => model::Affiliation::None,
                },
                target_group: c.target_group,
            }),
        }
    }
}

// ----------------------------------------------------------------------- evaluations

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorValueV1 {
    Points(u16),
    Pass(bool),
}

impl From<model::IndicatorValue> for IndicatorValueV1 {
    fn from(v: model::IndicatorValue) -> IndicatorValueV1 {
        match v {
            model::IndicatorValue::Points(p) => IndicatorValueV1::Points(p),
            model::IndicatorValue::Pass(b) => IndicatorValueV1::Pass(b),
        }
    }
}

impl From<IndicatorValueV1> for model::IndicatorValue {
    fn from(v: IndicatorValueV1) -> model::IndicatorValue {
        match v {
            IndicatorValueV1::Points(p) => model::IndicatorValue::Points(p),
            IndicatorValueV1::Pass(b) => model::IndicatorValue::Pass(b),
        }
    }
}

/// A decision; its date as days since 1970-01-01.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DecisionV1 {
    pub number: String,
    pub date: i32,
}

/// Who changed a record; the local wall-clock time as seconds since 1970-01-01 00:00.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StampV1 {
    pub user: String,
    pub at: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationV1 {
    /// Days since 1970-01-01.
    pub registered_on: Option<i32>,
    pub criteria_id: String,
    pub criteria_hash: String,
    pub values: BTreeMap<String, IndicatorValueV1>,
    pub stage: StageV1,
    pub decision: Option<DecisionV1>,
    pub override_reason: Option<String>,
    pub stamp: StampV1,
    pub note: String,
}

/// The leading fields of [`EvaluationV1`], up to its criteria version: enough to count
/// which sets a year is scored under without decoding every value.
#[derive(Debug, Clone, Deserialize)]
pub struct EvaluationHeadV1 {
    pub _registered_on: Option<i32>,
    pub _criteria_id: String,
    pub criteria_hash: String,
}

pub(super) fn date_model(days: i32) -> Result<chrono::NaiveDate, Invalid> {
    date_of(days).ok_or_else(|| "ngày nằm ngoài phạm vi".to_string())
}

pub(super) fn opt_date_model(days: Option<i32>) -> Result<Option<chrono::NaiveDate>, Invalid> {
    days.map(date_model).transpose()
}

pub(super) fn decision_v1(d: &model::Decision) -> DecisionV1 {
    DecisionV1 {
        number: d.number.clone(),
        date: days_of(d.date),
    }
}

pub(super) fn decision_model(d: DecisionV1) -> Result<model::Decision, Invalid> {
    Ok(model::Decision {
        number: d.number,
        date: date_model(d.date)?,
    })
}

pub(super) fn stamp_v1(s: &model::Stamp) -> StampV1 {
    StampV1 {
        user: s.user.clone(),
        at: seconds_of(s.at),
    }
}

pub(super) fn stamp_model(s: StampV1) -> Result<model::Stamp, Invalid> {
    Ok(model::Stamp {
        user: s.user,
        at: time_of(s.at).ok_or_else(|| "thời điểm nằm ngoài phạm vi".to_string())?,
    })
}

impl From<&Evaluation> for EvaluationV1 {
    fn from(e: &Evaluation) -> EvaluationV1 {
        EvaluationV1 {
            registered_on: e.registered_on.map(days_of),
            criteria_id: e.criteria_id.clone(),
            criteria_hash: e.criteria_hash.clone(),
            values: e
                .values
                .iter()
                .map(|(code, v)| (code.clone(), (*v).into()))
                .collect(),
            stage: e.stage.into(),
            decision: e.decision.as_ref().map(decision_v1),
            override_reason: e.override_reason.clone(),
            stamp: stamp_v1(&e.stamp),
            note: e.note.clone(),
        }
    }
}

impl TryFrom<EvaluationV1> for Evaluation {
    type Error = Invalid;

    fn try_from(e: EvaluationV1) -> Result<Evaluation, Invalid> {
        Ok(Evaluation {
            registered_on: opt_date_model(e.registered_on)?,
            criteria_id: e.criteria_id,
            criteria_hash: e.criteria_hash,
            values: e
                .values
                .into_iter()
                .map(|(code, v)| (code, v.into()))
                .collect(),
            stage: e.stage.into(),
            decision: e.decision.map(decision_model).transpose()?,
            override_reason: e.override_reason,
            stamp: stamp_model(e.stamp)?,
            note: e.note,
            // Version 1 has no digital skills: not recorded.
            digital_skills: None,
        })
    }
}

// --------------------------------------------------------------------------- history

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationKeyV1 {
    pub year: u16,
    pub title: TitleV1,
    pub unit: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntryV1 {
    pub key: EvaluationKeyV1,
    pub stamp: StampV1,
    pub change: EvaluationChangeV1,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum EvaluationChangeV1 {
    Created(EvaluationV1),
    Removed(EvaluationV1),
    Edited(Vec<FieldChangeV1>),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum FieldChangeV1 {
    Value {
        code: String,
        old: Option<IndicatorValueV1>,
        new: Option<IndicatorValueV1>,
    },
    Stage {
        old: StageV1,
        new: StageV1,
    },
    Decision {
        old: Option<DecisionV1>,
        new: Option<DecisionV1>,
    },
    OverrideReason {
        old: Option<String>,
        new: Option<String>,
    },
    Note {
        old: String,
        new: String,
    },
    /// Days since 1970-01-01.
    RegisteredOn {
        old: Option<i32>,
        new: Option<i32>,
    },
    /// (criteria id, criteria hash).
    Criteria {
        old: (String, String),
        new: (String, String),
    },
}

/// A change as version 1 writes it; `None` for the digital skills (schema 6), which
/// version 1 cannot hold — [`super::v4::FieldChangeV2`] writes those.
pub(super) fn field_v1(f: &FieldChange) -> Option<FieldChangeV1> {
    Some(match f {
        FieldChange::Value { code, old, new } => FieldChangeV1::Value {
            code: code.clone(),
            old: old.map(Into::into),
            new: new.map(Into::into),
        },
        FieldChange::Stage { old, new } => FieldChangeV1::Stage {
            old: (*old).into(),
            new: (*new).into(),
        },
        FieldChange::Decision { old, new } => FieldChangeV1::Decision {
            old: old.as_ref().map(decision_v1),
            new: new.as_ref().map(decision_v1),
        },
        FieldChange::OverrideReason { old, new } => FieldChangeV1::OverrideReason {
            old: old.clone(),
            new: new.clone(),
        },
        FieldChange::Note { old, new } => FieldChangeV1::Note {
            old: old.clone(),
            new: new.clone(),
        },
        FieldChange::RegisteredOn { old, new } => FieldChangeV1::RegisteredOn {
            old: old.map(days_of),
            new: new.map(days_of),
        },
        FieldChange::Criteria { old, new } => FieldChangeV1::Criteria {
            old: old.clone(),
            new: new.clone(),
        },
        FieldChange::DigitalSkills { .. } => return None,
    })
}

pub(super) fn field_model(f: FieldChangeV1) -> Result<FieldChange, Invalid> {
    Ok(match f {
        FieldChangeV1::Value { code, old, new } => FieldChange::Value {
            code,
            old: old.map(Into::into),
            new: new.map(Into::into),
        },
        FieldChangeV1::Stage { old, new } => FieldChange::Stage {
            old: old.into(),
            new: new.into(),
        },
        FieldChangeV1::Decision { old, new } => FieldChange::Decision {
            old: old.map(decision_model).transpose()?,
            new: new.map(decision_model).transpose()?,
        },
        FieldChangeV1::OverrideReason { old, new } => FieldChange::OverrideReason { old, new },
        FieldChangeV1::Note { old, new } => FieldChange::Note { old, new },
        FieldChangeV1::RegisteredOn { old, new } => FieldChange::RegisteredOn {
            old: opt_date_model(old)?,
            new: opt_date_model(new)?,
        },
        FieldChangeV1::Criteria { old, new } => FieldChange::Criteria { old, new },
    })
}

// Since schema 6 history is written as [`super::v4::HistoryEntryV2`]; version 1 is only
// read.

impl TryFrom<HistoryEntryV1> for HistoryEntry {
    type Error = Invalid;

    fn try_from(h: HistoryEntryV1) -> Result<HistoryEntry, Invalid> {
        Ok(HistoryEntry {
            key: model::EvaluationKey {
                year: h.key.year,
                title: h.key.title.into(),
                unit: h.key.unit,
            },
            stamp: stamp_model(h.stamp)?,
            change: match h.change {
                EvaluationChangeV1::Created(e) => EvaluationChange::Created(e.try_into()?),
                EvaluationChangeV1::Removed(e) => EvaluationChange::Removed(e.try_into()?),
                EvaluationChangeV1::Edited(fields) => EvaluationChange::Edited(
                    fields
                        .into_iter()
                        .map(field_model)
                        .collect::<Result<_, _>>()?,
                ),
            },
        })
    }
}

// -------------------------------------------------------------------------- criteria

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndicatorV1 {
    pub code: String,
    pub text: String,
    pub kind: IndicatorKindV1,
    pub max: u16,
    pub floor: Option<u16>,
    pub mandatory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriterionV1 {
    pub code: String,
    pub name: String,
    pub min_total: Option<u16>,
    pub indicators: Vec<IndicatorV1>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct GradeV1 {
    pub name: String,
    pub min_total: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaSetV1 {
    pub id: String,
    pub title: TitleV1,
    pub name: String,
    pub valid_from: u16,
    pub valid_to: Option<u16>,
    pub scope: ScopeV1,
    pub source: String,
    pub status: SetStatusV1,
    pub status_note: String,
    pub min_total: Option<u16>,
    pub grades: Vec<GradeV1>,
    pub criteria: Vec<CriterionV1>,
}

impl From<&CriteriaSet> for CriteriaSetV1 {
    fn from(s: &CriteriaSet) -> CriteriaSetV1 {
        CriteriaSetV1 {
            id: s.id.clone(),
            title: s.title.into(),
            name: s.name.clone(),
            valid_from: s.valid_from,
            valid_to: s.valid_to,
            scope: s.scope.into(),
            source: s.source.clone(),
            status: s.status.into(),
            status_note: s.status_note.clone(),
            min_total: s.min_total,
            grades: s
                .grades
                .iter()
                .map(|g| GradeV1 {
                    name: g.name.clone(),
                    min_total: g.min_total,
                })
                .collect(),
            criteria: s
                .criteria
                .iter()
                .map(|c| CriterionV1 {
                    code: c.code.clone(),
                    name: c.name.clone(),
                    min_total: c.min_total,
                    indicators: c
                        .indicators
                        .iter()
                        .map(|i| IndicatorV1 {
                            code: i.code.clone(),
                            text: i.text.clone(),
                            kind: i.kind.into(),
                            max: i.max,
                            floor: i.floor,
                            mandatory: i.mandatory,
                        })
                        .collect(),
                })
                .collect(),
        }
    }
}

impl From<CriteriaSetV1> for CriteriaSet {
    fn from(s: CriteriaSetV1) -> CriteriaSet {
        CriteriaSet {
            id: s.id,
            title: s.title.into(),
            name: s.name,
            valid_from: s.valid_from,
            valid_to: s.valid_to,
            scope: s.scope.into(),
            source: s.source,
            status: s.status.into(),
            status_note: s.status_note,
            min_total: s.min_total,
            grades: s
                .grades
                .into_iter()
                .map(|g| criteria::Grade {
                    name: g.name,
                    min_total: g.min_total,
                })
                .collect(),
            criteria: s
                .criteria
                .into_iter()
                .map(|c| criteria::Criterion {
                    code: c.code,
                    name: c.name,
                    min_total: c.min_total,
                    indicators: c
                        .indicators
                        .into_iter()
                        .map(|i| criteria::Indicator {
                            code: i.code,
                            text: i.text,
                            kind: i.kind.into(),
                            max: i.max,
                            floor: i.floor,
                            mandatory: i.mandatory,
                        })
                        .collect(),
                })
                .collect(),
            entry: None,
        }
    }
}

/// The identity schema 1 gave a criteria set: 16 hex digits of SHA-256 over the postcard
/// bytes of [`CriteriaSetV1`] (with no version tag). Registers of schema 1 key their
/// stored sets and their evaluations by it; migration 001 replaces it with the canonical
/// hash, and archives written by schema 1 are recognised by it.
pub fn legacy_content_hash(set: &CriteriaSet) -> String {
    let bytes = postcard::to_stdvec(&CriteriaSetV1::from(set)).unwrap_or_default();
    Sha256::digest(&bytes)
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

// ------------------------------------------------------------------ targets, commune

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionRefV1 {
    pub number: String,
    /// Days since 1970-01-01.
    pub date: Option<i32>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetV1 {
    pub measure: MeasureV1,
    pub milestone: u16,
    pub percent_tenths: u16,
    pub resolution: ResolutionRefV1,
}

// Written by schemas 1–3 only; read since.

impl TryFrom<TargetV1> for Target {
    type Error = Invalid;

    fn try_from(t: TargetV1) -> Result<Target, Invalid> {
        Ok(Target {
            measure: t.measure.into(),
            // Version 1 knew one basis only: recognised over all units.
            basis: model::Basis::Total,
            milestone: t.milestone,
            percent_tenths: t.percent_tenths,
            resolution: model::ResolutionRef {
                number: t.resolution.number,
                date: opt_date_model(t.resolution.date)?,
                body: t.resolution.body,
            },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommuneV1 {
    pub name: String,
    pub province: String,
}

impl From<&model::Commune> for CommuneV1 {
    fn from(c: &model::Commune) -> CommuneV1 {
        CommuneV1 {
            name: c.name.clone(),
            province: c.province.clone(),
        }
    }
}

impl From<CommuneV1> for model::Commune {
    fn from(c: CommuneV1) -> model::Commune {
        model::Commune {
            name: c.name,
            province: c.province,
        }
    }
}
