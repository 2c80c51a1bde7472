//! Vietnamese alphabetical order.
//!
//! Code-point order puts "Đ" after "Z" and "Ă" after every plain Latin
//! letter, and treats tone marks as different letters. A Vietnamese reader
//! expects the dictionary order instead: the 29-letter alphabet
//! (a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y, with f j w z in
//! their Latin places for foreign words), tones only breaking ties between
//! otherwise equal words, and case mattering least of all.
//!
//! The order is expressed as a sort key so lists can be sorted once with
//! `sort_by_cached_key` instead of re-analysing names at every comparison.

use std::cmp::Ordering;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::normalize::collapse_whitespace;

/// Vietnamese alphabet with the foreign letters f, j, w, z in Latin order.
const ALPHABET: [char; 33] = [
    'a', 'ă', 'â', 'b', 'c', 'd', 'đ', 'e', 'ê', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'ô', 'ơ', 'p', 'q', 'r', 's', 't', 'u', 'ư', 'v', 'w', 'x', 'y', 'z',
];

// Primary weights. Every character's first unit is >= 1 so that the level
// separator (0) sorts a shorter string before any longer one sharing its
// prefix.
const LEVEL_SEPARATOR: u16 = 0;
const SPACE: u16 = 1;
const ASCII_PUNCT_BASE: u16 = 0x10;
const NUMBER: u16 = 0xA0;
const DIGIT_BASE: u16 = 0xB0;
const LETTER_BASE: u16 = 0x100;
/// Anything else (CJK, symbols, non-Vietnamese letters without a
/// decomposition) sorts after all letters, by code point, in two units.
const OTHER_BASE: u16 = 0xF000;

const BREVE: char = '\u{306}';
const CIRCUMFLEX: char = '\u{302}';
const HORN: char = '\u{31B}';

/// Secondary weight of a tone mark, in dictionary order:
/// no mark, huyền, hỏi, ngã, sắc, nặng.
fn tone_weight(mark: char) -> Option<u16> {
    match mark {
        '\u{300}' => Some(1),
        '\u{309}' => Some(2),
        '\u{303}' => Some(3),
        '\u{301}' => Some(4),
        '\u{323}' => Some(5),
        _ => None,
    }
}

/// The Vietnamese letter a lowercase base plus its vowel-shaping mark spells.
fn vietnamese_letter(base: char, marks: &[char]) -> char {
    let has = |m: char| marks.contains(&m);
    match base {
        'a' if has(BREVE) => 'ă',
        'a' | 'e' | 'o' if has(CIRCUMFLEX) => match base {
            'a' => 'â',
            'e' => 'ê',
            _ => 'ô',
        },
        'o' if has(HORN) => 'ơ',
        'u' if has(HORN) => 'ư',
        _ => base,
    }
}

/// One base character with the combining marks that follow it.
struct Cluster {
    base: char,
    marks: Vec<char>,
}

fn clusters(s: &str) -> Vec<Cluster> {
    let mut out: Vec<Cluster> = Vec::new();
    for c in s.nfd() {
        if is_combining_mark(c) {
            // A mark with no base (start of string) carries no letter; drop it.
            if let Some(last) = out.last_mut() {
                last.marks.push(c);
            }
        } else {
            out.push(Cluster {
                base: c,
                marks: Vec::new(),
            });
        }
    }
    out
}

/// Three parallel levels; kept separate while building, concatenated at the end.
#[derive(Default)]
struct Levels {
    primary: Vec<u16>,
    secondary: Vec<u16>,
    tertiary: Vec<u16>,
}

fn lowercase_single(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

impl Levels {
    fn push_letter_or_symbol(&mut self, cluster: &Cluster) {
        let lower = lowercase_single(cluster.base);
        let is_upper = lower != cluster.base;
        let letter = vietnamese_letter(lower, &cluster.marks);
        if let Some(rank) = ALPHABET.iter().position(|&l| l == letter) {
            // ALPHABET has 33 entries, so the rank always fits in u16.
            self.primary
                .push(LETTER_BASE + u16::try_from(rank).unwrap_or(u16::MAX - LETTER_BASE));
            let tone = cluster.marks.iter().find_map(|&m| tone_weight(m));
            self.secondary.push(tone.unwrap_or(0));
        } else if cluster.base == ' ' {
            self.primary.push(SPACE);
            self.secondary.push(0);
        } else if cluster.base.is_ascii() {
            self.primary.push(ASCII_PUNCT_BASE + cluster.base as u16);
            self.secondary.push(0);
        } else {
            let code = u32::from(lower);
            // Code points are at most 0x10FFFF: the high part is <= 0x10.
            let high = u16::try_from(code >> 16).unwrap_or(0xFF);
            let low = u16::try_from(code & 0xFFFF).unwrap_or(0);
            self.primary.push(OTHER_BASE | high);
            self.primary.push(low);
            self.secondary.push(0);
        }
        self.tertiary.push(u16::from(is_upper));
    }

    /// Digit runs compare by numeric value ("Thôn 2" before "Thôn 10"):
    /// a marker, the count of significant digits, then the digits.
    fn push_number(&mut self, digits: &[u32]) {
        let leading_zeros = digits.iter().take_while(|&&d| d == 0).count();
        let significant = digits.get(leading_zeros..).unwrap_or(&[]);
        self.primary.push(NUMBER);
        self.primary
            .push(u16::try_from(significant.len()).unwrap_or(u16::MAX));
        for &d in significant {
            self.primary
                .push(DIGIT_BASE + u16::try_from(d).unwrap_or(0));
        }
        // "02" and "2" tie on value; fewer leading zeros first.
        self.secondary
            .push(u16::try_from(leading_zeros).unwrap_or(u16::MAX));
        self.tertiary.push(0);
    }

    fn into_key(self) -> Vec<u16> {
        let mut key = self.primary;
        key.reserve(self.secondary.len() + self.tertiary.len() + 2);
        key.push(LEVEL_SEPARATOR);
        key.extend(self.secondary);
        key.push(LEVEL_SEPARATOR);
        key.extend(self.tertiary);
        key
    }
}

/// Sort key whose natural order (`Ord` on `Vec<u16>`) is Vietnamese
/// dictionary order: letters case-insensitively, then tones, then case
/// (lowercase first). Digit runs sort numerically and before letters.
/// Whitespace is collapsed first, so "An  Bình" and "An Bình" tie. NFC and
/// NFD spellings of the same text give the same key.
pub fn collation_key(s: &str) -> Vec<u16> {
    let clusters = clusters(&collapse_whitespace(s));
    let mut levels = Levels::default();
    let mut digits: Vec<u32> = Vec::new();
    for cluster in &clusters {
        if let Some(d) = cluster
            .base
            .to_digit(10)
            .filter(|_| cluster.base.is_ascii())
        {
            digits.push(d);
            continue;
        }
        if !digits.is_empty() {
            levels.push_number(&digits);
            digits.clear();
        }
        levels.push_letter_or_symbol(cluster);
    }
    if !digits.is_empty() {
        levels.push_number(&digits);
    }
    levels.into_key()
}

/// Compares two strings in Vietnamese dictionary order; identical to
/// comparing their [`collation_key`]s.
pub fn collate(a: &str, b: &str) -> Ordering {
    collation_key(a).cmp(&collation_key(b))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn sorted(words: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = words.iter().map(|s| (*s).to_string()).collect();
        v.sort_by(|a, b| collate(a, b));
        v
    }

    #[test]
    fn alphabet_order() {
        let letters = [
            "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m",
            "n", "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
        ];
        for pair in letters.windows(2) {
            if let [a, b] = pair {
                assert_eq!(collate(a, b), Ordering::Less, "{a} < {b}");
            }
        }
    }

    #[test]
    fn d_stroke_after_d_not_after_z() {
        assert_eq!(
            sorted(&["Đào", "Dung", "Zô", "Em"]),
            vec!["Dung", "Đào", "Em", "Zô"]
        );
    }

    #[test]
    fn tones_only_break_ties_in_dictionary_order() {
        assert_eq!(
            sorted(&["mạ", "má", "mã", "mả", "mà", "ma"]),
            vec!["ma", "mà", "mả", "mã", "má", "mạ"]
        );
        // Letters decide before tones: "má" < "mai" even though 'á' is toned.
        assert_eq!(collate("má", "mai"), Ordering::Less);
        assert_eq!(collate("mà", "ma"), Ordering::Greater);
    }

    #[test]
    fn case_is_primary_insensitive() {
        assert_eq!(collate("an", "Bình"), Ordering::Less);
        assert_eq!(collate("An", "bình"), Ordering::Less);
        assert_eq!(collate("ĐÀO", "dung"), Ordering::Greater);
        // Case only breaks the last tie, lowercase first.
        assert_eq!(collate("an", "An"), Ordering::Less);
    }

    #[test]
    fn nfd_and_nfc_collate_equal() {
        assert_eq!(collate("Nguye\u{302}\u{303}n", "Nguyễn"), Ordering::Equal);
        assert_eq!(collation_key("Le\u{323}\u{302}"), collation_key("Lệ"));
        assert_eq!(collation_key("Le\u{302}\u{323}"), collation_key("Lệ"));
    }

    #[test]
    fn modified_vowels_are_letters_not_tones() {
        // ư is its own letter after u: "Ưng" sorts after "Uyên".
        assert_eq!(collate("Uyên", "Ưng"), Ordering::Less);
        assert_eq!(collate("Ông", "Oanh"), Ordering::Greater);
        assert_eq!(collate("Ấn", "Ăn"), Ordering::Greater);
    }

    #[test]
    fn digits_before_letters_and_numeric() {
        assert_eq!(collate("9", "a"), Ordering::Less);
        assert_eq!(
            sorted(&["Thôn 10", "Thôn 2", "Thôn 1", "Thôn Đông"]),
            vec!["Thôn 1", "Thôn 2", "Thôn 10", "Thôn Đông"]
        );
        assert_eq!(collate("02", "2"), Ordering::Greater);
        assert_eq!(collate("002", "10"), Ordering::Less);
    }

    #[test]
    fn word_boundary_before_longer_word() {
        assert_eq!(
            sorted(&["Anh", "An Bình", "An"]),
            vec!["An", "An Bình", "Anh"]
        );
        assert_eq!(collate("An  Bình", "An Bình"), Ordering::Equal);
    }

    fn sample() -> impl Strategy<Value = String> {
        let pieces = prop_oneof![
            prop::sample::select(vec![
                "a", "ă", "â", "A", "đ", "Đ", "d", "e", "ê", "\u{301}", "\u{300}", "\u{323}",
                "\u{302}", "\u{306}", "\u{31B}", "o", "ơ", "ư", "u", " ", "0", "1", "9", "-", "学",
                "😀", "ễ", "Ệ",
            ])
            .prop_map(String::from),
            any::<char>().prop_map(String::from),
        ];
        prop::collection::vec(pieces, 0..8).prop_map(|v| v.concat())
    }

    proptest! {
        #[test]
        fn collate_matches_key_and_is_antisymmetric(a in sample(), b in sample()) {
            let ab = collate(&a, &b);
            prop_assert_eq!(ab, collation_key(&a).cmp(&collation_key(&b)));
            prop_assert_eq!(ab.reverse(), collate(&b, &a));
        }

        #[test]
        fn collate_is_transitive(a in sample(), b in sample(), c in sample()) {
            let mut v = [a, b, c];
            v.sort_by(|x, y| collate(x, y));
            let [x, y, z] = &v;
            prop_assert_ne!(collate(x, y), Ordering::Greater);
            prop_assert_ne!(collate(y, z), Ordering::Greater);
            prop_assert_ne!(collate(x, z), Ordering::Greater);
        }

        #[test]
        fn nfc_and_nfd_agree(s in sample()) {
            let composed: String = s.nfc().collect();
            let decomposed: String = s.nfd().collect();
            prop_assert_eq!(collation_key(&composed), collation_key(&decomposed));
        }

        #[test]
        fn collate_is_reflexive(s in sample()) {
            prop_assert_eq!(collate(&s, &s), Ordering::Equal);
        }
    }
}
