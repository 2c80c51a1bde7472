//! Withdrawing or correcting a recognition decision as a whole, from the bulk
//! recognition sheet (F5): the sheet names the decision, a question shows its recorded
//! date and how many units it recognised, then one transaction changes them all. The
//! application layer does the work (`app::withdraw_decision`, `app::correct_decision`),
//! as it does for the `recognise --withdraw` command.

use super::state::{BulkField, SheetFields, SheetState, WithdrawField as S};
use crate::app::DecisionBatch;
use crate::model::{Decision, Title, Year};
use crate::text::format_count;
use crate::text::parse_date;
use crate::tui::app::{App, Confirm, Screen};
use crate::tui::theme::Role;

/// What the officer asked to do with a decision, held by the question until answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecisionFix {
    pub title: Title,
    pub year: Year,
    /// The number as typed, matched in any case.
    pub number: String,
    /// The decision as recorded, and how many units it recognised.
    pub batch: DecisionBatch,
    /// `None`: withdraw; `Some`: the corrected number and date.
    pub corrected: Option<Decision>,
}

impl DecisionFix {
    /// The question's text: the decision as recorded (number, date, units) and what
    /// will happen to it.
    pub fn question(&self) -> String {
        let units = format!(
            "{} {}",
            format_count(self.batch.count as u64),
            self.title.unit_kind().counter()
        );
        let recorded = format!(
            "QĐ {} ngày {} đã công nhận {units} đạt {} năm {}.",
            self.batch.decision.number,
            self.batch.decision.date.format("%d/%m/%Y"),
            self.title.short(),
            self.year
        );
        match &self.corrected {
            None => format!(
                "{recorded}\nRút lại: cả {units} về «Đã thẩm định», không còn quyết định (điểm giữ nguyên)."
            ),
            Some(d) => format!(
                "{recorded}\nSửa thành QĐ {} ngày {} cho cả {units}.",
                d.number,
                d.date.format("%d/%m/%Y")
            ),
        }
    }
}

impl App {
    /// F5 on the bulk sheet: the withdraw/correct sheet, with the title, year and
    /// number already typed there.
    pub(in crate::tui) fn open_withdraw(&mut self) {
        let Some(Screen::Sheet(sheet)) = self.stack.last() else {
            return;
        };
        let Some(form) = sheet.form_of::<BulkField>() else {
            return;
        };
        let title = Title::ALL
            .get(form.chosen(BulkField::Title).unwrap_or(0) as usize)
            .copied()
            .unwrap_or(Title::GiaDinh);
        let year = form.value(BulkField::Year).parse().unwrap_or(self.year);
        let number = form.value(BulkField::Number);
        self.stack
            .push(Screen::Sheet(SheetState::withdraw(title, year, &number)));
    }

    /// F2 on the withdraw/correct sheet: checks it, finds the decision, asks.
    pub(in crate::tui) fn save_withdraw(&mut self) {
        let Some(Screen::Sheet(SheetState { form, outcome, .. })) = self.stack.last_mut() else {
            return;
        };
        let Some(form) = S::form_mut(form) else {
            return;
        };
        let title = Title::ALL
            .get(form.chosen(S::Title).unwrap_or(0) as usize)
            .copied()
            .unwrap_or(Title::GiaDinh);
        let year_text = form.value(S::Year);
        let year = year_text
            .parse::<Year>()
            .ok()
            .filter(|y| (2000..=2100).contains(y));
        if year.is_none() {
            form.set_error(S::Year, format!("«{year_text}» không phải năm"));
        }
        let number = form.value(S::Number);
        if number.is_empty() {
            form.set_error(S::Number, "Cần số quyết định đã ghi");
        }
        let correcting = form.chosen(S::What) == Some(1);
        let new_number = form.value(S::NewNumber);
        let new_date_text = form.value(S::NewDate);
        let new_date = match new_date_text.as_str() {
            "" => None,
            text => match parse_date(text) {
                Ok(d) => Some(d),
                Err(reason) => {
                    form.set_error(S::NewDate, reason);
                    None
                }
            },
        };
        if correcting && new_number.is_empty() && new_date_text.is_empty() {
            form.set_error(S::NewNumber, "Gõ số mới, ngày mới hoặc cả hai");
        }
        if form.focus_first_error() {
            *outcome = Some("Còn ô sai: xem dấu ✗ rồi lưu lại".into());
            return;
        }
        let Some(year) = year else { return };
        let Some(register) = &self.register else {
            return;
        };
        let batch = match crate::app::decision_batch(register, title, year, &number) {
            Ok(Some(batch)) => batch,
            Ok(None) => {
                form.set_error(
                    S::Number,
                    format!(
                        "Không có {} nào được công nhận {} năm {year} theo QĐ {number}",
                        title.unit_kind().counter(),
                        title.short()
                    ),
                );
                form.focus_on(S::Number);
                return;
            }
            Err(e) => {
                *outcome = Some(format!("✗ {e}"));
                return;
            }
        };
        let corrected = correcting.then(|| batch.corrected(Some(new_number), new_date));
        self.confirm = Some(Confirm::FixDecision(Box::new(DecisionFix {
            title,
            year,
            number,
            batch,
            corrected,
        })));
    }

    /// The answer to the question: one transaction for every unit of the decision.
    pub(in crate::tui) fn fix_decision(&mut self, fix: DecisionFix) {
        let stamp = self.stamp();
        let result = self.write_recorded(|r| match &fix.corrected {
            None => crate::app::withdraw_decision(r, fix.title, fix.year, &fix.number, &stamp),
            Some(d) => crate::app::correct_decision(r, fix.title, fix.year, &fix.number, d, &stamp),
        });
        let changes = match result {
            Ok(changes) => changes,
            Err(e) => return self.fail(&e),
        };
        if fix.year == self.year
            && let Err(e) = self.load_year()
        {
            return self.fail(&e);
        }
        let units = format!(
            "{} {}",
            format_count(changes.len() as u64),
            fix.title.unit_kind().counter()
        );
        let text = match &fix.corrected {
            None => format!(
                "Đã rút lại QĐ {}: {units} về «Đã thẩm định»",
                fix.batch.decision.number
            ),
            Some(d) => format!(
                "Đã sửa QĐ {} thành QĐ {} ngày {} cho {units}",
                fix.batch.decision.number,
                d.number,
                d.date.format("%d/%m/%Y")
            ),
        };
        if let Some(Screen::Sheet(sheet)) = self.stack.last_mut() {
            sheet.outcome = Some(text.clone());
            sheet.form.set_changed(false);
        }
        self.say(text, Role::Good);
    }
}
