//! The stored form of a [`UnitLink`]: a fixed 20-byte record kept beside every unit
//! record in its own table, so opening a year reads 20 bytes per unit instead of
//! decoding names and addresses of 200,000 people.

use super::codec::DecodeError;
use crate::model::UnitLink;

pub const LINK_LEN: usize = 20;

impl UnitLink {
    pub fn encode(&self) -> [u8; LINK_LEN] {
        let mut out = [0u8; LINK_LEN];
        out[0..2].copy_from_slice(&self.entered.to_le_bytes());
        out[2..4].copy_from_slice(&self.left.unwrap_or(0).to_le_bytes());
        out[4..8].copy_from_slice(&self.parent.to_le_bytes());
        out[8..12].copy_from_slice(&self.second.to_le_bytes());
        out[12..16].copy_from_slice(&self.weight.to_le_bytes());
        out
    }

    pub fn decode(bytes: &[u8]) -> Result<UnitLink, DecodeError> {
        let bytes: &[u8; LINK_LEN] = bytes.try_into().map_err(|_| DecodeError {
            what: "liên kết đơn vị",
            reason: format!("dài {} byte, cần {LINK_LEN}", bytes.len()),
        })?;
        let u16_at = |i: usize| u16::from_le_bytes([bytes[i], bytes[i + 1]]);
        let u32_at =
            |i: usize| u32::from_le_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]);
        let left = u16_at(2);
        Ok(UnitLink {
            entered: u16_at(0),
            left: (left != 0).then_some(left),
            parent: u32_at(4),
            second: u32_at(8),
            weight: u32_at(12),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn links_round_trip(entered in 0u16.., left in proptest::option::of(1u16..), parent: u32, second: u32, weight: u32) {
            let link = UnitLink { entered, left, parent, second, weight };
            prop_assert_eq!(UnitLink::decode(&link.encode()), Ok(link));
        }

        #[test]
        fn wrong_lengths_are_errors(bytes in proptest::collection::vec(any::<u8>(), 0..40)) {
            prop_assert_eq!(UnitLink::decode(&bytes).is_ok(), bytes.len() == LINK_LEN);
        }
    }
}
