//! A row of a communities file (thôn, xóm, bản, ấp, tổ dân phố, khu phố), and the rule
//! shared with household files for reading a community's kind out of its name
//! ("Tổ dân phố số 3" is a tổ dân phố named "số 3").

use super::cells::Cells;
use super::headers::Field;
use super::lookup::Lookup;
use super::plan::{ImportOptions, Links};
use super::rows_common::{RowOutcome, finish, start_row};
use crate::model::{Community, CommunityKind, Unit};
use crate::text::fold;

/// Words that start a community's name and say its kind, longest first.
const KIND_WORDS: &[(&str, CommunityKind)] = &[
    ("Tổ dân phố", CommunityKind::ToDanPho),
    ("Khu phố", CommunityKind::KhuPho),
    ("Thôn", CommunityKind::Thon),
    ("Xóm", CommunityKind::Xom),
    ("Bản", CommunityKind::Ban),
    ("Ấp", CommunityKind::Ap),
    ("TDP", CommunityKind::ToDanPho),
    ("Tổ", CommunityKind::ToDanPho),
    ("KP", CommunityKind::KhuPho),
];

/// A kind written in a "Loại" cell.
pub fn parse_kind(text: &str) -> Option<CommunityKind> {
    let key = fold(text);
    KIND_WORDS
        .iter()
        .find(|(word, _)| fold(word) == key)
        .map(|(_, kind)| *kind)
}

/// Splits "Thôn Đông" into (Thôn, "Đông"). A name that is only the kind word stays whole.
pub fn split_kind(name: &str) -> (Option<CommunityKind>, String) {
    let words: Vec<&str> = name.split(' ').collect();
    for (word, kind) in KIND_WORDS {
        let n = word.split(' ').count();
        if words.len() > n {
            let head = words.iter().take(n).copied().collect::<Vec<_>>().join(" ");
            if fold(&head) == fold(word) {
                let rest = words.iter().skip(n).copied().collect::<Vec<_>>().join(" ");
                return (Some(*kind), rest);
            }
        }
    }
    (None, name.to_string())
}

/// A community named in a cell, as it would be created.
pub fn from_name(code: String, name: &str, entered: u16) -> Unit {
    let (kind, name) = split_kind(name);
    Unit::Community(Community {
        meta: crate::model::UnitMeta {
            code,
            entered,
            left: None,
        },
        name,
        kind: kind.unwrap_or(CommunityKind::Thon),
    })
}

pub fn plan_row(
    cells: &mut Cells,
    lookup: &mut Lookup,
    options: ImportOptions,
) -> Option<RowOutcome> {
    let start = start_row(cells, lookup, options);
    let old = start.as_ref().and_then(|s| match &s.existing {
        Some((_, Unit::Community(c))) => Some(c.clone()),
        _ => None,
    });
    let mut ok = true;
    let explicit_kind = match cells.text(Field::CommunityKind) {
        Some(text) => match parse_kind(&text) {
            Some(kind) => Some(kind),
            None => {
                let allowed: Vec<&str> = CommunityKind::ALL.iter().map(|k| k.label()).collect();
                cells.fail(
                    Field::CommunityKind,
                    &text,
                    format!("loại không có; dùng một trong: {}", allowed.join(", ")),
                );
                ok = false;
                None
            }
        },
        None => None,
    };
    let Some(raw_name) = cells.text(Field::Name) else {
        cells.fail(Field::Name, "", "chưa có tên thôn");
        return None;
    };
    let (named_kind, stripped) = split_kind(&raw_name);
    let (kind, name) = match (explicit_kind, named_kind) {
        // "Thôn Đông" with Loại = Thôn: the name is "Đông".
        (Some(explicit), Some(named)) if explicit == named => (explicit, stripped),
        (Some(explicit), _) => (explicit, raw_name),
        (None, Some(named)) => (named, stripped),
        (None, None) => (
            old.as_ref().map_or(CommunityKind::Thon, |c| c.kind),
            raw_name,
        ),
    };
    let start = start.filter(|_| ok)?;
    let unit = Unit::Community(Community {
        meta: start.meta.clone(),
        name,
        kind,
    });
    Some(finish(start, unit, Links::default()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_words_are_read_off_names() {
        assert_eq!(
            split_kind("Tổ dân phố số 3"),
            (Some(CommunityKind::ToDanPho), "số 3".into())
        );
        assert_eq!(
            split_kind("thon Dong"),
            (Some(CommunityKind::Thon), "Dong".into())
        );
        assert_eq!(split_kind("Đông"), (None, "Đông".into()));
        assert_eq!(split_kind("Thôn"), (None, "Thôn".into()));
        assert_eq!(parse_kind("TDP"), Some(CommunityKind::ToDanPho));
        assert_eq!(parse_kind("ap"), Some(CommunityKind::Ap));
        assert_eq!(parse_kind("làng"), None);
    }
}
