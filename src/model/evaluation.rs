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
    /// CDHT only: the holder's digital skills (QĐ 677/QĐ-TTg); `None` when not recorded,
    /// as for every evaluation written before schema 6 and archives without the field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub digital_skills: Option<DigitalSkills>,
}

/// A citizen's digital skills as the commune records them for CDHT: none, has, proficient.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum DigitalSkills {
    /// Chưa có kỹ năng số.
    Chua,
    /// Có kỹ năng số.
    Co,
    /// Thành thạo kỹ năng số.
    ThanhThao,
}

impl DigitalSkills {
    pub const ALL: [DigitalSkills; 3] = [
        DigitalSkills::Chua,
        DigitalSkills::Co,
        DigitalSkills::ThanhThao,
    ];

    /// As written in lists, CSV and on screen.
    pub fn label(self) -> &'static str {
        match self {
            DigitalSkills::Chua => "chưa",
            DigitalSkills::Co => "có",
            DigitalSkills::ThanhThao => "thành thạo",
        }
    }

    /// The label, or "(chưa ghi)" when not recorded.
    pub fn label_of(skills: Option<DigitalSkills>) -> &'static str {
        skills.map_or("(chưa ghi)", DigitalSkills::label)
    }

    /// Has digital skills at all (có or thành thạo): the numerator of `cong-dan/ky-nang-so`.
    pub fn has_any(self) -> bool {
        matches!(self, DigitalSkills::Co | DigitalSkills::ThanhThao)
    }

    /// Reads "chưa", "có", "thành thạo" in any case, with or without diacritics ("chua",
    /// "co", "thanh thao"), spaces or hyphens between words; `None` for anything else.
    pub fn parse(text: &str) -> Option<DigitalSkills> {
        let folded = crate::text::fold(text.trim());
        let words: Vec<&str> = folded
            .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
            .filter(|w| !w.is_empty())
            .collect();
        match words.as_slice() {
            ["chua"] | ["chua", "co"] => Some(DigitalSkills::Chua),
            ["co"] => Some(DigitalSkills::Co),
            ["thanh", "thao"] => Some(DigitalSkills::ThanhThao),
            _ => None,
        }
    }

    /// The next value when the officer presses the key again: not recorded → chưa → có →
    /// thành thạo → not recorded.
    pub fn cycle(current: Option<DigitalSkills>) -> Option<DigitalSkills> {
        match current {
            None => Some(DigitalSkills::Chua),
            Some(DigitalSkills::Chua) => Some(DigitalSkills::Co),
            Some(DigitalSkills::Co) => Some(DigitalSkills::ThanhThao),
            Some(DigitalSkills::ThanhThao) => None,
        }
    }
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
            digital_skills: None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digital_skills_are_read_with_or_without_diacritics() {
        for (text, want) in [
            ("chưa", Some(DigitalSkills::Chua)),
            ("Chua", Some(DigitalSkills::Chua)),
            ("chưa có", Some(DigitalSkills::Chua)),
            ("có", Some(DigitalSkills::Co)),
            (" CO ", Some(DigitalSkills::Co)),
            ("thành thạo", Some(DigitalSkills::ThanhThao)),
            ("thanh thao", Some(DigitalSkills::ThanhThao)),
            ("Thành-thạo", Some(DigitalSkills::ThanhThao)),
            ("giỏi", None),
            ("", None),
            ("thanh", None),
        ] {
            assert_eq!(DigitalSkills::parse(text), want, "{text:?}");
        }
        for s in DigitalSkills::ALL {
            assert_eq!(DigitalSkills::parse(s.label()), Some(s));
        }
    }
}
