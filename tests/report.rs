//! Golden files of the printed report for a fixed register (plain, ASCII, Windows and a
//! multi-page one with the list), and the paper rules checked on each: 80 display
//! columns, pages of at most 60 lines with their number, tables never continued without
//! their header, and every figure equal to the one in `report --json`.
//!
//! `UPDATE_GOLDEN=1 cargo test --test report` rewrites the goldens after a deliberate
//! change; review the diff before committing.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod report_fixture;
use report_fixture as common;

use serde_json::Value;
use sohoctap::app::load_report_data;
use sohoctap::model::Measure;
use sohoctap::report::text::layout::{FORM_FEED, PAGE_LINES, PAGE_WIDTH};
use sohoctap::report::text::tables::{ALL_CITIZENS_ROW, measure_label};
use sohoctap::report::text::{TextOptions, render, windows_bytes};
use sohoctap::report::{ReportData, report_json};
use sohoctap::store::Register;
use sohoctap::text::width;
use std::path::PathBuf;

fn data(size: common::Size, list: bool) -> ReportData {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    common::build(&path, size);
    let register = Register::open(&path).expect("open");
    let data = load_report_data(&register.read().expect("read"), common::YEAR, list).expect("data");
    register.close().expect("close");
    data
}

fn options(ascii: bool, list: bool) -> TextOptions {
    TextOptions {
        today: common::today(),
        ascii,
        list,
    }
}

fn golden(name: &str, actual: &[u8]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (run with UPDATE_GOLDEN=1 once)", path.display()));
    if expected != actual {
        let actual_path = path.with_extension("actual");
        std::fs::write(&actual_path, actual).expect("write actual");
        panic!(
            "{} differs from the golden; see {} (diff them)",
            path.display(),
            actual_path.display()
        );
    }
}

fn pages(text: &str) -> Vec<Vec<&str>> {
    text.split(FORM_FEED)
        .map(|p| p.strip_suffix('\n').unwrap_or(p).split('\n').collect())
        .collect()
}

/// The paper rules every rendering must keep.
fn check_paper(text: &str) {
    let pages = pages(text);
    let n = pages.len();
    for (i, page) in pages.iter().enumerate() {
        assert!(
            page.len() <= PAGE_LINES,
            "page {} has {} lines",
            i + 1,
            page.len()
        );
        for line in page {
            assert!(
                width(line) <= PAGE_WIDTH,
                "too wide ({}): {line}",
                width(line)
            );
            assert!(!line.contains('\r') && !line.ends_with(' '), "{line:?}");
        }
        let footer = page.last().expect("footer").trim();
        assert!(
            footer == format!("Trang {}/{n}", i + 1),
            "page {} footer {footer:?}",
            i + 1
        );
    }
    // A page that carries on a table starts it again with its header: the first table
    // line of every page is one of the document's header lines (the line right under
    // the top rule of a table where it first appears).
    let headers: Vec<&str> = pages
        .iter()
        .flat_map(|p| p.windows(3))
        .filter(|w| !w[0].starts_with(['|', '+']) && w[1].starts_with('+') && w[2].starts_with('|'))
        .map(|w| w[2])
        .collect();
    assert!(!headers.is_empty());
    for (i, page) in pages.iter().enumerate() {
        if let Some(first) = page.iter().position(|l| l.starts_with('|')) {
            assert!(
                first > 0 && page[first - 1].starts_with('+'),
                "page {}",
                i + 1
            );
            assert!(
                headers.contains(&page[first]),
                "page {} starts a table with a row, not its header: {}",
                i + 1,
                page[first]
            );
        }
    }
}

fn number(cell: &str) -> Value {
    let cell = cell.trim();
    if cell == "-" {
        return Value::Null;
    }
    if let Some(p) = cell.strip_suffix('%') {
        let v: f64 = p
            .replace('.', "")
            .replace(',', ".")
            .parse()
            .expect("percent");
        return serde_json::json!(v);
    }
    let v: u64 = cell
        .replace('.', "")
        .parse()
        .unwrap_or_else(|_| panic!("count {cell:?}"));
    serde_json::json!(v)
}

fn cells(line: &str) -> Vec<&str> {
    line.trim_matches('|').split('|').collect()
}

fn row<'a>(text: &'a str, label: &str) -> Vec<Vec<&'a str>> {
    text.lines()
        .filter(|l| l.starts_with('|') && cells(l)[0].trim() == label)
        .map(cells)
        .collect()
}

fn as_f64(v: &Value) -> Value {
    v.as_f64().map_or(Value::Null, |f| serde_json::json!(f))
}

/// Every figure of the three tables equals the one in the JSON.
fn check_figures(text: &str, json: &Value) {
    let titles = json["titles"].as_array().expect("titles");
    let previous = json["previous_year"]["titles"]
        .as_array()
        .expect("previous");
    // The six measures, then the whole commune's CDHT count, then the two
    // digital-skills shares.
    assert_eq!(titles.len(), Measure::ALL.len() + 1);
    let labels = Measure::ALL
        .iter()
        .filter(|m| !m.is_digital_skills())
        .map(|m| (m.code(), measure_label(*m)))
        .chain(std::iter::once(("cong-dan", ALL_CITIZENS_ROW)))
        .chain(
            Measure::ALL
                .iter()
                .filter(|m| m.is_digital_skills())
                .map(|m| (m.code(), measure_label(*m))),
        );
    for (((code, label), t), before) in labels.zip(titles).zip(previous) {
        let measure = code;
        assert_eq!(t["title"], code);
        let rows = row(text, label);
        // The main table, the comparison and (the six measures) the way to the next
        // milestone, whose last rate is this year's.
        let tables = if code == "cong-dan" { 2 } else { 3 };
        assert_eq!(
            rows.len(),
            tables,
            "{measure:?}: main table, comparison, way"
        );
        if tables == 3 {
            let way = &rows[2];
            let rate = way.iter().rev().nth(3).map(|c| number(c));
            assert_eq!(
                rate,
                Some(as_f64(&t["percent_of_total"])),
                "{measure:?} way"
            );
        }
        let main: Vec<Value> = rows[0][1..].iter().map(|c| number(c)).collect();
        let expected = vec![
            t["total"].clone(),
            t["registered"].clone(),
            as_f64(&t["percent_registered"]),
            t["recognised"].clone(),
            as_f64(&t["percent_of_total"]),
            as_f64(&t["percent_of_registered"]),
            as_f64(&t["target"]),
            t["gap"].clone(),
        ];
        assert_eq!(main, expected, "{measure:?}");
        let change: Vec<Value> = rows[1][1..5].iter().map(|c| number(c)).collect();
        assert_eq!(
            change,
            vec![
                before["recognised"].clone(),
                as_f64(&before["percent_of_total"]),
                t["recognised"].clone(),
                as_f64(&t["percent_of_total"]),
            ],
            "{measure:?} change"
        );
    }
    for c in json["communities"].as_array().expect("communities") {
        let name = c["name"].as_str().expect("name");
        let rows = row(text, name);
        assert_eq!(rows.len(), 1, "{name}");
        let got: Vec<Value> = rows[0][1..7].iter().map(|x| number(x)).collect();
        assert_eq!(
            got,
            vec![
                c["households"]["total"].clone(),
                c["households"]["registered"].clone(),
                c["households"]["recognised"].clone(),
                as_f64(&c["percent_households_recognised"]),
                c["citizens"]["total"].clone(),
                c["citizens"]["recognised"].clone(),
            ],
            "{name}"
        );
    }
}

#[test]
fn the_plain_report_matches_its_golden_and_the_json() {
    let data = data(common::SMALL, false);
    let text = render(&data, &options(false, false));
    golden("report-plain.txt", text.as_bytes());
    check_paper(&text);
    let json = report_json(&data);
    check_figures(&text, &json);
    assert!(text.contains("HỘI KHUYẾN HỌC XÃ YÊN MÔ"));
    assert!(text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert!(text.contains("Yên Mô, ngày 22 tháng 11 năm 2026"));
    assert!(text.contains("KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP NĂM 2025"));
    assert!(text.contains("Nghị quyết số 05-NQ/ĐU ngày 12/3/2021 của Đảng ủy xã Yên Mô"));
    assert!(text.contains("TM. BAN CHẤP HÀNH") && text.contains("CHỦ TỊCH"));
    // The shipped sets for 2025 are provisional, and the report says so.
    assert!(json["provisional_criteria"].as_bool().expect("flag"));
    assert!(text.contains("GĐHT: bộ tiêu chí tạm thời; 21 lượt đánh giá."));
    assert!(text.contains("LƯU Ý: Kết quả chấm theo bộ tiêu chí chưa đối chiếu"));
    assert!(!text.contains("DANH SÁCH ĐƠN VỊ"));
    assert_nothing_of_the_software(&text);
}

/// Issue 13: the printed report is the office's document. No set id, no content hash,
/// no command or program name, no sentence about "the register".
fn assert_nothing_of_the_software(text: &str) {
    for line in text.lines() {
        let lower = line.to_lowercase();
        // "có trong sổ của xã" is the office's own book and stays; sentences about
        // what the program's register holds ("Sổ chưa có …") do not.
        for word in [
            "sohoctap",
            "tam-thoi",
            "qd244",
            "lệnh",
            "sổ chưa",
            "sổ học tập",
            "mã bộ",
            "(mã ",
            ", bản ",
        ] {
            assert!(!lower.contains(word), "{word:?} in {line:?}");
        }
        let hex_run = line
            .split(|c: char| !c.is_ascii_hexdigit())
            .any(|w| w.len() >= 12 && w.chars().any(|c| c.is_ascii_alphabetic()));
        assert!(!hex_run, "a hash in {line:?}");
    }
}

#[test]
fn the_letterhead_and_signature_are_what_the_office_entered() {
    let mut data = data(common::SMALL, false);
    data.letterhead = sohoctap::model::Letterhead {
        superior: "UBND XÃ YÊN MÔ".into(),
        issuing_body: String::new(),
        number: "12/BC-HKH".into(),
        place: "Yên Mô".into(),
        signer_title: "PHÓ CHỦ TỊCH".into(),
        signer_name: "Nguyễn Thị Hoa".into(),
        recipients: vec!["Thường trực Đảng ủy".into(), "Lưu: VP".into()],
    };
    let text = render(&data, &options(false, false));
    check_paper(&text);
    let head: Vec<&str> = text.lines().take(6).collect();
    assert!(head[0].contains("UBND XÃ YÊN MÔ"), "{head:?}");
    assert!(head[1].contains("HỘI KHUYẾN HỌC XÃ YÊN MÔ"), "{head:?}");
    assert!(text.contains("Số: 12/BC-HKH"));
    let tail: Vec<&str> = text.lines().rev().take(16).collect();
    let tail = tail.join("\n");
    assert!(
        tail.contains("KT. CHỦ TỊCH")
            && tail.contains("PHÓ CHỦ TỊCH")
            && tail.contains("Nguyễn Thị Hoa"),
        "{tail}"
    );
    assert!(
        tail.contains("- Thường trực Đảng ủy;") && tail.contains("- Lưu: VP."),
        "{tail}"
    );
    assert!(
        !tail.contains("UBND xã;"),
        "the usual recipients are replaced: {tail}"
    );
    assert_nothing_of_the_software(&text);
}

#[test]
fn the_ascii_report_has_no_diacritics_and_the_same_figures() {
    let data = data(common::SMALL, false);
    let text = render(&data, &options(true, false));
    golden("report-ascii.txt", text.as_bytes());
    check_paper(&text);
    assert!(text.is_ascii());
    assert!(text.contains("HOI KHUYEN HOC XA YEN MO"));
    assert!(text.contains("Doc lap - Tu do - Hanh phuc"));
    let plain = render(&data, &options(false, false));
    // Same layout: as many lines, page breaks at the same places.
    assert_eq!(text.lines().count(), plain.lines().count());
}

#[test]
fn the_windows_report_has_a_bom_and_crlf_line_ends() {
    let data = data(common::SMALL, false);
    let text = render(&data, &options(false, false));
    let bytes = windows_bytes(&text);
    golden("report-windows.txt", &bytes);
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let body = &bytes[3..];
    let lf = body.iter().filter(|&&b| b == b'\n').count();
    let crlf = body.windows(2).filter(|w| w == b"\r\n").count();
    assert_eq!(lf, crlf, "every line ends in CRLF");
    assert_eq!(
        String::from_utf8(body.to_vec())
            .expect("utf-8")
            .replace("\r\n", "\n"),
        text
    );
}

#[test]
fn the_listed_report_runs_over_several_pages_with_repeated_headers() {
    let data = data(common::LARGE, true);
    let text = render(&data, &options(false, true));
    golden("report-list.txt", text.as_bytes());
    check_paper(&text);
    check_figures(&text, &report_json(&data));
    let pages = pages(&text);
    assert!(pages.len() >= 3, "{} pages", pages.len());
    assert!(
        text.contains("(tiếp theo)"),
        "a table continues on a new page"
    );
    // Every recognised unit is listed with its code, under its community.
    let groups = data.recognised.as_ref().expect("list");
    // Units of the four unit titles: as many listed as the main table recognises.
    for line in data.summary.lines.iter().take(4) {
        let title = line.measure.title();
        let listed = groups
            .iter()
            .flat_map(|g| &g.units)
            .filter(|u| u.title == title)
            .count();
        assert_eq!(listed as u64, line.counts.recognised, "{title}");
    }
    for g in groups {
        for u in &g.units {
            assert!(text.contains(&u.code), "{} missing", u.code);
        }
    }
    // Grouped by decision: each unit under the decision that recognised it (citizens by
    // a decision of their own in the fixture), each decision named once, in date order.
    for g in groups {
        let decision = g.decision.as_ref().expect("every unit has its decision");
        let citizens = g
            .units
            .iter()
            .filter(|u| u.title == sohoctap::model::Title::CongDan)
            .count();
        let expected = if citizens > 0 {
            "155/QĐ-UBND"
        } else {
            "125/QĐ-UBND"
        };
        assert!(
            citizens == 0 || citizens == g.units.len(),
            "one decision per group"
        );
        assert_eq!(decision.number, expected);
    }
    let first = "Danh sách kèm theo Quyết định số 125/QĐ-UBND ngày 10 tháng 12 năm 2025:";
    let second = "Danh sách kèm theo Quyết định số 155/QĐ-UBND ngày 15 tháng 12 năm 2025:";
    assert_eq!(text.matches(first).count(), 1);
    assert_eq!(text.matches(second).count(), 1);
    assert!(text.find(first) < text.find(second));
}
