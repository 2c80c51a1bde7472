//! Real tools from Debian for the slow test groups: each is installed when absent (as
//! root, with apt-get), and a tool that still cannot be found fails the test with the
//! package to install. A missing tool never turns into a skipped check.

#![allow(dead_code)]

use std::path::Path;
use std::process::{Command, Stdio};

/// Whether `program` runs from `PATH`.
pub fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|path| std::env::split_paths(&path).any(|dir| dir.join(program).is_file()))
}

/// Makes sure each `(program, Debian packages)` is there, installing the missing
/// packages (space-separated) in one `apt-get install`.
pub fn require(tools: &[(&str, &str)]) {
    let missing: Vec<&str> = tools
        .iter()
        .filter(|(program, _)| !on_path(program))
        .flat_map(|(_, packages)| packages.split_whitespace())
        .collect();
    if missing.is_empty() {
        return;
    }
    eprintln!("installing from Debian: {}", missing.join(" "));
    let installed =
        apt_get(&["update", "-q"]) && apt_get(&[&["install", "-y", "-q"], &missing[..]].concat());
    let still: Vec<&str> = tools
        .iter()
        .filter(|(program, _)| !on_path(program))
        .map(|(program, package)| if installed { *program } else { *package })
        .collect();
    assert!(
        still.is_empty(),
        "this test needs the Debian packages {} (apt-get install -y {}); they could not be installed here (missing: {})",
        missing.join(", "),
        missing.join(" "),
        still.join(", ")
    );
}

fn apt_get(args: &[&str]) -> bool {
    Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .stdout(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

/// Makes sure rustup has the standard library for `target`.
pub fn require_rust_target(target: &str) {
    let listed = |cmd: &mut Command| {
        cmd.output()
            .ok()
            .map(|o| {
                String::from_utf8_lossy(&o.stdout)
                    .lines()
                    .any(|l| l.trim() == target)
            })
            .unwrap_or(false)
    };
    if listed(Command::new("rustup").args(["target", "list", "--installed"])) {
        return;
    }
    let added = Command::new("rustup")
        .args(["target", "add", target])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        added,
        "this test needs the Rust target {target}: rustup target add {target}"
    );
}

/// Runs `command`, failing the test with its output when it does not succeed.
pub fn run_ok(command: &mut Command, what: &str) -> std::process::Output {
    let output = command
        .output()
        .unwrap_or_else(|e| panic!("{what}: could not start: {e}"));
    assert!(
        output.status.success(),
        "{what} failed ({}):\n{}\n{}",
        output.status,
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    output
}

/// The project's top folder.
pub fn project_dir() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}
