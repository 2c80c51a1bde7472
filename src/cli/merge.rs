//! `sohoctap merge OTHER [--prefix P] [--dry-run] [--map-out FILE]`: a former commune's
//! register merged into this one (see [`crate::store::merge`]). The former register is
//! only read; it must be at this program's format and undamaged. The preview lists every
//! code that changes and writes the whole code mapping to a CSV file; then a verified
//! backup of this register is made and the merge written in one transaction.

use super::args::MergeArgs;
use super::out::outln;
use super::{CliError, Env};
use crate::app::current_year;
use crate::app::merge_preview;
use crate::exchange::merge_map::{default_map_path, merge_map_csv};
use crate::store::backup::backup_before_merge;
use crate::store::{MergePlan, describe_io, files, open_former, plan_merge};
use crate::text::format_count;
use std::path::{Path, PathBuf};

/// A refusal that asks for the former register to be checked (or opened once) gets the
/// command that does it.
fn with_check_command(other: &Path) -> impl Fn(crate::store::StoreError) -> CliError + '_ {
    move |e| {
        let mut error = CliError::from(e);
        if error.lines.iter().any(|l| l.contains("kiểm tra")) {
            error.lines.push(format!(
                "Lệnh kiểm tra sổ đó: sohoctap --db \"{}\" check",
                other.display()
            ));
        }
        error
    }
}

pub fn run(env: &Env, args: &MergeArgs) -> Result<(), CliError> {
    let (other, rule_problems) = open_former(&args.other, &env.db, current_year())
        .map_err(with_check_command(&args.other))?;
    if rule_problems > 0 {
        let path = other.path().display().to_string();
        outln!(
            "Lưu ý: sổ {path} có {} điều chưa đúng quy tắc (xem: sohoctap --db \"{path}\" check); gộp giữ nguyên như vậy, sửa sau trong sổ này.",
            format_count(rule_problems as u64)
        );
    }
    if args.dry_run {
        let this = super::open_register_read_only(&env.db)?;
        let plan = plan_merge(&this.read()?, &other.read()?, args.prefix.as_deref())
            .map_err(with_check_command(&args.other))?;
        this.close()?;
        other.close()?;
        preview(&plan, &args.other, &env.db);
        let map = write_map(&plan, args.map_out.as_deref(), &env.db)?;
        outln!("Bảng đối chiếu mã (mọi đơn vị): {}", map.display());
        outln!("Chạy thử: chưa ghi gì vào sổ.");
        return Ok(());
    }
    let register = super::open_register(&env.db)?;
    let plan = plan_merge(&register.read()?, &other.read()?, args.prefix.as_deref())
        .map_err(with_check_command(&args.other))?;
    preview(&plan, &args.other, &env.db);
    let map = write_map(&plan, args.map_out.as_deref(), &env.db)?;
    outln!("Bảng đối chiếu mã (mọi đơn vị): {}", map.display());
    let backup = backup_before_merge(&register, &plan.prefix)?;
    let merged = other
        .read()
        .and_then(|snapshot| register.merge_from(&snapshot, &plan));
    super::close_written(register)?;
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

fn preview(plan: &MergePlan, other: &Path, db: &Path) {
    for line in merge_preview(plan, other, db) {
        outln!("{line}");
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
    let first = default_map_path(db, &plan.prefix);
    files::write_new_numbered(&first, &bytes).map_err(|e| {
        CliError::runtime(format!(
            "Không ghi được bảng đối chiếu mã {}: {}",
            first.display(),
            describe_io(&e)
        ))
    })
}
