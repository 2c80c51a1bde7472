//! Power cuts: a storage backend that keeps every write in "the drive's cache" until the
//! next sync, as a disk does. At a random moment (often in the middle of a save) the
//! power goes: a random part of the unsynced writes reaches the platter, some of them
//! torn at a sector boundary, the rest are lost, and the machine does nothing more.
//! The register is then opened from what is on the file, and every save acknowledged
//! before the cut must be there, with the integrity check passing.
//!
//! `SOHOCTAP_POWER_CUTS=N` sets the number of cuts (default 60).

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::{YEAR, cell, create_register, gia_dinh_set};
use redb::backends::FileBackend;
use redb::{BackendError, StorageBackend};
use sohoctap::model::{IndicatorValue, Stamp};
use sohoctap::store::Register;
use std::io;
use std::ops::Bound;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
}

/// The machine: its drive cache (writes not yet synced), when the power goes, and
/// whether it has gone.
struct Machine {
    path: PathBuf,
    cache: Mutex<Vec<(u64, Vec<u8>)>>,
    writes_left: AtomicU64,
    dead: AtomicBool,
    rng: Mutex<Rng>,
    lost: AtomicU64,
    landed: AtomicU64,
}

impl Machine {
    fn file(&self) -> io::Result<FileBackend> {
        let file = std::fs::OpenOptions::new()
            .read(true)
            .write(true)
            .open(&self.path)?;
        FileBackend::new(file).map_err(io::Error::other)
    }

    fn power_gone() -> io::Error {
        io::Error::other("mất điện")
    }

    /// The power goes: a random subset of the cached writes lands, some torn.
    fn cut(&self, file: &FileBackend) {
        if self.dead.swap(true, Ordering::SeqCst) {
            return;
        }
        let pending = std::mem::take(&mut *self.cache.lock().expect("cache"));
        let mut rng = self.rng.lock().expect("rng");
        for (offset, data) in pending {
            match rng.next() % 4 {
                0 | 1 => {
                    self.lost.fetch_add(1, Ordering::SeqCst);
                }
                2 => {
                    let _ = file.write(offset, &data);
                    self.landed.fetch_add(1, Ordering::SeqCst);
                }
                _ => {
                    let sectors = data.len().div_ceil(512).max(1);
                    let keep = (rng.next() as usize % sectors) * 512;
                    let _ = file.write(offset, data.get(..keep).unwrap_or_default());
                    self.landed.fetch_add(1, Ordering::SeqCst);
                }
            }
        }
    }
}

struct CachedDisk {
    file: FileBackend,
    machine: Arc<Machine>,
}

impl std::fmt::Debug for CachedDisk {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("CachedDisk")
    }
}

impl CachedDisk {
    fn alive(&self) -> io::Result<()> {
        if self.machine.dead.load(Ordering::SeqCst) {
            Err(Machine::power_gone())
        } else {
            Ok(())
        }
    }
}

impl StorageBackend for CachedDisk {
    fn len(&self) -> Result<u64, io::Error> {
        self.alive()?;
        let cached_end = self
            .machine
            .cache
            .lock()
            .map_err(|_| Machine::power_gone())?
            .iter()
            .map(|(o, d)| o + d.len() as u64)
            .max()
            .unwrap_or(0);
        Ok(self.file.len()?.max(cached_end))
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> Result<(), io::Error> {
        self.alive()?;
        // Reads past the end of the file see zeros, then the cache overlays them.
        out.fill(0);
        let on_file = self.file.len()?;
        if offset < on_file {
            let n = ((on_file - offset) as usize).min(out.len());
            self.file.read(offset, &mut out[..n])?;
        }
        let cache = self
            .machine
            .cache
            .lock()
            .map_err(|_| Machine::power_gone())?;
        let end = offset + out.len() as u64;
        for (o, data) in cache.iter() {
            let (start, stop) = ((*o).max(offset), (o + data.len() as u64).min(end));
            if start < stop {
                let (from, to) = ((start - o) as usize, (stop - o) as usize);
                let at = (start - offset) as usize;
                out[at..at + (to - from)].copy_from_slice(&data[from..to]);
            }
        }
        Ok(())
    }

    fn set_len(&self, len: u64) -> Result<(), io::Error> {
        self.alive()?;
        self.file.set_len(len)
    }

    fn sync_data(&self) -> Result<(), io::Error> {
        self.alive()?;
        let pending = std::mem::take(
            &mut *self
                .machine
                .cache
                .lock()
                .map_err(|_| Machine::power_gone())?,
        );
        for (offset, data) in pending {
            self.file.write(offset, &data)?;
        }
        self.file.sync_data()
    }

    fn write(&self, offset: u64, data: &[u8]) -> Result<(), io::Error> {
        self.alive()?;
        if self.machine.writes_left.fetch_sub(1, Ordering::SeqCst) <= 1 {
            self.machine.cut(&self.file);
            return Err(Machine::power_gone());
        }
        self.machine
            .cache
            .lock()
            .map_err(|_| Machine::power_gone())?
            .push((offset, data.to_vec()));
        Ok(())
    }

    fn close(&self) -> Result<(), io::Error> {
        self.alive()?;
        self.file.close()
    }

    fn try_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.file.try_lock_range(start, end)
    }

    fn try_lock_shared_range(
        &self,
        start: Bound<u64>,
        end: Bound<u64>,
    ) -> Result<bool, BackendError> {
        self.file.try_lock_shared_range(start, end)
    }

    fn lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.file.lock_range(start, end)
    }

    fn lock_shared_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.file.lock_shared_range(start, end)
    }

    fn unlock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<(), BackendError> {
        self.file.unlock_range(start, end)
    }

    fn query_lock_range(&self, start: Bound<u64>, end: Bound<u64>) -> Result<bool, BackendError> {
        self.file.query_lock_range(start, end)
    }
}

/// Saves until the power goes; returns the numbers of the acknowledged saves.
fn run_until_cut(
    path: &Path,
    machine: &Arc<Machine>,
    households: &[u32],
    from: usize,
) -> Vec<usize> {
    let opener = Arc::clone(machine);
    let register = match Register::open_with_backend(path, move || {
        Ok(CachedDisk {
            file: opener.file()?,
            machine: Arc::clone(&opener),
        })
    }) {
        Ok(r) => r,
        // The power went while the file was being opened.
        Err(_) => return Vec::new(),
    };
    let entry = gia_dinh_set();
    let mut acknowledged = Vec::new();
    for n in from.. {
        let (key, code, value) = cell(&entry, households, n);
        match sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now()) {
            Ok(_) => acknowledged.push(n),
            Err(_) => break,
        }
    }
    drop(register);
    acknowledged
}

#[test]
fn acknowledged_saves_survive_a_power_cut() {
    let cuts: u64 = std::env::var("SOHOCTAP_POWER_CUTS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(60);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let households = create_register(&path, 400);
    let entry = gia_dinh_set();
    let mut rng = Rng(0xD1E5E1);
    let mut acknowledged: Vec<usize> = Vec::new();
    let (mut lost, mut landed) = (0, 0);
    for round in 0..cuts {
        let machine = Arc::new(Machine {
            path: path.clone(),
            cache: Mutex::new(Vec::new()),
            writes_left: AtomicU64::new(1 + rng.next() % 60),
            dead: AtomicBool::new(false),
            rng: Mutex::new(Rng(rng.next())),
            lost: AtomicU64::new(0),
            landed: AtomicU64::new(0),
        });
        let next = acknowledged.last().map_or(0, |n| n + 1);
        acknowledged.extend(run_until_cut(&path, &machine, &households, next));
        lost += machine.lost.load(Ordering::SeqCst);
        landed += machine.landed.load(Ordering::SeqCst);

        // The power is back: open what the file holds.
        let mut register = Register::open(&path)
            .unwrap_or_else(|e| panic!("round {round}: the register does not open: {e}"));
        let report = register.check(YEAR).expect("check");
        assert!(report.ok, "round {round}: {:?}", report.problems);
        let reader = register.read().expect("read");
        for &n in &acknowledged {
            let (key, code, value) = cell(&entry, &households, n);
            let stored: Option<IndicatorValue> = reader
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
        register.close().expect("close");
    }
    println!(
        "power cuts: {cuts}, acknowledged saves kept: {}, unsynced writes lost: {lost}, landed whole or torn: {landed}",
        acknowledged.len()
    );
    assert!(
        acknowledged.len() as u64 > cuts / 2,
        "the saves must make progress"
    );
    assert!(
        lost > 0 && landed > 0,
        "the cuts must actually lose and tear writes"
    );
}
