//! Fault injection: the real register code over a storage backend that fails writes or
//! syncs, transiently or for good, and tears writes. Every acknowledged save must be
//! found after reopening the file with a healthy backend, the program must never panic,
//! and every failure must reach the officer as a Vietnamese message.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::faulty::{Control, Fault, open_faulty};
use common::{YEAR, cell, cells_per_household, create_register, gia_dinh_set};
use sohoctap::model::{IndicatorValue, Stamp};
use sohoctap::store::{Register, StoreError};
use std::sync::Arc;
use std::sync::atomic::Ordering;

/// What the program told the officer about one save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Outcome {
    Saved,
    NotSaved,
    Unknown,
}

/// A tiny deterministic generator, so a failing run can be replayed from its seed.
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

fn run_faults(seed: u64, saves: usize) -> (u64, usize) {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let entry = gia_dinh_set();
    let households = create_register(&path, (saves / cells_per_household(&entry) + 1) as u32);
    let control = Arc::new(Control::default());
    let mut rng = SplitMix(seed);
    let register = open_faulty(&path, &control).expect("open");
    let mut outcomes = Vec::with_capacity(saves);
    let mut failures = 0;
    for n in 0..saves {
        let fault = match rng.next() % 10 {
            0 => Fault::WriteOnce,
            1 => Fault::SyncOnce,
            2 => Fault::TearOnce,
            3 if rng.next().is_multiple_of(4) => Fault::WritesForGood,
            _ => Fault::None,
        };
        control.arm(fault);
        let (key, code, value) = cell(&entry, &households, n);
        let result =
            sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now());
        let outcome = match &result {
            Ok(_) => Outcome::Saved,
            Err(StoreError::NotSaved(_)) => Outcome::NotSaved,
            Err(_) => Outcome::Unknown,
        };
        outcomes.push(outcome);
        if let Err(e) = result {
            failures += 1;
            let message = e.to_string();
            assert!(
                !message.is_empty() && !message.contains("panicked"),
                "{message}"
            );
            // The disk recovers; the register reopens the file by itself on the next save.
            control.arm(Fault::None);
        }
    }
    control.arm(Fault::None);
    drop(register);

    let mut register = Register::open(&path).expect("reopen with a healthy disk");
    let report = register.check(YEAR).expect("check");
    assert!(report.ok, "seed {seed}: {:?}", report.problems);
    let reader = register.read().expect("read");
    for (n, outcome) in outcomes.iter().enumerate() {
        let (key, code, value) = cell(&entry, &households, n);
        let stored: Option<IndicatorValue> = reader
            .evaluation(key)
            .expect("read")
            .and_then(|e| e.values.get(&code).copied());
        match outcome {
            Outcome::Saved => assert_eq!(
                stored,
                Some(value),
                "seed {seed}: acknowledged save {n} lost"
            ),
            Outcome::NotSaved => assert_ne!(
                stored,
                Some(value),
                "seed {seed}: save {n} reported as not saved is present"
            ),
            Outcome::Unknown => {}
        }
    }
    (control.injected.load(Ordering::SeqCst), failures)
}

#[test]
fn acknowledged_saves_survive_failing_and_torn_writes() {
    let mut injected = 0;
    let mut failures = 0;
    for seed in 1..=6 {
        let (i, f) = run_faults(seed, 60);
        injected += i;
        failures += f;
    }
    println!("faults injected: {injected}, saves that reported an error: {failures}");
    assert!(
        injected > 20,
        "the harness must actually inject faults ({injected})"
    );
    assert!(failures > 5, "some saves must have failed ({failures})");
}

#[test]
fn a_full_disk_is_reported_in_vietnamese_and_loses_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let entry = gia_dinh_set();
    let households = create_register(&path, 2);
    let control = Arc::new(Control::default());
    let register = open_faulty(&path, &control).expect("open");
    let (key, code, value) = cell(&entry, &households, 0);
    sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now())
        .expect("first save");
    control.arm(Fault::WritesForGood);
    let (key2, code2, value2) = cell(&entry, &households, 1);
    let e = sohoctap::app::set_score(&register, key2, &code2, Some(value2), &entry, &Stamp::now())
        .expect_err("disk full");
    let message = e.to_string();
    assert!(
        message.contains("Chưa lưu được")
            || message.contains("Không chắc đã lưu")
            || message.contains("Không ghi"),
        "{message}"
    );
    drop(register);
    let register = Register::open(&path).expect("reopen");
    let stored = register
        .read()
        .expect("read")
        .evaluation(key)
        .expect("read")
        .and_then(|e| e.values.get(&code).copied());
    assert_eq!(stored, Some(value));
}
