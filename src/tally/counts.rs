//! Counters for one group of units, and what they mean against a target.

use super::Status;
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
    let needed = target.map(|t| (counts.total * u64::from(t)).div_ceil(1000));
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
