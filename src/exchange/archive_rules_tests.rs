//! `import json` refuses whatever `sohoctap check` would report (issue 11, defect 7):
//! each case breaks one rule of `store::validate` in the schema-1 golden archive, which
//! must then be refused with a message naming the place; the same record written into a
//! register behind the importer's back makes `check` fail for data (not damage), and
//! such a register can still be backed up.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use super::archive_json::{Archive, archive_from_json, import_archive};
use crate::store::{Register, backup};
use serde_json::{Value, json};

fn golden() -> Value {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/registers/schema1.json");
    serde_json::from_slice(&std::fs::read(path).expect("fixture")).expect("json")
}

/// The index of the first record of `section` for which `pick` holds.
fn find(v: &Value, section: &str, pick: impl Fn(&Value) -> bool) -> usize {
    v[section]
        .as_array()
        .unwrap()
        .iter()
        .position(pick)
        .unwrap_or_else(|| panic!("no such record in {section}"))
}

fn points_indicator(v: &Value, hash: &str) -> String {
    let set = v["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["hash"] == hash)
        .unwrap();
    set["set"]["criteria"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["indicators"].as_array().unwrap())
        .find(|i| i["kind"] == "Points")
        .map(|i| i["code"].as_str().unwrap().to_string())
        .unwrap()
}

/// Writes an archive into a fresh register without any validation, as a doctored file
/// or an older program might have.
fn load_unchecked(path: &std::path::Path, archive: &Archive) -> Register {
    let register = Register::create(path, &archive.commune).expect("create");
    register
        .write(|w| {
            for kind in crate::model::UnitKind::ALL {
                let next = archive.next_ids.get(kind.code()).copied().unwrap_or(1);
                w.set_next_unit_id(kind, next)?;
            }
            for a in &archive.units {
                w.restore_unit(a.id, &a.unit)?;
            }
            for c in &archive.criteria {
                w.remember_criteria(&c.hash, &c.set)?;
            }
            for e in &archive.evaluations {
                w.restore_evaluation(e.key, &e.evaluation)?;
            }
            for h in &archive.history {
                w.restore_history(h.seq, &h.entry)?;
            }
            for t in &archive.targets {
                w.put_target(t)?;
            }
            Ok(())
        })
        .expect("unchecked write");
    register
}

/// One broken rule: the archive is refused naming `place`; loaded behind the
/// importer's back, `check` reports it as data and a backup still succeeds.
fn refused(case: &str, place: &str, break_it: impl FnOnce(&mut Value)) {
    let mut v = golden();
    break_it(&mut v);
    let bytes = serde_json::to_vec(&v).unwrap();
    let problems = archive_from_json(&bytes).expect_err(case);
    assert!(
        problems.iter().any(|p| p.starts_with(place)),
        "{case}: no problem at {place}: {problems:#?}"
    );
    // The same data, forced into a register: `check` refuses it too, as data.
    let mut archive: Archive = serde_json::from_slice(&bytes).unwrap();
    super::archive_upgrade::upgrade_criteria_identities(&mut archive);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("so.redb");
    let mut register = load_unchecked(&path, &archive);
    let report = register.check(2025).expect("check runs");
    assert!(!report.ok, "{case}: check accepts what import refuses");
    assert!(!report.damaged, "{case}: {:?}", report.problems);
    let copy = backup::backup_to(&register, &dir.path().join("copy.redb"));
    assert!(copy.is_ok(), "{case}: backup refused: {copy:?}");
    assert!(import_archive(&register, &archive).is_err(), "{case}");
}

#[test]
fn the_golden_archive_itself_is_accepted() {
    let bytes = serde_json::to_vec(&golden()).unwrap();
    assert!(archive_from_json(&bytes).is_ok());
}

#[test]
fn more_adults_than_members_is_refused() {
    refused("adults", "units[", |v| {
        let i = find(v, "units", |u| u["unit"].get("Household").is_some());
        let h = &mut v["units"][i]["unit"]["Household"];
        h["adults"] = json!(h["members"].as_u64().unwrap() + 1);
    });
}

#[test]
fn a_value_above_the_indicator_maximum_is_refused() {
    refused("above max", "evaluations[", |v| {
        let i = find(v, "evaluations", |e| {
            e["evaluation"]["values"].as_object().unwrap().len() > 1
        });
        let hash = v["evaluations"][i]["evaluation"]["criteria_hash"]
            .as_str()
            .unwrap()
            .to_string();
        let code = points_indicator(v, &hash);
        v["evaluations"][i]["evaluation"]["values"][code] = json!({"Points": 9999});
    });
}

#[test]
fn an_unknown_indicator_is_refused() {
    refused("unknown indicator", "evaluations[", |v| {
        v["evaluations"][0]["evaluation"]["values"]["99.9"] = json!({"Points": 1});
    });
}

#[test]
fn a_value_of_the_wrong_kind_is_refused() {
    refused("wrong kind", "evaluations[", |v| {
        let hash = v["evaluations"][0]["evaluation"]["criteria_hash"]
            .as_str()
            .unwrap()
            .to_string();
        let code = points_indicator(v, &hash);
        v["evaluations"][0]["evaluation"]["values"][code] = json!({"Pass": true});
    });
}

#[test]
fn a_criteria_set_without_criteria_is_refused() {
    let mut v = golden();
    v["criteria"][0]["set"]["criteria"] = json!([]);
    let problems = archive_from_json(&serde_json::to_vec(&v).unwrap()).expect_err("empty");
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("criteria[0].set.criteria:")),
        "{problems:#?}"
    );
}

#[test]
fn duplicate_criteria_are_refused() {
    let mut v = golden();
    let first = v["criteria"][0]["set"]["criteria"][0].clone();
    v["criteria"][0]["set"]["criteria"]
        .as_array_mut()
        .unwrap()
        .push(first);
    let problems = archive_from_json(&serde_json::to_vec(&v).unwrap()).expect_err("dup");
    assert!(
        problems.iter().any(|p| p.contains("bị trùng")),
        "{problems:#?}"
    );
    let mut v = golden();
    let set = v["criteria"][0].clone();
    v["criteria"].as_array_mut().unwrap().push(set);
    let problems = archive_from_json(&serde_json::to_vec(&v).unwrap()).expect_err("dup set");
    assert!(
        problems.iter().any(|p| p.contains("có hai lần")),
        "{problems:#?}"
    );
}

#[test]
fn recognised_without_a_decision_is_refused() {
    refused("no decision", "evaluations[", |v| {
        let i = find(v, "evaluations", |e| {
            e["evaluation"]["stage"] == "Recognised"
        });
        v["evaluations"][i]["evaluation"]["decision"] = Value::Null;
    });
}

#[test]
fn years_0_and_65535_are_refused() {
    refused("entered 0", "units[0].unit.meta.entered:", |v| {
        let unit = v["units"][0]["unit"].as_object_mut().unwrap();
        let (_, u) = unit.iter_mut().next().unwrap();
        u["meta"]["entered"] = json!(0);
    });
    refused("year 65535", "evaluations[", |v| {
        let last = v["evaluations"].as_array().unwrap().len() - 1;
        v["evaluations"][last]["key"]["year"] = json!(65535);
    });
}

#[test]
fn leaving_before_entering_is_refused() {
    refused("left before entered", "units[1].unit.meta.left:", |v| {
        let unit = v["units"][1]["unit"].as_object_mut().unwrap();
        let (_, u) = unit.iter_mut().next().unwrap();
        let entered = u["meta"]["entered"].as_u64().unwrap();
        u["meta"]["left"] = json!(entered - 1);
    });
}

#[test]
fn a_target_above_100_percent_is_refused() {
    refused("target", "targets[0].percent_tenths:", |v| {
        v["targets"][0]["percent_tenths"] = json!(1001);
    });
}

#[test]
fn history_of_a_unit_not_in_the_file_is_refused() {
    refused("dangling history", "history[0].entry.key.unit:", |v| {
        v["history"][0]["entry"]["key"]["unit"] = json!(999_999);
    });
}

#[test]
fn a_hash_that_is_not_the_sets_identity_is_refused() {
    let mut v = golden();
    v["criteria"][0]["hash"] = json!("0000000000000000");
    let problems = archive_from_json(&serde_json::to_vec(&v).unwrap()).expect_err("hash");
    assert!(
        problems.iter().any(|p| p.starts_with("criteria[0].hash:")),
        "{problems:#?}"
    );
}

#[test]
fn digital_skills_on_an_evaluation_other_than_cdht_are_refused() {
    refused("skills on GĐHT", "evaluations[", |v| {
        let i = find(v, "evaluations", |e| e["key"]["title"] == "GiaDinh");
        v["evaluations"][i]["evaluation"]["digital_skills"] = json!("Co");
    });
}

/// The schema-6 archive carries the digital skills; it imports into an empty register
/// and exports again with every skill, while archives without the field (schema 1, the
/// golden above) read as "not recorded".
#[test]
fn digital_skills_travel_through_a_json_archive() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/registers/schema6.json");
    let bytes = std::fs::read(path).expect("fixture");
    let archive = archive_from_json(&bytes).expect("schema-6 archive");
    let with_skills = |a: &Archive| {
        a.evaluations
            .iter()
            .filter(|e| e.evaluation.digital_skills.is_some())
            .count()
    };
    assert!(with_skills(&archive) > 0);
    let dir = tempfile::tempdir().unwrap();
    let register = Register::create(&dir.path().join("so.redb"), &archive.commune).unwrap();
    import_archive(&register, &archive).expect("import");
    let again = super::archive_json::export_archive(&register.read().unwrap()).unwrap();
    assert_eq!(with_skills(&again), with_skills(&archive));
    assert_eq!(again.evaluations, archive.evaluations);
    register.close().unwrap();
    let old = archive_from_json(&serde_json::to_vec(&golden()).unwrap()).expect("schema 1");
    assert_eq!(with_skills(&old), 0);
}
