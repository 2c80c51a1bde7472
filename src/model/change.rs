//! An evaluation before and after one save: what tallies move their counters by and
//! what an undo puts back.

use super::{Evaluation, EvaluationKey};

/// An evaluation before and after a change, for tallies and undo.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub key: EvaluationKey,
    pub old: Option<Evaluation>,
    pub new: Option<Evaluation>,
}
