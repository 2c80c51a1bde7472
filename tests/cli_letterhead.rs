//! `sohoctap letterhead`: the office's report lines are remembered by the register, used
//! by the text and Word reports, carried by the JSON archive, and refused when too long.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::run;
use std::process::Output;

fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}

#[test]
fn the_office_lines_reach_the_report_and_survive_an_archive() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    ok(run(
        &db,
        &["init", "--commune", "Xã Yên Mô", "--province", "Ninh Bình"],
    ));
    let usual = ok(run(&db, &["letterhead"]));
    assert!(
        usual.contains("HỘI KHUYẾN HỌC TỈNH NINH BÌNH (thường dùng)"),
        "{usual}"
    );
    ok(run(
        &db,
        &[
            "letterhead",
            "--superior",
            "UBND XÃ YÊN MÔ",
            "--number",
            "12/BC-HKH",
            "--signer-title",
            "PHÓ CHỦ TỊCH",
            "--signer-name",
            "Nguyễn Thị Hoa",
            "--recipient",
            "Thường trực Đảng ủy xã",
            "--recipient",
            "Lưu: VT",
        ],
    ));
    let report = ok(run(&db, &["report", "--year", "2025"]));
    for expected in [
        "UBND XÃ YÊN MÔ",
        "Số: 12/BC-HKH",
        "PHÓ CHỦ TỊCH",
        "Nguyễn Thị Hoa",
        "- Thường trực Đảng ủy xã;",
        "- Lưu: VT.",
    ] {
        assert!(report.contains(expected), "{expected:?} missing:\n{report}");
    }
    assert!(!report.contains("UBND xã;"), "{report}");

    // Through an archive into a new register, nothing of it is lost.
    let archive = dir.path().join("so.json");
    ok(run(
        &db,
        &["export", "json", "--out", archive.to_str().unwrap()],
    ));
    let copy = dir.path().join("copy.redb");
    ok(run(&copy, &["import", "json", archive.to_str().unwrap()]));
    assert_eq!(
        ok(run(&copy, &["letterhead"])),
        ok(run(&db, &["letterhead"]))
    );

    // "" gives a line back to the usual one; --usual-recipients the list.
    ok(run(
        &db,
        &["letterhead", "--superior", "", "--usual-recipients"],
    ));
    let shown = ok(run(&db, &["letterhead"]));
    assert!(
        shown.contains("HỘI KHUYẾN HỌC TỈNH NINH BÌNH (thường dùng)"),
        "{shown}"
    );
    assert!(shown.contains("Nơi nhận: (thường dùng)"), "{shown}");
    assert!(shown.contains("12/BC-HKH"), "the other lines stay: {shown}");
}

#[test]
fn an_over_long_line_is_refused_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    ok(run(&db, &["init", "--commune", "Xã Yên Mô"]));
    let before = std::fs::read(&db).unwrap();
    let long = "1".repeat(70);
    let out = run(&db, &["letterhead", "--number", &long]);
    assert_eq!(out.status.code(), Some(2));
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(
        said.contains("--number: số văn bản dài 70 ký tự, tối đa 64"),
        "{said}"
    );
    assert!(ok(run(&db, &["letterhead"])).contains("(để trống, ghi tay khi ký)"));
    // The refusal wrote nothing (the register is only opened and closed).
    let after = std::fs::read(&db).unwrap();
    assert_eq!(before.len(), after.len());
}
