//! Canonical forms for stored text.
//!
//! Vietnamese letters can arrive precomposed ("ễ") or as a base letter plus
//! combining marks ("e" + U+0302 + U+0303), depending on the keyboard, the
//! input method and the program a CSV came from. Both look identical but
//! compare unequal byte-wise, so everything we store goes through [`nfc`]
//! first. Names pasted from spreadsheets also carry tabs, no-break spaces and
//! byte-order marks, which [`clean_name`] removes.

use std::borrow::Cow;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// NFC normalisation: the one form every stored string is kept in. Text that the quick
/// check already finds in NFC (almost every cell of a CSV from Excel) is copied as it
/// is: normalising it anyway took a quarter of an import's time.
pub fn nfc(s: &str) -> String {
    if is_nfc(s) {
        s.to_string()
    } else {
        s.nfc().collect()
    }
}

/// [`nfc`] of a string already owned: kept as it is when it is NFC (a whole file read
/// for an import, 3 MB at commune scale, is not copied again).
pub fn nfc_owned(s: String) -> String {
    if is_nfc(&s) { s } else { s.nfc().collect() }
}

/// Whether `s` is surely in NFC. Every character below U+0300 (ASCII, Latin-1, the
/// Latin Extended blocks with "ơ", "ư", "đ") and every one of Latin Extended Additional
/// (U+1E00–U+1EFF, the precomposed "ễ", "ậ") is NFC whatever surrounds it: combining
/// marks start at U+0300. A Vietnamese name is all of these, so the general quick check
/// (a table lookup per character, a twentieth of an import) runs only for other text.
fn is_nfc(s: &str) -> bool {
    surely_nfc(s) || unicode_normalization::is_nfc_quick(s.chars()) == IsNormalized::Yes
}

/// Every character below U+0300 or in U+1E00–U+1EFF, judged on the UTF-8 bytes (a
/// whole file is checked before it is read, and decoding it into characters for this
/// took longer than the check): below U+0300 is one byte, or a lead byte up to 0xCB
/// and a continuation byte (0x80–0xBF); U+1E00–U+1EFF is 0xE1, then 0xB8–0xBB, then a
/// continuation byte.
fn surely_nfc(s: &str) -> bool {
    let bytes = s.as_bytes();
    bytes
        .iter()
        .enumerate()
        .all(|(i, &b)| b < 0xCC || (b == 0xE1 && matches!(bytes.get(i + 1), Some(0xB8..=0xBB))))
}

/// A name as it should be stored: NFC, trimmed, each run of whitespace
/// (tabs, newlines, no-break spaces, …) replaced by one ASCII space.
pub fn clean_name(s: &str) -> String {
    clean_name_cow(s).into_owned()
}

/// [`clean_name`] without copying a cell that is already clean (almost every cell of a
/// file from Excel): at 50,000 rows the copies were a tenth of an import's time.
pub fn clean_name_cow(s: &str) -> Cow<'_, str> {
    if is_collapsed(s) && is_nfc(s) {
        return Cow::Borrowed(s);
    }
    // Collapse first: dropping an invisible character may bring a base letter
    // and its combining mark together, and NFC must see that final text.
    Cow::Owned(nfc(&collapse_whitespace(s)))
}

/// Whether [`collapse_whitespace`] would return `s` unchanged: no junk, no whitespace
/// but single ASCII spaces between other characters.
fn is_collapsed(s: &str) -> bool {
    let mut previous_space = true;
    for c in s.chars() {
        if c.is_whitespace() {
            if c != ' ' || previous_space {
                return false;
            }
            previous_space = true;
        } else if is_invisible_junk(c) {
            return false;
        } else {
            previous_space = false;
        }
    }
    !previous_space || s.is_empty()
}

/// Characters that are invisible in a name and only ever arrive by accident
/// (copied from Word/Excel or a web page).
pub(crate) fn is_invisible_junk(c: char) -> bool {
    matches!(c, '\u{200B}' | '\u{FEFF}' | '\u{2060}' | '\u{FFFD}')
        || (c.is_control() && !c.is_whitespace())
        || super::safe::is_bidi_control(c)
}

/// Trims, turns every whitespace run into a single ASCII space, and drops
/// invisible junk. Shared by the cleaning and folding functions so they agree
/// on what a "word" is.
pub(crate) fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    for c in s.chars() {
        if c.is_whitespace() {
            pending_space = true;
        } else if is_invisible_junk(c) {
            continue;
        } else {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_byte_check_agrees_with_the_characters() {
        let by_chars = |s: &str| {
            s.chars()
                .all(|c| c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
        };
        for s in [
            "",
            "Nguyễn Văn Ước",
            "ĐƯỜNG ơư",
            "e\u{301}",
            "\u{2FF}\u{300}",
            "\u{1DFF}",
            "\u{1E00}\u{1EFF}",
            "\u{1F00}",
            "Ω 😀",
            "\u{1C00}",
            "ÿ\u{A0}",
        ] {
            assert_eq!(surely_nfc(s), by_chars(s), "{s:?}");
        }
    }

    #[test]
    fn the_fast_nfc_check_agrees_with_the_quick_check_on_its_ranges() {
        // Alone, and after every base letter a combining mark could attach to.
        let ranges = ('\0'..'\u{300}').chain('\u{1E00}'..='\u{1EFF}');
        for c in ranges {
            for before in ["", "a", "e\u{302}", "\u{1B0}"] {
                let text = format!("{before}{c}");
                let quick = unicode_normalization::is_nfc_quick(text.chars());
                if text
                    .chars()
                    .all(|c| c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c))
                {
                    assert_eq!(quick, IsNormalized::Yes, "U+{:04X}", u32::from(c));
                }
                assert_eq!(is_nfc(&text), text.nfc().collect::<String>() == text);
            }
        }
    }

    #[test]
    fn nfc_composes_decomposed_vietnamese() {
        assert_eq!(nfc("Nguye\u{302}\u{303}n"), "Nguyễn");
        // Canonical order of marks must not matter: dot below then circumflex.
        assert_eq!(nfc("Le\u{323}\u{302}"), "Lệ");
        assert_eq!(nfc("Le\u{302}\u{323}"), "Lệ");
        assert_eq!(nfc("Nguyễn"), "Nguyễn");
    }

    #[test]
    fn clean_name_trims_and_collapses() {
        assert_eq!(
            clean_name("  Nguyễn \t Văn\u{A0}\u{A0}An \n"),
            "Nguyễn Văn An"
        );
        assert_eq!(clean_name("\u{FEFF}Trần\u{200B} Thị Bình"), "Trần Thị Bình");
        assert_eq!(clean_name("Nguye\u{302}\u{303}n  Văn An"), "Nguyễn Văn An");
        assert_eq!(clean_name("   "), "");
        assert_eq!(clean_name(""), "");
    }

    #[test]
    fn clean_name_drops_bidi_controls_and_replacement_characters() {
        assert_eq!(
            clean_name("Lê\u{202E} Văn\u{2066}\u{FFFD} An\u{1B}"),
            "Lê Văn An"
        );
    }

    #[test]
    fn clean_name_composes_across_dropped_junk() {
        assert_eq!(clean_name("Le\u{200B}\u{302}"), "Lê");
    }

    #[test]
    fn clean_cells_are_borrowed_and_others_cleaned_as_before() {
        for s in ["Nguyễn Văn An", "HO00001", "", "a"] {
            assert!(matches!(clean_name_cow(s), Cow::Borrowed(_)), "{s:?}");
        }
        for s in [
            " a",
            "a ",
            "a  b",
            "a\tb",
            "a\u{A0}b",
            "\u{200B}a",
            "Nguye\u{302}\u{303}n",
            " ",
        ] {
            assert!(matches!(clean_name_cow(s), Cow::Owned(_)), "{s:?}");
            assert_eq!(clean_name_cow(s), nfc(&collapse_whitespace(s)), "{s:?}");
        }
    }

    #[test]
    fn clean_name_is_idempotent_on_examples() {
        for s in ["  Hồ  Chí\tMinh ", "Lê\u{A0}Lợi", "a\u{301}  b"] {
            let once = clean_name(s);
            assert_eq!(clean_name(&once), once);
        }
    }
}
