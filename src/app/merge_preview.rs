//! The preview of a merge (`sohoctap merge`, and the app's "Gộp sổ xã cũ" screen), as
//! lines of text: data in, lines out. A line starting with "⚠" is a warning; one
//! ending with ":" heads the lines under it.

use crate::model::UnitKind;
use crate::store::MergePlan;
use crate::text::format_count;
use std::path::Path;

/// What merging `other` (the former commune's register) into `db` will do, every code
/// that changes included.
pub fn merge_preview(plan: &MergePlan, other: &Path, db: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let province = if plan.origin.province.is_empty() {
        String::new()
    } else {
        format!(", {}", plan.origin.province)
    };
    out.push(format!(
        "Gộp sổ của {}{province} ({}) vào sổ {}:",
        plan.origin.name,
        other.display(),
        db.display()
    ));
    for kind in UnitKind::ALL {
        let (count, renamed) = plan.count(kind);
        out.push(format!(
            "  {}: {} (đổi mã {})",
            kind.label(),
            format_count(count as u64),
            format_count(renamed as u64)
        ));
    }
    out.push(format!(
        "  Đánh giá: {} ({} có quyết định); lịch sử: {} thay đổi",
        format_count(plan.evaluations as u64),
        format_count(plan.decisions as u64),
        format_count(plan.history as u64)
    ));
    out.push(format!(
        "  Bộ tiêu chí đã dùng: thêm {}, đã có trong sổ này {} (cùng nội dung, không thêm lần nữa)",
        format_count(plan.criteria_added.len() as u64),
        format_count(plan.criteria_shared as u64)
    ));
    if plan.same_commune_name {
        out.push(
            "⚠ Sổ của xã cũ cùng tên xã với sổ này. Nếu đó là bản sao của chính sổ này thì đừng gộp: mọi đơn vị sẽ có hai lần."
                .into(),
        );
    }
    for same in &plan.same_name {
        out.push(format!(
            "⚠ Thôn trùng tên: {name} của xã cũ ({theirs}) và {name} của sổ này ({ours}) vẫn là hai thôn. Muốn gộp làm một: chọn thôn {theirs}, bấm F8 (rời xã) và chuyển các hộ sang thôn {ours}.",
            name = same.name,
            theirs = same.theirs,
            ours = same.ours
        ));
    }
    out.push(format!(
        "Chỉ tiêu nghị quyết: giữ chỉ tiêu của sổ này; {} chỉ tiêu của xã cũ không gộp.",
        format_count(plan.targets_ignored as u64)
    ));
    if !plan.office_sets.is_empty() {
        out.push(format!(
            "Bộ tiêu chí xã cũ tự nhập ({}): chỉ giữ làm bản lưu để các đánh giá cũ chấm như cũ, không thành bộ áp dụng của xã này (muốn dùng: xuất từ sổ cũ bằng sohoctap criteria export, rồi nhập vào sổ này).",
            plan.office_sets.join(", ")
        ));
    }
    let renamed: Vec<_> = plan.renamed().collect();
    if renamed.is_empty() {
        out.push("Không mã nào trùng với sổ này: mọi đơn vị giữ mã cũ.".into());
    } else {
        out.push(format!(
            "Mã trùng với sổ này được thêm tiền tố {}- ({} mã; tìm theo mã cũ vẫn thấy):",
            plan.prefix,
            format_count(renamed.len() as u64)
        ));
        for unit in renamed {
            out.push(format!(
                "  {} {} → {} ({})",
                unit.kind.counter(),
                unit.old_code,
                unit.new_code,
                unit.name
            ));
        }
    }
    out
}
