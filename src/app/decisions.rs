//! A recognition decision as a whole: the units one decision number recognised for a
//! title and year, withdrawn or corrected together in one write transaction, so a bulk
//! recognition under a wrong number or date is taken back as it was made (not one unit
//! of 352 at a time with Ctrl+Z). Every unit changed gets its own history entry, as
//! any decision does.

use crate::model::Change;
use crate::model::{Decision, Evaluation, EvaluationKey, Stage, Stamp, Title, Year};
use crate::store::{Register, Result, StoreError};
use crate::text::clean_name;

/// The units one decision recognised: its recorded number and date (from the first
/// unit found) and how many units.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionBatch {
    pub decision: Decision,
    pub count: usize,
}

impl DecisionBatch {
    /// The decision as corrected: the new number and date where given (an empty number
    /// is not given), the recorded ones where not.
    pub fn corrected(
        &self,
        new_number: Option<String>,
        new_date: Option<chrono::NaiveDate>,
    ) -> Decision {
        Decision {
            number: new_number
                .filter(|n| !n.is_empty())
                .unwrap_or_else(|| self.decision.number.clone()),
            date: new_date.unwrap_or(self.decision.date),
        }
    }
}

/// Whether an evaluation was recognised by the decision numbered `number`. Numbers are
/// compared as typed ("12/qđ-ubnd" is 12/QĐ-UBND), spaces tidied.
fn recognised_by(evaluation: &Evaluation, number: &str) -> bool {
    evaluation.stage == Stage::Recognised
        && evaluation
            .decision
            .as_ref()
            .is_some_and(|d| clean_name(&d.number).to_lowercase() == number)
}

/// The decision `number` for `title` in `year`, and how many units it recognised;
/// `None` when it recognised none.
pub fn decision_batch(
    register: &Register,
    title: Title,
    year: Year,
    number: &str,
) -> Result<Option<DecisionBatch>> {
    let number = clean_name(number).to_lowercase();
    let mut batch: Option<DecisionBatch> = None;
    let mut dates = std::collections::BTreeSet::new();
    for (key, evaluation) in register.read()?.evaluations_in_year(year)? {
        if key.title != title || !recognised_by(&evaluation, &number) {
            continue;
        }
        if let Some(d) = &evaluation.decision {
            dates.insert(d.date);
        }
        match (&mut batch, &evaluation.decision) {
            (Some(b), _) => b.count += 1,
            (None, Some(decision)) => {
                batch = Some(DecisionBatch {
                    decision: decision.clone(),
                    count: 1,
                })
            }
            (None, None) => {}
        }
    }
    one_decision(&number, &dates)?;
    Ok(batch)
}

/// One number on several dates is several decisions (after two communes' registers
/// were merged, each commune's UBND may have issued its own "12/QĐ-UBND"): taking them
/// back as one would touch the other commune's units, so it is refused, naming the dates.
fn one_decision(number: &str, dates: &std::collections::BTreeSet<chrono::NaiveDate>) -> Result<()> {
    if dates.len() > 1 {
        let listed: Vec<String> = dates
            .iter()
            .map(|d| d.format("%d/%m/%Y").to_string())
            .collect();
        return Err(StoreError::Invalid(format!(
            "Số quyết định {number} được ghi với {} ngày khác nhau ({}): đó là những quyết định khác nhau (có thể của xã cũ đã gộp), không rút lại hay sửa chung được; hãy rút lại hoặc sửa từng đơn vị",
            dates.len(),
            listed.join(", ")
        )));
    }
    Ok(())
}

/// Withdraws the decision: every unit it recognised goes back to "đã thẩm định"
/// with no decision (its scores stay), in one transaction.
pub fn withdraw_decision(
    register: &Register,
    title: Title,
    year: Year,
    number: &str,
    stamp: &Stamp,
) -> Result<Vec<Change>> {
    rewrite_decision(register, title, year, number, stamp, |e| {
        e.stage = Stage::Reviewed;
        e.decision = None;
        e.override_reason = None;
    })
}

/// Corrects the decision's number or date on every unit it recognised, in one
/// transaction; the units stay recognised.
pub fn correct_decision(
    register: &Register,
    title: Title,
    year: Year,
    number: &str,
    corrected: &Decision,
    stamp: &Stamp,
) -> Result<Vec<Change>> {
    if clean_name(&corrected.number).is_empty() {
        return Err(StoreError::Invalid(
            "Số quyết định không được để trống".into(),
        ));
    }
    rewrite_decision(register, title, year, number, stamp, |e| {
        e.decision = Some(corrected.clone());
    })
}

fn rewrite_decision(
    register: &Register,
    title: Title,
    year: Year,
    number: &str,
    stamp: &Stamp,
    change: impl Fn(&mut Evaluation),
) -> Result<Vec<Change>> {
    let number = clean_name(number).to_lowercase();
    // The keys are found by one read of the year; each is read again inside the
    // write and changed only if it still carries the decision.
    let found: Vec<(EvaluationKey, Evaluation)> = register
        .read()?
        .evaluations_in_year(year)?
        .into_iter()
        .filter(|(key, e)| key.title == title && recognised_by(e, &number))
        .collect();
    let dates = found
        .iter()
        .filter_map(|(_, e)| e.decision.as_ref().map(|d| d.date))
        .collect();
    one_decision(&number, &dates)?;
    let keys: Vec<EvaluationKey> = found.into_iter().map(|(key, _)| key).collect();
    register.write(|w| {
        let mut changes = Vec::new();
        for key in keys {
            let Some(old) = w.evaluation(key)? else {
                continue;
            };
            if !recognised_by(&old, &number) {
                continue;
            }
            let mut new = old.clone();
            change(&mut new);
            new.stamp = stamp.clone();
            w.set_evaluation(key, Some(&new), stamp)?;
            changes.push(Change {
                key,
                old: Some(old),
                new: Some(new),
            });
        }
        Ok(changes)
    })
}
