//! `check` of the dictionary tables (schema 7, see [`crate::store::dictionary`]): the
//! texts and criteria rows are numbered without gaps, and the reverse index of texts
//! names each text by its own number. A wrong reverse row would make the next save store
//! another text's number, so it is damage, not data.

use super::super::codec;
use super::super::error::from_redb;
use super::super::tables::{CRITERIA_REFS, STRING_IDS, STRINGS};
use super::Reader;
use crate::store::Result;
use redb::{ReadableTable, ReadableTableMetadata};

impl Reader {
    /// What is wrong with the dictionary tables (empty when nothing is).
    pub(in crate::store) fn dictionary_problems(&self) -> Result<Vec<String>> {
        let p = &self.path;
        let mut problems = Vec::new();
        let mut texts = 0u64;
        if let Some(t) = self.table(STRINGS)? {
            for (expected, item) in t.iter().map_err(|e| from_redb(p, e))?.enumerate() {
                let (k, _) = item.map_err(|e| from_redb(p, e))?;
                if u64::from(k.value()) != expected as u64 {
                    problems.push(format!(
                        "Bảng chuỗi thiếu số {expected} (có số {})",
                        k.value()
                    ));
                    break;
                }
                texts += 1;
            }
            if let Some(ids) = self.table(STRING_IDS)? {
                let rows = ids.len().map_err(|e| from_redb(p, e))?;
                if rows != texts {
                    problems.push(format!(
                        "Chỉ mục bảng chuỗi có {rows} dòng, bảng chuỗi có {texts}"
                    ));
                }
                for item in ids.iter().map_err(|e| from_redb(p, e))? {
                    let (text, id) = item.map_err(|e| from_redb(p, e))?;
                    let stored = t.get(id.value()).map_err(|e| from_redb(p, e))?;
                    if stored.as_ref().map(|s| s.value()) != Some(text.value()) {
                        problems.push(format!(
                            "Chỉ mục bảng chuỗi ghi sai số {} cho một chuỗi",
                            id.value()
                        ));
                        break;
                    }
                }
            }
        }
        if let Some(t) = self.table(CRITERIA_REFS)? {
            for (expected, item) in t.iter().map_err(|e| from_redb(p, e))?.enumerate() {
                let (k, v) = item.map_err(|e| from_redb(p, e))?;
                if usize::from(k.value()) != expected {
                    problems.push(format!("Bảng bộ tiêu chí của đánh giá thiếu số {expected}"));
                    break;
                }
                if let Err(e) = codec::decode_criteria_ref(v.value()) {
                    problems.push(format!("Bảng bộ tiêu chí của đánh giá: {e}"));
                }
            }
        }
        Ok(problems)
    }
}
