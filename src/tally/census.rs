//! The in-memory picture of one year that tallies are computed from: the active units,
//! how they link (household → community, clan; citizen → household or organisation),
//! and each evaluation's status.

use crate::model::{Affiliation, Status, Title, Unit, UnitId, UnitKind, Year};
use crate::store::{Reader, Result, UnitLink};
use std::collections::{HashMap, HashSet};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HouseholdLink {
    pub community: UnitId,
    pub clan: Option<UnitId>,
    pub adults: u16,
}

#[derive(Debug, Clone, Default)]
pub struct Census {
    pub year: Year,
    pub communities: HashSet<UnitId>,
    pub clans: HashSet<UnitId>,
    pub households: HashMap<UnitId, HouseholdLink>,
    /// Organisation → number of staff.
    pub organisations: HashMap<UnitId, u32>,
    pub citizens: HashMap<UnitId, Affiliation>,
    pub(super) households_of_community: HashMap<UnitId, Vec<UnitId>>,
    pub(super) households_of_clan: HashMap<UnitId, Vec<UnitId>>,
    pub(super) citizens_of_household: HashMap<UnitId, Vec<UnitId>>,
    pub(super) citizens_of_organisation: HashMap<UnitId, Vec<UnitId>>,
    pub(super) statuses: HashMap<(Title, UnitId), Status>,
}

impl Census {
    /// Reads the units active in `year` and the status of every evaluation of that year
    /// from the register's link and status indexes: fixed-size records, no names decoded
    /// and nothing rescored.
    pub fn load(reader: &Reader, year: Year) -> Result<Census> {
        let mut census = Census {
            year,
            ..Census::default()
        };
        for (kind, id, link) in reader.unit_links()? {
            if link.active_in(year) {
                census.add_link(kind, id, &link);
            }
        }
        for (title, unit, status) in reader.statuses_in_year(year)? {
            if census.is_active(title.unit_kind(), unit) {
                census.statuses.insert((title, unit), status);
            }
        }
        Ok(census)
    }

    /// Adds an active unit (also used when a unit is created during a session).
    pub fn add_unit(&mut self, id: UnitId, unit: &Unit) {
        self.add_link(unit.kind(), id, &UnitLink::of(unit));
    }

    fn add_link(&mut self, kind: UnitKind, id: UnitId, link: &UnitLink) {
        match kind {
            UnitKind::Community => {
                self.communities.insert(id);
            }
            UnitKind::Clan => {
                self.clans.insert(id);
            }
            UnitKind::Household => {
                let clan = (link.second != 0).then_some(link.second);
                self.households.insert(
                    id,
                    HouseholdLink {
                        community: link.parent,
                        clan,
                        adults: u16::try_from(link.weight).unwrap_or(u16::MAX),
                    },
                );
                self.households_of_community
                    .entry(link.parent)
                    .or_default()
                    .push(id);
                if let Some(clan) = clan {
                    self.households_of_clan.entry(clan).or_default().push(id);
                }
            }
            UnitKind::Organisation => {
                self.organisations.insert(id, link.weight);
            }
            UnitKind::Citizen => {
                let affiliation = link.affiliation();
                self.citizens.insert(id, affiliation);
                match affiliation {
                    Affiliation::Household(h) => {
                        self.citizens_of_household.entry(h).or_default().push(id)
                    }
                    Affiliation::Organisation(o) => {
                        self.citizens_of_organisation.entry(o).or_default().push(id)
                    }
                    Affiliation::None => {}
                }
            }
        }
    }

    pub fn is_active(&self, kind: UnitKind, id: UnitId) -> bool {
        match kind {
            UnitKind::Community => self.communities.contains(&id),
            UnitKind::Clan => self.clans.contains(&id),
            UnitKind::Household => self.households.contains_key(&id),
            UnitKind::Organisation => self.organisations.contains_key(&id),
            UnitKind::Citizen => self.citizens.contains_key(&id),
        }
    }

    pub fn status(&self, title: Title, unit: UnitId) -> Status {
        self.statuses
            .get(&(title, unit))
            .copied()
            .unwrap_or_default()
    }

    pub fn count(&self, kind: UnitKind) -> usize {
        match kind {
            UnitKind::Community => self.communities.len(),
            UnitKind::Clan => self.clans.len(),
            UnitKind::Household => self.households.len(),
            UnitKind::Organisation => self.organisations.len(),
            UnitKind::Citizen => self.citizens.len(),
        }
    }

    /// The community a unit is counted under in the breakdown, if any.
    pub fn community_of(&self, title: Title, unit: UnitId) -> Option<UnitId> {
        match title {
            Title::CongDong => Some(unit),
            Title::GiaDinh => self.households.get(&unit).map(|h| h.community),
            Title::CongDan => match self.citizens.get(&unit) {
                Some(Affiliation::Household(h)) => self.households.get(h).map(|h| h.community),
                _ => None,
            },
            Title::DongHo | Title::DonVi => None,
        }
    }

    /// The clan a unit is counted under in the breakdown, if any.
    pub fn clan_of(&self, title: Title, unit: UnitId) -> Option<UnitId> {
        match title {
            Title::DongHo => Some(unit),
            Title::GiaDinh => self.households.get(&unit).and_then(|h| h.clan),
            Title::CongDan => match self.citizens.get(&unit) {
                Some(Affiliation::Household(h)) => self.households.get(h).and_then(|h| h.clan),
                _ => None,
            },
            Title::CongDong | Title::DonVi => None,
        }
    }

    /// Whether a household's adults count in the CDHT community population: the
    /// household is GĐHT, or its clan DHHT, or its community CĐHT, this year.
    pub fn household_in_learning_model(&self, household: UnitId) -> bool {
        let Some(link) = self.households.get(&household) else {
            return false;
        };
        self.status(Title::GiaDinh, household).recognised
            || link
                .clan
                .is_some_and(|c| self.status(Title::DongHo, c).recognised)
            || self.status(Title::CongDong, link.community).recognised
    }
}
