//! The records that changed in schema 5, frozen like [`super::v1`]. Only the criteria set
//! changed (its record version 2): a set the office entered itself (imported from a
//! table, or written in the app) carries who entered it, when, and from what. Targets
//! stay as [`super::v2`] writes them; every other record is still version 1.
//!
//! Frozen: never edit these types; a further change is `v4.rs`.

use super::v1::{CriteriaSetV1, StampV1};
use super::{seconds_of, time_of};
use crate::criteria::{CriteriaSet, Entry};
use crate::model::Stamp;
use serde::{Deserialize, Serialize};

/// Who entered a set, when, and how ("nhập từ tệp …").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntryV2 {
    pub stamp: StampV1,
    pub how: String,
}

/// A criteria set: the version-1 fields unchanged, then its entry (absent for shipped
/// sets and TOML files).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaSetV2 {
    pub set: CriteriaSetV1,
    pub entry: Option<EntryV2>,
}

impl From<&CriteriaSet> for CriteriaSetV2 {
    fn from(s: &CriteriaSet) -> CriteriaSetV2 {
        CriteriaSetV2 {
            set: CriteriaSetV1::from(s),
            entry: s.entry.as_ref().map(|e| EntryV2 {
                stamp: StampV1 {
                    user: e.stamp.user.clone(),
                    at: seconds_of(e.stamp.at),
                },
                how: e.how.clone(),
            }),
        }
    }
}

impl TryFrom<CriteriaSetV2> for CriteriaSet {
    type Error = String;

    fn try_from(v: CriteriaSetV2) -> Result<CriteriaSet, String> {
        let mut set = CriteriaSet::from(v.set);
        set.entry = match v.entry {
            None => None,
            Some(e) => Some(Entry {
                stamp: Stamp {
                    user: e.stamp.user,
                    at: time_of(e.stamp.at)
                        .ok_or_else(|| format!("thời điểm nhập {} ngoài phạm vi", e.stamp.at))?,
                },
                how: e.how,
            }),
        };
        Ok(set)
    }
}
