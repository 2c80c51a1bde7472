//! Counters for one group of units, and what they mean against a target.

use super::Status;
use crate::model::Basis;
use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Counts {
    pub total: u64,
    pub registered: u64,
    pub scored: u64,
    pub passed: u64,
    pub recognised: u64,
}

impl Counts {
    /// Adds (`sign = 1`) or removes (`sign = -1`) one unit with `status`.
    pub(super) fn add_status(&mut self, status: Status, sign: i64) {
        let step = |n: &mut u64, on: bool| {
            if on {
                *n = n.saturating_add_signed(sign);
            }
        };
        step(&mut self.registered, status.registered);
        step(&mut self.scored, status.scored);
        step(&mut self.passed, status.passed);
        step(&mut self.recognised, status.recognised);
    }

    /// Adds one unit with `status` (counting a year: never removes).
    pub(super) fn count_one(&mut self, status: Status) {
        self.total += 1;
        self.registered += u64::from(status.registered);
        self.scored += u64::from(status.scored);
        self.passed += u64::from(status.passed);
        self.recognised += u64::from(status.recognised);
    }

    /// Adds `weight` people (or units) to every counter that `status` sets, and to the total.
    pub(super) fn add_weighted(&mut self, status: Status, weight: u64, sign: i64) {
        let w = i64::try_from(weight).unwrap_or(i64::MAX) * sign;
        self.total = self.total.saturating_add_signed(w);
        let step = |n: &mut u64, on: bool| {
            if on {
                *n = n.saturating_add_signed(w);
            }
        };
        step(&mut self.registered, status.registered);
        step(&mut self.scored, status.scored);
        step(&mut self.passed, status.passed);
        step(&mut self.recognised, status.recognised);
    }
}

/// How a group stands against a target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Recognised as tenths of a percent of the total (617 = 61,7%).
    pub percent_of_total: Option<u32>,
    pub percent_of_registered: Option<u32>,
    pub percent_registered: Option<u32>,
    /// Target in tenths of a percent.
    pub target: Option<u16>,
    /// Units still to recognise to reach the target (0 when reached).
    pub gap: Option<u64>,
    pub on_track: Option<bool>,
}

/// Measures `counts` against a target given in tenths of a percent.
pub fn progress(counts: &Counts, target: Option<u16>) -> Progress {
    use crate::text::percent_tenths;
    let needed = target.map(|t| counts.total.saturating_mul(u64::from(t)).div_ceil(1000));
    let gap = needed.map(|n| n.saturating_sub(counts.recognised));
    Progress {
        percent_of_total: percent_tenths(counts.recognised, counts.total),
        percent_of_registered: percent_tenths(counts.recognised, counts.registered),
        percent_registered: percent_tenths(counts.registered, counts.total),
        target,
        gap,
        // With nothing to count there is nothing to be on track with.
        on_track: gap.filter(|_| counts.total > 0).map(|g| g == 0),
    }
}

/// How a group stands against a target on any basis (see [`Basis`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct BasisProgress {
    /// The share the target is measured on, in tenths; `None` over a denominator of 0.
    pub percent: Option<u32>,
    /// Units still to register (basis "registered") or to recognise (the two others) to
    /// reach the target, rounded up; 0 when reached.
    pub gap: Option<u64>,
    pub on_track: Option<bool>,
    /// Basis "total" only: units that must register before they can be recognised,
    /// because the target asks for more recognitions than there are registrations.
    pub register_first: u64,
}

/// Measures `counts` against a target in tenths on `basis`.
pub fn progress_on(counts: &Counts, basis: Basis, target: Option<u16>) -> BasisProgress {
    use crate::text::percent_tenths;
    let (have, of) = match basis {
        Basis::Total => (counts.recognised, counts.total),
        Basis::Registered => (counts.registered, counts.total),
        Basis::OfRegistered => (counts.recognised, counts.registered),
    };
    let needed = target.map(|t| of.saturating_mul(u64::from(t)).div_ceil(1000));
    let gap = needed.map(|n| n.saturating_sub(have));
    let register_first = match (basis, needed) {
        (Basis::Total, Some(n)) => n.saturating_sub(counts.registered.max(counts.recognised)),
        _ => 0,
    };
    BasisProgress {
        percent: percent_tenths(have, of),
        gap,
        on_track: gap.filter(|_| of > 0).map(|g| g == 0),
        register_first,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gap_is_the_units_still_needed_rounded_up() {
        let c = Counts {
            total: 1000,
            registered: 800,
            scored: 700,
            passed: 680,
            recognised: 663,
        };
        let p = progress(&c, Some(700));
        assert_eq!(p.gap, Some(37));
        assert_eq!(p.percent_of_total, Some(663));
        assert_eq!(p.on_track, Some(false));
        let small = Counts {
            total: 7,
            recognised: 5,
            ..Counts::default()
        };
        // 70% of 7 is 4.9: five units are needed, and five are there.
        assert_eq!(progress(&small, Some(700)).gap, Some(0));
        assert_eq!(
            progress(&Counts::default(), Some(700)).percent_of_total,
            None
        );
    }
}

/// Every basis against hand-worked figures.
#[cfg(test)]
mod basis_tests {
    use super::*;

    fn counts(total: u64, registered: u64, recognised: u64) -> Counts {
        Counts {
            total,
            registered,
            scored: registered,
            passed: recognised,
            recognised,
        }
    }

    #[test]
    fn registered_over_total() {
        // 80 % of 1.000 households must register: 800; 650 have: 150 to go.
        let p = progress_on(&counts(1000, 650, 500), Basis::Registered, Some(800));
        assert_eq!(
            (p.percent, p.gap, p.on_track),
            (Some(650), Some(150), Some(false))
        );
        // 80 % of 7 is 5,6: six must register, six have.
        let p = progress_on(&counts(7, 6, 0), Basis::Registered, Some(800));
        assert_eq!((p.gap, p.on_track), (Some(0), Some(true)));
        assert_eq!(p.register_first, 0);
    }

    #[test]
    fn recognised_over_registered() {
        // 72 % of the 650 registered: 468; 400 recognised: 68 to go.
        let p = progress_on(&counts(1000, 650, 400), Basis::OfRegistered, Some(720));
        assert_eq!(
            (p.percent, p.gap, p.on_track),
            (Some(615), Some(68), Some(false))
        );
        // Nobody registered: no percentage, nothing owed, not on or off track.
        let p = progress_on(&counts(1000, 0, 0), Basis::OfRegistered, Some(720));
        assert_eq!((p.percent, p.gap, p.on_track), (None, Some(0), None));
    }

    #[test]
    fn a_total_target_beyond_the_registrations_says_how_many_must_register_first() {
        // 80 % of 1.000 = 800 to recognise; 300 recognised, 500 registered: 500 short,
        // and at most 500 can be recognised, so 300 more must first register.
        let p = progress_on(&counts(1000, 500, 300), Basis::Total, Some(800));
        assert_eq!(
            (p.percent, p.gap, p.register_first),
            (Some(300), Some(500), 300)
        );
        // 100 % with nobody registered: every unit must register first.
        let p = progress_on(&counts(40, 0, 0), Basis::Total, Some(1000));
        assert_eq!((p.gap, p.register_first), (Some(40), 40));
        // The same figures as `progress` on the total basis.
        let c = counts(1000, 800, 663);
        let old = progress(&c, Some(700));
        let new = progress_on(&c, Basis::Total, Some(700));
        assert_eq!((old.percent_of_total, old.gap), (new.percent, new.gap));
        assert_eq!(new.register_first, 0);
    }
}
