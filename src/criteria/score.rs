//! The scoring engine: a criteria set and the values entered so far → totals, whether
//! the unit passes, its grade, and every reason it does not. Pure, so the scoring screen
//! can call it on every keystroke and the tests can check its rules exhaustively.

use super::set::{CriteriaSet, IndicatorKind};
use crate::model::IndicatorValue;
use std::collections::BTreeMap;

/// A rule the values break. Each names the rule and the indicator or criterion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    TotalBelowMinimum {
        total: u32,
        min: u16,
    },
    CriterionBelowMinimum {
        code: String,
        subtotal: u32,
        min: u16,
    },
    IndicatorBelowFloor {
        code: String,
        value: u16,
        floor: u16,
    },
    MandatoryNotMet {
        code: String,
    },
}

impl Failure {
    /// The reason in Vietnamese, as the officer reads it on screen and in reports.
    pub fn message(&self) -> String {
        match self {
            Failure::TotalBelowMinimum { total, min } => {
                format!("Tổng điểm {total}, dưới mức tối thiểu {min}")
            }
            Failure::CriterionBelowMinimum {
                code,
                subtotal,
                min,
            } => {
                format!("Tiêu chí {code}: {subtotal} điểm, dưới mức tối thiểu {min}")
            }
            Failure::IndicatorBelowFloor { code, value, floor } => {
                format!("Chỉ số {code}: {value} điểm, dưới mức tối thiểu {floor}")
            }
            Failure::MandatoryNotMet { code } => {
                format!("Chỉ số {code} là bắt buộc nhưng chưa đạt")
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Score {
    pub total: u32,
    /// (criterion code, subtotal, maximum), in the set's order.
    pub subtotals: Vec<(String, u32, u32)>,
    /// Indicators not yet scored, in the set's order.
    pub missing: Vec<String>,
    /// Every rule broken by the values entered so far. Rules on totals are judged only
    /// once the evaluation is complete, since a partial total says nothing yet.
    pub failures: Vec<Failure>,
    pub complete: bool,
    pub passed: bool,
    /// The grade band reached, when the set has bands and the evaluation is complete.
    pub grade: Option<String>,
}

/// Scores `values` under `set`. Values for codes the set does not know are ignored (they
/// cannot arise through the register, which checks every value it saves).
pub fn score(set: &CriteriaSet, values: &BTreeMap<String, IndicatorValue>) -> Score {
    let mut total = 0u32;
    let mut subtotals = Vec::with_capacity(set.criteria.len());
    let mut missing = Vec::new();
    let mut failures = Vec::new();

    for criterion in &set.criteria {
        let mut subtotal = 0u32;
        for indicator in &criterion.indicators {
            match values.get(&indicator.code) {
                None => missing.push(indicator.code.clone()),
                Some(IndicatorValue::Points(points)) => {
                    subtotal += u32::from(*points);
                    if let Some(floor) = indicator.floor
                        && *points < floor
                    {
                        failures.push(Failure::IndicatorBelowFloor {
                            code: indicator.code.clone(),
                            value: *points,
                            floor,
                        });
                    }
                    if indicator.mandatory && *points == 0 {
                        failures.push(Failure::MandatoryNotMet {
                            code: indicator.code.clone(),
                        });
                    }
                }
                Some(IndicatorValue::Pass(passed)) => {
                    if indicator.mandatory && !passed {
                        failures.push(Failure::MandatoryNotMet {
                            code: indicator.code.clone(),
                        });
                    }
                }
            }
        }
        subtotals.push((criterion.code.clone(), subtotal, criterion.max_total()));
        total += subtotal;
    }

    let complete = missing.is_empty();
    if complete {
        for (criterion, (code, subtotal, _)) in set.criteria.iter().zip(&subtotals) {
            if let Some(min) = criterion.min_total
                && *subtotal < u32::from(min)
            {
                failures.push(Failure::CriterionBelowMinimum {
                    code: code.clone(),
                    subtotal: *subtotal,
                    min,
                });
            }
        }
        if let Some(min) = set.min_total
            && total < u32::from(min)
        {
            failures.push(Failure::TotalBelowMinimum { total, min });
        }
    }
    let passed = complete && failures.is_empty();
    // A unit that fails any rule is "Không đạt" whatever its total: a band is earned only
    // by passing.
    let grade = if complete && !set.grades.is_empty() {
        let band = set.grades.iter().find(|g| total >= u32::from(g.min_total));
        Some(match band {
            Some(g) if passed => g.name.clone(),
            _ => "Không đạt".to_string(),
        })
    } else {
        None
    };
    Score {
        total,
        subtotals,
        missing,
        failures,
        complete,
        passed,
        grade,
    }
}

/// Checks a value before it is saved: it must be of the indicator's kind and within
/// 0..=max. The error is the Vietnamese message shown next to the field.
pub fn check_value(set: &CriteriaSet, code: &str, value: IndicatorValue) -> Result<(), String> {
    let indicator = set
        .indicator(code)
        .ok_or_else(|| format!("Bộ tiêu chí {} không có chỉ số {code}", set.id))?;
    match (indicator.kind, value) {
        (IndicatorKind::Points, IndicatorValue::Points(p)) if p <= indicator.max => Ok(()),
        (IndicatorKind::Points, IndicatorValue::Points(p)) => Err(format!(
            "Chỉ số {code}: {p} điểm vượt quá điểm tối đa {}",
            indicator.max
        )),
        (IndicatorKind::Points, IndicatorValue::Pass(_)) => Err(format!(
            "Chỉ số {code} chấm bằng điểm (0–{}), không phải Đ/K",
            indicator.max
        )),
        (IndicatorKind::PassFail, IndicatorValue::Pass(_)) => Ok(()),
        (IndicatorKind::PassFail, IndicatorValue::Points(_)) => {
            Err(format!("Chỉ số {code} chỉ ghi Đ (đạt) hoặc K (không đạt)"))
        }
    }
}

#[cfg(test)]
mod tests;
