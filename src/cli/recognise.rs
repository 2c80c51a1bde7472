//! `sohoctap recognise`: bulk recognition after the chairman's decision.

use super::args::RecogniseArgs;
use super::out::outln;
use super::{CliError, Env};
use crate::model::{Decision, Title};
use crate::store::Register;
use crate::text::format_count;

/// Parses a title code, with the list of valid codes in the message.
pub fn parse_title(code: &str) -> Result<Title, CliError> {
    Title::from_code(code).ok_or_else(|| {
        CliError::input(format!(
            "Danh hiệu \"{code}\" không có; dùng một trong: gia-dinh, dong-ho, cong-dong, don-vi, cong-dan"
        ))
    })
}

/// Parses a YYYY-MM-DD date (also accepts the dd/mm/yyyy officers write).
pub fn parse_date(text: &str) -> Result<chrono::NaiveDate, CliError> {
    let t = text.trim();
    chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d")
        .or_else(|_| chrono::NaiveDate::parse_from_str(t, "%d/%m/%Y"))
        .map_err(|_| {
            CliError::input(format!(
                "Ngày \"{text}\" không hợp lệ; viết dạng 2025-12-20"
            ))
        })
}

pub fn run(env: &Env, args: &RecogniseArgs) -> Result<(), CliError> {
    let title = parse_title(&args.title)?;
    let number = crate::text::clean_name(&args.decision);
    if number.is_empty() {
        return Err(CliError::input("Số quyết định không được để trống"));
    }
    if args.withdraw || args.new_decision.is_some() || args.new_date.is_some() {
        return change_decision(env, args, title, &number);
    }
    let Some(date) = &args.date else {
        return Err(CliError::input(
            "Thiếu --date (ngày quyết định, dạng 2025-12-20)",
        ));
    };
    let date = parse_date(date)?;
    let register = super::open_register(&env.db)?;
    let changes = crate::app::recognise_passing(
        &register,
        title,
        args.year,
        &Decision {
            number: number.clone(),
            date,
        },
        &env.stamp()?,
    )?;
    super::close_written(register)?;
    outln!(
        "Đã công nhận {} {} đạt danh hiệu {} năm {} theo quyết định {number} ngày {}.",
        format_count(changes.len() as u64),
        title.unit_kind().counter(),
        title.name(),
        args.year,
        date.format("%d/%m/%Y")
    );
    Ok(())
}

/// `--withdraw`, `--new-decision`, `--new-date`: the decision as a whole, every unit it
/// recognised in one transaction.
fn change_decision(
    env: &Env,
    args: &RecogniseArgs,
    title: Title,
    number: &str,
) -> Result<(), CliError> {
    let new_date = args.new_date.as_deref().map(parse_date).transpose()?;
    let new_number = args
        .new_decision
        .as_deref()
        .map(crate::text::clean_name)
        .filter(|n| !n.is_empty());
    if args.new_decision.is_some() && new_number.is_none() {
        return Err(CliError::input("Số quyết định mới không được để trống"));
    }
    let stamp = env.stamp()?;
    let register = super::open_register(&env.db)?;
    let result = change_open(&register, args, title, number, new_number, new_date, &stamp);
    super::close_written(register)?;
    result
}

fn change_open(
    register: &Register,
    args: &RecogniseArgs,
    title: Title,
    number: &str,
    new_number: Option<String>,
    new_date: Option<chrono::NaiveDate>,
    stamp: &crate::model::Stamp,
) -> Result<(), CliError> {
    let Some(batch) = crate::app::decision_batch(register, title, args.year, number)? else {
        return Err(CliError::input(format!(
            "Không có {} nào được công nhận {} năm {} theo quyết định {number}",
            title.unit_kind().counter(),
            title.short(),
            args.year
        )));
    };
    let was = format!(
        "quyết định {} ngày {}",
        batch.decision.number,
        batch.decision.date.format("%d/%m/%Y")
    );
    if args.withdraw {
        let changes = crate::app::withdraw_decision(register, title, args.year, number, stamp)?;
        outln!(
            "Đã rút lại {was}: {} {} về \"đã thẩm định\" (điểm giữ nguyên).",
            format_count(changes.len() as u64),
            title.unit_kind().counter(),
        );
        return Ok(());
    }
    let corrected = batch.corrected(new_number, new_date);
    let changes =
        crate::app::correct_decision(register, title, args.year, number, &corrected, stamp)?;
    outln!(
        "Đã sửa {was} thành quyết định {} ngày {} cho {} {}.",
        corrected.number,
        corrected.date.format("%d/%m/%Y"),
        format_count(changes.len() as u64),
        title.unit_kind().counter(),
    );
    Ok(())
}
