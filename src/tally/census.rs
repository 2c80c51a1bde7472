//! The in-memory picture of one year that tallies are computed from: the active units,
//! how they link (household → community, clan; citizen → household or organisation),
//! and each evaluation's status.
//!
//! Unit ids are handed out densely from 1 per kind, so everything is kept in vectors
//! indexed by id rather than hash maps: a 50,000-household commune with 150,000 citizens
//! loads in a few tens of milliseconds.
//!
//! The lists of children (households of a thôn or a clan, citizens of a household or an
//! organisation) are only needed when a save moves counters (`Tally::apply`), not to
//! count a year (`Tally::compute` walks the links), so they are built the first time
//! they are asked for: opening the home screen does not pay for 50,000 small vectors.

use crate::model::{Affiliation, Status, Title, Unit, UnitId, UnitKind, UnitLink, Year};
use std::cell::OnceCell;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HouseholdLink {
    pub community: UnitId,
    pub clan: Option<UnitId>,
    pub adults: u16,
}

/// A vector indexed by unit id that grows on demand.
fn slot<T: Default>(v: &mut Vec<T>, id: UnitId) -> &mut T {
    let i = id as usize;
    if v.len() <= i {
        v.resize_with(i + 1, T::default);
    }
    &mut v[i]
}

fn get<T>(v: &[T], id: UnitId) -> Option<&T> {
    v.get(id as usize)
}

/// Who belongs to whom, by parent id (see the module doc: built on first use).
#[derive(Debug, Clone, Default)]
struct Children {
    households_of_community: Vec<Vec<UnitId>>,
    households_of_clan: Vec<Vec<UnitId>>,
    citizens_of_household: Vec<Vec<UnitId>>,
    citizens_of_organisation: Vec<Vec<UnitId>>,
}

impl Children {
    /// The children lists of every link, in id order.
    fn of(links: &[Vec<Option<UnitLink>>; 5]) -> Children {
        let mut children = Children::default();
        for kind in [UnitKind::Household, UnitKind::Citizen] {
            for (id, link) in links[kind as usize].iter().enumerate() {
                if let Some(link) = link {
                    children.add(kind, id as UnitId, link);
                }
            }
        }
        children
    }

    fn add(&mut self, kind: UnitKind, id: UnitId, link: &UnitLink) {
        match kind {
            UnitKind::Household => {
                slot(&mut self.households_of_community, link.parent).push(id);
                if link.second != 0 {
                    slot(&mut self.households_of_clan, link.second).push(id);
                }
            }
            UnitKind::Citizen => match link.affiliation() {
                Affiliation::Household(h) => slot(&mut self.citizens_of_household, h).push(id),
                Affiliation::Organisation(o) => {
                    slot(&mut self.citizens_of_organisation, o).push(id)
                }
                Affiliation::None => {}
            },
            UnitKind::Community | UnitKind::Clan | UnitKind::Organisation => {}
        }
    }
}

#[derive(Debug, Clone, Default)]
pub struct Census {
    pub year: Year,
    /// Per unit kind, per id: the link of each unit active this year.
    links: [Vec<Option<UnitLink>>; 5],
    active: [usize; 5],
    /// Built from `links` the first time a list of children is asked for, then kept in
    /// step by every unit added.
    children: OnceCell<Children>,
    /// Per title, per unit id.
    statuses: [Vec<Status>; 5],
}

impl Census {
    /// An empty census of `year`, for units added one by one.
    pub fn new(year: Year) -> Census {
        Census {
            year,
            ..Census::default()
        }
    }

    /// The census of `year` from every unit's link and the statuses of that year's
    /// evaluations (read by `app::load_census`): units not active in `year` and
    /// evaluations of units not active are left out.
    pub fn from_records(
        year: Year,
        links: impl IntoIterator<Item = (UnitKind, UnitId, UnitLink)>,
        statuses: impl IntoIterator<Item = (Title, UnitId, Status)>,
    ) -> Census {
        let mut census = Census::new(year);
        for (kind, id, link) in links {
            census.add_active(kind, id, link);
        }
        census.set_statuses(statuses);
        census
    }

    /// Adds a unit's link when the unit is active in the census's year.
    pub fn add_active(&mut self, kind: UnitKind, id: UnitId, link: UnitLink) {
        if link.active_in(self.year) {
            self.add_link(kind, id, link);
        }
    }

    /// Records the statuses of the year's evaluations, leaving out those of units not
    /// active (call after every link is added).
    pub fn set_statuses(&mut self, statuses: impl IntoIterator<Item = (Title, UnitId, Status)>) {
        for (title, unit, status) in statuses {
            if self.is_active(title.unit_kind(), unit) {
                self.set_status(title, unit, status);
            }
        }
    }

    /// Records the statuses of one chunk of the status index (see
    /// `Reader::for_each_status_chunk`): slot `i` is unit `first + i`. As
    /// [`Census::set_statuses`], units not active are left out.
    pub fn set_status_chunk(&mut self, title: Title, first: UnitId, chunk: &[Option<Status>]) {
        let links = &self.links[title.unit_kind() as usize];
        let out = &mut self.statuses[title as usize];
        for (i, status) in chunk.iter().enumerate() {
            let id = first + i as UnitId;
            if let Some(status) = status
                && get(links, id).is_some_and(Option::is_some)
            {
                *slot(out, id) = *status;
            }
        }
    }

    /// Adds an active unit (also used when a unit is created during a session).
    pub fn add_unit(&mut self, id: UnitId, unit: &Unit) {
        self.add_link(unit.kind(), id, UnitLink::of(unit));
    }

    fn add_link(&mut self, kind: UnitKind, id: UnitId, link: UnitLink) {
        let place = slot(&mut self.links[kind as usize], id);
        if place.is_some() {
            return;
        }
        *place = Some(link);
        self.active[kind as usize] += 1;
        if let Some(children) = self.children.get_mut() {
            children.add(kind, id, &link);
        }
    }

    fn children(&self) -> &Children {
        self.children.get_or_init(|| Children::of(&self.links))
    }

    fn link(&self, kind: UnitKind, id: UnitId) -> Option<&UnitLink> {
        get(&self.links[kind as usize], id).and_then(Option::as_ref)
    }

    pub fn is_active(&self, kind: UnitKind, id: UnitId) -> bool {
        self.link(kind, id).is_some()
    }

    /// The ids of the active units of a kind, in id order.
    pub fn ids(&self, kind: UnitKind) -> impl Iterator<Item = UnitId> + '_ {
        self.links[kind as usize]
            .iter()
            .enumerate()
            .filter(|(_, l)| l.is_some())
            .map(|(id, _)| id as UnitId)
    }

    /// The active units of a kind with their links, in id order.
    pub fn links(&self, kind: UnitKind) -> impl Iterator<Item = (UnitId, &UnitLink)> + '_ {
        self.links[kind as usize]
            .iter()
            .enumerate()
            .filter_map(|(id, l)| l.as_ref().map(|l| (id as UnitId, l)))
    }

    pub fn count(&self, kind: UnitKind) -> usize {
        self.active[kind as usize]
    }

    pub fn household(&self, id: UnitId) -> Option<HouseholdLink> {
        self.link(UnitKind::Household, id).map(|l| HouseholdLink {
            community: l.parent,
            clan: (l.second != 0).then_some(l.second),
            adults: u16::try_from(l.weight).unwrap_or(u16::MAX),
        })
    }

    /// The staff of an active organisation.
    pub fn staff(&self, organisation: UnitId) -> Option<u32> {
        self.link(UnitKind::Organisation, organisation)
            .map(|l| l.weight)
    }

    /// Where an active citizen belongs.
    pub fn affiliation(&self, citizen: UnitId) -> Option<Affiliation> {
        self.link(UnitKind::Citizen, citizen)
            .map(UnitLink::affiliation)
    }

    pub fn households_of_community(&self, community: UnitId) -> &[UnitId] {
        get(&self.children().households_of_community, community).map_or(&[], Vec::as_slice)
    }

    pub fn households_of_clan(&self, clan: UnitId) -> &[UnitId] {
        get(&self.children().households_of_clan, clan).map_or(&[], Vec::as_slice)
    }

    pub fn citizens_of_household(&self, household: UnitId) -> &[UnitId] {
        get(&self.children().citizens_of_household, household).map_or(&[], Vec::as_slice)
    }

    pub fn citizens_of_organisation(&self, organisation: UnitId) -> &[UnitId] {
        get(&self.children().citizens_of_organisation, organisation).map_or(&[], Vec::as_slice)
    }

    pub fn status(&self, title: Title, unit: UnitId) -> Status {
        get(&self.statuses[title as usize], unit)
            .copied()
            .unwrap_or_default()
    }

    pub(super) fn set_status(&mut self, title: Title, unit: UnitId, status: Status) {
        *slot(&mut self.statuses[title as usize], unit) = status;
    }

    /// The community a unit is counted under in the breakdown, if any.
    pub fn community_of(&self, title: Title, unit: UnitId) -> Option<UnitId> {
        match title {
            Title::CongDong => Some(unit),
            Title::GiaDinh => self.household(unit).map(|h| h.community),
            Title::CongDan => match self.affiliation(unit) {
                Some(Affiliation::Household(h)) => self.household(h).map(|h| h.community),
                _ => None,
            },
            Title::DongHo | Title::DonVi => None,
        }
    }

    /// The clan a unit is counted under in the breakdown, if any.
    pub fn clan_of(&self, title: Title, unit: UnitId) -> Option<UnitId> {
        match title {
            Title::DongHo => Some(unit),
            Title::GiaDinh => self.household(unit).and_then(|h| h.clan),
            Title::CongDan => match self.affiliation(unit) {
                Some(Affiliation::Household(h)) => self.household(h).and_then(|h| h.clan),
                _ => None,
            },
            Title::CongDong | Title::DonVi => None,
        }
    }

    /// Whether a household's adults count in the CDHT community population: the
    /// household is GĐHT, or its clan DHHT, or its community CĐHT, this year.
    pub fn household_in_learning_model(&self, household: UnitId) -> bool {
        let Some(link) = self.household(household) else {
            return false;
        };
        self.status(Title::GiaDinh, household).recognised
            || link
                .clan
                .is_some_and(|c| self.status(Title::DongHo, c).recognised)
            || self.status(Title::CongDong, link.community).recognised
    }
}
