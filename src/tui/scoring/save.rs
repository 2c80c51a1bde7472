//! Every write the scoring screen makes: one indicator, last year's values, a stage, a
//! decision (history and undo are in `history_save`). Each is one `Register`
//! transaction; afterwards only the counters the evaluation touches move
//! (`App::apply_status`), so the home bars and breakdowns follow every save without
//! rescanning the register.

use crate::app::StageChange;
use crate::criteria::status_of;
use crate::model::Change;
use crate::model::{EvaluationKey, Stage};
use crate::store::StoreError;
use crate::tally::Status;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::detail::DetailState;
use crate::tui::sheet::SheetState;
use crate::tui::theme::Role;

/// A key of the scoring screen, named from the command table in its messages.
fn scoring_key(action: &Action) -> String {
    crate::tui::keymap::key_label(crate::tui::keymap::Ctx::Scoring, action)
}

impl App {
    /// Enter: saves the typed value, or moves on when nothing is typed.
    pub(super) fn save_typed(&mut self) {
        let Some(state) = self.scoring_mut() else {
            return;
        };
        let parsed = state.parsed_input();
        match parsed {
            Err(message) => {
                // Refused: nothing is written; the typed value stays to be corrected.
                state.error = Some(message);
            }
            Ok(None) => state.move_by(1),
            Ok(Some((code, value))) => {
                let (key, entry) = (state.key(), state.entry.clone());
                let stamp = self.stamp();
                let written = self.write_recorded(|register| {
                    crate::app::set_score(register, key, &code, Some(value), &entry, &stamp)
                });
                match written {
                    Ok(change) => {
                        self.after_change(&change);
                        if let Some(state) = self.scoring_mut() {
                            let last = state.count().saturating_sub(1);
                            state.input.clear();
                            if state.cursor < last {
                                state.move_by(1);
                            }
                        }
                    }
                    Err(e) => self.refuse(e),
                }
            }
        }
    }

    /// On hang-up: the typed value, when valid, is saved like Enter would. Returns
    /// whether it was written.
    pub(in crate::tui) fn save_typed_before_exit(&mut self) -> bool {
        let before = self.session_changes.len();
        self.save_typed();
        self.session_changes.len() > before
    }

    /// A write refused by the register (a decided evaluation, a bad value) is shown on
    /// the scoring screen; nothing was saved.
    fn refuse(&mut self, e: StoreError) {
        let text = match &e {
            StoreError::Invalid(m) => m.clone(),
            other => other.to_string(),
        };
        match self.scoring_mut() {
            // Short enough for 80 columns, and it names the key that unlocks the scores.
            Some(state)
                if matches!(e, StoreError::Invalid(_))
                    && state
                        .evaluation
                        .as_ref()
                        .is_some_and(|ev| ev.stage.is_decided()) =>
            {
                state.error = Some(format!(
                    "Đã có quyết định: bấm {} để lùi giai đoạn rồi sửa điểm",
                    scoring_key(&Action::StageBack)
                ));
            }
            Some(state) => state.error = Some(format!("Không lưu: {text}")),
            None => self.fail(&e),
        }
    }

    /// Delete: the indicator under the cursor becomes "not scored" (saved at once).
    pub(super) fn clear_value(&mut self) {
        let Some(state) = self.scoring_mut() else {
            return;
        };
        if !state.input.is_empty() {
            state.input.clear();
            return;
        }
        let Some(code) = state.current_code() else {
            return;
        };
        if state.value_of(&code).is_none() {
            return;
        }
        let (key, entry) = (state.key(), state.entry.clone());
        let stamp = self.stamp();
        match self.write_recorded(|r| crate::app::set_score(r, key, &code, None, &entry, &stamp)) {
            Ok(change) => {
                if self.after_change(&change) {
                    self.say(format!("Đã xóa điểm chỉ số {code}"), Role::Warning);
                }
            }
            Err(e) => self.refuse(e),
        }
    }

    /// The status of an evaluation after a change, under its own criteria version.
    fn status_after(&self, change: &Change) -> Result<Status, StoreError> {
        let Some(new) = &change.new else {
            return Ok(Status::default());
        };
        if let Some(Screen::Scoring(s)) = self.stack.last()
            && s.entry.hash == new.criteria_hash
        {
            return Ok(status_of(new, s.set()));
        }
        let Some(register) = &self.register else {
            return Ok(Status::default());
        };
        Ok(status_of(new, &crate::app::criteria_of(register, new)?))
    }

    /// After any change to an evaluation: the counters, and every open screen that
    /// shows it. Returns false when the counters had to be rebuilt and the message line
    /// already says why (callers then leave it there).
    pub(in crate::tui) fn after_change(&mut self, change: &Change) -> bool {
        // The screens first: the change is saved whatever the counters do next.
        self.show_change(change);
        if change.key.year != self.year {
            return true;
        }
        match self.status_after(change) {
            Ok(status) => {
                self.apply_status(change.key.title, change.key.unit, status);
                true
            }
            Err(e) => {
                // The incremental step is unknown, so the year is counted afresh.
                let recount = match self.load_year() {
                    Ok(()) => "đã đếm lại cả năm".to_string(),
                    Err(again) => format!("đếm lại cũng lỗi: {again}"),
                };
                self.say(
                    format!("Đã lưu, nhưng không tính lại được kết quả ({e}); {recount}"),
                    Role::Warning,
                );
                false
            }
        }
    }

    /// Every open screen that shows the changed evaluation shows its new value.
    fn show_change(&mut self, change: &Change) {
        let key = change.key;
        let mut reload = Vec::new();
        for screen in &mut self.stack {
            match screen {
                Screen::Scoring(s) if s.key() == key => s.evaluation = change.new.clone(),
                Screen::Detail(d) if d.id == key.unit && d.unit.kind() == key.title.unit_kind() => {
                    reload.push(d.unit.kind());
                }
                _ => {}
            }
        }
        if reload.is_empty() {
            return;
        }
        let Some(register) = &self.register else {
            return;
        };
        let fresh = register
            .read()
            .and_then(|r| DetailState::load(&r, key.title.unit_kind(), key.unit, self.year));
        if let Ok(Some(fresh)) = fresh {
            for screen in &mut self.stack {
                if let Screen::Detail(d) = screen
                    && d.id == key.unit
                    && d.unit.kind() == key.title.unit_kind()
                {
                    *d = fresh.clone();
                }
            }
        }
    }

    /// PgDn / PgUp: the next (previous) unit of the same list and filter that is not
    /// fully scored for this title and year.
    pub(super) fn next_unscored(&mut self, forward: bool) {
        let Some(Screen::Scoring(state)) = self.stack.last() else {
            return;
        };
        let (title, id) = (state.title, state.id);
        let Some((kind, remembered)) = state.from_list else {
            return self.say(
                "Mở màn hình chấm điểm từ danh sách để chuyển nhanh sang đơn vị sau",
                Role::Warning,
            );
        };
        let census = &self.census;
        let Some(list) = self.lists.get_mut(&kind) else {
            return;
        };
        let here = list
            .visible
            .iter()
            .position(|&i| list.rows.get(i).is_some_and(|r| r.id == id));
        // The unit may have left the filtered list (fully scored under "chưa chấm"):
        // then the row now at its old place is the next one.
        let candidates: Vec<usize> = if forward {
            let start = here.map_or(remembered, |h| h + 1);
            (start..list.visible.len()).collect()
        } else {
            let end = here.unwrap_or(remembered);
            (0..end.min(list.visible.len())).rev().collect()
        };
        let found = candidates.into_iter().find_map(|p| {
            let row = list.visible.get(p).and_then(|&i| list.rows.get(i))?;
            (!census.status(title, row.id).scored).then_some((p, row.id))
        });
        let Some((position, next)) = found else {
            let where_ = if forward { "sau" } else { "trước" };
            return self.say(
                format!("Không còn đơn vị nào {where_} chưa chấm đủ trong danh sách này"),
                Role::Good,
            );
        };
        list.selected = position;
        list.scroll_into_view(self.page_rows);
        match self.load_scoring(kind, next, Some((kind, position))) {
            Ok(state) => {
                if let Some(Screen::Scoring(top)) = self.stack.last_mut() {
                    **top = state;
                }
            }
            Err(message) => self.say(message, Role::Error),
        }
    }

    /// F6: last year's values for the indicators not scored yet, in one transaction.
    pub(super) fn take_last_year(&mut self) {
        let Some(Screen::Scoring(state)) = self.stack.last() else {
            return;
        };
        let Some((from, last)) = state.last_year.clone() else {
            return self.say(
                "Các năm trước đơn vị này chưa có điểm".to_string(),
                Role::Warning,
            );
        };
        let (key, entry) = (state.key(), state.entry.clone());
        let stamp = self.stamp();
        let result = self.write_recorded(|register| {
            crate::app::take_previous_values(register, key, &last, &entry, &stamp)
        });
        match result {
            Ok(Some((change, copied))) => {
                let counted = self.after_change(&change);
                if let Some(state) = self.scoring_mut() {
                    state.cursor = state.first_missing().unwrap_or(state.cursor);
                }
                if counted {
                    self.say(
                        format!(
                            "Đã lấy điểm năm {from} cho {copied} chỉ số chưa chấm; hãy xem lại"
                        ),
                        Role::Good,
                    );
                }
            }
            Ok(None) => self.say(
                "Không có chỉ số chưa chấm nào lấy được điểm năm trước",
                Role::Warning,
            ),
            Err(e) => self.refuse(e),
        }
    }

    /// F7: registers the unit (with today's date) or moves it one stage on.
    pub(super) fn stage_forward(&mut self) {
        let Some(Screen::Scoring(state)) = self.stack.last() else {
            return;
        };
        let (key, entry) = (state.key(), state.entry.clone());
        let stamp = self.stamp();
        let next = match state.evaluation.as_ref().map(|e| e.stage) {
            None => {
                let today = stamp.at.date();
                let result = self.write_recorded(|register| {
                    crate::app::register_for_title(register, key, &entry, today, &stamp)
                });
                return self.after_stage(result);
            }
            Some(Stage::Registered) => Stage::SelfAssessed,
            Some(Stage::SelfAssessed) => Stage::Reviewed,
            Some(Stage::Reviewed) => {
                return self.say(
                    format!(
                        "Đã thẩm định: bấm {} để ghi quyết định",
                        scoring_key(&Action::Decide)
                    ),
                    Role::Warning,
                );
            }
            Some(_) => {
                return self.say(
                    format!(
                        "Đã có quyết định; {} để lùi giai đoạn nếu cần sửa",
                        scoring_key(&Action::StageBack)
                    ),
                    Role::Warning,
                );
            }
        };
        self.move_stage(key, next);
    }

    /// F5: one stage back (a decision is removed, so scores can be corrected).
    pub(super) fn stage_back(&mut self) {
        let Some(Screen::Scoring(state)) = self.stack.last() else {
            return;
        };
        let key = state.key();
        let back = match state.evaluation.as_ref().map(|e| e.stage) {
            // Moving back drops the decision: asked first, as every removal is.
            Some(stage @ (Stage::Recognised | Stage::NotRecognised)) => {
                let decision = state.evaluation.as_ref().and_then(|e| e.decision.clone());
                self.confirm = Some(crate::tui::app::Confirm::DropDecision {
                    key,
                    stage,
                    decision,
                });
                return;
            }
            Some(Stage::Reviewed) => Stage::SelfAssessed,
            Some(Stage::SelfAssessed) => Stage::Registered,
            Some(Stage::Registered) | None => {
                return self.say("Đang ở giai đoạn đầu", Role::Warning);
            }
        };
        self.move_stage(key, back);
    }

    pub(in crate::tui) fn move_stage(&mut self, key: EvaluationKey, stage: Stage) {
        let change = StageChange {
            stage,
            decision: None,
            override_reason: None,
        };
        let stamp = self.stamp();
        let result = self.write_recorded(|r| crate::app::set_stage(r, key, &change, &stamp));
        self.after_stage(result);
    }

    fn after_stage(&mut self, result: Result<Change, StoreError>) {
        match result {
            Ok(change) => {
                if self.after_change(&change) {
                    let label = change.new.as_ref().map_or("", |e| e.stage.label());
                    self.say(format!("Giai đoạn: {label}"), Role::Good);
                }
            }
            Err(e) => self.refuse(e),
        }
    }

    /// F3 (CDHT): the holder's digital skills move on to the next value, saved at once.
    pub(super) fn cycle_skills(&mut self) {
        let Some(Screen::Scoring(state)) = self.stack.last() else {
            return;
        };
        if state.title != crate::model::Title::CongDan {
            return self.say(
                "Kỹ năng số chỉ ghi cho công dân học tập (CDHT)",
                Role::Warning,
            );
        }
        let Some(current) = state.evaluation.as_ref() else {
            return self.say(
                format!(
                    "Công dân chưa đăng ký CDHT năm nay: chấm điểm hoặc {} để đăng ký trước",
                    scoring_key(&Action::StageForward)
                ),
                Role::Warning,
            );
        };
        let next = crate::model::DigitalSkills::cycle(current.digital_skills);
        let key = state.key();
        let stamp = self.stamp();
        match self.write_recorded(|r| crate::app::set_digital_skills(r, key, next, &stamp)) {
            Ok(change) => {
                if self.after_change(&change) {
                    self.say(
                        format!(
                            "Kỹ năng số: {}",
                            crate::model::DigitalSkills::label_of(next)
                        ),
                        Role::Good,
                    );
                }
            }
            Err(e) => self.refuse(e),
        }
    }

    /// F8: the decision form; a unit that does not pass gets the override reason field.
    pub(super) fn open_decision(&mut self) {
        let Some(Screen::Scoring(state)) = self.stack.last() else {
            return;
        };
        if state.evaluation.is_none() {
            return self.say(
                format!(
                    "Đơn vị chưa đăng ký năm nay: chấm điểm hoặc {} để đăng ký trước",
                    scoring_key(&Action::StageForward)
                ),
                Role::Warning,
            );
        }
        let score = state.score();
        let failures = crate::app::not_passed_reasons(&score);
        let sheet = SheetState::decision(
            state.key(),
            state.kind,
            format!("{} {}", state.code, state.name),
            score.passed,
            failures,
            self.stamp().at.date(),
            self.last_decision.as_ref(),
        );
        self.stack.push(Screen::Sheet(sheet));
    }
}
