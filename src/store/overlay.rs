//! A copy-on-write view of the register file, so `sohoctap check` can run redb's full
//! integrity check (page checksums, allocator) without changing a byte of the file.
//!
//! redb only checks pages through a writable `Database`, and opening one writes the
//! file's header even when nothing else changes. Under this backend the file is opened
//! for reading only; every write lands in memory, in 4 KiB blocks, and is read back from
//! there. A clean file costs a few blocks (the header); a damaged one at most what redb
//! rewrites while repairing, which is then thrown away.

use redb::StorageBackend;
use std::collections::HashMap;
use std::fs::File;
use std::io;
use std::path::Path;
use std::sync::Mutex;

const BLOCK: u64 = 4096;

#[derive(Default)]
struct State {
    /// The length redb sees.
    len: u64,
    /// Bytes of the real file still visible below the overlay (a shrink hides the rest).
    visible: u64,
    blocks: HashMap<u64, Vec<u8>>,
}

pub(crate) struct Overlay {
    file: File,
    state: Mutex<State>,
}

impl std::fmt::Debug for Overlay {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Overlay")
    }
}

impl Overlay {
    /// Opens `path` for reading only.
    pub(crate) fn open(path: &Path) -> io::Result<Overlay> {
        let file = File::open(path)?;
        let len = file.metadata()?.len();
        Ok(Overlay {
            file,
            state: Mutex::new(State {
                len,
                visible: len,
                blocks: HashMap::new(),
            }),
        })
    }

    fn state(&self) -> io::Result<std::sync::MutexGuard<'_, State>> {
        self.state
            .lock()
            .map_err(|_| io::Error::other("overlay poisoned"))
    }

    /// Reads `out.len()` bytes at `offset` of the real file, zeros past what is visible.
    fn read_file(&self, visible: u64, offset: u64, out: &mut [u8]) -> io::Result<()> {
        out.fill(0);
        if offset >= visible {
            return Ok(());
        }
        let n =
            usize::try_from((visible - offset).min(out.len() as u64)).map_err(io::Error::other)?;
        if let Some(head) = out.get_mut(..n) {
            read_exact_at(&self.file, head, offset)?;
        }
        Ok(())
    }

    /// The current content of block `index`, from the overlay or the file.
    fn block(&self, state: &State, index: u64) -> io::Result<Vec<u8>> {
        if let Some(block) = state.blocks.get(&index) {
            return Ok(block.clone());
        }
        let mut block = vec![0; BLOCK as usize];
        self.read_file(state.visible, index * BLOCK, &mut block)?;
        Ok(block)
    }
}

/// Walks the blocks a byte range touches: (block index, offset within the block, offset
/// within the range, length).
fn pieces(offset: u64, len: usize) -> impl Iterator<Item = (u64, usize, usize, usize)> {
    let end = offset + len as u64;
    let mut at = offset;
    std::iter::from_fn(move || {
        if at >= end {
            return None;
        }
        let index = at / BLOCK;
        let within = (at % BLOCK) as usize;
        let take = ((BLOCK - at % BLOCK).min(end - at)) as usize;
        let piece = (index, within, (at - offset) as usize, take);
        at += take as u64;
        Some(piece)
    })
}

impl StorageBackend for Overlay {
    fn len(&self) -> io::Result<u64> {
        Ok(self.state()?.len)
    }

    fn read(&self, offset: u64, out: &mut [u8]) -> io::Result<()> {
        let state = self.state()?;
        if state.blocks.is_empty() {
            return self.read_file(state.visible, offset, out);
        }
        for (index, within, from, take) in pieces(offset, out.len()) {
            let dest = out
                .get_mut(from..from + take)
                .ok_or_else(|| io::Error::other("overlay range"))?;
            match state.blocks.get(&index) {
                Some(block) => dest.copy_from_slice(
                    block
                        .get(within..within + take)
                        .ok_or_else(|| io::Error::other("overlay range"))?,
                ),
                None => self.read_file(state.visible, offset + from as u64, dest)?,
            }
        }
        Ok(())
    }

    fn set_len(&self, len: u64) -> io::Result<()> {
        let mut state = self.state()?;
        if len < state.len {
            state.visible = state.visible.min(len);
            let first_gone = len.div_ceil(BLOCK);
            state.blocks.retain(|index, _| *index < first_gone);
            // The part of the last block past the new end must read as zeros if it grows.
            if let Some(block) = state.blocks.get_mut(&(len / BLOCK)) {
                let cut = (len % BLOCK) as usize;
                if let Some(tail) = block.get_mut(cut..) {
                    tail.fill(0);
                }
            }
        }
        state.len = len;
        Ok(())
    }

    fn sync_data(&self) -> io::Result<()> {
        Ok(())
    }

    fn write(&self, offset: u64, data: &[u8]) -> io::Result<()> {
        let mut state = self.state()?;
        for (index, within, from, take) in pieces(offset, data.len()) {
            let mut block = self.block(&state, index)?;
            let source = data
                .get(from..from + take)
                .ok_or_else(|| io::Error::other("overlay range"))?;
            block
                .get_mut(within..within + take)
                .ok_or_else(|| io::Error::other("overlay range"))?
                .copy_from_slice(source);
            state.blocks.insert(index, block);
        }
        let end = offset + data.len() as u64;
        state.len = state.len.max(end);
        Ok(())
    }
}

#[cfg(unix)]
fn read_exact_at(file: &File, buf: &mut [u8], offset: u64) -> io::Result<()> {
    use std::os::unix::fs::FileExt;
    file.read_exact_at(buf, offset)
}

#[cfg(windows)]
fn read_exact_at(file: &File, mut buf: &mut [u8], mut offset: u64) -> io::Result<()> {
    use std::os::windows::fs::FileExt;
    while !buf.is_empty() {
        match file.seek_read(buf, offset) {
            Ok(0) => return Err(io::ErrorKind::UnexpectedEof.into()),
            Ok(n) => {
                buf = &mut std::mem::take(&mut buf)[n..];
                offset += n as u64;
            }
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_are_read_back_and_never_reach_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f");
        std::fs::write(&path, vec![7u8; 10_000]).unwrap();
        let overlay = Overlay::open(&path).unwrap();
        overlay.write(4090, &[1; 20]).unwrap();
        overlay.write(12_000, &[2; 5]).unwrap();
        let mut out = vec![0; 12_005];
        overlay.read(0, &mut out).unwrap();
        assert_eq!(
            &out[4089..4111],
            &[[7].as_slice(), &[1; 20], &[7]].concat()[..]
        );
        assert!(out[10_000..12_000].iter().all(|b| *b == 0));
        assert_eq!(&out[12_000..], &[2; 5]);
        assert_eq!(overlay.len().unwrap(), 12_005);
        overlay.set_len(4095).unwrap();
        overlay.set_len(5000).unwrap();
        let mut out = vec![9; 10];
        overlay.read(4090, &mut out).unwrap();
        assert_eq!(out, [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]);
        assert_eq!(std::fs::read(&path).unwrap(), vec![7u8; 10_000]);
    }
}
