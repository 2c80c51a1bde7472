//! The validated shape of a criteria set. Values here have passed every rule of
//! [`super::parse`], so the engine can trust them.

use crate::model::{Title, Year};
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    /// Taken from the official text and checked against it.
    Verified,
    /// Partly inferred; `status_note` says what is unconfirmed.
    Provisional,
}

impl Status {
    pub fn code(self) -> &'static str {
        match self {
            Status::Verified => "verified",
            Status::Provisional => "provisional",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Status::Verified => "Chính thức",
            Status::Provisional => "TẠM THỜI – chưa đối chiếu văn bản gốc",
        }
    }
}

/// Which units a set is meant for: commune-level units by default; TT 22/2020 for
/// instance applies to units above commune level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Scope {
    Commune,
    AboveCommune,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum IndicatorKind {
    Points,
    PassFail,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Indicator {
    pub code: String,
    pub text: String,
    pub kind: IndicatorKind,
    /// Maximum points; 0 for a pass/fail indicator.
    pub max: u16,
    /// A points value below the floor fails the whole set (CDHT: 5).
    pub floor: Option<u16>,
    /// A mandatory indicator must be met: Đạt, or more than 0 points.
    pub mandatory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Criterion {
    pub code: String,
    pub name: String,
    pub min_total: Option<u16>,
    pub indicators: Vec<Indicator>,
}

impl Criterion {
    pub fn max_total(&self) -> u32 {
        self.indicators.iter().map(|i| u32::from(i.max)).sum()
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Grade {
    pub name: String,
    pub min_total: u16,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaSet {
    pub id: String,
    pub title: Title,
    pub name: String,
    pub valid_from: Year,
    pub valid_to: Option<Year>,
    pub scope: Scope,
    pub source: String,
    pub status: Status,
    pub status_note: String,
    pub min_total: Option<u16>,
    /// Highest band first.
    pub grades: Vec<Grade>,
    pub criteria: Vec<Criterion>,
}

impl CriteriaSet {
    pub fn indicators(&self) -> impl Iterator<Item = &Indicator> {
        self.criteria.iter().flat_map(|c| c.indicators.iter())
    }

    pub fn indicator(&self, code: &str) -> Option<&Indicator> {
        self.indicators().find(|i| i.code == code)
    }

    pub fn indicator_count(&self) -> usize {
        self.criteria.iter().map(|c| c.indicators.len()).sum()
    }

    pub fn max_total(&self) -> u32 {
        self.criteria.iter().map(Criterion::max_total).sum()
    }

    pub fn valid_in(&self, year: Year) -> bool {
        self.valid_from <= year && self.valid_to.is_none_or(|to| year <= to)
    }

    /// "2022–2030" or "từ 2021".
    pub fn years_label(&self) -> String {
        match self.valid_to {
            Some(to) => format!("{}–{}", self.valid_from, to),
            None => format!("từ {}", self.valid_from),
        }
    }

    /// The set's identity: 16 hex digits of SHA-256 over its canonical, versioned form
    /// (see [`super::canonical`]), never over whatever the struct happens to serialise
    /// to, so a shipped set keeps its identity across versions of the program. Two files
    /// that differ only in comments or layout have the same hash; any change to what is
    /// scored gives a new one.
    pub fn content_hash(&self) -> String {
        super::canonical::canonical_hash(self)
    }
}
