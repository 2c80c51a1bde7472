//! Everything the printed report shows, gathered once so the text, `report --json` and the
//! app's Report screen read the very same figures.

use super::Summary;
use crate::criteria::Status as CriteriaStatus;
use crate::model::{Title, Year};
use crate::tally::Counts;

/// One community (thôn, tổ dân phố) in the per-community table.
#[derive(Debug, Clone, PartialEq)]
pub struct CommunityLine {
    pub code: String,
    /// "Thôn Đông", "Tổ dân phố 3".
    pub name: String,
    /// Its households and their GĐHT status.
    pub households: Counts,
    /// Citizens registered in its households and their CDHT status.
    pub citizens: Counts,
    /// Where the community itself stands for CĐHT.
    pub cdht_status: CommunityStanding,
}

/// How far a community has gone towards CĐHT this year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommunityStanding {
    NotRegistered,
    Registered,
    /// Scored and meets its criteria, no decision yet.
    Passed,
    Recognised,
}

impl CommunityStanding {
    pub fn label(self) -> &'static str {
        match self {
            CommunityStanding::NotRegistered => "Chưa đăng ký",
            CommunityStanding::Registered => "Đã đăng ký",
            CommunityStanding::Passed => "Đạt, chờ QĐ",
            CommunityStanding::Recognised => "Công nhận",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            CommunityStanding::NotRegistered => "not-registered",
            CommunityStanding::Registered => "registered",
            CommunityStanding::Passed => "passed",
            CommunityStanding::Recognised => "recognised",
        }
    }
}

/// One recognised unit in the `--list` appendix.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecognisedUnit {
    pub title: Title,
    pub code: String,
    pub name: String,
}

/// The units one recognition decision recognised in one community, or (with
/// `community: None`) those of the decision that belong to none: clans, organisations
/// and their staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RecognisedGroup {
    /// The decision's number and date as recorded; `None` for units recognised without
    /// one recorded.
    pub decision: Option<crate::model::Decision>,
    /// (code, name) of the community.
    pub community: Option<(String, String)>,
    pub units: Vec<RecognisedUnit>,
}

/// A criteria set version the year's evaluations were scored under.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriteriaUse {
    pub title: Title,
    pub id: String,
    pub hash: String,
    pub name: String,
    pub source: String,
    pub status: CriteriaStatus,
    pub status_note: String,
    /// How many of the year's evaluations use it.
    pub evaluations: u64,
}

/// The whole report, ready to render.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportData {
    /// The office's lines of the letterhead and signature block.
    pub letterhead: crate::model::Letterhead,
    pub summary: Summary,
    /// The year before, for the change column.
    pub previous: Summary,
    /// Sorted by community code.
    pub communities: Vec<CommunityLine>,
    /// Filled only when the listing was asked for.
    pub recognised: Option<Vec<RecognisedGroup>>,
    /// Sorted by title, then id.
    pub criteria: Vec<CriteriaUse>,
    /// Per measure, every year of the register and the way to the next milestone.
    pub way: Vec<super::way::WayLine>,
}

impl ReportData {
    pub fn year(&self) -> Year {
        self.summary.year
    }

    /// Whether any set behind the figures is provisional, so the report must say so.
    pub fn uses_provisional_criteria(&self) -> bool {
        self.criteria
            .iter()
            .any(|c| c.status == CriteriaStatus::Provisional)
    }
}
