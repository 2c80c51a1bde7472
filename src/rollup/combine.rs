//! The checks a roll-up makes before adding anything up (one year, one schema, each
//! commune once), and the sums: per measure, one row per commune against its own
//! target, and the province's totals.

use super::input::{CommuneFile, SCHEMA};
use crate::tally::{Counts, Progress, progress};
use std::collections::BTreeMap;

/// One commune's line for one measure.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommuneRow {
    pub commune: String,
    pub counts: Counts,
    /// Against the commune's own target (its resolution).
    pub progress: Progress,
    pub target_milestone: Option<u16>,
}

/// One measure across the communes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureRollup {
    pub code: String,
    pub name: String,
    /// The communes that report this measure, in the roll-up's commune order.
    pub rows: Vec<CommuneRow>,
    /// The sums of every commune's counters.
    pub totals: Counts,
    /// Percentages of the sums (no province target: each commune has its own).
    pub percents: Progress,
    /// Communes with a target and something to count for this measure, and of those,
    /// the ones that reach it.
    pub with_target: usize,
    pub reached: usize,
    /// The sum of every commune's gap: a commune above its target does not make up for
    /// one below it.
    pub gap: u64,
}

/// The whole roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rollup {
    pub year: u16,
    pub schema: u64,
    /// The province when every file names the same one, otherwise empty.
    pub province: String,
    /// Commune names, in Vietnamese order of the place name (without "Xã", "Phường").
    pub communes: Vec<String>,
    pub measures: Vec<MeasureRollup>,
    /// Communes of the expected list without a file, in the list's order.
    pub missing: Vec<String>,
    /// Whether a list of expected communes was given.
    pub expected: bool,
}

/// Refuses files of different years or schemas, or the same commune twice (naming the
/// files), then adds them up. `expected` is the list of communes that should have sent a
/// file, when the province has one.
pub fn combine(
    mut files: Vec<CommuneFile>,
    expected: Option<&[String]>,
) -> Result<Rollup, Vec<String>> {
    let Some(first) = files.first() else {
        return Err(vec!["Chưa có tệp báo cáo nào để tổng hợp.".into()]);
    };
    let (year, schema) = (first.year, first.schema);
    let mut problems = Vec::new();
    if let Some(line) = differing(&files, "năm", |f| f.year.to_string()) {
        problems.push(format!("{line} Chỉ tổng hợp báo cáo của cùng một năm."));
    }
    if let Some(line) = differing(&files, "lược đồ", |f| f.schema.to_string()) {
        problems.push(format!(
            "{line} Hãy xuất lại các báo cáo bằng cùng một phiên bản chương trình."
        ));
    }
    for f in files.iter().filter(|f| f.schema != SCHEMA) {
        problems.push(format!(
            "Tệp {} theo lược đồ {}; chương trình này đọc lược đồ {SCHEMA}.",
            f.file, f.schema
        ));
    }
    let mut by_commune: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for f in &files {
        by_commune
            .entry(key(&f.commune))
            .or_default()
            .push(f.file.clone());
    }
    for (i, f) in files.iter().enumerate() {
        let names = &by_commune[&key(&f.commune)];
        // Said once, at the first file of the commune.
        if names.len() > 1
            && files[..i]
                .iter()
                .all(|g| key(&g.commune) != key(&f.commune))
        {
            problems.push(format!(
                "{} có nhiều tệp: {}. Mỗi xã chỉ một báo cáo.",
                f.commune,
                names.join(", ")
            ));
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }

    // By place name, so "Phường Bình" comes between "Xã An" and "Xã Cát".
    let place = crate::report::text::header::place_name;
    files.sort_by(|a, b| {
        crate::text::collate(place(&a.commune), place(&b.commune))
            .then_with(|| crate::text::collate(&a.commune, &b.commune))
    });
    let province = match files
        .iter()
        .map(|f| f.province.as_str())
        .collect::<Vec<_>>()
    {
        names if names.iter().all(|p| *p == names[0]) => names[0].to_string(),
        _ => String::new(),
    };
    let mut codes: Vec<(String, String)> = Vec::new();
    for f in &files {
        for m in &f.measures {
            if !codes.iter().any(|(c, _)| *c == m.code) {
                codes.push((m.code.clone(), m.name.clone()));
            }
        }
    }
    let measures = codes
        .into_iter()
        .map(|(code, name)| measure(&files, code, name))
        .collect();
    let missing = expected.map_or_else(Vec::new, |list| {
        list.iter()
            .filter(|name| !by_commune.contains_key(&key(name)))
            .cloned()
            .collect()
    });
    Ok(Rollup {
        year,
        schema,
        province,
        communes: files.iter().map(|f| f.commune.clone()).collect(),
        measures,
        missing,
        expected: expected.is_some(),
    })
}

/// Communes are matched without regard to case, spacing or Unicode form.
fn key(name: &str) -> String {
    crate::text::nfc(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// "Các tệp không cùng năm: a.json (năm 2025), b.json (năm 2026)." when the files do not
/// all agree on `what`.
fn differing(
    files: &[CommuneFile],
    what: &str,
    value: impl Fn(&CommuneFile) -> String,
) -> Option<String> {
    let first = value(files.first()?);
    if files.iter().all(|f| value(f) == first) {
        return None;
    }
    let named: Vec<String> = files
        .iter()
        .map(|f| format!("{} ({what} {})", f.file, value(f)))
        .collect();
    Some(format!("Các tệp không cùng {what}: {}.", named.join(", ")))
}

fn measure(files: &[CommuneFile], code: String, name: String) -> MeasureRollup {
    let mut totals = Counts::default();
    let (mut with_target, mut reached, mut gap) = (0, 0, 0);
    let rows: Vec<CommuneRow> = files
        .iter()
        .filter_map(|f| {
            let m = f.measures.iter().find(|m| m.code == code)?;
            let counts = Counts {
                total: m.total,
                registered: m.registered,
                scored: m.scored,
                passed: m.passed,
                recognised: m.recognised,
            };
            totals.total += counts.total;
            totals.registered += counts.registered;
            totals.scored += counts.scored;
            totals.passed += counts.passed;
            totals.recognised += counts.recognised;
            let p = progress(&counts, m.target_tenths);
            gap += p.gap.unwrap_or(0);
            // A commune with nothing to count neither reaches nor misses its target.
            if let Some(on_track) = p.on_track {
                with_target += 1;
                reached += usize::from(on_track);
            }
            Some(CommuneRow {
                commune: f.commune.clone(),
                counts,
                progress: p,
                target_milestone: m.target_milestone,
            })
        })
        .collect();
    MeasureRollup {
        code,
        name,
        rows,
        percents: progress(&totals, None),
        totals,
        with_target,
        reached,
        gap,
    }
}
