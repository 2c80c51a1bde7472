//! Turns already-loaded figures (the year's census and tally, the year before's tally,
//! unit names, the criteria versions in use) into a [`ReportData`]. Pure: reading the
//! register is the caller's job (`cli::report::load_report_data`), so this layer stays
//! "data in, data out" and is tested without a file.

use super::Summary;
use super::data::{
    CommunityLine, CommunityStanding, CriteriaUse, RecognisedGroup, RecognisedUnit, ReportData,
};
use crate::model::{Commune, Decision, Measure, Target, Title, UnitId, UnitKind, Year};
use crate::tally::{Census, Counts, Tally};
use crate::text::{collation_key, person_sort_key};
use std::collections::HashMap;

/// A unit's code and the name shown for it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitLabel {
    pub code: String,
    pub name: String,
}

/// Names of units by kind and id.
pub type UnitNames = HashMap<(UnitKind, UnitId), UnitLabel>;

/// The decision that recognised each unit, by title and id (the census keeps only
/// whether it is recognised).
pub type UnitDecisions = HashMap<(Title, UnitId), Decision>;

/// What [`gather`] needs, all already in memory.
pub struct GatherInput<'a> {
    pub commune: &'a Commune,
    /// The office's lines of the letterhead and signature block.
    pub letterhead: crate::model::Letterhead,
    pub year: Year,
    pub targets: &'a [Target],
    pub census: &'a Census,
    pub tally: &'a Tally,
    /// The year before's measures (its breakdowns by community and clan are not shown,
    /// and may be left empty: see `Tally::measures`).
    pub previous_tally: &'a Tally,
    /// At least the communities; every recognised unit too when `list` is set.
    pub names: &'a UnitNames,
    pub criteria: Vec<CriteriaUse>,
    /// Build the appendix of recognised units.
    pub list: bool,
    /// With `list`: the decision of each recognised unit, to group the appendix by.
    pub decisions: &'a UnitDecisions,
    /// The measures' counters (in `Measure::ALL` order) of every year the register
    /// holds evaluations for, up to the report year.
    pub series: Vec<(Year, [Counts; Measure::COUNT])>,
}

pub fn gather(input: GatherInput<'_>) -> ReportData {
    let summary = Summary::build(input.commune, input.year, input.tally, input.targets);
    let previous = Summary::build(
        input.commune,
        input.year.saturating_sub(1),
        input.previous_tally,
        input.targets,
    );
    let mut criteria = input.criteria;
    criteria.sort_by(|a, b| (a.title, &a.id, &a.hash).cmp(&(b.title, &b.id, &b.hash)));
    ReportData {
        letterhead: input.letterhead,
        summary,
        previous,
        communities: communities(input.census, input.tally, input.names),
        recognised: input
            .list
            .then(|| recognised(input.census, input.names, input.decisions)),
        criteria,
        way: super::way::way(&input.series, input.year, input.targets),
    }
}

fn label_of(names: &UnitNames, kind: UnitKind, id: UnitId) -> UnitLabel {
    names
        .get(&(kind, id))
        .cloned()
        .unwrap_or_else(|| UnitLabel {
            code: format!("#{id}"),
            name: String::new(),
        })
}

fn communities(census: &Census, tally: &Tally, names: &UnitNames) -> Vec<CommunityLine> {
    let mut lines: Vec<CommunityLine> = census
        .ids(UnitKind::Community)
        .map(|id| {
            let label = label_of(names, UnitKind::Community, id);
            let counts = tally.by_community.get(&id);
            let of = |title: Title| counts.map_or(Counts::default(), |c| c[title as usize]);
            let status = census.status(Title::CongDong, id);
            let cdht_status = if status.recognised {
                CommunityStanding::Recognised
            } else if status.passed {
                CommunityStanding::Passed
            } else if status.registered {
                CommunityStanding::Registered
            } else {
                CommunityStanding::NotRegistered
            };
            CommunityLine {
                code: label.code,
                name: label.name,
                households: of(Title::GiaDinh),
                citizens: of(Title::CongDan),
                cdht_status,
            }
        })
        .collect();
    lines.sort_by(|a, b| a.code.cmp(&b.code));
    lines
}

/// The recognised units grouped by the decision that recognised them (by date, then
/// number; units without a recorded decision last), and within a decision by the
/// community they are counted under; units that belong to no community (clans,
/// organisations, their staff) come last in their decision.
fn recognised(
    census: &Census,
    names: &UnitNames,
    decisions: &UnitDecisions,
) -> Vec<RecognisedGroup> {
    // The decision as (number, date): the model's type is not a hash key.
    type Key = (Option<(String, chrono::NaiveDate)>, Option<UnitId>);
    let mut grouped: HashMap<Key, Vec<(Title, UnitId)>> = HashMap::new();
    for title in [
        Title::CongDong,
        Title::GiaDinh,
        Title::DongHo,
        Title::DonVi,
        Title::CongDan,
    ] {
        for id in census.ids(title.unit_kind()) {
            if census.status(title, id).recognised {
                grouped
                    .entry((
                        decisions
                            .get(&(title, id))
                            .map(|d| (d.number.clone(), d.date)),
                        census.community_of(title, id),
                    ))
                    .or_default()
                    .push((title, id));
            }
        }
    }

    let mut groups: Vec<RecognisedGroup> = grouped
        .into_iter()
        .map(|((decision, community), units)| {
            let mut units: Vec<(Vec<u16>, RecognisedUnit)> = units
                .into_iter()
                .map(|(title, id)| {
                    let label = label_of(names, title.unit_kind(), id);
                    let key = if matches!(title, Title::GiaDinh | Title::CongDan) {
                        person_sort_key(&label.name)
                    } else {
                        collation_key(&label.name)
                    };
                    (
                        key,
                        RecognisedUnit {
                            title,
                            code: label.code,
                            name: label.name,
                        },
                    )
                })
                .collect();
            units.sort_by(|(ka, a), (kb, b)| {
                (listing_rank(a.title), ka, &a.code).cmp(&(listing_rank(b.title), kb, &b.code))
            });
            RecognisedGroup {
                decision: decision.map(|(number, date)| Decision { number, date }),
                community: community.map(|id| {
                    let l = label_of(names, UnitKind::Community, id);
                    (l.code, l.name)
                }),
                units: units.into_iter().map(|(_, u)| u).collect(),
            }
        })
        .collect();
    // Decisions by date, then number; within one, communities by code, the group
    // without a community last.
    groups.sort_by_cached_key(|g| {
        (
            g.decision.is_none(),
            g.decision
                .as_ref()
                .map(|d| (d.date, collation_key(&d.number), d.number.clone())),
            g.community.is_none(),
            g.community.as_ref().map(|c| c.0.clone()),
        )
    });
    groups
}

/// The community itself first, then its households, then the others.
fn listing_rank(title: Title) -> u8 {
    match title {
        Title::CongDong => 0,
        Title::GiaDinh => 1,
        Title::DongHo => 2,
        Title::DonVi => 3,
        Title::CongDan => 4,
    }
}
