//! Files made to hurt: control characters, look-alike codes, overlong cells, formula
//! cells, codes that disagree with names, lists of the wrong kind. Each test would pass
//! the file through (or garble it) without the check it names.

use super::cell_rules::starts_like_formula;
use super::csv_read::SourceEncoding;
use super::tests::{fresh, household, import, plan_for, units};
use super::*;
use crate::model::UnitKind;

fn problems_text(p: &ImportPlan) -> String {
    p.problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n")
}

#[test]
fn control_and_bidi_characters_in_cells_are_refused_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let file = "Mã hộ,Chủ hộ,Thôn\n\
                HO1,Nguyễn Văn An,Đông\n\
                HO2,\"Trần\u{1B}]52;c;ZWNobw==\u{7}Bình\",Đông\n\
                HO3,Lê Văn \u{202E}Cường,Đông\n\
                HO4,Phạm Thị Dung,\"Tây\u{1B}[2J\"\n";
    let p = plan_for(&register, UnitKind::Household, file.as_bytes());
    assert_eq!(p.problems.len(), 3, "{}", problems_text(&p));
    let text = problems_text(&p);
    assert!(text.contains("dòng 3, cột \"Chủ hộ\""), "{text}");
    assert!(text.contains("U+001B"), "{text}");
    assert!(text.contains("dòng 4, cột \"Chủ hộ\""), "{text}");
    assert!(text.contains("U+202E"), "{text}");
    assert!(text.contains("dòng 5, cột \"Thôn\""), "{text}");
    // The message itself never carries the raw character to the terminal.
    assert!(
        !text.contains('\u{1B}') && !text.contains('\u{202E}'),
        "{text}"
    );
    assert!(apply(&register, &p).is_err());
    assert!(units(&register, UnitKind::Household).is_empty());
}

#[test]
fn a_header_with_a_control_character_refuses_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let file = "Mã hộ,Chủ hộ,Thôn,\"Ghi\u{1B}[31m chú\"\nHO1,An,Đông,\n";
    let p = plan_for(&register, UnitKind::Household, file.as_bytes());
    let text = problems_text(&p);
    assert!(
        text.contains("dòng 1") && text.contains("<U+001B>"),
        "{text}"
    );
    assert!(!p.is_clean());
}

#[test]
fn overlong_cells_and_look_alike_codes_are_refused_naming_the_character() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let long_name = "Ngô".repeat(70);
    let file = format!(
        "Mã hộ,Chủ hộ,Thôn\n\
         \u{41D}\u{41E}00001,Nguyễn Văn An,Đông\n\
         HO2,{long_name},Đông\n\
         HO3,Lê Văn Cường,Đông\n\
         ＨＯ4,Phạm Dung,Đông\n"
    );
    let p = plan_for(&register, UnitKind::Household, file.as_bytes());
    let text = problems_text(&p);
    assert_eq!(p.problems.len(), 3, "{text}");
    assert!(text.contains("dòng 2, cột \"Mã hộ\""), "{text}");
    assert!(text.contains("U+041D") && text.contains("Kirin"), "{text}");
    assert!(text.contains("dòng 3, cột \"Chủ hộ\""), "{text}");
    assert!(text.contains("210 ký tự, quá giới hạn 200"), "{text}");
    assert!(
        text.contains("dòng 5") && text.contains("toàn khổ"),
        "{text}"
    );
}

#[test]
fn formula_cells_are_flagged_exported_behind_a_quote_and_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let file = "Mã hộ,Chủ hộ,Thôn,Địa chỉ\n\
                HO1,\"=HYPERLINK(\"\"http://x\"\",\"\"An\"\")\",Đông,\n\
                HO2,Trần Thị Bình,Đông,-\n\
                HO3,@Lê,Đông,+84 912 345 678\n\
                HO4,'=đã có dấu nháy,Đông,\n";
    let p = import(&register, UnitKind::Household, file.as_bytes());
    let places: Vec<u64> = p.formula_cells.iter().map(|(line, _)| *line).collect();
    assert_eq!(places, vec![2, 3, 4, 4], "{:?}", p.formula_cells);
    let warning = p.formula_warning().unwrap();
    assert!(warning.contains("dòng 2 cột \"Chủ hộ\""), "{warning}");
    // The quote our exports add is taken off again.
    assert_eq!(household(&register, "HO4").head_name, "=đã có dấu nháy");
    let exported = export_csv(&register.read().unwrap(), UnitKind::Household, None).unwrap();
    let text = String::from_utf8(exported.clone()).unwrap();
    for line in text.lines().skip(1) {
        for cell in line.split(',') {
            let cell = cell.trim_start_matches('"');
            assert!(
                !starts_like_formula(cell),
                "a cell Excel would run: {cell} in {line}"
            );
        }
    }
    assert!(text.contains("'=HYPERLINK"), "{text}");
    assert!(text.contains(",'-"), "{text}");
    // Lossless: re-importing the export changes nothing.
    let again = plan_for(&register, UnitKind::Household, &exported);
    assert!(again.is_clean(), "{}", problems_text(&again));
    assert!(again.rows.is_empty(), "{:?}", again.rows);
    let copy = fresh(&dir, "ban-sao.redb");
    import(&copy, UnitKind::Household, &exported);
    assert_eq!(
        units(&copy, UnitKind::Household),
        units(&register, UnitKind::Household)
    );
}

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/encodings");

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(format!("{FIXTURES}/{name}")).unwrap()
}

fn head_names(register: &crate::store::Register) -> Vec<String> {
    units(register, UnitKind::Household)
        .into_iter()
        .map(|u| u.display_name())
        .collect()
}

const EXPECTED_HEADS: [&str; 6] = [
    "Nguyễn Văn Ước",
    "Trần Thị Bình",
    "Lê Văn Cường",
    "Phạm Thị Dung",
    "Hoàng Văn Đức",
    "Đỗ Thị Hằng",
];

#[test]
fn tcvn3_and_vni_files_are_converted_and_said_in_the_preview() {
    // ho-tcvn3.csv was written by glibc's iconv (TCVN5712-1); ho-vni.csv from the VNI
    // chart by a separate script. Both hold the same six households.
    for (name, encoding) in [
        ("ho-tcvn3.csv", SourceEncoding::Tcvn3),
        ("ho-vni.csv", SourceEncoding::Vni),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let register = fresh(&dir, "so.redb");
        let p = import(&register, UnitKind::Household, &fixture(name));
        assert_eq!(p.encoding, encoding, "{name}");
        assert!(p.encoding.label().contains("đã chuyển sang Unicode"));
        assert_eq!(head_names(&register), EXPECTED_HEADS, "{name}");
        let mut thon: Vec<String> = units(&register, UnitKind::Community)
            .into_iter()
            .map(|u| u.display_name())
            .collect();
        thon.sort();
        assert_eq!(
            thon,
            ["Thôn Hạ", "Thôn Thượng", "Thôn Tây", "Thôn Đông"],
            "{name}"
        );
    }
}

#[test]
fn a_utf8_file_with_one_stray_byte_writes_nothing_and_names_the_line() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let p = plan_for(
        &register,
        UnitKind::Household,
        &fixture("ho-utf8-mot-byte-hong.csv"),
    );
    let text = problems_text(&p);
    assert_eq!(p.problems.len(), 1, "{text}");
    assert!(text.starts_with("dòng 4, giá trị \"0xF5, 0xF5\""), "{text}");
    assert!(apply(&register, &p).is_err());
    assert!(units(&register, UnitKind::Household).is_empty());
}

#[test]
fn an_unterminated_quote_is_refused_with_the_line_where_it_opened() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let p = plan_for(
        &register,
        UnitKind::Household,
        &fixture("ho-nhay-khong-dong.csv"),
    );
    let text = problems_text(&p);
    assert_eq!(p.problems.len(), 1, "{text}");
    assert!(text.starts_with("dòng 3: dấu nháy kép"), "{text}");
    assert!(units(&register, UnitKind::Household).is_empty());
}

#[test]
fn a_cr_only_file_numbers_its_lines() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let p = plan_for(&register, UnitKind::Household, &fixture("ho-cr.csv"));
    let text = problems_text(&p);
    assert!(
        text.starts_with("dòng 5, cột \"Số nhân khẩu\", giá trị \"hai\""),
        "{text}"
    );
    assert_eq!(p.rows_read, 6);
}

#[test]
fn a_thon_or_clan_name_edited_while_its_code_stays_is_a_conflict_not_unchanged() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    import(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Mã thôn,Thôn,Mã dòng họ,Dòng họ\n\
         HO1,Nguyễn Văn An,TH001,Đông,DH001,Nguyễn\n\
         HO2,Trần Thị Bình,TH002,Tây,DH002,Trần\n"
            .as_bytes(),
    );
    let exported = export_csv(&register.read().unwrap(), UnitKind::Household, None).unwrap();
    let text = String::from_utf8(exported).unwrap();
    // Unchanged export: nothing to do.
    let p = plan_for(&register, UnitKind::Household, text.as_bytes());
    assert!(p.is_clean() && p.rows.is_empty(), "{}", problems_text(&p));
    // The officer renames the thôn and the clan in Excel and keeps the codes.
    let edited =
        text.replacen("Thôn Đông", "Thôn Đông Mới", 1)
            .replacen(",Trần,", ",Trần Đình,", 1);
    let p = plan_for(&register, UnitKind::Household, edited.as_bytes());
    let problems = problems_text(&p);
    assert_eq!(p.problems.len(), 2, "{problems}");
    assert!(
        problems.contains("dòng 2, cột \"Thôn\", giá trị \"Thôn Đông Mới\": mã thôn TH001 trong sổ là \"Thôn Đông\""),
        "{problems}"
    );
    assert!(
        problems.contains("dòng 3, cột \"Dòng họ\", giá trị \"Trần Đình\": mã dòng họ DH002"),
        "{problems}"
    );
    assert_eq!(p.unchanged, 0, "a conflict is never counted as unchanged");
}

#[test]
fn a_scores_file_with_an_indicator_column_twice_is_refused_naming_it() {
    use crate::criteria::Catalog;
    use crate::model::Title;
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    import(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Thôn,Năm vào\nHO1,Nguyễn Văn An,Đông,2020\n".as_bytes(),
    );
    let catalog = Catalog::shipped().unwrap();
    let set = &catalog.in_force(Title::GiaDinh, 2025).unwrap().set;
    let codes: Vec<String> = set.indicators().map(|i| i.code.clone()).collect();
    let file = format!("Mã hộ;{a};{b};{a}\nHO1;1;1;0\n", a = codes[0], b = codes[1]);
    let problems = scores::plan_scores(
        &register.read().unwrap(),
        &catalog,
        Title::GiaDinh,
        2025,
        file.as_bytes(),
    )
    .unwrap_err();
    let text: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(text.len(), 1, "{text:?}");
    assert!(
        text[0].starts_with(&format!(
            "dòng 1, cột \"{}\": chỉ số {} có hai cột (cột 2 và cột 4)",
            codes[0], codes[0]
        )),
        "{text:?}"
    );
}

#[test]
fn a_household_file_imported_as_communities_is_refused_naming_its_kind() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let file = "Mã hộ,Chủ hộ,Mã thôn,Thôn,Số nhân khẩu\nHO1,Nguyễn Văn An,TH001,Đông,4\n";
    let p = plan_for(&register, UnitKind::Community, file.as_bytes());
    let text = problems_text(&p);
    assert!(
        text.starts_with("dòng 1: tệp này có vẻ là danh sách hộ gia đình"),
        "{text}"
    );
    assert!(
        text.ends_with("Hãy nhập tệp này vào danh sách hộ gia đình"),
        "{text}"
    );
    assert!(apply(&register, &p).is_err());
    assert!(units(&register, UnitKind::Community).is_empty());
}

#[test]
fn a_year_left_before_a_recorded_decision_is_a_conflict_not_a_silent_drop() {
    use crate::criteria::{Catalog, IndicatorKind};
    use crate::model::{Decision, EvaluationKey, IndicatorValue, Stage, Stamp, Title};
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    import(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Thôn,Năm vào\nHO1,Nguyễn Văn An,Đông,2020\n".as_bytes(),
    );
    let unit = register
        .read()
        .unwrap()
        .unit_id(UnitKind::Household, "HO1")
        .unwrap()
        .unwrap();
    let catalog = Catalog::shipped().unwrap();
    let entry = catalog.in_force(Title::GiaDinh, 2024).unwrap();
    let key = EvaluationKey {
        year: 2024,
        title: Title::GiaDinh,
        unit,
    };
    let indicator = entry.set.indicators().next().unwrap();
    let value = match indicator.kind {
        IndicatorKind::Points => IndicatorValue::Points(1),
        IndicatorKind::PassFail => IndicatorValue::Pass(true),
    };
    super::tests::put_score(&register, key, &indicator.code, Some(value), entry);
    let mut evaluation = register.read().unwrap().evaluation(key).unwrap().unwrap();
    evaluation.stage = Stage::NotRecognised;
    evaluation.decision = Some(Decision {
        number: "12/QĐ-UBND".into(),
        date: chrono::NaiveDate::from_ymd_opt(2024, 12, 20).unwrap(),
    });
    register
        .put_evaluation(key, Some(&evaluation), &Stamp::now())
        .unwrap();
    let p = plan_for(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Thôn,Năm rời\nHO1,Nguyễn Văn An,Đông,2023\n".as_bytes(),
    );
    let text = problems_text(&p);
    assert!(
        text.starts_with("dòng 2, cột \"Năm rời\", giá trị \"2023\": đơn vị đã có quyết định"),
        "{text}"
    );
    assert!(text.contains("năm 2024"), "{text}");
    assert!(p.rows.is_empty());
    // After the decided year, leaving is fine.
    let p = plan_for(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Thôn,Năm rời\nHO1,Nguyễn Văn An,Đông,2025\n".as_bytes(),
    );
    assert!(p.is_clean(), "{}", problems_text(&p));
}

#[test]
fn an_archive_with_a_control_character_in_a_name_is_refused_by_place() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    import(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Thôn\nHO1,Nguyễn Văn An,Đông\n".as_bytes(),
    );
    let mut archive = export_archive(&register.read().unwrap()).unwrap();
    for a in &mut archive.units {
        if let crate::model::Unit::Household(h) = &mut a.unit {
            h.head_name = "An\u{1B}]52;c;ZXZpbA==\u{7}\nTỔNG CỘNG: 100%".into();
        }
    }
    let json = archive_to_json(&archive);
    let problems = archive_from_json(&json).unwrap_err();
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("units[1].unit.Household.head_name: có ký tự điều khiển ESC"),
        "{problems:?}"
    );
    // A value of the wrong type is said in Vietnamese, without serde's English.
    let text = String::from_utf8(archive_to_json(
        &export_archive(&register.read().unwrap()).unwrap(),
    ))
    .unwrap();
    let broken = text.replacen("\"version\": 1", "\"version\": \"một\"", 1);
    let problems = archive_from_json(broken.as_bytes()).unwrap_err();
    assert!(
        problems[0].contains("sai kiểu giá trị: có chuỗi \"một\""),
        "{problems:?}"
    );
    assert!(!problems[0].contains("expected"), "{problems:?}");
}
