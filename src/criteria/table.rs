//! A criteria set from a table typed from the paper text: one row per indicator (the
//! columns are in [`COLUMNS`]), the set's own fields given apart ([`SetFields`], the
//! options of `criteria import`) or, for a file written by `criteria export`, in the
//! set columns of its first row. The table is already cells (`headers` + rows with their
//! line): reading a CSV or an Excel file is the caller's job, so both plug in here.
//!
//! Every bad cell is reported with its line and column; the set built is then put
//! through the rules of [`super::parse_set`] so a table and a file obey one validator.

use super::set::{CriteriaSet, Criterion, Indicator, IndicatorKind, Scope, Status};
use super::{parse_set, to_toml};
use crate::model::{Title, Year};
use crate::text::{fold, header_key};
use std::collections::HashSet;
use std::fmt;

/// The set's own fields, from the command line; each, when given, wins over the file.
#[derive(Debug, Clone, Default)]
pub struct SetFields {
    pub id: Option<String>,
    pub title: Option<Title>,
    pub name: Option<String>,
    pub from: Option<Year>,
    pub to: Option<Year>,
    pub source: Option<String>,
    pub min_total: Option<u16>,
    /// Marked "đã đối chiếu văn bản gốc": the set is stored as verified.
    pub checked: bool,
    /// What the set is entered from, for its provisional note ("tệp tieu-chi.csv").
    pub from_what: String,
}

/// One problem of the table: line and column when there are ones.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TableProblem {
    pub line: Option<u64>,
    pub column: Option<String>,
    pub message: String,
}

impl fmt::Display for TableProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(line) = self.line {
            write!(f, "dòng {line}")?;
            if let Some(col) = &self.column {
                write!(f, ", cột «{col}»")?;
            }
            write!(f, ": ")?;
        } else if let Some(col) = &self.column {
            write!(f, "{col}: ")?;
        }
        write!(f, "{}", self.message)
    }
}

/// Which column of the file holds each of [`COLUMNS`] (by index), or problems.
fn map_columns(
    headers: &[String],
    header_line: u64,
) -> Result<Vec<Option<usize>>, Vec<TableProblem>> {
    let keys: Vec<String> = headers.iter().map(|h| header_key(h)).collect();
    let mut problems = Vec::new();
    let mut map = Vec::with_capacity(COLUMNS.len());
    for col in COLUMNS {
        let wanted: Vec<String> = col.names.iter().map(|n| header_key(n)).collect();
        let found: Vec<usize> = keys
            .iter()
            .enumerate()
            .filter(|(_, k)| wanted.contains(k))
            .map(|(i, _)| i)
            .collect();
        if found.len() > 1 {
            problems.push(TableProblem {
                line: Some(header_line),
                column: Some(col.names[0].into()),
                message: "cột này có hai lần; giữ một cột".into(),
            });
        }
        if found.is_empty() && col.required {
            problems.push(TableProblem {
                line: Some(header_line),
                column: Some(col.names[0].into()),
                message: format!(
                    "thiếu cột «{}» ở dòng tiêu đề (cần các cột: Tiêu chí, Mã chỉ số, Nội dung, Loại, Điểm tối đa)",
                    col.names[0]
                ),
            });
        }
        map.push(found.first().copied());
    }
    if problems.is_empty() {
        Ok(map)
    } else {
        Err(problems)
    }
}

/// Reads the set from a table. `rows` are (line, cells) of the non-blank rows.
pub fn set_from_table(
    headers: &[String],
    header_line: u64,
    rows: &[(u64, Vec<String>)],
    fields: &SetFields,
) -> Result<CriteriaSet, Vec<TableProblem>> {
    let map = map_columns(headers, header_line)?;
    let mut problems = Vec::new();
    let cell = |row: &[String], col: usize| -> String {
        map[col]
            .and_then(|i| row.get(i))
            .map(|s| s.trim().to_string())
            .unwrap_or_default()
    };
    let at = |line: u64, col: usize, message: String| TableProblem {
        line: Some(line),
        column: Some(
            map[col]
                .and_then(|i| headers.get(i))
                .cloned()
                .unwrap_or_else(|| COLUMNS[col].names[0].into()),
        ),
        message,
    };
    let number =
        |line: u64, col: usize, text: &str, problems: &mut Vec<TableProblem>| -> Option<u16> {
            if text.is_empty() {
                return None;
            }
            match text.parse::<u16>() {
                Ok(n) if n <= 1000 => Some(n),
                _ => {
                    problems.push(at(
                        line,
                        col,
                        format!("«{text}» không phải số nguyên từ 0 đến 1000"),
                    ));
                    None
                }
            }
        };

    let mut criteria: Vec<Criterion> = Vec::new();
    let mut codes = HashSet::new();
    for (line, row) in rows {
        let line = *line;
        let (ccode, mut cname) = split_criterion(&cell(row, CRITERION));
        let own_name = cell(row, CRITERION_NAME);
        if !own_name.is_empty() {
            cname = own_name;
        }
        if ccode.is_empty() {
            problems.push(at(
                line,
                CRITERION,
                "thiếu mã tiêu chí (ví dụ «1» hoặc «1. Năng lực tự học»)".into(),
            ));
            continue;
        }
        let code = cell(row, CODE);
        if code.is_empty() {
            problems.push(at(line, CODE, "thiếu mã chỉ số (ví dụ «1.1»)".into()));
        } else if !code.starts_with(&format!("{ccode}.")) {
            problems.push(at(
                line,
                CODE,
                format!(
                    "mã chỉ số «{code}» phải bắt đầu bằng mã tiêu chí và dấu chấm: «{ccode}.…»"
                ),
            ));
        } else if !codes.insert(code.clone()) {
            problems.push(at(
                line,
                CODE,
                format!("mã chỉ số «{code}» trùng với một dòng trên"),
            ));
        }
        let text = cell(row, TEXT);
        if text.is_empty() {
            problems.push(at(line, TEXT, "thiếu nội dung chỉ số".into()));
        }
        let kind_text = cell(row, KIND);
        let kind = kind_of(&kind_text);
        if kind.is_none() {
            problems.push(at(
                line,
                KIND,
                format!("«{kind_text}»: ghi «điểm» hoặc «đạt/không đạt»"),
            ));
        }
        let max_text = cell(row, MAX);
        let max = number(line, MAX, &max_text, &mut problems);
        let floor_text = cell(row, FLOOR);
        let floor = number(line, FLOOR, &floor_text, &mut problems);
        match (kind, max) {
            (Some(IndicatorKind::Points), None) if max_text.is_empty() => {
                problems.push(at(line, MAX, "chỉ số chấm điểm cần điểm tối đa".into()));
            }
            (Some(IndicatorKind::Points), Some(0)) => {
                problems.push(at(line, MAX, "điểm tối đa phải lớn hơn 0".into()));
            }
            (Some(IndicatorKind::PassFail), Some(m)) if m > 0 => {
                problems.push(at(
                    line,
                    MAX,
                    "chỉ số đạt/không đạt không có điểm tối đa; để trống ô này".into(),
                ));
            }
            _ => {}
        }
        if let (Some(f), Some(m)) = (floor, max)
            && f > m
        {
            problems.push(at(
                line,
                FLOOR,
                format!("điểm sàn {f} lớn hơn điểm tối đa {m}"),
            ));
        }
        if kind == Some(IndicatorKind::PassFail) && floor.is_some() {
            problems.push(at(
                line,
                FLOOR,
                "chỉ số đạt/không đạt không có điểm sàn; để trống ô này".into(),
            ));
        }
        let mandatory_text = cell(row, MANDATORY);
        let mandatory = yes_no(&mandatory_text).unwrap_or_else(|| {
            problems.push(at(
                line,
                MANDATORY,
                format!("«{mandatory_text}»: ghi «có» hoặc để trống"),
            ));
            false
        });
        let cmin_text = cell(row, CRITERION_MIN);
        let cmin = number(line, CRITERION_MIN, &cmin_text, &mut problems);

        let position = criteria.iter().position(|c| c.code == ccode);
        let criterion = match position {
            Some(p) if p + 1 == criteria.len() => &mut criteria[p],
            Some(_) => {
                problems.push(at(
                    line,
                    CRITERION,
                    format!("các chỉ số của tiêu chí {ccode} phải liền nhau"),
                ));
                continue;
            }
            None => {
                criteria.push(Criterion {
                    code: ccode.clone(),
                    name: String::new(),
                    min_total: None,
                    indicators: Vec::new(),
                });
                let last = criteria.len() - 1;
                &mut criteria[last]
            }
        };
        if criterion.name.is_empty() {
            criterion.name = cname;
        }
        if cmin.is_some() {
            criterion.min_total = cmin;
        }
        let kind = kind.unwrap_or(IndicatorKind::Points);
        criterion.indicators.push(Indicator {
            code,
            text,
            kind,
            max: if kind == IndicatorKind::Points {
                max.unwrap_or(0)
            } else {
                0
            },
            floor: if kind == IndicatorKind::Points {
                floor
            } else {
                None
            },
            mandatory,
        });
    }
    if rows.is_empty() {
        problems.push(TableProblem {
            line: None,
            column: None,
            message: "bảng không có dòng chỉ số nào".into(),
        });
    }
    for c in &criteria {
        if c.name.is_empty() {
            problems.push(TableProblem {
                line: None,
                column: Some(COLUMNS[CRITERION_NAME].names[0].into()),
                message: format!("tiêu chí {} chưa có tên: ghi «{}. Tên tiêu chí» ở cột Tiêu chí, hoặc thêm cột «Tên tiêu chí»", c.code, c.code),
            });
        }
    }

    // The set's own fields: the options first, then the first row's set columns.
    let first = rows.first().map(|(_, r)| r.as_slice()).unwrap_or(&[]);
    let first_line = rows.first().map_or(header_line, |(l, _)| *l);
    let from_file = |col: usize| cell(first, col);
    let missing = |what: &str, option: &str| TableProblem {
        line: None,
        column: None,
        message: format!("thiếu {what}: dùng tùy chọn {option}"),
    };
    let title = match fields.title {
        Some(t) => Some(t),
        None => {
            let t = from_file(SET_TITLE);
            if t.is_empty() {
                problems.push(missing(
                    "danh hiệu",
                    "--title (gia-dinh, dong-ho, cong-dong, don-vi, cong-dan)",
                ));
                None
            } else {
                let found = Title::from_code(&t)
                    .or_else(|| Title::ALL.into_iter().find(|x| fold(x.name()) == fold(&t)));
                if found.is_none() {
                    problems.push(at(
                        first_line,
                        SET_TITLE,
                        format!("«{t}» không phải danh hiệu"),
                    ));
                }
                found
            }
        }
    };
    let name = fields.name.clone().unwrap_or_else(|| from_file(SET_NAME));
    if name.is_empty() {
        problems.push(missing("tên bộ tiêu chí", "--name \"Bộ tiêu chí …\""));
    }
    let source = fields
        .source
        .clone()
        .unwrap_or_else(|| from_file(SET_SOURCE));
    if source.is_empty() {
        problems.push(missing(
            "văn bản ban hành",
            "--source \"Quyết định số … ngày … của …\"",
        ));
    }
    let year = |col: usize, problems: &mut Vec<TableProblem>| -> Option<Year> {
        let t = from_file(col);
        if t.is_empty() {
            return None;
        }
        match t.parse::<Year>() {
            Ok(y) if (1900..=2200).contains(&y) => Some(y),
            _ => {
                problems.push(at(first_line, col, format!("«{t}» không phải năm")));
                None
            }
        }
    };
    let valid_from = fields.from.or_else(|| year(SET_FROM, &mut problems));
    if valid_from.is_none() && from_file(SET_FROM).is_empty() {
        problems.push(missing("năm bắt đầu áp dụng", "--from NĂM"));
    }
    let valid_to = fields.to.or_else(|| year(SET_TO, &mut problems));
    let min_total = match fields.min_total {
        Some(m) => Some(m),
        None => {
            let t = from_file(SET_MIN_TOTAL);
            number(first_line, SET_MIN_TOTAL, &t, &mut problems)
        }
    };
    let grades = parse_grades(&from_file(SET_GRADES)).unwrap_or_else(|m| {
        problems.push(at(first_line, SET_GRADES, m));
        Vec::new()
    });
    let max_sum: u32 = criteria.iter().map(Criterion::max_total).sum();
    if let Some(m) = min_total
        && u32::from(m) > max_sum
        && problems.is_empty()
    {
        problems.push(TableProblem {
            line: None,
            column: None,
            message: format!(
                "tổng điểm tối thiểu {m} lớn hơn tổng điểm tối đa của các chỉ số ({max_sum})"
            ),
        });
    }
    let (Some(title), Some(valid_from)) = (title, valid_from) else {
        return Err(problems);
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let id = fields.id.clone().unwrap_or_else(|| {
        let file_id = from_file(SET_ID);
        if file_id.is_empty() {
            format!("{}-{valid_from}-van-phong", title.code())
        } else {
            file_id
        }
    });
    let note = from_file(SET_NOTE);
    let (status, status_note) = if fields.checked {
        (Status::Verified, note)
    } else if note.is_empty() {
        (
            Status::Provisional,
            format!(
                "Văn phòng nhập từ {}; chưa đối chiếu văn bản gốc.",
                fields.from_what
            ),
        )
    } else {
        (Status::Provisional, note)
    };
    let set = CriteriaSet {
        id,
        title,
        name,
        valid_from,
        valid_to,
        scope: Scope::Commune,
        source,
        status,
        status_note,
        min_total,
        grades,
        criteria,
        entry: None,
    };
    // One validator: the rules of a TOML file apply to a table too.
    parse_set("bảng", &to_toml(&set)).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| TableProblem {
                line: None,
                column: (!e.field.is_empty()).then(|| e.field.clone()),
                message: e.message,
            })
            .collect::<Vec<_>>()
    })
}

mod columns;

pub use columns::*;

#[cfg(test)]
mod tests;
