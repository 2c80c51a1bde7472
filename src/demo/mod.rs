//! A made-up but realistic commune for trying the program, training officers and
//! measuring it at full scale (`sohoctap demo`). Everything is drawn from one seed, so
//! the same spec gives the same register on every run and every machine.
//!
//! - [`rng`]: the seeded generator;
//! - [`names`]: Vietnamese names of people, places and businesses;
//! - `units`: communities, clans, households, organisations, citizens;
//! - `evaluations`: registrations, scores, stages and decisions, year by year.

mod evaluations;
pub mod names;
pub mod rng;
mod units;

pub use evaluations::DEMO_USER;

use crate::criteria::Catalog;
use crate::model::{Measure, ResolutionRef, Target, UnitKind, Year};
use crate::store::{Register, StoreError};
use chrono::NaiveDate;
use units::Span;

/// How big a commune to make and over which years.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DemoSpec {
    pub communities: usize,
    pub households: usize,
    pub clans: usize,
    pub organisations: usize,
    pub citizens: usize,
    /// How many years of evaluations, ending with `last_year`.
    pub years: u16,
    pub last_year: Year,
    pub seed: u64,
}

/// The seed of the shipped demo: a fixed number, so every demo register is the same.
pub const DEMO_SEED: u64 = 20_251_215;

impl DemoSpec {
    /// A small commune to look around in: about 12 thôn, 3,000 households, the last
    /// three years.
    pub fn demo(last_year: Year) -> DemoSpec {
        DemoSpec {
            communities: 12,
            households: 3_000,
            clans: 40,
            organisations: 30,
            citizens: 2_000,
            years: 3,
            last_year,
            seed: DEMO_SEED,
        }
    }

    /// One of the largest merged communes (50 thôn, 50,000 households, 150,000 citizens)
    /// with ten years of evaluations, for measuring the program at full size.
    pub fn commune_scale(last_year: Year) -> DemoSpec {
        DemoSpec {
            communities: 50,
            households: 50_000,
            clans: 300,
            organisations: 300,
            citizens: 150_000,
            years: 10,
            last_year,
            seed: DEMO_SEED,
        }
    }

    /// The first year with evaluations.
    pub fn first_year(&self) -> Year {
        Span::of(self).first
    }
}

/// What [`build`] wrote.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DemoSummary {
    pub communities: usize,
    pub households: usize,
    pub clans: usize,
    pub organisations: usize,
    pub citizens: usize,
    /// Units that left during the years covered (they still count in earlier years).
    pub archived: usize,
    pub first_year: Year,
    pub last_year: Year,
    pub evaluations: usize,
    pub recognised: usize,
    /// Evaluations with some indicators not yet scored.
    pub partial: usize,
    pub targets: usize,
}

/// Fills `register` (normally a fresh one) with the commune `spec` describes: units one
/// transaction per kind, evaluations one transaction per year, then the resolution's
/// targets. Each transaction is all or nothing; a failure stops the build and leaves the
/// transactions already committed.
pub fn build(
    register: &Register,
    spec: &DemoSpec,
    catalog: &Catalog,
) -> Result<DemoSummary, StoreError> {
    let rng = rng::Rng::new(spec.seed);
    let span = Span::of(spec);
    // Marked first, so even a build that stops half-way leaves a file `sohoctap demo`
    // knows it may replace.
    register.write(|w| w.mark_demo())?;
    let population = units::write_all(register, spec, &rng.fork(1))?;
    let counts = evaluations::write_all(register, catalog, &population, span, &rng.fork(2))?;
    let targets = resolution_targets(&register.commune()?.name);
    register.write(|w| {
        for target in &targets {
            w.put_target(target)?;
        }
        Ok(())
    })?;
    Ok(DemoSummary {
        communities: population.of(UnitKind::Community).len(),
        households: population.of(UnitKind::Household).len(),
        clans: population.of(UnitKind::Clan).len(),
        organisations: population.of(UnitKind::Organisation).len(),
        citizens: population.of(UnitKind::Citizen).len(),
        archived: population.archived(),
        first_year: span.first,
        last_year: span.last,
        evaluations: counts.evaluations,
        recognised: counts.recognised,
        partial: counts.partial,
        targets: targets.len(),
    })
}

/// The commune Party committee's resolution, copying the national targets for 2025 and
/// 2030 as most communes do.
pub fn resolution_targets(commune_name: &str) -> Vec<Target> {
    let resolution = ResolutionRef {
        number: "05-NQ/ĐU".into(),
        date: NaiveDate::from_ymd_opt(2021, 3, 12),
        body: format!("Đảng ủy xã {}", units::place_name(commune_name)),
    };
    [2025, 2030]
        .into_iter()
        .flat_map(|milestone| {
            let resolution = resolution.clone();
            Measure::ALL.into_iter().filter_map(move |measure| {
                Some(Target {
                    measure,
                    basis: crate::model::Basis::Total,
                    milestone,
                    percent_tenths: measure.national_target(milestone)?,
                    resolution: resolution.clone(),
                })
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
