//! The real binary: `import scores` (every bad cell reported, nothing written; then a
//! good file, with the documented example), and the CDHT rule end to end with
//! `recognise`: 85 points with one indicator at 4 is not passed, exactly 80 with none
//! below 5 is.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use std::path::{Path, PathBuf};
use std::process::Output;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
}

fn ok(out: &Output) {
    assert!(
        out.status.success(),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
}

#[test]
fn scores_are_imported_all_or_nothing_with_every_bad_cell_reported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    ok(&run(&db, &["init", "--commune", "Xã Yên Mô"]));
    ok(&run(
        &db,
        &[
            "import",
            "households",
            example("households.csv").to_str().expect("path"),
            // The households were in the commune in 2025, the year scored below.
            "--year",
            "2025",
        ],
    ));

    let bad = dir.path().join("diem-loi.csv");
    std::fs::write(
        &bad,
        "Mã hộ,1.1,1.2,9.9\nHO00001,16,5,\nHO99999,1,1,\nHO00002,abc,,\nHO00001,1,1,\n",
    )
    .expect("write");
    let out = run(
        &db,
        &[
            "import",
            "scores",
            bad.to_str().expect("path"),
            "--title",
            "gia-dinh",
            "--year",
            "2025",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    let expected = [
        ("dòng 1", "cột \"9.9\"", "không phải mã chỉ số"),
        ("dòng 2", "cột \"1.1\"", "\"16\""),
        ("dòng 3", "cột \"Mã hộ\"", "\"HO99999\""),
        ("dòng 4", "cột \"1.1\"", "\"abc\""),
        ("dòng 5", "cột \"Mã hộ\"", "đã có ở dòng 2"),
    ];
    for (line, column, detail) in expected {
        assert!(
            stderr
                .lines()
                .any(|l| l.contains(line) && l.contains(column) && l.contains(detail)),
            "{line} {column} {detail} missing:\n{stderr}"
        );
    }
    assert!(stderr.contains("chưa ghi điểm nào"), "{stderr}");
    let export = run(
        &db,
        &["export", "csv", "--kind", "households", "--year", "2025"],
    );
    ok(&export);
    assert!(
        !text(&export.stdout).contains("Đã đăng ký"),
        "nothing written: {}",
        text(&export.stdout)
    );

    // Missing options are a usage error.
    let out = run(&db, &["import", "scores", bad.to_str().expect("path")]);
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("--title"));

    let good = example("scores-gia-dinh.csv");
    let out = run(
        &db,
        &[
            "import",
            "scores",
            good.to_str().expect("path"),
            "--title",
            "gia-dinh",
            "--year",
            "2025",
        ],
    );
    ok(&out);
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("Đã ghi 20 điểm cho 3 hộ (3 đăng ký mới)"),
        "{stdout}"
    );
    // Importing again changes nothing; empty cells never clear a value.
    let again = run(
        &db,
        &[
            "import",
            "scores",
            good.to_str().expect("path"),
            "--title",
            "gia-dinh",
            "--year",
            "2025",
        ],
    );
    ok(&again);
    assert!(
        text(&again.stdout).contains("Đã ghi 0 điểm cho 0 hộ"),
        "{}",
        text(&again.stdout)
    );
    // HO00001 (98 points) passes; HO00003 (57) does not; HO00002 is incomplete.
    let rec = run(
        &db,
        &[
            "recognise",
            "--title",
            "gia-dinh",
            "--year",
            "2025",
            "--decision",
            "5/QĐ-UBND",
            "--date",
            "2025-12-20",
        ],
    );
    ok(&rec);
    assert!(
        text(&rec.stdout).contains("Đã công nhận 1 hộ"),
        "{}",
        text(&rec.stdout)
    );
}

#[test]
fn the_cdht_rule_end_to_end_with_bulk_recognition() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    ok(&run(&db, &["init", "--commune", "Xã Yên Mô"]));
    let citizens = dir.path().join("cong-dan.csv");
    std::fs::write(
        &citizens,
        "Mã công dân,Họ và tên,Ngày sinh,Giới tính\nCD1,Nguyễn Văn An,1970,Nam\nCD2,Trần Thị Bình,1985,Nữ\nCD3,Lê Văn Cường,1990,Nam\n",
    )
    .expect("write");
    ok(&run(
        &db,
        &[
            "import",
            "citizens",
            citizens.to_str().expect("path"),
            "--year",
            "2025",
        ],
    ));
    let scores = dir.path().join("diem-cdht.csv");
    std::fs::write(
        &scores,
        "Mã,Họ và tên,1.1,1.2,1.3,1.4,2.1,2.2,2.3,2.4,3.1,3.2\n\
         CD1,Nguyễn Văn An,4,9,9,9,9,9,9,9,9,9\n\
         CD2,Trần Thị Bình,8,8,8,8,8,8,8,8,8,8\n\
         CD3,Lê Văn Cường,10,10,10,10,10,10,10,10,10,\n",
    )
    .expect("write");
    ok(&run(
        &db,
        &[
            "import",
            "scores",
            scores.to_str().expect("path"),
            "--title",
            "cong-dan",
            "--year",
            "2025",
        ],
    ));
    // CD1: 85 with one indicator at 4 → not passed. CD2: exactly 80, none below 5 →
    // passed. CD3: incomplete → not passed.
    let rec = run(
        &db,
        &[
            "recognise",
            "--title",
            "cong-dan",
            "--year",
            "2025",
            "--decision",
            "9/QĐ-UBND",
            "--date",
            "2025-12-20",
        ],
    );
    ok(&rec);
    assert!(
        text(&rec.stdout).contains("Đã công nhận 1 người"),
        "{}",
        text(&rec.stdout)
    );
    let export = run(
        &db,
        &["export", "csv", "--kind", "citizens", "--year", "2025"],
    );
    ok(&export);
    let rows = text(&export.stdout);
    let line = |code: &str| {
        rows.lines()
            .find(|l| l.starts_with(code))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("CD2").contains("Đã công nhận"), "{rows}");
    assert!(!line("CD1").contains("Đã công nhận"), "{rows}");
    assert!(!line("CD3").contains("Đã công nhận"), "{rows}");
}

#[test]
fn scores_for_a_year_before_a_unit_entered_are_refused_with_the_way_out() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    ok(&run(&db, &["init", "--commune", "Xã Yên Mô"]));
    let households = example("households.csv");
    let households = households.to_str().expect("path");
    ok(&run(
        &db,
        &["import", "households", households, "--year", "2025"],
    ));
    let scores = example("scores-gia-dinh.csv");
    let scores = scores.to_str().expect("path");
    let out = run(
        &db,
        &[
            "import", "scores", scores, "--title", "gia-dinh", "--year", "2024",
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("không thuộc xã năm 2024"), "{stderr}");
    assert!(stderr.contains("vào sổ từ năm 2025"), "{stderr}");
}

/// Digital skills through the command line: a "Kỹ năng số" column read with or without
/// diacritics, a bad value refused with its row and column and nothing written, the two
/// digital-skills targets in `report --json` against hand-computed figures, and the
/// column written back by `export --year`, which `import scores` reads again.
#[test]
fn digital_skills_are_imported_counted_and_exported() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    ok(&run(&db, &["init", "--commune", "Xã Liên Hương"]));
    let citizens = dir.path().join("cong-dan.csv");
    std::fs::write(
        &citizens,
        "Mã công dân,Họ và tên,Ngày sinh,Giới tính\nCD1,Nguyễn Văn An,1970,Nam\nCD2,Trần Thị Bình,1985,Nữ\nCD3,Lê Văn Cường,1990,Nam\nCD4,Phạm Thị Dung,1992,Nữ\nCD5,Vũ Văn Em,1960,Nam\n",
    )
    .expect("write");
    ok(&run(
        &db,
        &[
            "import",
            "citizens",
            citizens.to_str().expect("path"),
            "--year",
            "2025",
        ],
    ));
    let import = |file: &Path| {
        run(
            &db,
            &[
                "import",
                "scores",
                file.to_str().expect("path"),
                "--title",
                "cong-dan",
                "--year",
                "2025",
            ],
        )
    };
    let bad = dir.path().join("kns-loi.csv");
    std::fs::write(&bad, "Mã,1.1,Kỹ năng số\nCD1,9,giỏi\nCD2,9,có\n").expect("write");
    let out = import(&bad);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("dòng 2") && stderr.contains("Kỹ năng số") && stderr.contains("giỏi"),
        "{stderr}"
    );
    assert!(stderr.contains("thanh thao"), "{stderr}");
    assert!(!stderr.contains("dòng 3"), "{stderr}");

    // CD1 thành thạo, CD2 có, CD3 chưa, CD4 not recorded: all four pass and are
    // recognised; CD5 (có) is only partly scored and not recognised.
    let good = dir.path().join("kns.csv");
    std::fs::write(
        &good,
        "Mã,1.1,1.2,1.3,1.4,2.1,2.2,2.3,2.4,3.1,3.2,Ky nang so\n\
         CD1,10,10,10,10,10,10,10,10,10,10,thanh thao\n\
         CD2,8,8,8,8,8,8,8,8,8,8,Có\n\
         CD3,10,10,10,10,10,10,10,10,10,10,chua\n\
         CD4,10,10,10,10,10,10,10,10,10,10,\n\
         CD5,10,,,,,,,,,,co\n",
    )
    .expect("write");
    let out = import(&good);
    ok(&out);
    assert!(
        text(&out.stdout).contains("Đã ghi kỹ năng số của 4 người"),
        "{}",
        text(&out.stdout)
    );
    ok(&run(
        &db,
        &[
            "recognise",
            "--title",
            "cong-dan",
            "--year",
            "2025",
            "--decision",
            "9/QĐ-UBND",
            "--date",
            "2025-12-20",
        ],
    ));
    for (measure, percent) in [
        ("cong-dan/ky-nang-so", "70"),
        ("cong-dan/thanh-thao-ky-nang-so", "60"),
    ] {
        ok(&run(
            &db,
            &[
                "targets",
                "set",
                measure,
                "--milestone",
                "2025",
                "--percent",
                percent,
                "--resolution",
                "12-NQ/ĐU, 5/4/2023, Đảng ủy xã Liên Hương",
            ],
        ));
    }
    let report = run(&db, &["report", "--json", "--year", "2025"]);
    ok(&report);
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).expect("json");
    let measure = |code: &str| {
        json["titles"]
            .as_array()
            .expect("titles")
            .iter()
            .find(|t| t["title"] == code)
            .cloned()
            .expect(code)
    };
    // 4 holders; with skills CD1, CD2 = 2 (50 %): 70 % of 4 is 2,8 → 3, one short.
    let skills = measure("cong-dan/ky-nang-so");
    assert_eq!(skills["total"], 4);
    assert_eq!(skills["registered"], 3);
    assert_eq!(skills["recognised"], 2);
    assert_eq!(skills["percent_of_total"], 50.0);
    assert_eq!(skills["gap"], 1);
    assert_eq!(skills["targets"][0]["basis"], "total");
    assert_eq!(skills["targets"][0]["gap"], 1);
    // Proficient: CD1 = 1 (25 %): 60 % of 4 is 2,4 → 3, two short.
    let proficient = measure("cong-dan/thanh-thao-ky-nang-so");
    assert_eq!(proficient["recognised"], 1);
    assert_eq!(proficient["percent_of_total"], 25.0);
    assert_eq!(proficient["gap"], 2);
    assert_eq!(measure("cong-dan")["recognised"], 4);

    let text_report = run(&db, &["report", "--year", "2025"]);
    ok(&text_report);
    assert!(
        text(&text_report.stdout).contains("KNS: thành thạo"),
        "{}",
        text(&text_report.stdout)
    );

    let export = dir.path().join("xuat.csv");
    ok(&run(
        &db,
        &[
            "export",
            "csv",
            "--kind",
            "citizens",
            "--year",
            "2025",
            "--out",
            export.to_str().expect("path"),
        ],
    ));
    let rows = std::fs::read_to_string(&export).expect("export");
    let header = rows.lines().next().unwrap_or_default();
    assert!(header.contains("Kỹ năng số"), "{header}");
    let line = |code: &str| {
        rows.lines()
            .find(|l| l.starts_with(code))
            .unwrap_or_default()
            .to_string()
    };
    assert!(line("CD1").contains("thành thạo"), "{rows}");
    assert!(line("CD2").contains(",có,"), "{rows}");
    // The exported list imports back as scores, changing nothing.
    let again = import(&export);
    ok(&again);
    assert!(
        !text(&again.stdout).contains("kỹ năng số của"),
        "{}",
        text(&again.stdout)
    );
}
