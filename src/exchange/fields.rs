//! The cells of one row in one buffer: the text of every cell one after the other and
//! where each ends. A `String` per cell made 400,000 small allocations (and as many
//! frees) for a list of 50,000 households, a tenth of an import's time.

use std::fmt;

/// One row's cells, in file order.
#[derive(Clone, Default, PartialEq, Eq)]
pub struct Fields {
    text: String,
    ends: Vec<usize>,
}

impl Fields {
    /// Room for `cells` cells holding `bytes` bytes of text in all.
    pub fn with_capacity(cells: usize, bytes: usize) -> Fields {
        Fields {
            text: String::with_capacity(bytes),
            ends: Vec::with_capacity(cells),
        }
    }

    /// The cells of `text` cut at `ranges` (each cell's bytes, in order, end to end, as a
    /// csv record holds them); `None` if a cut falls inside a character or the ranges
    /// do not follow each other.
    pub fn from_parts(
        text: &str,
        ranges: impl ExactSizeIterator<Item = Option<std::ops::Range<usize>>>,
    ) -> Option<Fields> {
        let mut ends = Vec::with_capacity(ranges.len());
        let mut at = 0;
        for range in ranges {
            let range = range?;
            if range.start != at || range.end < at || !text.is_char_boundary(range.end) {
                return None;
            }
            at = range.end;
            ends.push(at);
        }
        (at == text.len()).then(|| Fields {
            text: text.to_string(),
            ends,
        })
    }

    pub fn push(&mut self, cell: &str) {
        self.text.push_str(cell);
        self.ends.push(self.text.len());
    }

    pub fn len(&self) -> usize {
        self.ends.len()
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The cell at `index`, `None` past the last one.
    pub fn get(&self, index: usize) -> Option<&str> {
        let end = *self.ends.get(index)?;
        let start = match index.checked_sub(1) {
            Some(before) => self.ends.get(before).copied().unwrap_or(0),
            None => 0,
        };
        self.text.get(start..end)
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> + Clone + '_ {
        (0..self.len()).filter_map(|i| self.get(i))
    }

    /// Replaces the cell at `index` (nothing happens past the last one). Rare: a code
    /// mapped back, a cell in an old font converted.
    pub fn set(&mut self, index: usize, cell: &str) {
        if index >= self.len() {
            return;
        }
        *self = self
            .iter()
            .enumerate()
            .map(|(i, old)| if i == index { cell } else { old })
            .collect();
    }

    pub fn to_vec(&self) -> Vec<String> {
        self.iter().map(str::to_string).collect()
    }
}

impl<S: AsRef<str>> FromIterator<S> for Fields {
    fn from_iter<I: IntoIterator<Item = S>>(cells: I) -> Fields {
        let mut fields = Fields::default();
        for cell in cells {
            fields.push(cell.as_ref());
        }
        fields
    }
}

impl From<Vec<String>> for Fields {
    fn from(cells: Vec<String>) -> Fields {
        cells.into_iter().collect()
    }
}

impl From<Vec<&str>> for Fields {
    fn from(cells: Vec<&str>) -> Fields {
        cells.into_iter().collect()
    }
}

impl<S: AsRef<str>> PartialEq<Vec<S>> for Fields {
    fn eq(&self, other: &Vec<S>) -> bool {
        self.len() == other.len() && self.iter().zip(other).all(|(a, b)| a == b.as_ref())
    }
}

impl fmt::Debug for Fields {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_read_back_as_pushed_and_one_can_be_replaced() {
        let mut fields = Fields::from(vec!["HO1", "", "Nguyễn Văn Ước"]);
        assert_eq!(fields.len(), 3);
        assert_eq!(fields.get(1), Some(""));
        assert_eq!(fields.get(2), Some("Nguyễn Văn Ước"));
        assert_eq!(fields.get(3), None);
        fields.set(0, "HO0001");
        fields.set(9, "x");
        assert_eq!(fields, vec!["HO0001", "", "Nguyễn Văn Ước"]);
        assert_eq!(format!("{fields:?}"), r#"["HO0001", "", "Nguyễn Văn Ước"]"#);
        assert!(Fields::default().is_empty());
    }

    #[test]
    fn cells_are_cut_from_a_record_only_at_whole_characters() {
        let parts = |ranges: Vec<std::ops::Range<usize>>| {
            Fields::from_parts("HOẶC1", ranges.into_iter().map(Some))
        };
        assert_eq!(
            parts(vec![0..2, 2..7]),
            Some(Fields::from(vec!["HO", "ẶC1"]))
        );
        assert_eq!(parts(vec![0..3, 3..7]), None);
        assert_eq!(parts(vec![0..1, 1..2]), None);
        assert_eq!(parts(vec![0..2, 3..7]), None);
    }
}
