//! The part of a unit that tallies need — the years it counts, what it belongs to, how
//! many people it weighs. The register keeps it beside every unit record in a fixed
//! 20-byte form (see `store::links`), so opening a year reads 20 bytes per unit instead
//! of decoding names and addresses of 200,000 people.

use super::{Affiliation, Unit, UnitId, Year};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnitLink {
    pub entered: Year,
    pub left: Option<Year>,
    /// Household: its community; citizen: its household (0 = none).
    pub parent: UnitId,
    /// Household: its clan (0 = none); citizen: its organisation (0 = none).
    pub second: UnitId,
    /// Household: adults; organisation: staff.
    pub weight: u32,
}

impl UnitLink {
    pub fn of(unit: &Unit) -> UnitLink {
        let meta = unit.meta();
        let mut link = UnitLink {
            entered: meta.entered,
            left: meta.left,
            ..UnitLink::default()
        };
        match unit {
            Unit::Household(h) => {
                link.parent = h.community;
                link.second = h.clan.unwrap_or(0);
                link.weight = u32::from(h.adults);
            }
            Unit::Organisation(o) => link.weight = o.staff,
            Unit::Citizen(c) => match c.affiliation {
                Affiliation::Household(h) => link.parent = h,
                Affiliation::Organisation(o) => link.second = o,
                Affiliation::None => {}
            },
            Unit::Community(_) | Unit::Clan(_) => {}
        }
        link
    }

    pub fn active_in(&self, year: Year) -> bool {
        self.entered <= year && self.left.is_none_or(|left| year < left)
    }

    /// The citizen's affiliation as the model spells it.
    pub fn affiliation(&self) -> Affiliation {
        match (self.parent, self.second) {
            (0, 0) => Affiliation::None,
            (0, o) => Affiliation::Organisation(o),
            (h, _) => Affiliation::Household(h),
        }
    }
}
