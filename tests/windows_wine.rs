//! The Windows build, run under wine: the slow group that keeps Windows 10/11 — where
//! most commune offices work — a platform CI sees. `sohoctap.exe` is cross-built for
//! x86_64-pc-windows-gnu with mingw-w64 and run for what an office does: build a
//! register, check it, report, export, import, back up, and the terminal app in a
//! console, drawing its home screen and leaving on F10. What the Windows build prints
//! and writes must be byte for byte what the Linux build does with the same register.
//!
//! wine 8 lacks `ProcessPrng`, which Rust's standard library imports on Windows; a
//! test-only stand-in (`tests/windows/bcryptprimitives.c`) is built beside the exe.
//! The tools come from Debian when absent (`support/tools.rs`).

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(target_os = "linux")]

#[path = "support/pty_session.rs"]
mod pty_session;
#[path = "support/tools.rs"]
mod tools;

use portable_pty::CommandBuilder;
use pty_session::Session;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

const TARGET: &str = "x86_64-pc-windows-gnu";

struct WindowsBuild {
    exe: PathBuf,
    prefix: PathBuf,
}

/// Cross-builds once for every test of this file, and readies a wine prefix.
fn windows() -> &'static WindowsBuild {
    static BUILD: OnceLock<WindowsBuild> = OnceLock::new();
    BUILD.get_or_init(|| {
        tools::require(&[
            ("wine", "wine wine64"),
            ("x86_64-w64-mingw32-gcc", "gcc-mingw-w64-x86-64"),
        ]);
        tools::require_rust_target(TARGET);
        let project = tools::project_dir();
        // Its own target folder: the outer `cargo test` holds the lock on the usual one.
        let target_dir = project.join("target").join("windows");
        let started = Instant::now();
        tools::run_ok(
            Command::new(env!("CARGO"))
                .args(["build", "--locked", "--bin", "sohoctap", "--target", TARGET])
                .env("CARGO_TARGET_DIR", &target_dir)
                .current_dir(project),
            "cargo build --target x86_64-pc-windows-gnu",
        );
        eprintln!("cross-build: {:.1} s", started.elapsed().as_secs_f64());
        let exe = target_dir.join(TARGET).join("debug").join("sohoctap.exe");
        let shim = project.join("tests").join("windows");
        tools::run_ok(
            Command::new("x86_64-w64-mingw32-gcc")
                .args(["-shared", "-O2", "-o"])
                .arg(exe.with_file_name("bcryptprimitives.dll"))
                .arg(shim.join("bcryptprimitives.c"))
                .arg(shim.join("bcryptprimitives.def"))
                .arg("-ladvapi32"),
            "building the ProcessPrng stand-in",
        );
        let build = WindowsBuild {
            exe,
            prefix: target_dir.join("wineprefix"),
        };
        // The first start creates the wine prefix: once, before tests run side by side.
        let started = Instant::now();
        tools::run_ok(&mut build.wine(&["--version"]), "sohoctap.exe --version");
        eprintln!(
            "wine prefix ready: {:.1} s",
            started.elapsed().as_secs_f64()
        );
        build
    })
}

impl WindowsBuild {
    fn env(&self) -> [(&'static str, std::ffi::OsString); 3] {
        [
            ("WINEPREFIX", self.prefix.clone().into_os_string()),
            ("WINEDEBUG", "-all".into()),
            ("WINEDLLOVERRIDES", "bcryptprimitives=n,b".into()),
        ]
    }

    fn wine(&self, args: &[&str]) -> Command {
        let mut command = Command::new("wine");
        command.arg(&self.exe).args(args).env_remove("SOHOCTAP_DB");
        command.envs(self.env());
        command
    }
}

/// `/tmp/x/so.redb` as a Windows program sees it under wine: `Z:\tmp\x\so.redb`.
fn win_path(path: &Path) -> String {
    format!("Z:{}", path.display()).replace('/', "\\")
}

fn linux(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .output()
        .expect("run sohoctap")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[test]
fn the_windows_build_registers_reports_exports_imports_and_backs_up() {
    let w = windows();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    let db_arg = win_path(&db);

    tools::run_ok(
        &mut w.wine(&["--db", &db_arg, "demo", "--no-open"]),
        "demo --no-open",
    );
    assert!(db.is_file(), "the register was written where it was asked");
    let check = tools::run_ok(&mut w.wine(&["--db", &db_arg, "check"]), "check");
    assert!(
        text(&check.stdout).contains("Hộ gia đình"),
        "{}",
        text(&check.stdout)
    );

    // The same report, byte for byte, from both builds: Vietnamese intact.
    let report_args = ["report", "--year", "2025", "--date", "2025-12-20"];
    let windows_report = tools::run_ok(
        &mut w.wine(&[&["--db", db_arg.as_str()][..], &report_args[..]].concat()),
        "report",
    );
    let db_str = db.to_str().expect("utf-8 path");
    let linux_report = linux(&[&["--db", db_str][..], &report_args[..]].concat());
    assert!(text(&windows_report.stdout).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"));
    assert_eq!(text(&windows_report.stdout), text(&linux_report.stdout));

    // The Notepad form of the report: BOM and CRLF.
    let notepad = dir.path().join("bao-cao.txt");
    tools::run_ok(
        &mut w.wine(&[
            "--db",
            &db_arg,
            "report",
            "--year",
            "2025",
            "--windows",
            "--out",
            &win_path(&notepad),
        ]),
        "report --windows --out",
    );
    let bytes = std::fs::read(&notepad).expect("report file");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF") && bytes.windows(2).any(|w| w == b"\r\n"));

    // Export: the same list as the Linux build writes.
    let windows_csv = dir.path().join("ho-windows.csv");
    let linux_csv = dir.path().join("ho-linux.csv");
    let export = ["export", "csv", "--kind", "households", "--year", "2025"];
    tools::run_ok(
        &mut w.wine(
            &[
                &["--db", db_arg.as_str()][..],
                &export[..],
                &["--out", &win_path(&windows_csv)][..],
            ]
            .concat(),
        ),
        "export csv",
    );
    let out = linux(
        &[
            &["--db", db_str][..],
            &export[..],
            &["--out", linux_csv.to_str().expect("path")][..],
        ]
        .concat(),
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_eq!(
        std::fs::read(&windows_csv).expect("windows export"),
        std::fs::read(&linux_csv).expect("linux export")
    );

    // Import that list back: every row is already there.
    let import = tools::run_ok(
        &mut w.wine(&[
            "--db",
            &db_arg,
            "import",
            "households",
            &win_path(&windows_csv),
        ]),
        "import households",
    );
    let said = text(&import.stdout);
    assert!(said.contains("Đã thêm 0 hộ, cập nhật 0"), "{said}");

    // `--out` never replaces the register (named with other case and slashes, as
    // Windows allows), nor an existing file without `--force`.
    let before = std::fs::read(&db).expect("register");
    let aliased = db_arg.to_uppercase().replace('\\', "/");
    let existing = win_path(&notepad);
    for (target, why) in [
        (db_arg.as_str(), "chính tệp sổ"),
        (aliased.as_str(), "chính tệp sổ"),
        (existing.as_str(), "--force"),
    ] {
        let refused = w
            .wine(&["--db", &db_arg, "report", "--out", target])
            .output()
            .expect("wine");
        assert!(!refused.status.success(), "--out {target} was accepted");
        let said = text(&refused.stderr);
        assert!(said.contains(why), "--out {target}: {said}");
    }
    assert_eq!(std::fs::read(&db).expect("register"), before);

    // A verified backup beside the register.
    tools::run_ok(&mut w.wine(&["--db", &db_arg, "backup"]), "backup");
    let backups = std::fs::read_dir(dir.path().join("so.redb.backup"))
        .expect("backup folder")
        .count();
    assert_eq!(backups, 1);
}

/// The 80×24 screen the program's output draws, without the line breaks wine's console
/// adds after every 80 characters it copies to the pseudo-terminal.
fn as_drawn(raw: &[u8]) -> String {
    let mut without = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i..].starts_with(b"\r\r\n") {
            i += 3;
        } else {
            without.push(raw[i]);
            i += 1;
        }
    }
    let mut parser = vt100::Parser::new(24, 80, 0);
    parser.process(&without);
    parser.screen().contents()
}

#[test]
fn the_windows_app_draws_its_home_screen_in_a_console_and_leaves_on_f10() {
    let w = windows();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    let out = linux(&["--db", db.to_str().expect("path"), "demo", "--no-open"]);
    assert!(out.status.success(), "{}", text(&out.stderr));

    let mut command = CommandBuilder::new("wine");
    command.arg(&w.exe);
    command.arg("--db");
    command.arg(win_path(&db));
    for (key, value) in w.env() {
        command.env(key, value);
    }
    command.env_remove("SOHOCTAP_DB");
    let mut s = Session::spawn_sized(command, 24, 80);
    // wine 8's console copies the program's output to the pseudo-terminal with a line
    // break ("\r\r\n") after every 80 characters it sends, escape sequences included, so
    // the terminal scrolls and the screen a person would see is garbled however the
    // program draws. What the program drew is the output without those breaks: the
    // frames are drawn with cursor moves only, never a line break.
    let limit = Duration::from_secs(120);
    s.wait_for_within("F10", limit);
    let deadline = Instant::now() + limit;
    let drawn = loop {
        let screen = as_drawn(&s.raw());
        let home = ["Cơ quan, đơn vị", "Gia đình học tập", "F10 Thoát"];
        if home.iter().all(|t| screen.contains(t)) || Instant::now() > deadline {
            break screen;
        }
        std::thread::sleep(Duration::from_millis(200));
    };
    for text in ["Cơ quan, đơn vị", "Gia đình học tập", "F10 Thoát"] {
        assert!(drawn.contains(text), "«{text}» was not drawn:\n{drawn}");
    }
    let raw = s.raw();
    assert!(
        !text(&raw).contains("Không mở được màn hình"),
        "{}",
        text(&raw)
    );
    s.send("\x1b[21~");
    s.wait_exit_within(Instant::now(), Duration::from_secs(60));
    let status = s.child.try_wait().ok().flatten().expect("ended");
    assert!(status.success(), "exit status {status:?}: {}", s.contents());
    // The register was closed: the Linux build opens it for writing at once.
    let out = linux(&["--db", db.to_str().expect("path"), "backup"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
}

/// Every unit test of the library, built for Windows and run under wine: the file,
/// path, printing and terminal code behind `cfg(windows)` runs for real, and everything
/// else is shown to behave the same there. The screens' snapshots are shared with the
/// Linux run (scratch folders of the same length, separators shown alike).
#[test]
fn the_library_tests_pass_on_windows() {
    let _ = windows();
    let project = tools::project_dir();
    let started = Instant::now();
    let run = tools::run_ok(
        Command::new(env!("CARGO"))
            .args(["test", "--locked", "--lib", "--target", TARGET])
            .env("CARGO_TARGET_DIR", project.join("target").join("windows"))
            .env(
                "CARGO_TARGET_X86_64_PC_WINDOWS_GNU_RUNNER",
                project.join("tests").join("windows").join("wine-runner"),
            )
            // A snapshot that differs must fail here, never be written as new.
            .env("INSTA_UPDATE", "no")
            .current_dir(project),
        "cargo test --lib --target x86_64-pc-windows-gnu (under wine)",
    );
    let said = text(&run.stdout);
    let summary = said
        .lines()
        .find(|l| l.starts_with("test result:"))
        .unwrap_or_default();
    eprintln!(
        "library tests under wine: {summary} ({:.0} s with the build)",
        started.elapsed().as_secs_f64()
    );
    assert!(summary.contains(" 0 failed"), "{said}");
}
