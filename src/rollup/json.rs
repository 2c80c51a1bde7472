//! The combined JSON of a roll-up (`sohoctap rollup --json`), documented in
//! docs/report-json.md, "Province roll-up". Percentages as in `report --json`: one
//! decimal, `null` over a denominator of 0.

use super::Rollup;
use crate::tally::Counts;
use serde_json::{Value, json};

fn percent(tenths: Option<u32>) -> Value {
    tenths.map_or(Value::Null, |t| json!(f64::from(t) / 10.0))
}

fn counts(c: &Counts) -> Value {
    json!({
        "total": c.total,
        "registered": c.registered,
        "scored": c.scored,
        "passed": c.passed,
        "recognised": c.recognised,
    })
}

pub fn to_json(rollup: &Rollup) -> Value {
    let measures: Vec<Value> = rollup
        .measures
        .iter()
        .map(|m| {
            let mut totals = counts(&m.totals);
            if let Value::Object(map) = &mut totals {
                map.insert(
                    "percent_registered".into(),
                    percent(m.percents.percent_registered),
                );
                map.insert(
                    "percent_of_total".into(),
                    percent(m.percents.percent_of_total),
                );
                map.insert(
                    "percent_of_registered".into(),
                    percent(m.percents.percent_of_registered),
                );
            }
            let communes: Vec<Value> = m
                .rows
                .iter()
                .map(|r| {
                    let mut row = counts(&r.counts);
                    if let Value::Object(map) = &mut row {
                        map.insert("commune".into(), json!(r.commune));
                        map.insert(
                            "percent_of_total".into(),
                            percent(r.progress.percent_of_total),
                        );
                        map.insert("target".into(), percent(r.progress.target.map(u32::from)));
                        map.insert("target_milestone".into(), json!(r.target_milestone));
                        map.insert("gap".into(), json!(r.progress.gap));
                    }
                    row
                })
                .collect();
            json!({
                "title": m.code,
                "name": m.name,
                "totals": totals,
                "communes_with_target": m.with_target,
                "communes_reaching_target": m.reached,
                "gap": m.gap,
                "communes": communes,
            })
        })
        .collect();
    json!({
        "rollup_schema": 1,
        "report_schema": rollup.schema,
        "year": rollup.year,
        "province": rollup.province,
        "communes": rollup.communes,
        "missing": if rollup.expected { json!(rollup.missing) } else { Value::Null },
        "titles": measures,
    })
}
