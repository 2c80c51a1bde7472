//! The scoring screen's state: one unit's evaluation for one title and year, the
//! criteria set it is scored under, the indicator under the cursor and what the officer
//! has typed for it. Pure: reading the register happens in `load`, writing in
//! `save.rs`, drawing in `draw.rs`.
//!
//! Input rules, so a yearly session is fast and nothing is saved by accident:
//! - digits type points; `d`/`y` (Đạt) and `k`/`n` (Không đạt) type a pass/fail value;
//!   any other key stays in the box and makes it invalid (a decimal "9,5" is never
//!   saved as "5") until Backspace removes it;
//! - Enter saves the typed value (one write transaction) and moves to the next indicator;
//!   Enter on an empty input only moves on;
//! - Backspace edits the typed value only; Delete clears the saved value of the
//!   indicator under the cursor (saved as "not scored"), so a stray Backspace never
//!   erases a score.

use crate::criteria::{CatalogEntry, CriteriaSet, IndicatorKind, Score, check_value, score};
use crate::model::{Evaluation, IndicatorValue, Title, UnitId, UnitKind, Year};
use crate::store::{Reader, Result};
use crate::text::TextInput;

#[derive(Debug, Clone)]
pub struct ScoringState {
    pub kind: UnitKind,
    pub id: UnitId,
    pub title: Title,
    pub year: Year,
    pub code: String,
    pub name: String,
    /// The set the evaluation is scored under: its stored version, or the one in force
    /// for a unit not registered yet.
    pub entry: CatalogEntry,
    pub evaluation: Option<Evaluation>,
    /// The latest earlier year with scores and its evaluation, offered (never applied
    /// silently) with the "take last year" key.
    pub last_year: Option<(Year, Evaluation)>,
    /// Index of the indicator under the cursor, in the set's order.
    pub cursor: usize,
    pub input: TextInput,
    /// Why the typed value was refused; cleared by the next key.
    pub error: Option<String>,
    /// Where it was opened from: the list kind and the row's position in the filtered
    /// list, so PgDn/PgUp walk the same list and filter.
    pub from_list: Option<(UnitKind, usize)>,
}

impl PartialEq for ScoringState {
    fn eq(&self, other: &Self) -> bool {
        self.kind == other.kind
            && self.id == other.id
            && self.year == other.year
            && self.entry.hash == other.entry.hash
            && self.evaluation == other.evaluation
            && self.cursor == other.cursor
            && self.input == other.input
            && self.error == other.error
    }
}

impl Eq for ScoringState {}

/// Why the screen cannot open.
#[derive(Debug)]
pub enum OpenError {
    Store(crate::store::StoreError),
    /// No criteria set in force for the title and year, and no evaluation yet.
    NoCriteria(Title, Year),
    NoUnit,
}

impl From<crate::store::StoreError> for OpenError {
    fn from(e: crate::store::StoreError) -> Self {
        OpenError::Store(e)
    }
}

/// How many years back "take last year's values" looks for scores.
const LOOK_BACK: Year = 10;

impl ScoringState {
    pub fn load(
        reader: &Reader,
        catalog: &crate::criteria::Catalog,
        kind: UnitKind,
        id: UnitId,
        year: Year,
    ) -> std::result::Result<ScoringState, OpenError> {
        let unit = reader.unit(kind, id)?.ok_or(OpenError::NoUnit)?;
        let title = Title::for_kind(kind);
        let key = crate::model::EvaluationKey {
            year,
            title,
            unit: id,
        };
        let evaluation = reader.evaluation(key)?;
        let entry = entry_for(reader, catalog, title, year, evaluation.as_ref())?
            .ok_or(OpenError::NoCriteria(title, year))?;
        // The latest earlier year with scores, not only the year before: a unit not
        // scored one year (or a year skipped) still starts from its last scores.
        let mut last_year = None;
        for previous in (year.saturating_sub(LOOK_BACK)..year).rev() {
            if let Some(e) = reader.evaluation(crate::model::EvaluationKey {
                year: previous,
                ..key
            })? && !e.values.is_empty()
            {
                last_year = Some((previous, e));
                break;
            }
        }
        let mut state = ScoringState {
            kind,
            id,
            title,
            year,
            code: crate::text::safe::escape(unit.code()).into_owned(),
            name: crate::text::safe::escape(&unit.display_name()).into_owned(),
            entry,
            evaluation,
            last_year,
            cursor: 0,
            input: TextInput::new(),
            error: None,
            from_list: None,
        };
        state.cursor = state.first_missing().unwrap_or(0);
        Ok(state)
    }

    pub fn set(&self) -> &CriteriaSet {
        &self.entry.set
    }

    pub fn key(&self) -> crate::model::EvaluationKey {
        crate::model::EvaluationKey {
            year: self.year,
            title: self.title,
            unit: self.id,
        }
    }

    pub fn indicator_codes(&self) -> Vec<String> {
        self.set().indicators().map(|i| i.code.clone()).collect()
    }

    pub fn count(&self) -> usize {
        self.set().indicator_count()
    }

    pub fn current_code(&self) -> Option<String> {
        self.set()
            .indicators()
            .nth(self.cursor)
            .map(|i| i.code.clone())
    }

    pub fn value_of(&self, code: &str) -> Option<IndicatorValue> {
        self.evaluation
            .as_ref()
            .and_then(|e| e.values.get(code).copied())
    }

    pub fn score(&self) -> Score {
        let empty = Default::default();
        let values = self.evaluation.as_ref().map_or(&empty, |e| &e.values);
        score(self.set(), values)
    }

    /// The first indicator without a value, where a session starts.
    pub fn first_missing(&self) -> Option<usize> {
        self.set()
            .indicators()
            .position(|i| self.value_of(&i.code).is_none())
    }

    pub fn move_by(&mut self, delta: isize) {
        let last = self.count().saturating_sub(1);
        self.cursor = self.cursor.saturating_add_signed(delta).min(last);
        self.input.clear();
        self.error = None;
    }

    /// A typed key: digits for points, d/y/k/n for pass/fail. Returns false for a key
    /// the indicator cannot take. A refused key stays in the box (shown, with why), so
    /// "9,5" or "7.5" can never be saved as the last digit: Enter refuses until the
    /// officer removes it with Backspace (or Delete clears the box).
    pub fn type_char(&mut self, c: char) -> bool {
        let Some(indicator) = self.set().indicators().nth(self.cursor) else {
            return false;
        };
        let invalid_before = self.input_invalid();
        let accepted = match indicator.kind {
            IndicatorKind::Points if c.is_ascii_digit() => {
                self.push_limited(c);
                true
            }
            IndicatorKind::PassFail if !invalid_before && pass_key(c).is_some() => {
                let pass = pass_key(c) == Some(true);
                self.input.clear();
                self.input.insert_str(if pass { "Đ" } else { "K" });
                true
            }
            _ => {
                self.push_limited(c);
                false
            }
        };
        self.error = self.invalid_message();
        accepted
    }

    /// Backspace: edits the typed value; the refusal stays while the box is invalid.
    pub fn backspace(&mut self) {
        self.input.backspace();
        self.error = self.invalid_message();
    }

    /// The box shows three characters: a value, or the keys that made it invalid.
    fn push_limited(&mut self, c: char) {
        if self.input.value().chars().count() < 3 {
            self.input.insert_char(c);
        }
    }

    /// Whether the box holds something the indicator cannot take.
    fn input_invalid(&self) -> bool {
        self.invalid_message().is_some()
    }

    /// Why the box cannot be saved as typed, whatever comes next; None when it is a
    /// number (points) or Đ/K (pass/fail), or empty.
    fn invalid_message(&self) -> Option<String> {
        let indicator = self.set().indicators().nth(self.cursor)?;
        let text = self.input.value();
        if text.is_empty() {
            return None;
        }
        match indicator.kind {
            IndicatorKind::Points if !text.chars().all(|c| c.is_ascii_digit()) => Some(format!(
                "Chỉ nhập số nguyên từ 0 đến {}; không dùng dấu phẩy hay dấu chấm",
                indicator.max
            )),
            IndicatorKind::PassFail if text != "Đ" && text != "K" => Some(format!(
                "Chỉ số {} chấm Đạt/Không đạt: xóa ({}) rồi gõ d (Đ) hoặc k (K)",
                indicator.code,
                crate::tui::keymap::key_label(
                    crate::tui::keymap::Ctx::Scoring,
                    &crate::tui::action::Action::Backspace
                )
            )),
            _ => None,
        }
    }

    /// The typed value, checked against the set: `Ok(None)` when nothing is typed.
    pub fn parsed_input(&self) -> std::result::Result<Option<(String, IndicatorValue)>, String> {
        let Some(indicator) = self.set().indicators().nth(self.cursor) else {
            return Ok(None);
        };
        let text = self.input.value();
        if text.is_empty() {
            return Ok(None);
        }
        if let Some(message) = self.invalid_message() {
            return Err(message);
        }
        let value = match indicator.kind {
            IndicatorKind::Points => match text.parse::<u16>() {
                Ok(p) => IndicatorValue::Points(p),
                Err(_) => {
                    return Err(format!(
                        "Chỉ số {}: «{text}» không phải số điểm",
                        indicator.code
                    ));
                }
            },
            IndicatorKind::PassFail => IndicatorValue::Pass(text == "Đ"),
        };
        check_value(self.set(), &indicator.code, value)
            .map_err(|reason| format!("Không lưu: {reason}"))?;
        Ok(Some((indicator.code.clone(), value)))
    }
}

/// d, y, đ (and capitals) mean Đạt; k, n mean Không đạt.
pub fn pass_key(c: char) -> Option<bool> {
    match c {
        'd' | 'D' | 'y' | 'Y' | 'đ' | 'Đ' => Some(true),
        'k' | 'K' | 'n' | 'N' => Some(false),
        _ => None,
    }
}

/// The set an evaluation is scored under: its own stored version when it exists (made
/// into a catalog entry so `set_score` finds the same hash), else the set in force.
fn entry_for(
    reader: &Reader,
    catalog: &crate::criteria::Catalog,
    title: Title,
    year: Year,
    evaluation: Option<&Evaluation>,
) -> Result<Option<CatalogEntry>> {
    let in_force = catalog.in_force(title, year);
    let Some(evaluation) = evaluation else {
        return Ok(in_force.cloned());
    };
    if let Some(entry) = in_force.filter(|e| e.hash == evaluation.criteria_hash) {
        return Ok(Some(entry.clone()));
    }
    if let Some(entry) = catalog
        .entries()
        .iter()
        .find(|e| e.hash == evaluation.criteria_hash)
    {
        return Ok(Some(entry.clone()));
    }
    Ok(reader.criteria(&evaluation.criteria_hash)?.map(|set| {
        let mut entry = CatalogEntry::new(set, "bản lưu trong sổ".into());
        // The stored copy is identified by the hash it was saved under.
        entry.hash = evaluation.criteria_hash.clone();
        entry
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    const SET: &str = r#"
schema = 1
id = "thu"
title = "gia-dinh"
name = "Bộ thử"
valid_from = 2021
scope = "commune"
source = "thử"
status = "verified"
status_note = ""
min_total = 5

[[criteria]]
code = "1"
name = "Tiêu chí"

[[criteria.indicators]]
code = "1.1"
text = "Điểm"
kind = "points"
max = 10

[[criteria.indicators]]
code = "1.2"
text = "Đạt hay không"
kind = "pass-fail"
"#;

    fn state() -> ScoringState {
        let set = crate::criteria::parse_set("thu.toml", SET).expect("set");
        ScoringState {
            kind: UnitKind::Household,
            id: 0,
            title: Title::GiaDinh,
            year: 2025,
            code: "HO1".into(),
            name: "Hộ thử".into(),
            entry: CatalogEntry::new(set, "thử".into()),
            evaluation: None,
            last_year: None,
            cursor: 0,
            input: TextInput::new(),
            error: None,
            from_list: None,
        }
    }

    #[test]
    fn pass_fail_keys_type_d_or_k_and_points_only_digits() {
        let mut s = state();
        assert!(!s.type_char('d'), "a points indicator refuses Đ");
        assert!(
            s.error
                .as_deref()
                .is_some_and(|e| e.contains("Chỉ nhập số nguyên từ 0 đến 10"))
        );
        assert!(
            s.type_char('1'),
            "a digit is taken, but the box stays invalid"
        );
        assert!(s.parsed_input().is_err());
        s.backspace();
        s.backspace();
        assert!(s.error.is_none() && s.input.is_empty());
        assert!(s.type_char('1'));
        assert!(s.type_char('2'));
        assert_eq!(
            s.parsed_input()
                .map_err(|e| e.contains("vượt quá điểm tối đa 10")),
            Err(true)
        );
        s.move_by(1);
        assert!(s.input.is_empty(), "moving drops what was typed");
        for (key, value) in [
            ('d', true),
            ('y', true),
            ('Đ', true),
            ('k', false),
            ('n', false),
        ] {
            assert!(s.type_char(key));
            assert_eq!(
                s.parsed_input(),
                Ok(Some(("1.2".to_string(), IndicatorValue::Pass(value))))
            );
        }
        assert!(!s.type_char('7'));
        assert!(
            s.error
                .as_deref()
                .is_some_and(|e| e.contains("d (Đ) hoặc k (K)"))
        );
        // The refused key stays until Backspace removes it.
        assert!(!s.type_char('k'));
        assert!(s.parsed_input().is_err());
        s.backspace();
        s.backspace();
        assert_eq!(s.input.value(), "K");
        assert!(s.error.is_none());
        assert_eq!(
            s.parsed_input(),
            Ok(Some(("1.2".to_string(), IndicatorValue::Pass(false))))
        );
    }
}
