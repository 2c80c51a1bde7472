//! `sohoctap recognise`: bulk recognition after the chairman's decision.

use super::args::RecogniseArgs;
use super::out::outln;
use super::{CliError, Env};
use crate::model::{Decision, Stamp, Title};
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
    let date = parse_date(&args.date)?;
    let number = crate::text::clean_name(&args.decision);
    if number.is_empty() {
        return Err(CliError::input("Số quyết định không được để trống"));
    }
    let register = super::open_register(&env.db)?;
    let changes = register.recognise_passing(
        title,
        args.year,
        &Decision {
            number: number.clone(),
            date,
        },
        &Stamp::now(),
    )?;
    register.close()?;
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
