//! The codes a former commune's units get in this register (pure): each keeps its code
//! unless a unit of the same kind here already has it, in which case it is prefixed
//! with the former commune's short name ("HO00012" → "YENMO-HO00012"). The old code
//! stays inside the new one, so a search for "HO00012" (or for "YENMO") still finds it.
//!
//! Codes are compared without regard to case: the search folds case, and "ho00012"
//! beside "HO00012" would be two units no officer can tell apart.

use crate::model::UnitKind;
use crate::text::fold;
use std::collections::{HashMap, HashSet};

/// The longest code, in characters: what imports and forms accept
/// (`exchange::cell_rules::MAX_CODE`), so a renamed code can be typed back in.
pub const MAX_CODE_CHARS: usize = crate::text::limits::MAX_CODE;

/// The longest prefix, in characters.
pub const MAX_PREFIX_CHARS: usize = 12;

/// The words a commune's name starts with that say what it is, not which one.
const ADMIN_WORDS: &[&[&str]] = &[&["thi", "tran"], &["dac", "khu"], &["phuong"], &["xa"]];

/// The default prefix for a commune's codes: its name without its kind word, without
/// diacritics, letters and digits only, upper case ("Xã Yên Mô" → "YENMO").
pub fn default_prefix(commune_name: &str) -> String {
    let folded = fold(commune_name);
    let mut words: Vec<&str> = folded.split(' ').filter(|w| !w.is_empty()).collect();
    if let Some(admin) = ADMIN_WORDS.iter().find(|a| words.starts_with(a))
        && words.len() > admin.len()
    {
        words.drain(..admin.len());
    }
    let prefix: String = words
        .concat()
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_uppercase())
        .take(MAX_PREFIX_CHARS)
        .collect();
    if prefix.is_empty() {
        "XACU".into()
    } else {
        prefix
    }
}

/// A prefix the officer typed, upper-cased; refused (with the reason, in Vietnamese)
/// unless it is 1–12 ASCII letters and digits.
pub fn clean_prefix(given: &str) -> Result<String, String> {
    let trimmed = given.trim().trim_end_matches('-');
    let ok = !trimmed.is_empty()
        && trimmed.chars().count() <= MAX_PREFIX_CHARS
        && trimmed.chars().all(|c| c.is_ascii_alphanumeric());
    if ok {
        Ok(trimmed.to_ascii_uppercase())
    } else {
        Err(format!(
            "Tiền tố \"{}\" không dùng được: chỉ gồm chữ cái không dấu và chữ số (A–Z, 0–9), từ 1 đến {MAX_PREFIX_CHARS} ký tự, ví dụ YENMO",
            crate::text::escape(given)
        ))
    }
}

/// The code `code` gets with `prefix`.
pub fn prefixed(prefix: &str, code: &str) -> String {
    format!("{prefix}-{code}")
}

/// The new code of each incoming unit (`theirs`, in order), given the codes of each kind
/// already here. Refused, with one Vietnamese line per problem, when a prefixed code is
/// too long or is itself taken (here, or by another incoming unit).
pub fn assign_codes(
    ours: &HashMap<UnitKind, HashSet<String>>,
    theirs: &[(UnitKind, String)],
    prefix: &str,
) -> Result<Vec<String>, Vec<String>> {
    let taken = |kind: UnitKind, code: &str| {
        ours.get(&kind)
            .is_some_and(|codes| codes.contains(&code.to_uppercase()))
    };
    let mut problems = Vec::new();
    let mut seen: HashSet<(UnitKind, String)> = HashSet::new();
    let mut out = Vec::with_capacity(theirs.len());
    for (kind, code) in theirs {
        let new = if taken(*kind, code) {
            prefixed(prefix, code)
        } else {
            code.clone()
        };
        let what = kind.counter();
        if new != *code && new.chars().count() > MAX_CODE_CHARS {
            problems.push(format!(
                "Mã {code} ({what}) thêm tiền tố thành {new}, dài quá {MAX_CODE_CHARS} ký tự; chọn tiền tố ngắn hơn bằng --prefix"
            ));
        } else if new != *code && taken(*kind, &new) {
            problems.push(format!(
                "Mã {code} ({what}) trùng với sổ này, nhưng mã thay thế {new} cũng đã có; chọn tiền tố khác bằng --prefix"
            ));
        } else if !seen.insert((*kind, new.to_uppercase())) {
            problems.push(format!(
                "Mã {new} ({what}) sẽ có hai đơn vị của xã cũ; chọn tiền tố khác bằng --prefix"
            ));
        }
        out.push(new);
    }
    if problems.is_empty() {
        Ok(out)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_prefix_is_the_name_without_its_kind_word() {
        assert_eq!(default_prefix("Xã Yên Mô"), "YENMO");
        assert_eq!(default_prefix("Phường Đông Sơn"), "DONGSON");
        assert_eq!(default_prefix("Thị trấn Yên Thịnh"), "YENTHINH");
        assert_eq!(default_prefix("xã Khánh Thượng 2"), "KHANHTHUONG2");
        assert_eq!(default_prefix("Xã"), "XA");
        assert_eq!(default_prefix("!!!"), "XACU");
        assert_eq!(
            default_prefix("Xã Đông Hưng Thịnh Vượng Lớn"),
            "DONGHUNGTHIN"
        );
    }

    #[test]
    fn a_typed_prefix_is_letters_and_digits() {
        assert_eq!(clean_prefix("ym").as_deref(), Ok("YM"));
        assert_eq!(clean_prefix(" YM2- ").as_deref(), Ok("YM2"));
        assert!(clean_prefix("Yên").is_err());
        assert!(clean_prefix("A B").is_err());
        assert!(clean_prefix("").is_err());
        assert!(clean_prefix(&"A".repeat(13)).is_err());
    }

    fn ours(codes: &[(UnitKind, &str)]) -> HashMap<UnitKind, HashSet<String>> {
        let mut out: HashMap<UnitKind, HashSet<String>> = HashMap::new();
        for (kind, code) in codes {
            out.entry(*kind).or_default().insert(code.to_uppercase());
        }
        out
    }

    #[test]
    fn only_colliding_codes_are_prefixed_within_their_kind() {
        let here = ours(&[(UnitKind::Household, "HO1"), (UnitKind::Community, "TH1")]);
        let theirs = vec![
            (UnitKind::Household, "HO1".to_string()),
            (UnitKind::Household, "ho1x".to_string()),
            (UnitKind::Household, "TH1".to_string()),
            (UnitKind::Community, "th1".to_string()),
        ];
        let got = assign_codes(&here, &theirs, "YM").unwrap();
        assert_eq!(got, vec!["YM-HO1", "ho1x", "TH1", "YM-th1"]);
    }

    #[test]
    fn a_taken_or_too_long_replacement_is_refused() {
        let here = ours(&[
            (UnitKind::Household, "HO1"),
            (UnitKind::Household, "YM-HO1"),
        ]);
        let theirs = vec![(UnitKind::Household, "HO1".to_string())];
        let problems = assign_codes(&here, &theirs, "YM").unwrap_err();
        assert!(problems[0].contains("YM-HO1 cũng đã có"), "{problems:?}");
        let long = "H".repeat(30);
        let here = ours(&[(UnitKind::Household, &long)]);
        let theirs = vec![(UnitKind::Household, long.clone())];
        let problems = assign_codes(&here, &theirs, "YENMO").unwrap_err();
        assert!(problems[0].contains("dài quá 32"), "{problems:?}");
        // An incoming unit already named like another's replacement.
        let here = ours(&[(UnitKind::Household, "HO1")]);
        let theirs = vec![
            (UnitKind::Household, "HO1".to_string()),
            (UnitKind::Household, "YM-HO1".to_string()),
        ];
        assert!(assign_codes(&here, &theirs, "YM").is_err());
    }
}
