//! A redb storage backend over the real file that fails writes or syncs, once or for
//! good, and tears writes, on command: the disk faults the register must survive.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use redb::backends::FileBackend;
use redb::{BackendError, StorageBackend};
use sohoctap::store::{Register, StoreError};
use std::io;
use std::ops::Bound;
use std::sync::Arc;
use std::sync::atomic::{AtomicI32, AtomicU8, AtomicU64, Ordering};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Fault {
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
pub struct Control {
    fault: AtomicU8,
    pub injected: AtomicU64,
    /// The OS error a failing write reports (0: a generic disk error).
    errno: AtomicI32,
}

impl Control {
    pub fn arm(&self, fault: Fault) {
        self.fault.store(fault as u8, Ordering::SeqCst);
    }

    /// Takes the armed fault if it is of one of `kinds`; one-shot faults disarm.
    pub fn take(&self, kinds: &[Fault]) -> Option<Fault> {
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
pub struct FaultyBackend {
    inner: FileBackend,
    control: Arc<Control>,
}

impl Control {
    /// Failing writes report this OS error from now on (28: disk full, 30: read-only).
    pub fn fail_with(&self, errno: i32) {
        self.errno.store(errno, Ordering::SeqCst);
    }

    fn error(&self) -> io::Error {
        match self.errno.load(Ordering::SeqCst) {
            0 => io::Error::other("lỗi đĩa giả lập"),
            errno => io::Error::from_raw_os_error(errno),
        }
    }
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
            return Err(self.control.error());
        }
        self.inner.set_len(len)
    }

    fn sync_data(&self) -> Result<(), io::Error> {
        match self.control.take(&[Fault::SyncOnce, Fault::WritesForGood]) {
            Some(_) => Err(self.control.error()),
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
                Err(self.control.error())
            }
            Some(_) => Err(self.control.error()),
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

pub fn open_faulty(path: &std::path::Path, control: &Arc<Control>) -> Result<Register, StoreError> {
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
