//! Migration 004 (schema 4 → 5): criteria sets are stored as record version 2, which can
//! say who entered a set the office typed in (`criteria import`, the editor), when and
//! from what. Every stored set is rewritten as version 2 with no entry: the sets the
//! register held so far all came from shipped or TOML files. Their content, and so their
//! identity and every reference to them, is unchanged.
//!
//! Self-contained (it reads and writes only `criteria_v1`), so it can be renumbered
//! freely if another migration lands first.

use crate::store::codec;
use crate::store::error::from_redb;
use crate::store::tables::CRITERIA;
use crate::store::{Result, Writer};
use redb::ReadableTable;

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let path = w.path().to_path_buf();
    let txn = w.txn();
    let mut rewritten = Vec::new();
    {
        let table = txn.open_table(CRITERIA).map_err(|e| from_redb(&path, e))?;
        for item in table.iter().map_err(|e| from_redb(&path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&path, e))?;
            if codec::criteria_version(value.value()) == Some(1) {
                let set = codec::decode_criteria(value.value())?;
                rewritten.push((key.value().to_string(), codec::encode_criteria(&set)));
            }
        }
    }
    {
        let mut table = txn.open_table(CRITERIA).map_err(|e| from_redb(&path, e))?;
        for (key, bytes) in &rewritten {
            table
                .insert(key.as_str(), bytes.as_slice())
                .map_err(|e| from_redb(&path, e))?;
        }
    }
    Ok(vec![format!(
        "{} bộ tiêu chí ghi lại ở dạng mới, có chỗ ghi ai nhập bộ tiêu chí, khi nào",
        rewritten.len()
    )])
}
