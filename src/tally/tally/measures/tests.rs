use super::*;
use crate::model::{DigitalSkills, UnitId, UnitLink, Year};
use crate::tally::Census;
use proptest::prelude::*;

/// A link from generated numbers: years around the counted ones, parents and clans
/// that may point at units missing or not active.
fn link(
    kind: UnitKind,
    (entered, left, parent, second, weight): (u16, u16, u32, u32, u32),
) -> UnitLink {
    let mut link = UnitLink {
        entered: 2018 + entered,
        left: (left > 0).then_some(2018 + entered + left),
        ..UnitLink::default()
    };
    match kind {
        UnitKind::Household => {
            link.parent = parent;
            link.second = second;
            link.weight = weight;
        }
        UnitKind::Organisation => link.weight = weight,
        // 0 and 0: no affiliation; a parent wins over an organisation.
        UnitKind::Citizen => {
            link.parent = parent * (second % 2);
            link.second = second;
        }
        UnitKind::Community | UnitKind::Clan => {}
    }
    link
}

fn status(bits: u8) -> Status {
    Status {
        registered: bits & 1 != 0,
        scored: bits & 2 != 0,
        passed: bits & 4 != 0,
        recognised: bits & 8 != 0,
        skills: match bits >> 4 {
            0 => None,
            1 => Some(DigitalSkills::Chua),
            2 => Some(DigitalSkills::Co),
            _ => Some(DigitalSkills::ThanhThao),
        },
    }
}

fn links_strategy() -> impl Strategy<Value = Vec<(u16, u16, u32, u32, u32)>> {
    prop::collection::vec((0u16..6, 0u16..4, 0u32..8, 0u32..6, 0u32..70_000), 0..40)
}

proptest! {
    #[test]
    fn the_measures_of_a_year_equal_the_full_tally_of_its_census(
        units in prop::array::uniform5(links_strategy()),
        evaluations in prop::collection::vec((0usize..5, 0u32..42, 0u8..64), 0..120),
        year in 2017u16..2026,
    ) {
        let mut links = UnitLinks::default();
        let mut all = Vec::new();
        for kind in UnitKind::ALL {
            for (i, numbers) in units[kind as usize].iter().enumerate() {
                // Ids from 1, as the register hands them out, with a gap now and then.
                let id = (i as UnitId + 1) * (1 + u32::from(numbers.1 == 3));
                if all.iter().any(|&(k, i, _)| k == kind && i == id) {
                    continue;
                }
                let link = link(kind, *numbers);
                links.add(kind, id, link);
                all.push((kind, id, link));
            }
        }
        // One evaluation per title and unit, the last given.
        let mut given = Vec::new();
        for &(t, unit, bits) in &evaluations {
            let title = Title::ALL[t];
            given.retain(|&(g, u, _)| (g, u) != (title, unit));
            given.push((title, unit, status(bits)));
        }
        let mut statuses = YearStatuses::new(year);
        for &(title, unit, status) in &given {
            statuses.set(title, unit, status);
        }
        let full = Tally::compute(&Census::from_records(year, all.iter().copied(), given));
        let expected = Tally {
            by_community: Default::default(),
            by_clan: Default::default(),
            ..full
        };
        prop_assert_eq!(Tally::measures(&links, &statuses), expected);
        // The links kept field by field give back every unit's link, in kind and id order.
        let mut sorted = all.clone();
        sorted.sort_by_key(|&(kind, id, _)| (kind as u8, id));
        prop_assert!(links.iter().eq(sorted));
    }
}

#[test]
fn a_chunk_of_the_status_index_sets_its_slots_from_the_first_id() {
    let mut statuses = YearStatuses::new(2025);
    let mut chunk = [None; 4];
    chunk[2] = Some(status(8));
    statuses.set_chunk(Title::CongDan, 256, &chunk);
    assert_eq!(statuses.of(Title::CongDan), &[(258, status(8))]);
    assert_eq!(statuses.year(), 2025 as Year);
}
