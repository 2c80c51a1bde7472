//! `sohoctap targets list|set`: the resolution's targets on every basis (recognised over
//! all units, registered over all units, recognised over registered), and the shares of
//! CDHT holders with digital skills and proficient (basis "total" only). The app's
//! targets screen edits the first basis; this command sets any of them.

use super::args::TargetsCommand;
use super::out::outln;
use super::{CliError, Env};
use crate::model::{Basis, Measure, ResolutionRef, Target};
use crate::text::format_percent;
use serde_json::json;

pub fn run(env: &Env, command: TargetsCommand) -> Result<(), CliError> {
    match command {
        TargetsCommand::List { json } => list(env, json),
        TargetsCommand::Set {
            measure,
            milestone,
            percent,
            basis,
            resolution,
        } => set(
            env,
            &measure,
            milestone,
            &percent,
            &basis,
            resolution.as_deref(),
        ),
    }
}

fn list(env: &Env, as_json: bool) -> Result<(), CliError> {
    let register = super::open_register_read_only(&env.db)?;
    let targets = register.read()?.targets()?;
    register.close()?;
    if as_json {
        let items: Vec<serde_json::Value> = targets
            .iter()
            .map(|t| {
                json!({
                    "measure": t.measure.code(),
                    "basis": t.basis.code(),
                    "milestone": t.milestone,
                    "percent": f64::from(t.percent_tenths) / 10.0,
                    "resolution": {
                        "number": t.resolution.number,
                        "date": t.resolution.date.map(|d| d.to_string()),
                        "body": t.resolution.body,
                    },
                })
            })
            .collect();
        outln!("{:#}", serde_json::Value::Array(items));
        return Ok(());
    }
    if targets.is_empty() {
        outln!(
            "Sổ chưa có chỉ tiêu nào. Đặt bằng: sohoctap targets set MÔ_HÌNH --milestone NĂM --percent TỶ_LỆ --resolution \"SỐ, NGÀY, CƠ QUAN\""
        );
        return Ok(());
    }
    for t in &targets {
        let date = t
            .resolution
            .date
            .map(|d| format!(" ngày {}", d.format("%d/%m/%Y")))
            .unwrap_or_default();
        outln!(
            "{:<20} {:<14} {} {:>6}  (NQ {}{date}, {})",
            t.measure.code(),
            t.basis.code(),
            t.milestone,
            format_percent(u32::from(t.percent_tenths)),
            t.resolution.number,
            t.resolution.body
        );
    }
    Ok(())
}

/// The measure of a code, among the report's title codes and the two digital-skills
/// measures of QĐ 677.
fn parse_measure(code: &str) -> Result<Measure, CliError> {
    if let Some(m) = Measure::from_code(code) {
        return Ok(m);
    }
    let codes: Vec<&str> = Measure::ALL.iter().map(|m| m.code()).collect();
    Err(CliError::input(format!(
        "Mô hình \"{code}\" không có; dùng một trong: {}",
        codes.join(", ")
    )))
}

fn parse_basis(code: &str) -> Result<Basis, CliError> {
    Basis::from_code(code).ok_or_else(|| {
        CliError::input(format!(
            "Cách tính \"{code}\" không có; dùng total, registered hoặc of-registered"
        ))
    })
}

/// "05-NQ/ĐU, 12/3/2021, Đảng ủy xã Yên Mô": number, date (may be empty), body (the
/// rest, commas and all).
pub fn parse_resolution(text: &str) -> Result<ResolutionRef, CliError> {
    let mut parts = text.splitn(3, ',').map(str::trim);
    let number = crate::text::clean_name(parts.next().unwrap_or(""));
    let date = parts.next().unwrap_or("");
    let body = crate::text::clean_name(parts.next().unwrap_or(""));
    if number.is_empty() {
        return Err(CliError::input(
            "Nghị quyết cần số: --resolution \"SỐ, NGÀY, CƠ QUAN\", ví dụ \"05-NQ/ĐU, 12/3/2021, Đảng ủy xã\"",
        ));
    }
    let date = if date.is_empty() {
        None
    } else {
        Some(crate::text::parse_date(date).map_err(CliError::input)?)
    };
    Ok(ResolutionRef { number, date, body })
}

fn set(
    env: &Env,
    measure: &str,
    milestone: u16,
    percent: &str,
    basis: &str,
    resolution: Option<&str>,
) -> Result<(), CliError> {
    let measure = parse_measure(measure)?;
    let basis = parse_basis(basis)?;
    let percent_tenths = crate::text::parse_percent(percent)
        .map_err(CliError::input)?
        .ok_or_else(|| CliError::input("Cần tỷ lệ: --percent 72 (hoặc 72,5)"))?;
    let given = resolution.map(parse_resolution).transpose()?;
    let register = super::open_register(&env.db)?;
    let existing = register.read()?.targets()?;
    // Without --resolution: the one of this very target, else the one the others share.
    let resolution = match given {
        Some(r) => r,
        None => existing
            .iter()
            .find(|t| t.measure == measure && t.basis == basis && t.milestone == milestone)
            .or(existing.first())
            .map(|t| t.resolution.clone())
            .ok_or_else(|| {
                CliError::input(
                    "Sổ chưa có nghị quyết nào: thêm --resolution \"SỐ, NGÀY, CƠ QUAN\"",
                )
            })?,
    };
    let target = Target {
        measure,
        basis,
        milestone,
        percent_tenths,
        resolution,
    };
    let problems: Vec<String> = crate::store::validate::target_findings(&target)
        .into_iter()
        .map(|f| f.message)
        .collect();
    if !problems.is_empty() {
        return Err(CliError {
            code: 2,
            lines: problems,
        });
    }
    crate::app::set_targets(
        &register,
        &target.resolution,
        &[(measure, basis, milestone, Some(percent_tenths))],
    )?;
    super::close_written(register)?;
    outln!(
        "Đã đặt chỉ tiêu {} ({}) đến {}: {}.",
        measure.label(),
        basis.label(),
        milestone,
        format_percent(u32::from(percent_tenths))
    );
    Ok(())
}
