//! `report --json`: the stable, documented schema (docs/report-json.md), so summaries of
//! several communes can be combined. Fields are only ever added.

use super::Summary;
use serde_json::{Value, json};

/// Percent as a number with one decimal (61.7), from tenths.
fn percent(tenths: Option<u32>) -> Value {
    tenths.map_or(Value::Null, |t| json!(f64::from(t) / 10.0))
}

pub fn to_json(summary: &Summary) -> Value {
    let line = |l: &super::MeasureLine| {
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
            "targets": l.targets.iter().map(|b| json!({
                "basis": b.target.basis.code(),
                "target": f64::from(b.target.percent_tenths) / 10.0,
                "target_milestone": b.target.milestone,
                "percent": percent(b.progress.percent),
                "gap": b.progress.gap,
                "on_track": b.progress.on_track,
                "register_first": b.progress.register_first,
            })).collect::<Vec<_>>(),
        })
    };
    let (skills, units): (Vec<&super::MeasureLine>, Vec<&super::MeasureLine>) = summary
        .lines
        .iter()
        .partition(|l| l.measure.is_digital_skills());
    let mut titles: Vec<Value> = units.into_iter().map(line).collect();
    // Appended after the six measures, so readers of the six keep working; the two
    // digital-skills measures (schema 6) come after it for the same reason.
    let (c, p) = (&summary.citizens, &summary.citizens_progress);
    titles.push(json!({
        "title": crate::tally::ALL_CITIZENS_CODE,
        "name": crate::tally::ALL_CITIZENS_LABEL,
        "total": c.total,
        "registered": c.registered,
        "scored": c.scored,
        "passed": c.passed,
        "recognised": c.recognised,
        "percent_registered": percent(p.percent_registered),
        "percent_of_total": percent(p.percent_of_total),
        "percent_of_registered": percent(p.percent_of_registered),
        "target": Value::Null,
        "target_milestone": Value::Null,
        "gap": Value::Null,
        "denominator": crate::tally::ALL_CITIZENS_RULE,
        "targets": [],
    }));
    titles.extend(skills.into_iter().map(line));
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

/// Per measure, every year of the register and the next milestone.
fn way(data: &super::ReportData) -> Value {
    Value::Array(
        data.way
            .iter()
            .map(|l| {
                json!({
                    "title": l.measure.code(),
                    "series": l.series.iter().map(|p| json!({
                        "year": p.year,
                        "total": p.counts.total,
                        "registered": p.counts.registered,
                        "recognised": p.counts.recognised,
                        "percent_of_total": percent(p.percent_of_total),
                    })).collect::<Vec<_>>(),
                    "next": l.next.map_or(Value::Null, |n| json!({
                        "milestone": n.milestone,
                        "target": f64::from(n.target_tenths) / 10.0,
                        "needed": n.needed,
                        "years": n.years,
                        "per_year": n.per_year,
                        "text": super::way::sentence(l),
                    })),
                })
            })
            .collect(),
    )
}

/// The schema-1 object of [`to_json`] with the full report's additions: the year before,
/// the per-community breakdown, the criteria sets in use and, when gathered, the
/// recognised units. Only adds fields, so readers of schema 1 keep working.
pub fn report_json(data: &super::ReportData) -> Value {
    let mut value = to_json(&data.summary);
    let previous = to_json(&data.previous);
    let communities: Vec<Value> = data
        .communities
        .iter()
        .map(|c| {
            json!({
                "code": c.code,
                "name": c.name,
                "households": c.households,
                "citizens": c.citizens,
                "percent_households_recognised": percent(crate::text::percent_tenths(
                    c.households.recognised,
                    c.households.total,
                )),
                "cong_dong": c.cdht_status.code(),
            })
        })
        .collect();
    let criteria: Vec<Value> = data
        .criteria
        .iter()
        .map(|c| {
            json!({
                "title": c.title.code(),
                "id": c.id,
                "hash": c.hash,
                "name": c.name,
                "source": c.source,
                "status": c.status.code(),
                "status_note": c.status_note,
                "evaluations": c.evaluations,
            })
        })
        .collect();
    if let Value::Object(map) = &mut value {
        map.insert(
            "previous_year".into(),
            json!({ "year": data.previous.year, "titles": previous["titles"] }),
        );
        map.insert("communities".into(), Value::Array(communities));
        map.insert("criteria_sets".into(), Value::Array(criteria));
        map.insert("way".into(), way(data));
        map.insert(
            "provisional_criteria".into(),
            Value::Bool(data.uses_provisional_criteria()),
        );
        if let Some(groups) = &data.recognised {
            let groups: Vec<Value> = groups
                .iter()
                .map(|g| {
                    json!({
                        "decision": g.decision.as_ref().map(|d| json!({"number": d.number, "date": d.date.to_string()})),
                        "community": g.community.as_ref().map(|(code, name)| json!({"code": code, "name": name})),
                        "units": g.units.iter().map(|u| json!({
                            "title": u.title.code(),
                            "code": u.code,
                            "name": u.name,
                        })).collect::<Vec<_>>(),
                    })
                })
                .collect();
            map.insert("recognised".into(), Value::Array(groups));
        }
    }
    value
}
