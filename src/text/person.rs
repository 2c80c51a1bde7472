//! Sort order for Vietnamese personal names.
//!
//! A Vietnamese full name is written family name first, middle name(s), then
//! the given name ("Nguyễn Văn An"), but class lists and registers are ordered
//! by the given name, as people are addressed by it. Sorting the whole string
//! would group everyone by family name, and a third of the country is
//! "Nguyễn".

use super::collate::collation_key;
use super::normalize::collapse_whitespace;

/// Key ordering full names by given name (last word), then the middle words
/// in order, then the family name (first word), each in Vietnamese collation.
/// Tones and case only break ties after all letters of all words compare
/// equal. A single-word name is just that word.
pub fn person_sort_key(full_name: &str) -> Vec<u16> {
    let cleaned = collapse_whitespace(full_name);
    let words: Vec<&str> = cleaned.split(' ').filter(|w| !w.is_empty()).collect();
    let reordered = match words.split_first() {
        Some((family, rest)) => match rest.split_last() {
            Some((given, middle)) => {
                let mut order = Vec::with_capacity(words.len());
                order.push(*given);
                order.extend_from_slice(middle);
                order.push(*family);
                order.join(" ")
            }
            None => (*family).to_string(),
        },
        None => String::new(),
    };
    // One key over the reordered name (rather than a key per word) so that a
    // tone in the given name does not outrank a letter in the middle name.
    collation_key(&reordered)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sorted(names: &[&str]) -> Vec<String> {
        let mut v: Vec<String> = names.iter().map(|s| (*s).to_string()).collect();
        v.sort_by_cached_key(|n| person_sort_key(n));
        v
    }

    #[test]
    fn given_name_then_middle_then_family() {
        assert_eq!(
            sorted(&["Nguyễn Văn Bình", "Lê Thị Bình", "Trần Văn An"]),
            vec!["Trần Văn An", "Lê Thị Bình", "Nguyễn Văn Bình"]
        );
    }

    #[test]
    fn family_name_breaks_last_tie() {
        assert_eq!(
            sorted(&["Trần Văn An", "Lê Văn An"]),
            vec!["Lê Văn An", "Trần Văn An"]
        );
    }

    #[test]
    fn given_name_word_boundary() {
        // "An" is a whole given name and comes before "Anh".
        assert_eq!(
            sorted(&["Lê Anh", "Võ Văn An"]),
            vec!["Võ Văn An", "Lê Anh"]
        );
    }

    #[test]
    fn letters_of_middle_name_outrank_tone_of_given_name() {
        // Bính vs Bình differ only by tone, so the middle names decide.
        assert_eq!(
            sorted(&["Lê Văn Bình", "Lê Thị Bính"]),
            vec!["Lê Thị Bính", "Lê Văn Bình"]
        );
    }

    #[test]
    fn single_word_and_empty_names() {
        assert_eq!(sorted(&["Út", "An", ""]), vec!["", "An", "Út"]);
        assert_eq!(person_sort_key("  Mai "), person_sort_key("Mai"));
    }

    #[test]
    fn nfd_names_sort_like_nfc() {
        assert_eq!(
            person_sort_key("Nguye\u{302}\u{303}n Văn An"),
            person_sort_key("Nguyễn Văn An")
        );
    }
}
