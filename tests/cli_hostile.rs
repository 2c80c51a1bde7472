//! The real binary on hostile files: legacy encodings said in the preview, a list of
//! another kind refused, control characters never echoed raw to the terminal, formula
//! cells exported behind a quote. Exit code 2 and nothing written for each refusal.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use std::path::Path;

fn fixture(name: &str) -> String {
    format!(
        "{}/tests/fixtures/encodings/{name}",
        env!("CARGO_MANIFEST_DIR")
    )
}

fn new_register(dir: &tempfile::TempDir) -> std::path::PathBuf {
    let db = dir.path().join("so.redb");
    assert!(
        run(&db, &["init", "--commune", "Xã Yên Mô"])
            .status
            .success()
    );
    db
}

fn households(db: &Path) -> String {
    text(&run(db, &["export", "csv", "--kind", "households"]).stdout)
}

#[test]
fn legacy_encodings_are_said_and_bad_bytes_refused_by_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_register(&dir);
    let out = run(
        &db,
        &["import", "households", &fixture("ho-vni.csv"), "--dry-run"],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("VNI-Windows, đã chuyển sang Unicode"));
    let out = run(&db, &["import", "households", &fixture("ho-tcvn3.csv")]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("TCVN3 (ABC), đã chuyển sang Unicode"));
    assert!(households(&db).contains("Nguyễn Văn Ước"));

    let other = tempfile::tempdir().unwrap();
    let db = new_register(&other);
    let out = run(
        &db,
        &[
            "import",
            "households",
            &fixture("ho-utf8-mot-byte-hong.csv"),
        ],
    );
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("ho-utf8-mot-byte-hong.csv: dòng 4"),
        "{stderr}"
    );
    let out = run(
        &db,
        &["import", "households", &fixture("ho-nhay-khong-dong.csv")],
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(text(&out.stderr).contains("dòng 3: dấu nháy kép"));
    assert_eq!(households(&db).lines().count(), 1, "nothing was written");
}

#[test]
fn a_household_file_is_not_imported_as_communities() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_register(&dir);
    let out = run(&db, &["import", "communities", &fixture("ho-tcvn3.csv")]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.contains("có vẻ là danh sách hộ gia đình"),
        "{stderr}"
    );
    let communities = run(&db, &["export", "csv", "--kind", "communities"]);
    assert_eq!(text(&communities.stdout).lines().count(), 1);
}

#[test]
fn control_characters_are_never_echoed_and_formulas_are_exported_behind_a_quote() {
    let dir = tempfile::tempdir().unwrap();
    let db = new_register(&dir);
    let file = dir.path().join("ho.csv");
    std::fs::write(
        &file,
        "Mã hộ,Chủ hộ,Thôn\nHO1,\"An\u{1B}]52;c;ZXZpbA==\u{7}\",Đông\nHO2,Bình\u{202E}lmth.exe,Đông\n",
    )
    .unwrap();
    let out = run(&db, &["import", "households", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        !stderr.contains('\u{1B}') && !stderr.contains('\u{202E}'),
        "{stderr:?}"
    );
    assert!(
        stderr.contains("<U+001B>") && stderr.contains("<U+202E>"),
        "{stderr}"
    );

    std::fs::write(&file, "Mã hộ,Chủ hộ,Thôn\nHO1,=1+2,Đông\n").unwrap();
    let out = run(&db, &["import", "households", file.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stdout).contains("Excel coi là công thức"));
    let exported = households(&db);
    assert!(exported.contains(",'=1+2,"), "{exported}");
}

#[test]
fn an_over_long_commune_name_is_refused_before_any_file_exists() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    let name = format!("Xã {}", "Ệ".repeat(250));
    let out = run(&db, &["init", "--commune", &name]);
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert!(
        text(&out.stderr).contains("Tên xã dài 253 ký tự, tối đa 200"),
        "{}",
        text(&out.stderr)
    );
    assert!(!db.exists());
}
