use super::*;
use crate::model::{Household, Measure, ResolutionRef};

fn household(adults: u16, members: u16, entered: Year, left: Option<Year>) -> Unit {
    Unit::Household(Household {
        meta: UnitMeta {
            code: "HO00001".into(),
            entered,
            left,
        },
        head_name: "Nguyễn Văn An".into(),
        community: 1,
        clan: None,
        members,
        adults,
        address: String::new(),
    })
}

fn fields(findings: &[Finding]) -> Vec<&str> {
    findings.iter().map(|f| f.field.as_str()).collect()
}

#[test]
fn unit_rules_name_their_field() {
    assert!(unit_findings(&household(2, 4, 2020, None)).is_empty());
    assert!(unit_findings(&household(4, 4, 2020, Some(2020))).is_empty());
    assert_eq!(
        fields(&unit_findings(&household(5, 4, 2020, None))),
        ["adults"]
    );
    assert_eq!(
        fields(&unit_findings(&household(1, 4, 0, None))),
        ["meta.entered"]
    );
    assert_eq!(
        fields(&unit_findings(&household(1, 4, 2020, Some(2019)))),
        ["meta.left"]
    );
    assert_eq!(
        fields(&unit_findings(&household(1, 4, 2020, Some(65535)))),
        ["meta.left"]
    );
}

#[test]
fn targets_above_100_percent_are_refused() {
    let target = |tenths| Target {
        measure: Measure::GiaDinh,
        basis: crate::model::Basis::Total,
        milestone: 2025,
        percent_tenths: tenths,
        resolution: ResolutionRef {
            number: "05".into(),
            date: None,
            body: "Đảng ủy xã".into(),
        },
    };
    assert!(target_findings(&target(1000)).is_empty());
    let f = target_findings(&target(1001));
    assert_eq!(fields(&f), ["percent_tenths"]);
    assert!(f[0].message.contains("100,1%"), "{}", f[0].message);
}

#[test]
fn digital_skills_targets_are_on_the_total_basis_and_skills_on_cdht_only() {
    use crate::model::{Basis, DigitalSkills, Evaluation, EvaluationKey, Stamp, Title};
    let target = |basis| Target {
        measure: Measure::KyNangSo,
        basis,
        milestone: 2030,
        percent_tenths: 700,
        resolution: ResolutionRef {
            number: "05".into(),
            date: None,
            body: "Đảng ủy xã".into(),
        },
    };
    assert!(target_findings(&target(Basis::Total)).is_empty());
    assert_eq!(
        fields(&target_findings(&target(Basis::Registered))),
        ["basis"]
    );
    let mut e = Evaluation::register("bo", "0123456789abcdef", None, Stamp::now());
    e.digital_skills = Some(DigitalSkills::Co);
    let key = |title| EvaluationKey {
        year: 2025,
        title,
        unit: 1,
    };
    let skills_findings = |title| {
        evaluation_findings(&key(title), &e, None)
            .into_iter()
            .filter(|f| f.field == "evaluation.digital_skills")
            .count()
    };
    assert_eq!(skills_findings(Title::CongDan), 0);
    assert_eq!(skills_findings(Title::GiaDinh), 1);
}

#[test]
fn every_shipped_set_keeps_the_rules() {
    let catalog = crate::criteria::Catalog::shipped().expect("shipped");
    for entry in catalog.entries() {
        assert!(criteria_findings(&entry.set).is_empty(), "{}", entry.set.id);
    }
}
