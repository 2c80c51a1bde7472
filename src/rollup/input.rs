//! One commune's `report --json` file, as the roll-up needs it: who, which year, which
//! schema, and per measure the counters and the commune's own target. Read from a
//! `serde_json::Value` field by field, so a file written by a later program (with more
//! fields) is read, and a file missing a field is refused with that field's name.

use serde_json::Value;

/// The roll-up reads `report --json` files of this schema number.
pub const SCHEMA: u64 = 1;

/// One measure (title or CDHT population) of one commune.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MeasureFigures {
    /// The measure's code (`gia-dinh`, `cong-dan/cong-dong`, …).
    pub code: String,
    pub name: String,
    pub total: u64,
    pub registered: u64,
    pub scored: u64,
    pub passed: u64,
    pub recognised: u64,
    /// The commune's target for the year, in tenths of a percent.
    pub target_tenths: Option<u16>,
    pub target_milestone: Option<u16>,
}

/// One commune's report file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CommuneFile {
    /// The file name as given on the command line, to name it in messages.
    pub file: String,
    pub schema: u64,
    pub commune: String,
    pub province: String,
    pub year: u16,
    pub measures: Vec<MeasureFigures>,
}

/// Reads one file's text; `file` names it in the refusal.
pub fn parse(file: &str, text: &str) -> Result<CommuneFile, String> {
    let value: Value = serde_json::from_str(text.trim_start_matches('\u{feff}')).map_err(|e| {
        format!(
            "Tệp {file} không phải tệp JSON của lệnh report --json (dòng {}, cột {}).",
            e.line(),
            e.column()
        )
    })?;
    let missing = |field: &str| {
        format!(
            "Tệp {file} thiếu trường \"{field}\" (hoặc sai kiểu): không phải tệp của lệnh report --json."
        )
    };
    let schema = value
        .get("schema")
        .and_then(Value::as_u64)
        .ok_or_else(|| missing("schema"))?;
    let commune = value
        .get("commune")
        .and_then(Value::as_str)
        .ok_or_else(|| missing("commune"))?;
    let province = value.get("province").and_then(Value::as_str).unwrap_or("");
    let year = value
        .get("year")
        .and_then(Value::as_u64)
        .and_then(|y| u16::try_from(y).ok())
        .ok_or_else(|| missing("year"))?;
    let titles = value
        .get("titles")
        .and_then(Value::as_array)
        .ok_or_else(|| missing("titles"))?;
    let measures = titles
        .iter()
        .enumerate()
        .map(|(i, t)| measure(t).ok_or_else(|| missing(&format!("titles[{i}]"))))
        .collect::<Result<Vec<_>, _>>()?;
    Ok(CommuneFile {
        file: file.to_string(),
        schema,
        commune: crate::text::nfc(commune.trim()),
        province: crate::text::nfc(province.trim()),
        year,
        measures,
    })
}

fn measure(t: &Value) -> Option<MeasureFigures> {
    let count = |field: &str| t.get(field).and_then(Value::as_u64);
    // A target is written with one decimal (61.7); carried as tenths so sums stay exact.
    let target_tenths = match t.get("target") {
        None | Some(Value::Null) => None,
        Some(v) => {
            let tenths = (v.as_f64()? * 10.0).round();
            if !(0.0..=1000.0).contains(&tenths) {
                return None;
            }
            // In range 0..=1000 by the check above.
            Some(tenths as u16)
        }
    };
    Some(MeasureFigures {
        code: t.get("title")?.as_str()?.to_string(),
        name: t
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string(),
        total: count("total")?,
        registered: count("registered")?,
        scored: count("scored").unwrap_or(0),
        passed: count("passed").unwrap_or(0),
        recognised: count("recognised")?,
        target_tenths,
        target_milestone: t
            .get("target_milestone")
            .and_then(Value::as_u64)
            .and_then(|m| u16::try_from(m).ok()),
    })
}
