//! `sohoctap criteria import|export|adopt` through the real binary: a table typed from
//! the paper becomes a set the office entered, refused whole with line and column when a
//! row is bad; exported, it imports back to the same set; adopting it moves a year's
//! evaluations by indicator code after a preview, and `--undo` puts them back.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn sohoctap(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .env_remove("SOHOCTAP_CRITERIA")
        .output()
        .expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
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

const CDHT: &str = "Tiêu chí,Mã chỉ số,Nội dung,Loại,Điểm tối đa,Điểm sàn,Bắt buộc
1. Năng lực tự học và học tập suốt đời,1.1,Thường xuyên đọc sách báo,điểm,10,5,
1,1.2,Có kế hoạch học tập,điểm,10,5,
1,1.3,Dành thời gian học tập cộng đồng,điểm,10,5,
1,1.4,Động viên người thân học tập,điểm,10,5,
2. Năng lực sử dụng công cụ,2.1,Sử dụng công nghệ thông tin,điểm,10,5,
2,2.2,Sử dụng ngoại ngữ,điểm,10,5,
2,2.3,Sử dụng toán học,điểm,10,5,
2,2.4,Tư duy phản biện,điểm,10,5,
3. Năng lực xây dựng quan hệ xã hội,3.1,Quan hệ thân thiện,điểm,10,5,
3,3.2,Hợp tác và chia sẻ,điểm,10,5,
";

const SOURCE: &str =
    "Quyết định số 244/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam";

fn import_args<'a>(file: &'a str, min_total: &'a str) -> Vec<&'a str> {
    vec![
        "criteria",
        "import",
        file,
        "--title",
        "cong-dan",
        "--name",
        "Bộ tiêu chí Công dân học tập",
        "--from",
        "2022",
        "--to",
        "2030",
        "--source",
        SOURCE,
        "--min-total",
        min_total,
    ]
}

#[test]
fn a_typed_table_is_stored_listed_exported_and_imports_back() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    ok(&sohoctap(&db, &["init", "--commune", "Xã Thử"]));
    let csv = dir.path().join("cdht.csv");
    std::fs::write(&csv, CDHT).unwrap();
    let said = ok(&sohoctap(&db, &import_args(csv.to_str().unwrap(), "80")));
    assert!(said.contains("Đã lưu vào sổ"), "{said}");

    let list = ok(&sohoctap(&db, &["criteria", "list"]));
    let line = list
        .lines()
        .find(|l| l.starts_with("cong-dan-2022-van-phong"))
        .expect("listed");
    assert!(line.contains(" văn phòng nhập "), "{line}");
    assert!(
        list.lines()
            .any(|l| l.starts_with("gia-dinh-2021-tam-thoi") && l.contains(" tạm thời "))
    );

    let json: serde_json::Value = serde_json::from_slice(
        &sohoctap(
            &db,
            &["criteria", "show", "cong-dan", "--year", "2025", "--json"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(
        json["id"], "cong-dan-2022-van-phong",
        "the office's set is in force"
    );
    assert_eq!(json["provenance"], "office");
    assert_eq!(json["source"], SOURCE);
    assert!(json["entered_by"].is_string());

    let out = dir.path().join("ra.csv");
    ok(&sohoctap(
        &db,
        &[
            "criteria",
            "export",
            "cong-dan-2022-van-phong",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    // Never overwrites unasked.
    let again = sohoctap(
        &db,
        &[
            "criteria",
            "export",
            "cong-dan-2022-van-phong",
            "--out",
            out.to_str().unwrap(),
        ],
    );
    assert_eq!(again.status.code(), Some(2));

    // Another commune imports the file alone, with no options, and gets the same set.
    let db2 = dir.path().join("xa-khac.redb");
    ok(&sohoctap(&db2, &["init", "--commune", "Xã Khác"]));
    ok(&sohoctap(
        &db2,
        &["criteria", "import", out.to_str().unwrap(), "--checked"],
    ));
    let theirs: serde_json::Value = serde_json::from_slice(
        &sohoctap(
            &db2,
            &["criteria", "show", "cong-dan-2022-van-phong", "--json"],
        )
        .stdout,
    )
    .unwrap();
    assert_eq!(theirs["provenance"], "office-checked");
    assert_eq!(theirs["criteria"], json["criteria"]);
    assert_eq!(theirs["min_total"], 80);
    let round = dir.path().join("ra2.csv");
    ok(&sohoctap(
        &db2,
        &[
            "criteria",
            "export",
            "cong-dan-2022-van-phong",
            "--out",
            round.to_str().unwrap(),
        ],
    ));
    let (a, b) = (std::fs::read(&out).unwrap(), std::fs::read(&round).unwrap());
    // The same table but for the note that the set is not yet checked.
    assert_eq!(text(&a).lines().count(), text(&b).lines().count());
}

#[test]
fn a_bad_row_refuses_the_whole_table_with_line_and_column() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    ok(&sohoctap(&db, &["init", "--commune", "Xã Thử"]));
    let csv = dir.path().join("hong.csv");
    std::fs::write(
        &csv,
        CDHT.replace(
            "2.3,Sử dụng toán học,điểm,10,5",
            "2.3,Sử dụng toán học,điểm,10,15",
        ),
    )
    .unwrap();
    let out = sohoctap(&db, &import_args(csv.to_str().unwrap(), "80"));
    assert_eq!(out.status.code(), Some(2));
    let err = text(&out.stderr);
    assert!(
        err.contains("dòng 8, cột «Điểm sàn»: điểm sàn 15 lớn hơn điểm tối đa 10"),
        "{err}"
    );
    let list = ok(&sohoctap(&db, &["criteria", "list"]));
    assert!(!list.contains("van-phong"), "nothing stored: {list}");
}

#[test]
fn adopting_moves_values_by_code_shows_changes_and_undoes() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    ok(&sohoctap(&db, &["demo", "--year", "2025", "--no-open"]));
    let csv = dir.path().join("cdht.csv");
    std::fs::write(&csv, CDHT).unwrap();
    // A stricter rule than the shipped one, so some results change.
    ok(&sohoctap(&db, &import_args(csv.to_str().unwrap(), "95")));
    let before = ok(&sohoctap(&db, &["report", "--json", "--year", "2025"]));

    let preview = ok(&sohoctap(
        &db,
        &[
            "criteria",
            "adopt",
            "cong-dan-2022-van-phong",
            "--year",
            "2025",
        ],
    ));
    assert!(preview.contains("Kết quả thay đổi:"), "{preview}");
    assert!(preview.contains("Đạt → Không đạt"), "{preview}");
    assert!(preview.contains("Chưa thay đổi gì"), "{preview}");
    assert_eq!(
        ok(&sohoctap(&db, &["report", "--json", "--year", "2025"])),
        before,
        "a preview writes nothing"
    );

    let done = ok(&sohoctap(
        &db,
        &[
            "criteria",
            "adopt",
            "cong-dan-2022-van-phong",
            "--year",
            "2025",
            "--yes",
        ],
    ));
    assert!(done.contains("Đã chuyển"), "{done}");
    let again = ok(&sohoctap(
        &db,
        &[
            "criteria",
            "adopt",
            "cong-dan-2022-van-phong",
            "--year",
            "2025",
        ],
    ));
    assert!(again.contains("0 đánh giá chuyển sang bộ mới"), "{again}");
    assert_ne!(
        ok(&sohoctap(&db, &["report", "--json", "--year", "2025"])),
        before
    );

    let undone = ok(&sohoctap(
        &db,
        &[
            "criteria",
            "adopt",
            "cong-dan-2022-van-phong",
            "--year",
            "2025",
            "--undo",
        ],
    ));
    assert!(undone.contains("Đã hoàn tác"), "{undone}");
    assert_eq!(
        ok(&sohoctap(&db, &["report", "--json", "--year", "2025"])),
        before,
        "undo restores set and values"
    );
    let check = sohoctap(&db, &["check", "--year", "2025"]);
    assert!(check.status.success(), "{}", text(&check.stdout));
}

/// Issue 13/15: a table typed in Excel, under a title row as offices write it, imports
/// like the CSV; `criteria export --out X.xlsx` writes a workbook that imports back to the
/// same criteria.
#[test]
fn an_excel_table_under_a_title_row_imports_and_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    ok(&sohoctap(&db, &["init", "--commune", "Xã Thử"]));
    // The CDHT table above, typed in a workbook below a title and a blank row; points
    // typed as numbers, codes as the text "1.1".
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    sheet
        .write_string(0, 0, "BỘ TIÊU CHÍ CÔNG DÂN HỌC TẬP")
        .unwrap();
    for (r, line) in CDHT.lines().enumerate() {
        let r = u32::try_from(r + 2).unwrap();
        for (c, cell) in line.split(',').enumerate() {
            let c = u16::try_from(c).unwrap();
            match cell.parse::<f64>() {
                Ok(n) if c >= 4 => sheet.write_number(r, c, n).unwrap(),
                _ if cell.is_empty() => sheet,
                _ => sheet.write_string(r, c, cell).unwrap(),
            };
        }
    }
    let xlsx = dir.path().join("cdht.xlsx");
    book.save(&xlsx).unwrap();
    let said = ok(&sohoctap(&db, &import_args(xlsx.to_str().unwrap(), "80")));
    assert!(said.contains("Đã lưu vào sổ"), "{said}");
    let show = |db: &Path| -> serde_json::Value {
        serde_json::from_slice(
            &sohoctap(
                db,
                &["criteria", "show", "cong-dan-2022-van-phong", "--json"],
            )
            .stdout,
        )
        .unwrap()
    };
    let ours = show(&db);
    assert_eq!(ours["criteria"][0]["indicators"][0]["code"], "1.1");
    assert_eq!(ours["criteria"][0]["indicators"][0]["max"], 10);

    // Out as a workbook, into another commune's register with no options.
    let out = dir.path().join("ra.xlsx");
    ok(&sohoctap(
        &db,
        &[
            "criteria",
            "export",
            "cong-dan-2022-van-phong",
            "--out",
            out.to_str().unwrap(),
        ],
    ));
    assert!(
        std::fs::read(&out).unwrap().starts_with(b"PK"),
        "a workbook"
    );
    let db2 = dir.path().join("xa-khac.redb");
    ok(&sohoctap(&db2, &["init", "--commune", "Xã Khác"]));
    ok(&sohoctap(
        &db2,
        &["criteria", "import", out.to_str().unwrap()],
    ));
    let theirs = show(&db2);
    assert_eq!(theirs["criteria"], ours["criteria"]);
    assert_eq!(theirs["min_total"], 80);
    assert_eq!(theirs["source"], SOURCE);
}
