//! The everyday workflow on evaluations, each its rule and one write transaction:
//! register a unit for a title, score an indicator, take last year's values, move an
//! evaluation to a stage, recognise every passing unit under one decision, undo a
//! recorded change. They check their input against the evaluation's own criteria
//! version before anything is written; the command line and the app both call them.

use crate::criteria::{CatalogEntry, CriteriaSet, check_value};
use crate::model::{Change, Evaluation, EvaluationKey, IndicatorValue, Stamp};
use crate::store::{Register, Result, StoreError};

/// The criteria version an evaluation is scored under: its stored copy.
pub fn criteria_of(register: &Register, evaluation: &Evaluation) -> Result<CriteriaSet> {
    register
        .read()?
        .criteria(&evaluation.criteria_hash)?
        .ok_or_else(|| StoreError::MissingCriteria {
            id: evaluation.criteria_id.clone(),
            hash: evaluation.criteria_hash.clone(),
        })
}

/// Sets one indicator's value (or clears it with `None`). A unit not yet registered
/// for the title that year is registered under `in_force`, the set now in force.
pub fn set_score(
    register: &Register,
    key: EvaluationKey,
    code: &str,
    value: Option<IndicatorValue>,
    in_force: &CatalogEntry,
    stamp: &Stamp,
) -> Result<Change> {
    register.write(|w| {
        let old = w.evaluation(key)?;
        let (mut new, set) = scoring_start(w, old.as_ref(), in_force, stamp)?;
        match value {
            Some(v) => {
                check_value(&set, code, v).map_err(StoreError::Invalid)?;
                new.values.insert(code.to_string(), v);
            }
            None => {
                new.values.remove(code);
            }
        }
        if new.stage.is_decided() && old.as_ref().is_some_and(|o| o.values != new.values) {
            return Err(StoreError::Invalid(
                "Đánh giá đã có quyết định; muốn sửa điểm hãy chuyển lại giai đoạn trước".into(),
            ));
        }
        new.stamp = stamp.clone();
        w.set_evaluation(key, Some(&new), stamp)?;
        Ok(Change {
            key,
            old,
            new: Some(new),
        })
    })
}

/// What a stage change asks for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StageChange {
    pub stage: crate::model::Stage,
    pub decision: Option<crate::model::Decision>,
    /// Required to recognise a unit that does not pass its criteria.
    pub override_reason: Option<String>,
}

/// Moves one evaluation to a stage. Recognising requires a decision (not recognising
/// takes one when given), and a unit that does not pass can only be recognised with
/// an explicit override reason.
/// Records a CDHT holder's digital skills (`None`: not recorded) on the evaluation of
/// `key`. Allowed at every stage, decided or not: the skills are no score.
pub fn set_digital_skills(
    register: &Register,
    key: EvaluationKey,
    skills: Option<crate::model::DigitalSkills>,
    stamp: &Stamp,
) -> Result<Change> {
    if key.title != crate::model::Title::CongDan {
        return Err(StoreError::Invalid(
            "Kỹ năng số chỉ ghi cho công dân học tập".into(),
        ));
    }
    register.write(|w| {
        let old = w
            .evaluation(key)?
            .ok_or_else(|| StoreError::Invalid("Công dân chưa đăng ký CDHT trong năm".into()))?;
        let mut new = old.clone();
        new.digital_skills = skills;
        new.stamp = stamp.clone();
        w.set_evaluation(key, Some(&new), stamp)?;
        Ok(Change {
            key,
            old: Some(old),
            new: Some(new),
        })
    })
}

pub fn set_stage(
    register: &Register,
    key: EvaluationKey,
    change: &StageChange,
    stamp: &Stamp,
) -> Result<Change> {
    use crate::model::Stage;
    register.write(|w| {
        let old = w.evaluation(key)?.ok_or_else(|| {
            StoreError::Invalid("Đơn vị chưa đăng ký danh hiệu này trong năm".into())
        })?;
        let mut new = old.clone();
        new.stage = change.stage;
        new.decision = None;
        new.override_reason = None;
        // Recognition needs its decision; "not recognised" keeps one only when given
        // (often there is no numbered decision for it).
        if change.stage == Stage::Recognised
            || (change.stage == Stage::NotRecognised && change.decision.is_some())
        {
            let decision = change
                .decision
                .clone()
                .ok_or_else(|| StoreError::Invalid("Cần số và ngày quyết định".into()))?;
            if decision.number.trim().is_empty() {
                return Err(StoreError::Invalid(
                    "Số quyết định không được để trống".into(),
                ));
            }
            new.decision = Some(decision);
        }
        if change.stage == Stage::Recognised {
            let set = w.stored_set(&old)?;
            let score = crate::criteria::score(&set, &old.values);
            if !score.passed {
                let reason = change
                    .override_reason
                    .as_deref()
                    .map(str::trim)
                    .filter(|r| !r.is_empty())
                    .ok_or_else(|| {
                        StoreError::Invalid(format!(
                            "Đơn vị chưa đạt tiêu chí ({}); muốn công nhận phải ghi rõ lý do",
                            not_passed_reason(&score)
                        ))
                    })?;
                new.override_reason = Some(reason.to_string());
            }
        }
        new.stamp = stamp.clone();
        w.set_evaluation(key, Some(&new), stamp)?;
        Ok(Change {
            key,
            old: Some(old),
            new: Some(new),
        })
    })
}

/// The units bulk recognition takes up, in id order: active in the census's year, their
/// evaluation of `title` passing and not recognised yet. The app counts them before
/// asking; [`recognise_passing`] rescores each before changing it.
pub fn bulk_candidates(
    census: &crate::tally::Census,
    title: crate::model::Title,
) -> impl Iterator<Item = crate::model::UnitId> + '_ {
    census.ids(title.unit_kind()).filter(move |&id| {
        let status = census.status(title, id);
        status.passed && !status.recognised
    })
}

/// Recognises, in one transaction, every evaluation of `title` in `year` that passes
/// and has no decision yet. Returns the changes made.
pub fn recognise_passing(
    register: &Register,
    title: crate::model::Title,
    year: crate::model::Year,
    decision: &crate::model::Decision,
    stamp: &Stamp,
) -> Result<Vec<Change>> {
    use crate::model::Stage;
    // The status index names the passing, unrecognised evaluations without decoding
    // the whole year; each one is still read and rescored before it is changed.
    // Units that left (or had not entered) that year are not the commune's to
    // recognise, however they were scored.
    let census = super::load_census(&register.read()?, year)?;
    let candidates: Vec<EvaluationKey> = bulk_candidates(&census, title)
        .map(|unit| EvaluationKey { year, title, unit })
        .collect();
    register.write(|w| {
        let mut sets: std::collections::HashMap<String, CriteriaSet> =
            std::collections::HashMap::new();
        let mut changes = Vec::new();
        for key in candidates {
            let Some(old) = w.evaluation(key)? else {
                continue;
            };
            if old.stage.is_decided() {
                continue;
            }
            if !sets.contains_key(&old.criteria_hash) {
                let set = w.stored_set(&old)?;
                sets.insert(old.criteria_hash.clone(), set);
            }
            let passed = sets
                .get(&old.criteria_hash)
                .is_some_and(|set| crate::criteria::score(set, &old.values).passed);
            if !passed {
                continue;
            }
            let mut new = old.clone();
            new.stage = Stage::Recognised;
            new.decision = Some(decision.clone());
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

/// Undoes one recorded change by putting the evaluation back as it was before it.
/// The undo is itself recorded, so history stays complete.
pub fn undo(
    register: &Register,
    entry: &crate::model::HistoryEntry,
    stamp: &Stamp,
) -> Result<Change> {
    register.write(|w| {
        let current = w.evaluation(entry.key)?;
        let before = entry
            .revert(current.as_ref(), stamp)
            .map_err(StoreError::Invalid)?;
        w.set_evaluation(entry.key, before.as_ref(), stamp)?;
        Ok(Change {
            key: entry.key,
            old: current,
            new: before,
        })
    })
}

/// Fills the indicators not scored yet with the values of `previous` (normally the
/// same unit's evaluation the year before), in one transaction. Only values the
/// evaluation's own criteria version still accepts are taken: a changed set may
/// have new codes or lower maxima. Returns the change and how many values were
/// taken, or `None` when there was nothing to take (nothing is written then).
/// A unit not yet registered is registered under `in_force`; a decided
/// evaluation is refused.
pub fn take_previous_values(
    register: &Register,
    key: EvaluationKey,
    previous: &Evaluation,
    in_force: &CatalogEntry,
    stamp: &Stamp,
) -> Result<Option<(Change, usize)>> {
    register.write(|w| {
        let old = w.evaluation(key)?;
        if old.as_ref().is_some_and(|e| e.stage.is_decided()) {
            return Err(StoreError::Invalid(
                "Đánh giá đã có quyết định; lùi giai đoạn trước khi sửa điểm".into(),
            ));
        }
        let (mut new, set) = scoring_start(w, old.as_ref(), in_force, stamp)?;
        let mut taken = 0usize;
        for indicator in set.indicators() {
            if new.values.contains_key(&indicator.code) {
                continue;
            }
            if let Some(v) = previous.values.get(&indicator.code).copied()
                && check_value(&set, &indicator.code, v).is_ok()
            {
                new.values.insert(indicator.code.clone(), v);
                taken += 1;
            }
        }
        if taken == 0 {
            return Ok(None);
        }
        new.stamp = stamp.clone();
        w.set_evaluation(key, Some(&new), stamp)?;
        Ok(Some((
            Change {
                key,
                old,
                new: Some(new),
            },
            taken,
        )))
    })
}

/// Registers a unit for a title and year under `in_force`, dated `on` (the day the
/// unit signed up). Refused when it is already registered.
pub fn register_for_title(
    register: &Register,
    key: EvaluationKey,
    in_force: &CatalogEntry,
    on: chrono::NaiveDate,
    stamp: &Stamp,
) -> Result<Change> {
    register.write(|w| {
        if w.evaluation(key)?.is_some() {
            return Err(StoreError::Invalid(
                "Đơn vị đã đăng ký danh hiệu này trong năm".into(),
            ));
        }
        w.remember_criteria(&in_force.hash, &in_force.set)?;
        let new = Evaluation::register(&in_force.set.id, &in_force.hash, Some(on), stamp.clone());
        let old = w.set_evaluation(key, Some(&new), stamp)?;
        Ok(Change {
            key,
            old,
            new: Some(new),
        })
    })
}

/// The evaluation a score is written into — the existing one, or a new registration
/// under the set in force (a first score registers the unit, on that day) — and the
/// criteria version it is scored under.
fn scoring_start(
    w: &mut crate::store::Writer,
    old: Option<&Evaluation>,
    in_force: &CatalogEntry,
    stamp: &Stamp,
) -> Result<(Evaluation, CriteriaSet)> {
    let new = match old {
        Some(e) => e.clone(),
        None => {
            w.remember_criteria(&in_force.hash, &in_force.set)?;
            Evaluation::register(
                &in_force.set.id,
                &in_force.hash,
                Some(stamp.at.date()),
                stamp.clone(),
            )
        }
    };
    let set = if new.criteria_hash == in_force.hash {
        in_force.set.as_ref().clone()
    } else {
        w.stored_set(&new)?
    };
    Ok((new, set))
}

fn not_passed_reason(score: &crate::criteria::Score) -> String {
    not_passed_reasons(score).join("; ")
}

/// Why a unit does not pass, one line per reason: the indicators still to score, or
/// each criterion it fails. Shown where a decision is typed, and in the refusal to
/// recognise it without a reason.
pub fn not_passed_reasons(score: &crate::criteria::Score) -> Vec<String> {
    if !score.complete {
        return vec![format!("còn {} chỉ số chưa chấm", score.missing.len())];
    }
    score
        .failures
        .iter()
        .map(crate::criteria::Failure::message)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Catalog;
    use crate::model::{
        Commune, Community, CommunityKind, Household, Stage, Title, Unit, UnitMeta,
    };

    fn meta(code: &str) -> UnitMeta {
        UnitMeta {
            code: code.into(),
            entered: 2020,
            left: None,
        }
    }

    /// A register with one household, and the key of its GĐHT evaluation in 2025.
    fn one_household(dir: &std::path::Path) -> (Register, EvaluationKey) {
        let commune = Commune {
            name: "Xã Thử".into(),
            province: "Ninh Bình".into(),
        };
        let register = Register::create(&dir.join("so.redb"), &commune).expect("create");
        let unit = register
            .write(|w| {
                let th = w.insert_unit(&Unit::Community(Community {
                    meta: meta("TH01"),
                    name: "Đông".into(),
                    kind: CommunityKind::Thon,
                }))?;
                w.insert_unit(&Unit::Household(Household {
                    meta: meta("HO01"),
                    head_name: "Nguyễn Văn An".into(),
                    community: th,
                    clan: None,
                    members: 4,
                    adults: 2,
                    address: String::new(),
                }))
            })
            .expect("units");
        let key = EvaluationKey {
            year: 2025,
            title: Title::GiaDinh,
            unit,
        };
        (register, key)
    }

    /// Whole seconds, as the register stores them.
    fn stamp() -> Stamp {
        Stamp {
            user: "canbo".into(),
            at: chrono::NaiveDate::from_ymd_opt(2025, 3, 1)
                .and_then(|d| d.and_hms_opt(8, 0, 0))
                .expect("time"),
        }
    }

    fn history_len(register: &Register) -> u64 {
        register
            .read()
            .and_then(|r| r.history_len())
            .expect("history")
    }

    #[test]
    fn previous_values_fill_only_unscored_indicators_the_set_accepts_in_one_write() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (register, key) = one_household(dir.path());
        let catalog = Catalog::shipped().expect("catalog");
        let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set");
        let codes: Vec<(String, u16)> = entry
            .set
            .indicators()
            .map(|i| (i.code.clone(), i.max))
            .collect();
        assert!(codes.len() >= 3);
        let stamp = stamp();
        let (first, first_max) = codes[0].clone();
        set_score(
            &register,
            key,
            &first,
            Some(IndicatorValue::Points(1)),
            entry,
            &stamp,
        )
        .expect("score");
        let mut previous = Evaluation::register(&entry.set.id, &entry.hash, None, stamp.clone());
        // Already scored this year: kept. Above the maximum: not taken. Unknown code:
        // ignored. The third indicator: taken.
        previous
            .values
            .insert(first.clone(), IndicatorValue::Points(first_max));
        previous
            .values
            .insert(codes[1].0.clone(), IndicatorValue::Points(codes[1].1 + 1));
        previous
            .values
            .insert(codes[2].0.clone(), IndicatorValue::Points(codes[2].1));
        previous
            .values
            .insert("9.9".into(), IndicatorValue::Points(1));
        let before = history_len(&register);
        let (change, taken) = take_previous_values(&register, key, &previous, entry, &stamp)
            .expect("take")
            .expect("something taken");
        assert_eq!(taken, 1);
        assert_eq!(history_len(&register), before + 1);
        let saved = register
            .read()
            .and_then(|r| r.evaluation(key))
            .expect("read")
            .expect("saved");
        assert_eq!(change.new.as_ref(), Some(&saved));
        assert_eq!(saved.values.get(&first), Some(&IndicatorValue::Points(1)));
        assert_eq!(saved.values.get(&codes[1].0), None);
        assert_eq!(
            saved.values.get(&codes[2].0),
            Some(&IndicatorValue::Points(codes[2].1))
        );
        assert_eq!(saved.values.get("9.9"), None);

        // Nothing left to take: nothing written.
        let again = take_previous_values(&register, key, &previous, entry, &stamp).expect("take");
        assert!(again.is_none());
        assert_eq!(history_len(&register), before + 1);
    }

    #[test]
    fn previous_values_register_a_new_unit_and_are_refused_on_a_decided_evaluation() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (register, key) = one_household(dir.path());
        let catalog = Catalog::shipped().expect("catalog");
        let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set");
        let stamp = stamp();
        let mut previous = Evaluation::register(&entry.set.id, &entry.hash, None, stamp.clone());
        let (code, max) = entry
            .set
            .indicators()
            .map(|i| (i.code.clone(), i.max))
            .next()
            .expect("indicator");
        previous
            .values
            .insert(code.clone(), IndicatorValue::Points(max));
        let (change, taken) = take_previous_values(&register, key, &previous, entry, &stamp)
            .expect("take")
            .expect("taken");
        assert_eq!(taken, 1);
        assert!(change.old.is_none());
        let reader = register.read().expect("read");
        assert!(reader.criteria(&entry.hash).expect("criteria").is_some());
        drop(reader);

        let mut decided = change.new.clone().expect("new");
        decided.stage = Stage::NotRecognised;
        decided.decision = Some(crate::model::Decision {
            number: "1/QĐ".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 12, 1).expect("date"),
        });
        decided.values.clear();
        register
            .put_evaluation(key, Some(&decided), &stamp)
            .expect("decide");
        let before = history_len(&register);
        let refused =
            take_previous_values(&register, key, &previous, entry, &stamp).expect_err("decided");
        assert!(refused.to_string().contains("quyết định"), "{refused}");
        assert_eq!(history_len(&register), before);
    }

    #[test]
    fn registering_for_a_title_dates_it_once_and_refuses_a_second_time() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (register, key) = one_household(dir.path());
        let catalog = Catalog::shipped().expect("catalog");
        let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set");
        let stamp = stamp();
        let on = chrono::NaiveDate::from_ymd_opt(2025, 2, 3).expect("date");
        let change = register_for_title(&register, key, entry, on, &stamp).expect("register");
        assert!(change.old.is_none());
        let saved = register
            .read()
            .and_then(|r| r.evaluation(key))
            .expect("read")
            .expect("saved");
        assert_eq!(change.new.as_ref(), Some(&saved));
        assert_eq!(saved.registered_on, Some(on));
        assert_eq!(saved.stage, Stage::Registered);
        assert_eq!(saved.criteria_hash, entry.hash);
        assert!(saved.values.is_empty());
        let reader = register.read().expect("read");
        assert!(reader.criteria(&entry.hash).expect("criteria").is_some());
        drop(reader);

        let before = history_len(&register);
        let refused = register_for_title(&register, key, entry, on, &stamp).expect_err("twice");
        assert!(refused.to_string().contains("đã đăng ký"), "{refused}");
        assert_eq!(history_len(&register), before);
    }
}
