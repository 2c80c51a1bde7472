use super::*;
use crate::criteria::set::{Criterion, Grade, Indicator, Scope, Status};
use crate::model::Title;
use proptest::prelude::*;

fn points(code: &str, max: u16, floor: Option<u16>) -> Indicator {
    Indicator {
        code: code.into(),
        text: format!("Chỉ số {code}"),
        kind: IndicatorKind::Points,
        max,
        floor,
        mandatory: false,
    }
}

fn set(criteria: Vec<Criterion>, min_total: Option<u16>, grades: Vec<Grade>) -> CriteriaSet {
    CriteriaSet {
        id: "thu".into(),
        title: Title::CongDan,
        name: "Thử".into(),
        valid_from: 2022,
        valid_to: None,
        scope: Scope::Commune,
        source: "thử".into(),
        status: Status::Provisional,
        status_note: "thử".into(),
        min_total,
        grades,
        criteria,
        entry: None,
    }
}

/// CDHT per QĐ 244 as the engine sees it: 10 indicators of 10 points, floor 5, total 80.
fn cdht() -> CriteriaSet {
    let criterion = |code: &str, n: usize| Criterion {
        code: code.into(),
        name: code.into(),
        min_total: None,
        indicators: (1..=n)
            .map(|i| points(&format!("{code}.{i}"), 10, Some(5)))
            .collect(),
    };
    set(
        vec![criterion("1", 4), criterion("2", 4), criterion("3", 2)],
        Some(80),
        vec![],
    )
}

fn values_of(set: &CriteriaSet, pts: &[u16]) -> BTreeMap<String, IndicatorValue> {
    set.indicators()
        .zip(pts)
        .map(|(i, p)| (i.code.clone(), IndicatorValue::Points(*p)))
        .collect()
}

#[test]
fn cdht_total_85_with_one_indicator_at_4_does_not_pass() {
    let s = cdht();
    let v = values_of(&s, &[10, 10, 10, 10, 10, 10, 10, 4, 6, 5]);
    let r = score(&s, &v);
    assert_eq!(r.total, 85);
    assert!(r.complete);
    assert!(!r.passed);
    assert_eq!(
        r.failures,
        vec![Failure::IndicatorBelowFloor {
            code: "2.4".into(),
            value: 4,
            floor: 5
        }]
    );
    assert_eq!(
        r.failures[0].message(),
        "Chỉ số 2.4: 4 điểm, dưới mức tối thiểu 5"
    );
}

#[test]
fn cdht_exactly_80_with_no_indicator_below_5_passes() {
    let s = cdht();
    let v = values_of(&s, &[10, 10, 10, 10, 5, 5, 10, 10, 5, 5]);
    let r = score(&s, &v);
    assert_eq!(r.total, 80);
    assert!(r.passed, "{:?}", r.failures);
}

#[test]
fn cdht_79_fails_on_the_total() {
    let s = cdht();
    let r = score(&s, &values_of(&s, &[10, 10, 10, 10, 5, 5, 10, 9, 5, 5]));
    assert_eq!(
        r.failures,
        vec![Failure::TotalBelowMinimum { total: 79, min: 80 }]
    );
}

#[test]
fn an_incomplete_evaluation_lists_what_is_missing_and_does_not_pass() {
    let s = cdht();
    let v = values_of(&s, &[10, 10, 10]);
    let r = score(&s, &v);
    assert!(!r.complete);
    assert!(!r.passed);
    assert_eq!(r.missing.len(), 7);
    assert_eq!(r.missing[0], "1.4");
    // The total rule waits for completeness; a floor breach is already certain.
    assert!(r.failures.is_empty());
    let r = score(&s, &values_of(&s, &[2]));
    assert_eq!(r.failures.len(), 1);
}

#[test]
fn tt22_grade_bands() {
    let criterion = |code: &str, maxes: &[u16]| Criterion {
        code: code.into(),
        name: code.into(),
        min_total: None,
        indicators: maxes
            .iter()
            .enumerate()
            .map(|(i, m)| points(&format!("{code}.{}", i + 1), *m, None))
            .collect(),
    };
    let grades = vec![
        Grade {
            name: "Tốt".into(),
            min_total: 85,
        },
        Grade {
            name: "Khá".into(),
            min_total: 70,
        },
        Grade {
            name: "Trung bình".into(),
            min_total: 50,
        },
    ];
    let s = set(
        vec![
            criterion("1", &[10, 10, 10]),
            criterion("2", &[10, 5, 10, 5]),
            criterion("3", &[25, 10, 5]),
        ],
        Some(50),
        grades,
    );
    let grade = |pts: &[u16]| {
        let r = score(&s, &values_of(&s, pts));
        (r.total, r.grade, r.passed)
    };
    assert_eq!(
        grade(&[10, 10, 10, 10, 5, 10, 5, 25, 10, 5]),
        (100, Some("Tốt".into()), true)
    );
    assert_eq!(
        grade(&[10, 10, 10, 10, 5, 10, 5, 15, 10, 0]),
        (85, Some("Tốt".into()), true)
    );
    assert_eq!(
        grade(&[10, 10, 10, 10, 5, 10, 5, 14, 10, 0]),
        (84, Some("Khá".into()), true)
    );
    assert_eq!(
        grade(&[10, 10, 10, 10, 0, 10, 0, 10, 0, 0]),
        (60, Some("Trung bình".into()), true)
    );
    assert_eq!(
        grade(&[10, 10, 10, 10, 0, 0, 0, 9, 0, 0]),
        (49, Some("Không đạt".into()), false)
    );
}

#[test]
fn a_criterion_minimum_fails_the_set() {
    let mut s = cdht();
    s.min_total = None;
    s.criteria[2].min_total = Some(15);
    let r = score(&s, &values_of(&s, &[10, 10, 10, 10, 10, 10, 10, 10, 7, 7]));
    assert_eq!(
        r.failures,
        vec![Failure::CriterionBelowMinimum {
            code: "3".into(),
            subtotal: 14,
            min: 15
        }]
    );
}

#[test]
fn a_mandatory_pass_fail_indicator_marked_k_fails_the_set() {
    let mut s = cdht();
    s.criteria[2].indicators.push(Indicator {
        code: "3.3".into(),
        text: "bắt buộc".into(),
        kind: IndicatorKind::PassFail,
        max: 0,
        floor: None,
        mandatory: true,
    });
    let mut v = values_of(&s, &[10; 10]);
    v.insert("3.3".into(), IndicatorValue::Pass(false));
    let r = score(&s, &v);
    assert_eq!(
        r.failures,
        vec![Failure::MandatoryNotMet { code: "3.3".into() }]
    );
    v.insert("3.3".into(), IndicatorValue::Pass(true));
    assert!(score(&s, &v).passed);
}

#[test]
fn check_value_refuses_out_of_range_and_wrong_kind() {
    let s = cdht();
    assert!(check_value(&s, "1.1", IndicatorValue::Points(10)).is_ok());
    let e = check_value(&s, "1.1", IndicatorValue::Points(11)).unwrap_err();
    assert!(e.contains("vượt quá điểm tối đa 10"), "{e}");
    assert!(check_value(&s, "1.1", IndicatorValue::Pass(true)).is_err());
    assert!(check_value(&s, "9.9", IndicatorValue::Points(1)).is_err());
}

proptest! {
    #[test]
    fn the_total_is_the_sum_of_the_values(pts in proptest::collection::vec(0u16..=10, 10)) {
        let s = cdht();
        let r = score(&s, &values_of(&s, &pts));
        prop_assert_eq!(r.total, pts.iter().map(|p| u32::from(*p)).sum::<u32>());
        prop_assert_eq!(r.total, r.subtotals.iter().map(|(_, t, _)| *t).sum::<u32>());
    }

    #[test]
    fn raising_one_indicator_never_turns_a_pass_into_a_fail(
        pts in proptest::collection::vec(0u16..=10, 10),
        which in 0usize..10,
        by in 1u16..=10,
    ) {
        let s = cdht();
        let before = score(&s, &values_of(&s, &pts));
        let mut raised = pts.clone();
        raised[which] = (raised[which] + by).min(10);
        let after = score(&s, &values_of(&s, &raised));
        prop_assert!(!before.passed || after.passed);
    }

    #[test]
    fn each_rule_alone_can_fail_a_set(rule in 0usize..4) {
        // Start from a passing evaluation and break exactly one rule.
        let mut s = cdht();
        for i in s.criteria.iter_mut().flat_map(|c| c.indicators.iter_mut()) {
            i.floor = None;
        }
        s.min_total = None;
        let mut pts = vec![8u16; 10];
        match rule {
            0 => { s.min_total = Some(81); }
            1 => { s.criteria[0].min_total = Some(33); }
            2 => { s.criteria[1].indicators[0].floor = Some(9); }
            _ => { s.criteria[2].indicators[1].mandatory = true; pts[9] = 0; }
        }
        let r = score(&s, &values_of(&s, &pts));
        prop_assert!(!r.passed);
        prop_assert_eq!(r.failures.len(), 1);
    }
}
