//! The in-memory row model of one unit list. Built once per kind from one read of the
//! register: every row carries its display columns and a search key folded once, and
//! rows are kept in Vietnamese order. Filtering walks only these rows (and narrows the
//! previous result while the officer keeps typing), and rendering draws only the
//! visible page, so 150,000 citizens stay responsive.

use crate::model::{Affiliation, Title, Unit, UnitId, UnitKind};
use crate::store::{Reader, Result, Walk};
use crate::tally::{Census, Status};
use crate::text::safe::escape;
use crate::text::{collation_key, fold, matches_word, person_sort_key};
use std::collections::HashMap;

/// One unit as its list shows and searches it. The texts live in one allocation (code,
/// name, the middle columns, then the search key), so a list of 150,000 citizens costs
/// one small block per row instead of six (issue 17: the lists held 130–165 MB).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: UnitId,
    /// The community the unit belongs to, for the community filter.
    pub community: Option<UnitId>,
    /// The year the unit left the commune, if it did (the "Đã rời xã" filter).
    pub left: Option<crate::model::Year>,
    /// Where the code, the name and each middle column end in `text`; the search key is
    /// the rest.
    ends: [u32; 2 + MAX_EXTRA],
    extras: u8,
    text: Box<str>,
}

/// The most middle columns a kind has (see [`extra_columns`]).
const MAX_EXTRA: usize = 2;

impl Row {
    /// A row from its texts; `search` is `fold(code name extras)`, computed once. Middle
    /// columns past [`MAX_EXTRA`] are not kept.
    pub fn new(
        id: UnitId,
        code: &str,
        name: &str,
        extra: &[String],
        community: Option<UnitId>,
        search: &str,
        left: Option<crate::model::Year>,
    ) -> Row {
        let extra = extra.get(..MAX_EXTRA).unwrap_or(extra);
        let mut text = String::with_capacity(
            code.len() + name.len() + extra.iter().map(String::len).sum::<usize>() + search.len(),
        );
        let mut ends = [0u32; 2 + MAX_EXTRA];
        let end = |text: &String| u32::try_from(text.len()).unwrap_or(u32::MAX);
        for (slot, part) in ends.iter_mut().zip(
            [code, name]
                .into_iter()
                .chain(extra.iter().map(String::as_str)),
        ) {
            text.push_str(part);
            *slot = end(&text);
        }
        text.push_str(search);
        Row {
            id,
            community,
            left,
            ends,
            extras: u8::try_from(extra.len()).unwrap_or(0),
            text: text.into_boxed_str(),
        }
    }

    /// The `i`-th part of `text` (0 code, 1 name, 2… the middle columns).
    fn part(&self, i: usize) -> &str {
        let start = i.checked_sub(1).and_then(|p| self.ends.get(p)).copied();
        let end = self.ends.get(i).copied();
        match (start.unwrap_or(0), end) {
            (start, Some(end)) => self.text.get(start as usize..end as usize).unwrap_or(""),
            _ => "",
        }
    }

    pub fn code(&self) -> &str {
        self.part(0)
    }

    pub fn name(&self) -> &str {
        self.part(1)
    }

    /// The kind-specific middle columns (community, counts, …), already formatted.
    pub fn extra(&self) -> impl Iterator<Item = &str> {
        (2..2 + usize::from(self.extras)).map(|i| self.part(i))
    }

    /// `fold(code name extras)`, computed once.
    pub fn search(&self) -> &str {
        let start = self
            .ends
            .get(1 + usize::from(self.extras))
            .copied()
            .unwrap_or(0);
        self.text.get(start as usize..).unwrap_or("")
    }
}

/// Names the rows need that live in other units (a household's community name).
#[derive(Debug, Default)]
pub struct Lookup {
    pub community_names: HashMap<UnitId, String>,
    pub household_community: HashMap<UnitId, UnitId>,
}

impl Lookup {
    pub fn load(reader: &Reader, kind: UnitKind) -> Result<Lookup> {
        let mut lookup = Lookup::default();
        if matches!(kind, UnitKind::Household | UnitKind::Citizen) {
            reader.each_unit(UnitKind::Community, &mut |id, unit| {
                // "Thôn Đông", "Tổ dân phố 1": the kind makes a bare number readable.
                lookup.community_names.insert(id, unit.display_name());
                Walk::Continue(())
            })?;
        }
        if kind == UnitKind::Citizen {
            reader.each_unit(UnitKind::Household, &mut |id, unit| {
                if let Unit::Household(h) = unit {
                    lookup.household_community.insert(id, h.community);
                }
                Walk::Continue(())
            })?;
        }
        Ok(lookup)
    }
}

/// Column headings and widths of the middle columns, per kind. The code, name and
/// status columns are shared; the sum fits 80 columns.
pub fn extra_columns(kind: UnitKind) -> &'static [Column] {
    const fn col(heading: &'static str, width: usize, numeric: bool) -> Column {
        Column {
            heading,
            width,
            numeric,
        }
    }
    const COMMUNITY: &[Column] = &[col("Loại", 12, false)];
    const HOUSEHOLD: &[Column] = &[col("Thôn", 14, false), col("NK", 3, true)];
    const CLAN: &[Column] = &[col("Trưởng họ", 16, false)];
    const ORGANISATION: &[Column] = &[col("Loại", 12, false), col("CB", 4, true)];
    const CITIZEN: &[Column] = &[col("Sinh", 4, true), col("Thôn", 12, false)];
    match kind {
        UnitKind::Community => COMMUNITY,
        UnitKind::Household => HOUSEHOLD,
        UnitKind::Clan => CLAN,
        UnitKind::Organisation => ORGANISATION,
        UnitKind::Citizen => CITIZEN,
    }
}

/// A kind-specific column: numbers are right-aligned.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub heading: &'static str,
    pub width: usize,
    pub numeric: bool,
}

/// The parts of a code joined by `-`, each a word of the search key followed by a space
/// (empty for a code without one): a unit merged in from a former commune is
/// `YENMO-DHNGUYEN`, and its old code `DHNGUYEN`, letters only, must still begin a word
/// to be found (a word with digits is found anywhere anyway).
fn code_parts(code: &str) -> String {
    if !code.contains('-') {
        return String::new();
    }
    let mut parts: String = code.split('-').collect::<Vec<_>>().join(" ");
    parts.push(' ');
    parts
}

pub fn row_of(id: UnitId, unit: &Unit, lookup: &Lookup) -> Row {
    let community_name = |c: UnitId| {
        lookup
            .community_names
            .get(&c)
            .map_or_else(String::new, |n| short_community(n))
    };
    let (community, extra) = match unit {
        Unit::Community(c) => (Some(id), vec![c.kind.label().to_string()]),
        Unit::Household(h) => (
            Some(h.community),
            vec![community_name(h.community), h.members.to_string()],
        ),
        Unit::Clan(c) => (None, vec![c.head.clone()]),
        Unit::Organisation(o) => (None, vec![o.kind.label().to_string(), o.staff.to_string()]),
        Unit::Citizen(c) => {
            let community = match c.affiliation {
                Affiliation::Household(h) => lookup.household_community.get(&h).copied(),
                _ => None,
            };
            let born = c.birth_year.map(|y| y.to_string()).unwrap_or_default();
            (
                community,
                vec![born, community.map(community_name).unwrap_or_default()],
            )
        }
    };
    // A register written before control characters were refused may still hold them:
    // shown as `<U+001B>`, never sent to the terminal (the search key folds the same).
    let name = escape(&unit.display_name()).into_owned();
    let extra: Vec<String> = extra.iter().map(|e| escape(e).into_owned()).collect();
    let code = escape(unit.code()).into_owned();
    let search = fold(&format!(
        "{} {}{} {}",
        code,
        code_parts(&code),
        name,
        extra.join(" ")
    ));
    Row::new(
        id,
        &code,
        &name,
        &extra,
        community,
        &search,
        unit.meta().left,
    )
}

/// A community's name for a narrow column: the long kind words abbreviated as offices
/// write them, so "Tổ dân phố Bắc Sơn" and "Tổ dân phố Bắc Hải" do not both become
/// "Tổ dân phố Bắ…".
pub fn short_community(name: &str) -> String {
    for (long, short) in [("Tổ dân phố ", "TDP "), ("Khu phố ", "KP ")] {
        if let Some(rest) = name.strip_prefix(long) {
            return format!("{short}{rest}");
        }
    }
    name.to_string()
}

/// The key rows are ordered by: persons by given name, everything else by the name as
/// written, both in Vietnamese order; the code breaks ties.
pub fn sort_key(kind: UnitKind, row: &Row) -> (Vec<u16>, String) {
    let name = name_key(kind, row.name());
    // Codes are ASCII ("HO00012"): plain order is their natural order.
    (name, row.code().to_string())
}

/// Every unit of a kind (archived ones too: the year decides what is shown), sorted.
/// The units are read one at a time, each dropped once its row is made, so the list
/// never holds every unit record besides its rows.
pub fn load_rows(reader: &Reader, kind: UnitKind) -> Result<Vec<Row>> {
    let lookup = Lookup::load(reader, kind)?;
    let mut rows: Vec<Row> = Vec::new();
    reader.each_unit(kind, &mut |id, unit| {
        rows.push(row_of(id, &unit, &lookup));
        Walk::Continue(())
    })?;
    drop(lookup);
    let order = sorted_order(kind, &rows);
    permute(&mut rows, &order);
    Ok(rows)
}

/// The positions of `rows` in list order: by [`sort_key`], without keeping a collation
/// key per row. Full names repeat a lot in a commune: each distinct name's key is
/// computed once (most of the cost of sorting 150,000 citizens), the distinct keys are
/// sorted, and each row then sorts by its name's rank there (equal keys, equal rank)
/// and its code, which is the same order.
fn sorted_order(kind: UnitKind, rows: &[Row]) -> Vec<u32> {
    // Each row's name as an index into `distinct`: one hash per row (the rank is then
    // found by index, not by hashing the name again).
    let mut seen: HashMap<&str, u32> = HashMap::new();
    let mut distinct: Vec<(Vec<u16>, u32)> = Vec::new();
    let name_of: Vec<u32> = rows
        .iter()
        .map(|row| {
            let next = u32::try_from(distinct.len()).unwrap_or(u32::MAX);
            *seen.entry(row.name()).or_insert_with(|| {
                distinct.push((name_key(kind, row.name()), next));
                next
            })
        })
        .collect();
    drop(seen);
    distinct.sort_unstable();
    let mut rank = vec![0u32; distinct.len()];
    let mut current = 0u32;
    for (i, (key, d)) in distinct.iter().enumerate() {
        if i > 0 && distinct.get(i - 1).is_some_and(|(before, _)| before != key) {
            current += 1;
        }
        if let Some(r) = rank.get_mut(*d as usize) {
            *r = current;
        }
    }
    drop(distinct);
    let mut keyed: Vec<(u32, &str, u32)> = rows
        .iter()
        .zip(&name_of)
        .enumerate()
        .map(|(i, (row, &d))| {
            let r = rank.get(d as usize).copied().unwrap_or(u32::MAX);
            (r, row.code(), u32::try_from(i).unwrap_or(u32::MAX))
        })
        .collect();
    drop(rank);
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, _, i)| i).collect()
}

/// Reorders `rows` in place so that row `k` is the one that was at `order[k]`.
fn permute(rows: &mut [Row], order: &[u32]) {
    let mut done = vec![false; rows.len()];
    for start in 0..rows.len() {
        if done.get(start).copied().unwrap_or(true) {
            continue;
        }
        let mut k = start;
        loop {
            if let Some(d) = done.get_mut(k) {
                *d = true;
            }
            let from = order.get(k).map_or(start, |&f| f as usize);
            if from == start || from >= rows.len() {
                break;
            }
            rows.swap(k, from);
            k = from;
        }
    }
}

fn name_key(kind: UnitKind, name: &str) -> Vec<u16> {
    if matches!(kind, UnitKind::Household | UnitKind::Citizen) {
        person_sort_key(name)
    } else {
        collation_key(name)
    }
}

/// Puts `row` where it belongs in sorted `rows`, replacing the row with the same id.
pub fn upsert(rows: &mut Vec<Row>, kind: UnitKind, row: Row) {
    rows.retain(|r| r.id != row.id);
    let key = sort_key(kind, &row);
    let at = rows.partition_point(|r| sort_key(kind, r) < key);
    rows.insert(at, row);
}

/// The status filter: where a unit stands this year for its kind's title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StageFilter {
    #[default]
    All,
    NotRegistered,
    Registered,
    Failing,
    Passed,
    Recognised,
}

impl StageFilter {
    pub fn next(self) -> StageFilter {
        match self {
            StageFilter::All => StageFilter::NotRegistered,
            StageFilter::NotRegistered => StageFilter::Registered,
            StageFilter::Registered => StageFilter::Failing,
            StageFilter::Failing => StageFilter::Passed,
            StageFilter::Passed => StageFilter::Recognised,
            StageFilter::Recognised => StageFilter::All,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            StageFilter::All => "Tất cả",
            StageFilter::NotRegistered => "Chưa đăng ký",
            StageFilter::Registered => "Đang chấm",
            StageFilter::Failing => "Chưa đạt",
            StageFilter::Passed => "Đạt, chờ QĐ",
            StageFilter::Recognised => "Đã công nhận",
        }
    }

    pub fn admits(self, s: Status) -> bool {
        match self {
            StageFilter::All => true,
            StageFilter::NotRegistered => !s.registered,
            StageFilter::Registered => s.registered && !s.scored,
            StageFilter::Failing => s.scored && !s.passed,
            StageFilter::Passed => s.passed && !s.recognised,
            StageFilter::Recognised => s.recognised,
        }
    }
}

/// A unit's standing, as the list and detail show it: a symbol (so it never rests on
/// colour) and a word. ASCII symbols for consoles without glyphs.
pub fn status_label(s: Status, ascii: bool) -> (&'static str, &'static str) {
    let (unicode, plain, text) = if s.recognised {
        ("★", "*", "Đã công nhận")
    } else if s.passed {
        ("✓", "+", "Đạt, chờ QĐ")
    } else if s.scored {
        ("✗", "x", "Chưa đạt")
    } else if s.registered {
        ("○", "o", "Đang chấm")
    } else {
        ("·", ".", "Chưa đăng ký")
    };
    (if ascii { plain } else { unicode }, text)
}

/// Everything that decides which rows show, besides the rows themselves.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Filter {
    /// The folded words of the search box.
    pub words: Vec<String>,
    pub community: Option<UnitId>,
    pub stage: StageFilter,
    pub unscored: bool,
    /// Show the units that left the commune (in any year) instead of this year's.
    pub left: bool,
}

impl Filter {
    pub fn set_query(&mut self, query: &str) {
        // `text::matches_query` folds its query on every call; a list folds it once per
        // keystroke instead and applies the same rule (`text::matches_word`).
        self.words = fold(query)
            .split(' ')
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect();
    }

    /// Whether anything narrows the list (search words or a filter).
    pub fn is_on(&self) -> bool {
        !self.words.is_empty()
            || self.community.is_some()
            || self.stage != StageFilter::All
            || self.unscored
            || self.left
    }

    /// Whether `self` can only show a subset of what `previous` showed, so the old
    /// result can be narrowed instead of rescanning every row.
    pub fn narrows(&self, previous: &Filter) -> bool {
        self.community == previous.community
            && self.left == previous.left
            && self.stage == previous.stage
            && self.unscored == previous.unscored
            && previous.words.len() <= self.words.len()
            && previous
                .words
                .iter()
                .zip(&self.words)
                .all(|(old, new)| new.starts_with(old.as_str()))
    }

    pub fn admits(&self, row: &Row, kind: UnitKind, census: &Census) -> bool {
        // Cheapest tests first: the words and the community before the hash lookups.
        if !self.words.iter().all(|w| matches_word(row.search(), w)) {
            return false;
        }
        if self.community.is_some() && row.community != self.community {
            return false;
        }
        // Those that left are listed whatever the year (one that entered and left in
        // the same year is active in none, and must stay findable); their standing in
        // this year's census does not apply.
        if self.left {
            return row.left.is_some();
        }
        if !census.is_active(kind, row.id) {
            return false;
        }
        if self.stage == StageFilter::All && !self.unscored {
            return true;
        }
        let status = census.status(Title::for_kind(kind), row.id);
        self.stage.admits(status) && (!self.unscored || !status.scored)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::matches_query;

    fn row(name: &str) -> Row {
        Row::new(
            1,
            "HO1",
            name,
            &[],
            None,
            &fold(&format!("HO1 {name}")),
            None,
        )
    }

    #[test]
    fn the_filter_agrees_with_matches_query() {
        let r = row("Nguyễn Văn Đạt");
        for query in [
            "nguyen van dat",
            "DAT nguyen",
            "đạt",
            "d",
            "van  an",
            "xyz",
            "",
        ] {
            let mut f = Filter::default();
            f.set_query(query);
            let ours = f.words.iter().all(|w| matches_word(r.search(), w));
            assert_eq!(ours, matches_query(r.search(), query), "{query}");
        }
    }

    #[test]
    fn a_merged_unit_is_found_by_its_old_code_and_its_former_commune() {
        let lookup = Lookup::default();
        let clan = Unit::Clan(crate::model::Clan {
            meta: crate::model::UnitMeta {
                code: "YENMO-DHNGUYEN".into(),
                entered: 2025,
                left: None,
            },
            name: "Họ Nguyễn".into(),
            branch: None,
            head: String::new(),
            note: String::new(),
        });
        let r = row_of(1, &clan, &lookup);
        for query in ["dhnguyen", "yenmo", "yenmo-dhnguyen", "nguyen"] {
            assert!(matches_query(r.search(), query), "{query}");
        }
        assert!(!matches_query(r.search(), "hnguyen"));
    }

    #[test]
    fn typing_more_narrows_and_deleting_does_not() {
        let mut a = Filter::default();
        a.set_query("ngu");
        let mut b = a.clone();
        b.set_query("nguyen v");
        assert!(b.narrows(&a));
        assert!(!a.narrows(&b));
        let mut c = b.clone();
        c.stage = StageFilter::Passed;
        assert!(!c.narrows(&b));
    }

    #[test]
    fn loading_sorts_as_sort_key_does() {
        let names = [
            "Trần Văn Đức",
            "Nguyễn Thị Dung",
            "Lê Văn An",
            "Lê Văn  An",
            "lê văn an",
            "Đỗ Ánh",
            "Ánh",
            "Nguyễn Thị Dung",
        ];
        for kind in [UnitKind::Citizen, UnitKind::Clan] {
            let mut rows: Vec<Row> = (0..200u32)
                .map(|i| {
                    let name = names[(i as usize * 7) % names.len()];
                    let code = format!("X{:03}", (i * 37) % 200);
                    Row::new(i, &code, name, &[], None, &fold(name), None)
                })
                .collect();
            let mut expected = rows.clone();
            expected.sort_by_cached_key(|r| sort_key(kind, r));
            let order = sorted_order(kind, &rows);
            permute(&mut rows, &order);
            assert_eq!(rows, expected);
        }
    }

    #[test]
    fn a_row_gives_back_its_texts() {
        let r = Row::new(
            3,
            "HO7",
            "Lê Thị Ánh",
            &["Thôn 2".to_string(), "4".to_string()],
            Some(2),
            "ho7 le thi anh thon 2 4",
            Some(2024),
        );
        assert_eq!(r.code(), "HO7");
        assert_eq!(r.name(), "Lê Thị Ánh");
        assert_eq!(r.extra().collect::<Vec<_>>(), ["Thôn 2", "4"]);
        assert_eq!(r.search(), "ho7 le thi anh thon 2 4");
        let bare = Row::new(1, "", "", &[], None, "", None);
        assert_eq!((bare.code(), bare.name(), bare.search()), ("", "", ""));
        assert_eq!(bare.extra().count(), 0);
    }

    #[test]
    fn persons_sort_by_given_name_in_vietnamese_order() {
        let mut rows = [
            row("Trần Văn Đức"),
            row("Nguyễn Thị Dung"),
            row("Lê Văn An"),
        ];
        rows.sort_by_cached_key(|r| sort_key(UnitKind::Citizen, r));
        let names: Vec<&str> = rows.iter().map(Row::name).collect();
        assert_eq!(names, ["Lê Văn An", "Nguyễn Thị Dung", "Trần Văn Đức"]);
    }
}
