//! A row of a households file. The household's community and clan are named by code or
//! by name; one the register does not have yet is created on the fly (the dry run lists
//! it), because the population register's household list is usually the first list an
//! office has.

use super::cells::Cells;
use super::headers::{ColumnMap, Field, HeaderProblem, columns};
use super::lookup::{Lookup, Ref};
use super::plan::{ImportOptions, Links};
use super::rows_common::{RowOutcome, finish, start_row, text_or_keep};
use super::rows_community;
use crate::model::{Clan, Household, Unit, UnitKind, UnitMeta};

/// A households file must say where each household lives: a community name or code column.
pub fn header_check(kind: UnitKind, map: &ColumnMap, headers: &[String]) -> Option<HeaderProblem> {
    if kind != UnitKind::Household || map.has(Field::Community) || map.has(Field::CommunityCode) {
        return None;
    }
    let expected = columns(kind)
        .iter()
        .filter(|c| matches!(c.field, Field::Community | Field::CommunityCode))
        .map(|c| {
            format!(
                "\"{}\" (hoặc: {})",
                c.header(),
                c.aliases
                    .iter()
                    .skip(1)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    Some(HeaderProblem::Missing {
        expected,
        found: headers.to_vec(),
    })
}

/// A community or clan the row creates, or the row's problem when no code is left for it.
fn created(
    cells: &mut Cells,
    field: Field,
    name: &str,
    made: Result<Ref, String>,
) -> Result<Option<Ref>, ()> {
    made.map(Some)
        .map_err(|reason| cells.fail(field, name, reason))
}

/// A row whose code cell and name cell name different units: which one the officer
/// meant is not for the import to guess (an edited name would otherwise be dropped
/// silently, or the household moved to the wrong thôn).
fn disagreement(what: &str, code: &str, registered: &str) -> String {
    format!(
        "mã {what} {code} trong sổ là \"{registered}\", không khớp tên trong ô này. Nếu {what} đã đổi tên, sửa tên trong danh sách {what} (hoặc trong ứng dụng); nếu hộ chuyển sang {what} khác, sửa cả mã; nếu không, để tên như trong sổ"
    )
}

fn community_ref(cells: &mut Cells, lookup: &mut Lookup, entered: u16) -> Result<Option<Ref>, ()> {
    let code = cells.text_cow(Field::CommunityCode);
    let name = cells.text_cow(Field::Community);
    if let (Some(code), Some(name)) = (&code, &name)
        && let Some(r) = lookup.communities.agreed(code, name)
    {
        return Ok(Some(r));
    }
    match (code, name) {
        (Some(code), name) => match lookup.communities.by_code(&code) {
            Some(r) => match name.map(|n| (lookup.communities.agree(&code, r, &n), n)) {
                Some((Err(registered), name)) => {
                    cells.fail(
                        Field::Community,
                        &name,
                        disagreement("thôn", &code, &registered),
                    );
                    Err(())
                }
                _ => Ok(Some(r)),
            },
            None => match name {
                Some(name) => {
                    let made = lookup.communities.create(rows_community::from_name(
                        code.into_owned(),
                        &name,
                        entered,
                    ));
                    created(cells, Field::Community, &name, made)
                }
                None => {
                    cells.fail(
                        Field::CommunityCode,
                        &code,
                        "sổ chưa có thôn mã này; thêm tên thôn vào cột Thôn để tạo mới",
                    );
                    Err(())
                }
            },
        },
        (None, Some(name)) => match lookup.communities.by_name(&name) {
            Some(r) => Ok(Some(r)),
            None => {
                let made = lookup.communities.create(rows_community::from_name(
                    String::new(),
                    &name,
                    entered,
                ));
                created(cells, Field::Community, &name, made)
            }
        },
        (None, None) => Ok(None),
    }
}

fn new_clan(code: String, name: &str, entered: u16) -> Unit {
    Unit::Clan(Clan {
        meta: UnitMeta {
            code,
            entered,
            left: None,
        },
        name: name.to_string(),
        branch: None,
        head: String::new(),
        note: String::new(),
    })
}

fn clan_ref(cells: &mut Cells, lookup: &mut Lookup, entered: u16) -> Result<Option<Ref>, ()> {
    let code = cells.text_cow(Field::ClanCode);
    let name = cells.text_cow(Field::Clan);
    if let (Some(code), Some(name)) = (&code, &name)
        && let Some(r) = lookup.clans.agreed(code, name)
    {
        return Ok(Some(r));
    }
    match (code, name) {
        (Some(code), name) => match lookup.clans.by_code(&code) {
            Some(r) => match name.map(|n| (lookup.clans.agree(&code, r, &n), n)) {
                Some((Err(registered), name)) => {
                    cells.fail(
                        Field::Clan,
                        &name,
                        disagreement("dòng họ", &code, &registered),
                    );
                    Err(())
                }
                _ => Ok(Some(r)),
            },
            None => match name {
                Some(name) => {
                    let made = lookup
                        .clans
                        .create(new_clan(code.into_owned(), &name, entered));
                    created(cells, Field::Clan, &name, made)
                }
                None => {
                    cells.fail(
                        Field::ClanCode,
                        &code,
                        "sổ chưa có dòng họ mã này; thêm tên vào cột Dòng họ để tạo mới",
                    );
                    Err(())
                }
            },
        },
        (None, Some(name)) => match lookup.clans.by_name(&name) {
            Some(r) => Ok(Some(r)),
            None => {
                let made = lookup.clans.create(new_clan(String::new(), &name, entered));
                created(cells, Field::Clan, &name, made)
            }
        },
        (None, None) => Ok(None),
    }
}

pub fn plan_row(
    cells: &mut Cells,
    lookup: &mut Lookup,
    options: ImportOptions,
) -> Option<RowOutcome> {
    let start = start_row(cells, lookup, options);
    let old = start.as_ref().and_then(|s| match &s.existing {
        Some((_, Unit::Household(h))) => Some(h.clone()),
        _ => None,
    });
    let entered = start
        .as_ref()
        .map_or(options.default_year, |s| s.meta.entered);
    let mut ok = start.is_some();
    let head_name = cells.text(Field::HeadName);
    if head_name.is_none() {
        cells.fail(Field::HeadName, "", "chưa có tên chủ hộ");
        ok = false;
    }
    let mut links = Links::default();
    let mut community = old.as_ref().map_or(0, |h| h.community);
    match community_ref(cells, lookup, entered) {
        Ok(Some(Ref::Existing(id))) => community = id,
        Ok(Some(r)) => links.community = Some(r),
        Ok(None) if old.is_none() => {
            let column = if cells.has(Field::Community) {
                Field::Community
            } else {
                Field::CommunityCode
            };
            cells.fail(column, "", "chưa có thôn (tổ dân phố) của hộ");
            ok = false;
        }
        Ok(None) => {}
        Err(()) => ok = false,
    }
    let mut clan = old.as_ref().and_then(|h| h.clan);
    if cells.has(Field::Clan) || cells.has(Field::ClanCode) {
        match clan_ref(cells, lookup, entered) {
            Ok(Some(Ref::Existing(id))) => clan = Some(id),
            Ok(Some(r)) => links.clan = Some(r),
            Ok(None) => clan = None,
            Err(()) => ok = false,
        }
    }
    let mut count =
        |field: Field, old_value: Option<u16>| match cells.count(field, u32::from(u16::MAX)) {
            Ok(Some(n)) => Some(u16::try_from(n).unwrap_or(u16::MAX)),
            Ok(None) if cells.has(field) => Some(0),
            Ok(None) => Some(old_value.unwrap_or(0)),
            Err(()) => None,
        };
    let members = count(Field::Members, old.as_ref().map(|h| h.members));
    let adults = count(Field::Adults, old.as_ref().map(|h| h.adults));
    // Compared only when both were read: a refused count is already reported.
    let (members, adults) = match (members, adults) {
        (Some(m), Some(a)) => (m, a),
        _ => {
            ok = false;
            (0, 0)
        }
    };
    if adults > members {
        cells.fail(
            Field::Adults,
            &adults.to_string(),
            format!("số người lớn nhiều hơn số nhân khẩu ({members})"),
        );
        ok = false;
    }
    let address = text_or_keep(
        cells,
        Field::Address,
        old.as_ref().map(|h| h.address.as_str()),
    );
    let start = start.filter(|_| ok)?;
    let unit = Unit::Household(Household {
        meta: start.meta.clone(),
        head_name: head_name.unwrap_or_default(),
        community,
        clan,
        members,
        adults,
        address,
    });
    Some(finish(start, unit, links))
}
