//! Counting a year for its measures alone: the report's series and its change column
//! show only the measures' counters of past years, not the breakdowns by community and
//! clan, and count every year from one read of the unit links (see
//! [`crate::tally::UnitLinks`]) instead of a census per year.

use super::Tally;
use crate::model::{Status, Title, UnitKind, Year};
use crate::tally::series::{UnitLinks, YearStatuses};

impl Tally {
    /// The counters [`Tally::measure`] reads (`titles`, the two CDHT populations and the
    /// digital skills) of `statuses.year()`, equal to those of [`Tally::compute`] on
    /// that year's census (a test holds them equal); `by_community` and `by_clan` stay
    /// empty.
    ///
    /// Every active unit adds to its title's total, but only an evaluated one to the
    /// other counters, so the units are counted by their years and the statuses walked
    /// alone; only the households are walked one by one, as a recognised thôn or clan
    /// brings its households into the CDHT population whether they were evaluated or not.
    pub fn measures(links: &UnitLinks, statuses: &YearStatuses) -> Tally {
        let year = statuses.year();
        let mut tally = Tally::default();
        for title in Title::ALL {
            let kind = title.unit_kind();
            let counts = &mut tally.titles[title as usize];
            counts.total = links.active_count(kind, year);
            for &(id, status) in statuses.of(title) {
                if links.active_in(kind, id, year) {
                    counts.add_status(status, 1);
                }
            }
        }
        // As the census answers: a unit not active that year has no status.
        let recognised = |title: Title| {
            let kind = title.unit_kind();
            let mut out = vec![false; links.id_bound(kind)];
            for &(id, status) in statuses.of(title) {
                if status.recognised && links.active_in(kind, id, year) {
                    out[id as usize] = true;
                }
            }
            out
        };
        let communities = recognised(Title::CongDong);
        let clans = recognised(Title::DongHo);
        let households = recognised(Title::GiaDinh);
        let organisations = recognised(Title::DonVi);
        let flag = |v: &[bool], id: u32| v.get(id as usize) == Some(&true);

        // Households in a learning model bring their adults, recognised organisations
        // their staff, and each its citizens (the rules of `Tally::compute`).
        let active = |(entered, left): (Year, u32)| entered <= year && u32::from(year) < left;
        let household = links.fields(UnitKind::Household);
        let (community, clan) = (household.parent, household.second);
        let mut learning = vec![false; household.years.len()];
        for (h, &span) in household.years.iter().enumerate() {
            if active(span)
                && (households[h]
                    || (clan[h] != 0 && flag(&clans, clan[h]))
                    || flag(&communities, community[h]))
            {
                learning[h] = true;
                tally.cdht_community.add_weighted(
                    Status::default(),
                    u64::from(u16::try_from(household.weight[h]).unwrap_or(u16::MAX)),
                    1,
                );
            }
        }
        let staff = links.fields(UnitKind::Organisation).weight;
        for (o, &on) in organisations.iter().enumerate() {
            if on {
                tally
                    .cdht_units
                    .add_weighted(Status::default(), u64::from(staff[o]), 1);
            }
        }
        let citizens = links.fields(UnitKind::Citizen);
        let (household, organisation) = (citizens.parent, citizens.second);
        for &(citizen, status) in statuses.of(Title::CongDan) {
            if !links.active_in(UnitKind::Citizen, citizen, year) {
                continue;
            }
            if status.recognised {
                tally.holder(status.skills, 1);
            }
            // A household wins over an organisation (`UnitLink::affiliation`).
            let c = citizen as usize;
            if household[c] != 0 {
                if flag(&learning, household[c]) {
                    tally.cdht_community.add_status(status, 1);
                }
            } else if flag(&organisations, organisation[c]) {
                tally.cdht_units.add_status(status, 1);
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests;
