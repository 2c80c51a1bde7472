//! Workbooks in and out through the real binary, on fixtures made by LibreOffice Calc
//! and gnumeric (`tests/fixtures/excel/README.md` gives the commands): title rows above
//! the header, merged cells, codes with leading zeros kept as text or turned into
//! numbers, dates, formulas, and sheets typed in the old TCVN3 and VNI fonts. An
//! exported workbook re-saved by Calc imports as "không đổi"; a `--year` export imports
//! as scores; a zero-stripped round trip adds no unit.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use std::path::{Path, PathBuf};
use std::process::Output;

fn fixture(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/excel")
        .join(name)
        .to_str()
        .expect("path")
        .to_string()
}

fn example(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
        .to_str()
        .expect("path")
        .to_string()
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

fn refused(out: &Output) -> String {
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stderr)
}

fn register() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    ok(&run(&db, &["init", "--commune", "Xã Yên Mô"]));
    (dir, db)
}

/// The households list of a register, as CSV text.
fn households_csv(db: &Path) -> String {
    ok(&run(db, &["export", "csv", "--kind", "households"]))
}

#[test]
fn workbooks_from_calc_and_gnumeric_read_below_their_title_rows() {
    for file in [
        "ho-thon-dong.xlsx",
        "ho-thon-dong.xls",
        "ho-thon-dong.ods",
        "ho-thon-dong-gnumeric.xlsx",
        "ho-thon-dong-gnumeric.xls",
    ] {
        let (_dir, db) = register();
        let out = ok(&run(
            &db,
            &["import", "households", &fixture(file), "--year", "2025"],
        ));
        assert!(out.contains("dòng tiêu đề cột là dòng 4"), "{file}: {out}");
        assert!(
            out.contains("DANH SÁCH HỘ GIA ĐÌNH THÔN ĐÔNG"),
            "{file}: {out}"
        );
        assert!(out.contains("trang \"Danh sách hộ\""), "{file}: {out}");
        assert!(out.contains("Đã thêm 3 hộ"), "{file}: {out}");
        // The formula cell (Số người lớn of the first row) is flagged with its place.
        assert!(
            out.contains("1 ô là công thức") && out.contains("dòng 5 cột \"Số người lớn\""),
            "{file}: {out}"
        );
        let list = households_csv(&db);
        // Codes kept as text keep their zeros; numbers read as shown (no "4.0").
        assert!(
            list.contains("001,Nguyễn Văn Ước,01,Thôn Đông,,,4,2,"),
            "{file}: {list}"
        );
        assert!(
            list.contains("003,Đỗ Thị Hằng,01,Thôn Đông,,,3,2,"),
            "{file}: {list}"
        );
    }
}

/// An office form's header on two rows (issue 15): "Thông tin chủ hộ" merged over
/// "Họ tên" and "Năm sinh", "Nhân khẩu" over its two counts, STT, Mã hộ and Thôn merged
/// down; the columns numbered in the row below. Read as one header row and said in the
/// preview; before, the lower row alone was taken for the header and the file refused
/// for want of a thôn column.
#[test]
fn a_header_on_two_rows_under_merged_group_cells_is_read_and_said() {
    for file in ["ho-hai-dong.xlsx", "ho-hai-dong.xls"] {
        let (_dir, db) = register();
        let out = ok(&run(
            &db,
            &["import", "households", &fixture(file), "--year", "2025"],
        ));
        assert!(
            out.contains(
                "tiêu đề cột nằm trên hai dòng 3 và 4: \"Thông tin chủ hộ\" gồm \"Họ tên\", \"Năm sinh\"; \"Nhân khẩu\" gồm \"Số nhân khẩu\", \"Số người lớn\""
            ),
            "{file}: {out}"
        );
        assert!(
            out.contains("Bỏ qua các cột: \"STT\", \"Năm sinh\""),
            "{file}: {out}"
        );
        assert!(out.contains("Đã thêm 3 hộ"), "{file}: {out}");
        let list = households_csv(&db);
        assert!(
            list.contains("H01,Nguyễn Văn Ước,TH001,Thôn Đông,,,4,3,"),
            "{file}: {list}"
        );
        assert!(
            list.contains("H03,Đỗ Thị Hằng,TH001,Thôn Đông,,,3,2,"),
            "{file}: {list}"
        );
    }
}

#[test]
fn another_sheet_is_read_by_name_and_a_missing_one_is_named() {
    let (_dir, db) = register();
    let err = refused(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-thon-dong.xlsx"),
            "--sheet",
            "Trang 9",
        ],
    ));
    assert!(
        err.contains("không có trang \"Trang 9\"") && err.contains("\"Ghi chú\""),
        "{err}"
    );
    let out = ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-thon-dong.xlsx"),
            "--sheet",
            "danh sach ho",
            "--dry-run",
        ],
    ));
    assert!(out.contains("Sẽ thêm 3 hộ"), "{out}");
}

#[test]
fn a_zero_stripped_round_trip_adds_no_unit() {
    let (_dir, db) = register();
    ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-thon-dong.xlsx"),
            "--year",
            "2025",
        ],
    ));
    let before = households_csv(&db);
    // The same list after a spreadsheet made every code a number: 001 → 1, 01 → 1.
    let err = refused(&run(
        &db,
        &["import", "households", &fixture("ho-ma-so.xlsx")],
    ));
    assert!(
        err.contains("chỉ khớp mã \"001\" trong sổ") && err.contains("--accept-code-mapping"),
        "{err}"
    );
    assert!(err.contains("cột \"Mã thôn\""), "{err}");
    assert_eq!(households_csv(&db), before, "nothing written");
    let out = ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-ma-so.xlsx"),
            "--accept-code-mapping",
        ],
    ));
    assert!(
        out.contains("Đã thêm 0 hộ, cập nhật 0, không đổi 3"),
        "{out}"
    );
    assert!(
        out.contains("Ghép mã (dòng 5, cột \"Mã hộ\"): 1 → 001"),
        "{out}"
    );
    assert_eq!(households_csv(&db), before);
    let check = ok(&run(&db, &["check"]));
    assert!(check.contains("3"), "{check}");
}

#[test]
fn a_new_code_for_a_name_already_in_the_thon_is_flagged() {
    let (dir, db) = register();
    ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-thon-dong.xlsx"),
            "--year",
            "2025",
        ],
    ));
    let csv = dir.path().join("moi.csv");
    std::fs::write(&csv, "Mã hộ;Chủ hộ;Mã thôn\nHO9;Trần Thị Bình;01\n").unwrap();
    let out = ok(&run(
        &db,
        &["import", "households", csv.to_str().unwrap(), "--dry-run"],
    ));
    assert!(
        out.contains("⚠ có thể trùng: dòng 2: \"Trần Thị Bình\" (mã mới HO9) trùng tên với Trần Thị Bình đã có trong sổ mã 002 cùng thôn"),
        "{out}"
    );
}

#[test]
fn spreadsheet_mangled_codes_are_refused_in_csv_too() {
    let (dir, db) = register();
    let csv = dir.path().join("ho.csv");
    std::fs::write(
        &csv,
        "Mã hộ;Chủ hộ;Thôn\n1.00E+05;Lê Văn Tư;Đông\n12/03/2025;Lê Thị Năm;Đông\n",
    )
    .unwrap();
    let err = refused(&run(&db, &["import", "households", csv.to_str().unwrap()]));
    assert!(err.contains("dạng số mũ"), "{err}");
    assert!(err.contains("ngày tháng"), "{err}");
}

#[test]
fn tcvn3_and_vni_cells_in_xls_become_unicode_and_are_said() {
    let (_dir, db) = register();
    let out = ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-tcvn3.xls"),
            "--year",
            "2025",
        ],
    ));
    assert!(out.contains("TCVN3 (ABC)"), "{out}");
    let out = ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-vni.xls"),
            "--year",
            "2025",
        ],
    ));
    assert!(out.contains("VNI-Windows"), "{out}");
    let list = households_csv(&db);
    for name in [
        "T01,Nguyễn Văn Ước,01,Thôn Đông",
        "T03,Đỗ Thị Hằng,01,Thôn Đông",
        "V01,Nguyễn Thị Vận,01,Thôn Đông",
        "V02,Trần Thị Lành",
        "V03,Người Vận",
    ] {
        assert!(list.contains(name), "{name}: {list}");
    }
}

#[test]
fn an_export_resaved_by_calc_imports_unchanged() {
    // The register the committed export was made from (README: same commands).
    let (_dir, db) = register();
    ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-thon-dong.xlsx"),
            "--year",
            "2025",
        ],
    ));
    let out = ok(&run(
        &db,
        &["import", "households", &fixture("export-ho-calc.xlsx")],
    ));
    assert!(
        out.contains("Đã thêm 0 hộ, cập nhật 0, không đổi 3"),
        "{out}"
    );
}

#[test]
fn export_xlsx_keeps_zeros_refuses_to_overwrite_and_reimports_unchanged() {
    let (dir, db) = register();
    ok(&run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-thon-dong.xlsx"),
            "--year",
            "2025",
        ],
    ));
    let out = dir.path().join("ho.xlsx");
    let out_s = out.to_str().unwrap();
    ok(&run(
        &db,
        &["export", "xlsx", "--kind", "households", "--out", out_s],
    ));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK\x03\x04"));
    let again = run(
        &db,
        &["export", "xlsx", "--kind", "households", "--out", out_s],
    );
    assert!(!again.status.success());
    assert!(
        text(&again.stderr).contains("--force"),
        "{}",
        text(&again.stderr)
    );
    // The register itself is never a target.
    let onto = run(
        &db,
        &[
            "export",
            "xlsx",
            "--kind",
            "households",
            "--out",
            db.to_str().unwrap(),
            "--force",
        ],
    );
    assert!(!onto.status.success());
    let back = ok(&run(&db, &["import", "households", out_s]));
    assert!(
        back.contains("Đã thêm 0 hộ, cập nhật 0, không đổi 3"),
        "{back}"
    );
    assert!(back.contains("trang \"Hộ gia đình\""), "{back}");
}

#[test]
fn a_year_export_imports_back_as_scores() {
    let (dir, db) = register();
    ok(&run(
        &db,
        &[
            "import",
            "households",
            &example("households.csv"),
            "--year",
            "2025",
        ],
    ));
    ok(&run(
        &db,
        &[
            "import",
            "scores",
            &example("scores-gia-dinh.csv"),
            "--title",
            "gia-dinh",
            "--year",
            "2025",
        ],
    ));
    for format in ["csv", "xlsx"] {
        let out = dir.path().join(format!("ho-2025.{format}"));
        ok(&run(
            &db,
            &[
                "export",
                format,
                "--kind",
                "households",
                "--year",
                "2025",
                "--out",
                out.to_str().unwrap(),
            ],
        ));
        let back = ok(&run(
            &db,
            &[
                "import",
                "scores",
                out.to_str().unwrap(),
                "--title",
                "gia-dinh",
                "--year",
                "2025",
            ],
        ));
        assert!(back.contains("Đã ghi 0 điểm"), "{format}: {back}");
        assert!(back.contains("Bỏ qua các cột"), "{format}: {back}");
    }
}

#[test]
fn report_tables_as_a_workbook() {
    let (dir, db) = register();
    ok(&run(
        &db,
        &[
            "import",
            "households",
            &example("households.csv"),
            "--year",
            "2025",
        ],
    ));
    let out = dir.path().join("bao-cao.xlsx");
    ok(&run(
        &db,
        &[
            "report",
            "--year",
            "2025",
            "--xlsx",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let mut book: Xlsx<_> = open_workbook(&out).unwrap();
    let names = book.sheet_names();
    assert_eq!(
        names,
        [
            "Tổng hợp 2025",
            "Năm trước 2024",
            "Theo thôn",
            "Bộ tiêu chí"
        ],
    );
    let summary = book.worksheet_range("Tổng hợp 2025").unwrap();
    assert_eq!(summary.get((0, 0)), Some(&Data::String("Chỉ tiêu".into())));
    // Figures are numbers: the households' total is the example's 8 households.
    assert!(
        matches!(summary.get((1, 1)), Some(Data::Float(n)) if *n > 0.0),
        "{:?}",
        summary.get((1, 1))
    );
    let without_out = run(&db, &["report", "--xlsx"]);
    assert!(!without_out.status.success());
}
