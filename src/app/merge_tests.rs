//! Merging two small made-up communes whose codes all collide (`store::merge` through
//! its public face; here because the made-up communes come from `demo`, above the store).

use crate::criteria::Catalog;
use crate::demo::{DemoSpec, build};
use crate::model::Commune;
use crate::model::{Unit, UnitKind, Year};
use crate::store::ReadOnlyRegister;
use crate::store::{MergedUnit, Reader, Register, plan_merge};
use std::path::Path;

fn spec(seed: u64) -> DemoSpec {
    DemoSpec {
        communities: 3,
        households: 40,
        clans: 3,
        organisations: 3,
        citizens: 30,
        years: 2,
        last_year: 2025,
        seed,
    }
}

fn make(dir: &Path, file: &str, name: &str, seed: u64) -> std::path::PathBuf {
    let path = dir.join(file);
    let commune = Commune {
        name: name.into(),
        province: "Ninh Bình".into(),
    };
    let register = Register::create(&path, &commune).unwrap();
    build(&register, &spec(seed), &Catalog::shipped().unwrap()).unwrap();
    register.close().unwrap();
    path
}

fn codes(reader: &Reader, kind: UnitKind) -> Vec<String> {
    reader
        .units(kind)
        .unwrap()
        .into_iter()
        .map(|(_, u)| u.code().to_string())
        .collect()
}

#[test]
fn every_unit_evaluation_and_history_entry_comes_over_once() {
    let dir = tempfile::tempdir().unwrap();
    let ours = make(dir.path(), "moi.redb", "Xã Yên Hòa", 1);
    let theirs = make(dir.path(), "cu.redb", "Xã Yên Mô", 2);
    let mut register = Register::open(&ours).unwrap();
    let other = ReadOnlyRegister::open(&theirs).unwrap();
    let (before_units, before_evaluations, before_history) = {
        let r = register.read().unwrap();
        let units: usize = UnitKind::ALL.iter().map(|k| codes(&r, *k).len()).sum();
        (
            units,
            r.evaluations_between(0, Year::MAX).unwrap().len(),
            r.history_len().unwrap(),
        )
    };
    let plan = plan_merge(&register.read().unwrap(), &other.read().unwrap(), None).unwrap();
    assert_eq!(plan.prefix, "YENMO");
    // The same generator gives the same codes: every one collides.
    assert!(plan.units.iter().all(MergedUnit::renamed));
    assert_eq!(
        plan.units[0].new_code,
        format!("YENMO-{}", plan.units[0].old_code)
    );
    let hashes = |r: &Reader| -> std::collections::BTreeSet<String> {
        r.all_criteria()
            .unwrap()
            .into_iter()
            .map(|(h, _)| h)
            .collect()
    };
    let union: std::collections::BTreeSet<String> = hashes(&register.read().unwrap())
        .union(&hashes(&other.read().unwrap()))
        .cloned()
        .collect();
    assert!(plan.criteria_shared > 0);
    let done = register.merge_from(&other.read().unwrap(), &plan).unwrap();
    // Criteria versions by identity: the union, none twice.
    assert_eq!(hashes(&register.read().unwrap()), union);
    assert_eq!(done.units, plan.units.len());
    assert_eq!(done.evaluations, plan.evaluations);
    assert_eq!(done.history, plan.history);
    let r = register.read().unwrap();
    let o = other.read().unwrap();
    for kind in UnitKind::ALL {
        let here = codes(&r, kind);
        for code in codes(&o, kind) {
            assert!(here.contains(&format!("YENMO-{code}")), "{code}");
            assert!(here.contains(&code), "{code}");
        }
    }
    let units: usize = UnitKind::ALL.iter().map(|k| codes(&r, *k).len()).sum();
    assert_eq!(units, before_units + plan.units.len());
    assert_eq!(
        r.evaluations_between(0, Year::MAX).unwrap().len(),
        before_evaluations + plan.evaluations
    );
    assert_eq!(
        r.history_len().unwrap(),
        before_history + plan.history as u64
    );
    // A merged household still lives in its own thôn, under the thôn's new code.
    let (_, household) = r
        .units(UnitKind::Household)
        .unwrap()
        .into_iter()
        .find(|(_, u)| u.code().starts_with("YENMO-"))
        .unwrap();
    let Unit::Household(h) = household else {
        panic!("a household");
    };
    let thon = r.unit(UnitKind::Community, h.community).unwrap().unwrap();
    assert!(thon.code().starts_with("YENMO-"), "{}", thon.code());
    assert_eq!(r.merged_from().unwrap()[0].name, "Xã Yên Mô");
    drop(r);
    let report = register.check(2025).unwrap();
    assert!(report.ok, "{:?}", report.problems);
    // Twice is refused, before anything is written.
    let again = plan_merge(&register.read().unwrap(), &o, None).unwrap_err();
    assert!(
        again.to_string().contains("đã gộp sổ của Xã Yên Mô"),
        "{again}"
    );
    assert!(register.merge_from(&o, &plan).is_err());
}

#[test]
fn a_failure_half_way_leaves_the_register_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let ours = make(dir.path(), "moi.redb", "Xã Yên Hòa", 1);
    let theirs = make(dir.path(), "cu.redb", "Xã Yên Mô", 2);
    let register = Register::open(&ours).unwrap();
    let other = ReadOnlyRegister::open(&theirs).unwrap();
    let plan = plan_merge(
        &register.read().unwrap(),
        &other.read().unwrap(),
        Some("ym"),
    )
    .unwrap();
    // A citizen's new code is taken after the preview: the thôn, clans, households
    // are written before the clash is met, and must all go.
    let last = plan.units.last().unwrap().clone();
    assert_eq!(last.kind, UnitKind::Citizen);
    let generation = register.read().unwrap().generation().unwrap();
    let (_, mut unit) = register
        .read()
        .unwrap()
        .units(UnitKind::Citizen)
        .unwrap()
        .remove(0);
    unit.meta_mut().code = last.new_code.clone();
    register.write(|w| w.insert_unit(&unit)).unwrap();
    let before = {
        let r = register.read().unwrap();
        (
            UnitKind::ALL.map(|k| codes(&r, k)),
            r.evaluations_between(0, Year::MAX).unwrap(),
            r.history_len().unwrap(),
            r.all_criteria().unwrap().len(),
        )
    };
    let failed = register.merge_from(&other.read().unwrap(), &plan);
    assert!(failed.is_err());
    let r = register.read().unwrap();
    assert_eq!(r.generation().unwrap(), generation + 1);
    assert_eq!(
        (
            UnitKind::ALL.map(|k| codes(&r, k)),
            r.evaluations_between(0, Year::MAX).unwrap(),
            r.history_len().unwrap(),
            r.all_criteria().unwrap().len(),
        ),
        before
    );
    assert!(r.merged_from().unwrap().is_empty());
}

#[test]
fn codes_that_do_not_collide_are_kept_and_same_named_thon_are_said() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("moi.redb");
    let register = Register::create(
        &ours,
        &Commune {
            name: "Xã Yên Hòa".into(),
            province: "Ninh Bình".into(),
        },
    )
    .unwrap();
    let theirs = make(dir.path(), "cu.redb", "Xã Yên Mô", 2);
    let other = ReadOnlyRegister::open(&theirs).unwrap();
    let o = other.read().unwrap();
    // One thôn here, named like the first of theirs, under another code.
    let (_, first) = o.units(UnitKind::Community).unwrap().remove(0);
    let mut same = first.clone();
    same.meta_mut().code = "THX".into();
    register
        .write(|w| {
            // Made-up data goes only into a made-up register.
            w.mark_demo()?;
            w.insert_unit(&same)
        })
        .unwrap();
    let plan = plan_merge(&register.read().unwrap(), &o, None).unwrap();
    assert_eq!(plan.renamed().count(), 0);
    assert_eq!(plan.same_name.len(), 1);
    assert_eq!(plan.same_name[0].ours, "THX");
    assert_eq!(plan.same_name[0].theirs, first.code());
    assert_eq!(plan.targets_ignored, o.targets().unwrap().len());
    assert!(plan.targets_ignored > 0);
    register.merge_from(&o, &plan).unwrap();
    let r = register.read().unwrap();
    assert_eq!(
        codes(&r, UnitKind::Household),
        codes(&o, UnitKind::Household)
    );
    // The resolution's targets stay this commune's (none).
    assert!(r.targets().unwrap().is_empty());
}

#[test]
fn a_demo_register_is_not_merged_into_a_real_one() {
    let dir = tempfile::tempdir().unwrap();
    let ours = dir.path().join("moi.redb");
    let register = Register::create(
        &ours,
        &Commune {
            name: "Xã Yên Hòa".into(),
            province: String::new(),
        },
    )
    .unwrap();
    let theirs = make(dir.path(), "cu.redb", "Xã Yên Mô", 2);
    let other = ReadOnlyRegister::open(&theirs).unwrap();
    let refused = plan_merge(&register.read().unwrap(), &other.read().unwrap(), None).unwrap_err();
    assert!(refused.to_string().contains("sổ mẫu"), "{refused}");
}

#[test]
fn the_merges_a_former_register_made_come_along() {
    let dir = tempfile::tempdir().unwrap();
    let a = make(dir.path(), "a.redb", "Xã An", 1);
    let b = make(dir.path(), "b.redb", "Xã Bình", 2);
    let c = make(dir.path(), "c.redb", "Xã Cường", 3);
    // B takes in C; A then takes in B, and with it C.
    let into_b = Register::open(&b).unwrap();
    let from_c = ReadOnlyRegister::open(&c).unwrap();
    let plan = plan_merge(&into_b.read().unwrap(), &from_c.read().unwrap(), None).unwrap();
    into_b.merge_from(&from_c.read().unwrap(), &plan).unwrap();
    into_b.close().unwrap();
    let into_a = Register::open(&a).unwrap();
    let from_b = ReadOnlyRegister::open(&b).unwrap();
    let plan = plan_merge(&into_a.read().unwrap(), &from_b.read().unwrap(), None).unwrap();
    into_a.merge_from(&from_b.read().unwrap(), &plan).unwrap();
    let names: Vec<String> = into_a
        .read()
        .unwrap()
        .merged_from()
        .unwrap()
        .into_iter()
        .map(|c| c.name)
        .collect();
    assert_eq!(names, ["Xã Bình", "Xã Cường"]);
    let refused = plan_merge(&into_a.read().unwrap(), &from_c.read().unwrap(), None).unwrap_err();
    assert!(
        refused.to_string().contains("đã gộp sổ của Xã Cường"),
        "{refused}"
    );
}
