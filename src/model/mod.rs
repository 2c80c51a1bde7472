//! Plain domain types of the register: units, evaluations, their history, targets. No
//! I/O here, so every other layer (store, tally, report, screens) can agree on the same vocabulary.

mod change;
pub(crate) mod compact;
mod evaluation;
mod history;
pub mod letterhead;
mod link;
mod officer;
mod status;
mod target;
mod title;
mod unit;

pub use change::Change;
pub use evaluation::{
    Decision, DigitalSkills, Evaluation, EvaluationKey, IndicatorValue, Stage, Stamp, current_user,
};
pub use history::{EvaluationChange, FieldChange, HistoryEntry};
pub use letterhead::Letterhead;
pub use link::UnitLink;
pub use officer::{MAX_OFFICER, clean_officer, who};
pub use status::Status;
pub use target::{Basis, Measure, ResolutionRef, Target, target_for_year};
pub use title::Title;
pub use unit::{
    Affiliation, Citizen, Clan, Community, CommunityKind, Gender, Household, OrgKind, Organisation,
    Unit, UnitId, UnitKind, UnitMeta,
};

/// A data year (1 January – 31 December). Recognition is yearly.
pub type Year = u16;

/// The commune the register belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Commune {
    pub name: String,
    pub province: String,
}
