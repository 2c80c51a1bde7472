//! Where one evaluation stands, in four yes/no facts. Small enough to be kept for every
//! evaluation in an index, so a year's tallies never need to decode and rescore the
//! evaluations themselves.

/// The status of one unit for one title in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Status {
    pub registered: bool,
    /// Every indicator has a value.
    pub scored: bool,
    /// Complete and meets every rule of its criteria set.
    pub passed: bool,
    pub recognised: bool,
}

impl Status {
    pub fn to_bits(self) -> u8 {
        u8::from(self.registered)
            | u8::from(self.scored) << 1
            | u8::from(self.passed) << 2
            | u8::from(self.recognised) << 3
    }

    /// Reads bits written by [`Status::to_bits`]; unknown bits are an error.
    pub fn from_bits(bits: u8) -> Option<Status> {
        (bits & !0b1111 == 0).then_some(Status {
            registered: bits & 1 != 0,
            scored: bits & 2 != 0,
            passed: bits & 4 != 0,
            recognised: bits & 8 != 0,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_round_trip_and_unknown_bits_are_refused() {
        for bits in 0..16u8 {
            assert_eq!(Status::from_bits(bits).map(Status::to_bits), Some(bits));
        }
        assert_eq!(Status::from_bits(16), None);
    }
}
