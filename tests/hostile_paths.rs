//! Hostile files and paths through the real binary (issue 11): a code at the largest
//! number, `--out` aimed at the register, a backup, a device or an existing file, planted
//! symlinks, an interrupted restore, leftovers after kills, odd files in the criteria
//! folder, and read-only commands that must leave the register's bytes alone.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sohoctap(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .env_remove("SOHOCTAP_CRITERIA");
    command
}

fn run(db: &Path, args: &[&str]) -> Output {
    sohoctap(db, args).output().expect("run sohoctap")
}

/// Runs the command, killing it if it has not ended within `limit`: a hang fails the
/// test instead of stalling the suite.
fn run_within(db: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = sohoctap(db, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sohoctap");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sohoctap {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// A register with a commune and one household, at `dir/so.redb`.
fn register(dir: &Path) -> PathBuf {
    let db = dir.join("so.redb");
    let out = run(&db, &["init", "--commune", "Xã Thử"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let households = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/households.csv");
    let out = run(&db, &["import", "households", households.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

#[test]
fn a_code_at_the_largest_number_stops_generation_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let largest = fixture("ho-ma-lon-nhat.csv");
    let out = run(&db, &["import", "households", largest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let blank = fixture("ho-khong-ma.csv");
    for dry in [true, false] {
        let mut args = vec!["import", "households", blank.to_str().unwrap()];
        if dry {
            args.push("--dry-run");
        }
        let out = run_within(&db, &args, Duration::from_secs(20));
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("dòng 2") && stderr.contains("không tạo được mã mới"),
            "{stderr}"
        );
    }
}
