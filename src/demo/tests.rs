use super::*;
use crate::criteria::{check_value, score};
use crate::model::{
    Affiliation, Commune, Evaluation, EvaluationKey, Gender, Stage, Title, Unit, UnitId, UnitKind,
};
use crate::report::{Summary, to_json};
use crate::store::Reader;
use crate::tally::{Census, Tally};
use chrono::Datelike;
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

fn catalog() -> Catalog {
    Catalog::shipped().expect("shipped criteria")
}

fn fresh(path: &Path) -> Register {
    let commune = Commune {
        name: "Xã Yên Hòa".into(),
        province: "Ninh Bình".into(),
    };
    Register::create(path, &commune).expect("create")
}

fn small(seed: u64) -> DemoSpec {
    DemoSpec {
        communities: 5,
        households: 300,
        clans: 10,
        organisations: 15,
        citizens: 400,
        years: 4,
        last_year: 2025,
        seed,
    }
}

/// Everything a register holds that the demo writes, in a comparable form.
type Content = (
    Vec<Vec<(UnitId, Unit)>>,
    Vec<(EvaluationKey, Evaluation)>,
    Vec<crate::model::Target>,
    Vec<serde_json::Value>,
);

fn content(reader: &Reader, years: std::ops::RangeInclusive<u16>) -> Content {
    let units = UnitKind::ALL
        .into_iter()
        .map(|k| reader.units(k).expect("units"))
        .collect();
    let evaluations = reader
        .evaluations_between(0, u16::MAX)
        .expect("evaluations");
    let targets = reader.targets().expect("targets");
    let commune = reader.commune().expect("commune");
    let summaries = years
        .map(|year| {
            let census = Census::from_records(
                year,
                reader.unit_links().expect("links"),
                reader.statuses_in_year(year).expect("statuses"),
            );
            let tally = Tally::compute(&census);
            to_json(&Summary::build(&commune, year, &tally, &targets))
        })
        .collect();
    (units, evaluations, targets, summaries)
}

#[test]
fn the_same_seed_builds_the_same_register_and_another_seed_does_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut built = Vec::new();
    for (name, seed) in [("a.redb", 1), ("b.redb", 1), ("c.redb", 2)] {
        let register = fresh(&dir.path().join(name));
        let summary = build(&register, &small(seed), &catalog()).expect("build");
        let reader = register.read().expect("read");
        built.push((summary, content(&reader, 2020..=2026)));
    }
    assert_eq!(built[0], built[1]);
    assert_ne!(built[0].1.0, built[2].1.0, "another seed, other people");
    assert_ne!(built[0].1.1, built[2].1.1);
    // The summaries say something: households are counted and some are recognised.
    let last = &built[0].1.3[5];
    assert_eq!(last["year"], 2025);
    assert!(
        last["titles"][0]["recognised"].as_u64().expect("n") > 0,
        "{last}"
    );
}

/// Builds the shipped demo once for the property tests below.
fn demo_register(dir: &Path) -> (Register, DemoSummary, DemoSpec) {
    let spec = DemoSpec::demo(2025);
    let register = fresh(&dir.join("demo.redb"));
    let summary = build(&register, &spec, &catalog()).expect("build");
    (register, summary, spec)
}

#[test]
fn the_demo_has_the_spec_counts_and_a_clean_integrity_check() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (mut register, summary, spec) = demo_register(dir.path());
    let reader = register.read().expect("read");
    let count = |k| reader.units(k).expect("units").len();
    assert_eq!(count(UnitKind::Community), spec.communities);
    assert_eq!(count(UnitKind::Household), spec.households);
    assert_eq!(count(UnitKind::Clan), spec.clans);
    assert_eq!(count(UnitKind::Organisation), spec.organisations);
    assert_eq!(count(UnitKind::Citizen), spec.citizens);
    assert_eq!(summary.households, spec.households);
    assert_eq!(summary.citizens, spec.citizens);
    assert_eq!((summary.first_year, summary.last_year), (2023, 2025));
    let evaluations = reader.evaluations_between(0, u16::MAX).expect("all");
    assert_eq!(evaluations.len(), summary.evaluations);
    assert_eq!(
        evaluations
            .iter()
            .filter(|(_, e)| e.stage == Stage::Recognised)
            .count(),
        summary.recognised
    );
    assert!(
        evaluations
            .iter()
            .all(|(k, _)| (2023..=2025).contains(&k.year))
    );
    // Every change went through the history, as an officer's would.
    assert_eq!(
        reader.history_len().expect("history"),
        summary.evaluations as u64
    );
    assert!(reader.is_demo().expect("flag"));
    assert!(summary.archived > 0, "some units left during the years");
    drop(reader);
    for year in 2023..=2025 {
        let report = register.check(year).expect("check");
        assert!(report.ok, "{year}: {:?}", report.problems);
    }
}

#[test]
fn every_evaluation_is_valid_and_only_what_passes_is_recognised() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (register, _, _) = demo_register(dir.path());
    let reader = register.read().expect("read");
    let catalog = catalog();
    let sets: HashMap<String, _> = reader
        .all_criteria()
        .expect("criteria")
        .into_iter()
        .collect();
    let units: HashMap<(UnitKind, UnitId), Unit> = UnitKind::ALL
        .into_iter()
        .flat_map(|k| {
            reader
                .units(k)
                .expect("units")
                .into_iter()
                .map(move |(id, u)| ((k, id), u))
        })
        .collect();
    let mut decided: BTreeMap<Title, (usize, usize)> = BTreeMap::new();
    let mut partial = 0;
    let mut in_progress_last_year = 0;
    for (key, evaluation) in reader.evaluations_between(0, u16::MAX).expect("all") {
        let set = sets.get(&evaluation.criteria_hash).expect("stored set");
        let in_force = catalog.in_force(key.title, key.year).expect("set in force");
        assert_eq!(evaluation.criteria_hash, in_force.hash, "{key:?}");
        for (code, value) in &evaluation.values {
            check_value(set, code, *value).expect("valid value");
        }
        let unit = units.get(&(key.title.unit_kind(), key.unit)).expect("unit");
        assert!(unit.meta().active_in(key.year), "{key:?} inactive unit");
        let result = score(set, &evaluation.values);
        partial += usize::from(!result.complete);
        match evaluation.stage {
            Stage::Recognised => {
                assert!(result.passed, "{key:?} recognised without passing");
                let decision = evaluation.decision.as_ref().expect("decision");
                assert!(decision.number.ends_with("/QĐ-UBND"), "{}", decision.number);
                assert_eq!(decision.date.year(), i32::from(key.year));
                assert_eq!(decision.date.month(), 12);
            }
            Stage::NotRecognised => {
                assert!(result.complete && !result.passed, "{key:?}");
                assert!(evaluation.decision.is_none());
                assert!(!evaluation.note.is_empty(), "the reason is noted");
            }
            Stage::SelfAssessed | Stage::Reviewed => assert!(result.complete, "{key:?}"),
            Stage::Registered => {}
        }
        if evaluation.stage.is_decided() {
            let (all, passed) = decided.entry(key.title).or_default();
            *all += 1;
            *passed += usize::from(result.passed);
        } else if key.year == 2025 {
            in_progress_last_year += 1;
        }
        assert_eq!(evaluation.stamp.user, DEMO_USER);
    }
    assert!(partial > 0, "some evaluations are only partly scored");
    assert!(
        in_progress_last_year > 0,
        "the last year is still under way"
    );
    let (all, passed) = decided[&Title::GiaDinh];
    let share = passed as f64 / all as f64;
    assert!((0.55..=0.85).contains(&share), "GĐHT pass share {share}");
    assert!(decided.contains_key(&Title::CongDan));
}

/// The gender a name can only belong to, from its middle or given name ("Thị", "Lan"
/// for a woman; "Văn", "Hùng" for a man), when it says.
fn reads_as(full_name: &str) -> Option<Gender> {
    use super::names::{FEMALE_GIVEN, FEMALE_MIDDLE, MALE_GIVEN, MALE_MIDDLE};
    let words: Vec<&str> = full_name.split(' ').collect();
    let only = |word: &str, ours: &[&str], theirs: &[&str]| {
        ours.contains(&word) && !theirs.contains(&word)
    };
    let (middle, given) = (words[1], words[2]);
    if only(middle, FEMALE_MIDDLE, MALE_MIDDLE) || only(given, FEMALE_GIVEN, MALE_GIVEN) {
        Some(Gender::Nu)
    } else if only(middle, MALE_MIDDLE, FEMALE_MIDDLE) || only(given, MALE_GIVEN, FEMALE_GIVEN) {
        Some(Gender::Nam)
    } else {
        None
    }
}

#[test]
fn people_and_households_are_consistent() {
    let dir = tempfile::tempdir().expect("tempdir");
    let (register, _, _) = demo_register(dir.path());
    let reader = register.read().expect("read");
    let households: HashMap<UnitId, Unit> = reader
        .units(UnitKind::Household)
        .expect("households")
        .into_iter()
        .collect();
    let clans: HashMap<UnitId, Unit> = reader
        .units(UnitKind::Clan)
        .expect("clans")
        .into_iter()
        .collect();
    let mut linked_to_clan = 0;
    for unit in households.values() {
        let Unit::Household(h) = unit else {
            panic!("kind")
        };
        assert!((1..=8).contains(&h.members) && (1..=h.members).contains(&h.adults));
        assert!(!h.address.is_empty());
        if let Some(clan) = h.clan {
            linked_to_clan += 1;
            let Some(Unit::Clan(c)) = clans.get(&clan) else {
                panic!("clan")
            };
            let family = h.head_name.split(' ').next().expect("family");
            assert_eq!(c.name, format!("Họ {family}"));
            assert!(c.meta.active_in(h.meta.entered));
        }
    }
    assert!(linked_to_clan > households.len() / 2);
    let mut per_household: HashMap<UnitId, u16> = HashMap::new();
    let mut in_organisations = 0;
    for (_, unit) in reader.units(UnitKind::Citizen).expect("citizens") {
        let Unit::Citizen(c) = unit else {
            panic!("kind")
        };
        assert_eq!(
            reads_as(&c.full_name).unwrap_or(c.gender),
            c.gender,
            "{}",
            c.full_name
        );
        assert!(c.target_group.is_none_or(|g| (1..=3).contains(&g)));
        assert!(c.birth_year.is_some_and(|y| (1940..=2010).contains(&y)));
        match c.affiliation {
            Affiliation::Household(id) => {
                *per_household.entry(id).or_default() += 1;
                let Some(Unit::Household(h)) = households.get(&id) else {
                    panic!("household")
                };
                // Never counted in a household before it came or after it left.
                assert!(c.meta.entered >= h.meta.entered);
                if let Some(left) = h.meta.left {
                    assert!(c.meta.left.is_some_and(|l| l <= left), "{}", c.meta.code);
                }
            }
            Affiliation::Organisation(_) => in_organisations += 1,
            Affiliation::None => {}
        }
    }
    for (id, n) in per_household {
        let Some(Unit::Household(h)) = households.get(&id) else {
            panic!("household")
        };
        assert!(
            n <= h.adults,
            "more citizens than adults in {}",
            h.meta.code
        );
    }
    assert!(in_organisations > 0);
}

#[test]
fn the_resolution_targets_are_the_national_ones_for_2025_and_2030() {
    let targets = resolution_targets("Xã Yên Hòa");
    assert_eq!(targets.len(), 12);
    for t in &targets {
        assert_eq!(t.resolution.number, "05-NQ/ĐU");
        assert_eq!(t.resolution.body, "Đảng ủy xã Yên Hòa");
        assert_eq!(
            Some(t.percent_tenths),
            t.measure.national_target(t.milestone)
        );
    }
}

#[test]
fn no_citizen_is_evaluated_before_the_cdht_criteria_existed() {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = fresh(&dir.path().join("old.redb"));
    let spec = DemoSpec {
        last_year: 2023,
        ..small(5)
    };
    build(&register, &spec, &catalog()).expect("build");
    let reader = register.read().expect("read");
    let years_of = |title| {
        let mut years: Vec<u16> = reader
            .evaluations_between(0, u16::MAX)
            .expect("all")
            .into_iter()
            .filter(|(k, _)| k.title == title)
            .map(|(k, _)| k.year)
            .collect();
        years.dedup();
        years
    };
    assert_eq!(years_of(Title::CongDan), vec![2022, 2023]);
    assert_eq!(years_of(Title::GiaDinh), vec![2020, 2021, 2022, 2023]);
}

#[test]
fn building_twice_into_one_register_fails_without_half_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let register = fresh(&dir.path().join("twice.redb"));
    let spec = small(9);
    build(&register, &spec, &catalog()).expect("first build");
    let before = content(&register.read().expect("read"), 2025..=2025);
    let error = build(&register, &spec, &catalog()).expect_err("codes are taken");
    assert!(error.to_string().contains("đã có"), "{error}");
    assert_eq!(
        content(&register.read().expect("read"), 2025..=2025),
        before
    );
}
