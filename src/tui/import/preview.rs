//! The import preview's text: what a file would add and update, what it would create,
//! and every problem, wrapped to the preview's width.

use crate::app::import::{delimiter_name, unit_names};
use crate::exchange::{self, ImportPlan};
use crate::report::text::layout::wrap;
use crate::text::{format_count, pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::screens::PREVIEW_WIDTH;
use crate::tui::theme::Role;

fn push_wrapped(out: &mut Vec<(String, Role)>, text: &str, indent: &str, role: Role) {
    for line in wrap(text, PREVIEW_WIDTH, "", indent) {
        out.push((line, role));
    }
}

/// The preview as the officer reads it: problems first (they decide everything), then
/// what would change, then every row that would be written.
pub fn preview_lines(plan: &ImportPlan, file: &str) -> Vec<(String, Role)> {
    let mut out = Vec::new();
    let separator = format!("dấu {}", delimiter_name(plan.delimiter));
    push_wrapped(&mut out, &format!("Tệp: {file}"), "  ", Role::Normal);
    if plan.sheet_notes.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "{}, phân cách bằng {separator}, {} dòng dữ liệu.",
                plan.encoding.label(),
                format_count(plan.rows_read as u64),
            ),
            "  ",
            Role::Normal,
        );
    } else {
        push_wrapped(
            &mut out,
            &format!("{} dòng dữ liệu.", format_count(plan.rows_read as u64)),
            "  ",
            Role::Normal,
        );
        for (i, note) in plan.sheet_notes.iter().enumerate() {
            let role = if note.starts_with('⚠') {
                Role::Warning
            } else if i == 0 {
                Role::Normal
            } else {
                Role::Muted
            };
            push_wrapped(&mut out, note, "  ", role);
        }
    }
    if !plan.ignored_columns.is_empty() {
        let ignored: Vec<String> = plan
            .ignored_columns
            .iter()
            .map(|c| format!("«{c}»"))
            .collect();
        push_wrapped(
            &mut out,
            &format!("Bỏ qua các cột: {}", ignored.join(", ")),
            "  ",
            Role::Muted,
        );
    }
    out.push((String::new(), Role::Normal));
    if plan.awaits_code_mapping() {
        push_wrapped(
            &mut out,
            &format!(
                "⚠ {} mã số chỉ khớp mã trong sổ khi thêm hoặc bỏ số 0 ở đầu (bảng tính đã xóa số 0?). Nếu đúng là cùng một mã, bấm {} để xác nhận ghép mã và xem trước lại.",
                format_count(plan.code_conflicts.len() as u64),
                key_label(Ctx::ImportPreview, &Action::AcceptCodeMapping)
            ),
            "  ",
            Role::Warning,
        );
        out.push((String::new(), Role::Normal));
    } else if plan.mapping_accepted && !plan.code_conflicts.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Đã xác nhận ghép {} mã: {}",
                format_count(plan.code_conflicts.len() as u64),
                plan.code_conflicts
                    .iter()
                    .take(5)
                    .map(|c| format!("{} → {}", c.value, c.existing))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "  ",
            Role::Warning,
        );
        out.push((String::new(), Role::Normal));
    }
    if !plan.problems.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Lỗi ({}): sửa trong tệp rồi đọc lại. Chưa ghi gì vào sổ.",
                format_count(plan.problems.len() as u64)
            ),
            "  ",
            Role::Error,
        );
        for problem in &plan.problems {
            push_wrapped(&mut out, &format!("✗ {problem}"), "    ", Role::Error);
        }
        out.push((String::new(), Role::Normal));
    }
    let counts = format!(
        "{} {}, cập nhật {}, không đổi {}",
        format_count(plan.inserts() as u64),
        plan.kind.counter(),
        format_count(plan.updates() as u64),
        format_count(plan.unchanged as u64)
    );
    let summary = if !plan.rows_checked {
        "Chưa kiểm tra dòng nào: tệp thiếu cột; sửa tiêu đề cột rồi đọc lại.".to_string()
    } else if plan.rows_refused > 0 {
        format!(
            "Dòng không lỗi: sẽ thêm {counts}; {} dòng lỗi chưa tính.",
            format_count(plan.rows_refused as u64)
        )
    } else {
        format!("Sẽ thêm {counts}.")
    };
    push_wrapped(&mut out, &summary, "  ", Role::Title);
    if !plan.renamed.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "⚠ {} dòng cập nhật đổi tên đơn vị đã có trong sổ: xem kỹ mã trong tệp có đúng là đơn vị đó không.",
                format_count(plan.renamed.len() as u64)
            ),
            "  ",
            Role::Warning,
        );
    }
    if !plan.new_communities.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Thôn, tổ dân phố sẽ tạo mới ({}): {}",
                plan.new_communities.len(),
                unit_names(&plan.new_communities)
            ),
            "  ",
            Role::Warning,
        );
    }
    if !plan.new_clans.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Dòng họ sẽ tạo mới ({}): {}",
                plan.new_clans.len(),
                unit_names(&plan.new_clans)
            ),
            "  ",
            Role::Warning,
        );
    }
    if let Some(warning) = plan.formula_warning() {
        push_wrapped(&mut out, &warning, "  ", Role::Warning);
    }
    for (_, note) in &plan.same_name {
        push_wrapped(
            &mut out,
            &format!("⚠ có thể trùng: {note}"),
            "  ",
            Role::Warning,
        );
    }
    if plan.generated_codes > 0 {
        push_wrapped(
            &mut out,
            &format!(
                "{} dòng không có mã nên được cấp mã tự động ({}…): nhập lại tệp này sẽ thêm trùng.",
                format_count(plan.generated_codes as u64),
                plan.kind.code_prefix()
            ),
            "  ",
            Role::Warning,
        );
    }
    if !plan.rows.is_empty() {
        out.push((String::new(), Role::Normal));
        out.push(("Các dòng sẽ ghi:".into(), Role::Title));
        for row in &plan.rows {
            let action = match row.action {
                exchange::Action::Insert => "thêm",
                exchange::Action::Update(_) => "cập nhật",
            };
            // A rename is marked first, so it survives truncation at 80 columns.
            let (name, role) = match plan.old_name(row) {
                Some(old) => (
                    format!("⚠ đổi tên: {old} → {}", row.unit.display_name()),
                    Role::Warning,
                ),
                None => (row.unit.display_name(), Role::Normal),
            };
            let line = format!(
                "  dòng {} {} {} {name}",
                pad_to_width(&row.line.to_string(), 5),
                pad_to_width(action, 8),
                pad_to_width(row.unit.code(), 8),
            );
            out.push((truncate_to_width(&line, PREVIEW_WIDTH), role));
        }
    }
    out
}
