//! Criteria identities in JSON archives written by older versions. An archive of a
//! schema-1 register names its criteria sets by their schema-1 hash
//! ([`crate::store::legacy_content_hash`]); on reading, each such hash is renamed to the
//! set's canonical identity throughout the archive (the sets, the evaluations and the
//! history), exactly as migration 001 does in a register. A hash that is neither is
//! left as it is, for [`super::archive_json::validate`] to refuse: it does not identify
//! the set it labels.

use super::archive_json::Archive;
use std::collections::HashMap;

/// Renames schema-1 identities to canonical ones throughout the archive.
pub fn upgrade_criteria_identities(archive: &mut Archive) {
    let mut renamed: HashMap<String, String> = HashMap::new();
    for c in &mut archive.criteria {
        let canonical = c.set.content_hash();
        if c.hash != canonical && c.hash == crate::store::legacy_content_hash(&c.set) {
            renamed.insert(std::mem::replace(&mut c.hash, canonical.clone()), canonical);
        }
    }
    if renamed.is_empty() {
        return;
    }
    for e in &mut archive.evaluations {
        if let Some(new) = renamed.get(&e.evaluation.criteria_hash) {
            e.evaluation.criteria_hash = new.clone();
        }
    }
    let rename = |old: &str| renamed.get(old).cloned();
    for h in &mut archive.history {
        h.entry.rename_criteria(&rename);
    }
}
