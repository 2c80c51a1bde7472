//! Migration 006 (schema 6 → 7): evaluations and history entries are rewritten in the
//! compact form of record version 3 ([`crate::store::records::v5`]): values by position in
//! their criteria version, the version as a small index (table `criteria_refs_v1`), and
//! the repeated texts — who saved, decision numbers, notes, override reasons — by number
//! (tables `strings_v1`, `string_ids_v1`); a history entry that holds a whole evaluation
//! leaves out its stamp when it is the entry's own. Every record decodes to the same
//! value before and after; the statuses and the history index do not change.
//!
//! Each table is read in chunks of [`CHUNK`] records, converted, and appended in key
//! order to a temporary table through a redb cursor, which fills every page; the old
//! table is then deleted and the temporary one copied back under its name the same way
//! and deleted. Rewriting the values in place would leave every page a quarter full
//! (redb never merges pages whose values shrank), so the file would stay two-thirds of
//! its size. Memory stays the same at a hundred evaluations or a million. The temporary
//! tables never outlive the transaction. Self-contained (it reads and writes only the
//! evaluation and history tables and the dictionary tables it creates), so it can be
//! renumbered if another migration lands first.

use crate::store::codec;
use crate::store::dictionary::NoNames;
use crate::store::error::from_redb;
use crate::store::tables::{EVALUATIONS, HISTORY};
use crate::store::{Result, Writer};
use redb::{Key, ReadableTable, TableDefinition, WriteTransaction};
use std::ops::Bound;
use std::path::Path;

/// Records read and converted at a time.
const CHUNK: usize = 4096;

/// The version tag of the compact records.
const COMPACT: u8 = 3;

type EvaluationKey = (u16, u8, u32);

/// Converts one record's bytes (`None`: already compact, kept as they are).
type Convert = fn(&mut Writer, &[u8]) -> Result<Option<Vec<u8>>>;

/// Where the converted records are gathered before they replace the table.
const EVALUATIONS_NEW: TableDefinition<EvaluationKey, &[u8]> =
    TableDefinition::new("evaluations_v1_migration_006");
const HISTORY_NEW: TableDefinition<u64, &[u8]> = TableDefinition::new("history_v1_migration_006");

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let evaluations = rewrite(w, EVALUATIONS, EVALUATIONS_NEW, |w, bytes| {
        if codec::evaluation_version(bytes) == Some(COMPACT) {
            return Ok(None);
        }
        let evaluation = codec::decode_evaluation(bytes, &NoNames)?;
        codec::encode_evaluation(&evaluation, w).map(Some)
    })?;
    let history = rewrite(w, HISTORY, HISTORY_NEW, |w, bytes| {
        if codec::version_tag(bytes) == Some(COMPACT) {
            return Ok(None);
        }
        let entry = codec::decode_history(bytes, &NoNames)?;
        codec::encode_history(&entry, w).map(Some)
    })?;
    Ok(vec![format!(
        "{} đánh giá và {} mục lịch sử ghi lại ở dạng gọn",
        crate::text::format_count(evaluations),
        crate::text::format_count(history)
    )])
}

/// Converts every record of `table` with `convert` (`None`: keep the bytes) into `new`,
/// then puts `new` back under the name of `table`. Returns how many were converted.
fn rewrite<K>(
    w: &mut Writer,
    table: TableDefinition<K, &'static [u8]>,
    new: TableDefinition<K, &'static [u8]>,
    convert: Convert,
) -> Result<u64>
where
    K: Key + 'static + for<'a> Key<SelfType<'a> = K> + Copy,
{
    let path = w.path().to_path_buf();
    let mut after: Option<K> = None;
    let mut converted = 0;
    loop {
        let chunk: Vec<(K, Vec<u8>)> = {
            let t = w.txn().open_table(table).map_err(|e| from_redb(&path, e))?;
            let range = match after {
                Some(k) => t.range::<K>((Bound::Excluded(k), Bound::Unbounded)),
                None => t.range::<K>(..),
            }
            .map_err(|e| from_redb(&path, e))?;
            let mut chunk = Vec::with_capacity(CHUNK);
            for item in range.take(CHUNK) {
                let (k, v) = item.map_err(|e| from_redb(&path, e))?;
                chunk.push((k.value(), v.value().to_vec()));
            }
            chunk
        };
        let Some((last, _)) = chunk.last() else {
            break;
        };
        after = Some(*last);
        let mut out = Vec::with_capacity(chunk.len());
        for (key, bytes) in chunk {
            match convert(&mut *w, &bytes)? {
                Some(compact) => {
                    converted += 1;
                    out.push((key, compact));
                }
                None => out.push((key, bytes)),
            }
        }
        append(w.txn(), &path, new, &out)?;
    }
    let txn = w.txn();
    txn.delete_table(table).map_err(|e| from_redb(&path, e))?;
    copy_back(txn, &path, new, table)?;
    txn.delete_table(new).map_err(|e| from_redb(&path, e))?;
    Ok(converted)
}

/// Appends records in key order at the end of `table`, through a cursor that packs them.
fn append<K>(
    txn: &WriteTransaction,
    path: &Path,
    table: TableDefinition<K, &'static [u8]>,
    records: &[(K, Vec<u8>)],
) -> Result<()>
where
    K: Key + 'static + for<'a> Key<SelfType<'a> = K> + Copy,
{
    let mut t = txn.open_table(table).map_err(|e| from_redb(path, e))?;
    let mut cursor = t
        .upper_bound_mut(Bound::<K>::Unbounded)
        .map_err(|e| from_redb(path, e))?;
    for (key, bytes) in records {
        cursor
            .insert_before(*key, bytes.as_slice())
            .map_err(|e| from_redb(path, e))?;
    }
    cursor.close().map_err(|e| from_redb(path, e))
}

/// Copies every record of `from` into the empty `to`, in key order, packed.
fn copy_back<K>(
    txn: &WriteTransaction,
    path: &Path,
    from: TableDefinition<K, &'static [u8]>,
    to: TableDefinition<K, &'static [u8]>,
) -> Result<()>
where
    K: Key + 'static + for<'a> Key<SelfType<'a> = K> + Copy,
{
    let source = txn.open_table(from).map_err(|e| from_redb(path, e))?;
    let mut target = txn.open_table(to).map_err(|e| from_redb(path, e))?;
    let mut cursor = target
        .upper_bound_mut(Bound::<K>::Unbounded)
        .map_err(|e| from_redb(path, e))?;
    for item in source.iter().map_err(|e| from_redb(path, e))? {
        let (k, v) = item.map_err(|e| from_redb(path, e))?;
        cursor
            .insert_before(k.value(), v.value())
            .map_err(|e| from_redb(path, e))?;
    }
    cursor.close().map_err(|e| from_redb(path, e))
}
