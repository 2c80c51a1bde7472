//! Reading one field of one row: trimmed, cleaned text and checked numbers, every refusal
//! recorded as a [`Problem`] naming the line, the column as the file spells it, the value
//! and the reason.

use super::cell_rules::strip_formula_guard;
use super::csv_read::Row;
use super::headers::{ColumnMap, Field};
use super::plan::Problem;
use crate::model::Year;
use crate::text::clean_name_cow;
use std::borrow::Cow;

/// The cells of one row, with the file's headers to name columns in messages.
pub struct Cells<'a> {
    pub row: &'a Row,
    pub map: &'a ColumnMap,
    pub headers: &'a [String],
    pub problems: &'a mut Vec<Problem>,
}

impl<'a> Cells<'a> {
    /// Whether the file has a column for `field` at all (absent columns keep old values).
    pub fn has(&self, field: Field) -> bool {
        self.map.has(field)
    }

    fn raw(&self, field: Field) -> Option<&'a str> {
        let index = self.map.position(field)?;
        self.row.fields.get(index)
    }

    /// The cleaned text of a cell (NFC, spaces normalised), `None` when blank or absent.
    pub fn text(&self, field: Field) -> Option<String> {
        self.text_cow(field).map(Cow::into_owned)
    }

    /// [`Cells::text`] without a copy when the cell is already clean (most are).
    pub fn text_cow(&self, field: Field) -> Option<Cow<'a, str>> {
        self.raw(field)
            .map(|raw| clean_name_cow(strip_formula_guard(raw)))
            .filter(|s| !s.is_empty())
    }

    /// Records a problem with this row's `field`.
    pub fn fail(&mut self, field: Field, value: &str, reason: impl Into<String>) {
        let column = self
            .map
            .position(field)
            .and_then(|i| self.headers.get(i))
            .cloned();
        self.problems.push(Problem {
            line: Some(self.row.line),
            column,
            value: Some(value.to_string()),
            reason: reason.into(),
        });
    }

    /// A whole number of people or staff, `None` when blank. Accepts Vietnamese thousands
    /// separators ("1.234") and a spreadsheet's "4.0"; refuses anything else.
    pub fn count(&mut self, field: Field, max: u32) -> Result<Option<u32>, ()> {
        // The text is copied only for a message: most cells are numbers, read in place.
        let (parsed, text) = match self.text_cow(field) {
            None => return Ok(None),
            Some(text) => match parse_count(&text) {
                Some(n) if n <= max => return Ok(Some(n)),
                parsed => (parsed, text.into_owned()),
            },
        };
        if parsed.is_some() {
            self.fail(field, &text, format!("số quá lớn (tối đa {max})"));
        } else {
            self.fail(field, &text, "không phải là số nguyên không âm");
        }
        Err(())
    }

    /// A year (1900–2100), `None` when blank. A full date ("12/03/1985", "1985-03-12")
    /// gives its year, since a birth-date column is what most lists have.
    pub fn year(&mut self, field: Field) -> Result<Option<Year>, ()> {
        let text = match self.text_cow(field) {
            None => return Ok(None),
            Some(text) => match parse_year(&text) {
                Some(y) => return Ok(Some(y)),
                None => text.into_owned(),
            },
        };
        self.fail(field, &text, "không phải là năm (từ 1900 đến 2100)");
        Err(())
    }
}

fn parse_count(text: &str) -> Option<u32> {
    let text = text
        .strip_suffix(".0")
        .or(text.strip_suffix(",0"))
        .unwrap_or(text);
    if text.chars().all(|c| c.is_ascii_digit()) {
        return text.parse().ok();
    }
    // "1.234.567": every group after a separator has exactly three digits.
    let mut groups = text.split(['.', ',']);
    let first = groups.next()?;
    if first.is_empty() || first.len() > 3 || !first.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut digits = first.to_string();
    for group in groups {
        if group.len() != 3 || !group.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        digits.push_str(group);
    }
    digits.parse().ok()
}

fn parse_year(text: &str) -> Option<Year> {
    let year_text = text
        .split(['/', '-', '.', ' '])
        .filter(|part| part.len() == 4)
        .find(|part| part.chars().all(|c| c.is_ascii_digit()))
        .or_else(|| (text.len() == 4).then_some(text))?;
    let year: Year = year_text.parse().ok()?;
    (1900..=2100).contains(&year).then_some(year)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_accept_office_spellings_only() {
        assert_eq!(parse_count("4"), Some(4));
        assert_eq!(parse_count("4.0"), Some(4));
        assert_eq!(parse_count("1.234"), Some(1234));
        assert_eq!(parse_count("1,234"), Some(1234));
        assert_eq!(parse_count("1.2"), None);
        assert_eq!(parse_count("-3"), None);
        assert_eq!(parse_count("bốn"), None);
        assert_eq!(parse_count(""), None);
    }

    #[test]
    fn years_come_from_years_and_dates() {
        assert_eq!(parse_year("1985"), Some(1985));
        assert_eq!(parse_year("12/03/1985"), Some(1985));
        assert_eq!(parse_year("1985-03-12"), Some(1985));
        assert_eq!(parse_year("85"), None);
        assert_eq!(parse_year("1850"), None);
        assert_eq!(parse_year("năm 1985"), Some(1985));
    }
}
