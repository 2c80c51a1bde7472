//! Counting a year for its measures alone: the report's series and its change column
//! show only the measures' counters of past years, not the breakdowns by community and
//! clan, and count every year from one read of the unit links (see
//! [`crate::tally::series`]) instead of a census per year.

use super::Tally;
use crate::model::{Affiliation, Status, Title, UnitKind};
use crate::tally::series::{UnitLinks, YearStatuses};

impl Tally {
    /// The counters [`Tally::measure`] reads (`titles`, the two CDHT populations and the
    /// digital skills) of `statuses.year()`, equal to those of [`Tally::compute`] on
    /// that year's census (a test holds them equal); `by_community` and `by_clan` stay
    /// empty.
    pub fn measures(links: &UnitLinks, statuses: &YearStatuses) -> Tally {
        let year = statuses.year();
        let mut tally = Tally::default();
        for title in [Title::GiaDinh, Title::DongHo, Title::CongDong, Title::DonVi] {
            let counts = &mut tally.titles[title as usize];
            for (id, link) in links.of(title.unit_kind()) {
                if link.active_in(year) {
                    counts.count_one(statuses.get(title, id));
                }
            }
        }
        // As the census answers: a unit not active that year has no status.
        let recognised = |kind: UnitKind, title: Title| {
            let mut out = vec![false; links.id_bound(kind)];
            for (id, link) in links.of(kind) {
                out[id as usize] = link.active_in(year) && statuses.get(title, id).recognised;
            }
            out
        };
        let communities = recognised(UnitKind::Community, Title::CongDong);
        let clans = recognised(UnitKind::Clan, Title::DongHo);
        let households = recognised(UnitKind::Household, Title::GiaDinh);
        let organisations = recognised(UnitKind::Organisation, Title::DonVi);
        let flag = |v: &[bool], id: u32| v.get(id as usize) == Some(&true);

        // Households in a learning model bring their adults, recognised organisations
        // their staff, and each its citizens (the rules of `Tally::compute`).
        let mut learning = vec![false; links.id_bound(UnitKind::Household)];
        for (household, link) in links.of(UnitKind::Household) {
            if link.active_in(year)
                && (flag(&households, household)
                    || (link.second != 0 && flag(&clans, link.second))
                    || flag(&communities, link.parent))
            {
                learning[household as usize] = true;
                tally.cdht_community.add_weighted(
                    Status::default(),
                    u64::from(u16::try_from(link.weight).unwrap_or(u16::MAX)),
                    1,
                );
            }
        }
        for (organisation, link) in links.of(UnitKind::Organisation) {
            if flag(&organisations, organisation) {
                tally
                    .cdht_units
                    .add_weighted(Status::default(), u64::from(link.weight), 1);
            }
        }
        for (citizen, link) in links.of(UnitKind::Citizen) {
            if !link.active_in(year) {
                continue;
            }
            let status = statuses.get(Title::CongDan, citizen);
            tally.titles[Title::CongDan as usize].count_one(status);
            if status.recognised {
                tally.holder(status.skills, 1);
            }
            match link.affiliation() {
                Affiliation::Household(h) if flag(&learning, h) => {
                    tally.cdht_community.add_status(status, 1);
                }
                Affiliation::Organisation(o) if flag(&organisations, o) => {
                    tally.cdht_units.add_status(status, 1);
                }
                _ => {}
            }
        }
        tally
    }
}

#[cfg(test)]
mod tests;
