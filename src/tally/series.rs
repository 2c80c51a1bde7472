//! What counting several years needs, read once: every unit's link (whatever years it
//! counts in) and, per year, the statuses of that year's evaluations. The report counts
//! every year of its series (up to ten) from one [`UnitLinks`] instead of reading the
//! link index again for each year's [`super::Census`]; [`super::Tally::measures`] counts
//! a year from them.
//!
//! The links are kept field by field in flat vectors indexed by id (4 bytes of years per
//! unit, not a 24-byte optional link): each year's count walks the years of every unit,
//! and at 200,000 households the whole links no longer fit in the CPU's caches.

use crate::model::{Status, Title, UnitId, UnitKind, UnitLink, Year};

/// The years of a unit id that holds no unit: active in none. (A unit that entered in
/// `Year::MAX` and left in 0 is active in none either, so taking it for no unit changes
/// no count.)
const NO_UNIT: (Year, u32) = (Year::MAX, 0);

/// The stored `left` of a unit that has not left: after every year.
const NOT_LEFT: u32 = u32::MAX;

/// Every unit's link by kind and id, active or not (each year keeps those active in it).
#[derive(Debug, Clone, Default)]
pub struct UnitLinks {
    /// Per kind, per id: (entered, left), with [`NOT_LEFT`] for a unit that has not left.
    years: [Vec<(Year, u32)>; 5],
    parent: [Vec<UnitId>; 5],
    second: [Vec<UnitId>; 5],
    weight: [Vec<u32>; 5],
}

impl UnitLinks {
    pub fn add(&mut self, kind: UnitKind, id: UnitId, link: UnitLink) {
        let k = kind as usize;
        let i = id as usize;
        if self.years[k].len() <= i {
            self.years[k].resize(i + 1, NO_UNIT);
            self.parent[k].resize(i + 1, 0);
            self.second[k].resize(i + 1, 0);
            self.weight[k].resize(i + 1, 0);
        }
        self.years[k][i] = (link.entered, link.left.map_or(NOT_LEFT, u32::from));
        self.parent[k][i] = link.parent;
        self.second[k][i] = link.second;
        self.weight[k][i] = link.weight;
    }

    /// Whether unit `id` of `kind` counts in `year` ([`UnitLink::active_in`]).
    pub fn active_in(&self, kind: UnitKind, id: UnitId, year: Year) -> bool {
        self.years[kind as usize]
            .get(id as usize)
            .is_some_and(|&(entered, left)| entered <= year && u32::from(year) < left)
    }

    /// How many units of a kind count in `year`.
    pub fn active_count(&self, kind: UnitKind, year: Year) -> u64 {
        self.years[kind as usize]
            .iter()
            .map(|&(entered, left)| u64::from(entered <= year && u32::from(year) < left))
            .sum()
    }

    /// The link of unit `id` of `kind`, if there is one.
    pub fn link(&self, kind: UnitKind, id: UnitId) -> Option<UnitLink> {
        let k = kind as usize;
        let i = id as usize;
        let &(entered, left) = self.years[k].get(i)?;
        if (entered, left) == NO_UNIT {
            return None;
        }
        Some(UnitLink {
            entered,
            left: Year::try_from(left).ok(),
            parent: self.parent[k][i],
            second: self.second[k][i],
            weight: self.weight[k][i],
        })
    }

    /// The fields of a kind's units, each a slice indexed by id.
    pub(super) fn fields(&self, kind: UnitKind) -> Fields<'_> {
        let k = kind as usize;
        Fields {
            years: &self.years[k],
            parent: &self.parent[k],
            second: &self.second[k],
            weight: &self.weight[k],
        }
    }

    /// Every unit's link in kind and id order, as the register hands them to
    /// [`super::Census::from_records`].
    pub fn iter(&self) -> impl Iterator<Item = (UnitKind, UnitId, UnitLink)> + '_ {
        UnitKind::ALL.into_iter().flat_map(move |kind| {
            (0..self.years[kind as usize].len() as UnitId)
                .filter_map(move |id| self.link(kind, id).map(|link| (kind, id, link)))
        })
    }

    /// One past the highest id of a kind: the length of a vector indexed by its ids.
    pub fn id_bound(&self, kind: UnitKind) -> usize {
        self.years[kind as usize].len()
    }
}

/// One kind's links field by field, indexed by id (see [`UnitLink`] for what parent,
/// second and weight hold for each kind).
pub(super) struct Fields<'a> {
    /// (entered, left or [`NOT_LEFT`]).
    pub years: &'a [(Year, u32)],
    pub parent: &'a [UnitId],
    pub second: &'a [UnitId],
    pub weight: &'a [u32],
}

/// The statuses of one year's evaluations by title, as (unit id, status) in the order
/// given (the status index's: id order); a unit without an evaluation has the default
/// status, as in a [`super::Census`]. Only the evaluated units are kept: a year's count
/// walks them, not every id.
#[derive(Debug, Clone, Default)]
pub struct YearStatuses {
    year: Year,
    statuses: [Vec<(UnitId, Status)>; 5],
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

    /// The status of one evaluation; each (title, unit) is given at most once, as the
    /// register holds one evaluation per title, unit and year.
    pub fn set(&mut self, title: Title, unit: UnitId, status: Status) {
        self.statuses[title as usize].push((unit, status));
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

    /// The evaluated units of a title with their statuses.
    pub fn of(&self, title: Title) -> &[(UnitId, Status)] {
        &self.statuses[title as usize]
    }
}
