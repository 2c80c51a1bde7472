//! A "Năm ra" (year left) that a re-import moves before a year the register already has
//! a decision for: the unit would silently drop out of that year's counts and its
//! recognition would vanish from the report. The import refuses such a row; the
//! officer withdraws the decision in the app first, or corrects the year.

use super::headers::{Field, columns};
use super::plan::{Action, PlannedRow, Problem};
use crate::model::{Title, Unit, UnitId, UnitKind};
use crate::store::{Reader, StoreError};
use std::collections::BTreeMap;

/// For each planned update whose year left is new or earlier than before, a problem if
/// the unit has a decision in that year or later. Reads the evaluations only when some
/// row moves a year left.
pub fn check(
    reader: &Reader,
    kind: UnitKind,
    rows: &[PlannedRow],
    headers: &[String],
) -> Result<Vec<(u64, Problem)>, StoreError> {
    let mut moved: Vec<(u64, UnitId, u16)> = Vec::new();
    for row in rows {
        let (Action::Update(id), Some(left)) = (row.action, row.unit.meta().left) else {
            continue;
        };
        let old_left = reader.unit(kind, id)?.and_then(|u: Unit| u.meta().left);
        if old_left.is_none_or(|old| left < old) {
            moved.push((row.line, id, left));
        }
    }
    if moved.is_empty() {
        return Ok(Vec::new());
    }
    let title = Title::for_kind(kind);
    let earliest = moved.iter().map(|(_, _, left)| *left).min().unwrap_or(0);
    let mut decided: BTreeMap<UnitId, Vec<u16>> = BTreeMap::new();
    for (key, evaluation) in reader.evaluations_between(earliest, u16::MAX)? {
        if key.title == title && evaluation.decision.is_some() {
            decided.entry(key.unit).or_default().push(key.year);
        }
    }
    let column = columns(kind)
        .iter()
        .find(|c| c.field == Field::Left)
        .map(|c| c.header().to_string());
    // The file's own spelling of the column, when it has one we know.
    let column = headers
        .iter()
        .find(|h| {
            columns(kind).iter().any(|c| {
                c.field == Field::Left
                    && c.aliases
                        .iter()
                        .any(|a| crate::text::header_key(a) == crate::text::header_key(h))
            })
        })
        .cloned()
        .or(column);
    let mut problems = Vec::new();
    for (line, id, left) in moved {
        let Some(years) = decided.get(&id) else {
            continue;
        };
        let late: Vec<String> = years
            .iter()
            .filter(|y| **y >= left)
            .map(ToString::to_string)
            .collect();
        if late.is_empty() {
            continue;
        }
        problems.push((
            line,
            Problem {
                line: Some(line),
                column: column.clone(),
                value: Some(left.to_string()),
                reason: format!(
                    "đơn vị đã có quyết định {} năm {}; năm ra {left} sẽ làm mất quyết định đó khỏi báo cáo. Rút quyết định trong ứng dụng trước, hoặc sửa năm ra",
                    title.short(),
                    late.join(", ")
                ),
            },
        ));
    }
    Ok(problems)
}
