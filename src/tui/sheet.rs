//! Small forms that are not units, on the app's form widget (`widgets::form`): the
//! decision on one evaluation (with the override reason when the unit does not pass),
//! bulk recognition and its withdrawal, the report's letterhead, and the resolution's
//! targets. Fields hold text or a fixed choice; parsing into dates, years and
//! percentages and the writes are in `sheet_save.rs` and `decision_save.rs`.

use crate::model::{Decision, EvaluationKey, Measure, Target, Title, UnitKind, Year};
use crate::text::TextInput;
use crate::tui::widgets::form::{Field, Form};
use chrono::NaiveDate;

/// The fields of the small forms, named by what they hold; each sheet has some of
/// them (the decision: `Recognise`, `Number`, `Date`, `Reason`; bulk recognition:
/// `Title`, `Year`, `Number`, `Date`; …), in the order its constructor lists them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetField {
    /// Recognise or not (the decision sheet's choice).
    Recognise,
    Title,
    Year,
    /// A decision's, resolution's or report's number (on the withdraw sheet: the
    /// decision's number as recorded).
    Number,
    Date,
    /// Why a unit that does not pass is recognised all the same.
    Reason,
    /// Withdraw, or correct the number and date.
    What,
    NewNumber,
    NewDate,
    /// The body that issued the resolution.
    Body,
    /// The target of a measure for a milestone year.
    Target(Measure, Year),
    Superior,
    IssuingBody,
    Place,
    SignerTitle,
    SignerName,
    Recipients,
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
    pub form: Form<SheetField>,
    /// What the last save did (bulk recognition's count), or why it failed.
    pub outcome: Option<String>,
}

/// The milestone years the targets sheet always offers.
pub const MILESTONES: [Year; 2] = [2025, 2030];

/// A text field of a sheet (none is marked required: each save says what is missing).
fn text(label: &'static str, value: &str) -> Field {
    Field::text(label, value, false)
}

fn choice(label: &'static str, options: &[&str], index: usize) -> Field {
    let mut field = Field::choice_of(label, options, index);
    field.required = false;
    field
}

fn title_choice(title: Title) -> Field {
    let names: Vec<&str> = Title::ALL.iter().map(|t| t.name()).collect();
    choice(
        "Danh hiệu",
        &names,
        Title::ALL.iter().position(|t| *t == title).unwrap_or(0),
    )
}

impl SheetState {
    fn new(purpose: SheetPurpose, fields: Vec<(SheetField, Field)>, focus: SheetField) -> Self {
        SheetState {
            purpose,
            form: Form::new(fields, focus),
            outcome: None,
        }
    }

    pub fn decision(
        key: EvaluationKey,
        kind: UnitKind,
        name: String,
        passed: bool,
        failures: Vec<String>,
        today: NaiveDate,
        last: Option<&Decision>,
    ) -> SheetState {
        use SheetField as S;
        let date = last.map_or(today, |d| d.date);
        let mut fields = vec![
            (
                S::Recognise,
                choice(
                    "Quyết định",
                    &["Công nhận", "Không công nhận"],
                    usize::from(!passed),
                ),
            ),
            (
                S::Number,
                text("Số quyết định", last.map_or("", |d| d.number.as_str())),
            ),
            (
                S::Date,
                text(
                    "Ngày (ngày/tháng/năm)",
                    &date.format("%d/%m/%Y").to_string(),
                ),
            ),
        ];
        if !passed {
            fields.push((S::Reason, text("Lý do công nhận dù chưa đạt", "")));
        }
        let purpose = SheetPurpose::Decision {
            key,
            kind,
            name,
            passed,
            failures,
        };
        SheetState::new(purpose, fields, S::Number)
    }

    pub fn bulk(title: Title, year: Year, today: NaiveDate) -> SheetState {
        use SheetField as S;
        let fields = vec![
            (S::Title, title_choice(title)),
            (S::Year, text("Năm", &year.to_string())),
            (S::Number, text("Số quyết định", "")),
            (
                S::Date,
                text(
                    "Ngày (ngày/tháng/năm)",
                    &today.format("%d/%m/%Y").to_string(),
                ),
            ),
        ];
        SheetState::new(SheetPurpose::Bulk, fields, S::Number)
    }

    /// Withdraw or correct a decision: which one (title, year, number as recorded),
    /// what to do, and for a correction the new number and date (empty: unchanged).
    pub fn withdraw(title: Title, year: Year, number: &str) -> SheetState {
        use SheetField as S;
        let fields = vec![
            (S::Title, title_choice(title)),
            (S::Year, text("Năm", &year.to_string())),
            (S::Number, text("Số quyết định đã ghi", number)),
            (
                S::What,
                choice("Việc cần làm", &["Rút lại quyết định", "Sửa số, ngày"], 0),
            ),
            (S::NewNumber, text("Số mới (khi sửa)", "")),
            (S::NewDate, text("Ngày mới (khi sửa)", "")),
        ];
        SheetState::new(SheetPurpose::Withdraw, fields, S::Number)
    }

    /// The report's own lines; an empty field prints the usual line (shown in the
    /// sheet's intro), recipients are separated by ";".
    pub fn letterhead(own: &crate::model::Letterhead) -> SheetState {
        use SheetField as S;
        let fields = vec![
            (S::Superior, text("Cơ quan cấp trên", &own.superior)),
            (S::IssuingBody, text("Cơ quan ban hành", &own.issuing_body)),
            (S::Number, text("Số văn bản (12/BC-HKH)", &own.number)),
            (S::Place, text("Địa danh", &own.place)),
            (S::SignerTitle, text("Chức vụ người ký", &own.signer_title)),
            (S::SignerName, text("Họ tên người ký", &own.signer_name)),
            (
                S::Recipients,
                text("Nơi nhận (cách nhau bằng ;)", &own.recipients.join("; ")),
            ),
        ];
        SheetState::new(SheetPurpose::Letterhead, fields, S::Superior)
    }

    pub fn targets(targets: &[Target]) -> SheetState {
        use SheetField as S;
        let mut milestones: Vec<Year> = MILESTONES.to_vec();
        milestones.extend(targets.iter().map(|t| t.milestone));
        milestones.sort_unstable();
        milestones.dedup();
        let resolution = targets.first().map(|t| t.resolution.clone());
        let mut fields = vec![
            (
                S::Number,
                text(
                    "Số nghị quyết",
                    resolution.as_ref().map_or("", |r| r.number.as_str()),
                ),
            ),
            (
                S::Date,
                text(
                    "Ngày (ngày/tháng/năm)",
                    &resolution
                        .as_ref()
                        .and_then(|r| r.date)
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                ),
            ),
            (
                S::Body,
                text(
                    "Cơ quan ban hành",
                    resolution.as_ref().map_or("", |r| r.body.as_str()),
                ),
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
                fields.push((
                    S::Target(measure, milestone),
                    text(measure.label(), &current),
                ));
            }
        }
        SheetState::new(SheetPurpose::Targets { milestones }, fields, S::Number)
    }

    /// The field's text as saved, or its chosen label.
    pub fn value(&self, key: SheetField) -> String {
        self.form.value(key)
    }

    /// The place of the option chosen in `key` (0 when it is not a choice).
    pub fn chosen(&self, key: SheetField) -> usize {
        self.form.chosen(key).unwrap_or(0) as usize
    }

    /// The length limits every other way in applies ([`crate::text::limits`]): a
    /// decision or resolution number, a reason, and any other text (a body's name).
    pub fn check_lengths(&mut self) {
        use crate::text::limits::{MAX_DOCUMENT_NUMBER, MAX_LONG_TEXT, MAX_NAME, too_long};
        let found: Vec<(SheetField, String)> = self
            .form
            .fields()
            .filter_map(|(key, f)| {
                let max = match key {
                    SheetField::Number | SheetField::NewNumber => MAX_DOCUMENT_NUMBER,
                    SheetField::Reason | SheetField::Recipients => MAX_LONG_TEXT,
                    _ => MAX_NAME,
                };
                let why = too_long(f.input()?.value().trim(), max)?;
                Some((key, crate::text::limits::upper_first(&why)))
            })
            .collect();
        for (key, why) in found {
            self.form.set_error(key, why);
        }
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
                let Some(tenths) = measure.national_target(milestone) else {
                    continue;
                };
                if let Some(input) = self
                    .form
                    .field_mut(SheetField::Target(measure, milestone))
                    .and_then(Field::input_mut)
                    && input.is_empty()
                {
                    let text = crate::text::format_percent(u32::from(tenths));
                    *input = TextInput::with_value(text.trim_end_matches('%'));
                    filled += 1;
                }
            }
        }
        if filled > 0 {
            self.form.changed = true;
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
        let gd2025 = SheetField::Target(Measure::GiaDinh, 2025);
        if let Some(input) = sheet.form.field_mut(gd2025).and_then(Field::input_mut) {
            *input = TextInput::with_value("75");
        }
        let filled = sheet.prefill_national();
        assert_eq!(filled, 11);
        assert_eq!(sheet.value(gd2025), "75");
        assert_eq!(
            sheet.value(SheetField::Target(Measure::DonVi, 2030)),
            "90,0"
        );
    }
}
