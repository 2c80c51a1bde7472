//! `sohoctap demo` through the real binary: it builds the demo register, `check` finds it
//! whole with the demo's counts, it rebuilds its own file and refuses to touch anything
//! that is not a demo register.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::Path;
use std::process::{Command, Output};

fn sohoctap(args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    command
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .env_remove("SOHOCTAP_CRITERIA");
    command
}

fn run(command: &mut Command) -> Output {
    command.output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn check_json(db: &Path) -> serde_json::Value {
    let db = db.to_str().expect("utf-8");
    let out = run(&mut sohoctap(&[
        "--db", db, "check", "--json", "--year", "2025",
    ]));
    assert!(out.status.success(), "{}", text(&out.stderr));
    serde_json::from_slice(&out.stdout).expect("json")
}

/// The number after "Lượt đánh giá …:" in the demo's output, in Vietnamese digits.
fn printed_evaluations(stdout: &str) -> u64 {
    let line = stdout
        .lines()
        .find(|l| l.contains("Lượt đánh giá"))
        .expect("evaluations line");
    let after = line.split(": ").nth(1).expect("count");
    let digits: String = after
        .split(' ')
        .next()
        .expect("number")
        .chars()
        .filter(char::is_ascii_digit)
        .collect();
    digits.parse().expect("number")
}

#[test]
fn demo_builds_a_whole_register_with_the_demo_counts_and_rebuilds_it() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("mau.redb");
    let db_arg = db.to_str().expect("utf-8");
    let demo = ["demo", "--db", db_arg, "--no-open", "--year", "2025"];
    let out = run(&mut sohoctap(&demo));
    assert!(out.status.success(), "{}", text(&out.stderr));
    let stdout = text(&out.stdout);
    assert!(stdout.contains("Đã tạo sổ mẫu"), "{stdout}");
    assert!(stdout.contains("3.000"), "{stdout}");

    let report = check_json(&db);
    assert_eq!(report["ok"], true, "{report}");
    assert_eq!(report["communities"], 12);
    let active: u64 = [
        "communities",
        "households",
        "clans",
        "organisations",
        "citizens",
    ]
    .iter()
    .map(|k| report[*k].as_u64().expect("count"))
    .sum();
    // In the last year every unit has entered; the ones not active are those that left.
    let archived = report["archived"].as_u64().expect("archived");
    assert_eq!(active + archived, 12 + 3_000 + 40 + 30 + 2_000, "{report}");
    assert!(archived > 0 && report["households"].as_u64().expect("n") > 2_700);
    let evaluations = report["evaluations"].as_u64().expect("evaluations");
    assert_eq!(evaluations, printed_evaluations(&stdout));
    assert!(evaluations > 5_000, "{report}");

    // Running it again replaces its own demo register with the same content.
    let again = run(&mut sohoctap(&demo));
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(check_json(&db), report);
}

#[test]
fn demo_never_overwrites_a_real_register_or_another_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("so-that.redb");
    let real_arg = real.to_str().expect("utf-8");
    let init = run(&mut sohoctap(&[
        "--db",
        real_arg,
        "init",
        "--commune",
        "Xã Thật",
    ]));
    assert!(init.status.success(), "{}", text(&init.stderr));
    let before = std::fs::read(&real).expect("read");

    let out = run(&mut sohoctap(&["demo", "--db", real_arg, "--no-open"]));
    assert_eq!(out.status.code(), Some(2));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("không phải sổ mẫu"), "{stderr}");
    assert_eq!(std::fs::read(&real).expect("read"), before);
    assert_eq!(check_json(&real)["evaluations"], 0);

    let notes = dir.path().join("ghi-chu.txt");
    std::fs::write(&notes, "không phải sổ").expect("write");
    let notes_arg = notes.to_str().expect("utf-8");
    let out = run(&mut sohoctap(&["demo", "--db", notes_arg, "--no-open"]));
    assert_eq!(out.status.code(), Some(2), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read_to_string(&notes).expect("read"),
        "không phải sổ"
    );
}

/// `SOHOCTAP_DB` names the office's register: the demo goes to its own file instead.
#[cfg(target_os = "linux")]
#[test]
fn demo_ignores_the_register_named_by_the_environment() {
    let dir = tempfile::tempdir().expect("tempdir");
    let real = dir.path().join("so-that.redb");
    let data = dir.path().join("data");
    let real_arg = real.to_str().expect("utf-8");
    let init = run(&mut sohoctap(&[
        "--db",
        real_arg,
        "init",
        "--commune",
        "Xã Thật",
    ]));
    assert!(init.status.success(), "{}", text(&init.stderr));
    let before = std::fs::read(&real).expect("read");
    let out = run(sohoctap(&["demo", "--no-open", "--year", "2025"])
        .env("SOHOCTAP_DB", &real)
        .env("XDG_DATA_HOME", &data));
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(std::fs::read(&real).expect("read"), before);
    let demo = data.join("sohoctap").join("demo.redb");
    assert!(demo.exists(), "{}", text(&out.stdout));
    assert_eq!(check_json(&demo)["ok"], true);
}
