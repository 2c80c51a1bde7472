//! What both front ends say about an import plan in the same words: the new units it
//! would add, and how the file separates its columns.

use crate::model::Unit;

/// "Đông (TH01), Tây (TH02)": units by name and code, for "new thôn" and "new clans".
pub fn unit_names(units: &[Unit]) -> String {
    units
        .iter()
        .map(|u| format!("{} ({})", u.display_name(), u.code()))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The name of a text file's column separator, after the word "dấu".
pub fn delimiter_name(delimiter: u8) -> &'static str {
    match delimiter {
        b';' => "chấm phẩy",
        b'\t' => "tab",
        _ => "phẩy",
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn separators_are_named_as_the_officer_sees_them() {
        assert_eq!(super::delimiter_name(b';'), "chấm phẩy");
        assert_eq!(super::delimiter_name(b'\t'), "tab");
        assert_eq!(super::delimiter_name(b','), "phẩy");
    }
}
