//! The dictionary tables seen from a write transaction (see [`crate::store::dictionary`]):
//! a number is looked up in the register's shared cache first, then among this write's
//! own additions, then in the transaction's tables; a new text or criteria version gets
//! the next number and a row in each table. The additions reach the shared cache only
//! after the commit succeeded ([`Learned::teach`]), so a rolled-back write leaves no
//! number behind that a later write would give to something else.

use super::Writer;
use crate::store::codec;
use crate::store::dictionary::{Dictionary, Interner, Names, SetLayout, missing_set, missing_text};
use crate::store::error::from_redb;
use crate::store::records::v1::Invalid;
use crate::store::records::v5::{SetIndex, TextId};
use crate::store::tables::{CRITERIA_REFS, STRING_IDS, STRINGS};
use crate::store::{Result, StoreError};
use redb::ReadableTable;
use std::collections::HashMap;
use std::sync::Arc;

/// What one write transaction read from or added to the dictionary tables.
#[derive(Debug, Default)]
pub(in crate::store) struct Local {
    texts: HashMap<TextId, Arc<str>>,
    text_ids: HashMap<String, TextId>,
    next_text: Option<TextId>,
    sets: HashMap<SetIndex, Arc<SetLayout>>,
    set_ids: HashMap<(String, String), SetIndex>,
    /// Whether every row of `criteria_refs_v1` has been read into `sets`.
    sets_read: bool,
}

/// The rows a committed write knew, to be handed to the shared cache.
pub(in crate::store) struct Learned {
    texts: Vec<(TextId, Arc<str>)>,
    sets: Vec<(SetIndex, Arc<SetLayout>)>,
}

impl Learned {
    /// Adds the rows to the shared cache, in number order (only the next number is ever
    /// taken, so rows the cache does not reach yet are simply read again later).
    pub(in crate::store) fn teach(mut self, names: &Dictionary) {
        self.texts.sort_by_key(|(id, _)| *id);
        for (id, text) in self.texts {
            names.learn_text(id, text);
        }
        self.sets.sort_by_key(|(index, _)| *index);
        for (index, layout) in self.sets {
            names.learn_set(index, layout);
        }
    }
}

impl Writer {
    /// What this transaction knows of the dictionary tables, for after its commit.
    pub(in crate::store) fn learned(&self) -> Learned {
        let local = self.local.borrow();
        Learned {
            texts: local.texts.iter().map(|(id, t)| (*id, t.clone())).collect(),
            sets: local.sets.iter().map(|(i, l)| (*i, l.clone())).collect(),
        }
    }

    /// Reads every row of `criteria_refs_v1` into this write's own cache (a handful).
    fn read_sets(&self) -> std::result::Result<(), StoreError> {
        if self.local.borrow().sets_read {
            return Ok(());
        }
        let p = &self.path;
        let t = self
            .txn
            .open_table(CRITERIA_REFS)
            .map_err(|e| from_redb(p, e))?;
        let mut local = self.local.borrow_mut();
        for item in t.iter().map_err(|e| from_redb(p, e))? {
            let (k, v) = item.map_err(|e| from_redb(p, e))?;
            let layout = Arc::new(codec::decode_criteria_ref(v.value())?);
            local
                .set_ids
                .insert((layout.id.clone(), layout.hash.clone()), k.value());
            local.sets.insert(k.value(), layout);
        }
        local.sets_read = true;
        Ok(())
    }
}

impl Names for Writer {
    fn text(&self, id: TextId) -> std::result::Result<Arc<str>, Invalid> {
        if let Some(text) = self.names.text(id) {
            return Ok(text);
        }
        if let Some(text) = self.local.borrow().texts.get(&id) {
            return Ok(text.clone());
        }
        let t = self.txn.open_table(STRINGS).map_err(|e| e.to_string())?;
        let text: Arc<str> = match t.get(id).map_err(|e| e.to_string())? {
            Some(g) => Arc::from(g.value()),
            None => return Err(missing_text(id)),
        };
        let mut local = self.local.borrow_mut();
        local.text_ids.insert(text.to_string(), id);
        local.texts.insert(id, text.clone());
        Ok(text)
    }

    fn set(&self, index: SetIndex) -> std::result::Result<Arc<SetLayout>, Invalid> {
        if let Some(layout) = self.names.set(index) {
            return Ok(layout);
        }
        self.read_sets().map_err(|e| e.to_string())?;
        self.local
            .borrow()
            .sets
            .get(&index)
            .cloned()
            .ok_or_else(|| missing_set(index))
    }
}

impl Interner for Writer {
    fn text_id(&mut self, text: &str) -> Result<TextId> {
        if let Some(id) = self.names.text_id(text) {
            return Ok(id);
        }
        if let Some(id) = self.local.borrow().text_ids.get(text) {
            return Ok(*id);
        }
        let p = self.path.clone();
        let found = {
            let ids = self
                .txn
                .open_table(STRING_IDS)
                .map_err(|e| from_redb(&p, e))?;
            ids.get(text)
                .map_err(|e| from_redb(&p, e))?
                .map(|g| g.value())
        };
        let id = match found {
            Some(id) => id,
            None => {
                let mut texts = self.txn.open_table(STRINGS).map_err(|e| from_redb(&p, e))?;
                let next = match self.local.borrow().next_text {
                    Some(next) => next,
                    None => texts
                        .last()
                        .map_err(|e| from_redb(&p, e))?
                        .map_or(0, |(k, _)| k.value() + 1),
                };
                let after = next
                    .checked_add(1)
                    .ok_or_else(|| StoreError::Invalid("Sổ đã hết số cho bảng chuỗi".into()))?;
                texts.insert(next, text).map_err(|e| from_redb(&p, e))?;
                drop(texts);
                self.txn
                    .open_table(STRING_IDS)
                    .map_err(|e| from_redb(&p, e))?
                    .insert(text, next)
                    .map_err(|e| from_redb(&p, e))?;
                self.local.borrow_mut().next_text = Some(after);
                next
            }
        };
        let mut local = self.local.borrow_mut();
        local.text_ids.insert(text.to_string(), id);
        local.texts.insert(id, Arc::from(text));
        Ok(id)
    }

    fn set_index(&mut self, id: &str, hash: &str) -> Result<(SetIndex, Arc<SetLayout>)> {
        if let Some(found) = self.names.set_index(id, hash) {
            return Ok(found);
        }
        self.read_sets()?;
        let key = (id.to_string(), hash.to_string());
        {
            let local = self.local.borrow();
            if let Some(index) = local.set_ids.get(&key)
                && let Some(layout) = local.sets.get(index)
            {
                return Ok((*index, layout.clone()));
            }
        }
        // A new row: the codes of the stored copy of the set, in order; none when the
        // register holds no copy (every value is then kept by its code).
        let codes = match self.criteria(hash)? {
            Some(set) => set.indicators().map(|i| i.code.clone()).collect(),
            None => Vec::new(),
        };
        let count = self.local.borrow().sets.len();
        let index = SetIndex::try_from(count)
            .map_err(|_| StoreError::Invalid("Sổ đã có quá nhiều phiên bản bộ tiêu chí".into()))?;
        let layout = Arc::new(SetLayout::new(key.0.clone(), key.1.clone(), codes));
        let p = self.path.clone();
        self.txn
            .open_table(CRITERIA_REFS)
            .map_err(|e| from_redb(&p, e))?
            .insert(index, codec::encode_criteria_ref(&layout).as_slice())
            .map_err(|e| from_redb(&p, e))?;
        let mut local = self.local.borrow_mut();
        local.set_ids.insert(key, index);
        local.sets.insert(index, layout.clone());
        Ok((index, layout))
    }
}
