//! Adopting a criteria set for a year: every evaluation of one title in one year moves
//! onto the new set in one transaction, its values carried over by indicator code (a
//! value the new set does not accept — an unknown code, a kind or maximum that differs —
//! is dropped and said). The plan is computed first and shown; nothing is silently
//! changed: decisions already recorded stay as they are, and those the new set would
//! no longer support are listed. Each moved evaluation is one history entry, so the
//! move is undone evaluation by evaluation ([`Register::undo_adopt`]).

use super::{Register, Result, StoreError};
use crate::criteria::{CatalogEntry, check_value, score};
use crate::model::{Evaluation, EvaluationKey, Stage, Stamp, Title, Year};
use crate::model::{EvaluationChange, FieldChange};

/// What happens to one evaluation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptRow {
    pub key: EvaluationKey,
    /// Code and name of the unit, for the officer.
    pub unit: String,
    /// Indicators of the new set that will have no value.
    pub missing: Vec<String>,
    /// Values that cannot be carried over (code not in the new set, or not accepted).
    pub dropped: Vec<String>,
    pub passed_before: bool,
    pub passed_after: bool,
    /// Recognised (a decision recorded) yet failing under the new set.
    pub decision_unmet: bool,
}

/// The whole move, before anything is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AdoptPlan {
    pub year: Year,
    pub title: Title,
    /// Evaluations that move, in key order.
    pub rows: Vec<AdoptRow>,
    /// Evaluations already under this exact set version.
    pub already: usize,
}

impl AdoptPlan {
    pub fn changed_result(&self) -> impl Iterator<Item = &AdoptRow> {
        self.rows
            .iter()
            .filter(|r| r.passed_before != r.passed_after)
    }
}

/// The evaluation under the new set, and what could not be carried.
fn moved(old: &Evaluation, entry: &CatalogEntry) -> (Evaluation, Vec<String>) {
    let mut new = old.clone();
    new.criteria_id = entry.set.id.clone();
    new.criteria_hash = entry.hash.clone();
    let mut dropped = Vec::new();
    new.values.retain(|code, value| {
        let keep = check_value(&entry.set, code, *value).is_ok();
        if !keep {
            dropped.push(code.clone());
        }
        keep
    });
    (new, dropped)
}

impl Register {
    /// What adopting `entry` for `year` would do to the evaluations of its title.
    pub fn adopt_plan(&self, year: Year, entry: &CatalogEntry) -> Result<AdoptPlan> {
        let title = entry.set.title;
        let reader = self.read()?;
        let mut plan = AdoptPlan {
            year,
            title,
            rows: Vec::new(),
            already: 0,
        };
        let mut sets = std::collections::HashMap::new();
        for (key, old) in reader.evaluations_in_year(year)? {
            if key.title != title {
                continue;
            }
            if old.criteria_hash == entry.hash {
                plan.already += 1;
                continue;
            }
            if !sets.contains_key(&old.criteria_hash) {
                let set = reader
                    .criteria(&old.criteria_hash)?
                    .ok_or_else(|| super::writer::missing_set(&old))?;
                sets.insert(old.criteria_hash.clone(), set);
            }
            let before = sets
                .get(&old.criteria_hash)
                .map(|set| score(set, &old.values))
                .ok_or_else(|| super::writer::missing_set(&old))?;
            let (new, dropped) = moved(&old, entry);
            let after = score(&entry.set, &new.values);
            let unit = reader.unit(title.unit_kind(), key.unit)?.map_or_else(
                || format!("#{}", key.unit),
                |u| format!("{} {}", u.code(), u.display_name()),
            );
            plan.rows.push(AdoptRow {
                key,
                unit,
                missing: after.missing.clone(),
                dropped,
                passed_before: before.passed,
                passed_after: after.passed,
                decision_unmet: old.stage == Stage::Recognised && !after.passed,
            });
        }
        Ok(plan)
    }

    /// Moves every evaluation of the plan onto `entry` in one transaction. Refused
    /// when the register changed since the plan was made (another save came between).
    pub fn adopt(&self, plan: &AdoptPlan, entry: &CatalogEntry, stamp: &Stamp) -> Result<usize> {
        self.write(|w| {
            w.remember_criteria(&entry.hash, &entry.set)?;
            for row in &plan.rows {
                let Some(old) = w.evaluation(row.key)? else {
                    return Err(StoreError::Invalid(format!(
                        "Đánh giá của {} đã bị xóa sau khi xem trước; hãy xem trước lại",
                        row.unit
                    )));
                };
                if old.criteria_hash == entry.hash {
                    continue;
                }
                let (mut new, _) = moved(&old, entry);
                new.stamp = stamp.clone();
                w.set_evaluation(row.key, Some(&new), stamp)?;
            }
            Ok(plan.rows.len())
        })
    }

    /// Undoes the last move of the `title` evaluations of `year` onto set `id`: each
    /// evaluation still under that set gets back its previous set and values, from its
    /// history, in one transaction. Returns how many were put back; an evaluation edited
    /// since the move is left as it is and named.
    pub fn undo_adopt(
        &self,
        year: Year,
        title: Title,
        id: &str,
        stamp: &Stamp,
    ) -> Result<(usize, Vec<String>)> {
        let reader = self.read()?;
        let mut todo = Vec::new();
        for (key, now) in reader.evaluations_in_year(year)? {
            if key.title != title || now.criteria_id != id {
                continue;
            }
            // The latest history entry of this evaluation that moved it onto the set.
            let history = reader.history_of(title, key.unit)?;
            let last = history.into_iter().rev().find(|(_, h)| {
                h.key == key
                    && matches!(&h.change, EvaluationChange::Edited(fields)
                        if fields.iter().any(|f| matches!(f, FieldChange::Criteria { new, .. }
                            if new.0 == id && new.1 == now.criteria_hash)))
            });
            if let Some((_, entry)) = last {
                todo.push((key, now, entry));
            }
        }
        drop(reader);
        self.write(|w| {
            let mut done = 0;
            let mut refused = Vec::new();
            for (key, now, entry) in &todo {
                match entry.revert(Some(now), stamp) {
                    Ok(before) => {
                        w.set_evaluation(*key, before.as_ref(), stamp)?;
                        done += 1;
                    }
                    Err(reason) => refused.push(format!("đơn vị #{}: {reason}", key.unit)),
                }
            }
            Ok((done, refused))
        })
    }
}
