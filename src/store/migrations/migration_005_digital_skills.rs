//! Migration 005 (schema 5 → 6): a CDHT evaluation records the holder's digital skills
//! (chưa / có / thành thạo; QĐ 677/QĐ-TTg), as evaluation record version 2. Nobody has
//! recorded them before, so every CDHT evaluation is rewritten as version 2 with the
//! skills "not recorded" — the same value a version-1 record reads as, now said in the
//! bytes. Nothing else of the evaluation changes, so the status index (whose skills bits
//! are 0, "not recorded", for every evaluation written before) stays as it is.
//! Evaluations of the other titles never carry skills and stay version 1 until saved.
//!
//! Self-contained (it reads and writes only `evaluations_v1`), so it can be renumbered
//! if another migration lands first.

use crate::model::Title;
use crate::store::codec;
use crate::store::dictionary::NoNames;
use crate::store::error::from_redb;
use crate::store::tables::EVALUATIONS;
use crate::store::{Result, Writer};
use redb::ReadableTable;

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let path = w.path().to_path_buf();
    let txn = w.txn();
    let cong_dan = Title::CongDan as u8;
    let mut rewritten: Vec<((u16, u8, u32), Vec<u8>)> = Vec::new();
    {
        let table = txn
            .open_table(EVALUATIONS)
            .map_err(|e| from_redb(&path, e))?;
        for item in table.iter().map_err(|e| from_redb(&path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&path, e))?;
            let key = key.value();
            if key.1 == cong_dan && codec::evaluation_version(value.value()) == Some(1) {
                let evaluation = codec::decode_evaluation(value.value(), &NoNames)?;
                debug_assert_eq!(evaluation.digital_skills, None);
                rewritten.push((key, codec::encode_evaluation_v2(&evaluation)));
            }
        }
    }
    {
        let mut table = txn
            .open_table(EVALUATIONS)
            .map_err(|e| from_redb(&path, e))?;
        for (key, bytes) in &rewritten {
            table
                .insert(key, bytes.as_slice())
                .map_err(|e| from_redb(&path, e))?;
        }
    }
    Ok(vec![format!(
        "{} đánh giá công dân học tập ghi ở dạng mới, kỹ năng số để \"chưa ghi\"",
        crate::text::format_count(rewritten.len() as u64)
    )])
}
