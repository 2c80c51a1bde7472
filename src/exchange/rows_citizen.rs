//! A row of a citizens file. A citizen belongs to a household (by its code) or to an
//! organisation (by code or name), which must already be in the register: the two CDHT
//! populations are counted through that link, so a guessed link would skew the report.

use super::cells::Cells;
use super::headers::Field;
use super::lookup::{Lookup, Ref};
use super::plan::{ImportOptions, Links};
use super::rows_common::{RowOutcome, finish, start_row};
use crate::model::{Affiliation, Citizen, Gender, Unit};
use crate::text::fold;

pub fn parse_gender(text: &str) -> Option<Gender> {
    match fold(text).as_str() {
        "nam" | "m" | "male" => Some(Gender::Nam),
        "nu" | "f" | "female" => Some(Gender::Nu),
        "khac" => Some(Gender::Khac),
        _ => None,
    }
}

fn affiliation(
    cells: &mut Cells,
    lookup: &mut Lookup,
    old: Option<Affiliation>,
) -> Result<Affiliation, ()> {
    let household = cells.text(Field::HouseholdCode);
    let org_code = cells.text(Field::OrganisationCode);
    let org_name = cells.text(Field::Organisation);
    let household_id = match &household {
        Some(code) => match lookup.households.get(code) {
            Some(id) => Some(*id),
            None => {
                cells.fail(
                    Field::HouseholdCode,
                    code,
                    "sổ chưa có hộ mã này; nhập danh sách hộ trước",
                );
                return Err(());
            }
        },
        None => None,
    };
    let organisation_id = match (&org_code, &org_name) {
        (Some(code), name) => match lookup.organisations.by_code(code) {
            // Code and name of different organisations: the officer must say which.
            Some(r @ Ref::Existing(id)) => match name
                .as_ref()
                .map(|n| (n, lookup.organisations.agree(code, r, n)))
            {
                Some((name, Err(registered))) => {
                    cells.fail(
                        Field::Organisation,
                        name,
                        format!("mã đơn vị {code} trong sổ là \"{registered}\", không khớp tên trong ô này; sửa mã hoặc tên cho khớp"),
                    );
                    return Err(());
                }
                _ => Some(id),
            },
            _ => {
                cells.fail(
                    Field::OrganisationCode,
                    code,
                    "sổ chưa có đơn vị mã này; nhập danh sách đơn vị trước",
                );
                return Err(());
            }
        },
        (None, Some(name)) => match lookup.organisations.by_name(name) {
            Some(Ref::Existing(id)) => Some(id),
            _ => {
                cells.fail(
                    Field::Organisation,
                    name,
                    "sổ chưa có đơn vị tên này; nhập danh sách đơn vị trước",
                );
                return Err(());
            }
        },
        (None, None) => None,
    };
    let any_column = cells.has(Field::HouseholdCode)
        || cells.has(Field::OrganisationCode)
        || cells.has(Field::Organisation);
    match (household_id, organisation_id) {
        (Some(_), Some(_)) => {
            let value = household.unwrap_or_default();
            cells.fail(
                Field::HouseholdCode,
                &value,
                "một công dân chỉ thuộc một hộ hoặc một đơn vị, không cả hai",
            );
            Err(())
        }
        (Some(id), None) => Ok(Affiliation::Household(id)),
        (None, Some(id)) => Ok(Affiliation::Organisation(id)),
        (None, None) if any_column => Ok(Affiliation::None),
        (None, None) => Ok(old.unwrap_or(Affiliation::None)),
    }
}

pub fn plan_row(
    cells: &mut Cells,
    lookup: &mut Lookup,
    options: ImportOptions,
) -> Option<RowOutcome> {
    let start = start_row(cells, lookup, options);
    let old = start.as_ref().and_then(|s| match &s.existing {
        Some((_, Unit::Citizen(c))) => Some(c.clone()),
        _ => None,
    });
    let mut ok = true;
    let birth_year = match cells.year(Field::BirthYear) {
        Ok(Some(y)) => Some(y),
        Ok(None) if cells.has(Field::BirthYear) => None,
        Ok(None) => old.as_ref().and_then(|c| c.birth_year),
        Err(()) => {
            ok = false;
            None
        }
    };
    let gender = match cells.text(Field::Gender) {
        Some(text) => parse_gender(&text).unwrap_or_else(|| {
            cells.fail(Field::Gender, &text, "giới tính ghi Nam, Nữ hoặc Khác");
            ok = false;
            Gender::Khac
        }),
        None if cells.has(Field::Gender) => Gender::Khac,
        None => old.as_ref().map_or(Gender::Khac, |c| c.gender),
    };
    let target_group = match cells.count(Field::TargetGroup, 4) {
        Ok(Some(0)) => {
            cells.fail(Field::TargetGroup, "0", "nhóm đối tượng từ 1 đến 4");
            ok = false;
            None
        }
        Ok(Some(n)) => u8::try_from(n).ok(),
        Ok(None) if cells.has(Field::TargetGroup) => None,
        Ok(None) => old.as_ref().and_then(|c| c.target_group),
        Err(()) => {
            ok = false;
            None
        }
    };
    let affiliation = match affiliation(cells, lookup, old.as_ref().map(|c| c.affiliation)) {
        Ok(a) => a,
        Err(()) => {
            ok = false;
            Affiliation::None
        }
    };
    let Some(full_name) = cells.text(Field::Name) else {
        cells.fail(Field::Name, "", "chưa có họ và tên");
        return None;
    };
    let start = start.filter(|_| ok)?;
    let unit = Unit::Citizen(Citizen {
        meta: start.meta.clone(),
        full_name,
        birth_year,
        gender,
        affiliation,
        target_group,
    });
    Some(finish(start, unit, Links::default()))
}
