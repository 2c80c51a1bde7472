//! Archiving a thôn or a clan that still has households: in the same transaction the
//! households move to another thôn or clan (common since the 2025 mergers), leave the
//! clan, or leave the commune too, so no household is left pointing at a group that is
//! gone (the report's sections would then disagree).

use crate::model::{Unit, UnitId, UnitKind, Year};
use crate::store::{Register, Result, StoreError};

/// What happens to the households of a thôn or clan that leaves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MemberFate {
    /// Into another thôn (or clan).
    MoveTo(UnitId),
    /// Clan only: the households keep no clan.
    NoClan,
    /// They leave the commune in the same year.
    LeaveToo,
}

/// Whether `household` belongs to the group (`kind`, `id`).
fn member_of(household: &Unit, kind: UnitKind, id: UnitId) -> bool {
    match (household, kind) {
        (Unit::Household(h), UnitKind::Community) => h.community == id,
        (Unit::Household(h), UnitKind::Clan) => h.clan == Some(id),
        _ => false,
    }
}

/// The households of a thôn or clan still in the commune (not left by any year).
pub fn group_members(register: &Register, kind: UnitKind, id: UnitId) -> Result<Vec<UnitId>> {
    Ok(register
        .read()?
        .units(UnitKind::Household)?
        .into_iter()
        .filter(|(_, u)| u.meta().left.is_none() && member_of(u, kind, id))
        .map(|(id, _)| id)
        .collect())
}

/// Archives the thôn or clan in `year` and, in the same transaction, gives its
/// households `fate`. Returns how many households changed.
pub fn archive_group(
    register: &Register,
    kind: UnitKind,
    id: UnitId,
    year: Year,
    fate: MemberFate,
) -> Result<usize> {
    if !matches!(kind, UnitKind::Community | UnitKind::Clan) {
        return Err(StoreError::Invalid("Chỉ thôn, dòng họ mới có hộ".into()));
    }
    if fate == MemberFate::NoClan && kind != UnitKind::Clan {
        return Err(StoreError::Invalid(
            "Hộ nào cũng phải thuộc một thôn".into(),
        ));
    }
    if fate == MemberFate::MoveTo(id) {
        return Err(StoreError::Invalid(
            "Không chuyển hộ vào chính thôn, dòng họ đang rời xã".into(),
        ));
    }
    let members = group_members(register, kind, id)?;
    register.write(|w| {
        if let MemberFate::MoveTo(target) = fate {
            let open = w
                .unit(kind, target)?
                .is_some_and(|u| u.meta().left.is_none());
            if !open {
                return Err(StoreError::Invalid(
                    "Thôn, dòng họ nhận hộ không còn trong sổ".into(),
                ));
            }
        }
        let mut changed = 0;
        for household in &members {
            let Some(mut unit) = w.unit(UnitKind::Household, *household)? else {
                continue;
            };
            if !member_of(&unit, kind, id) || unit.meta().left.is_some() {
                continue;
            }
            match (&mut unit, fate) {
                (_, MemberFate::LeaveToo) => unit.meta_mut().left = Some(year),
                (Unit::Household(h), MemberFate::MoveTo(target)) => match kind {
                    UnitKind::Community => h.community = target,
                    _ => h.clan = Some(target),
                },
                (Unit::Household(h), MemberFate::NoClan) => h.clan = None,
                _ => continue,
            }
            w.update_unit(*household, &unit)?;
            changed += 1;
        }
        let Some(mut group) = w.unit(kind, id)? else {
            return Err(StoreError::Invalid(
                "Không tìm thấy đơn vị này trong sổ".into(),
            ));
        };
        group.meta_mut().left = Some(year);
        w.update_unit(id, &group)?;
        Ok(changed)
    })
}
