//! Does decoded text look like Vietnamese? Used to tell the legacy encodings apart: the
//! same bytes read as Windows-1258, TCVN3 or VNI give one real text and two garbles, and
//! the garbles are full of "words" no Vietnamese syllable can be ("NguyÔn", "Vaên",
//! "Nguyờịn"). Every word with a non-ASCII letter is checked against the shape of a
//! syllable: an initial consonant, a vowel nucleus from the known list, a final
//! consonant, at most one tone mark, and only Vietnamese letters.

use unicode_normalization::UnicodeNormalization;

/// How many words with non-ASCII letters are plausible Vietnamese syllables, and how
/// many are not.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Plausibility {
    pub valid: usize,
    pub invalid: usize,
}

impl Plausibility {
    /// The share of valid words, in per cent (100 when there is nothing to judge).
    pub fn percent(self) -> usize {
        (self.valid * 100)
            .checked_div(self.valid + self.invalid)
            .unwrap_or(100)
    }
}

const TONES: [char; 5] = ['\u{300}', '\u{301}', '\u{303}', '\u{309}', '\u{323}'];

const INITIALS: [&str; 28] = [
    "ngh", "ng", "nh", "ch", "gh", "gi", "kh", "ph", "th", "tr", "qu", "b", "c", "d", "đ", "g",
    "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "x", "",
];

const FINALS: [&str; 9] = ["ng", "nh", "ch", "c", "m", "n", "p", "t", ""];

const NUCLEI: [&str; 55] = [
    "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây",
    "eo", "êu", "ia", "iê", "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "oo", "ua", "uâ", "uê", "ui",
    "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê", "iêu", "oai", "oay", "oao", "oeo", "uây",
    "uôi", "uya", "uyê", "uyu", "ươi", "ươu", "yêu",
];

fn is_letter(c: char) -> bool {
    c.is_ascii_lowercase() || matches!(c, 'đ' | 'â' | 'ă' | 'ê' | 'ô' | 'ơ' | 'ư')
}

/// Whether one word (letters only, any case) can be a Vietnamese syllable.
pub fn is_syllable(word: &str) -> bool {
    let lower: String = word.chars().flat_map(char::to_lowercase).collect();
    let decomposed: Vec<char> = lower.nfd().collect();
    if decomposed.iter().filter(|c| TONES.contains(c)).count() > 1 {
        return false;
    }
    let base: String = decomposed
        .into_iter()
        .filter(|c| !TONES.contains(c))
        .collect::<String>()
        .nfc()
        .collect();
    if !base.chars().all(is_letter) {
        return false;
    }
    INITIALS.iter().any(|initial| {
        base.strip_prefix(initial).is_some_and(|rest| {
            FINALS.iter().any(|last| {
                rest.strip_suffix(last)
                    .is_some_and(|nucleus| NUCLEI.contains(&nucleus))
            })
        })
    })
}

/// Separators between words: whitespace, ASCII punctuation and digits, and the
/// typographic punctuation of Windows code pages (quotes, dashes, ellipsis).
fn is_separator(c: char) -> bool {
    c.is_whitespace()
        || c.is_ascii_punctuation()
        || c.is_ascii_digit()
        || c.is_control()
        || ('\u{2000}'..='\u{206F}').contains(&c)
        || matches!(c, '«' | '»' | '\u{A0}')
}

/// Judges every word of `text` that has a non-ASCII character.
pub fn plausibility(text: &str) -> Plausibility {
    let mut result = Plausibility::default();
    for word in text.split(is_separator) {
        if word.is_ascii() {
            continue;
        }
        if is_syllable(word) {
            result.valid += 1;
        } else {
            result.invalid += 1;
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn real_syllables_pass() {
        for word in [
            "Nguyễn", "Trần", "Thị", "Đông", "người", "khuyến", "học", "Gìn", "quý", "Thuở",
            "NGHIÊNG", "giữ", "Ứng", "oẳn", "khuya", "hươu", "Hội", "Tổ", "Xóm", "Ấp", "chiều",
        ] {
            assert!(is_syllable(word), "{word}");
        }
    }

    #[test]
    fn garbles_of_the_other_encodings_fail() {
        // Windows-1258 read as TCVN3, TCVN3 read as Windows-1258, VNI read as
        // Windows-1258, and symbols that are no letters.
        for word in [
            "Nguyờịn",
            "NguyÔn",
            "Nguyeăn",
            "Vaên",
            "Ñoâng",
            "V¨n",
            "Thµnh",
            "Tḥ",
        ] {
            assert!(!is_syllable(word), "{word}");
        }
    }

    #[test]
    fn only_words_with_non_ascii_letters_are_judged() {
        let p = plausibility("Mã hộ;Chủ hộ;TDP;HTX\r\nHO1;Nguyễn Văn An;“Đông”\r\n");
        assert_eq!(
            p,
            Plausibility {
                valid: 7,
                invalid: 0
            }
        );
        assert_eq!(plausibility("NguyÔn V¨n An").invalid, 2);
    }
}
