//! The figures of one year, measure by measure, against the resolution's targets.

use crate::model::{Commune, Measure, Target, Year, target_for_year};
use crate::tally::{Counts, Progress, Tally, denominator_rule, progress};

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureLine {
    pub measure: Measure,
    pub counts: Counts,
    pub progress: Progress,
    /// The target in force and the milestone year it belongs to.
    pub target: Option<Target>,
    pub rule: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub commune: Commune,
    pub year: Year,
    pub lines: Vec<MeasureLine>,
}

impl Summary {
    pub fn build(commune: &Commune, year: Year, tally: &Tally, targets: &[Target]) -> Summary {
        let lines = Measure::ALL
            .into_iter()
            .map(|measure| {
                let counts = *tally.measure(measure);
                let target = target_for_year(targets, measure, year).cloned();
                MeasureLine {
                    measure,
                    counts,
                    progress: progress(&counts, target.as_ref().map(|t| t.percent_tenths)),
                    target,
                    rule: denominator_rule(measure),
                }
            })
            .collect();
        Summary {
            commune: commune.clone(),
            year,
            lines,
        }
    }

    pub fn line(&self, measure: Measure) -> Option<&MeasureLine> {
        self.lines.iter().find(|l| l.measure == measure)
    }
}
