//! A year's [`Tally`] as bytes, for the register to keep beside the data it counts
//! (table `tally_cache_v1`, see `store::tables::TALLY_CACHE`): the home screen then
//! draws its bars from one small record instead of first reading every unit's links.
//!
//! The bytes are a versioned postcard record like those of `store::records`: an enum
//! whose variants are format versions, each wrapping a frozen wire type. `TallyV1` is
//! never edited; a change adds `TallyV2` and a variant. A value that does not decode is
//! an error, never a panic — and since the record only repeats what the census counts,
//! a caller that cannot read it counts the year again.

use super::{Counts, IdMap, Tally};
use crate::model::UnitId;
use serde::{Deserialize, Serialize};

#[derive(Serialize, Deserialize)]
enum TallyWire {
    V1(TallyV1),
}

/// [`Counts`] as version 1 stores them.
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
struct CountsV1 {
    total: u64,
    registered: u64,
    scored: u64,
    passed: u64,
    recognised: u64,
}

/// [`Tally`] as version 1 stores it; the breakdowns in id order, so equal tallies make
/// equal bytes.
#[derive(Debug, Clone, Serialize, Deserialize)]
struct TallyV1 {
    titles: [CountsV1; 5],
    cdht_community: CountsV1,
    cdht_units: CountsV1,
    digital_skills: CountsV1,
    digital_proficient: CountsV1,
    by_community: Vec<(u32, [CountsV1; 5])>,
    by_clan: Vec<(u32, [CountsV1; 5])>,
}

impl From<Counts> for CountsV1 {
    fn from(c: Counts) -> CountsV1 {
        CountsV1 {
            total: c.total,
            registered: c.registered,
            scored: c.scored,
            passed: c.passed,
            recognised: c.recognised,
        }
    }
}

impl From<CountsV1> for Counts {
    fn from(c: CountsV1) -> Counts {
        Counts {
            total: c.total,
            registered: c.registered,
            scored: c.scored,
            passed: c.passed,
            recognised: c.recognised,
        }
    }
}

fn groups_v1(map: &IdMap<[Counts; 5]>) -> Vec<(u32, [CountsV1; 5])> {
    let mut groups: Vec<(u32, [CountsV1; 5])> = map
        .iter()
        .map(|(id, counts)| (*id, counts.map(CountsV1::from)))
        .collect();
    groups.sort_unstable_by_key(|(id, _)| *id);
    groups
}

fn groups_of(groups: Vec<(u32, [CountsV1; 5])>) -> IdMap<[Counts; 5]> {
    groups
        .into_iter()
        .map(|(id, counts)| (id as UnitId, counts.map(Counts::from)))
        .collect()
}

impl Tally {
    /// The tally as the newest version of its stored record.
    pub fn to_bytes(&self) -> Vec<u8> {
        let wire = TallyWire::V1(TallyV1 {
            titles: self.titles.map(CountsV1::from),
            cdht_community: self.cdht_community.into(),
            cdht_units: self.cdht_units.into(),
            digital_skills: self.digital_skills.into(),
            digital_proficient: self.digital_proficient.into(),
            by_community: groups_v1(&self.by_community),
            by_clan: groups_v1(&self.by_clan),
        });
        // Plain data into a Vec has no failure mode the data can cause; an empty value
        // would be refused by `from_bytes` rather than trusted.
        postcard::to_stdvec(&wire).unwrap_or_default()
    }

    /// A tally from its stored bytes, whatever their version; the reason when they are
    /// not a whole record.
    pub fn from_bytes(bytes: &[u8]) -> Result<Tally, String> {
        let (wire, rest): (TallyWire, &[u8]) =
            postcard::take_from_bytes(bytes).map_err(|e| e.to_string())?;
        if !rest.is_empty() {
            return Err(format!("thừa {} byte ở cuối", rest.len()));
        }
        let TallyWire::V1(v) = wire;
        let counts = v
            .titles
            .iter()
            .chain([
                &v.cdht_community,
                &v.cdht_units,
                &v.digital_skills,
                &v.digital_proficient,
            ])
            .chain(v.by_community.iter().chain(&v.by_clan).flat_map(|(_, c)| c));
        // No commune has four billion of anything: a larger counter is damage, and the
        // bars would multiply it.
        if counts
            .flat_map(|c| [c.total, c.registered, c.scored, c.passed, c.recognised])
            .any(|n| n > u64::from(u32::MAX))
        {
            return Err("số đếm lớn quá mức có thể".into());
        }
        Ok(Tally {
            titles: v.titles.map(Counts::from),
            cdht_community: v.cdht_community.into(),
            cdht_units: v.cdht_units.into(),
            digital_skills: v.digital_skills.into(),
            digital_proficient: v.digital_proficient.into(),
            by_community: groups_of(v.by_community),
            by_clan: groups_of(v.by_clan),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn counts() -> impl Strategy<Value = Counts> {
        let n = || 0..=u64::from(u32::MAX);
        (n(), n(), n(), n(), n()).prop_map(|(total, registered, scored, passed, recognised)| {
            Counts {
                total,
                registered,
                scored,
                passed,
                recognised,
            }
        })
    }

    fn groups() -> impl Strategy<Value = IdMap<[Counts; 5]>> {
        proptest::collection::vec((any::<u32>(), proptest::array::uniform5(counts())), 0..20)
            .prop_map(|v| v.into_iter().collect())
    }

    fn tally() -> impl Strategy<Value = Tally> {
        (
            proptest::array::uniform5(counts()),
            proptest::array::uniform4(counts()),
            groups(),
            groups(),
        )
            .prop_map(|(titles, [a, b, c, d], by_community, by_clan)| Tally {
                titles,
                cdht_community: a,
                cdht_units: b,
                digital_skills: c,
                digital_proficient: d,
                by_community,
                by_clan,
            })
    }

    proptest! {
        #[test]
        fn a_tally_reads_back_as_it_was_stored(tally in tally()) {
            prop_assert_eq!(Tally::from_bytes(&tally.to_bytes()), Ok(tally));
        }

        #[test]
        fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..256)) {
            let _ = Tally::from_bytes(&bytes);
        }
    }

    #[test]
    fn equal_tallies_make_equal_bytes_whatever_the_map_order() {
        let mut a = Tally::default();
        let mut b = Tally::default();
        for id in 1..50u32 {
            a.by_clan.insert(id, [Counts::default(); 5]);
        }
        for id in (1..50u32).rev() {
            b.by_clan.insert(id, [Counts::default(); 5]);
        }
        assert_eq!(a.to_bytes(), b.to_bytes());
    }

    #[test]
    fn a_counter_no_commune_can_have_is_refused() {
        let mut tally = Tally::default();
        tally.by_clan.insert(7, [Counts::default(); 5]);
        assert!(Tally::from_bytes(&tally.to_bytes()).is_ok());
        if let Some(c) = tally.by_clan.get_mut(&7) {
            c[1].recognised = u64::from(u32::MAX) + 1;
        }
        assert!(Tally::from_bytes(&tally.to_bytes()).is_err());
        let mut tally = Tally::default();
        tally.titles[0].total = u64::MAX;
        assert!(Tally::from_bytes(&tally.to_bytes()).is_err());
    }

    #[test]
    fn trailing_and_truncated_bytes_are_refused() {
        let bytes = Tally::default().to_bytes();
        let mut longer = bytes.clone();
        longer.push(0);
        assert!(Tally::from_bytes(&longer).is_err());
        assert!(Tally::from_bytes(&bytes[..bytes.len() - 1]).is_err());
        assert!(Tally::from_bytes(&[]).is_err());
    }
}
