//! What the tallies need to know about one evaluation.

use crate::criteria::{CriteriaSet, score};
use crate::model::{Evaluation, Stage};

/// The status of one unit for one title in one year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Status {
    pub registered: bool,
    /// Every indicator has a value.
    pub scored: bool,
    /// Complete and meets every rule of its criteria set.
    pub passed: bool,
    pub recognised: bool,
}

/// The status of an evaluation scored under `set` (its own stored version).
pub fn status_of(evaluation: &Evaluation, set: &CriteriaSet) -> Status {
    let score = score(set, &evaluation.values);
    Status {
        registered: true,
        scored: score.complete,
        passed: score.passed,
        recognised: evaluation.stage == Stage::Recognised,
    }
}
