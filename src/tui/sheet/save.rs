//! What the sheets do when saved: a decision on one evaluation, bulk recognition, the
//! resolution's targets, the report's letterhead (withdrawing a decision is in
//! `withdraw`). One transaction each, then the counters and bars are brought up to
//! date.

use super::state::{
    BulkField, DecisionField, LetterheadField, SheetFields, SheetForm, SheetState, TargetField,
};
use crate::app::{StageChange, TargetEntry};
use crate::model::{Basis, Decision, Measure, ResolutionRef, Stage, Title, Year};
use crate::store::StoreError;
use crate::text::format_count;
use crate::text::{parse_date, parse_percent};
use crate::tui::app::{App, Confirm, Screen};
use crate::tui::theme::Role;
use crate::tui::widgets::form::Form;

impl App {
    fn save_letterhead(&mut self) {
        let Some(form) = self.sheet_form::<LetterheadField>() else {
            return;
        };
        use LetterheadField as S;
        let text = |key| form.value(key);
        let own = crate::model::Letterhead {
            superior: text(S::Superior),
            issuing_body: text(S::IssuingBody),
            number: text(S::Number),
            place: text(S::Place),
            signer_title: text(S::SignerTitle),
            signer_name: text(S::SignerName),
            recipients: form
                .value(S::Recipients)
                .split(';')
                .map(crate::text::clean_name)
                .filter(|r| !r.is_empty())
                .collect(),
        };
        for f in crate::store::validate::letterhead_findings(&own) {
            let field = match f.field.as_str() {
                "superior" => S::Superior,
                "issuing_body" => S::IssuingBody,
                "number" => S::Number,
                "place" => S::Place,
                "signer_title" => S::SignerTitle,
                "signer_name" => S::SignerName,
                _ => S::Recipients,
            };
            form.add_error(field, crate::text::limits::upper_first(&f.message));
        }
        if self.sheet_has_errors() {
            return;
        }
        let Some(register) = &self.register else {
            return;
        };
        match register.write(|w| w.set_letterhead(&own)) {
            Ok(()) => {
                self.stack.pop();
                if let Some(Screen::Report(state)) = self.stack.last() {
                    let (list, ascii) = (state.list, state.ascii);
                    self.rebuild_report(list, ascii);
                }
                self.say("Đã lưu phần đầu và phần ký của báo cáo", Role::Good);
            }
            Err(e) => {
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(format!("✗ {e}"));
                }
            }
        }
    }

    pub(super) fn save_sheet(&mut self) {
        let Some(Screen::Sheet(sheet)) = self.stack.last_mut() else {
            return;
        };
        sheet.form.clear_errors();
        sheet.form.check_lengths();
        match &sheet.form {
            SheetForm::Decision(_, about) => {
                let (key, passed) = (about.key, about.passed);
                self.save_decision(key, passed)
            }
            SheetForm::Bulk(_) => self.save_bulk(),
            SheetForm::Withdraw(_) => self.save_withdraw(),
            SheetForm::Targets(_, milestones) => {
                let milestones = milestones.clone();
                self.save_targets(&milestones)
            }
            SheetForm::Letterhead(_) => self.save_letterhead(),
        }
    }

    fn sheet_mut(&mut self) -> Option<&mut SheetState> {
        match self.stack.last_mut() {
            Some(Screen::Sheet(s)) => Some(s),
            _ => None,
        }
    }

    /// The form of the sheet on top when its fields are `F`.
    pub(in crate::tui) fn sheet_form<F: SheetFields>(&mut self) -> Option<&mut Form<F>> {
        self.sheet_mut()?.form_of_mut()
    }

    /// Marks the first bad field and says so; returns true when the sheet has errors.
    fn sheet_has_errors(&mut self) -> bool {
        let Some(sheet) = self.sheet_mut() else {
            return true;
        };
        if !sheet.form.focus_first_error() {
            return false;
        }
        sheet.outcome = Some("Còn ô sai: xem dấu ✗ rồi lưu lại".into());
        true
    }

    /// The decision typed in a sheet's `number` and `date`, each wrong one marked.
    fn decision_fields<F: Copy + Eq>(form: &mut Form<F>, number: F, date: F) -> Option<Decision> {
        let number_text = form.value(number);
        if number_text.is_empty() {
            form.set_error(number, "Cần số quyết định");
        }
        let parsed = parse_date(&form.value(date));
        if let Err(reason) = &parsed {
            form.set_error(date, reason.clone());
        }
        Some(Decision {
            number: number_text,
            date: parsed.ok()?,
        })
        .filter(|d| !d.number.is_empty())
    }

    fn save_decision(&mut self, key: crate::model::EvaluationKey, passed: bool) {
        use DecisionField as D;
        let Some(form) = self.sheet_form::<DecisionField>() else {
            return;
        };
        let recognise = form.chosen(D::Recognise) == Some(0);
        // Not recognising often has no numbered decision (the council simply does not
        // propose the unit): the number is asked for only when one is typed.
        let decision = if recognise || !form.value(D::Number).is_empty() {
            Self::decision_fields(form, D::Number, D::Date)
        } else {
            None
        };
        let reason = form.value(D::Reason);
        // A decision dated before the unit registered is a typing mistake (a wrong year).
        let registered_on = self
            .register
            .as_ref()
            .and_then(|r| r.read().and_then(|r| r.evaluation(key)).ok().flatten())
            .and_then(|e| e.registered_on);
        let Some(form) = self.sheet_form::<DecisionField>() else {
            return;
        };
        if let (Some(d), Some(on)) = (&decision, registered_on)
            && d.date < on
        {
            form.set_error(
                D::Date,
                format!(
                    "Ngày quyết định trước ngày đăng ký {}",
                    on.format("%d/%m/%Y")
                ),
            );
        }
        if recognise && !passed && reason.is_empty() {
            form.set_error(
                D::Reason,
                "Đơn vị chưa đạt: phải ghi lý do mới công nhận được",
            );
        }
        if self.sheet_has_errors() {
            return;
        }
        let change = StageChange {
            stage: if recognise {
                Stage::Recognised
            } else {
                Stage::NotRecognised
            },
            decision,
            override_reason: (recognise && !passed).then_some(reason),
        };
        let stamp = self.stamp();
        match self.write_recorded(|r| crate::app::set_stage(r, key, &change, &stamp)) {
            Ok(done) => {
                self.stack.pop();
                if change.decision.is_some() {
                    self.last_decision.clone_from(&change.decision);
                }
                if self.after_change(&done) {
                    self.say(
                        format!("Đã ghi quyết định: {}", change.stage.label()),
                        Role::Good,
                    );
                }
            }
            Err(e) => {
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(format!("✗ {e}"));
                }
            }
        }
    }

    fn save_bulk(&mut self) {
        use BulkField as B;
        let Some(form) = self.sheet_form::<BulkField>() else {
            return;
        };
        let title = Title::ALL
            .get(form.chosen(B::Title).unwrap_or(0) as usize)
            .copied()
            .unwrap_or(Title::GiaDinh);
        let year_text = form.value(B::Year);
        let year = year_text
            .parse::<Year>()
            .ok()
            .filter(|y| (2000..=2100).contains(y));
        if year.is_none() {
            form.set_error(B::Year, format!("«{year_text}» không phải năm"));
        }
        let decision = Self::decision_fields(form, B::Number, B::Date);
        if self.sheet_has_errors() {
            return;
        }
        let (Some(year), Some(decision)) = (year, decision) else {
            return;
        };
        // Nothing is written before the officer has seen how many units it touches.
        match self.bulk_candidates(title, year) {
            Ok(0) => {
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(format!(
                        "Không có {} nào đạt {} năm {year} mà chưa có quyết định: không ghi gì.",
                        title.unit_kind().counter(),
                        title.short()
                    ));
                }
            }
            Ok(count) => {
                self.confirm = Some(Confirm::Bulk {
                    title,
                    year,
                    decision,
                    count,
                })
            }
            Err(e) => {
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(format!("✗ {e}"));
                }
            }
        }
    }

    /// How many units bulk recognition would recognise (`app::bulk_candidates`).
    fn bulk_candidates(&self, title: Title, year: Year) -> Result<usize, StoreError> {
        let loaded;
        let census = if year == self.year {
            &self.census
        } else {
            let Some(register) = &self.register else {
                return Ok(0);
            };
            loaded = crate::app::load_census(&register.read()?, year)?;
            &loaded
        };
        Ok(crate::app::bulk_candidates(census, title).count())
    }

    /// Enter on the bulk question: recognises every passing unit in one transaction.
    pub(in crate::tui) fn recognise_bulk(&mut self, title: Title, year: Year, decision: Decision) {
        let stamp = self.stamp();
        let result = self
            .write_recorded(|r| crate::app::recognise_passing(r, title, year, &decision, &stamp));
        match result {
            Ok(changes) => {
                self.last_decision = Some(decision.clone());
                self.after_bulk(year, title, &changes);
                let text = format!(
                    "Đã công nhận {} {} đạt {} năm {year} theo QĐ {}.",
                    format_count(changes.len() as u64),
                    title.unit_kind().counter(),
                    title.short(),
                    decision.number
                );
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(text.clone());
                    sheet.form.set_changed(false);
                }
                self.say(text, Role::Good);
            }
            Err(e) => {
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(format!("✗ {e}"));
                }
            }
        }
    }

    /// After bulk recognition: every change is a passing evaluation now recognised, so
    /// its status is known without rescoring; the counters move one unit at a time, and
    /// the summary and list are refreshed once at the end (not once per unit).
    fn after_bulk(&mut self, year: Year, title: Title, changes: &[crate::model::Change]) {
        if year != self.year {
            return;
        }
        for change in changes {
            // Recognition leaves the holder's digital skills as they were.
            let recognised = crate::tally::Status {
                registered: true,
                scored: true,
                passed: true,
                recognised: true,
                skills: self.census.status(title, change.key.unit).skills,
            };
            self.tally
                .apply(&mut self.census, title, change.key.unit, recognised);
        }
        self.refresh_summary();
        if let Some(list) = self.lists.get_mut(&title.unit_kind()) {
            list.refilter(&self.census, true);
        }
    }

    fn save_targets(&mut self, milestones: &[Year]) {
        use TargetField as T;
        let Some(form) = self.sheet_form::<TargetField>() else {
            return;
        };
        let number = form.value(T::Number);
        let date_text = form.value(T::Date);
        let date = if date_text.is_empty() {
            None
        } else {
            match parse_date(&date_text) {
                Ok(d) => Some(d),
                Err(reason) => {
                    form.set_error(T::Date, reason);
                    None
                }
            }
        };
        let body = form.value(T::Body);
        let mut wanted: Vec<TargetEntry> = Vec::new();
        for measure in Measure::ALL {
            for &milestone in milestones {
                let key = T::Target(measure, milestone);
                match parse_percent(&form.value(key)) {
                    Ok(tenths) => wanted.push((measure, Basis::Total, milestone, tenths)),
                    Err(reason) => form.set_error(key, reason),
                }
            }
        }
        if number.is_empty() && wanted.iter().any(|(_, _, _, t)| t.is_some()) {
            form.set_error(
                T::Number,
                "Cần số nghị quyết (mục tiêu lấy từ nghị quyết nào)",
            );
        }
        if self.sheet_has_errors() {
            return;
        }
        let resolution = ResolutionRef { number, date, body };
        let Some(register) = &self.register else {
            return;
        };
        let saved = crate::app::set_targets(register, &resolution, &wanted);
        let reloaded = saved.and_then(|()| register.read()?.targets());
        match reloaded {
            Ok(targets) => {
                self.targets = targets;
                self.refresh_summary();
                self.stack.pop();
                let count = wanted.iter().filter(|(_, _, _, t)| t.is_some()).count();
                self.say(
                    format!(
                        "Đã lưu {count} mục tiêu của nghị quyết {}",
                        resolution.number
                    ),
                    Role::Good,
                );
            }
            Err(e) => {
                if let Some(sheet) = self.sheet_mut() {
                    sheet.outcome = Some(format!("✗ {e}"));
                }
            }
        }
    }
}
