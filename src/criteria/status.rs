//! The status of an evaluation under its criteria set.

use super::{CriteriaSet, score};
use crate::model::{Evaluation, Stage, Status};

/// The status of an evaluation scored under `set` (its own stored version).
pub fn status_of(evaluation: &Evaluation, set: &CriteriaSet) -> Status {
    let score = score(set, &evaluation.values);
    Status {
        registered: true,
        scored: score.complete,
        passed: score.passed,
        recognised: evaluation.stage == Stage::Recognised,
        skills: evaluation.digital_skills,
    }
}
