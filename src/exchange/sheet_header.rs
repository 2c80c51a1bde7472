//! Column headers spread over two rows, as offices lay out their forms: a merged group
//! cell above its sub-headers ("Thông tin chủ hộ" over "Họ tên | Năm sinh"), the other
//! headers merged down over both rows. A merged cell's covered cells read empty, so
//! the layout shows as: a group's name with an empty cell to its right in the upper
//! row, sub-headers under both in the lower row, and nothing under a single header.
//!
//! The two rows become one header row: a group's columns take their sub-header, the
//! other columns their one header. A data row under a one-row header never looks like
//! this (it has values under single headers), so a one-row header is left alone.
//!
//! Printed forms also number their columns in the row under the header ("(1) (2) (3)");
//! that row is skipped rather than read as a unit.

use super::csv_read::Row;

/// A cell's text, trimmed; "" past the row's end.
fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map_or("", |s| s.trim())
}

/// A group cell's text and the sub-headers under it.
pub type Group = (String, Vec<String>);

/// A header made of two rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoRowHeader {
    /// Index (in the rows given) of the upper row; the lower one follows it.
    pub top: usize,
    /// One header per column.
    pub headers: Vec<String>,
    /// Each group's name and its sub-headers, for the preview.
    pub groups: Vec<Group>,
}

/// The two-row header around the row `at` that the caller found to be the header:
/// `at` with the row above (the group row above the one recognised), or with the row
/// below; `None` when neither pair is laid out as one. The combined row must be
/// recognised too (`is_header`), so a row of data is never taken for sub-headers.
pub fn two_row_header(
    rows: &[Row],
    at: usize,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Option<TwoRowHeader> {
    let pair = |top: usize| -> Option<TwoRowHeader> {
        let (upper, lower) = (rows.get(top)?, rows.get(top + 1)?);
        // Rows apart (a blank row between) are not one header.
        if lower.line != upper.line + 1 {
            return None;
        }
        let (headers, groups) = combine(&upper.fields.to_vec(), &lower.fields.to_vec())?;
        is_header(&headers).then_some(TwoRowHeader {
            top,
            headers,
            groups,
        })
    };
    at.checked_sub(1).and_then(pair).or_else(|| pair(at))
}

/// The one header row two rows make, with the groups found; `None` unless at least one
/// group spans two or more sub-headers, at least one header is merged down over both
/// rows (a title merged across the sheet right above a one-row header has none), and
/// every other filled cell of the lower row stands under an empty upper cell.
fn combine(upper: &[String], lower: &[String]) -> Option<(Vec<String>, Vec<Group>)> {
    let width = upper.len().max(lower.len());
    let mut headers = Vec::with_capacity(width);
    let mut groups: Vec<Group> = Vec::new();
    let mut merged_down = false;
    let mut i = 0;
    while i < width {
        let (name, sub) = (cell(upper, i), cell(lower, i));
        match (name.is_empty(), sub.is_empty()) {
            // A group: its name, then covered (empty) cells, sub-headers under all.
            (false, false) => {
                let mut end = i + 1;
                while end < width && cell(upper, end).is_empty() && !cell(lower, end).is_empty() {
                    end += 1;
                }
                if end - i < 2 {
                    // A value under a single header: the lower row is data.
                    return None;
                }
                let subs: Vec<String> = (i..end).map(|c| cell(lower, c).to_string()).collect();
                headers.extend(subs.iter().cloned());
                groups.push((name.to_string(), subs));
                i = end;
                continue;
            }
            // A header merged down over both rows.
            (false, true) => {
                merged_down = true;
                headers.push(name.to_string());
            }
            // A header typed only in the lower row, or an empty column.
            (true, _) => headers.push(sub.to_string()),
        }
        i += 1;
    }
    (!groups.is_empty() && merged_down).then_some((headers, groups))
}

/// Whether a row under the header only numbers the columns ("1 | 2 | 3 …" or
/// "(1) | (2) …", as printed forms have): read as data it would add a unit named "3".
pub fn numbers_the_columns(row: &Row) -> bool {
    let filled: Vec<&str> = row
        .fields
        .iter()
        .map(|f| f.trim())
        .filter(|f| !f.is_empty())
        .collect();
    filled.len() >= 3
        && filled.iter().enumerate().all(|(i, f)| {
            let bare = f.trim_start_matches('(').trim_end_matches(')');
            bare.parse::<usize>().is_ok_and(|n| n == i + 1)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(line: u64, cells: &[&str]) -> Row {
        Row {
            line,
            fields: cells.iter().map(|s| s.to_string()).collect(),
        }
    }

    /// Recognises a household header: it has "Họ tên" and "Mã hộ".
    fn household(headers: &[String]) -> bool {
        headers.iter().any(|h| h == "Họ tên") && headers.iter().any(|h| h == "Mã hộ")
    }

    fn form() -> Vec<Row> {
        vec![
            row(
                3,
                &[
                    "STT",
                    "Mã hộ",
                    "Thông tin chủ hộ",
                    "",
                    "Thôn",
                    "Nhân khẩu",
                    "",
                ],
            ),
            row(4, &["", "", "Họ tên", "Năm sinh", "", "Tổng", "Từ 15 tuổi"]),
            row(
                5,
                &["1", "HO001", "Nguyễn Văn An", "1970", "Đông", "4", "2"],
            ),
        ]
    }

    #[test]
    fn a_group_over_its_sub_headers_becomes_one_header_row() {
        let rows = form();
        // The lower row alone lacks "Mã hộ": the caller would not recognise it, but
        // finds the pair from either row.
        for at in [0, 1] {
            let found = two_row_header(&rows, at, &household).expect("two rows");
            assert_eq!(found.top, 0);
            assert_eq!(
                found.headers,
                [
                    "STT",
                    "Mã hộ",
                    "Họ tên",
                    "Năm sinh",
                    "Thôn",
                    "Tổng",
                    "Từ 15 tuổi"
                ]
            );
            assert_eq!(
                found.groups,
                vec![
                    (
                        "Thông tin chủ hộ".to_string(),
                        vec!["Họ tên".into(), "Năm sinh".into()]
                    ),
                    (
                        "Nhân khẩu".to_string(),
                        vec!["Tổng".into(), "Từ 15 tuổi".into()]
                    ),
                ]
            );
        }
    }

    #[test]
    fn a_row_numbering_the_columns_is_told_from_data() {
        assert!(numbers_the_columns(&row(5, &["1", "2", "3", "", "4"])));
        assert!(numbers_the_columns(&row(5, &["(1)", "(2)", "(3)"])));
        assert!(!numbers_the_columns(&row(
            5,
            &["1", "HO001", "Nguyễn Văn An"]
        )));
        assert!(!numbers_the_columns(&row(5, &["1", "2"])));
        assert!(!numbers_the_columns(&row(5, &["1", "3", "2"])));
    }

    #[test]
    fn a_data_row_under_a_one_row_header_is_not_taken_for_sub_headers() {
        let rows = vec![
            row(1, &["Mã hộ", "Họ tên", "", "Thôn"]),
            row(2, &["HO001", "Nguyễn Văn An", "x", "Đông"]),
        ];
        assert_eq!(two_row_header(&rows, 0, &household), None);
        // Nor a header row under a title row, nor rows a blank row apart.
        let titled = vec![
            row(1, &["DANH SÁCH HỘ", "", "", ""]),
            row(2, &["Mã hộ", "Họ tên", "Năm sinh", "Thôn"]),
        ];
        assert_eq!(two_row_header(&titled, 1, &household), None);
        let mut apart = form();
        apart[1].line = 5;
        apart[2].line = 6;
        assert_eq!(two_row_header(&apart, 1, &household), None);
    }
}
