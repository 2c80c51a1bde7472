//! `sohoctap backup [DEST]` and `sohoctap restore FILE`.

use super::args::{BackupArgs, RestoreArgs};
use super::out::outln;
use super::{CliError, Env};
use crate::store::backup::{backup_generation, backup_to, default_backup_dir, restore_from};
use crate::text::format_count;

pub fn backup(env: &Env, args: &BackupArgs) -> Result<(), CliError> {
    let register = super::open_register(&env.db)?;
    let result = match &args.dest {
        None => backup_generation(&register, &default_backup_dir(&env.db), args.keep),
        // A folder of the officer's own (a USB stick): add a dated copy, remove nothing.
        Some(dir) if dir.is_dir() => backup_generation(&register, dir, usize::MAX),
        Some(file) => backup_to(&register, file),
    };
    register.close()?;
    let report = result?;
    outln!(
        "Đã sao lưu sổ vào {} ({} byte); bản sao đã được kiểm tra: nguyên vẹn.",
        report.path.display(),
        format_count(report.bytes)
    );
    for old in &report.removed {
        outln!("Đã xóa bản sao lưu cũ {}", old.display());
    }
    eprintln!(
        "Lưu ý: bản sao lưu có thông tin cá nhân của người dân; cất giữ như chính sổ, không gửi qua mạng công cộng."
    );
    Ok(())
}

pub fn restore(env: &Env, args: &RestoreArgs) -> Result<(), CliError> {
    let report = restore_from(&args.file, &env.db)?;
    outln!(
        "Đã khôi phục sổ {} từ {}.",
        env.db.display(),
        args.file.display()
    );
    if let Some(kept) = report.replaced {
        outln!("Sổ cũ được giữ lại: {}", kept.display());
    }
    Ok(())
}
