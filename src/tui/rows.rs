//! The in-memory row model of one unit list. Built once per kind from one read of the
//! register: every row carries its display columns and a search key folded once, and
//! rows are kept in Vietnamese order. Filtering walks only these rows (and narrows the
//! previous result while the officer keeps typing), and rendering draws only the
//! visible page, so 150,000 citizens stay responsive.

use crate::model::{Affiliation, Title, Unit, UnitId, UnitKind};
use crate::store::{Reader, Result};
use crate::tally::{Census, Status};
use crate::text::safe::escape;
use crate::text::{collation_key, fold, matches_word, person_sort_key};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    pub id: UnitId,
    pub code: String,
    pub name: String,
    /// The kind-specific middle columns (community, counts, …), already formatted.
    pub extra: Vec<String>,
    /// The community the unit belongs to, for the community filter.
    pub community: Option<UnitId>,
    /// `fold(code name extras)`, computed once.
    pub search: String,
    /// The year the unit left the commune, if it did (the "Đã rời xã" filter).
    pub left: Option<crate::model::Year>,
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
            for (id, unit) in reader.units(UnitKind::Community)? {
                // "Thôn Đông", "Tổ dân phố 1": the kind makes a bare number readable.
                lookup.community_names.insert(id, unit.display_name());
            }
        }
        if kind == UnitKind::Citizen {
            for (id, unit) in reader.units(UnitKind::Household)? {
                if let Unit::Household(h) = unit {
                    lookup.household_community.insert(id, h.community);
                }
            }
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
    Row {
        id,
        code,
        name,
        extra,
        community,
        search,
        left: unit.meta().left,
    }
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
    let name = name_key(kind, &row.name);
    // Codes are ASCII ("HO00012"): plain order is their natural order.
    (name, row.code.clone())
}

/// Every unit of a kind (archived ones too: the year decides what is shown), sorted.
pub fn load_rows(reader: &Reader, kind: UnitKind) -> Result<Vec<Row>> {
    let lookup = Lookup::load(reader, kind)?;
    let rows: Vec<Row> = reader
        .units(kind)?
        .iter()
        .map(|(id, unit)| row_of(*id, unit, &lookup))
        .collect();
    // Full names repeat a lot in a commune; computing each distinct name's collation key
    // once is most of the cost of sorting 150,000 citizens.
    let mut by_name: HashMap<&str, Vec<u16>> = HashMap::new();
    let mut keyed: Vec<(Vec<u16>, &str, usize)> = Vec::with_capacity(rows.len());
    for (i, row) in rows.iter().enumerate() {
        let key = by_name
            .entry(row.name.as_str())
            .or_insert_with(|| name_key(kind, &row.name))
            .clone();
        keyed.push((key, row.code.as_str(), i));
    }
    keyed.sort_unstable();
    let order: Vec<usize> = keyed.into_iter().map(|(_, _, i)| i).collect();
    drop(by_name);
    let mut slots: Vec<Option<Row>> = rows.into_iter().map(Some).collect();
    Ok(order
        .into_iter()
        .filter_map(|i| slots.get_mut(i).and_then(Option::take))
        .collect())
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
        if !self.words.iter().all(|w| matches_word(&row.search, w)) {
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
        Row {
            id: 1,
            code: "HO1".into(),
            name: name.into(),
            extra: vec![],
            community: None,
            search: fold(&format!("HO1 {name}")),
            left: None,
        }
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
            let ours = f.words.iter().all(|w| matches_word(&r.search, w));
            assert_eq!(ours, matches_query(&r.search, query), "{query}");
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
            assert!(matches_query(&r.search, query), "{query}");
        }
        assert!(!matches_query(&r.search, "hnguyen"));
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
    fn persons_sort_by_given_name_in_vietnamese_order() {
        let mut rows = [
            row("Trần Văn Đức"),
            row("Nguyễn Thị Dung"),
            row("Lê Văn An"),
        ];
        rows.sort_by_cached_key(|r| sort_key(UnitKind::Citizen, r));
        let names: Vec<&str> = rows.iter().map(|r| r.name.as_str()).collect();
        assert_eq!(names, ["Lê Văn An", "Nguyễn Thị Dung", "Trần Văn Đức"]);
    }
}
