//! Where one evaluation stands, in four yes/no facts and (CDHT) the holder's digital
//! skills. Small enough to be kept for every evaluation in an index, so a year's tallies
//! never need to decode and rescore the evaluations themselves.

use super::DigitalSkills;

/// The status of one unit for one title in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Status {
    pub registered: bool,
    /// Every indicator has a value.
    pub scored: bool,
    /// Complete and meets every rule of its criteria set.
    pub passed: bool,
    pub recognised: bool,
    /// CDHT: the digital skills recorded on the evaluation (schema 6); `None` when not
    /// recorded, and for every other title.
    pub skills: Option<DigitalSkills>,
}

impl Status {
    pub fn to_bits(self) -> u8 {
        u8::from(self.registered)
            | u8::from(self.scored) << 1
            | u8::from(self.passed) << 2
            | u8::from(self.recognised) << 3
            | skills_bits(self.skills) << 4
    }

    /// Reads bits written by [`Status::to_bits`]; unknown bits are an error. Bits 4–5
    /// (digital skills, schema 6) are 0 in every index written before, which reads as
    /// "not recorded".
    pub fn from_bits(bits: u8) -> Option<Status> {
        (bits & !0b11_1111 == 0).then_some(Status {
            registered: bits & 1 != 0,
            scored: bits & 2 != 0,
            passed: bits & 4 != 0,
            recognised: bits & 8 != 0,
            skills: match bits >> 4 {
                1 => Some(DigitalSkills::Chua),
                2 => Some(DigitalSkills::Co),
                3 => Some(DigitalSkills::ThanhThao),
                _ => None,
            },
        })
    }
}

/// Two bits: 0 not recorded, 1 chưa, 2 có, 3 thành thạo. Stored: never renumber.
fn skills_bits(skills: Option<DigitalSkills>) -> u8 {
    match skills {
        None => 0,
        Some(DigitalSkills::Chua) => 1,
        Some(DigitalSkills::Co) => 2,
        Some(DigitalSkills::ThanhThao) => 3,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bits_round_trip_and_unknown_bits_are_refused() {
        for bits in 0..64u8 {
            assert_eq!(Status::from_bits(bits).map(Status::to_bits), Some(bits));
        }
        assert_eq!(Status::from_bits(64), None);
        // An index written before schema 6 reads as "skills not recorded".
        assert_eq!(Status::from_bits(0b1111).and_then(|s| s.skills), None);
    }
}
