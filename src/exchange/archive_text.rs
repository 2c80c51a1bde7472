//! Every string of a JSON archive, checked before anything is loaded: an archive is a
//! file like any other, and its names reach the report, the app and CSV exports. No
//! control, bidirectional or replacement character anywhere; codes are printable ASCII;
//! lengths as for CSV imports (see [`super::cell_rules`]). Each problem names the place
//! in the document ("units[3].unit.Household.head_name").

use super::cell_rules::{MAX_CODE, MAX_LONG_TEXT, MAX_NAME};
use crate::text::safe::unsafe_reason;
use serde_json::Value;

/// Longest of any other string (criteria wording, notes in the history).
const MAX_OTHER: usize = 4000;

fn limit(key: &str) -> usize {
    match key {
        "code" => MAX_CODE,
        "name" | "full_name" | "head_name" | "head" | "branch" | "province" => MAX_NAME,
        "address" | "note" => MAX_LONG_TEXT,
        _ => MAX_OTHER,
    }
}

fn check(path: &str, key: &str, text: &str, problems: &mut Vec<String>) {
    if let Some(reason) = unsafe_reason(text) {
        problems.push(format!("{path}: {reason}"));
        return;
    }
    let length = text.chars().count();
    let max = limit(key);
    if length > max {
        problems.push(format!(
            "{path}: dài {length} ký tự, quá giới hạn {max} ký tự"
        ));
    } else if key == "code"
        && let Some(c) = text.chars().find(|c| !c.is_ascii_graphic() && *c != ' ')
    {
        problems.push(format!(
            "{path}: mã chỉ được gồm ký tự ASCII; \"{c}\" (U+{:04X}) không phải",
            u32::from(c)
        ));
    }
}

fn walk(value: &Value, path: &str, key: &str, problems: &mut Vec<String>) {
    match value {
        Value::String(text) => check(path, key, text, problems),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}[{i}]"), key, problems);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                if unsafe_reason(k).is_some() {
                    problems.push(format!("{path}: tên trường có ký tự điều khiển"));
                }
                let child = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                walk(v, &child, k, problems);
            }
        }
        _ => {}
    }
}

/// The problems of every string in `value` (an archive as JSON).
pub fn string_problems(value: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    walk(value, "", "", &mut problems);
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn controls_lengths_and_codes_are_named_by_place() {
        let doc = json!({
            "commune": {"name": "Xã\u{1B}]52;c;eA==\u{7}", "province": "Ninh Bình"},
            "units": [
                {"id": 1, "unit": {"Household": {"meta": {"code": "Н001"}, "head_name": "An\r\nTỔNG: 100%"}}},
                {"id": 2, "unit": {"Clan": {"meta": {"code": "DH1"}, "name": "x".repeat(201)}}},
                {"id": 3, "unit": {"Clan": {"meta": {"code": "DH2"}, "name": "Lê\u{202E}"}}},
            ]
        });
        let problems = string_problems(&doc);
        assert_eq!(problems.len(), 5, "{problems:?}");
        let all = problems.join("\n");
        assert!(
            all.contains("commune.name: có ký tự điều khiển ESC U+001B"),
            "{all}"
        );
        assert!(
            all.contains("units[0].unit.Household.meta.code: mã chỉ"),
            "{all}"
        );
        assert!(
            all.contains("units[0].unit.Household.head_name: có ký tự xuống dòng"),
            "{all}"
        );
        assert!(
            all.contains("units[1].unit.Clan.name: dài 201 ký tự"),
            "{all}"
        );
        assert!(
            all.contains("units[2].unit.Clan.name: có ký tự ẩn đổi chiều chữ U+202E"),
            "{all}"
        );
    }
}
