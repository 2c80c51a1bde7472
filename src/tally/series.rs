//! What counting several years needs, read once: every unit's link (whatever years it
//! counts in) and, per year, the statuses of that year's evaluations. The report counts
//! every year of its series (up to ten) from one [`UnitLinks`] instead of reading the
//! link index again for each year's [`super::Census`]; [`super::Tally::measures`] counts
//! a year from them.

use crate::model::{Status, Title, UnitId, UnitKind, UnitLink, Year};

/// Every unit's link by kind and id, active or not (each year filters by
/// [`UnitLink::active_in`]).
#[derive(Debug, Clone, Default)]
pub struct UnitLinks {
    links: [Vec<Option<UnitLink>>; 5],
}

impl UnitLinks {
    pub fn add(&mut self, kind: UnitKind, id: UnitId, link: UnitLink) {
        let v = &mut self.links[kind as usize];
        let i = id as usize;
        if v.len() <= i {
            v.resize(i + 1, None);
        }
        v[i] = Some(link);
    }

    /// The units of a kind with their links, in id order.
    pub fn of(&self, kind: UnitKind) -> impl Iterator<Item = (UnitId, &UnitLink)> + '_ {
        self.links[kind as usize]
            .iter()
            .enumerate()
            .filter_map(|(id, l)| l.as_ref().map(|l| (id as UnitId, l)))
    }

    /// Every unit's link in kind and id order, as the register hands them to
    /// [`super::Census::from_records`].
    pub fn iter(&self) -> impl Iterator<Item = (UnitKind, UnitId, UnitLink)> + '_ {
        UnitKind::ALL
            .into_iter()
            .flat_map(move |kind| self.of(kind).map(move |(id, l)| (kind, id, *l)))
    }

    /// One past the highest id of a kind: the length of a vector indexed by its ids.
    pub fn id_bound(&self, kind: UnitKind) -> usize {
        self.links[kind as usize].len()
    }
}

/// The statuses of one year's evaluations by title and unit id; a unit without an
/// evaluation has the default status, as in a [`super::Census`].
#[derive(Debug, Clone, Default)]
pub struct YearStatuses {
    year: Year,
    statuses: [Vec<Status>; 5],
}

impl YearStatuses {
    pub fn new(year: Year) -> YearStatuses {
        YearStatuses {
            year,
            ..YearStatuses::default()
        }
    }

    pub fn year(&self) -> Year {
        self.year
    }

    pub fn set(&mut self, title: Title, unit: UnitId, status: Status) {
        let v = &mut self.statuses[title as usize];
        let i = unit as usize;
        if v.len() <= i {
            v.resize(i + 1, Status::default());
        }
        v[i] = status;
    }

    /// One chunk of the status index (see `Reader::for_each_status_chunk`): slot `i` is
    /// unit `first + i`.
    pub fn set_chunk(&mut self, title: Title, first: UnitId, chunk: &[Option<Status>]) {
        for (i, status) in chunk.iter().enumerate() {
            if let Some(status) = status {
                self.set(title, first + i as UnitId, *status);
            }
        }
    }

    pub fn get(&self, title: Title, unit: UnitId) -> Status {
        self.statuses[title as usize]
            .get(unit as usize)
            .copied()
            .unwrap_or_default()
    }
}
