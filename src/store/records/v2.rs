//! Format version 2 of the records that changed in schema 4, frozen like
//! [`super::v1`]: never edit a type here; a change is a new version (`v3.rs`).
//!
//! Only the target changed: it carries its **basis** (what its percentage is taken of:
//! all units, registered over all, recognised over registered). Every other record is
//! still written as version 1. The golden register `schema4.redb` pins these bytes.

use super::date_of;
use super::v1::{Invalid, MeasureV1, ResolutionRefV1};
use crate::model::{self, Basis, Target};
use serde::{Deserialize, Serialize};

/// The basis of a target, by variant index (stored order; never reorder).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum BasisV2 {
    Total,
    Registered,
    OfRegistered,
}

impl From<Basis> for BasisV2 {
    fn from(b: Basis) -> BasisV2 {
        match b {
            Basis::Total => BasisV2::Total,
            Basis::Registered => BasisV2::Registered,
            Basis::OfRegistered => BasisV2::OfRegistered,
        }
    }
}

impl From<BasisV2> for Basis {
    fn from(b: BasisV2) -> Basis {
        match b {
            BasisV2::Total => Basis::Total,
            BasisV2::Registered => Basis::Registered,
            BasisV2::OfRegistered => Basis::OfRegistered,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TargetV2 {
    pub measure: MeasureV1,
    pub basis: BasisV2,
    pub milestone: u16,
    pub percent_tenths: u16,
    pub resolution: ResolutionRefV1,
}

// Written by schemas 4–5 only; read since (schema 6 writes [`super::v4::TargetV3`]).

impl TryFrom<TargetV2> for Target {
    type Error = Invalid;

    fn try_from(t: TargetV2) -> Result<Target, Invalid> {
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
