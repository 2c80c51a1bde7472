//! What an import needs to know about the register while it plans: the units of the kind
//! being imported by code, the communities and clans a household file may name (by code
//! or by name, folded), the households and organisations a citizen file may point to, and
//! which codes are taken, so generated codes never collide with the register or with a
//! code written further down the same file.

use crate::model::{Unit, UnitId, UnitKind};
use crate::store::{Reader, StoreError};
use crate::text::fold;
// Keys are codes and names from the file: foldhash, not SipHash, which was a tenth of
// planning (the maps are per import, and its seed is random per process).
use foldhash::{HashMap, HashSet};

/// A unit a row points to: already in the register, or the n-th unit this import creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Ref {
    Existing(UnitId),
    New(usize),
}

/// Units of one kind that rows may point to, by code and by folded name.
#[derive(Debug, Default)]
pub struct NamedIndex {
    by_code: HashMap<String, Ref>,
    by_name: HashMap<String, Ref>,
    taken: HashSet<String>,
    next_number: u32,
    created: Vec<Unit>,
    /// Each unit's folded names and the name shown for it, to tell whether a row's
    /// name cell agrees with its code cell.
    names_of: HashMap<Ref, (Vec<String>, String)>,
    /// Names as files spell them, already found by [`NamedIndex::by_name`].
    spelled: HashMap<String, Ref>,
    /// Code and name cells already found to agree, keyed by [`pair_key`], with the unit
    /// they name. A file repeats its thôn's or clan's pair on every row; folding the
    /// name and looking the code and the unit's names up again for each row cost more per
    /// row the more units there were, as those lookups outgrew the CPU caches.
    agreed: HashMap<String, Ref>,
    /// The key being looked up in `agreed`, kept so that a lookup allocates nothing.
    probe: String,
}

/// The key of a code cell and a name cell in [`NamedIndex::agreed`]: the code's length
/// first, so that no two pairs make the same key.
fn pair_key(into: &mut String, code: &str, name: &str) {
    use std::fmt::Write as _;
    into.clear();
    let _ = write!(into, "{}:", code.len());
    into.push_str(code);
    into.push_str(name);
}

/// The digits a generated code carries (TH001, HO00001): enough for a large commune.
fn code_width(kind: UnitKind) -> usize {
    match kind {
        UnitKind::Household | UnitKind::Citizen => 5,
        _ => 3,
    }
}

fn generated_number(kind: UnitKind, code: &str) -> Option<u32> {
    let digits = code.strip_prefix(kind.code_prefix())?;
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    digits.parse().ok()
}

/// The next free generated code of `kind`, skipping any code already taken. Numbers only
/// go up, so the search ends at the largest number a code can carry: a register or file
/// holding `HO4294967295` makes generation fail with a message instead of spinning.
fn next_code(
    kind: UnitKind,
    next_number: &mut u32,
    taken: &HashSet<String>,
) -> Result<String, String> {
    loop {
        let Some(number) = next_number.checked_add(1) else {
            return Err(exhausted(kind));
        };
        *next_number = number;
        let code = format!(
            "{}{:0width$}",
            kind.code_prefix(),
            number,
            width = code_width(kind)
        );
        if !taken.contains(&code) {
            return Ok(code);
        }
    }
}

/// Why no code could be generated, in the officer's words.
pub fn exhausted(kind: UnitKind) -> String {
    format!(
        "không tạo được mã mới: đã có mã {}{}, số lớn nhất mà mã tự sinh có thể mang; hãy ghi mã cho dòng này (hoặc sửa mã quá lớn kia)",
        kind.code_prefix(),
        u32::MAX
    )
}

impl NamedIndex {
    fn load(reader: &Reader, kind: UnitKind) -> Result<NamedIndex, StoreError> {
        let mut index = NamedIndex::default();
        for (id, unit) in reader.units(kind)? {
            index.add(&unit, Ref::Existing(id));
        }
        Ok(index)
    }

    fn add(&mut self, unit: &Unit, r: Ref) {
        let code = unit.code().to_string();
        if let Some(n) = generated_number(unit.kind(), &code) {
            self.next_number = self.next_number.max(n);
        }
        self.by_code.insert(code.clone(), r);
        self.taken.insert(code);
        let names = match unit {
            Unit::Community(c) => vec![fold(&c.name), fold(&unit.display_name())],
            Unit::Clan(c) if c.branch.is_none() => vec![fold(&c.name)],
            _ => vec![fold(&unit.display_name())],
        };
        for name in &names {
            self.by_name.entry(name.clone()).or_insert(r);
        }
        // A clan registered by branch is still rightly named by its family name alone
        // next to its code ("DH1", "Nguyễn" for "Nguyễn (chi 2)").
        let mut accepted = names;
        if let Unit::Clan(c) = unit {
            accepted.push(fold(&c.name));
        }
        self.names_of.insert(r, (accepted, unit.display_name()));
    }

    /// Whether `name` (as a file spells it) is a name of the unit `r`, or its code.
    /// `Err` holds the unit's name when it is not.
    pub fn check_name(&self, r: Ref, name: &str) -> Result<(), String> {
        let Some((names, shown)) = self.names_of.get(&r) else {
            return Ok(());
        };
        let folded = fold(name);
        if names.contains(&folded) || self.by_code(name) == Some(r) {
            Ok(())
        } else {
            Err(shown.clone())
        }
    }

    /// The unit `code` names, when a row before paired this code with this name and
    /// [`NamedIndex::agree`] found them to agree.
    pub fn agreed(&mut self, code: &str, name: &str) -> Option<Ref> {
        pair_key(&mut self.probe, code, name);
        self.agreed.get(self.probe.as_str()).copied()
    }

    /// [`NamedIndex::check_name`] for the unit `r` that `code` names, remembering an
    /// agreement for [`NamedIndex::agreed`]. It holds for the rest of the import: a code
    /// keeps its unit (codes are only added, never reassigned) and a unit its names.
    pub fn agree(&mut self, code: &str, r: Ref, name: &str) -> Result<(), String> {
        pair_key(&mut self.probe, code, name);
        if self.agreed.get(self.probe.as_str()) == Some(&r) {
            return Ok(());
        }
        self.check_name(r, name)?;
        self.agreed.insert(self.probe.clone(), r);
        Ok(())
    }

    pub fn by_code(&self, code: &str) -> Option<Ref> {
        self.by_code.get(code).copied()
    }

    /// By folded name, or by code when the cell holds a code.
    pub fn by_name(&mut self, name: &str) -> Option<Ref> {
        // A file names its few thôn and clans over and over: each spelling is folded
        // once. Only a hit by name is kept, since a name never changes its unit (`add`
        // keeps the first) while a miss may become a hit when the import creates it.
        if let Some(&r) = self.spelled.get(name) {
            return Some(r);
        }
        match self.by_name.get(&fold(name)).copied() {
            Some(r) => {
                self.spelled.insert(name.to_string(), r);
                Some(r)
            }
            None => self.by_code(name),
        }
    }

    /// Adds a unit this import creates; a unit without a code gets a generated one. Fails
    /// (with the reason) only when no code is left to generate.
    pub fn create(&mut self, mut unit: Unit) -> Result<Ref, String> {
        if unit.code().is_empty() {
            unit.meta_mut().code = next_code(unit.kind(), &mut self.next_number, &self.taken)?;
        }
        let r = Ref::New(self.created.len());
        self.add(&unit, r);
        self.created.push(unit);
        Ok(r)
    }

    pub fn reserve(&mut self, code: &str) {
        self.taken.insert(code.to_string());
    }

    /// The units this import creates, in the order they were created.
    pub fn created(&self) -> &[Unit] {
        &self.created
    }
}

/// Everything a plan looks up.
#[derive(Debug, Default)]
pub struct Lookup {
    kind: Option<UnitKind>,
    existing: HashMap<String, (UnitId, Unit)>,
    /// Codes written in the file, and where each was first seen while planning, as long
    /// as they come in increasing order (a list exported by this program is sorted by
    /// code): a code after the last one cannot have been seen, so nothing is looked up.
    /// The first code out of order moves them all to `seen`, used from then on. The map's
    /// accesses are random and, past the CPU caches, cost more per row the more rows
    /// there are (a sixth of an import's extra time per row at 200,000 households).
    seen_in_order: Vec<(String, u64)>,
    /// Codes written in the file, and where each was first seen, once they came out of
    /// order.
    seen: HashMap<String, u64>,
    /// The file's row count, to size `seen` once.
    rows: usize,
    taken: HashSet<String>,
    next_number: u32,
    pub communities: NamedIndex,
    pub clans: NamedIndex,
    pub organisations: NamedIndex,
    pub households: HashMap<String, UnitId>,
}

impl Lookup {
    pub fn load(reader: &Reader, kind: UnitKind) -> Result<Lookup, StoreError> {
        let mut lookup = Lookup {
            kind: Some(kind),
            ..Lookup::default()
        };
        for (id, unit) in reader.units(kind)? {
            let code = unit.code().to_string();
            if let Some(n) = generated_number(kind, &code) {
                lookup.next_number = lookup.next_number.max(n);
            }
            lookup.taken.insert(code.clone());
            lookup.existing.insert(code, (id, unit));
        }
        match kind {
            UnitKind::Household => {
                lookup.communities = NamedIndex::load(reader, UnitKind::Community)?;
                lookup.clans = NamedIndex::load(reader, UnitKind::Clan)?;
            }
            UnitKind::Citizen => {
                lookup.organisations = NamedIndex::load(reader, UnitKind::Organisation)?;
                lookup.households = reader
                    .units(UnitKind::Household)?
                    .into_iter()
                    .map(|(id, u)| (u.code().to_string(), id))
                    .collect();
            }
            _ => {}
        }
        Ok(lookup)
    }

    /// Marks a code written somewhere in the file as taken before any code is generated.
    pub fn reserve(&mut self, code: &str) {
        self.taken.insert(code.to_string());
    }

    /// The unit of the imported kind with this code, if the register has one.
    pub fn existing(&self, code: &str) -> Option<&(UnitId, Unit)> {
        self.existing.get(code)
    }

    /// Makes room for the codes of `rows` rows, so the codes seen are not grown (and
    /// rehashed) a dozen times over a large file.
    pub fn expect_rows(&mut self, rows: usize) {
        self.rows = rows;
        self.seen_in_order.reserve(rows);
    }

    /// Records that `line` uses `code`; returns the earlier line if the file repeats it.
    pub fn first_use(&mut self, code: &str, line: u64) -> Option<u64> {
        let in_order = self.seen.is_empty()
            && self
                .seen_in_order
                .last()
                .is_none_or(|(last, _)| code > last.as_str());
        if in_order {
            self.seen_in_order.push((code.to_string(), line));
            return None;
        }
        if !self.seen_in_order.is_empty() {
            let before = std::mem::take(&mut self.seen_in_order);
            self.seen.reserve(self.rows.max(before.len() + 1));
            self.seen.extend(before);
        }
        // One hash per row: a file's codes are nearly all new, so the copy is kept.
        match self.seen.entry(code.to_string()) {
            std::collections::hash_map::Entry::Occupied(e) => Some(*e.get()),
            std::collections::hash_map::Entry::Vacant(e) => {
                e.insert(line);
                None
            }
        }
    }

    /// A fresh code for a row that has none; the reason when none is left.
    pub fn generate_code(&mut self) -> Result<String, String> {
        let kind = self.kind.unwrap_or(UnitKind::Household);
        let code = next_code(kind, &mut self.next_number, &self.taken)?;
        self.taken.insert(code.clone());
        Ok(code)
    }

    pub fn into_new_units(self) -> (Vec<Unit>, Vec<Unit>) {
        (self.communities.created, self.clans.created)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_and_name_pair_is_remembered_only_when_they_agree() {
        let mut thon = NamedIndex::default();
        let unit = crate::exchange::rows_community::from_name("TH001".into(), "Thôn Đông", 2025);
        let Ok(r) = thon.create(unit) else {
            panic!("a unit with a code is always created");
        };
        assert_eq!(thon.agreed("TH001", "Thôn Đông"), None);
        assert_eq!(thon.agree("TH001", r, "thôn đông"), Ok(()));
        assert_eq!(thon.agreed("TH001", "thôn đông"), Some(r));
        // Another spelling is checked again; a disagreement is never remembered.
        assert!(thon.agree("TH001", r, "Thôn Tây").is_err());
        assert_eq!(thon.agreed("TH001", "Thôn Tây"), None);
        assert!(thon.agree("TH001", r, "Thôn Tây").is_err());
        // The key tells "TH0" + "01…" from "TH001" + "…".
        assert_eq!(thon.agreed("TH0", "01thôn đông"), None);
    }

    #[test]
    fn a_repeated_code_is_found_in_order_out_of_order_and_after() {
        let mut lookup = Lookup::default();
        lookup.expect_rows(8);
        assert_eq!(lookup.first_use("HO00001", 2), None);
        assert_eq!(lookup.first_use("HO00002", 3), None);
        assert_eq!(lookup.first_use("HO00009", 4), None);
        // The last code again, then an earlier one: both were seen.
        assert_eq!(lookup.first_use("HO00009", 5), Some(4));
        assert_eq!(lookup.first_use("HO00001", 6), Some(2));
        // Out of order and new, then codes after the last again.
        assert_eq!(lookup.first_use("HO00005", 7), None);
        assert_eq!(lookup.first_use("HO00005", 8), Some(7));
        assert_eq!(lookup.first_use("HO00010", 9), None);
        assert_eq!(lookup.first_use("HO00002", 10), Some(3));
        let mut lookup = Lookup::default();
        assert_eq!(lookup.first_use("B", 2), None);
        assert_eq!(lookup.first_use("A", 3), None);
        assert_eq!(lookup.first_use("B", 4), Some(2));
    }

    #[test]
    fn the_largest_code_ends_generation_with_a_message_instead_of_a_loop() {
        let mut taken = HashSet::default();
        taken.insert(format!("HO{}", u32::MAX));
        let mut next = u32::MAX - 1;
        // HO4294967295 is taken and nothing follows it: an error, at once.
        let Err(reason) = next_code(UnitKind::Household, &mut next, &taken) else {
            panic!("a code was generated past the largest number");
        };
        assert!(reason.contains("HO4294967295"), "{reason}");
        let mut next = u32::MAX;
        assert!(next_code(UnitKind::Community, &mut next, &HashSet::default()).is_err());
        let mut next = 0;
        assert_eq!(
            next_code(UnitKind::Community, &mut next, &HashSet::default()),
            Ok("TH001".to_string())
        );
    }
}
