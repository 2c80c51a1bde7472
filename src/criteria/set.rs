//! The validated shape of a criteria set. Values here have passed every rule of
//! [`super::parse`], so the engine can trust them.

use crate::model::{Stamp, Title, Year};
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

/// How a set the office entered itself came into the register: who, when, from what.
/// Not part of the set's identity (see [`super::canonical`]): the same criteria typed
/// twice are the same set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub stamp: Stamp,
    /// In Vietnamese, e.g. "nhập từ tệp tieu-chi.csv".
    pub how: String,
}

/// Where a set comes from, as `criteria list` and `show --json` tell it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Provenance {
    /// Shipped with the program, or a TOML file, not checked against the official text.
    Provisional,
    /// Shipped or a TOML file, checked against the official text.
    Official,
    /// Entered by the office, not yet marked as checked against the official text.
    Office,
    /// Entered by the office and marked "đã đối chiếu văn bản gốc".
    OfficeChecked,
}

impl Provenance {
    pub fn code(self) -> &'static str {
        match self {
            Provenance::Provisional => "shipped-provisional",
            Provenance::Official => "official",
            Provenance::Office => "office",
            Provenance::OfficeChecked => "office-checked",
        }
    }

    /// A few words for `criteria list`'s column, which must fit 80 columns beside the id.
    pub fn short_label(self) -> &'static str {
        match self {
            Provenance::Provisional => "tạm thời",
            Provenance::Official => "chính thức",
            Provenance::Office => "văn phòng nhập",
            Provenance::OfficeChecked => "văn phòng, đã đối chiếu",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Provenance::Provisional => "tạm thời, chưa đối chiếu",
            Provenance::Official => "chính thức",
            Provenance::Office => "văn phòng nhập, chưa đối chiếu",
            Provenance::OfficeChecked => "văn phòng nhập, đã đối chiếu văn bản gốc",
        }
    }
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
    /// Present for a set the office entered in the register (imported from a table or
    /// written in the app); absent for shipped sets and TOML files. Absent from the JSON
    /// of sets that have none, so older archives read unchanged.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub entry: Option<Entry>,
}

impl CriteriaSet {
    /// Shipped provisional, official, entered by the office, or entered and checked.
    pub fn provenance(&self) -> Provenance {
        match (&self.entry, self.status) {
            (None, Status::Provisional) => Provenance::Provisional,
            (None, Status::Verified) => Provenance::Official,
            (Some(_), Status::Provisional) => Provenance::Office,
            (Some(_), Status::Verified) => Provenance::OfficeChecked,
        }
    }

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
