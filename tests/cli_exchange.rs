//! The real binary: import (bad file → exit 2 with located lines, nothing written; good
//! file; dry run), export and re-import, JSON archive round trip, backup and restore.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use std::path::Path;

#[test]
fn import_export_backup_restore_through_the_binary() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    assert!(
        run(&db, &["init", "--commune", "Xã Yên Mô"])
            .status
            .success()
    );

    let bad = dir.path().join("ho-loi.csv");
    std::fs::write(
        &bad,
        "\u{FEFF}STT;Mã hộ;Họ và tên chủ hộ;Thôn;Số nhân khẩu\r\n1;HO1;Nguyễn Văn An;Đông;4\r\n2;HO2;Lê Thị Bình;Đông;ba\r\n3;HO3;Trần Văn Cừ;Tây;2\r\n",
    )
    .unwrap();
    let out = run(&db, &["import", "households", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(
        stderr.lines().any(|l| l.contains("dòng 3")
            && l.contains("cột \"Số nhân khẩu\"")
            && l.contains("\"ba\"")),
        "{stderr}"
    );
    let export = run(&db, &["export", "csv", "--kind", "households"]);
    assert_eq!(
        text(&export.stdout).lines().count(),
        1,
        "nothing was written"
    );

    let good = dir.path().join("ho.csv");
    std::fs::write(
        &good,
        text(&std::fs::read(&bad).unwrap()).replace(";ba\r\n", ";3\r\n"),
    )
    .unwrap();
    let dry = run(
        &db,
        &["import", "households", good.to_str().unwrap(), "--dry-run"],
    );
    assert!(dry.status.success(), "{}", text(&dry.stderr));
    assert!(
        text(&dry.stdout).contains("Sẽ thêm 3 hộ"),
        "{}",
        text(&dry.stdout)
    );
    assert!(
        run(&db, &["import", "households", good.to_str().unwrap()])
            .status
            .success()
    );

    let csv = dir.path().join("xuat.csv");
    let out = run(
        &db,
        &[
            "export",
            "csv",
            "--kind",
            "households",
            "--year",
            "2025",
            "--out",
            csv.to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(text(&out.stderr).contains("thông tin cá nhân"));
    let again = run(&db, &["import", "households", csv.to_str().unwrap()]);
    assert!(
        text(&again.stdout).contains("Đã thêm 0 hộ, cập nhật 0, không đổi 3"),
        "{}",
        text(&again.stdout)
    );

    let json = dir.path().join("luu-tru.json");
    assert!(
        run(&db, &["export", "json", "--out", json.to_str().unwrap()])
            .status
            .success()
    );
    let db2 = dir.path().join("moi.redb");
    let loaded = run(&db2, &["import", "json", json.to_str().unwrap()]);
    assert!(loaded.status.success(), "{}", text(&loaded.stderr));
    let json2 = dir.path().join("luu-tru-2.json");
    assert!(
        run(&db2, &["export", "json", "--out", json2.to_str().unwrap()])
            .status
            .success()
    );
    assert_eq!(
        std::fs::read(&json).unwrap(),
        std::fs::read(&json2).unwrap()
    );

    let backup = run(&db, &["backup"]);
    assert!(backup.status.success(), "{}", text(&backup.stderr));
    let backups: Vec<_> = std::fs::read_dir(dir.path().join("so.redb.backup"))
        .unwrap()
        .collect();
    assert_eq!(backups.len(), 1);
    let file = backups.into_iter().next().unwrap().unwrap().path();
    let restored = run(&db, &["restore", file.to_str().unwrap()]);
    assert!(restored.status.success(), "{}", text(&restored.stderr));
    assert!(text(&restored.stdout).contains("Sổ cũ được giữ lại"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        for path in [&csv, &json, &file, &db] {
            let mode = std::fs::metadata(path).unwrap().permissions().mode();
            assert_eq!(mode & 0o077, 0, "{}", path.display());
        }
    }
}

#[test]
fn a_reimport_that_renames_a_unit_says_so_before_writing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    assert!(run(&db, &["init", "--commune", "Xã A"]).status.success());
    let first = dir.path().join("a.csv");
    let second = dir.path().join("b.csv");
    std::fs::write(&first, "Mã hộ;Chủ hộ;Thôn\nHO1;Nguyễn Văn An;Đông\n").expect("write");
    std::fs::write(&second, "Mã hộ;Chủ hộ;Thôn\nHO1;Trần Thị Bình;Đông\n").expect("write");
    let path = |p: &Path| p.to_str().expect("utf-8").to_string();
    assert!(
        run(&db, &["import", "households", &path(&first)])
            .status
            .success()
    );
    let out = run(&db, &["import", "households", &path(&second), "--dry-run"]);
    assert!(out.status.success());
    let stdout = text(&out.stdout);
    assert!(
        stdout.contains("⚠ đổi tên (dòng 2): HO1 Nguyễn Văn An → Trần Thị Bình"),
        "{stdout}"
    );
}

/// An import of `store::LARGE_IMPORT` rows or more leaves no space behind: the command
/// compacts the file after its commit, so compacting it again gains next to nothing.
/// Without that compaction, a second import that renames every household (each record
/// rewritten, its old pages freed) leaves a good part of the file free.
#[test]
fn a_large_import_leaves_the_register_compacted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    assert!(
        run(&db, &["init", "--commune", "Xã Yên Mô"])
            .status
            .success()
    );
    let rows = sohoctap::store::LARGE_IMPORT;
    let list = |given: &str| {
        let mut csv = String::from("Mã hộ;Họ và tên chủ hộ;Thôn;Số nhân khẩu;Số người lớn\r\n");
        for i in 0..rows {
            csv.push_str(&format!(
                "HO{:05};Nguyễn Văn {given} {i};Thôn {};{};{}\r\n",
                i + 1,
                1 + i % 20,
                1 + i % 6,
                1 + i % 3
            ));
        }
        csv
    };
    let file = dir.path().join("ho.csv");
    for given in ["An", "Bình"] {
        std::fs::write(&file, list(given)).unwrap();
        let out = run(&db, &["import", "households", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }

    let imported = std::fs::metadata(&db).unwrap().len();
    let mut database = redb::Database::open(&db).unwrap();
    database.compact().unwrap();
    drop(database);
    let again = std::fs::metadata(&db).unwrap().len();
    assert!(
        again * 10 >= imported * 9,
        "compacting after the import still freed {imported} → {again} bytes"
    );
}
