//! The columns of a criteria table (the header `criteria export` writes first, then the
//! other spellings accepted) and how single cells read: a criterion cell, a kind, a
//! yes/no, grade bands.

use crate::criteria::set::{Grade, IndicatorKind};
use crate::text::fold;

/// One column of the table: its header as `criteria export` writes it, then the other
/// spellings accepted (compared without case, diacritics or punctuation).
pub struct Col {
    pub names: &'static [&'static str],
    pub required: bool,
}

pub const CRITERION: usize = 0;
pub const CRITERION_NAME: usize = 1;
pub const CODE: usize = 2;
pub const TEXT: usize = 3;
pub const KIND: usize = 4;
pub const MAX: usize = 5;
pub const FLOOR: usize = 6;
pub const MANDATORY: usize = 7;
pub const CRITERION_MIN: usize = 8;
pub const SET_ID: usize = 9;
pub const SET_TITLE: usize = 10;
pub const SET_NAME: usize = 11;
pub const SET_FROM: usize = 12;
pub const SET_TO: usize = 13;
pub const SET_SOURCE: usize = 14;
pub const SET_MIN_TOTAL: usize = 15;
pub const SET_GRADES: usize = 16;
pub const SET_NOTE: usize = 17;

/// The columns, in the order `criteria export` writes them. The set columns (from
/// "Mã bộ") are filled on the first row only.
pub const COLUMNS: &[Col] = &[
    Col {
        names: &["Tiêu chí", "Mã tiêu chí", "TC"],
        required: true,
    },
    Col {
        names: &["Tên tiêu chí"],
        required: false,
    },
    Col {
        names: &["Mã chỉ số", "Chỉ số", "Mã", "Số TT"],
        required: true,
    },
    Col {
        names: &["Nội dung", "Nội dung chỉ số", "Chỉ số nội dung"],
        required: true,
    },
    Col {
        names: &["Loại", "Loại chỉ số", "Cách chấm"],
        required: true,
    },
    Col {
        names: &["Điểm tối đa", "Tối đa", "Điểm chuẩn", "Điểm"],
        required: false,
    },
    Col {
        names: &["Điểm sàn", "Sàn", "Điểm tối thiểu chỉ số"],
        required: false,
    },
    Col {
        names: &["Bắt buộc"],
        required: false,
    },
    Col {
        names: &["Điểm tối thiểu tiêu chí", "Tối thiểu tiêu chí"],
        required: false,
    },
    Col {
        names: &["Mã bộ", "Mã bộ tiêu chí"],
        required: false,
    },
    Col {
        names: &["Danh hiệu"],
        required: false,
    },
    Col {
        names: &["Tên bộ", "Tên bộ tiêu chí"],
        required: false,
    },
    Col {
        names: &["Từ năm", "Áp dụng từ năm"],
        required: false,
    },
    Col {
        names: &["Đến năm", "Áp dụng đến năm"],
        required: false,
    },
    Col {
        names: &["Văn bản", "Nguồn", "Căn cứ"],
        required: false,
    },
    Col {
        names: &["Tổng điểm tối thiểu", "Điểm đạt"],
        required: false,
    },
    Col {
        names: &["Xếp loại"],
        required: false,
    },
    Col {
        names: &["Ghi chú"],
        required: false,
    },
];

/// Whether a row of a sheet is the header of a criteria table (rather than a title row
/// above it, "BỘ TIÊU CHÍ CÔNG DÂN HỌC TẬP"): it names at least three of the required
/// columns.
pub fn looks_like_header(cells: &[String]) -> bool {
    let folded: Vec<String> = cells.iter().map(|c| fold(c.trim())).collect();
    COLUMNS
        .iter()
        .filter(|col| col.required)
        .filter(|col| {
            col.names
                .iter()
                .any(|name| folded.iter().any(|c| *c == fold(name)))
        })
        .count()
        >= 3
}

/// "1", "1.", "1. Năng lực tự học", "Tiêu chí 1: Năng lực…" → ("1", name).
pub(super) fn split_criterion(cell: &str) -> (String, String) {
    let t = cell.trim();
    let t = match fold(t).strip_prefix("tieu chi ") {
        // "Tiêu chí " is 10 bytes in NFC, 9 characters; skip by characters.
        Some(_) => t.chars().skip(9).collect::<String>(),
        None => t.to_string(),
    };
    let t = t.trim();
    let end = t
        .find(|c: char| !(c.is_ascii_alphanumeric() || c == '.'))
        .unwrap_or(t.len());
    let (code, rest) = t.split_at_checked(end).unwrap_or((t, ""));
    let code = code.trim_end_matches('.').to_string();
    let name = rest
        .trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '–'))
        .trim()
        .to_string();
    (code, name)
}

pub(super) fn kind_of(cell: &str) -> Option<IndicatorKind> {
    let k: String = fold(cell).chars().filter(|c| c.is_alphanumeric()).collect();
    match k.as_str() {
        "diem" | "points" | "cham diem" | "chamdiem" => Some(IndicatorKind::Points),
        "datkhongdat" | "dk" | "passfail" | "datkdat" => Some(IndicatorKind::PassFail),
        _ => None,
    }
}

pub(super) fn yes_no(cell: &str) -> Option<bool> {
    match fold(cell).trim() {
        "" | "khong" | "0" | "no" | "false" | "-" => Some(false),
        "co" | "x" | "1" | "yes" | "true" | "bat buoc" | "b" => Some(true),
        _ => None,
    }
}

/// "Tốt ≥ 85; Khá ≥ 70" or "Tốt: 85; Khá: 70" → bands, highest first.
pub fn parse_grades(cell: &str) -> Result<Vec<Grade>, String> {
    let mut grades = Vec::new();
    for part in cell.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let Some(split) = part.rfind(|c: char| !c.is_ascii_digit() && !c.is_whitespace()) else {
            return Err(format!("«{part}»: cần dạng «Tốt ≥ 85; Khá ≥ 70»"));
        };
        let (name, number) = part.split_at(split);
        let number = number
            .get(number.chars().next().map_or(0, char::len_utf8)..)
            .unwrap_or("");
        let name = name.trim().trim_end_matches(['≥', ':', '>', '=']).trim();
        let min: u16 = number
            .trim()
            .parse()
            .map_err(|_| format!("«{part}»: cần dạng «Tốt ≥ 85; Khá ≥ 70»"))?;
        if name.is_empty() {
            return Err(format!("«{part}»: thiếu tên xếp loại"));
        }
        grades.push(Grade {
            name: name.into(),
            min_total: min,
        });
    }
    grades.sort_by_key(|g| std::cmp::Reverse(g.min_total));
    Ok(grades)
}

/// The grades as [`parse_grades`] reads them back.
pub fn grades_cell(grades: &[Grade]) -> String {
    grades
        .iter()
        .map(|g| format!("{} ≥ {}", g.name, g.min_total))
        .collect::<Vec<_>>()
        .join("; ")
}
