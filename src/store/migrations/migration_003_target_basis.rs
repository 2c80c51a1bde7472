//! Migration 003 (schema 3 → 4): targets carry their basis (issue 18). Every target of
//! `targets_v1` (key: measure, milestone) was a share of recognised units over all
//! units; each is written into `targets_v2` (key: measure, basis, milestone) with the
//! basis "total" and as a version-2 record, and `targets_v1` is deleted. Percent,
//! milestone and resolution stay as they were.

use crate::model::Basis;
use crate::store::{Result, Writer};

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let targets = w.take_targets_v1()?;
    for t in &targets {
        // Version 1 decodes with the basis "total" already; said here too, since this is
        // the step that makes it so.
        debug_assert_eq!(t.basis, Basis::Total);
        w.put_target(t)?;
    }
    Ok(vec![format!(
        "{} chỉ tiêu được ghi rõ là tỷ lệ công nhận trên tổng số",
        targets.len()
    )])
}
