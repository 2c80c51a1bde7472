//! `sohoctap merge OTHER [--prefix P] [--dry-run] [--map-out FILE]`: a former commune's
//! register merged into this one (see [`crate::store::merge`]). The former register is
//! only read; it must be at this program's format and undamaged. The preview lists every
//! code that changes and writes the whole code mapping to a CSV file; then a verified
//! backup of this register is made and the merge written in one transaction.

use super::args::MergeArgs;
use super::out::outln;
use super::paths::current_year;
use super::{CliError, Env};
use crate::exchange::merge_map::merge_map_csv;
use crate::model::UnitKind;
use crate::store::backup::backup_before_merge;
use crate::store::{MergePlan, ReadOnlyRegister, StoreError, describe_io, files, plan_merge};
use crate::text::format_count;
use std::path::{Path, PathBuf};

pub fn run(env: &Env, args: &MergeArgs) -> Result<(), CliError> {
    if files::same_file(&args.other, &env.db) {
        return Err(CliError::input(format!(
            "Không gộp sổ vào chính nó: {} là sổ đang dùng ({}). Hãy chỉ tệp sổ của xã cũ.",
            args.other.display(),
            env.db.display()
        )));
    }
    let other = match ReadOnlyRegister::open_untouched(&args.other) {
        Err(StoreError::NotFound(path)) => {
            return Err(CliError::input(format!(
                "Không tìm thấy sổ của xã cũ {}",
                path.display()
            )));
        }
        opened => opened?,
    };
    check_other(&other)?;
    if args.dry_run {
        let this = super::open_register_read_only(&env.db)?;
        let plan = plan_merge(&this.read()?, &other.read()?, args.prefix.as_deref())?;
        this.close()?;
        other.close()?;
        preview(&plan, &args.other, &env.db);
        let map = write_map(&plan, args.map_out.as_deref(), &env.db)?;
        outln!("Bảng đối chiếu mã (mọi đơn vị): {}", map.display());
        outln!("Chạy thử: chưa ghi gì vào sổ.");
        return Ok(());
    }
    let register = super::open_register(&env.db)?;
    let plan = plan_merge(&register.read()?, &other.read()?, args.prefix.as_deref())?;
    preview(&plan, &args.other, &env.db);
    let map = write_map(&plan, args.map_out.as_deref(), &env.db)?;
    outln!("Bảng đối chiếu mã (mọi đơn vị): {}", map.display());
    let backup = backup_before_merge(&register, &plan.prefix)?;
    let merged = other
        .read()
        .and_then(|snapshot| register.merge_from(&snapshot, &plan));
    register.close()?;
    other.close()?;
    let done = merged?;
    outln!(
        "Đã gộp sổ của {} vào sổ {}: {} đơn vị, {} đánh giá, {} thay đổi trong lịch sử, {} bộ tiêu chí mới.",
        plan.origin.name,
        env.db.display(),
        format_count(done.units as u64),
        format_count(done.evaluations as u64),
        format_count(done.history as u64),
        format_count(done.criteria as u64)
    );
    outln!(
        "Bản sao lưu sổ trước khi gộp (đã kiểm tra): {}",
        backup.path.display()
    );
    Ok(())
}

/// Refuses a damaged former register; says what rules its data breaks (kept as they are).
fn check_other(other: &ReadOnlyRegister) -> Result<(), CliError> {
    let report = other.check(current_year())?;
    let path = other.path().display().to_string();
    if report.damaged {
        let mut lines = vec![format!(
            "Sổ {path} bị hỏng; không gộp. Khôi phục sổ đó từ bản sao lưu (sohoctap --db \"{path}\" restore TỆP) rồi gộp lại."
        )];
        lines.extend(
            report
                .problems
                .iter()
                .take(5)
                .map(|p| format!("{path}: {p}")),
        );
        return Err(CliError { code: 1, lines });
    }
    if !report.problems.is_empty() {
        outln!(
            "Lưu ý: sổ {path} có {} điều chưa đúng quy tắc (xem: sohoctap --db \"{path}\" check); gộp giữ nguyên như vậy, sửa sau trong sổ này.",
            format_count(report.problems.len() as u64)
        );
    }
    Ok(())
}

fn preview(plan: &MergePlan, other: &Path, db: &Path) {
    let province = if plan.origin.province.is_empty() {
        String::new()
    } else {
        format!(", {}", plan.origin.province)
    };
    outln!(
        "Gộp sổ của {}{province} ({}) vào sổ {}:",
        plan.origin.name,
        other.display(),
        db.display()
    );
    for kind in UnitKind::ALL {
        let (count, renamed) = plan.count(kind);
        outln!(
            "  {}: {} (đổi mã {})",
            kind.label(),
            format_count(count as u64),
            format_count(renamed as u64)
        );
    }
    outln!(
        "  Đánh giá: {} ({} có quyết định công nhận hoặc không công nhận); lịch sử: {} thay đổi",
        format_count(plan.evaluations as u64),
        format_count(plan.decisions as u64),
        format_count(plan.history as u64)
    );
    outln!(
        "  Bộ tiêu chí đã dùng: thêm {}, đã có trong sổ này {} (cùng nội dung, không thêm lần nữa)",
        format_count(plan.criteria_added.len() as u64),
        format_count(plan.criteria_shared as u64)
    );
    if plan.same_commune_name {
        outln!(
            "⚠ Sổ của xã cũ cùng tên xã với sổ này. Nếu đó là bản sao của chính sổ này thì đừng gộp: mọi đơn vị sẽ có hai lần."
        );
    }
    let renamed: Vec<_> = plan.renamed().collect();
    if renamed.is_empty() {
        outln!("Không mã nào trùng với sổ này: mọi đơn vị giữ mã cũ.");
    } else {
        outln!(
            "Mã trùng với sổ này được thêm tiền tố {}- ({} mã; mã cũ vẫn tìm được trong chương trình):",
            plan.prefix,
            format_count(renamed.len() as u64)
        );
        for unit in renamed {
            outln!(
                "  {} {} → {} ({})",
                unit.kind.counter(),
                unit.old_code,
                unit.new_code,
                unit.name
            );
        }
    }
    for same in &plan.same_name {
        outln!(
            "Thôn trùng tên: {} của xã cũ ({}) và {} của sổ này ({}) vẫn là hai thôn. Muốn gộp làm một: trong chương trình chọn thôn {}, bấm F8 (rời xã) và chuyển các hộ sang thôn {}.",
            same.name,
            same.theirs,
            same.name,
            same.ours,
            same.theirs,
            same.ours
        );
    }
    outln!(
        "Chỉ tiêu nghị quyết: giữ chỉ tiêu của sổ này; {} chỉ tiêu của xã cũ không gộp.",
        format_count(plan.targets_ignored as u64)
    );
    if !plan.office_sets.is_empty() {
        outln!(
            "Bộ tiêu chí xã cũ tự nhập ({}): chỉ giữ làm bản lưu để các đánh giá cũ chấm như cũ, không thành bộ áp dụng của xã này (muốn dùng: xuất từ sổ cũ bằng sohoctap criteria export, rồi nhập vào sổ này).",
            plan.office_sets.join(", ")
        );
    }
}

/// Writes the code mapping to `map_out`, or beside the register under a new name;
/// returns where.
fn write_map(plan: &MergePlan, map_out: Option<&Path>, db: &Path) -> Result<PathBuf, CliError> {
    let bytes = merge_map_csv(plan).map_err(CliError::runtime)?;
    if let Some(out) = map_out {
        super::dest::write_out(out, &bytes, false, db)?;
        return Ok(out.to_path_buf());
    }
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "so-hoc-tap".into());
    let minute = chrono::Local::now().format("%Y-%m-%d-%H%M");
    let name = format!(
        "{stem}-doi-chieu-ma-{}-{minute}.csv",
        plan.prefix.to_ascii_lowercase()
    );
    let first = db.with_file_name(name);
    files::write_new_numbered(&first, &bytes).map_err(|e| {
        CliError::runtime(format!(
            "Không ghi được bảng đối chiếu mã {}: {}",
            first.display(),
            describe_io(&e)
        ))
    })
}
