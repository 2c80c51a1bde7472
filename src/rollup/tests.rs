//! Three communes' files added up, against sums worked out by hand in the comments.

use super::*;

fn file(commune: &str, year: u16, schema: u64, titles: &str) -> String {
    format!(
        r#"{{"schema": {schema}, "commune": "{commune}", "province": "Tỉnh Ninh Bình",
            "year": {year}, "resolution": null, "titles": [{titles}]}}"#
    )
}

fn title(code: &str, total: u64, registered: u64, recognised: u64, target: &str) -> String {
    format!(
        r#"{{"title": "{code}", "name": "x", "total": {total}, "registered": {registered},
            "scored": {registered}, "passed": {recognised}, "recognised": {recognised},
            "target": {target}, "target_milestone": 2025, "gap": null}}"#
    )
}

fn three() -> Vec<CommuneFile> {
    let a = file(
        "Xã An",
        2025,
        1,
        &[
            title("gia-dinh", 1000, 800, 663, "70.0"),
            title("dong-ho", 20, 15, 13, "65.0"),
        ]
        .join(","),
    );
    let b = file(
        "Phường Bình",
        2025,
        1,
        &[
            title("gia-dinh", 500, 450, 400, "75.0"),
            title("dong-ho", 3, 2, 1, "65.0"),
        ]
        .join(","),
    );
    let c = file(
        "Xã Cát",
        2025,
        1,
        &[
            title("gia-dinh", 7, 0, 0, "null"),
            title("dong-ho", 0, 0, 0, "65.0"),
            title("cong-dan", 90, 40, 12, "null"),
        ]
        .join(","),
    );
    vec![
        parse("a.json", &a).expect("a"),
        parse("b.json", &b).expect("b"),
        parse("c.json", &c).expect("c"),
    ]
}

#[test]
fn three_communes_add_up_to_the_hand_worked_sums() {
    let r = combine(three(), None).expect("combine");
    assert_eq!(r.year, 2025);
    assert_eq!(r.province, "Tỉnh Ninh Bình");
    // Vietnamese order: An, Bình, Cát.
    assert_eq!(
        r.communes,
        ["Xã An", "Phường Bình", "Xã Cát"].map(String::from)
    );
    let codes: Vec<&str> = r.measures.iter().map(|m| m.code.as_str()).collect();
    assert_eq!(codes, ["gia-dinh", "dong-ho", "cong-dan"]);

    let gd = &r.measures[0];
    // 1000 + 500 + 7 households; 800 + 450 + 0 registered; 663 + 400 + 0 recognised.
    assert_eq!(
        (gd.totals.total, gd.totals.registered, gd.totals.recognised),
        (1507, 1250, 1063)
    );
    // 1063 / 1507 = 70,54 %; 1250 / 1507 = 82,95 %; 1063 / 1250 = 85,04 %.
    assert_eq!(gd.percents.percent_of_total, Some(705));
    assert_eq!(gd.percents.percent_registered, Some(829));
    assert_eq!(gd.percents.percent_of_registered, Some(850));
    // An needs 700 of 1000: 37 short; Bình needs 375 of 500 and has 400; Cát has no target.
    assert_eq!(gd.rows[0].progress.gap, Some(37));
    assert_eq!(gd.rows[1].progress.gap, Some(0));
    assert_eq!(gd.rows[2].progress.gap, None);
    assert_eq!((gd.with_target, gd.reached, gd.gap), (2, 1, 37));

    let dh = &r.measures[1];
    assert_eq!((dh.totals.total, dh.totals.recognised), (23, 14));
    // An: 65 % of 20 = 13, reached. Bình: 65 % of 3 = 1,95 → 2, has 1: 1 short.
    // Cát: no clan, so neither reached nor missed.
    assert_eq!((dh.with_target, dh.reached, dh.gap), (2, 1, 1));

    // A measure only one commune reports is summed over that commune alone.
    let cd = &r.measures[2];
    assert_eq!(cd.rows.len(), 1);
    assert_eq!((cd.totals.total, cd.totals.recognised), (90, 12));

    let json = to_json(&r);
    assert_eq!(json["titles"][0]["totals"]["recognised"], 1063);
    assert_eq!(json["titles"][0]["totals"]["percent_of_total"], 70.5);
    assert_eq!(json["titles"][0]["gap"], 37);
    assert_eq!(json["titles"][1]["communes"][1]["gap"], 1);
    assert_eq!(json["missing"], serde_json::Value::Null);
}

#[test]
fn files_of_different_years_or_schemas_are_refused_by_name() {
    let mut files = three();
    files[1].year = 2024;
    let lines = combine(files, None).expect_err("years");
    assert_eq!(
        lines,
        [
            "Các tệp không cùng năm: a.json (năm 2025), b.json (năm 2024), c.json (năm 2025). \
          Chỉ tổng hợp báo cáo của cùng một năm."
        ]
    );
    let mut files = three();
    files[2].schema = 2;
    let lines = combine(files, None).expect_err("schema");
    assert!(lines[0].contains("c.json (lược đồ 2)"), "{lines:?}");
    assert!(
        lines[1].starts_with("Tệp c.json theo lược đồ 2"),
        "{lines:?}"
    );
}

#[test]
fn the_same_commune_twice_is_refused() {
    let mut files = three();
    files[2].commune = "xã  an".into();
    let lines = combine(files, None).expect_err("twice");
    assert_eq!(
        lines,
        ["Xã An có nhiều tệp: a.json, c.json. Mỗi xã chỉ một báo cáo."]
    );
}

#[test]
fn communes_of_the_list_without_a_file_are_named() {
    let expected = ["Xã An", "Xã Đông", "xã cát", "Phường Bình", "Xã Yên"].map(String::from);
    let r = combine(three(), Some(&expected)).expect("combine");
    assert_eq!(r.missing, ["Xã Đông", "Xã Yên"]);
    let text = render(
        &r,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 10).expect("d"),
        false,
    );
    assert!(
        text.contains("Xã, phường chưa gửi báo cáo (2): Xã Đông, Xã Yên."),
        "{text}"
    );
    for line in text.lines() {
        assert!(crate::text::width(line) <= 80, "{line}");
    }
    let ascii = render(
        &r,
        chrono::NaiveDate::from_ymd_opt(2026, 1, 10).expect("d"),
        true,
    );
    assert!(ascii.is_ascii() || ascii.chars().all(|c| c.is_ascii() || c == '\u{c}'));
}

#[test]
fn a_file_that_is_not_a_report_is_refused_with_the_field() {
    let e = parse(
        "x.json",
        r#"{"schema": 1, "commune": "Xã A", "year": 2025}"#,
    )
    .expect_err("no titles");
    assert!(e.contains("\"titles\""), "{e}");
    let e = parse("y.json", "không phải json").expect_err("not json");
    assert!(e.starts_with("Tệp y.json không phải tệp JSON"), "{e}");
}
