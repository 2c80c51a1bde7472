//! What any cell of a list may hold, whatever its field: checked once per row before
//! the row is read, so a refused cell is reported once with its line and column.
//!
//! - no control, bidirectional or replacement character (see [`crate::text::safe`]);
//!   line ends and tabs inside a quoted cell are allowed, they become spaces;
//! - a length limit: codes [`MAX_CODE`], names [`MAX_NAME`], address and note
//!   [`MAX_LONG_TEXT`] characters (a register is printed on A4 and shown at 80 columns;
//!   anything longer is a pasted paragraph, not a name);
//! - codes are printable ASCII: a Cyrillic "Н" or a full-width "Ｈ" looks like the
//!   Latin letter and would make a second, different code;
//! - a cell that starts like a spreadsheet formula (`=`, `+`, `-`, `@`) is noted for the
//!   preview. Our exports write such cells with a leading `'` ([`formula_guard`]); the
//!   importer takes that `'` off again ([`strip_formula_guard`]).

use super::csv_read::Row;
use super::headers::{ColumnMap, Field};
use super::plan::Problem;
use crate::text::safe::{describe_char, is_unsafe};

pub use crate::text::limits::{MAX_CODE, MAX_LONG_TEXT, MAX_NAME};

/// Whether a field holds a code (its own or another unit's).
pub fn is_code_field(field: Field) -> bool {
    matches!(
        field,
        Field::Code
            | Field::CommunityCode
            | Field::ClanCode
            | Field::HouseholdCode
            | Field::OrganisationCode
    )
}

/// Fields that are free text, where a formula-looking start is worth a warning.
fn is_free_text(field: Field) -> bool {
    matches!(
        field,
        Field::Name
            | Field::HeadName
            | Field::Community
            | Field::Clan
            | Field::Address
            | Field::Branch
            | Field::ClanHead
            | Field::Note
            | Field::Organisation
    )
}

fn limit(field: Field) -> usize {
    if is_code_field(field) {
        MAX_CODE
    } else if matches!(field, Field::Address | Field::Note) {
        MAX_LONG_TEXT
    } else {
        MAX_NAME
    }
}

/// The characters a spreadsheet reads as the start of a formula (OWASP's list).
pub fn starts_like_formula(text: &str) -> bool {
    matches!(
        text.chars().next(),
        Some('=' | '+' | '-' | '@' | '\t' | '\r')
    )
}

/// How an export writes a cell Excel would run as a formula: behind a `'`.
/// A text that already starts with `'` and a formula character gets a second `'`, so
/// that taking one off on import gives it back unchanged.
pub fn formula_guard(text: String) -> String {
    if starts_like_formula(&text) || is_guarded(&text) {
        format!("'{text}")
    } else {
        text
    }
}

/// Whether `text` is a guarded cell: `'` before a formula start or before another
/// guarded cell.
fn is_guarded(text: &str) -> bool {
    text.strip_prefix('\'')
        .is_some_and(|rest| starts_like_formula(rest) || is_guarded(rest))
}

/// Takes off the `'` our exports put before a formula-looking cell.
pub fn strip_formula_guard(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if is_guarded(text) => rest,
        _ => text,
    }
}

/// What a look-alike character is, for the message about a code.
fn script_of(c: char) -> &'static str {
    match c {
        '\u{0400}'..='\u{04FF}' => " (chữ Kirin, trông giống chữ La-tinh)",
        '\u{0370}'..='\u{03FF}' => " (chữ Hy Lạp, trông giống chữ La-tinh)",
        '\u{FF00}'..='\u{FFEF}' => " (ký tự toàn khổ)",
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{00AD}' => " (ký tự ẩn)",
        _ => "",
    }
}

/// The refusal of one cell, if any. Line ends and tabs are allowed (a quoted cell may
/// span lines); they become spaces when the cell is cleaned.
pub fn cell_problem(field: Field, raw: &str) -> Option<String> {
    let allowed_whitespace = |c: char| matches!(c, '\n' | '\r' | '\t');
    // One pass also counts the characters and tells whether the cell is surely in NFC
    // (as `text::nfc` judges it): then cleaning can only drop characters, and a cell
    // within the limit needs no cleaned copy to be measured.
    let mut chars = 0usize;
    let mut surely_nfc = true;
    for c in raw.chars() {
        if is_unsafe(c) && !allowed_whitespace(c) {
            return Some(format!(
                "có {} ở ký tự thứ {}; hãy xóa ký tự đó trong Excel rồi lưu lại",
                describe_char(c),
                chars + 1
            ));
        }
        chars += 1;
        surely_nfc &= c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c);
    }
    let max = limit(field);
    if !(surely_nfc && chars <= max) {
        let text = crate::text::clean_name_cow(strip_formula_guard(raw));
        let length = text.chars().count();
        if length > max {
            return Some(format!("dài {length} ký tự, quá giới hạn {max} ký tự"));
        }
    }
    // The raw cell, not the cleaned one: cleaning drops zero-width characters, and a
    // code typed with one is still not the code it looks like.
    if is_code_field(field)
        && let Some(c) = raw
            .chars()
            .find(|c| !c.is_ascii_graphic() && !c.is_ascii_whitespace())
    {
        return Some(format!(
            "mã chỉ được gồm chữ cái không dấu, chữ số và dấu câu ASCII; ký tự \"{c}\" (U+{:04X}){} không phải",
            u32::from(c),
            script_of(c)
        ));
    }
    None
}

/// The fields [`check_row`] checks, in the order of their columns: found once per file.
pub fn checked_fields(map: &ColumnMap) -> Vec<(Field, usize)> {
    let mut fields: Vec<(Field, usize)> = map.fields().collect();
    fields.sort_by_key(|(_, index)| *index);
    fields
}

/// Checks every known cell of a row (`fields` from [`checked_fields`]); returns the
/// problems and the formula-looking cells (column headers) to flag.
pub fn check_row(
    row: &Row,
    fields: &[(Field, usize)],
    headers: &[String],
) -> (Vec<Problem>, Vec<String>) {
    let mut problems = Vec::new();
    let mut formulas = Vec::new();
    for &(field, index) in fields {
        let Some(raw) = row.fields.get(index) else {
            continue;
        };
        // The column's name is copied only for a cell that is reported.
        let column = || headers.get(index).cloned();
        if let Some(reason) = cell_problem(field, raw) {
            problems.push(Problem {
                line: Some(row.line),
                column: column(),
                value: Some(raw.to_string()),
                reason,
            });
        } else if is_free_text(field) && starts_like_formula(raw.trim_start_matches(' ')) {
            formulas.extend(column());
        }
    }
    (problems, formulas)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_are_refused_but_line_ends_are_not() {
        assert!(cell_problem(Field::Name, "An\u{1B}[2J").is_some());
        assert!(cell_problem(Field::Name, "An\u{202E}").is_some());
        assert!(cell_problem(Field::Name, "An\u{FFFD}").is_some());
        assert!(cell_problem(Field::Name, "An\u{85}").is_some());
        assert_eq!(cell_problem(Field::Name, "Nguyễn\r\nVăn\tAn"), None);
    }

    #[test]
    fn lengths_are_limited_per_kind_of_field() {
        assert!(cell_problem(Field::Name, &"a".repeat(MAX_NAME)).is_none());
        let too_long = cell_problem(Field::Name, &"ễ".repeat(MAX_NAME + 1)).unwrap();
        assert!(too_long.contains("201 ký tự"), "{too_long}");
        assert!(cell_problem(Field::Code, &"A".repeat(MAX_CODE + 1)).is_some());
        assert!(cell_problem(Field::Address, &"a".repeat(MAX_LONG_TEXT)).is_none());
    }

    #[test]
    fn codes_are_ascii_and_look_alikes_are_named() {
        let cyrillic = cell_problem(Field::Code, "\u{41D}\u{41E}00001").unwrap();
        assert!(cyrillic.contains("U+041D"), "{cyrillic}");
        assert!(cyrillic.contains("Kirin"), "{cyrillic}");
        let wide = cell_problem(Field::CommunityCode, "ＴＨ001").unwrap();
        assert!(wide.contains("toàn khổ"), "{wide}");
        assert!(
            cell_problem(Field::Code, "HO\u{200B}001")
                .unwrap()
                .contains("ẩn")
        );
        assert_eq!(cell_problem(Field::Code, "TH-01/2"), None);
        assert_eq!(cell_problem(Field::Name, "Đông"), None);
    }

    #[test]
    fn the_formula_guard_round_trips() {
        for text in [
            "=1+2", "+84 912", "-", "@SUM(A1)", "Nguyễn", "'quoted", "'=x", "", "'",
        ] {
            let guarded = formula_guard(text.to_string());
            assert!(!starts_like_formula(&guarded), "{guarded}");
            assert_eq!(strip_formula_guard(&guarded), text);
        }
    }
}
