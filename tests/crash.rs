//! Crash test: a child process saves scores in a loop and reports each acknowledged
//! save; the test kills it (SIGKILL on Unix) at random moments, reopens the register and
//! checks that every reported save is there and the integrity check passes.
//!
//! 200 kills by default; set `SOHOCTAP_CRASH_KILLS` for a longer run, e.g.
//! `SOHOCTAP_CRASH_KILLS=5000 cargo test --release --test crash -- --nocapture`.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{YEAR, cell, create_register, gia_dinh_set};
use sohoctap::store::Register;
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const HOUSEHOLDS: u32 = 4000;

/// The crash_writer example, built by `cargo test` beside the test binaries.
fn writer_binary() -> PathBuf {
    let exe = std::env::current_exe().expect("current exe");
    let debug_dir = exe
        .parent()
        .and_then(|deps| deps.parent())
        .expect("target dir");
    let name = format!("crash_writer{}", std::env::consts::EXE_SUFFIX);
    debug_dir.join("examples").join(name)
}

struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

#[test]
fn every_acknowledged_save_survives_being_killed() {
    let kills: usize = std::env::var("SOHOCTAP_CRASH_KILLS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(200);
    let writer = writer_binary();
    assert!(
        writer.exists(),
        "{} missing: `cargo test` builds it; alone, run `cargo build --examples` first",
        writer.display()
    );
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let households = create_register(&path, HOUSEHOLDS);
    let entry = gia_dinh_set();
    let mut rng = SplitMix(0x5eed);
    let mut acknowledged = 0usize;
    let mut killed_mid_run = 0usize;
    let started = Instant::now();

    for round in 0..kills {
        let mut child = Command::new(&writer)
            .arg(&path)
            .arg(acknowledged.to_string())
            .arg(HOUSEHOLDS.to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("spawn writer");
        let stdout = child.stdout.take().expect("stdout");
        let (tx, rx) = mpsc::channel();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                if let Ok(n) = line.trim().parse::<usize>() {
                    let _ = tx.send(n);
                }
            }
        });
        // Kill at a random moment: one round in four anywhere (often while the child is
        // still opening the register), the others once it has made its first save, so
        // the test makes progress however loaded the machine is.
        let mut reported = Vec::new();
        if !rng.next().is_multiple_of(4)
            && let Ok(first) = rx.recv_timeout(Duration::from_secs(5))
        {
            reported.push(first);
        }
        std::thread::sleep(Duration::from_micros(rng.next() % 30_000));
        let _ = child.kill();
        let status = child.wait().expect("wait");
        let _ = reader.join();
        if !status.success() {
            killed_mid_run += 1;
        }
        reported.extend(rx.try_iter());
        reported.sort_unstable();
        if let Some(last) = reported.last() {
            assert_eq!(
                reported.len(),
                last + 1 - acknowledged,
                "round {round}: gaps in reports"
            );
            acknowledged = last + 1;
        }

        let mut register = Register::open(&path)
            .unwrap_or_else(|e| panic!("round {round}: register does not reopen: {e}"));
        let reader = register.read().expect("read");
        // Check this round's saves and a sample of earlier ones.
        let from = reported
            .first()
            .copied()
            .unwrap_or(acknowledged)
            .min(acknowledged);
        let sample = (0..acknowledged).step_by(97).chain(from..acknowledged);
        for n in sample {
            let (key, code, value) = cell(&entry, &households, n);
            let stored = reader
                .evaluation(key)
                .expect("read")
                .and_then(|e| e.values.get(&code).copied());
            assert_eq!(
                stored,
                Some(value),
                "round {round}: acknowledged save {n} lost"
            );
        }
        drop(reader);
        if round % 20 == 0 || round + 1 == kills {
            let report = register.check(YEAR).expect("check");
            assert!(report.ok, "round {round}: {:?}", report.problems);
        }
        register.close().expect("close");
    }
    println!(
        "kills: {kills} ({killed_mid_run} mid-run), acknowledged saves: {acknowledged}, {:.1} s",
        started.elapsed().as_secs_f64()
    );
    assert!(
        acknowledged > kills / 2,
        "the writer must make progress ({acknowledged} saves)"
    );
}
