//! The demo's evaluations, one write transaction per year: a realistic share of units
//! registers, most are scored fully under the criteria set in force that year, some stop
//! part-way, and those that pass are recognised by one decision of the People's
//! Committee per title in December. Stages follow the real workflow: only a unit that
//! passes is recognised; the last year is still partly in progress.

use super::rng::Rng;
use super::units::{Population, Span};
use crate::criteria::{Catalog, CatalogEntry, CriteriaSet, IndicatorKind, score};
use crate::model::{
    Decision, Evaluation, EvaluationKey, IndicatorValue, Stage, Stamp, Title, Year,
};
use crate::store::{Register, Result, Writer};
use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use std::collections::BTreeMap;

/// Who the demo's changes are stamped with: not a person of the office.
pub const DEMO_USER: &str = "du-lieu-mau";

/// What one year wrote.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct YearCounts {
    pub evaluations: usize,
    pub recognised: usize,
    pub partial: usize,
}

/// How likely a unit of `title` is to register and to pass, `progress` (0–1) of the way
/// through the years: both rise, as the commune works towards its resolution.
fn base_rates(title: Title, progress: f64) -> (f64, f64) {
    let (register_from, register_to) = match title {
        Title::GiaDinh => (0.70, 0.90),
        Title::DongHo => (0.75, 0.95),
        Title::CongDong => (0.80, 1.0),
        Title::DonVi => (0.80, 0.98),
        Title::CongDan => (0.45, 0.75),
    };
    let register = register_from + (register_to - register_from) * progress;
    let pass = 0.55 + 0.2 * progress;
    (register, pass)
}

/// Writes the evaluations of every year of the span, each year in one transaction.
pub fn write_all(
    register: &Register,
    catalog: &Catalog,
    population: &Population,
    span: Span,
    rng: &Rng,
) -> Result<YearCounts> {
    let mut total = YearCounts::default();
    for year in span.first..=span.last {
        let mut rng = rng.fork(u64::from(year));
        let counts =
            register.write(|w| write_year(w, catalog, population, span, year, &mut rng))?;
        total.evaluations += counts.evaluations;
        total.recognised += counts.recognised;
        total.partial += counts.partial;
    }
    Ok(total)
}

fn write_year(
    w: &mut Writer,
    catalog: &Catalog,
    population: &Population,
    span: Span,
    year: Year,
    rng: &mut Rng,
) -> Result<YearCounts> {
    let mut counts = YearCounts::default();
    let progress = if span.last > span.first {
        f64::from(year - span.first) / f64::from(span.last - span.first)
    } else {
        1.0
    };
    // The last year is still under way: a good share has not been decided yet.
    let undecided = if year == span.last { 0.3 } else { 0.04 };
    for title in Title::ALL {
        // Before a set exists for a title (CDHT before 2022) nobody could be scored.
        let Some(entry) = catalog.in_force(title, year) else {
            continue;
        };
        w.remember_criteria(&entry.hash, &entry.set)?;
        let decision = Decision {
            number: format!("{}/QĐ-UBND", rng.between(20, 480)),
            date: date(year, 12, rng.between(10, 28)),
        };
        let (register_rate, pass_rate) = base_rates(title, progress);
        for member in population.of(title.unit_kind()) {
            if !member.meta.active_in(year) {
                continue;
            }
            let keen = member.diligence - 0.5;
            if !rng.chance((register_rate + keen * 0.4).clamp(0.02, 0.99)) {
                continue;
            }
            let wants_pass = rng.chance((pass_rate + keen * 0.6).clamp(0.05, 0.97));
            let plan = Plan {
                entry,
                year,
                decision: &decision,
                wants_pass,
                undecided: rng.chance(undecided),
            };
            let mut evaluation = plan.evaluation(rng);
            if title == Title::CongDan {
                evaluation.digital_skills = demo_skills(member.id, year);
            }
            counts.evaluations += 1;
            counts.recognised += usize::from(evaluation.stage == Stage::Recognised);
            counts.partial += usize::from(evaluation.values.len() < entry.set.indicator_count());
            let key = EvaluationKey {
                year,
                title,
                unit: member.id,
            };
            w.set_evaluation(key, Some(&evaluation), &evaluation.stamp)?;
        }
    }
    Ok(counts)
}

/// A citizen's digital skills in the demo: most have some, a few are proficient, some are
/// not recorded. Taken from the id and year rather than the random stream, so the rest of
/// the demo stays as it was before skills were recorded.
fn demo_skills(id: crate::model::UnitId, year: Year) -> Option<crate::model::DigitalSkills> {
    use crate::model::DigitalSkills;
    match (id.wrapping_mul(7).wrapping_add(u32::from(year))) % 10 {
        0 | 1 => None,
        2 | 3 => Some(DigitalSkills::Chua),
        4..=7 => Some(DigitalSkills::Co),
        _ => Some(DigitalSkills::ThanhThao),
    }
}

struct Plan<'a> {
    entry: &'a CatalogEntry,
    year: Year,
    decision: &'a Decision,
    wants_pass: bool,
    undecided: bool,
}

impl Plan<'_> {
    fn evaluation(&self, rng: &mut Rng) -> Evaluation {
        let set = self.entry.set.as_ref();
        let registered_on = date(self.year, rng.between(1, 3).into(), rng.between(2, 28));
        let mut evaluation = Evaluation::register(
            &set.id,
            &self.entry.hash,
            Some(registered_on),
            stamp(registered_on, 9),
        );
        let values = if self.wants_pass {
            passing_values(set, rng)
        } else {
            failing_values(set, rng)
        };
        if self.undecided {
            // Still in the workflow: registered with part of the form filled in, or
            // self-assessed, or reviewed and waiting for the decision.
            let stage = match rng.weighted(&[40, 35, 25]) {
                0 => Stage::Registered,
                1 => Stage::SelfAssessed,
                _ => Stage::Reviewed,
            };
            evaluation.values = if stage == Stage::Registered {
                let filled = rng.index(set.indicator_count());
                values.into_iter().take(filled).collect()
            } else {
                values.into_iter().collect()
            };
            evaluation.stage = stage;
            if stage != Stage::Registered {
                let on = date(self.year, 11, rng.between(1, 28));
                evaluation.stamp = stamp(on, 15);
            }
            return evaluation;
        }
        let values: BTreeMap<String, IndicatorValue> = values.into_iter().collect();
        let result = score(set, &values);
        evaluation.values = values;
        if result.passed {
            evaluation.stage = Stage::Recognised;
            evaluation.decision = Some(self.decision.clone());
        } else {
            evaluation.stage = Stage::NotRecognised;
            evaluation.note = result
                .failures
                .first()
                .map(|f| f.message())
                .unwrap_or_default();
        }
        evaluation.stamp = stamp(self.decision.date, 16);
        evaluation
    }
}

/// Values in the set's order that pass every rule: high marks, then full marks if a
/// rule of the set still fails.
fn passing_values(set: &CriteriaSet, rng: &mut Rng) -> Vec<(String, IndicatorValue)> {
    let mut values: Vec<(String, IndicatorValue)> = set
        .indicators()
        .map(|i| {
            let value = match i.kind {
                IndicatorKind::Points => {
                    let low = (i.max * 3).div_ceil(4).max(i.floor.unwrap_or(0)).max(1);
                    IndicatorValue::Points(rng.between(low.min(i.max), i.max))
                }
                IndicatorKind::PassFail => IndicatorValue::Pass(i.mandatory || rng.chance(0.95)),
            };
            (i.code.clone(), value)
        })
        .collect();
    if !score(set, &values.iter().cloned().collect()).passed {
        for ((_, value), indicator) in values.iter_mut().zip(set.indicators()) {
            *value = match indicator.kind {
                IndicatorKind::Points => IndicatorValue::Points(indicator.max),
                IndicatorKind::PassFail => IndicatorValue::Pass(true),
            };
        }
    }
    values
}

/// Passing values with indicators marked down hard, one at a time, until a rule fails:
/// the usual shape of a unit that falls short (a child out of school, no study plan).
fn failing_values(set: &CriteriaSet, rng: &mut Rng) -> Vec<(String, IndicatorValue)> {
    let mut values = passing_values(set, rng);
    let mut order: Vec<usize> = (0..values.len()).collect();
    // A shuffled order, so different indicators are the weak ones.
    for i in (1..order.len()).rev() {
        order.swap(i, rng.index(i + 1));
    }
    for i in order {
        if let Some((code, value)) = values.get_mut(i) {
            *value = match (set.indicator(code).map(|x| x.kind), *value) {
                (Some(IndicatorKind::PassFail), _) => IndicatorValue::Pass(false),
                (_, IndicatorValue::Points(p)) => IndicatorValue::Points(rng.between(0, p / 3)),
                (_, other) => other,
            };
        }
        if !score(set, &values.iter().cloned().collect()).passed {
            break;
        }
    }
    values
}

fn date(year: Year, month: u32, day: u16) -> NaiveDate {
    NaiveDate::from_ymd_opt(year.into(), month, day.into())
        .or_else(|| NaiveDate::from_ymd_opt(year.into(), 1, 1))
        .unwrap_or_default()
}

fn stamp(on: NaiveDate, hour: u32) -> Stamp {
    let time = NaiveTime::from_hms_opt(hour, 0, 0).unwrap_or_default();
    Stamp {
        user: DEMO_USER.into(),
        at: NaiveDateTime::new(on, time),
    }
}
