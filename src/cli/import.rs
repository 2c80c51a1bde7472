//! `sohoctap import KIND FILE [--sheet NAME] [--accept-code-mapping] [--dry-run]`: a
//! list from an office's workbook (.xlsx, .xlsm, .xls, .ods) or CSV file, checked whole
//! and written in one transaction, or a JSON archive into an empty register.

use super::args::{ImportArgs, ImportKind};
use super::out::outln;
use super::{CliError, Env};
use crate::app::import::{delimiter_name, unit_names};
use crate::app::working_year;
use crate::exchange::{
    self, FileOptions, ImportOptions, ImportPlan, archive_from_json, import_archive,
};
use crate::model::UnitKind;
use crate::store::{Register, describe_io};
use crate::text::format_count;
use std::path::Path;

pub fn run(env: &Env, args: &ImportArgs) -> Result<(), CliError> {
    let bytes = std::fs::read(&args.file).map_err(|e| {
        CliError::input(format!(
            "Không đọc được tệp {}: {}",
            args.file.display(),
            describe_io(&e)
        ))
    })?;
    let kind = match args.kind {
        ImportKind::Json => return import_json(env, args, &bytes),
        ImportKind::Scores => return super::import_scores::run(env, args, &bytes),
        ImportKind::Communities => UnitKind::Community,
        ImportKind::Households => UnitKind::Household,
        ImportKind::Clans => UnitKind::Clan,
        ImportKind::Organisations => UnitKind::Organisation,
        ImportKind::Citizens => UnitKind::Citizen,
    };
    import_list(env, args, kind, &bytes)
}

fn describe(plan: &ImportPlan, file: &Path) {
    if plan.sheet_notes.is_empty() {
        let separator = delimiter_name(plan.delimiter);
        outln!(
            "Tệp {}: {}, phân cách bằng dấu {separator}, {} dòng dữ liệu",
            file.display(),
            plan.encoding.label(),
            format_count(plan.rows_read as u64)
        );
    } else {
        outln!(
            "Tệp {}: {} dòng dữ liệu",
            file.display(),
            format_count(plan.rows_read as u64)
        );
        for note in &plan.sheet_notes {
            outln!("{note}");
        }
    }
    if !plan.ignored_columns.is_empty() {
        let ignored: Vec<String> = plan
            .ignored_columns
            .iter()
            .map(|c| format!("\"{c}\""))
            .collect();
        outln!("Bỏ qua các cột: {}", ignored.join(", "));
    }
}

fn summarise(plan: &ImportPlan, verb: &str) {
    let counter = plan.kind.counter();
    outln!(
        "{verb} {} {counter}, cập nhật {}, không đổi {}.",
        format_count(plan.inserts() as u64),
        format_count(plan.updates() as u64),
        format_count(plan.unchanged as u64)
    );
    // A code in the file that belongs to someone else shows as a change of name: say
    // each one, so the officer can stop before overwriting another household.
    for row in &plan.rows {
        if let Some(old) = plan.old_name(row) {
            outln!(
                "⚠ đổi tên (dòng {}): {} {old} → {}",
                row.line,
                row.unit.code(),
                row.unit.display_name()
            );
        }
    }
    if let Some(warning) = plan.formula_warning() {
        outln!("{warning}");
    }
    if plan.mapping_accepted {
        for conflict in &plan.code_conflicts {
            outln!(
                "Ghép mã (dòng {}, cột \"{}\"): {} → {}",
                conflict.line,
                crate::text::escape(&conflict.column),
                crate::text::escape(&conflict.value),
                crate::text::escape(&conflict.existing)
            );
        }
    }
    for (_, note) in &plan.same_name {
        outln!("⚠ có thể trùng: {note}");
    }
    if !plan.new_communities.is_empty() {
        outln!(
            "Thôn (tổ dân phố) mới: {}",
            unit_names(&plan.new_communities)
        );
    }
    if !plan.new_clans.is_empty() {
        outln!("Dòng họ mới: {}", unit_names(&plan.new_clans));
    }
    if plan.generated_codes > 0 {
        outln!(
            "{} dòng không có mã nên được cấp mã tự động ({}…). Nhập lại tệp này sẽ thêm trùng; muốn cập nhật lần sau, hãy xuất danh sách (sohoctap export csv) để có cột mã.",
            format_count(plan.generated_codes as u64),
            plan.kind.code_prefix()
        );
    }
}

fn import_list(env: &Env, args: &ImportArgs, kind: UnitKind, bytes: &[u8]) -> Result<(), CliError> {
    let register = super::open_register_for_import(&env.db)?;
    let file_options = FileOptions {
        sheet: args.sheet.clone(),
        accept_code_mapping: args.accept_code_mapping,
    };
    let options = ImportOptions {
        default_year: args.year.unwrap_or_else(working_year),
    };
    // A real import writes each row while the next ones are checked, in one transaction
    // committed only if the whole file is clean; a dry run only plans.
    let (plan, applied) = if args.dry_run {
        let reader = register.read()?;
        let plan = exchange::plan_file(&reader, kind, bytes, &file_options, options)?;
        (plan, None)
    } else {
        match exchange::plan_and_apply(&register, kind, bytes, &file_options, options) {
            Ok(done) => done,
            Err(e) => {
                register.close()?;
                return Err(e.into());
            }
        }
    };
    let file = args.file.display().to_string();
    if !plan.is_clean() {
        register.close()?;
        let mut lines: Vec<String> = plan
            .problems
            .iter()
            .map(|p| format!("{file}: {p}"))
            .collect();
        if let Some(first) = plan.sheet_notes.first() {
            lines.insert(0, format!("{file}: {first}"));
        }
        lines.push(format!(
            "{file}: có {} lỗi; chưa ghi gì vào sổ. Sửa các dòng trên rồi nhập lại.",
            format_count(plan.problems.len() as u64)
        ));
        if plan.awaits_code_mapping() {
            lines.push(format!(
                "{file}: nếu các mã số trên đúng là mã trong sổ (bảng tính đã xóa số 0 ở đầu), chạy lại lệnh với --accept-code-mapping để ghép mã."
            ));
        }
        return Err(CliError { code: 2, lines });
    }
    describe(&plan, &args.file);
    if args.dry_run {
        summarise(&plan, "Sẽ thêm");
        outln!("Chạy thử: chưa ghi gì vào sổ.");
        register.close()?;
        return Ok(());
    }
    if applied.is_some() && plan.rows.len() >= crate::store::LARGE_IMPORT {
        // A large import leaves pages free behind it; a failed compaction loses nothing.
        let _ = register.compact();
    }
    super::close_written(register)?;
    if applied.is_none() {
        return Err(CliError::input(
            "Kế hoạch nhập không khớp: chưa ghi gì vào sổ".to_string(),
        ));
    }
    summarise(&plan, "Đã thêm");
    Ok(())
}

fn import_json(env: &Env, args: &ImportArgs, bytes: &[u8]) -> Result<(), CliError> {
    let file = args.file.display().to_string();
    let archive = archive_from_json(bytes).map_err(|problems| CliError {
        code: 2,
        lines: problems.iter().map(|p| format!("{file}: {p}")).collect(),
    })?;
    outln!(
        "Tệp lưu trữ của {}: {} đơn vị, {} lượt đánh giá, {} thay đổi trong lịch sử",
        archive.commune.name,
        format_count(archive.units.len() as u64),
        format_count(archive.evaluations.len() as u64),
        format_count(archive.history.len() as u64)
    );
    if args.dry_run {
        outln!("Chạy thử: tệp hợp lệ; chưa ghi gì vào sổ.");
        return Ok(());
    }
    let register = if env.db.exists() {
        super::open_register(&env.db)?
    } else {
        Register::create(&env.db, &archive.commune)?
    };
    let result = import_archive(&register, &archive);
    let records = archive.units.len() + archive.evaluations.len() + archive.history.len();
    if result.is_ok() && records >= crate::store::LARGE_IMPORT {
        let _ = register.compact();
    }
    super::close_written(register)?;
    result?;
    outln!("Đã nạp toàn bộ vào sổ {}", env.db.display());
    Ok(())
}
