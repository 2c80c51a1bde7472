//! What compact records (evaluation and history version 3, schema 7) refer to by number:
//! the texts of `strings_v1` and the criteria versions of `criteria_refs_v1` (see
//! [`super::records::v5`]). Both tables only grow, and a number once written always
//! means the same thing, so one [`Dictionary`] per open register caches them for every
//! reader: decoding a year of evaluations looks texts up in memory, never in the file.
//!
//! Only committed rows enter the shared cache (a reader's snapshot, or a write after its
//! commit succeeded): a write transaction that is rolled back must not leave a number in
//! it that the next write hands out for another text. A writer keeps its own additions
//! apart until then (`super::writer`).

use super::Result;
use super::codec;
use super::records::v1::Invalid;
use super::records::v5::{SetIndex, TextId};
use redb::ReadableTable;
use std::collections::HashMap;
use std::sync::{Arc, RwLock};

/// One criteria version as compact records see it: its id and content hash, and the
/// indicator codes their value slots stand for, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetLayout {
    pub id: String,
    pub hash: String,
    pub codes: Vec<String>,
    positions: HashMap<String, usize>,
}

impl SetLayout {
    pub fn new(id: String, hash: String, codes: Vec<String>) -> SetLayout {
        let mut positions = HashMap::with_capacity(codes.len());
        for (i, code) in codes.iter().enumerate() {
            // A code twice (a doctored set) keeps its first slot; the second is never used.
            positions.entry(code.clone()).or_insert(i);
        }
        SetLayout {
            id,
            hash,
            codes,
            positions,
        }
    }

    /// The slot of an indicator code; `None` for a code not in the set.
    pub fn position(&self, code: &str) -> Option<usize> {
        self.positions.get(code).copied()
    }
}

/// Looks up what a compact record refers to (for decoding).
pub trait Names {
    fn text(&self, id: TextId) -> std::result::Result<Arc<str>, Invalid>;
    fn set(&self, index: SetIndex) -> std::result::Result<Arc<SetLayout>, Invalid>;
}

/// Finds or adds the numbers a compact record refers to (for encoding, in a write).
pub trait Interner {
    fn text_id(&mut self, text: &str) -> Result<TextId>;
    fn set_index(&mut self, id: &str, hash: &str) -> Result<(SetIndex, Arc<SetLayout>)>;
}

/// No table at all: every number is unknown (decoding outside a register, in tests).
pub struct NoNames;

impl Names for NoNames {
    fn text(&self, id: TextId) -> std::result::Result<Arc<str>, Invalid> {
        Err(missing_text(id))
    }
    fn set(&self, index: SetIndex) -> std::result::Result<Arc<SetLayout>, Invalid> {
        Err(missing_set(index))
    }
}

pub(super) fn missing_text(id: TextId) -> Invalid {
    format!("không có chuỗi số {id} trong bảng chuỗi")
}

pub(super) fn missing_set(index: SetIndex) -> Invalid {
    format!("không có bộ tiêu chí số {index} trong bảng bộ tiêu chí")
}

#[derive(Default)]
struct Known {
    texts: Vec<Arc<str>>,
    text_ids: HashMap<Arc<str>, TextId>,
    sets: Vec<Arc<SetLayout>>,
    set_ids: HashMap<(String, String), SetIndex>,
}

/// The committed rows of `strings_v1` and `criteria_refs_v1` seen so far, shared by the
/// readers and writers of one open register.
#[derive(Default)]
pub struct Dictionary {
    known: RwLock<Known>,
}

impl std::fmt::Debug for Dictionary {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let (texts, sets) = self.counts();
        write!(f, "Dictionary({texts} texts, {sets} sets)")
    }
}

impl Dictionary {
    fn read(&self) -> std::sync::RwLockReadGuard<'_, Known> {
        // A panic while holding the lock left only whole rows behind (each is pushed in
        // one step), so the cache is still right.
        self.known.read().unwrap_or_else(|p| p.into_inner())
    }

    fn write(&self) -> std::sync::RwLockWriteGuard<'_, Known> {
        self.known.write().unwrap_or_else(|p| p.into_inner())
    }

    pub fn text(&self, id: TextId) -> Option<Arc<str>> {
        self.read().texts.get(id as usize).cloned()
    }

    pub fn text_id(&self, text: &str) -> Option<TextId> {
        self.read().text_ids.get(text).copied()
    }

    pub fn set(&self, index: SetIndex) -> Option<Arc<SetLayout>> {
        self.read().sets.get(usize::from(index)).cloned()
    }

    pub fn set_index(&self, id: &str, hash: &str) -> Option<(SetIndex, Arc<SetLayout>)> {
        let known = self.read();
        let index = *known.set_ids.get(&(id.to_string(), hash.to_string()))?;
        known
            .sets
            .get(usize::from(index))
            .map(|l| (index, l.clone()))
    }

    /// How many texts and criteria versions are known.
    pub fn counts(&self) -> (usize, usize) {
        let known = self.read();
        (known.texts.len(), known.sets.len())
    }

    /// Adds a committed text; only the next number in order is taken (an earlier one is
    /// known already, a later one waits until the rows before it are read).
    pub fn learn_text(&self, id: TextId, text: Arc<str>) {
        let mut known = self.write();
        if id as usize == known.texts.len() {
            known.text_ids.entry(text.clone()).or_insert(id);
            known.texts.push(text);
        }
    }

    /// Adds a committed criteria version, as [`Dictionary::learn_text`].
    pub fn learn_set(&self, index: SetIndex, layout: Arc<SetLayout>) {
        let mut known = self.write();
        if usize::from(index) == known.sets.len() {
            known
                .set_ids
                .entry((layout.id.clone(), layout.hash.clone()))
                .or_insert(index);
            known.sets.push(layout);
        }
    }

    /// Reads the rows of a snapshot's tables beyond those known.
    pub fn load(
        &self,
        texts: Option<&impl ReadableTable<u32, &'static str>>,
        sets: Option<&impl ReadableTable<u16, &'static [u8]>>,
    ) -> std::result::Result<(), Invalid> {
        let (known_texts, known_sets) = self.counts();
        if let Some(t) = texts {
            let from = u32::try_from(known_texts).unwrap_or(u32::MAX);
            for item in t.range(from..).map_err(|e| e.to_string())? {
                let (k, v) = item.map_err(|e| e.to_string())?;
                self.learn_text(k.value(), Arc::from(v.value()));
            }
        }
        if let Some(t) = sets {
            let from = u16::try_from(known_sets).unwrap_or(u16::MAX);
            for item in t.range(from..).map_err(|e| e.to_string())? {
                let (k, v) = item.map_err(|e| e.to_string())?;
                let layout = codec::decode_criteria_ref(v.value()).map_err(|e| e.to_string())?;
                self.learn_set(k.value(), Arc::new(layout));
            }
        }
        Ok(())
    }
}

/// A shared cache, for a register's readers and writers.
pub type SharedDictionary = Arc<Dictionary>;

/// Texts and criteria versions held in memory only: for encoding and decoding records
/// outside a write (tests, tools reading a register file directly). New numbers are
/// handed out after the ones loaded; the codes of a new criteria version come from the
/// stored sets loaded with [`MemoryNames::load`].
#[derive(Debug, Default)]
pub struct MemoryNames {
    texts: Vec<Arc<str>>,
    text_ids: HashMap<String, TextId>,
    sets: Vec<Arc<SetLayout>>,
    set_ids: HashMap<(String, String), SetIndex>,
    codes: HashMap<String, Vec<String>>,
}

impl MemoryNames {
    /// Everything a register file's snapshot holds: its texts, its criteria rows and the
    /// indicator codes of every stored criteria set.
    pub fn load(txn: &redb::ReadTransaction) -> std::result::Result<MemoryNames, Invalid> {
        use super::tables::{CRITERIA, CRITERIA_REFS, STRINGS};
        let mut names = MemoryNames::default();
        if let Ok(t) = txn.open_table(STRINGS) {
            for item in t.iter().map_err(|e| e.to_string())? {
                let (_, v) = item.map_err(|e| e.to_string())?;
                names.push_text(v.value());
            }
        }
        if let Ok(t) = txn.open_table(CRITERIA_REFS) {
            for item in t.iter().map_err(|e| e.to_string())? {
                let (_, v) = item.map_err(|e| e.to_string())?;
                let layout = codec::decode_criteria_ref(v.value()).map_err(|e| e.to_string())?;
                names.push_set(layout);
            }
        }
        if let Ok(t) = txn.open_table(CRITERIA) {
            for item in t.iter().map_err(|e| e.to_string())? {
                let (k, v) = item.map_err(|e| e.to_string())?;
                let set = codec::decode_criteria(v.value()).map_err(|e| e.to_string())?;
                names.codes.insert(
                    k.value().to_string(),
                    set.indicators().map(|i| i.code.clone()).collect(),
                );
            }
        }
        Ok(names)
    }

    /// Makes the indicator codes of `set` known under `hash`, for new criteria rows.
    pub fn add_criteria(&mut self, hash: &str, set: &crate::criteria::CriteriaSet) {
        self.codes.insert(
            hash.to_string(),
            set.indicators().map(|i| i.code.clone()).collect(),
        );
    }

    fn push_text(&mut self, text: &str) -> TextId {
        let id = TextId::try_from(self.texts.len()).unwrap_or(TextId::MAX);
        self.text_ids.entry(text.to_string()).or_insert(id);
        self.texts.push(Arc::from(text));
        id
    }

    fn push_set(&mut self, layout: SetLayout) -> SetIndex {
        let index = SetIndex::try_from(self.sets.len()).unwrap_or(SetIndex::MAX);
        self.set_ids
            .entry((layout.id.clone(), layout.hash.clone()))
            .or_insert(index);
        self.sets.push(Arc::new(layout));
        index
    }
}

impl Names for MemoryNames {
    fn text(&self, id: TextId) -> std::result::Result<Arc<str>, Invalid> {
        self.texts
            .get(id as usize)
            .cloned()
            .ok_or_else(|| missing_text(id))
    }

    fn set(&self, index: SetIndex) -> std::result::Result<Arc<SetLayout>, Invalid> {
        self.sets
            .get(usize::from(index))
            .cloned()
            .ok_or_else(|| missing_set(index))
    }
}

impl Interner for MemoryNames {
    fn text_id(&mut self, text: &str) -> Result<TextId> {
        Ok(match self.text_ids.get(text) {
            Some(id) => *id,
            None => self.push_text(text),
        })
    }

    fn set_index(&mut self, id: &str, hash: &str) -> Result<(SetIndex, Arc<SetLayout>)> {
        let index = match self.set_ids.get(&(id.to_string(), hash.to_string())) {
            Some(index) => *index,
            None => {
                let codes = self.codes.get(hash).cloned().unwrap_or_default();
                self.push_set(SetLayout::new(id.to_string(), hash.to_string(), codes))
            }
        };
        let layout = self.set(index).map_err(super::StoreError::Invalid)?;
        Ok((index, layout))
    }
}
