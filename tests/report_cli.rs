//! The real binary: `report --out` (owner-only file, same text as the golden),
//! `--windows` (BOM and CRLF), `--json`, and `--print` on a machine without `lp`.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod report_fixture;
use report_fixture as common;

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str], path_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    cmd.arg("--db").arg(db).arg("report").args(args);
    cmd.env_remove("SOHOCTAP_CRITERIA");
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    cmd.output().expect("run sohoctap")
}

fn register() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    common::build(&db, common::SMALL);
    (dir, db)
}

#[test]
fn report_out_writes_the_golden_text_to_an_owner_only_file() {
    let (dir, db) = register();
    let out = dir.path().join("bao-cao.txt");
    let o = run(
        &db,
        &[
            "--year",
            "2025",
            "--date",
            "2026-11-22",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "the text goes to the file only");
    let written = std::fs::read(&out).expect("written");
    let golden =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/report-plain.txt"))
            .expect("golden");
    assert_eq!(written, golden);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn report_windows_has_bom_and_crlf_and_ascii_has_no_diacritics() {
    let (dir, db) = register();
    let out = dir.path().join("bao-cao-win.txt");
    let o = run(
        &db,
        &[
            "--year",
            "2025",
            "--windows",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let body = &bytes[3..];
    let lf = body.iter().filter(|&&b| b == b'\n').count();
    let crlf = body.windows(2).filter(|w| w == b"\r\n").count();
    assert!(lf > 50);
    assert_eq!(lf, crlf);

    // The global --ascii flag reaches the report.
    let o = run(&db, &["--year", "2025", "--ascii"], None);
    assert!(o.status.success());
    assert!(o.stdout.is_ascii());
    assert!(String::from_utf8_lossy(&o.stdout).contains("HOI KHUYEN HOC XA YEN MO"));
}

#[test]
fn report_json_keeps_schema_1_and_adds_the_breakdown() {
    let (_dir, db) = register();
    let o = run(&db, &["--year", "2025", "--json"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["schema"], 1);
    // Six measures, then the whole commune's CDHT count.
    assert_eq!(v["titles"].as_array().map(Vec::len), Some(7));
    assert_eq!(v["titles"][6]["title"], "cong-dan");
    assert_eq!(v["communities"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["previous_year"]["year"], 2024);
    assert!(v.get("recognised").is_none());
    // The way to the next milestone: every year's figures end with the report year's,
    // equal to the titles' own.
    let way = v["way"].as_array().expect("way");
    assert_eq!(way.len(), 6);
    for (w, t) in way.iter().zip(v["titles"].as_array().unwrap()) {
        assert_eq!(w["title"], t["title"]);
        let last = w["series"]
            .as_array()
            .and_then(|s| s.last())
            .expect("a year");
        assert_eq!(last["year"], 2025);
        assert_eq!(last["recognised"], t["recognised"]);
        assert_eq!(last["total"], t["total"]);
    }
    // --windows and --print make no sense for JSON: bad usage.
    let o = run(&db, &["--json", "--windows"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn report_print_without_lp_says_so_and_fails() {
    let (dir, db) = register();
    let empty = dir.path().join("empty-bin");
    std::fs::create_dir(&empty).expect("dir");
    let o = run(&db, &["--year", "2025", "--print"], Some(&empty));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Không tìm thấy lệnh in lp"), "{err}");
    assert!(o.stdout.is_empty());
}

#[cfg(unix)]
#[test]
fn report_print_hands_the_text_to_lp() {
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = register();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("dir");
    let received = dir.path().join("printed.txt");
    let lp = bin.join("lp");
    std::fs::write(
        &lp,
        format!("#!/bin/sh\n/bin/cat > '{}'\n", received.display()),
    )
    .expect("fake lp");
    std::fs::set_permissions(&lp, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    let o = run(
        &db,
        &["--year", "2025", "--date", "2026-11-22", "--print"],
        Some(&bin),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = std::fs::read_to_string(&received).expect("lp got the text");
    assert!(printed.contains("BÁO CÁO") && printed.contains("Trang 1/"));
}
