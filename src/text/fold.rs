//! Search keys that ignore case and diacritics.
//!
//! Officers type queries on whatever keyboard is at hand, often without a
//! Vietnamese input method, so "nguyen van an" must find "Nguyễn Văn An" and
//! "d" must find "đ". Callers fold each stored value once and keep the key;
//! only the query is folded per keystroke.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::normalize::{collapse_whitespace, is_invisible_junk};

/// Search key: lowercase, every diacritic removed, `đ`/`Đ` → `d`, whitespace
/// collapsed and trimmed. Idempotent: `fold(&fold(s)) == fold(s)`.
pub fn fold(s: &str) -> String {
    // Lowercasing and NFD both work one character at a time (the reordering of
    // combining marks NFD adds only moves marks, which are dropped), so a character's
    // fold does not depend on its neighbours: the Latin and Vietnamese letters of every
    // name come from a table built once, and only text with other characters takes the
    // general way (issue 17: building the citizens list folds 150,000 rows).
    let table = latin_folds();
    // The folded characters go straight through the whitespace rule of
    // `collapse_whitespace` (one string built, not two).
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        let folded = if c.is_ascii() {
            c.to_ascii_lowercase()
        } else {
            match table_index(c)
                .and_then(|i| table.get(i))
                .and_then(|&f| char::from_u32(f))
            {
                Some(f) => f,
                None => return fold_general(s),
            }
        };
        if folded.is_whitespace() {
            pending_space = true;
        } else if !is_invisible_junk(folded) {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(folded);
        }
    }
    out
}

/// The fold of any text, character by character through lowercasing and NFD.
fn fold_general(s: &str) -> String {
    // Lowercase before decomposing: some lowercase mappings (e.g. "İ")
    // themselves produce combining marks, which must then be dropped too.
    let lowered: String = s.chars().flat_map(char::to_lowercase).collect();
    let stripped: String = lowered
        .nfd()
        .filter(|&c| !is_combining_mark(c))
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect();
    collapse_whitespace(&stripped)
}

/// The table's ranges: Latin-1 to Latin Extended-B, and Latin Extended Additional
/// (the precomposed Vietnamese vowels with tones).
const LATIN: std::ops::Range<u32> = 0x80..0x250;
const VIETNAMESE: std::ops::Range<u32> = 0x1E00..0x1F00;

fn table_index(c: char) -> Option<usize> {
    let c = u32::from(c);
    let i = if LATIN.contains(&c) {
        c - LATIN.start
    } else if VIETNAMESE.contains(&c) {
        c - VIETNAMESE.start + (LATIN.end - LATIN.start)
    } else {
        return None;
    };
    usize::try_from(i).ok()
}

/// Each table character's fold when it is one character (before whitespace is
/// collapsed), `u32::MAX` when it is none or several (such text takes the general way).
fn latin_folds() -> &'static [u32] {
    static TABLE: std::sync::OnceLock<Vec<u32>> = std::sync::OnceLock::new();
    TABLE.get_or_init(|| {
        LATIN
            .chain(VIETNAMESE)
            .map(|c| {
                let Some(c) = char::from_u32(c) else {
                    return u32::MAX;
                };
                let lowered: String = c.to_lowercase().collect();
                let mut folded = lowered
                    .nfd()
                    .filter(|&c| !is_combining_mark(c))
                    .map(|c| if c == 'đ' { 'd' } else { c });
                match (folded.next(), folded.next()) {
                    (Some(f), None) => u32::from(f),
                    _ => u32::MAX,
                }
            })
            .collect()
    })
}

/// Whether every whitespace-separated word of `query` occurs, folded, in
/// `folded_haystack`. Word order does not matter, so "an nguyen" finds
/// "Nguyễn Văn An". An empty (or blank) query matches everything.
///
/// `folded_haystack` must already be the output of [`fold`]; it is not folded
/// again here so that a list can be filtered without re-folding every row.
pub fn matches_query(folded_haystack: &str, query: &str) -> bool {
    let folded_query = fold(query);
    folded_query
        .split(' ')
        .filter(|w| !w.is_empty())
        .all(|word| matches_word(folded_haystack, word))
}

/// Whether one folded query word matches a folded haystack: a word of letters must begin
/// a word of the haystack ("an" finds "An" but not the "an" inside "Văn"); a word with
/// digits may occur anywhere, so "1569" finds the code "HO01569".
pub fn matches_word(folded_haystack: &str, word: &str) -> bool {
    if word.chars().any(|c| c.is_ascii_digit()) {
        folded_haystack.contains(word)
    } else {
        folded_haystack.split(' ').any(|w| w.starts_with(word))
    }
}

/// The comparison key of a header: folded, a note in brackets and required-field stars
/// dropped, punctuation turned into spaces ("Thôn/Xóm" and "thon xom" are one header).
pub fn header_key(header: &str) -> String {
    let mut without_notes = String::with_capacity(header.len());
    let mut depth = 0usize;
    for c in header.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => without_notes.push(c),
            _ => {}
        }
    }
    let spaced: String = fold(&without_notes)
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    fold(&spaced)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn fold_removes_diacritics_and_case() {
        assert_eq!(fold("Nguyễn Văn An"), "nguyen van an");
        assert_eq!(fold("nguyen van an"), fold("Nguyễn Văn An"));
        assert_eq!(fold("ĐẶNG THỊ ĐÀO"), "dang thi dao");
        assert_eq!(fold("Ưng Hoàng Phúc"), "ung hoang phuc");
        assert_eq!(fold("  Lê\tLợi\u{A0} "), "le loi");
    }

    #[test]
    fn fold_treats_nfd_like_nfc() {
        assert_eq!(fold("Nguye\u{302}\u{303}n"), "nguyen");
        assert_eq!(fold("Nguye\u{302}\u{303}n"), fold("Nguyễn"));
    }

    #[test]
    fn query_words_match_in_any_order() {
        let hay = fold("Nguyễn Văn An");
        assert!(matches_query(&hay, "van an"));
        assert!(matches_query(&hay, "an nguyen"));
        assert!(matches_query(&hay, "NGUYỄN"));
        assert!(matches_query(&hay, "  nguy   va "));
        // Letters match from the start of a word only.
        assert!(!matches_query(&hay, "uyen"));
        assert!(!matches_query(&hay, "binh"));
        assert!(!matches_query(&hay, "an binh"));
    }

    #[test]
    fn query_d_matches_d_stroke() {
        let hay = fold("Đỗ Đức Độ");
        assert!(matches_query(&hay, "d"));
        assert!(matches_query(&hay, "do duc"));
        assert!(matches_query(&hay, "Đức"));
    }

    #[test]
    fn empty_query_matches_all() {
        assert!(matches_query("", ""));
        assert!(matches_query(&fold("Trần Thị Bình"), ""));
        assert!(matches_query(&fold("Trần Thị Bình"), " \t "));
    }

    fn vietnamish() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            any::<char>().prop_map(String::from),
            prop::sample::select(vec![
                "ễ",
                "Đ",
                "đ",
                "e\u{302}\u{303}",
                "\u{301}",
                "İ",
                " ",
                "\u{A0}",
                "\t",
                "Ư",
                "ẞ",
                "\u{200B}",
            ])
            .prop_map(String::from),
        ];
        prop::collection::vec(pieces, 0..16).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn fold_is_idempotent(s in vietnamish()) {
            let once = fold(&s);
            prop_assert_eq!(fold(&once), once);
        }

        #[test]
        fn a_string_matches_its_own_words(s in vietnamish()) {
            prop_assert!(matches_query(&fold(&s), &s));
        }

        #[test]
        fn the_table_folds_as_the_general_way_does(s in vietnamish()) {
            prop_assert_eq!(fold(&s), fold_general(&s));
        }

        #[test]
        fn any_text_folds_as_the_general_way_does(s in "\\PC{0,12}") {
            prop_assert_eq!(fold(&s), fold_general(&s));
        }
    }

    #[test]
    fn every_table_character_folds_as_the_general_way_does() {
        // Alone, after a letter, and before a combining mark: a character's fold does
        // not depend on what stands beside it.
        for c in LATIN
            .chain(VIETNAMESE)
            .chain(0..0x80)
            .filter_map(char::from_u32)
        {
            for text in [
                c.to_string(),
                format!("A{c}b"),
                format!("{c}\u{301}"),
                format!("x {c}\u{323}\u{302}y"),
            ] {
                assert_eq!(fold(&text), fold_general(&text), "{text:?}");
            }
        }
    }
}

#[cfg(test)]
mod word_tests {
    use super::*;

    #[test]
    fn letters_match_the_start_of_a_word_digits_anywhere() {
        let h = fold("HO01569 Nguyễn Văn An");
        assert!(matches_query(&h, "nguyen van an"));
        assert!(matches_query(&h, "an nguy"));
        assert!(matches_query(&h, "1569"));
        let binh = fold("HO00086 Nguyễn Văn Bình");
        assert!(
            !matches_query(&binh, "nguyen van an"),
            "the an inside van must not match"
        );
        assert!(matches_query(&binh, "nguyen van b"));
    }
}
