//! A row of an organisations file: agencies, schools, enterprises, cooperatives,
//! production facilities and armed-forces units on the commune's territory.

use super::cells::Cells;
use super::headers::Field;
use super::lookup::Lookup;
use super::plan::{ImportOptions, Links};
use super::rows_common::{RowOutcome, finish, start_row};
use crate::model::{OrgKind, Organisation, Unit};
use crate::text::fold;

/// Short forms offices write for a kind, beside the full labels.
const KIND_ABBREVIATIONS: &[(&str, OrgKind)] = &[
    ("CQ", OrgKind::CoQuan),
    ("Trường", OrgKind::TruongHoc),
    ("DN", OrgKind::DoanhNghiep),
    ("Công ty", OrgKind::DoanhNghiep),
    ("HTX", OrgKind::HopTacXa),
    ("Cơ sở", OrgKind::CoSoSanXuat),
    ("LLVT", OrgKind::LucLuongVuTrang),
];

pub fn parse_kind(text: &str) -> Option<OrgKind> {
    let key = fold(text);
    OrgKind::ALL
        .iter()
        .find(|k| fold(k.label()) == key)
        .copied()
        .or_else(|| {
            KIND_ABBREVIATIONS
                .iter()
                .find(|(word, _)| fold(word) == key)
                .map(|(_, kind)| *kind)
        })
}

pub fn plan_row(
    cells: &mut Cells,
    lookup: &mut Lookup,
    options: ImportOptions,
) -> Option<RowOutcome> {
    let start = start_row(cells, lookup, options);
    let old = start.as_ref().and_then(|s| match &s.existing {
        Some((_, Unit::Organisation(o))) => Some(o.clone()),
        _ => None,
    });
    let mut ok = true;
    let kind = match cells.text(Field::OrgKind) {
        Some(text) => parse_kind(&text).unwrap_or_else(|| {
            let allowed: Vec<&str> = OrgKind::ALL.iter().map(|k| k.label()).collect();
            cells.fail(
                Field::OrgKind,
                &text,
                format!("loại hình không có; dùng một trong: {}", allowed.join(", ")),
            );
            ok = false;
            OrgKind::Khac
        }),
        None if cells.has(Field::OrgKind) => OrgKind::Khac,
        None => old.as_ref().map_or(OrgKind::Khac, |o| o.kind),
    };
    let staff = match cells.count(Field::Staff, u32::MAX) {
        Ok(Some(n)) => n,
        Ok(None) if cells.has(Field::Staff) => 0,
        Ok(None) => old.as_ref().map_or(0, |o| o.staff),
        Err(()) => {
            ok = false;
            0
        }
    };
    let Some(name) = cells.text(Field::Name) else {
        cells.fail(Field::Name, "", "chưa có tên đơn vị");
        return None;
    };
    let start = start.filter(|_| ok)?;
    let unit = Unit::Organisation(Organisation {
        meta: start.meta.clone(),
        name,
        kind,
        staff,
    });
    Some(finish(start, unit, Links::default()))
}
