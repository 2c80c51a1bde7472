//! Fault injection: the real register code over a storage backend that fails writes or
//! syncs, transiently or for good, and tears writes. Every acknowledged save must be
//! found after reopening the file with a healthy backend, the program must never panic,
//! and every failure must reach the officer as a Vietnamese message.

mod common;

use common::{YEAR, cell, cells_per_household, create_register, gia_dinh_set};
use redb::backends::FileBackend;
use redb::{BackendError, StorageBackend};
use sohoctap::model::{IndicatorValue, Stamp};
use sohoctap::store::{Register, StoreError};
use std::io;
use std::ops::Bound;
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
enum Fault {
    None = 0,
    /// The next write fails, then the disk recovers.
    WriteOnce = 1,
    /// The next sync fails, then the disk recovers.
    SyncOnce = 2,
    /// The next write stores only its first half, then fails.
    TearOnce = 3,
    /// Every write fails from now on (a full disk).
    WritesForGood = 4,
}

#[derive(Debug, Default)]
struct Control {
    fault: AtomicU8,
    injected: AtomicU64,
}

impl Control {
    fn arm(&self, fault: Fault) {
        self.fault.store(fault as u8, Ordering::SeqCst);
    }

    /// Takes the armed fault if it is of one of `kinds`; one-shot faults disarm.
    fn take(&self, kinds: &[Fault]) -> Option<Fault> {
        let current = self.fault.load(Ordering::SeqCst);
        let fault = kinds.iter().copied().find(|k| *k as u8 == current)?;
        if fault != Fault::WritesForGood {
            self.fault.store(Fault::None as u8, Ordering::SeqCst);
        }
        self.injected.fetch_add(1, Ordering::SeqCst);
        Some(fault)
    }
}

#[derive(Debug)]
struct FaultyBackend {
    inner: FileBackend,
    control: Arc<Control>,
}

fn disk_error() -> io::Error {
    io::Error::other("lỗi đĩa giả lập")
}

impl StorageBackend for FaultyBackend {
    fn len(&self) -> Result<u64, io::Error> {
        self.inner.len()
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> Result<(), io::Error> {
        self.inner.read(offset, out)
    }

    fn set_len(&self, len: u64) -> Result<(), io::Error> {
        if self.control.take(&[Fault::WritesForGood]).is_some() {
            return Err(disk_error());
        }
        self.inner.set_len(len)
    }

    fn sync_data(&self) -> Result<(), io::Error> {
        match self.control.take(&[Fault::SyncOnce, Fault::WritesForGood]) {
            Some(_) => Err(disk_error()),
            None => self.inner.sync_data(),
        }
    }

    fn write(&self, offset: u64, data: &[u8]) -> Result<(), io::Error> {
        match self
            .control
            .take(&[Fault::WriteOnce, Fault::TearOnce, Fault::WritesForGood])
        {
            Some(Fault::TearOnce) => {
                let half = data.len() / 2;
                self.inner
                    .write(offset, data.get(..half).unwrap_or_default())?;
                Err(disk_error())
            }
            Some(_) => Err(disk_error()),
            None => self.inner.write(offset, data),
        }
    }

    fn close(&self) -> Result<(), io::Error> {
        self.inner.close()
    }

    fn try_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.try_lock_range(start, end)
    }

    fn try_lock_shared_range(
        &self,
        start: Bound<u64>,
        end: Bound<u64>,
    ) -> Result<bool, BackendError> {
        self.inner.try_lock_shared_range(start, end)
    }

    fn lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.inner.lock_range(start, end)
    }

    fn lock_shared_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.inner.lock_shared_range(start, end)
    }

    fn unlock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.inner.unlock_range(start, end)
    }

    fn query_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.inner.query_lock_range(start, end)
    }
}

fn open_faulty(path: &std::path::Path, control: &Arc<Control>) -> Result<Register, StoreError> {
    let file_path = path.to_path_buf();
    let control = Arc::clone(control);
    Register::open_with_backend(path, move || {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&file_path)?;
        let inner = FileBackend::new(file).map_err(io::Error::other)?;
        Ok(FaultyBackend {
            inner,
            control: Arc::clone(&control),
        })
    })
}

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
        let result = register.set_score(key, &code, Some(value), &entry, &Stamp::now());
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
    register
        .set_score(key, &code, Some(value), &entry, &Stamp::now())
        .expect("first save");
    control.arm(Fault::WritesForGood);
    let (key2, code2, value2) = cell(&entry, &households, 1);
    let e = register
        .set_score(key2, &code2, Some(value2), &entry, &Stamp::now())
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
