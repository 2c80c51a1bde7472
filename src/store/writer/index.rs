//! Keeping the packed link and status indexes (see [`crate::store::packed`]) in step with
//! the records they derive from, in the same write transaction: a change to one unit or
//! one evaluation reads its chunk, changes its slot and writes the chunk back.

use crate::model::{EvaluationKey, Status, UnitId, UnitLink};
use crate::store::Result;
use crate::store::error::from_redb;
use crate::store::packed;
use redb::{ReadableTable, Table};
use std::path::Path;

pub(super) type LinkTable<'t> = Table<'t, (u8, u32), &'static [u8]>;
pub(super) type StatusTable<'t> = Table<'t, (u16, u8, u32), &'static [u8]>;

/// The stored link chunk of `(kind, chunk)`, empty when there is none.
pub(super) fn link_chunk(t: &LinkTable<'_>, key: (u8, u32), path: &Path) -> Result<Vec<u8>> {
    Ok(t.get(key)
        .map_err(|e| from_redb(path, e))?
        .map(|g| g.value().to_vec())
        .unwrap_or_default())
}

/// Writes a link chunk back, or removes it when it has no unit left.
pub(super) fn store_link_chunk(
    t: &mut LinkTable<'_>,
    key: (u8, u32),
    chunk: &[u8],
    path: &Path,
) -> Result<()> {
    if chunk.is_empty() {
        t.remove(key).map(drop)
    } else {
        t.insert(key, chunk).map(drop)
    }
    .map_err(|e| from_redb(path, e))
}

/// Sets the link of one unit in its chunk.
pub(super) fn put_link(
    t: &mut LinkTable<'_>,
    kind: u8,
    id: UnitId,
    link: &UnitLink,
    path: &Path,
) -> Result<()> {
    let key = (kind, packed::chunk_of(id));
    let mut chunk = link_chunk(t, key, path)?;
    packed::put_link(&mut chunk, packed::slot_of(id), Some(link));
    store_link_chunk(t, key, &chunk, path)
}

/// Sets (or with `None` removes) the status of one evaluation in its chunk.
pub(super) fn put_status(
    t: &mut StatusTable<'_>,
    key: EvaluationKey,
    status: Option<Status>,
    path: &Path,
) -> Result<()> {
    let k = (key.year, key.title as u8, packed::chunk_of(key.unit));
    let mut chunk = t
        .get(k)
        .map_err(|e| from_redb(path, e))?
        .map(|g| g.value().to_vec())
        .unwrap_or_default();
    packed::put_status(&mut chunk, packed::slot_of(key.unit), status);
    if chunk.is_empty() {
        t.remove(k).map(drop)
    } else {
        t.insert(k, chunk.as_slice()).map(drop)
    }
    .map_err(|e| from_redb(path, e))
}
