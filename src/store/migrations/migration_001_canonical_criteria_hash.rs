//! Migration 001 (schema 1 → 2): criteria sets are identified by the hash of their
//! canonical form ([`crate::criteria::canonical`]) instead of the hash of their postcard
//! bytes. Every stored set is keyed again under its new identity, and every reference
//! to it is renamed with it: the evaluations scored under it and the history entries
//! that hold a whole evaluation or a change of criteria. Nothing else changes (the sets'
//! own bytes, scores and statuses are the same), so every record compares equal before
//! and after, up to the renamed hashes.

use crate::store::codec;
use crate::store::error::from_redb;
use crate::store::tables::{CRITERIA, EVALUATIONS, HISTORY};
use crate::store::{Result, Writer};
use redb::ReadableTable;
use std::collections::HashMap;

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let path = w.path().to_path_buf();
    let txn = w.txn();
    // Old hash → new hash, for every stored set whose identity changes.
    let mut renamed: HashMap<String, String> = HashMap::new();
    let mut sets = Vec::new();
    {
        let table = txn.open_table(CRITERIA).map_err(|e| from_redb(&path, e))?;
        for item in table.iter().map_err(|e| from_redb(&path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&path, e))?;
            let set = codec::decode_criteria(value.value())?;
            let new = set.content_hash();
            if new != key.value() {
                renamed.insert(key.value().to_string(), new.clone());
                sets.push((key.value().to_string(), new, value.value().to_vec()));
            }
        }
    }
    {
        let mut table = txn.open_table(CRITERIA).map_err(|e| from_redb(&path, e))?;
        for (old, _, _) in &sets {
            table
                .remove(old.as_str())
                .map_err(|e| from_redb(&path, e))?;
        }
        for (_, new, bytes) in &sets {
            table
                .insert(new.as_str(), bytes.as_slice())
                .map_err(|e| from_redb(&path, e))?;
        }
    }
    let evaluations = {
        let mut table = txn
            .open_table(EVALUATIONS)
            .map_err(|e| from_redb(&path, e))?;
        let mut rewritten = Vec::new();
        for item in table.iter().map_err(|e| from_redb(&path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&path, e))?;
            let mut e = codec::decode_evaluation(value.value(), &*w)?;
            if let Some(new) = renamed.get(&e.criteria_hash) {
                e.criteria_hash = new.clone();
                rewritten.push((key.value(), codec::encode_evaluation_v2(&e)));
            }
        }
        for (key, bytes) in &rewritten {
            table
                .insert(*key, bytes.as_slice())
                .map_err(|e| from_redb(&path, e))?;
        }
        rewritten.len()
    };
    let history = {
        let mut table = txn.open_table(HISTORY).map_err(|e| from_redb(&path, e))?;
        let mut rewritten = Vec::new();
        let rename = |old: &str| renamed.get(old).cloned();
        for item in table.iter().map_err(|e| from_redb(&path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&path, e))?;
            let mut entry = codec::decode_history(value.value(), &*w)?;
            if entry.rename_criteria(&rename) {
                rewritten.push((key.value(), codec::encode_history_v2(&entry)));
            }
        }
        for (seq, bytes) in &rewritten {
            table
                .insert(*seq, bytes.as_slice())
                .map_err(|e| from_redb(&path, e))?;
        }
        rewritten.len()
    };
    Ok(vec![
        format!("{} bộ tiêu chí đã lưu được đổi mã nhận diện", sets.len()),
        format!("{evaluations} lượt đánh giá trỏ theo mã mới"),
        format!("{history} mục lịch sử trỏ theo mã mới"),
    ])
}
