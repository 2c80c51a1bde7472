//! The CLI contract of the core: `init`, `check`, `criteria`, `report --json`, exit codes
//! and the message a second process gets. These run the real binary.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn sohoctap(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SOHOCTAP_CRITERIA")
        .output()
        .expect("run sohoctap")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn json(o: &Output) -> serde_json::Value {
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

#[test]
fn init_check_and_report_on_a_fresh_register() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    let o = sohoctap(
        &db,
        &["init", "--commune", "Xã  Yên Mô", "--province", "Ninh Bình"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&db).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let o = sohoctap(&db, &["check", "--json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["ok"], true);
    for key in [
        "communities",
        "households",
        "clans",
        "organisations",
        "citizens",
    ] {
        assert_eq!(v[key], 0, "{key}");
    }
    let o = sohoctap(&db, &["report", "--json", "--year", "2025"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["commune"], "Xã Yên Mô");
    assert_eq!(v["year"], 2025);
    let titles = v["titles"].as_array().expect("titles");
    let codes: Vec<&str> = titles.iter().filter_map(|t| t["title"].as_str()).collect();
    assert_eq!(
        codes,
        [
            "gia-dinh",
            "dong-ho",
            "cong-dong",
            "don-vi",
            "cong-dan/cong-dong",
            "cong-dan/don-vi",
            // The whole commune's CDHT count, appended after the six measures.
            "cong-dan",
            // The digital-skills shares of the CDHT holders (schema 6), after it.
            "cong-dan/ky-nang-so",
            "cong-dan/thanh-thao-ky-nang-so",
        ]
    );
    for t in titles {
        for key in [
            "total",
            "registered",
            "scored",
            "passed",
            "recognised",
            "percent_of_total",
            "percent_of_registered",
            "target",
        ] {
            assert!(t.get(key).is_some(), "{key} missing in {t}");
        }
    }
}

#[test]
fn init_refuses_to_overwrite_and_a_missing_register_is_explained() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    assert!(
        sohoctap(&db, &["init", "--commune", "Xã A"])
            .status
            .success()
    );
    let o = sohoctap(&db, &["init", "--commune", "Xã B"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("không ghi đè"), "{}", stderr(&o));

    let o = sohoctap(&dir.path().join("khong-co.redb"), &["check"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("sohoctap init"), "{}", stderr(&o));
}

#[test]
fn a_second_process_is_told_who_holds_the_register() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    assert!(
        sohoctap(&db, &["init", "--commune", "Xã A"])
            .status
            .success()
    );
    let held = sohoctap::store::Register::open(&db).expect("open");
    let o = sohoctap(&db, &["check"]);
    assert_eq!(o.status.code(), Some(1));
    let message = stderr(&o);
    assert!(message.contains("đang được mở bởi người dùng"), "{message}");
    assert!(message.contains("trên máy"), "{message}");
    assert!(
        message.contains(&format!("tiến trình {}", std::process::id())),
        "{message}"
    );
    held.close().expect("close");
    // Once released, the next process opens it at once.
    assert!(sohoctap(&db, &["check"]).status.success());
}

#[test]
fn a_holder_that_died_does_not_block() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    assert!(
        sohoctap(&db, &["init", "--commune", "Xã A"])
            .status
            .success()
    );
    // A side file left by a crashed process: the lock died with it.
    std::fs::write(
        dir.path().join("so.redb.holder"),
        "người dùng ai đó trên máy khác, từ 08:00 ngày 01/01/2026 (tiến trình 999999)",
    )
    .expect("write");
    let o = sohoctap(&db, &["check"]);
    assert!(o.status.success(), "{}", stderr(&o));
}

fn criteria_check(text: &str) -> Output {
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("bo.toml");
    std::fs::write(&file, text).expect("write");
    let db = dir.path().join("unused.redb");
    sohoctap(
        &db,
        &["criteria", "check", file.to_str().expect("utf-8 path")],
    )
}

const GOOD: &str = r#"schema = 1
id = "thu"
title = "cong-dan"
name = "Thử"
valid_from = 2022
source = "Văn bản thử"
status = "verified"
min_total = 10

[[criteria]]
code = "1"
name = "Một"

[[criteria.indicators]]
code = "1.1"
text = "Chỉ số một"
kind = "points"
max = 10
floor = 5

[[criteria.indicators]]
code = "1.2"
text = "Chỉ số hai"
kind = "points"
max = 10
"#;

#[test]
fn criteria_check_accepts_a_good_file() {
    let o = criteria_check(GOOD);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("hợp lệ"));
}

#[test]
fn criteria_check_names_the_line_and_field_of_each_problem() {
    let cases = [
        (
            GOOD.replace("max = 10\nfloor = 5", "max = \nfloor = 5"),
            "dòng 18",
            "",
        ),
        (
            GOOD.replace("code = \"1.2\"", "code = \"1.1\""),
            "dòng 22",
            "indicators.code",
        ),
        (
            GOOD.replace("floor = 5", "floor = 11"),
            "dòng 19",
            "indicators.floor",
        ),
        (
            GOOD.replace("min_total = 10", "min_total = 21"),
            "dòng 8",
            "min_total",
        ),
    ];
    for (text, line, field) in cases {
        let o = criteria_check(&text);
        assert_eq!(o.status.code(), Some(2), "{text}");
        let message = stderr(&o);
        assert!(message.contains(line), "expected {line} in {message}");
        assert!(message.contains(field), "expected {field} in {message}");
    }
}

#[test]
fn criteria_show_json_lists_every_indicator() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = sohoctap(
        &dir.path().join("x.redb"),
        &["criteria", "show", "cong-dan", "--year", "2025", "--json"],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let v = json(&o);
    assert_eq!(v["id"], "cong-dan-qd244-2022");
    assert_eq!(v["title"], "cong-dan");
    assert_eq!(v["status"], "provisional");
    let indicators: Vec<&serde_json::Value> = v["criteria"]
        .as_array()
        .expect("criteria")
        .iter()
        .flat_map(|c| c["indicators"].as_array().expect("indicators"))
        .collect();
    assert_eq!(indicators.len(), 10);
    for i in indicators {
        assert_eq!(i["kind"], "points");
        assert_eq!(i["max"], 10);
        assert_eq!(i["floor"], 5);
    }
}

#[test]
fn bad_usage_exits_with_2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = sohoctap(
        &dir.path().join("x.redb"),
        &["criteria", "show", "khong-co"],
    );
    assert_eq!(o.status.code(), Some(2));
    let o = sohoctap(&dir.path().join("x.redb"), &["lenh-la"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("không có lệnh \"lenh-la\""),
        "the unknown command is named: {}",
        stderr(&o)
    );
}

#[test]
fn usage_errors_are_explained_in_vietnamese() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = sohoctap(
        &dir.path().join("x.redb"),
        &["recognise", "--title", "gia-dinh"],
    );
    assert_eq!(o.status.code(), Some(2));
    let message = stderr(&o);
    assert!(message.contains("thiếu --year"), "{message}");
    assert!(message.contains("sohoctap --help"), "{message}");
}

#[test]
fn recognise_reports_how_many_and_validates_its_input() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    assert!(
        sohoctap(&db, &["init", "--commune", "Xã A"])
            .status
            .success()
    );
    let args = |title: &str, date: &str| {
        sohoctap(
            &db,
            &[
                "recognise",
                "--title",
                title,
                "--year",
                "2025",
                "--decision",
                "45/QĐ-UBND",
                "--date",
                date,
            ],
        )
    };
    let o = args("gia-dinh", "2025-12-20");
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(String::from_utf8_lossy(&o.stdout).contains("Đã công nhận 0 hộ"));
    let o = args("gia dinh", "2025-12-20");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("gia-dinh, dong-ho"), "{}", stderr(&o));
    let o = args("gia-dinh", "31/02/2025");
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("không hợp lệ"), "{}", stderr(&o));
}

#[test]
fn a_missing_subcommand_is_bad_usage() {
    let dir = tempfile::tempdir().expect("tempdir");
    let o = sohoctap(&dir.path().join("x.redb"), &["criteria"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("thiếu lệnh con"), "{}", stderr(&o));
}

#[cfg(target_os = "linux")]
#[test]
fn output_to_a_full_disk_is_an_error_and_a_closed_pipe_is_not() {
    let dir = tempfile::tempdir().expect("tempdir");
    let full = std::fs::File::create("/dev/full").expect("/dev/full");
    let o = Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .args(["criteria", "list"])
        .arg("--db")
        .arg(dir.path().join("x.redb"))
        .stdout(full)
        .output()
        .expect("run");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("ổ đĩa đã đầy"), "{}", stderr(&o));

    let mut child = Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .args(["criteria", "show", "cong-dan", "--year", "2025"])
        .arg("--db")
        .arg(dir.path().join("x.redb"))
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("spawn");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("wait");
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn import_and_export_take_the_vietnamese_kind_names() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    assert!(
        sohoctap(&db, &["init", "--commune", "Xã A"])
            .status
            .success()
    );
    let households =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/households.csv");
    let o = sohoctap(
        &db,
        &[
            "import",
            "ho",
            households.to_str().expect("path"),
            "--dry-run",
        ],
    );
    assert!(o.status.success(), "{}", stderr(&o));
    for kind in ["thon", "ho", "dong-ho", "don-vi", "cong-dan"] {
        let o = sohoctap(&db, &["export", "csv", "--kind", kind]);
        assert!(o.status.success(), "{kind}: {}", stderr(&o));
    }
}

#[test]
fn help_has_no_english_words() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("x.redb");
    for args in [
        vec!["--help"],
        vec!["import", "--help"],
        vec!["report", "--help"],
        vec!["recognise", "--help"],
    ] {
        let o = sohoctap(&db, &args);
        assert!(o.status.success(), "{args:?}");
        let out = String::from_utf8_lossy(&o.stdout).into_owned();
        for english in ["[OPTIONS]", "Possible values", "[env:", "Usage", "Options:"] {
            assert!(!out.contains(english), "{args:?} shows {english}:\n{out}");
        }
    }
}
