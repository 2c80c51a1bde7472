use super::*;
use crate::criteria::{Criterion, Grade, Indicator};

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

/// The CDHT rule entered from blank: ten indicators of 10, floor 5, total at least 80.
fn cdht() -> CriteriaSet {
    let mut set = blank(Title::CongDan, 2022);
    set.name = "Bộ tiêu chí Công dân học tập".into();
    set.source =
        "Quyết định số 244/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam".into();
    set.valid_to = Some(2030);
    set.min_total = Some(80);
    let groups: [(&str, &str, usize); 3] = [
        ("1", "Năng lực tự học và học tập suốt đời", 4),
        ("2", "Năng lực sử dụng công cụ", 4),
        ("3", "Năng lực xây dựng quan hệ xã hội", 2),
    ];
    set.criteria = groups
        .iter()
        .map(|(code, name, n)| Criterion {
            code: (*code).into(),
            name: (*name).into(),
            min_total: None,
            indicators: (1..=*n)
                .map(|i| points(&format!("{code}.{i}"), 10, Some(5)))
                .collect(),
        })
        .collect();
    set
}

fn messages(set: &CriteriaSet) -> Vec<String> {
    check(set).into_iter().map(|i| i.message).collect()
}

#[test]
fn the_cdht_rule_entered_from_blank_has_no_problem_and_saves_with_its_entry() {
    let set = cdht();
    assert_eq!(messages(&set), Vec::<String>::new());
    let stamp = Stamp::now();
    let stored = save(&set, false, stamp.clone(), "soạn trong chương trình").expect("saves");
    assert_eq!(stored.entry.as_ref().map(|e| &e.stamp), Some(&stamp));
    assert_eq!(stored.provenance(), crate::criteria::Provenance::Office);
    let checked = save(&set, true, stamp, "soạn").expect("saves");
    assert_eq!(
        checked.provenance(),
        crate::criteria::Provenance::OfficeChecked
    );
    assert_ne!(
        checked.content_hash(),
        stored.content_hash(),
        "a new version"
    );
    // The rule itself: 86 with one indicator at 4 fails, 80 with all ≥ 5 passes.
    let with = |pts: [u16; 10]| {
        let values = stored
            .indicators()
            .zip(pts)
            .map(|(i, p)| (i.code.clone(), crate::model::IndicatorValue::Points(p)))
            .collect();
        crate::criteria::score(&stored, &values).passed
    };
    assert!(!with([10, 10, 10, 10, 10, 10, 10, 4, 6, 6]));
    assert!(with([10, 10, 10, 10, 5, 5, 10, 10, 5, 5]));
}

#[test]
fn every_validation_message_is_said_beside_its_field() {
    let mut set = cdht();
    set.name.clear();
    set.source.clear();
    set.valid_to = Some(2020);
    set.criteria[0].indicators[1].code = "1.1".into();
    set.criteria[0].indicators[2].code = "2.9".into();
    set.criteria[0].indicators[3].floor = Some(12);
    set.criteria[1].indicators[0].max = 0;
    set.criteria[1].indicators[0].floor = None;
    set.criteria[1].indicators[1].text.clear();
    set.criteria[2].code = "2".into();
    set.criteria[2].name.clear();
    set.criteria[0].min_total = Some(50);
    set.min_total = Some(120);
    set.grades = vec![
        Grade {
            name: "Khá".into(),
            min_total: 70,
        },
        Grade {
            name: "Tốt".into(),
            min_total: 85,
        },
    ];
    let got = check(&set);
    let want: Vec<(Place, Severity, &str)> = vec![
        (
            Place::Set("name"),
            Severity::Error,
            "Chưa có tên bộ tiêu chí",
        ),
        (
            Place::Set("source"),
            Severity::Error,
            "Chưa có văn bản ban hành (số, ngày, cơ quan ban hành)",
        ),
        (
            Place::Set("valid_to"),
            Severity::Error,
            "Năm cuối 2020 trước năm bắt đầu 2022",
        ),
        (
            Place::Indicator(0, 1, "code"),
            Severity::Error,
            "Mã chỉ số 1.1 trùng với chỉ số thứ 1 của tiêu chí 1",
        ),
        (
            Place::Indicator(0, 2, "code"),
            Severity::Error,
            "Mã chỉ số phải bắt đầu bằng «1.»",
        ),
        (
            Place::Indicator(0, 3, "floor"),
            Severity::Error,
            "Điểm sàn 12 lớn hơn điểm tối đa 10",
        ),
        (
            Place::Criterion(0, "min_total"),
            Severity::Error,
            "Điểm tối thiểu của tiêu chí (50) lớn hơn tổng điểm tối đa của tiêu chí (40)",
        ),
        (
            Place::Indicator(1, 0, "max"),
            Severity::Error,
            "Điểm tối đa phải lớn hơn 0",
        ),
        (
            Place::Indicator(1, 1, "text"),
            Severity::Error,
            "Chưa có nội dung chỉ số",
        ),
        (
            Place::Criterion(2, "code"),
            Severity::Error,
            "Mã tiêu chí 2 trùng với tiêu chí thứ 2",
        ),
        (
            Place::Criterion(2, "name"),
            Severity::Error,
            "Chưa có tên tiêu chí",
        ),
        (
            Place::Indicator(2, 0, "code"),
            Severity::Error,
            "Mã chỉ số phải bắt đầu bằng «2.»",
        ),
        (
            Place::Indicator(2, 1, "code"),
            Severity::Error,
            "Mã chỉ số phải bắt đầu bằng «2.»",
        ),
        (
            Place::Set("min_total"),
            Severity::Error,
            "Tổng điểm tối thiểu 120 lớn hơn tổng điểm tối đa 90",
        ),
        (
            Place::Set("grades"),
            Severity::Error,
            "Xếp loại phải giảm dần: «Khá» (70) không cao hơn «Tốt» (85)",
        ),
        (
            Place::Set("min_total"),
            Severity::Warning,
            "Tổng điểm tối đa là 90, không phải 100 (chỉ cảnh báo)",
        ),
    ];
    let got: Vec<(Place, Severity, String)> = got
        .into_iter()
        .map(|i| (i.place, i.severity, i.message))
        .collect();
    let want: Vec<(Place, Severity, String)> = want
        .into_iter()
        .map(|(p, s, m)| (p, s, m.to_string()))
        .collect();
    assert_eq!(got, want);
    let refused = save(&set, false, Stamp::now(), "soạn").expect_err("errors refuse saving");
    assert_eq!(refused.len(), 15);
}

#[test]
fn a_total_that_is_not_100_is_only_a_warning() {
    let mut set = cdht();
    set.criteria[2].indicators.pop();
    set.min_total = Some(80);
    let issues = check(&set);
    assert_eq!(issues.len(), 1);
    assert_eq!(issues[0].severity, Severity::Warning);
    assert!(save(&set, false, Stamp::now(), "soạn").is_ok());
}

#[test]
fn starting_from_a_shipped_set_keeps_its_content_under_the_offices_id() {
    let catalog = crate::criteria::Catalog::shipped().expect("shipped");
    let shipped = catalog.in_force(Title::GiaDinh, 2025).expect("set");
    let copy = starting_from(&shipped.set);
    assert_eq!(copy.id, "gia-dinh-2021-van-phong");
    assert_eq!(copy.criteria, shipped.set.criteria);
    assert!(check(&copy).iter().all(|i| i.severity == Severity::Warning));
}
