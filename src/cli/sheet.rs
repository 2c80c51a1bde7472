//! `sohoctap sheet`: a unit's scoring sheet (or, with `--registration`, its registration
//! form) as a Word document (`report::docx::sheet`, `report::docx::registration`),
//! with the criteria set its evaluation uses (or, never scored, the set in force) and
//! its last recorded values.

use super::args::SheetArgs;
use super::recognise::parse_title;
use super::{CliError, Env};
use crate::app::current_year;
use crate::model::{EvaluationKey, UnitKind};
use crate::report::docx::registration;
use crate::report::docx::sheet::{SheetData, render};
use crate::store::ReadOnlyRegister;
use std::collections::BTreeMap;

/// How many years back the last recorded values are looked for.
const LOOK_BACK: u16 = 10;

pub fn run(env: &Env, args: &SheetArgs) -> Result<(), CliError> {
    let title = parse_title(&args.title)?;
    let year = args.year.unwrap_or_else(current_year);
    let kind = title.unit_kind();
    let register = ReadOnlyRegister::open(&env.db)?;
    let (set, data) = {
        let reader = register.read()?;
        let code = args.unit.trim();
        let Some(id) = reader.unit_id(kind, code)? else {
            return Err(CliError::input(format!(
                "Không có {} nào mã {code} trong sổ",
                kind.counter()
            )));
        };
        let unit = reader
            .unit(kind, id)?
            .ok_or_else(|| CliError::runtime(format!("Không đọc được đơn vị {code}")))?;
        // The latest evaluation up to this year: its set version and values.
        let mut last = None;
        for y in (year.saturating_sub(LOOK_BACK)..=year).rev() {
            if let Some(e) = reader.evaluation(EvaluationKey {
                year: y,
                title,
                unit: id,
            })? {
                last = Some((y, e));
                break;
            }
        }
        let stored = match &last {
            Some((_, e)) => reader.criteria(&e.criteria_hash)?,
            None => None,
        };
        let set = match stored {
            Some(set) => set,
            None => env
                .catalog()?
                .in_force(title, year)
                .map(|entry| (*entry.set).clone())
                .ok_or_else(|| {
                    CliError::input(format!(
                        "Chưa có bộ tiêu chí {} cho năm {year}",
                        title.name()
                    ))
                })?,
        };
        let census = crate::app::load_census(&reader, year)?;
        let community = match census.community_of(title, id) {
            Some(c) => reader
                .unit(UnitKind::Community, c)?
                .map(|u| u.display_name())
                .unwrap_or_default(),
            None => String::new(),
        };
        let (values_year, values) = match last {
            Some((y, e)) => (Some(y), e.values),
            None => (None, BTreeMap::new()),
        };
        let data = SheetData {
            commune: reader.commune()?,
            year,
            unit_code: unit.code().to_string(),
            unit_name: unit.display_name(),
            community,
            values_year,
            values,
            today: chrono::Local::now().date_naive(),
        };
        (set, data)
    };
    register.close()?;
    let (bytes, what) = if args.registration {
        (registration::render(&set, &data), "phiếu đăng ký")
    } else {
        (render(&set, &data), "phiếu chấm điểm")
    };
    let bytes = bytes.map_err(|e| CliError::runtime(e.to_string()))?;
    super::dest::write_out(&args.out, &bytes, args.force, &env.db)?;
    eprintln!(
        "Đã ghi {what} {} của {} vào {}",
        title.short(),
        data.unit_code,
        args.out.display()
    );
    Ok(())
}
