//! The list of criteria sets (by title, the set in force for the year first) and the
//! preview of adopting one: pure, from the catalog and the plan the store computed.

use crate::criteria::{Catalog, CatalogEntry, Provenance};
use crate::model::{Title, Year};
use crate::store::AdoptPlan;
use crate::tui::theme::Role;

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SetsState {
    /// Index into [`rows`].
    pub selected: usize,
}

/// One set in the list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetRow {
    pub id: String,
    pub title: Title,
    /// The set new evaluations of its title are scored under in the year shown.
    pub in_force: bool,
}

/// Every set of the catalog, title by title; within a title the set in force for
/// `year` first, then the newest phase.
pub fn rows(catalog: &Catalog, year: Year) -> Vec<SetRow> {
    let mut rows = Vec::new();
    for title in Title::ALL {
        let in_force = catalog.in_force(title, year).map(|e| e.set.id.clone());
        let mut entries: Vec<&CatalogEntry> = catalog
            .entries()
            .iter()
            .filter(|e| e.set.title == title)
            .collect();
        entries.sort_by_key(|e| {
            (
                Some(&e.set.id) != in_force.as_ref(),
                std::cmp::Reverse(e.set.valid_from),
                e.set.id.clone(),
            )
        });
        rows.extend(entries.into_iter().map(|e| SetRow {
            id: e.set.id.clone(),
            title,
            in_force: Some(&e.set.id) == in_force.as_ref(),
        }));
    }
    rows
}

/// A set's provenance in a few words, for the list.
pub fn provenance_short(p: Provenance) -> &'static str {
    match p {
        Provenance::Official => "chính thức",
        Provenance::Provisional => "TẠM THỜI",
        Provenance::Office => "VP nhập",
        Provenance::OfficeChecked => "VP đã đối chiếu",
    }
}

/// The preview of moving a year's evaluations onto a set, and where it is scrolled.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptState {
    pub id: String,
    /// The version previewed: a newer version saved meanwhile makes the preview stale.
    pub hash: String,
    pub year: Year,
    pub plan: AdoptPlan,
    pub scroll: usize,
}

fn yes_no(passed: bool) -> &'static str {
    if passed { "Đạt" } else { "Không đạt" }
}

/// What the move changes, said as `criteria adopt` says it: units whose result changes,
/// indicators left without a value, values that cannot be carried, decisions the new
/// set would no longer support (listed, never changed).
pub fn adopt_lines(entry: &CatalogEntry, plan: &AdoptPlan) -> Vec<(String, Role)> {
    let set = &entry.set;
    let mut lines = vec![
        (
            format!(
                "Chuyển các đánh giá {} năm {} sang bộ:",
                set.title.name(),
                plan.year
            ),
            Role::Title,
        ),
        (
            format!(
                "«{}» ({}, {})",
                set.name,
                set.years_label(),
                set.provenance().label()
            ),
            Role::Normal,
        ),
        (
            format!(
                "{} đánh giá chuyển sang bộ mới; {} đã dùng bộ này.",
                plan.rows.len(),
                plan.already
            ),
            Role::Normal,
        ),
    ];
    let changed: Vec<_> = plan.changed_result().collect();
    lines.push((
        format!("Kết quả thay đổi: {} đơn vị", changed.len()),
        if changed.is_empty() {
            Role::Normal
        } else {
            Role::Warning
        },
    ));
    for r in &changed {
        lines.push((
            format!(
                "  {}: {} → {}",
                r.unit,
                yes_no(r.passed_before),
                yes_no(r.passed_after)
            ),
            Role::Normal,
        ));
    }
    let missing: Vec<_> = plan.rows.iter().filter(|r| !r.missing.is_empty()).collect();
    lines.push((
        format!("Còn chỉ số chưa có điểm: {} đơn vị", missing.len()),
        Role::Normal,
    ));
    for r in &missing {
        lines.push((
            format!("  {}: {}", r.unit, r.missing.join(", ")),
            Role::Muted,
        ));
    }
    let dropped: Vec<_> = plan.rows.iter().filter(|r| !r.dropped.is_empty()).collect();
    if !dropped.is_empty() {
        lines.push((
            format!(
                "Điểm không chuyển được (bộ mới không có chỉ số đó, khác loại hoặc vượt điểm tối đa): {} đơn vị",
                dropped.len()
            ),
            Role::Warning,
        ));
        for r in &dropped {
            lines.push((
                format!("  {}: {}", r.unit, r.dropped.join(", ")),
                Role::Muted,
            ));
        }
    }
    let unmet: Vec<_> = plan.rows.iter().filter(|r| r.decision_unmet).collect();
    lines.push((
        format!(
            "Đã có quyết định nhưng theo bộ mới không đạt: {} đơn vị (không tự sửa)",
            unmet.len()
        ),
        if unmet.is_empty() {
            Role::Normal
        } else {
            Role::Warning
        },
    ));
    for r in &unmet {
        lines.push((format!("  {}", r.unit), Role::Normal));
    }
    lines
}
