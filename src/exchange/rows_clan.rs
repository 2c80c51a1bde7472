//! A row of a clans file (dòng họ, or a branch "chi" registered on its own).

use super::cells::Cells;
use super::headers::Field;
use super::lookup::Lookup;
use super::plan::{ImportOptions, Links};
use super::rows_common::{RowOutcome, finish, start_row, text_or_keep};
use crate::model::{Clan, Unit};

pub fn plan_row(
    cells: &mut Cells,
    lookup: &mut Lookup,
    options: ImportOptions,
) -> Option<RowOutcome> {
    let start = start_row(cells, lookup, options);
    let old = start.as_ref().and_then(|s| match &s.existing {
        Some((_, Unit::Clan(c))) => Some(c.clone()),
        _ => None,
    });
    let Some(name) = cells.text(Field::Name) else {
        cells.fail(Field::Name, "", "chưa có tên dòng họ");
        return None;
    };
    let branch = if cells.has(Field::Branch) {
        cells.text(Field::Branch)
    } else {
        old.as_ref().and_then(|c| c.branch.clone())
    };
    let head = text_or_keep(
        cells,
        Field::ClanHead,
        old.as_ref().map(|c| c.head.as_str()),
    );
    let note = text_or_keep(cells, Field::Note, old.as_ref().map(|c| c.note.as_str()));
    let start = start?;
    let unit = Unit::Clan(Clan {
        meta: start.meta.clone(),
        name,
        branch,
        head,
        note,
    });
    Some(finish(start, unit, Links::default()))
}
