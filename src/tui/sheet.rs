//! Small forms that are not units: the decision on one evaluation (with the override
//! reason when the unit does not pass), bulk recognition, and the resolution's targets.
//! Fields hold text or a fixed choice; parsing into dates, years and percentages is
//! here, the writes are in `sheet_save.rs`.

use crate::model::{Decision, EvaluationKey, Measure, Target, Title, UnitKind, Year};
use crate::text::{TextInput, clean_name};
use chrono::NaiveDate;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetValue {
    Text(TextInput),
    /// Labels; ← → change the choice.
    Choice(Vec<String>, usize),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetField {
    pub label: String,
    pub value: SheetValue,
    pub error: Option<String>,
}

impl SheetField {
    pub fn text(label: impl Into<String>, value: &str) -> SheetField {
        SheetField {
            label: label.into(),
            value: SheetValue::Text(TextInput::with_value(value)),
            error: None,
        }
    }

    pub fn choice(label: impl Into<String>, options: Vec<String>, index: usize) -> SheetField {
        SheetField {
            label: label.into(),
            value: SheetValue::Choice(options, index),
            error: None,
        }
    }

    pub fn text_value(&self) -> String {
        match &self.value {
            SheetValue::Text(t) => clean_name(t.value()),
            SheetValue::Choice(options, i) => options.get(*i).cloned().unwrap_or_default(),
        }
    }

    pub fn chosen(&self) -> usize {
        match &self.value {
            SheetValue::Choice(_, i) => *i,
            SheetValue::Text(_) => 0,
        }
    }

    pub fn input_mut(&mut self) -> Option<&mut TextInput> {
        match &mut self.value {
            SheetValue::Text(t) => Some(t),
            SheetValue::Choice(..) => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetPurpose {
    /// Recognise or not one evaluation; `passed` says whether a reason is needed.
    Decision {
        key: EvaluationKey,
        kind: UnitKind,
        name: String,
        passed: bool,
        failures: Vec<String>,
    },
    /// Recognise every passing, undecided evaluation of a title and year.
    Bulk,
    /// Withdraw, or correct the number and date of, one decision as a whole.
    Withdraw,
    /// The resolution and a target per measure per milestone year.
    Targets { milestones: Vec<Year> },
    /// The office's own lines of the report (letterhead, signer, recipients).
    Letterhead,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetState {
    pub purpose: SheetPurpose,
    pub fields: Vec<SheetField>,
    pub focus: usize,
    /// What the last save did (bulk recognition's count), or why it failed.
    pub outcome: Option<String>,
    pub changed: bool,
}

/// Index of the fields of the decision sheet.
pub const DECISION_CHOICE: usize = 0;
pub const DECISION_NUMBER: usize = 1;
pub const DECISION_DATE: usize = 2;
pub const DECISION_REASON: usize = 3;

/// Index of the fields of the bulk sheet.
pub const BULK_TITLE: usize = 0;
pub const BULK_YEAR: usize = 1;
pub const BULK_NUMBER: usize = 2;
pub const BULK_DATE: usize = 3;

/// Index of the fields of the withdraw/correct sheet.
pub const WITHDRAW_TITLE: usize = 0;
pub const WITHDRAW_YEAR: usize = 1;
pub const WITHDRAW_NUMBER: usize = 2;
pub const WITHDRAW_WHAT: usize = 3;
pub const WITHDRAW_NEW_NUMBER: usize = 4;
pub const WITHDRAW_NEW_DATE: usize = 5;

/// The first target field of the targets sheet (after number, date, body).
pub const TARGETS_FIRST: usize = 3;

/// The milestone years the targets sheet always offers.
pub const MILESTONES: [Year; 2] = [2025, 2030];

impl SheetState {
    pub fn decision(
        key: EvaluationKey,
        kind: UnitKind,
        name: String,
        passed: bool,
        failures: Vec<String>,
        today: NaiveDate,
        last: Option<&Decision>,
    ) -> SheetState {
        let date = last.map_or(today, |d| d.date);
        let mut fields = vec![
            SheetField::choice(
                "Quyết định",
                vec!["Công nhận".into(), "Không công nhận".into()],
                usize::from(!passed),
            ),
            SheetField::text("Số quyết định", last.map_or("", |d| d.number.as_str())),
            SheetField::text(
                "Ngày (ngày/tháng/năm)",
                &date.format("%d/%m/%Y").to_string(),
            ),
        ];
        if !passed {
            fields.push(SheetField::text("Lý do công nhận dù chưa đạt", ""));
        }
        SheetState {
            purpose: SheetPurpose::Decision {
                key,
                kind,
                name,
                passed,
                failures,
            },
            fields,
            focus: DECISION_NUMBER,
            outcome: None,
            changed: false,
        }
    }

    pub fn bulk(title: Title, year: Year, today: NaiveDate) -> SheetState {
        SheetState {
            purpose: SheetPurpose::Bulk,
            fields: vec![
                SheetField::choice(
                    "Danh hiệu",
                    Title::ALL.iter().map(|t| t.name().to_string()).collect(),
                    Title::ALL.iter().position(|t| *t == title).unwrap_or(0),
                ),
                SheetField::text("Năm", &year.to_string()),
                SheetField::text("Số quyết định", ""),
                SheetField::text(
                    "Ngày (ngày/tháng/năm)",
                    &today.format("%d/%m/%Y").to_string(),
                ),
            ],
            focus: BULK_NUMBER,
            outcome: None,
            changed: false,
        }
    }

    /// Withdraw or correct a decision: which one (title, year, number as recorded),
    /// what to do, and for a correction the new number and date (empty: unchanged).
    pub fn withdraw(title: Title, year: Year, number: &str) -> SheetState {
        SheetState {
            purpose: SheetPurpose::Withdraw,
            fields: vec![
                SheetField::choice(
                    "Danh hiệu",
                    Title::ALL.iter().map(|t| t.name().to_string()).collect(),
                    Title::ALL.iter().position(|t| *t == title).unwrap_or(0),
                ),
                SheetField::text("Năm", &year.to_string()),
                SheetField::text("Số quyết định đã ghi", number),
                SheetField::choice(
                    "Việc cần làm",
                    vec!["Rút lại quyết định".into(), "Sửa số, ngày".into()],
                    0,
                ),
                SheetField::text("Số mới (khi sửa)", ""),
                SheetField::text("Ngày mới (khi sửa)", ""),
            ],
            focus: WITHDRAW_NUMBER,
            outcome: None,
            changed: false,
        }
    }

    /// The report's own lines; an empty field prints the usual line (shown in the
    /// sheet's intro), recipients are separated by ";".
    pub fn letterhead(own: &crate::model::Letterhead) -> SheetState {
        SheetState {
            purpose: SheetPurpose::Letterhead,
            fields: vec![
                SheetField::text("Cơ quan cấp trên", &own.superior),
                SheetField::text("Cơ quan ban hành", &own.issuing_body),
                SheetField::text("Số văn bản (12/BC-HKH)", &own.number),
                SheetField::text("Địa danh", &own.place),
                SheetField::text("Chức vụ người ký", &own.signer_title),
                SheetField::text("Họ tên người ký", &own.signer_name),
                SheetField::text("Nơi nhận (cách nhau bằng ;)", &own.recipients.join("; ")),
            ],
            focus: 0,
            outcome: None,
            changed: false,
        }
    }

    pub fn targets(targets: &[Target]) -> SheetState {
        let mut milestones: Vec<Year> = MILESTONES.to_vec();
        milestones.extend(targets.iter().map(|t| t.milestone));
        milestones.sort_unstable();
        milestones.dedup();
        let resolution = targets.first().map(|t| t.resolution.clone());
        let mut fields = vec![
            SheetField::text(
                "Số nghị quyết",
                resolution.as_ref().map_or("", |r| r.number.as_str()),
            ),
            SheetField::text(
                "Ngày (ngày/tháng/năm)",
                &resolution
                    .as_ref()
                    .and_then(|r| r.date)
                    .map(|d| d.format("%d/%m/%Y").to_string())
                    .unwrap_or_default(),
            ),
            SheetField::text(
                "Cơ quan ban hành",
                resolution.as_ref().map_or("", |r| r.body.as_str()),
            ),
        ];
        for measure in Measure::ALL {
            for &milestone in &milestones {
                let current = targets
                    .iter()
                    // This sheet edits the "recognised over all units" targets;
                    // `sohoctap targets set` sets the other bases.
                    .find(|t| {
                        t.measure == measure
                            && t.basis == crate::model::Basis::Total
                            && t.milestone == milestone
                    })
                    .map(|t| crate::text::format_percent(u32::from(t.percent_tenths)))
                    .map(|p| p.trim_end_matches('%').to_string())
                    .unwrap_or_default();
                fields.push(SheetField::text(
                    format!("{} {milestone}", measure.label()),
                    &current,
                ));
            }
        }
        SheetState {
            purpose: SheetPurpose::Targets { milestones },
            fields,
            focus: 0,
            outcome: None,
            changed: false,
        }
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    pub fn cycle(&mut self, forward: bool) {
        if let Some(SheetField {
            value: SheetValue::Choice(options, index),
            ..
        }) = self.fields.get_mut(self.focus)
        {
            let n = options.len().max(1);
            *index = if forward {
                (*index + 1) % n
            } else {
                (*index + n - 1) % n
            };
            self.changed = true;
        }
    }

    pub fn field(&self, i: usize) -> Option<&SheetField> {
        self.fields.get(i)
    }

    pub fn value(&self, i: usize) -> String {
        self.fields
            .get(i)
            .map(SheetField::text_value)
            .unwrap_or_default()
    }

    pub fn set_error(&mut self, i: usize, message: impl Into<String>) {
        if let Some(f) = self.fields.get_mut(i) {
            f.error = Some(message.into());
        }
    }

    /// The length limits every other way in applies ([`crate::text::limits`]): a
    /// decision or resolution number, a reason, and any other text (a body's name).
    pub fn check_lengths(&mut self) {
        use crate::text::limits::{MAX_DOCUMENT_NUMBER, MAX_LONG_TEXT, MAX_NAME, too_long};
        for f in &mut self.fields {
            let SheetValue::Text(input) = &f.value else {
                continue;
            };
            let max = if f.label.starts_with("Số") {
                MAX_DOCUMENT_NUMBER
            } else if f.label.starts_with("Lý do") || f.label.starts_with("Nơi nhận") {
                MAX_LONG_TEXT
            } else {
                MAX_NAME
            };
            if let Some(why) = too_long(input.value().trim(), max) {
                f.error = Some(crate::text::limits::upper_first(&why));
            }
        }
    }

    pub fn clear_errors(&mut self) {
        for f in &mut self.fields {
            f.error = None;
        }
    }

    pub fn first_error(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.error.is_some())
    }

    /// The targets sheet's field for a measure and milestone.
    pub fn target_field(&self, measure: Measure, milestone: Year) -> Option<usize> {
        let SheetPurpose::Targets { milestones } = &self.purpose else {
            return None;
        };
        let m = Measure::ALL.iter().position(|x| *x == measure)?;
        let y = milestones.iter().position(|x| *x == milestone)?;
        Some(TARGETS_FIRST + m * milestones.len() + y)
    }

    /// Fills the empty target fields with the national figures (QĐ 387, QĐ 677).
    /// Returns how many were filled.
    pub fn prefill_national(&mut self) -> usize {
        let SheetPurpose::Targets { milestones } = self.purpose.clone() else {
            return 0;
        };
        let mut filled = 0;
        for measure in Measure::ALL {
            for &milestone in &milestones {
                let (Some(i), Some(tenths)) = (
                    self.target_field(measure, milestone),
                    measure.national_target(milestone),
                ) else {
                    continue;
                };
                if let Some(input) = self.fields.get_mut(i).and_then(SheetField::input_mut)
                    && input.is_empty()
                {
                    let text = crate::text::format_percent(u32::from(tenths));
                    *input = TextInput::with_value(text.trim_end_matches('%'));
                    filled += 1;
                }
            }
        }
        if filled > 0 {
            self.changed = true;
        }
        filled
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn prefill_fills_only_empty_fields_with_national_targets() {
        let mut sheet = SheetState::targets(&[]);
        let gd2025 = sheet.target_field(Measure::GiaDinh, 2025).unwrap_or(0);
        if let Some(input) = sheet.fields[gd2025].input_mut() {
            *input = TextInput::with_value("75");
        }
        let filled = sheet.prefill_national();
        assert_eq!(filled, 11);
        assert_eq!(sheet.value(gd2025), "75");
        let dv2030 = sheet.target_field(Measure::DonVi, 2030).unwrap_or(0);
        assert_eq!(sheet.value(dv2030), "90,0");
    }
}
