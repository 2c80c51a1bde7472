//! `sohoctap decision`: a recognition decision recorded in the register, drafted as a
//! Word document with its attached list (`report::docx::decision`), for the People's
//! Committee to complete, sign and stamp.

use super::args::DecisionArgs;
use super::recognise::parse_title;
use super::{CliError, Env};
use crate::model::{Title, UnitKind, Year};
use crate::report::docx::decision::{DecisionData, ListedUnit, render};
use crate::store::{ReadOnlyRegister, Reader};
use crate::text::{clean_name, collation_key, format_count};
use std::collections::{BTreeMap, HashMap};

pub fn run(env: &Env, args: &DecisionArgs) -> Result<(), CliError> {
    let title = parse_title(&args.title)?;
    let register = ReadOnlyRegister::open(&env.db)?;
    let data = {
        let reader = register.read()?;
        load(&reader, title, args.year, args.number.as_deref())?
    };
    register.close()?;
    let bytes = render(&data).map_err(|e| CliError::runtime(e.to_string()))?;
    super::dest::write_out(&args.out, &bytes, args.force, &env.db)?;
    eprintln!(
        "Đã ghi quyết định {} ({} {}) vào {}",
        data.number,
        format_count(data.units.len() as u64),
        title.unit_kind().counter(),
        args.out.display()
    );
    Ok(())
}

/// The decision `number` (or the year's only one) for `title`, with its units sorted by
/// community, then name.
pub fn load(
    reader: &Reader,
    title: Title,
    year: Year,
    number: Option<&str>,
) -> Result<DecisionData, CliError> {
    let mut decisions: BTreeMap<String, (chrono::NaiveDate, Vec<crate::model::UnitId>)> =
        BTreeMap::new();
    for (key, evaluation) in reader.evaluations_in_year(year)? {
        if key.title != title {
            continue;
        }
        if let Some(d) = evaluation.decision {
            decisions
                .entry(d.number)
                .or_insert_with(|| (d.date, Vec::new()))
                .1
                .push(key.unit);
        }
    }
    let known = || {
        decisions
            .keys()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .join(", ")
    };
    let chosen = match number.map(clean_name) {
        Some(n) => decisions
            .keys()
            .find(|k| **k == n)
            .cloned()
            .ok_or_else(|| {
                CliError::input(format!(
                    "Năm {year} không có quyết định {n} công nhận {}; các quyết định đã ghi: {}",
                    title.name(),
                    if decisions.is_empty() {
                        "chưa có".into()
                    } else {
                        known()
                    }
                ))
            })?,
        None if decisions.len() == 1 => decisions.keys().next().cloned().unwrap_or_default(),
        None if decisions.is_empty() => {
            return Err(CliError::input(format!(
                "Năm {year} chưa có quyết định công nhận {} nào trong sổ (ghi bằng sohoctap recognise).",
                title.name()
            )));
        }
        None => {
            return Err(CliError::input(format!(
                "Năm {year} có {} quyết định công nhận {}: {}. Chọn một bằng --number SỐ.",
                decisions.len(),
                title.name(),
                known()
            )));
        }
    };
    let Some((date, ids)) = decisions.remove(&chosen) else {
        return Err(CliError::runtime("Không đọc được quyết định đã chọn"));
    };
    let census = crate::app::load_census(reader, year)?;
    let units: HashMap<_, _> = reader.units(title.unit_kind())?.into_iter().collect();
    let communities: HashMap<_, _> = reader.units(UnitKind::Community)?.into_iter().collect();
    let mut listed: Vec<(Vec<u16>, Vec<u16>, ListedUnit)> = ids
        .into_iter()
        .map(|id| {
            let (code, name) = units
                .get(&id)
                .map_or((format!("#{id}"), String::new()), |u| {
                    (u.code().to_string(), u.display_name())
                });
            let community = census
                .community_of(title, id)
                .and_then(|c| communities.get(&c))
                .map(|c| c.display_name())
                .unwrap_or_default();
            (
                collation_key(&community),
                collation_key(&name),
                ListedUnit {
                    code,
                    name,
                    community,
                },
            )
        })
        .collect();
    listed.sort_by(|a, b| (&a.0, &a.1, &a.2.code).cmp(&(&b.0, &b.1, &b.2.code)));
    Ok(DecisionData {
        commune: reader.commune()?,
        title,
        year,
        number: chosen,
        date,
        units: listed.into_iter().map(|(_, _, u)| u).collect(),
    })
}
