//! How long a stored text may be, one definition for every way in (a typed form, a
//! list import, a JSON archive, `init`). A register is printed on A4 and shown at 80
//! columns: anything longer than these is a pasted paragraph, not a name or a number.

/// Longest code, in characters.
pub const MAX_CODE: usize = 32;
/// Longest name (of the commune, a person, a thôn, a clan, an organisation).
pub const MAX_NAME: usize = 200;
/// Longest address, note or reason.
pub const MAX_LONG_TEXT: usize = 500;
/// Longest decision or resolution number ("1234/QĐ-UBND" is 12).
pub const MAX_DOCUMENT_NUMBER: usize = 64;

/// "dài 230 ký tự, tối đa 200" when `text` is longer than `max` characters.
pub fn too_long(text: &str, max: usize) -> Option<String> {
    let length = text.chars().count();
    (length > max).then(|| format!("dài {length} ký tự, tối đa {max}"))
}

/// `text` with its first letter in capitals, for a message that starts a line.
pub fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_characters_not_bytes() {
        // 200 Vietnamese letters are more than 200 bytes but within the limit.
        assert_eq!(too_long(&"Ệ".repeat(MAX_NAME), MAX_NAME), None);
        assert_eq!(
            too_long(&"Ệ".repeat(MAX_NAME + 1), MAX_NAME).as_deref(),
            Some("dài 201 ký tự, tối đa 200")
        );
    }
}
