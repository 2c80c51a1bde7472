//! One unit's evaluation for one title in one year: what was scored, under which
//! criteria set, how far it has gone towards recognition, and who last changed it.

use super::{Title, UnitId, Year};
use chrono::{NaiveDate, NaiveDateTime};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Identifies an evaluation. Ordered by year first so a year's evaluations are one range.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct EvaluationKey {
    pub year: Year,
    pub title: Title,
    pub unit: UnitId,
}

/// The value entered for one indicator. An indicator not yet scored has no value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorValue {
    Points(u16),
    /// Đạt (true) or Không đạt (false).
    Pass(bool),
}

impl IndicatorValue {
    /// How the value is written in lists, CSV and reports: points as digits, Đ / K.
    pub fn display(self) -> String {
        match self {
            IndicatorValue::Points(p) => p.to_string(),
            IndicatorValue::Pass(true) => "Đ".into(),
            IndicatorValue::Pass(false) => "K".into(),
        }
    }
}

/// How far an evaluation has gone in the yearly workflow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Stage {
    Registered,
    SelfAssessed,
    Reviewed,
    Recognised,
    NotRecognised,
}

impl Stage {
    pub const ALL: [Stage; 5] = [
        Stage::Registered,
        Stage::SelfAssessed,
        Stage::Reviewed,
        Stage::Recognised,
        Stage::NotRecognised,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Stage::Registered => "Đã đăng ký",
            Stage::SelfAssessed => "Đã tự đánh giá",
            Stage::Reviewed => "Đã thẩm định",
            Stage::Recognised => "Đã công nhận",
            Stage::NotRecognised => "Không công nhận",
        }
    }

    /// Whether a decision has been taken on the evaluation.
    pub fn is_decided(self) -> bool {
        matches!(self, Stage::Recognised | Stage::NotRecognised)
    }
}

/// The commune People's Committee chairman's decision on recognition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Decision {
    pub number: String,
    #[serde(with = "super::compact::date")]
    pub date: NaiveDate,
}

/// Who changed a record and when (the officer's name and the OS account, or the
/// account alone: see [`super::who`]; local time).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Stamp {
    pub user: String,
    #[serde(with = "super::compact::datetime")]
    pub at: NaiveDateTime,
}

impl Stamp {
    /// A stamp for now, by the user running the program.
    pub fn now() -> Stamp {
        Stamp::by(None)
    }

    /// A stamp for now, by the named officer (see [`super::who`]).
    pub fn by(officer: Option<&str>) -> Stamp {
        Stamp {
            user: super::who(officer),
            at: chrono::Local::now().naive_local(),
        }
    }
}

/// The OS user name, for "who changed it". Environment variables are enough: the register
/// is a single-office tool, not an audit system against a hostile user.
pub fn current_user() -> String {
    ["USER", "USERNAME", "LOGNAME"]
        .iter()
        .find_map(|v| std::env::var(v).ok().filter(|s| !s.is_empty()))
        .unwrap_or_else(|| "(không rõ)".into())
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Evaluation {
    #[serde(with = "super::compact::opt_date")]
    pub registered_on: Option<NaiveDate>,
    /// The criteria set the evaluation is scored under, and the hash of its content: the
    /// register keeps that exact version, so later edits of the set never rescore it.
    pub criteria_id: String,
    pub criteria_hash: String,
    /// Values by indicator code; an absent code is not yet scored.
    pub values: BTreeMap<String, IndicatorValue>,
    pub stage: Stage,
    pub decision: Option<Decision>,
    /// Why a unit that does not pass was recognised anyway (an explicit override).
    pub override_reason: Option<String>,
    pub stamp: Stamp,
    pub note: String,
}

impl Evaluation {
    /// A fresh registration under the given criteria set.
    pub fn register(
        criteria_id: &str,
        criteria_hash: &str,
        on: Option<NaiveDate>,
        stamp: Stamp,
    ) -> Evaluation {
        Evaluation {
            registered_on: on,
            criteria_id: criteria_id.into(),
            criteria_hash: criteria_hash.into(),
            values: BTreeMap::new(),
            stage: Stage::Registered,
            decision: None,
            override_reason: None,
            stamp,
            note: String::new(),
        }
    }
}
