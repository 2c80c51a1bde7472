use super::*;
use crate::model::{
    Citizen, Clan, Community, CommunityKind, Gender, Household, OrgKind, Organisation, Unit,
    UnitLink, UnitMeta,
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

/// The year counted unit by unit with `apply`'s own rules: what `Tally::compute` counted
/// before it walked the links in one pass, kept to hold the two equal.
fn compute_unit_by_unit(census: &Census) -> Tally {
    let mut tally = Tally::default();
    for title in Title::ALL {
        for id in census.ids(title.unit_kind()) {
            tally.add_unit(census, title, id, 1);
        }
    }
    for household in census.ids(UnitKind::Household) {
        tally.household_population(census, household, 1);
    }
    for organisation in census.ids(UnitKind::Organisation) {
        tally.organisation_population(census, organisation, 1);
    }
    tally
}

fn skills(n: u8) -> Option<crate::model::DigitalSkills> {
    use crate::model::DigitalSkills;
    [
        None,
        Some(DigitalSkills::Chua),
        Some(DigitalSkills::Co),
        Some(DigitalSkills::ThanhThao),
    ][usize::from(n % 4)]
}

proptest! {
    /// Links to units that are not there (a thôn, clan, household or organisation that
    /// left or never was), units that left, statuses of every kind: one pass counts
    /// what unit-by-unit counting counts.
    #[test]
    fn counting_a_year_in_one_pass_equals_counting_unit_by_unit(
        households in proptest::collection::vec((0u32..5, 0u32..4, 0u32..6, any::<bool>()), 0..20),
        citizens in proptest::collection::vec((0u32..24, 0u32..4, any::<bool>()), 0..40),
        statuses in proptest::collection::vec((0usize..5, 1u32..24, 0u8..16, 0u8..4), 0..80),
    ) {
        let link = |parent, second, weight, left: bool| UnitLink {
            entered: 2020,
            left: left.then_some(2024),
            parent,
            second,
            weight,
        };
        let mut census = Census::new(2025);
        let links = (1..=3).map(|id| (UnitKind::Community, id, link(0, 0, 0, false)))
            .chain((1..=2).map(|id| (UnitKind::Clan, id, link(0, 0, 0, id == 2))))
            .chain((1..=2).map(|id| (UnitKind::Organisation, id, link(0, 0, 7 * id, false))))
            .chain(households.iter().enumerate().map(|(i, &(c, k, a, left))| {
                (UnitKind::Household, i as u32 + 1, link(c, k, a, left))
            }))
            .chain(citizens.iter().enumerate().map(|(i, &(h, o, left))| {
                let (parent, second) = if h > 0 { (h, 0) } else { (0, o) };
                (UnitKind::Citizen, i as u32 + 1, link(parent, second, 0, left))
            }));
        for (kind, id, l) in links {
            census.add_active(kind, id, l);
        }
        census.set_statuses(statuses.iter().map(|&(t, id, bits, s)| {
            let title = Title::ALL[t];
            let mut st = status(bits);
            if title == Title::CongDan {
                st.skills = skills(s);
            }
            (title, id, st)
        }));
        prop_assert_eq!(Tally::compute(&census), compute_unit_by_unit(&census));
    }
}
