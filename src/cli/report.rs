//! `sohoctap report`: the year's summary, as the printed report (to the screen, a file
//! or the printer), as a Word document (`--docx`) or as JSON. Reading the register
//! happens here, in [`load_report_data`], so `crate::report` stays pure; the app's Report
//! screen calls the same function, so what it previews is what this prints.

use super::args::ReportArgs;
use super::paths::current_year;
use super::{CliError, Env};
use crate::model::{UnitKind, Year};
use crate::report::data::CriteriaUse;
use crate::report::docx::DocxOptions;
use crate::report::text::{TextOptions, render, windows_bytes};
use crate::report::{GatherInput, ReportData, UnitLabel, UnitNames, gather, report_json};
use crate::store::Reader;
use crate::tally::{Census, Tally};
use std::collections::HashMap;
use std::io::Write;

/// Reads everything the report shows for `year` (and the year before) from one snapshot.
/// `list` also reads every unit's name for the appendix of recognised units.
pub fn load_report_data(
    reader: &Reader,
    year: Year,
    list: bool,
) -> crate::store::Result<ReportData> {
    let commune = reader.commune()?;
    let targets = reader.targets()?;
    let census = Census::load(reader, year)?;
    let tally = Tally::compute(&census);
    let previous_tally = Tally::compute(&Census::load(reader, year.saturating_sub(1))?);
    let evaluations = reader.criteria_hashes_in_year(year)?;
    let kinds: &[UnitKind] = if list {
        &UnitKind::ALL
    } else {
        &[UnitKind::Community]
    };
    let mut names = UnitNames::new();
    for &kind in kinds {
        for (id, unit) in reader.units(kind)? {
            if census.is_active(kind, id) {
                names.insert(
                    (kind, id),
                    // Escaped here so a line break in an old register's name cannot
                    // start a fake line of the report.
                    UnitLabel {
                        code: crate::text::escape(unit.code()).into_owned(),
                        name: crate::text::escape(&unit.display_name()).into_owned(),
                    },
                );
            }
        }
    }
    let criteria = criteria_in_use(reader, &census, evaluations)?;
    let series = yearly_series(reader, year, &tally, &previous_tally)?;
    Ok(gather(GatherInput {
        commune: &commune,
        year,
        targets: &targets,
        census: &census,
        tally: &tally,
        previous_tally: &previous_tally,
        names: &names,
        criteria,
        list,
        series,
    }))
}

/// How far back the way to the next milestone looks for years with evaluations.
const SERIES_YEARS: u16 = 30;

/// The measures' counters of every year from the first with evaluations (at most
/// [`SERIES_YEARS`] back) to `year`; the report year and the one before are already
/// tallied.
fn yearly_series(
    reader: &Reader,
    year: Year,
    tally: &Tally,
    previous: &Tally,
) -> crate::store::Result<Vec<(Year, [crate::tally::Counts; crate::model::Measure::COUNT])>> {
    let of = |t: &Tally| crate::model::Measure::ALL.map(|m| *t.measure(m));
    let mut first = year;
    for y in year.saturating_sub(SERIES_YEARS)..year {
        if !reader.statuses_in_year(y)?.is_empty() {
            first = y;
            break;
        }
    }
    let mut out = Vec::new();
    for y in first..=year {
        let counts = if y == year {
            of(tally)
        } else if y + 1 == year {
            of(previous)
        } else {
            of(&Tally::compute(&Census::load(reader, y)?))
        };
        out.push((y, counts));
    }
    Ok(out)
}

/// The criteria versions the year's evaluations of active units are scored under.
fn criteria_in_use(
    reader: &Reader,
    census: &Census,
    evaluations: Vec<(crate::model::Title, crate::model::UnitId, String)>,
) -> crate::store::Result<Vec<CriteriaUse>> {
    let mut uses: HashMap<String, u64> = HashMap::new();
    for (title, unit, hash) in evaluations {
        if census.is_active(title.unit_kind(), unit) {
            *uses.entry(hash).or_default() += 1;
        }
    }
    let sets: HashMap<String, crate::criteria::CriteriaSet> =
        reader.all_criteria()?.into_iter().collect();
    Ok(uses
        .into_iter()
        .filter_map(|(hash, evaluations)| {
            // A missing copy is reported by `sohoctap check`; it has nothing to show here.
            sets.get(&hash).map(|set| CriteriaUse {
                title: set.title,
                id: set.id.clone(),
                hash,
                name: set.name.clone(),
                source: set.source.clone(),
                status: set.status,
                status_note: set.status_note.clone(),
                evaluations,
            })
        })
        .collect())
}

pub fn run(env: &Env, args: &ReportArgs, ascii: bool) -> Result<(), CliError> {
    let year = args.year.unwrap_or_else(current_year);
    // Refuse to print before doing any work when there is no way to print.
    if args.print {
        crate::print::check_printer().map_err(print_error)?;
    }
    let register = super::open_register_read_only(&env.db)?;
    let data = {
        let reader = register.read()?;
        load_report_data(&reader, year, args.list)?
    };
    register.close()?;

    let today = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // Names come from the register, which may predate the refusal of control and
    // bidirectional characters on import: they are escaped, never sent raw.
    let bytes = if args.xlsx {
        crate::exchange::report_xlsx::report_xlsx(&data)?
    } else if args.json {
        let json = format!("{:#}\n", report_json(&data));
        crate::text::safe::escape_json(&json)
            .into_owned()
            .into_bytes()
    } else if args.docx {
        // The office edits the document in Word; --ascii is for printers, not for it.
        crate::report::docx::render(
            &data,
            &DocxOptions {
                today,
                list: args.list,
                signer: args.signer.clone(),
            },
        )
        .map_err(|e| CliError::runtime(e.to_string()))?
    } else {
        let text = render(
            &data,
            &TextOptions {
                today,
                ascii,
                list: args.list,
            },
        );
        let text = crate::text::escape_text(&text).into_owned();
        if args.windows {
            windows_bytes(&text)
        } else {
            text.into_bytes()
        }
    };

    if let Some(path) = &args.out {
        super::dest::write_out(path, &bytes, args.force, &env.db)?;
        eprintln!("Đã ghi báo cáo vào {}", path.display());
    }
    if args.print {
        let text = String::from_utf8_lossy(&bytes);
        let printed = crate::print::print_text(&text, &crate::print::spool_folder(&env.db))
            .map_err(print_error)?;
        match printed.file {
            Some(file) => eprintln!(
                "Đã gửi báo cáo tới máy in ({}, tệp {}).",
                printed.program,
                file.display()
            ),
            None => eprintln!("Đã gửi báo cáo tới máy in ({}).", printed.program),
        }
    }
    if args.out.is_none() && !args.print {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&bytes)
            .and_then(|()| stdout.flush())
            // A reader that stopped early (`| head`) is not a failure.
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::BrokenPipe => Ok(()),
                _ => Err(e),
            })
            .map_err(|e| {
                CliError::runtime(format!(
                    "Không in được ra màn hình: {}",
                    crate::text::describe_io(&e)
                ))
            })?;
    }
    Ok(())
}

/// The command line's advice on a failed print: write the report to a file instead.
fn print_error(e: crate::print::PrintError) -> CliError {
    match e {
        crate::print::PrintError::NoPrinter { .. }
        | crate::print::PrintError::MissingTools { .. } => CliError::runtime(format!(
            "{e}. Hãy ghi báo cáo ra tệp bằng --out TỆP rồi mở tệp đó để in."
        )),
        other => CliError::runtime(other.to_string()),
    }
}
