//! Small forms that are not units, on the app's form widget (`widgets::form`): the
//! decision on one evaluation (with the override reason when the unit does not pass),
//! bulk recognition and its withdrawal, the report's letterhead, and the resolution's
//! targets. Fields hold text or a fixed choice; parsing into dates, years and
//! percentages and the writes are in `save.rs` and `withdraw.rs`.

use crate::model::{Decision, EvaluationKey, Measure, Target, Title, UnitKind, Year};
use crate::text::TextInput;
use crate::tui::widgets::form::{Field, Form};
use chrono::NaiveDate;

/// The decision on one evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionField {
    /// Recognise or not.
    Recognise,
    Number,
    Date,
    /// Why a unit that does not pass is recognised all the same.
    Reason,
}

/// Bulk recognition of a title and year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BulkField {
    Title,
    Year,
    Number,
    Date,
}

/// Withdrawing or correcting a decision as a whole.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WithdrawField {
    Title,
    Year,
    /// The decision's number as recorded.
    Number,
    /// Withdraw, or correct the number and date.
    What,
    NewNumber,
    NewDate,
}

/// The resolution and its targets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TargetField {
    Number,
    Date,
    /// The body that issued the resolution.
    Body,
    /// The target of a measure for a milestone year.
    Target(Measure, Year),
}

/// The office's own lines of the report.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LetterheadField {
    Superior,
    IssuingBody,
    Number,
    Place,
    SignerTitle,
    SignerName,
    Recipients,
}

/// Each sheet: its form, with its own fields, and what the sheet is about. One enum,
/// so a sheet's purpose and its form cannot disagree.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SheetForm {
    /// Recognise or not one evaluation.
    Decision(Form<DecisionField>, DecisionAbout),
    /// Recognise every passing, undecided evaluation of a title and year.
    Bulk(Form<BulkField>),
    /// Withdraw, or correct the number and date of, one decision as a whole.
    Withdraw(Form<WithdrawField>),
    /// The resolution and a target per measure per milestone year (the years offered).
    Targets(Form<TargetField>, Vec<Year>),
    /// The office's own lines of the report (letterhead, signer, recipients).
    Letterhead(Form<LetterheadField>),
}

/// Runs `$body` with `$f` bound to the sheet's form, whatever its fields.
macro_rules! each_form {
    ($form:expr, $f:ident => $body:expr) => {
        match $form {
            SheetForm::Decision($f, ..) => $body,
            SheetForm::Bulk($f, ..) => $body,
            SheetForm::Withdraw($f, ..) => $body,
            SheetForm::Targets($f, ..) => $body,
            SheetForm::Letterhead($f, ..) => $body,
        }
    };
}

impl SheetForm {
    pub fn next(&mut self) {
        each_form!(self, f => f.next());
    }

    pub fn prev(&mut self) {
        each_form!(self, f => f.prev());
    }

    pub fn on_last(&self) -> bool {
        each_form!(self, f => f.on_last())
    }

    pub fn typing(&self) -> bool {
        each_form!(self, f => f.typing())
    }

    pub fn edit(&mut self, action: &crate::tui::action::Action) -> bool {
        each_form!(self, f => f.edit(action))
    }

    pub fn changed(&self) -> bool {
        each_form!(self, f => f.changed)
    }

    pub fn set_changed(&mut self, changed: bool) {
        each_form!(self, f => f.changed = changed);
    }

    pub fn clear_errors(&mut self) {
        each_form!(self, f => f.clear_errors());
    }

    pub fn focus_first_error(&mut self) -> bool {
        each_form!(self, f => f.focus_first_error())
    }

    /// The length limits every other way in applies ([`crate::text::limits`]): a
    /// decision or resolution number, a reason or the recipients, and any other text
    /// (a body's name).
    pub fn check_lengths(&mut self) {
        use crate::text::limits::{MAX_DOCUMENT_NUMBER as NUMBER, MAX_LONG_TEXT as LONG};
        match self {
            SheetForm::Decision(f, ..) => check_lengths(f, |k| match k {
                DecisionField::Number => NUMBER,
                DecisionField::Reason => LONG,
                _ => NAME,
            }),
            SheetForm::Bulk(f, ..) => check_lengths(f, |k| match k {
                BulkField::Number => NUMBER,
                _ => NAME,
            }),
            SheetForm::Withdraw(f, ..) => check_lengths(f, |k| match k {
                WithdrawField::Number | WithdrawField::NewNumber => NUMBER,
                _ => NAME,
            }),
            SheetForm::Targets(f, ..) => check_lengths(f, |k| match k {
                TargetField::Number => NUMBER,
                _ => NAME,
            }),
            SheetForm::Letterhead(f, ..) => check_lengths(f, |k| match k {
                LetterheadField::Number => NUMBER,
                LetterheadField::Recipients => LONG,
                _ => NAME,
            }),
        }
    }
}

/// A sheet's field enum, to reach that sheet's form inside a [`SheetForm`].
pub trait SheetFields: Copy + Eq + Sized {
    fn form(sheet: &SheetForm) -> Option<&Form<Self>>;
    fn form_mut(sheet: &mut SheetForm) -> Option<&mut Form<Self>>;
}

macro_rules! sheet_fields {
    ($fields:ty, $variant:ident) => {
        impl SheetFields for $fields {
            fn form(sheet: &SheetForm) -> Option<&Form<Self>> {
                match sheet {
                    SheetForm::$variant(f, ..) => Some(f),
                    _ => None,
                }
            }

            fn form_mut(sheet: &mut SheetForm) -> Option<&mut Form<Self>> {
                match sheet {
                    SheetForm::$variant(f, ..) => Some(f),
                    _ => None,
                }
            }
        }
    };
}

sheet_fields!(DecisionField, Decision);
sheet_fields!(BulkField, Bulk);
sheet_fields!(WithdrawField, Withdraw);
sheet_fields!(TargetField, Targets);
sheet_fields!(LetterheadField, Letterhead);

use crate::text::limits::MAX_NAME as NAME;

/// Marks every text longer than its field's limit.
fn check_lengths<F: Copy + Eq>(form: &mut Form<F>, max: impl Fn(F) -> usize) {
    use crate::text::limits::{too_long, upper_first};
    let found: Vec<(F, String)> = form
        .fields()
        .filter_map(|(key, f)| {
            let why = too_long(f.input()?.value().trim(), max(key))?;
            Some((key, upper_first(&why)))
        })
        .collect();
    for (key, why) in found {
        form.set_error(key, why);
    }
}

/// The evaluation a decision sheet is about; `passed` says whether a reason is needed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionAbout {
    pub key: EvaluationKey,
    pub kind: UnitKind,
    pub name: String,
    pub passed: bool,
    pub failures: Vec<String>,
}

/// Which sheet it is, for the title, the key context and the save.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SheetPurpose {
    Decision,
    Bulk,
    Withdraw,
    Targets,
    Letterhead,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SheetState {
    pub form: SheetForm,
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
    /// The sheet's form when its fields are `F`.
    pub fn form_of<F: SheetFields>(&self) -> Option<&Form<F>> {
        F::form(&self.form)
    }

    pub fn form_of_mut<F: SheetFields>(&mut self) -> Option<&mut Form<F>> {
        F::form_mut(&mut self.form)
    }

    /// Which sheet this is.
    pub fn purpose(&self) -> SheetPurpose {
        match self.form {
            SheetForm::Decision(..) => SheetPurpose::Decision,
            SheetForm::Bulk(_) => SheetPurpose::Bulk,
            SheetForm::Withdraw(_) => SheetPurpose::Withdraw,
            SheetForm::Targets(..) => SheetPurpose::Targets,
            SheetForm::Letterhead(_) => SheetPurpose::Letterhead,
        }
    }

    fn new(form: SheetForm) -> Self {
        SheetState {
            form,
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
        use DecisionField as S;
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
        let about = DecisionAbout {
            key,
            kind,
            name,
            passed,
            failures,
        };
        SheetState::new(SheetForm::Decision(Form::new(fields, S::Number), about))
    }

    pub fn bulk(title: Title, year: Year, today: NaiveDate) -> SheetState {
        use BulkField as S;
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
        SheetState::new(SheetForm::Bulk(Form::new(fields, S::Number)))
    }

    /// Withdraw or correct a decision: which one (title, year, number as recorded),
    /// what to do, and for a correction the new number and date (empty: unchanged).
    pub fn withdraw(title: Title, year: Year, number: &str) -> SheetState {
        use WithdrawField as S;
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
        SheetState::new(SheetForm::Withdraw(Form::new(fields, S::Number)))
    }

    /// The report's own lines; an empty field prints the usual line (shown in the
    /// sheet's intro), recipients are separated by ";".
    pub fn letterhead(own: &crate::model::Letterhead) -> SheetState {
        use LetterheadField as S;
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
        SheetState::new(SheetForm::Letterhead(Form::new(fields, S::Superior)))
    }

    pub fn targets(targets: &[Target]) -> SheetState {
        use TargetField as S;
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
        SheetState::new(SheetForm::Targets(Form::new(fields, S::Number), milestones))
    }

    /// Fills the empty target fields with the national figures (QĐ 387, QĐ 677).
    /// Returns how many were filled.
    pub fn prefill_national(&mut self) -> usize {
        let SheetForm::Targets(form, milestones) = &mut self.form else {
            return 0;
        };
        let mut filled = 0;
        for measure in Measure::ALL {
            for &milestone in milestones.iter() {
                let Some(tenths) = measure.national_target(milestone) else {
                    continue;
                };
                if let Some(input) = form
                    .field_mut(TargetField::Target(measure, milestone))
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
            form.changed = true;
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
        let gd2025 = TargetField::Target(Measure::GiaDinh, 2025);
        if let SheetForm::Targets(form, _) = &mut sheet.form
            && let Some(input) = form.field_mut(gd2025).and_then(Field::input_mut)
        {
            *input = TextInput::with_value("75");
        }
        let filled = sheet.prefill_national();
        assert_eq!(filled, 11);
        let SheetForm::Targets(form, _) = &sheet.form else {
            panic!("not the targets sheet");
        };
        assert_eq!(form.value(gd2025), "75");
        assert_eq!(
            form.value(TargetField::Target(Measure::DonVi, 2030)),
            "90,0"
        );
    }
}
