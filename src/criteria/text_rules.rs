//! The text of a criteria set is printed by `criteria list/show`, the app and every
//! report: none of it may hold a control or bidirectional character, and the codes an
//! officer types into a scores file ("1.1") must be plain ASCII. A code written with a
//! zero-width space or full-width digits ("１.１") would look right and never match.

use super::set::CriteriaSet;
use crate::text::safe::{describe_char, is_unsafe};

/// Longest indicator or criterion code.
pub const MAX_CODE: usize = 16;
/// Longest name (of the set, a criterion, a grade).
pub const MAX_NAME: usize = 300;
/// Longest free text (an indicator's wording, the source, the status note).
pub const MAX_TEXT: usize = 2000;

fn text_problem(text: &str, max: usize) -> Option<String> {
    if let Some(c) = text.chars().find(|c| is_unsafe(*c)) {
        return Some(format!("có {}; hãy xóa ký tự đó", describe_char(c)));
    }
    let length = text.chars().count();
    (length > max).then(|| format!("dài {length} ký tự, quá giới hạn {max} ký tự"))
}

fn code_problem(code: &str) -> Option<String> {
    if let Some(c) = code.chars().find(|c| !c.is_ascii_graphic()) {
        return Some(format!(
            "mã chỉ được gồm chữ cái không dấu, chữ số và dấu chấm; ký tự U+{:04X} không phải (ký tự ẩn, toàn khổ hoặc có dấu?)",
            u32::from(c)
        ));
    }
    text_problem(code, MAX_CODE)
}

/// Every refused text of `set`, as (field, reason).
pub fn check_texts(set: &CriteriaSet) -> Vec<(String, String)> {
    let mut problems = Vec::new();
    let mut text = |field: String, value: &str, max: usize| {
        if let Some(reason) = text_problem(value, max) {
            problems.push((field, reason));
        }
    };
    text("id".into(), &set.id, MAX_NAME);
    text("name".into(), &set.name, MAX_NAME);
    text("source".into(), &set.source, MAX_TEXT);
    text("status_note".into(), &set.status_note, MAX_TEXT);
    for (i, g) in set.grades.iter().enumerate() {
        text(format!("grades[{i}].name"), &g.name, MAX_NAME);
    }
    for (i, c) in set.criteria.iter().enumerate() {
        text(format!("criteria[{i}].name"), &c.name, MAX_NAME);
        for (j, ind) in c.indicators.iter().enumerate() {
            text(
                format!("criteria[{i}].indicators[{j}].text"),
                &ind.text,
                MAX_TEXT,
            );
        }
    }
    for (i, c) in set.criteria.iter().enumerate() {
        if let Some(reason) = code_problem(&c.code) {
            problems.push((format!("criteria[{i}].code"), reason));
        }
        for (j, ind) in c.indicators.iter().enumerate() {
            if let Some(reason) = code_problem(&ind.code) {
                problems.push((format!("criteria[{i}].indicators[{j}].code"), reason));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use crate::criteria::parse_set;

    const SET: &str = r#"
schema = 1
id = "thu-nghiem"
title = "cong-dan"
name = "NAME"
valid_from = 2022
source = "Văn bản thử"
status = "provisional"
status_note = "Chỉ để kiểm thử"
min_total = 1

[[criteria]]
code = "1"
name = "Học tập"

[[criteria.indicators]]
code = "CODE"
text = "Tham gia học tập"
kind = "points"
max = 10
"#;

    fn errors(name: &str, code: &str) -> Vec<String> {
        let text = SET.replace("NAME", name).replace("CODE", code);
        match parse_set("thu.toml", &text) {
            Ok(_) => Vec::new(),
            Err(errors) => errors.iter().map(ToString::to_string).collect(),
        }
    }

    #[test]
    fn the_sample_is_valid() {
        assert_eq!(errors("Thử nghiệm", "1.1"), Vec::<String>::new());
    }

    #[test]
    fn control_characters_and_bidi_in_names_are_refused_with_the_field() {
        let e = errors("Thử\\u001B[2J nghiệm", "1.1");
        assert!(
            e.iter()
                .any(|m| m.contains("trường `name`") && m.contains("U+001B")),
            "{e:?}"
        );
        let e = errors("Thử\\u202E nghiệm", "1.1");
        assert!(e.iter().any(|m| m.contains("U+202E")), "{e:?}");
        let e = errors("Dòng 1\\nDòng 2", "1.1");
        assert!(e.iter().any(|m| m.contains("xuống dòng")), "{e:?}");
    }

    #[test]
    fn invisible_and_full_width_indicator_codes_are_refused() {
        for code in ["1.\\u200B1", "１.１", "1 .1"] {
            let e = errors("Thử nghiệm", code);
            assert!(
                e.iter()
                    .any(|m| m.contains("indicators[0].code") && m.contains("ký tự U+")),
                "{code}: {e:?}"
            );
        }
    }
}
