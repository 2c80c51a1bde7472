//! Migration 002 (schema 2 → 3): thôn and tổ dân phố whose stored name repeats their
//! kind word ("Thôn Đông" stored for a thôn, shown "Thôn Thôn Đông"; issue 14) get the
//! name without it. Only the unit's own kind word, exactly (see
//! [`crate::model::CommunityKind::without_own_word`]), and never when it is the whole
//! name. Codes, ids, years and every other record stay as they are.

use crate::model::{Unit, UnitKind};
use crate::store::{Result, Writer};

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let mut repaired = Vec::new();
    for (id, unit) in w.units_of_kind(UnitKind::Community)? {
        let Unit::Community(mut c) = unit else {
            continue;
        };
        let Some(name) = c.kind.without_own_word(&c.name) else {
            continue;
        };
        let before = format!("{} {}", c.kind.label(), c.name);
        c.name = name;
        let unit = Unit::Community(c);
        repaired.push(format!(
            "{} ({}): «{before}» → «{}»",
            unit.code(),
            id,
            unit.display_name()
        ));
        w.update_unit(id, &unit)?;
    }
    let mut report = vec![format!(
        "{} thôn, tổ dân phố bỏ chữ chỉ loại bị lặp trong tên",
        repaired.len()
    )];
    report.extend(repaired);
    Ok(report)
}
