//! A hasher for maps keyed by unit id. Ids are small integers the register hands out, not
//! input an attacker chooses, so the standard library's SipHash (built to resist chosen
//! keys) only costs time: computing a commune's tally hashes a quarter of a million ids.

use crate::model::UnitId;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map from unit id, hashed with [`IdHasher`].
pub type IdMap<V> = HashMap<UnitId, V, BuildHasherDefault<IdHasher>>;

/// One multiplication per id (the constant of Firefox's and rustc's FxHash), which
/// spreads consecutive ids over the whole hash, top bits included, as the map needs.
#[derive(Debug, Default, Clone, Copy)]
pub struct IdHasher(u64);

const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }

    fn write_u32(&mut self, n: u32) {
        self.write_u64(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(SEED);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_map_as_in_any_map() {
        let mut map: IdMap<u32> = IdMap::default();
        for id in 0..10_000u32 {
            map.insert(id, id * 2);
        }
        assert_eq!(map.len(), 10_000);
        assert!((0..10_000u32).all(|id| map.get(&id) == Some(&(id * 2))));
        assert_eq!(map.get(&10_000), None);
    }
}
