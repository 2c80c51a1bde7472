//! `sohoctap criteria list|show|check`.

use super::args::CriteriaCommand;
use super::criteria_table::catalog_with_register;
use super::out::outln;
use super::{CliError, Env};
use crate::app::working_year;
use crate::criteria::{Catalog, CatalogEntry, IndicatorKind, Scope, Status, parse_set};
use crate::model::Title;
use serde_json::json;

pub fn run(env: &Env, command: CriteriaCommand) -> Result<(), CliError> {
    match command {
        CriteriaCommand::List => list(env),
        CriteriaCommand::Show { id, year, json } => show(env, &id, year, json),
        CriteriaCommand::Check { files } => check(&files),
        CriteriaCommand::Import(args) => super::criteria_table::import(env, &args),
        CriteriaCommand::Export { id, out, force } => {
            let catalog = catalog_with_register(env)?;
            let entry = find(&catalog, &id, None)?;
            super::criteria_table::export(env, entry, out.as_deref(), force)
        }
        CriteriaCommand::Adopt(args) => super::criteria_adopt::run(env, &args),
    }
}

/// A set by id, or the set in force for a title code in `year` (default this year).
pub fn find<'a>(
    catalog: &'a Catalog,
    id: &str,
    year: Option<u16>,
) -> Result<&'a CatalogEntry, CliError> {
    match Title::from_code(id) {
        Some(title) => {
            let year = year.unwrap_or_else(working_year);
            catalog.in_force(title, year).ok_or_else(|| {
                CliError::input(format!(
                    "Không có bộ tiêu chí {} áp dụng cho năm {year}",
                    title.name()
                ))
            })
        }
        None => catalog.by_id(id).ok_or_else(|| {
            CliError::input(format!(
                "Không có bộ tiêu chí mã \"{id}\". Xem danh sách: sohoctap criteria list"
            ))
        }),
    }
}

fn list(env: &Env) -> Result<(), CliError> {
    let catalog = catalog_with_register(env)?;
    let mut entries: Vec<&CatalogEntry> = catalog.entries().iter().collect();
    entries.sort_by_key(|e| (e.set.title, e.set.valid_from, e.set.id.clone()));
    // Padding counts characters: every text here is NFC, one column per character.
    let line = |id: &str, title: &str, years: &str, provenance: &str, origin: &str| {
        format!("{id:<26} {title:<9} {years:<10} {provenance:<23} {origin}")
            .trim_end()
            .to_string()
    };
    outln!(
        "{}",
        line("Mã bộ tiêu chí", "Danh hiệu", "Năm", "Nguồn gốc", "Có từ")
    );
    for e in entries {
        let s = &e.set;
        let origin = if e.is_shipped() {
            "có sẵn"
        } else {
            e.origin.as_str()
        };
        outln!(
            "{}",
            line(
                &s.id,
                s.title.code(),
                &s.years_label(),
                s.provenance().short_label(),
                origin
            )
        );
    }
    Ok(())
}

fn show(env: &Env, id: &str, year: Option<u16>, as_json: bool) -> Result<(), CliError> {
    let catalog = catalog_with_register(env)?;
    let entry = find(&catalog, id, year)?;
    let s = &entry.set;
    if as_json {
        let criteria: Vec<_> = s
            .criteria
            .iter()
            .map(|c| {
                json!({
                    "code": c.code,
                    "name": c.name,
                    "min_total": c.min_total,
                    "indicators": c.indicators.iter().map(|i| json!({
                        "code": i.code,
                        "text": i.text,
                        "kind": match i.kind { IndicatorKind::Points => "points", IndicatorKind::PassFail => "pass-fail" },
                        "max": i.max,
                        "floor": i.floor,
                        "mandatory": i.mandatory,
                    })).collect::<Vec<_>>(),
                })
            })
            .collect();
        let value = json!({
            "id": s.id,
            "title": s.title.code(),
            "name": s.name,
            "valid_from": s.valid_from,
            "valid_to": s.valid_to,
            "scope": match s.scope { Scope::Commune => "commune", Scope::AboveCommune => "above-commune" },
            "source": s.source,
            "status": s.status.code(),
            "status_note": s.status_note,
            "provenance": s.provenance().code(),
            "entered_by": s.entry.as_ref().map(|e| e.stamp.user.clone()),
            "entered_at": s.entry.as_ref().map(|e| e.stamp.at.format("%Y-%m-%dT%H:%M:%S").to_string()),
            "entered_how": s.entry.as_ref().map(|e| e.how.clone()),
            "hash": entry.hash,
            "min_total": s.min_total,
            "max_total": s.max_total(),
            "grades": s.grades.iter().map(|g| json!({"name": g.name, "min_total": g.min_total})).collect::<Vec<_>>(),
            "criteria": criteria,
        });
        outln!("{value:#}");
        return Ok(());
    }
    outln!("{} ({})", s.name, s.id);
    outln!(
        "Danh hiệu: {}   Áp dụng: {}",
        s.title.name(),
        s.years_label()
    );
    outln!("Nguồn: {}", s.source);
    outln!("Tình trạng: {}", s.status.label());
    outln!("Nguồn gốc: {}", s.provenance().label());
    if let Some(e) = &s.entry {
        outln!(
            "Người nhập: {}, lúc {} ({})",
            e.stamp.user,
            e.stamp.at.format("%d/%m/%Y %H:%M"),
            e.how
        );
    }
    if s.status == Status::Provisional || !s.status_note.is_empty() {
        outln!("Ghi chú: {}", s.status_note);
    }
    if let Some(min) = s.min_total {
        outln!(
            "Đạt khi tổng điểm từ {min}/{} trở lên và không vi phạm điều kiện nào.",
            s.max_total()
        );
    }
    for c in &s.criteria {
        outln!();
        outln!("Tiêu chí {}. {} (tối đa {})", c.code, c.name, c.max_total());
        for i in &c.indicators {
            let rule = match (i.kind, i.floor) {
                (IndicatorKind::PassFail, _) => "Đ/K".to_string(),
                (IndicatorKind::Points, Some(f)) => format!("{}–{} điểm, sàn {f}", 0, i.max),
                (IndicatorKind::Points, None) => format!("0–{} điểm", i.max),
            };
            let mandatory = if i.mandatory { ", bắt buộc" } else { "" };
            outln!("  {} {} [{rule}{mandatory}]", i.code, i.text);
        }
    }
    for g in &s.grades {
        outln!("Xếp loại {}: từ {} điểm", g.name, g.min_total);
    }
    Ok(())
}

fn check(files: &[std::path::PathBuf]) -> Result<(), CliError> {
    let mut lines = Vec::new();
    for path in files {
        let name = path.display().to_string();
        let text = match std::fs::read(path) {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(t) => t,
                Err(_) => {
                    lines.push(format!("{name}: tệp không ở mã hóa UTF-8"));
                    continue;
                }
            },
            Err(e) => {
                lines.push(format!(
                    "{name}: không đọc được tệp ({})",
                    crate::text::describe_io(&e)
                ));
                continue;
            }
        };
        match parse_set(&name, &text) {
            Ok(set) => outln!(
                "{name}: hợp lệ — {} ({}), {} chỉ số, tổng tối đa {}, {}",
                set.id,
                set.title.code(),
                set.indicator_count(),
                set.max_total(),
                set.status.label()
            ),
            Err(errors) => lines.extend(errors.iter().map(ToString::to_string)),
        }
    }
    if lines.is_empty() {
        Ok(())
    } else {
        Err(CliError { code: 2, lines })
    }
}
