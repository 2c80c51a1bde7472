//! The stored form of the two derived indexes since schema 8: many units to a record.
//! Unit ids are handed out densely from 1, so the ids `c·256 … c·256+255` share one
//! record (a *chunk*, keyed by `id >> 8`), and a year's census reads a few hundred
//! records where it read one per unit (213,000 links and 85,000 statuses at commune
//! scale, most of the home screen's time).
//!
//! - A **link chunk** (`unit_links_v2`) holds up to 256 slots of [`LINK_LEN`] bytes, slot
//!   `id & 255` at offset `20·slot`: a unit's [`UnitLink`] (see [`super::links`]) with
//!   byte 16 set to 1, or 20 zero bytes where there is no unit.
//! - A **status chunk** (`statuses_v2`) holds up to 256 bytes, byte `id & 255` being
//!   `0x80 | status bits` for an evaluation, or 0 where there is none (a status of all
//!   zero bits is a real status, hence the presence bit).
//!
//! Trailing empty slots are not stored, and a chunk left with no slot is removed: a
//! stored chunk is never empty and never ends in an empty slot.

use super::codec::DecodeError;
use super::links::LINK_LEN;
use crate::model::{Status, UnitId, UnitLink};

/// Slots per chunk.
pub const SLOTS: usize = 256;

/// Where in a link slot the presence mark is (bytes 16–19 of a link are reserved 0).
const PRESENT: usize = 16;

/// The statuses of one chunk by slot, as the reader hands them over.
pub type StatusChunk = [Option<Status>; SLOTS];

/// The presence bit of a status byte.
const STATUS_PRESENT: u8 = 0x80;

/// The chunk a unit id's slot is in.
pub fn chunk_of(id: UnitId) -> u32 {
    id >> 8
}

/// The slot of a unit id in its chunk.
pub fn slot_of(id: UnitId) -> usize {
    (id & 0xff) as usize
}

/// The id of a chunk's first slot.
pub fn first_id(chunk: u32) -> UnitId {
    chunk << 8
}

fn bad(what: &'static str, reason: String) -> DecodeError {
    DecodeError { what, reason }
}

/// Sets (or with `None` empties) a unit's slot of a link chunk, trimming empty slots
/// at its end. An empty result means the chunk should be removed.
pub fn put_link(chunk: &mut Vec<u8>, slot: usize, link: Option<&UnitLink>) {
    let at = slot * LINK_LEN;
    match link {
        Some(link) => {
            if chunk.len() < at + LINK_LEN {
                chunk.resize(at + LINK_LEN, 0);
            }
            let mut bytes = link.encode();
            bytes[PRESENT] = 1;
            chunk[at..at + LINK_LEN].copy_from_slice(&bytes);
        }
        None => {
            if let Some(place) = chunk.get_mut(at..at + LINK_LEN) {
                place.fill(0);
            }
            while chunk.len() >= LINK_LEN && chunk[chunk.len() - LINK_LEN + PRESENT] == 0 {
                chunk.truncate(chunk.len() - LINK_LEN);
            }
        }
    }
}

/// Whether a link chunk has a unit in `slot`.
pub fn has_link(chunk: &[u8], slot: usize) -> bool {
    chunk
        .get(slot * LINK_LEN + PRESENT)
        .is_some_and(|b| *b == 1)
}

/// Hands over every unit of a link chunk whose first id is `first`, in id order.
/// Anything the writer never produces (a wrong length, a stray byte in an empty slot or
/// in the reserved bytes, a trailing empty slot) is an error, not skipped.
pub fn each_link(
    chunk: &[u8],
    first: UnitId,
    mut f: impl FnMut(UnitId, UnitLink),
) -> Result<(), DecodeError> {
    const WHAT: &str = "khối liên kết đơn vị";
    if chunk.is_empty() || !chunk.len().is_multiple_of(LINK_LEN) || chunk.len() > SLOTS * LINK_LEN {
        return Err(bad(WHAT, format!("dài {} byte", chunk.len())));
    }
    let last = chunk.len() / LINK_LEN - 1;
    for (slot, bytes) in chunk.chunks_exact(LINK_LEN).enumerate() {
        match bytes[PRESENT] {
            1 if bytes[PRESENT + 1..].iter().all(|b| *b == 0) => {
                let mut plain = [0u8; LINK_LEN];
                plain[..PRESENT].copy_from_slice(&bytes[..PRESENT]);
                f(first + slot as UnitId, UnitLink::decode(&plain)?);
            }
            0 if slot != last && bytes.iter().all(|b| *b == 0) => {}
            _ => {
                return Err(bad(
                    WHAT,
                    format!("ô {} (mã nội bộ {}) hỏng", slot, first + slot as UnitId),
                ));
            }
        }
    }
    Ok(())
}

/// Sets (or with `None` empties) a unit's byte of a status chunk, trimming empty bytes
/// at its end. An empty result means the chunk should be removed.
pub fn put_status(chunk: &mut Vec<u8>, slot: usize, status: Option<Status>) {
    match status {
        Some(status) => {
            if chunk.len() <= slot {
                chunk.resize(slot + 1, 0);
            }
            chunk[slot] = STATUS_PRESENT | status.to_bits();
        }
        None => {
            if let Some(b) = chunk.get_mut(slot) {
                *b = 0;
            }
            while chunk.last() == Some(&0) {
                chunk.pop();
            }
        }
    }
}

/// The statuses of a status chunk, by slot: `None` where there is no evaluation.
/// Checked as [`each_link`] checks a link chunk.
pub fn statuses(chunk: &[u8]) -> Result<[Option<Status>; SLOTS], DecodeError> {
    const WHAT: &str = "khối trạng thái đánh giá";
    if chunk.is_empty() || chunk.len() > SLOTS || chunk.last() == Some(&0) {
        return Err(bad(WHAT, format!("dài {} byte", chunk.len())));
    }
    let mut out = [None; SLOTS];
    for (slot, &byte) in chunk.iter().enumerate() {
        if byte == 0 {
            continue;
        }
        out[slot] = (byte & STATUS_PRESENT != 0)
            .then(|| Status::from_bits(byte & !STATUS_PRESENT))
            .flatten();
        if out[slot].is_none() {
            return Err(bad(WHAT, format!("ô {slot}: giá trị {byte}")));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn link_of(n: u32) -> UnitLink {
        UnitLink {
            entered: 2000 + (n % 30) as u16,
            left: n.is_multiple_of(3).then_some(2030),
            parent: n,
            second: n / 2,
            weight: n % 7,
        }
    }

    proptest! {
        /// Any sequence of puts and removals leaves a chunk that decodes to exactly the
        /// slots set, with nothing trailing.
        #[test]
        fn link_chunks_hold_what_was_put(ops in proptest::collection::vec((0usize..SLOTS, proptest::option::of(0u32..1000)), 0..60)) {
            let mut chunk = Vec::new();
            let mut want = BTreeMap::new();
            for (slot, value) in ops {
                let link = value.map(link_of);
                put_link(&mut chunk, slot, link.as_ref());
                match link {
                    Some(l) => { want.insert(slot as u32 + 512, l); }
                    None => { want.remove(&(slot as u32 + 512)); }
                }
            }
            if want.is_empty() {
                prop_assert!(chunk.is_empty());
            } else {
                let mut got = BTreeMap::new();
                each_link(&chunk, 512, |id, l| { got.insert(id, l); }).expect("decodes");
                prop_assert_eq!(got, want.clone());
                for slot in 0..SLOTS {
                    prop_assert_eq!(has_link(&chunk, slot), want.contains_key(&(slot as u32 + 512)));
                }
            }
        }

        #[test]
        fn status_chunks_hold_what_was_put(ops in proptest::collection::vec((0usize..SLOTS, proptest::option::of(0u8..64)), 0..60)) {
            let mut chunk = Vec::new();
            let mut want = [None; SLOTS];
            for (slot, bits) in ops {
                let status = bits.and_then(Status::from_bits);
                put_status(&mut chunk, slot, status);
                want[slot] = status;
            }
            if want.iter().all(Option::is_none) {
                prop_assert!(chunk.is_empty());
            } else {
                prop_assert_eq!(statuses(&chunk).expect("decodes"), want);
            }
        }

        /// A chunk the writer never produces is refused, whatever its bytes.
        #[test]
        fn damaged_status_chunks_are_errors(bytes in proptest::collection::vec(any::<u8>(), 0..300)) {
            let valid = !bytes.is_empty() && bytes.len() <= SLOTS && bytes.last() != Some(&0)
                && bytes.iter().all(|b| *b == 0 || (b & 0x80 != 0 && b & 0x40 == 0));
            prop_assert_eq!(statuses(&bytes).is_ok(), valid);
        }
    }

    #[test]
    fn a_status_of_no_bits_is_kept_apart_from_no_evaluation() {
        let mut chunk = Vec::new();
        put_status(&mut chunk, 3, Some(Status::default()));
        assert_eq!(chunk, [0, 0, 0, 0x80]);
        assert_eq!(
            statuses(&chunk).expect("decodes")[3],
            Some(Status::default())
        );
        put_status(&mut chunk, 3, None);
        assert!(chunk.is_empty());
    }

    #[test]
    fn damaged_link_chunks_are_errors() {
        let mut chunk = Vec::new();
        put_link(&mut chunk, 1, Some(&link_of(5)));
        assert!(each_link(&chunk, 0, |_, _| {}).is_ok());
        for at in [3, PRESENT, PRESENT + 2, LINK_LEN + PRESENT] {
            let mut bad = chunk.clone();
            bad[at] ^= 2;
            assert!(each_link(&bad, 0, |_, _| {}).is_err(), "byte {at}");
        }
        assert!(each_link(&chunk[..LINK_LEN + 3], 0, |_, _| {}).is_err());
        assert!(each_link(&[], 0, |_, _| {}).is_err());
        // A trailing empty slot is never written.
        let mut trailing = chunk.clone();
        trailing.extend([0u8; LINK_LEN]);
        assert!(each_link(&trailing, 0, |_, _| {}).is_err());
    }
}
