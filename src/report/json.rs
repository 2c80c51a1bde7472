//! `report --json`: the stable, documented schema (docs/report-json.md), so summaries of
//! several communes can be combined. Fields are only ever added.

use super::Summary;
use serde_json::{Value, json};

/// Percent as a number with one decimal (61.7), from tenths.
fn percent(tenths: Option<u32>) -> Value {
    tenths.map_or(Value::Null, |t| json!(f64::from(t) / 10.0))
}

pub fn to_json(summary: &Summary) -> Value {
    let titles: Vec<Value> = summary
        .lines
        .iter()
        .map(|l| {
            let c = &l.counts;
            json!({
                "title": l.measure.code(),
                "name": l.measure.label(),
                "total": c.total,
                "registered": c.registered,
                "scored": c.scored,
                "passed": c.passed,
                "recognised": c.recognised,
                "percent_registered": percent(l.progress.percent_registered),
                "percent_of_total": percent(l.progress.percent_of_total),
                "percent_of_registered": percent(l.progress.percent_of_registered),
                "target": l.target.as_ref().map_or(Value::Null, |t| json!(f64::from(t.percent_tenths) / 10.0)),
                "target_milestone": l.target.as_ref().map(|t| t.milestone),
                "gap": l.progress.gap,
                "denominator": l.rule,
            })
        })
        .collect();
    let resolution =
        summary
            .lines
            .iter()
            .find_map(|l| l.target.as_ref())
            .map_or(Value::Null, |t| {
                json!({
                    "number": t.resolution.number,
                    "date": t.resolution.date.map(|d| d.to_string()),
                    "body": t.resolution.body,
                })
            });
    json!({
        "schema": 1,
        "commune": summary.commune.name,
        "province": summary.commune.province,
        "year": summary.year,
        "resolution": resolution,
        "titles": titles,
    })
}
