//! `sohoctap import scores FILE --title T --year Y`: indicator values from a
//! spreadsheet, checked whole (every bad cell reported with its line, column, value and
//! reason) and written in one transaction, or not at all.

use super::args::ImportArgs;
use super::out::outln;
use super::recognise::parse_title;
use super::{CliError, Env};
use crate::exchange::scores::{apply_scores, plan_scores_file};
use crate::text::format_count;

pub fn run(env: &Env, args: &ImportArgs, bytes: &[u8]) -> Result<(), CliError> {
    let (Some(title), Some(year)) = (&args.title, args.year) else {
        return Err(CliError::input(
            "Nhập điểm cần --title DANH_HIỆU và --year NĂM, ví dụ: sohoctap import scores diem.csv --title gia-dinh --year 2025",
        ));
    };
    let title = parse_title(title)?;
    let catalog = env.catalog()?;
    let register = super::open_register(&env.db)?;
    let planned = register.read().map_err(CliError::from).and_then(|reader| {
        // Sets the office entered in the register are in force like files are.
        let catalog = crate::app::with_office_sets(&reader, catalog)?;
        Ok(plan_scores_file(
            &reader,
            &catalog,
            title,
            year,
            bytes,
            args.sheet.as_deref(),
        ))
    });
    let file = args.file.display().to_string();
    let plan = match planned {
        Ok(Ok(plan)) => plan,
        Ok(Err(problems)) => {
            register.close()?;
            let mut lines: Vec<String> = problems.iter().map(|p| format!("{file}: {p}")).collect();
            lines.push(format!(
                "{file}: có {} lỗi; chưa ghi điểm nào vào sổ. Sửa các ô trên rồi nhập lại.",
                format_count(problems.len() as u64)
            ));
            return Err(CliError { code: 2, lines });
        }
        Err(e) => {
            register.close()?;
            return Err(e);
        }
    };
    let source = plan
        .sheet_notes
        .first()
        .cloned()
        .unwrap_or_else(|| plan.encoding.label().to_string());
    outln!(
        "Tệp {file}: {source}, {} dòng, {} ô có điểm ({} năm {year})",
        format_count(plan.rows.len() as u64),
        format_count(plan.cells as u64),
        title.short()
    );
    for note in plan.sheet_notes.iter().skip(1) {
        outln!("{note}");
    }
    if plan.empty_rows > 0 {
        outln!(
            "{} dòng không có điểm nào, bỏ qua.",
            format_count(plan.empty_rows as u64)
        );
    }
    if !plan.ignored_columns.is_empty() {
        outln!("Bỏ qua các cột: {}", plan.ignored_columns.join(", "));
    }
    if args.dry_run {
        outln!("Chạy thử: tệp hợp lệ; chưa ghi gì vào sổ.");
        register.close()?;
        return Ok(());
    }
    let applied = apply_scores(&register, &plan, &env.stamp()?);
    super::close_written(register)?;
    let applied = applied?;
    outln!(
        "Đã ghi {} điểm cho {} {} ({} đăng ký mới); các ô trống giữ nguyên.",
        format_count(applied.values_changed as u64),
        format_count(applied.units_changed as u64),
        title.unit_kind().counter(),
        format_count(applied.units_registered as u64)
    );
    if applied.skills_changed > 0 {
        outln!(
            "Đã ghi kỹ năng số của {} người.",
            format_count(applied.skills_changed as u64)
        );
    }
    Ok(())
}
