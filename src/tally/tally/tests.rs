use super::*;
use crate::model::{
    Citizen, Clan, Community, CommunityKind, Gender, Household, OrgKind, Organisation, Unit,
    UnitMeta,
};
use proptest::prelude::*;

fn meta(code: String) -> UnitMeta {
    UnitMeta {
        code,
        entered: 2020,
        left: None,
    }
}

/// A small commune: 3 communities, 2 clans, 12 households, 2 organisations, and 30
/// citizens spread over households and organisations.
fn census() -> Census {
    let mut c = Census::new(2025);
    for id in 1..=3 {
        c.add_unit(
            id,
            &Unit::Community(Community {
                meta: meta(format!("TH{id}")),
                name: format!("Thôn {id}"),
                kind: CommunityKind::Thon,
            }),
        );
    }
    for id in 1..=2 {
        c.add_unit(
            id,
            &Unit::Clan(Clan {
                meta: meta(format!("DH{id}")),
                name: format!("Họ {id}"),
                branch: None,
                head: String::new(),
                note: String::new(),
            }),
        );
    }
    for id in 1..=12u32 {
        c.add_unit(
            id,
            &Unit::Household(Household {
                meta: meta(format!("HO{id}")),
                head_name: format!("Chủ hộ {id}"),
                community: id % 3 + 1,
                clan: (id % 4 != 0).then_some(id % 2 + 1),
                members: 5,
                adults: (id % 4 + 1) as u16,
                address: String::new(),
            }),
        );
    }
    for id in 1..=2 {
        c.add_unit(
            id,
            &Unit::Organisation(Organisation {
                meta: meta(format!("DV{id}")),
                name: format!("Đơn vị {id}"),
                kind: OrgKind::TruongHoc,
                staff: 10 * id,
            }),
        );
    }
    for id in 1..=30u32 {
        let affiliation = if id <= 24 {
            Affiliation::Household(id % 12 + 1)
        } else {
            Affiliation::Organisation(id % 2 + 1)
        };
        c.add_unit(
            id,
            &Unit::Citizen(Citizen {
                meta: meta(format!("CD{id}")),
                full_name: format!("Công dân {id}"),
                birth_year: None,
                gender: Gender::Nam,
                affiliation,
                target_group: None,
            }),
        );
    }
    c
}

fn status(bits: u8) -> Status {
    let registered = bits & 1 != 0;
    Status {
        registered,
        scored: registered && bits & 2 != 0,
        passed: registered && bits & 2 != 0 && bits & 4 != 0,
        recognised: registered && bits & 8 != 0,
        skills: None,
    }
}

fn max_id(title: Title) -> u32 {
    match title {
        Title::CongDong => 3,
        Title::DongHo => 2,
        Title::GiaDinh => 12,
        Title::DonVi => 2,
        Title::CongDan => 30,
    }
}

#[test]
fn recognising_a_household_adds_its_adults_to_the_cdht_population() {
    let mut census = census();
    let mut tally = Tally::compute(&census);
    assert_eq!(tally.cdht_community.total, 0);
    let recognised = status(1 | 2 | 4 | 8);
    tally.apply(&mut census, Title::GiaDinh, 4, recognised);
    // Household 4 has 4 % 4 + 1 = 1 adult.
    assert_eq!(tally.cdht_community.total, 1);
    assert_eq!(tally.titles[Title::GiaDinh as usize].recognised, 1);
    // Its community (4 % 3 + 1 = 2) sees it in the breakdown.
    assert_eq!(
        tally.by_community[&2][Title::GiaDinh as usize].recognised,
        1
    );
    // Recognising community 2 brings in all its households' adults at once.
    tally.apply(&mut census, Title::CongDong, 2, recognised);
    let adults: u64 = census
        .households_of_community(2)
        .iter()
        .filter_map(|&h| census.household(h))
        .map(|h| u64::from(h.adults))
        .sum();
    assert_eq!(tally.cdht_community.total, adults);
    assert_eq!(tally, Tally::compute(&census));
}

#[test]
fn ddvht_staff_count_once_the_unit_is_recognised() {
    let mut census = census();
    let mut tally = Tally::compute(&census);
    tally.apply(&mut census, Title::CongDan, 25, status(1 | 8));
    assert_eq!(tally.cdht_units, Counts::default());
    tally.apply(&mut census, Title::DonVi, 2, status(1 | 2 | 4 | 8));
    assert_eq!(tally.cdht_units.total, 20);
    assert_eq!(tally.cdht_units.recognised, 1);
}

proptest! {
    #[test]
    fn incremental_counters_always_equal_a_full_recount(
        changes in proptest::collection::vec((0usize..5, 1u32..=30, 0u8..16), 1..80)
    ) {
        let mut census = census();
        let mut tally = Tally::compute(&census);
        for (t, id, bits) in changes {
            let title = Title::ALL[t];
            let id = (id - 1) % max_id(title) + 1;
            tally.apply(&mut census, title, id, status(bits));
            prop_assert_eq!(&tally, &Tally::compute(&census));
        }
    }
}

#[test]
fn a_unit_not_in_the_commune_that_year_moves_no_counter() {
    let mut census = census();
    let mut tally = Tally::compute(&census);
    let before = tally.clone();
    // Household 99 does not exist in this year's census (left, or never entered).
    tally.apply(&mut census, Title::GiaDinh, 99, status(1 | 2 | 4 | 8));
    assert_eq!(tally, before);
    assert_eq!(tally, Tally::compute(&census));
}
