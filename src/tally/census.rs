//! The in-memory picture of one year that tallies are computed from: the active units,
//! how they link (household → community, clan; citizen → household or organisation),
//! and each evaluation's status.

use super::Status;
use super::status::status_of;
use crate::criteria::CriteriaSet;
use crate::model::{Affiliation, Title, Unit, UnitId, UnitKind, Year};
use crate::store::{Reader, Result};
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
    /// Reads the units active in `year` and the status of every evaluation of that year,
    /// each scored under its own stored criteria version.
    pub fn load(reader: &Reader, year: Year) -> Result<Census> {
        let mut census = Census {
            year,
            ..Census::default()
        };
        for kind in UnitKind::ALL {
            for (id, unit) in reader.units(kind)? {
                if unit.meta().active_in(year) {
                    census.add_unit(id, &unit);
                }
            }
        }
        let sets: HashMap<String, CriteriaSet> = reader.all_criteria()?.into_iter().collect();
        for (key, evaluation) in reader.evaluations_in_year(year)? {
            if !census.is_active(key.title.unit_kind(), key.unit) {
                continue;
            }
            let status = match sets.get(&evaluation.criteria_hash) {
                Some(set) => status_of(&evaluation, set),
                // The integrity check reports a missing copy; count the unit as registered.
                None => Status {
                    registered: true,
                    ..Status::default()
                },
            };
            census.statuses.insert((key.title, key.unit), status);
        }
        Ok(census)
    }

    /// Adds an active unit (also used when a unit is created during a session).
    pub fn add_unit(&mut self, id: UnitId, unit: &Unit) {
        match unit {
            Unit::Community(_) => {
                self.communities.insert(id);
            }
            Unit::Clan(_) => {
                self.clans.insert(id);
            }
            Unit::Household(h) => {
                self.households.insert(
                    id,
                    HouseholdLink {
                        community: h.community,
                        clan: h.clan,
                        adults: h.adults,
                    },
                );
                self.households_of_community
                    .entry(h.community)
                    .or_default()
                    .push(id);
                if let Some(clan) = h.clan {
                    self.households_of_clan.entry(clan).or_default().push(id);
                }
            }
            Unit::Organisation(o) => {
                self.organisations.insert(id, o.staff);
            }
            Unit::Citizen(c) => {
                self.citizens.insert(id, c.affiliation);
                match c.affiliation {
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
