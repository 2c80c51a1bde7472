//! What every row of every kind shares: its code (matched against the register, checked
//! for repeats in the file, generated when blank) and the years it entered and left.
//! Each kind's own row file builds the rest of the unit on top of this.

use super::cells::Cells;
use super::headers::Field;
use super::lookup::Lookup;
use super::plan::{Action, ImportOptions, Links, PlannedRow};
use crate::model::{Unit, UnitId, UnitMeta};

/// The start of a row: its code, the unit it updates if any, and its years.
pub struct RowStart {
    pub line: u64,
    pub meta: UnitMeta,
    pub existing: Option<(UnitId, Unit)>,
    pub generated: bool,
}

/// What planning one row produced.
pub struct RowOutcome {
    pub row: PlannedRow,
    pub unchanged: bool,
    pub generated: bool,
}

/// Reads the code and the years. `None` when one of them is refused (the problem is
/// recorded); the caller still reads its other cells so one pass reports every problem.
pub fn start_row(
    cells: &mut Cells,
    lookup: &mut Lookup,
    options: ImportOptions,
) -> Option<RowStart> {
    let line = cells.row.line;
    let mut ok = true;
    let (code, generated) = match cells.text(Field::Code) {
        Some(code) => {
            if let Some(earlier) = lookup.first_use(&code, line) {
                cells.fail(
                    Field::Code,
                    &code,
                    format!("mã này đã có ở dòng {earlier} của tệp"),
                );
                ok = false;
            }
            (code, false)
        }
        None => match lookup.generate_code() {
            Ok(code) => (code, true),
            Err(reason) => {
                cells.fail(Field::Code, "", reason);
                ok = false;
                (String::new(), true)
            }
        },
    };
    let existing = lookup.existing(&code).cloned();
    let old_meta = existing.as_ref().map(|(_, u)| u.meta().clone());
    let entered = match cells.year(Field::Entered) {
        Ok(Some(year)) => year,
        Ok(None) => old_meta
            .as_ref()
            .map_or(options.default_year, |m| m.entered),
        Err(()) => {
            ok = false;
            options.default_year
        }
    };
    let left = if cells.has(Field::Left) {
        match cells.year(Field::Left) {
            Ok(year) => year,
            Err(()) => {
                ok = false;
                None
            }
        }
    } else {
        old_meta.as_ref().and_then(|m| m.left)
    };
    if let Some(left_year) = left
        && left_year < entered
    {
        cells.fail(
            Field::Left,
            &left_year.to_string(),
            format!("năm ra trước năm vào ({entered})"),
        );
        ok = false;
    }
    ok.then_some(RowStart {
        line,
        meta: UnitMeta {
            code,
            entered,
            left,
        },
        existing,
        generated,
    })
}

/// Turns a finished unit into the planned change (or notes it as unchanged).
pub fn finish(start: RowStart, unit: Unit, links: Links) -> RowOutcome {
    let (action, unchanged) = match &start.existing {
        Some((id, old)) => (
            Action::Update(*id),
            links == Links::default() && *old == unit,
        ),
        None => (Action::Insert, false),
    };
    RowOutcome {
        row: PlannedRow {
            line: start.line,
            unit,
            action,
            links,
        },
        unchanged,
        generated: start.generated,
    }
}

/// Text for a field: the cell when the file has the column (blank clears it), otherwise
/// the old value, otherwise empty.
pub fn text_or_keep(cells: &Cells, field: Field, old: Option<&str>) -> String {
    if cells.has(field) {
        cells.text(field).unwrap_or_default()
    } else {
        old.unwrap_or_default().to_string()
    }
}
