//! The report's data: everything it shows for a year, read from one snapshot of the
//! register, so `crate::report` stays pure. The command line's `report` and the app's
//! Report screen both call [`load_report_data`], so what the app previews is what the
//! command prints.

use super::census::census_of_links;
use crate::model::{UnitKind, Year};
use crate::report::data::CriteriaUse;
use crate::report::{GatherInput, ReportData, UnitDecisions, UnitLabel, UnitNames, gather};
use crate::store::Reader;
use crate::tally::{Census, Tally, UnitLinks, YearStatuses};
use std::collections::HashMap;

/// Reads everything the report shows for `year` (and the year before) from one snapshot.
/// `list` also reads every unit's name and every recognised unit's decision for the
/// appendix of recognised units.
///
/// The unit links are read once for every year counted: the report year's census, and
/// the measures alone of the year before and of the series' years, which show nothing
/// by community or clan.
pub fn load_report_data(
    reader: &Reader,
    year: Year,
    list: bool,
) -> crate::store::Result<ReportData> {
    let commune = reader.commune()?;
    let targets = reader.targets()?;
    let mut links = UnitLinks::default();
    reader.for_each_unit_link(|kind, id, link| links.add(kind, id, link))?;
    let census = census_of_links(reader, &links, year)?;
    let tally = Tally::compute(&census);
    let previous_tally = measures_of(reader, &links, year.saturating_sub(1))?;
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
    let decisions = if list {
        recognising_decisions(reader, year, &census)?
    } else {
        UnitDecisions::new()
    };
    let criteria = criteria_in_use(reader, &census, evaluations)?;
    let series = yearly_series(reader, &links, year, &tally, &previous_tally)?;
    Ok(gather(GatherInput {
        commune: &commune,
        letterhead: reader.letterhead()?,
        year,
        targets: &targets,
        census: &census,
        tally: &tally,
        previous_tally: &previous_tally,
        names: &names,
        criteria,
        list,
        decisions: &decisions,
        series,
    }))
}

/// The decision that recognised each recognised unit active in `year`, for the
/// appendix's grouping by decision. The number is escaped as names are, so a line break
/// typed into it cannot start a fake line of the report.
fn recognising_decisions(
    reader: &Reader,
    year: Year,
    census: &Census,
) -> crate::store::Result<UnitDecisions> {
    let mut out = UnitDecisions::new();
    for (key, evaluation) in reader.evaluations_in_year(year)? {
        if !census.status(key.title, key.unit).recognised {
            continue;
        }
        if let Some(decision) = evaluation.decision {
            out.insert(
                (key.title, key.unit),
                crate::model::Decision {
                    number: crate::text::escape(&decision.number).into_owned(),
                    date: decision.date,
                },
            );
        }
    }
    Ok(out)
}

/// How far back the way to the next milestone looks for years with evaluations.
const SERIES_YEARS: u16 = 30;

/// The measures of `year` counted from the links read once (see [`Tally::measures`]).
fn measures_of(reader: &Reader, links: &UnitLinks, year: Year) -> crate::store::Result<Tally> {
    let mut statuses = YearStatuses::new(year);
    reader.for_each_status_chunk(year, |title, first, chunk| {
        statuses.set_chunk(title, first, chunk)
    })?;
    Ok(Tally::measures(links, &statuses))
}

/// The measures' counters of every year from the first with evaluations (at most
/// [`SERIES_YEARS`] back) to `year`; the report year and the one before are already
/// tallied.
fn yearly_series(
    reader: &Reader,
    links: &UnitLinks,
    year: Year,
    tally: &Tally,
    previous: &Tally,
) -> crate::store::Result<Vec<(Year, [crate::tally::Counts; crate::model::Measure::COUNT])>> {
    let of = |t: &Tally| crate::model::Measure::ALL.map(|m| *t.measure(m));
    let mut first = year;
    for y in year.saturating_sub(SERIES_YEARS)..year {
        if reader.has_statuses_in_year(y)? {
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
            of(&measures_of(reader, links, y)?)
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
