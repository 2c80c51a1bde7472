//! Adding and removing the parts of a set in the editor: an indicator after the one
//! with the cursor (its code the next free one), a criterion or a grade band at the end,
//! and removing the one the cursor is on.

use super::state::{
    CritField, CriterionInputs, EditorState, GradeField, GradeInputs, IndField, IndicatorInputs,
    Slot, input,
};
use crate::text::TextInput;

impl EditorState {
    /// Adds an indicator after the one with the cursor (or at the end of the criterion
    /// the cursor is in), its code the next free one, and puts the cursor on its text.
    pub fn add_indicator(&mut self) {
        let focused = self.focused();
        let ci = focused
            .and_then(Slot::criterion)
            .unwrap_or(self.criteria.len().saturating_sub(1));
        let Some(c) = self.criteria.get_mut(ci) else {
            return self.add_criterion();
        };
        let at = match focused {
            Some(Slot::Indicator(_, ii, _)) => ii + 1,
            _ => c.indicators.len(),
        };
        let prefix = c.code.value().trim().to_string();
        let taken: Vec<String> = c
            .indicators
            .iter()
            .map(|i| i.code.value().trim().to_string())
            .collect();
        let code = (1..)
            .map(|n| format!("{prefix}.{n}"))
            .find(|code| !taken.contains(code))
            .unwrap_or_default();
        let max = c
            .indicators
            .get(at.saturating_sub(1))
            .map_or_else(|| "10".to_string(), |i| i.max.value().to_string());
        c.indicators.insert(
            at.min(c.indicators.len()),
            IndicatorInputs {
                code: input(&code),
                text: TextInput::new(),
                pass_fail: false,
                max: input(if max.is_empty() { "10" } else { &max }),
                floor: TextInput::new(),
                mandatory: false,
            },
        );
        self.changed = true;
        self.recheck();
        self.focus_on(Slot::Indicator(ci, at, IndField::Text));
    }

    /// Adds a criterion at the end with one indicator, and puts the cursor on its name.
    pub fn add_criterion(&mut self) {
        let taken: Vec<String> = self
            .criteria
            .iter()
            .map(|c| c.code.value().trim().to_string())
            .collect();
        let code = (1..)
            .map(|n: u32| n.to_string())
            .find(|code| !taken.contains(code))
            .unwrap_or_default();
        self.criteria.push(CriterionInputs {
            code: input(&code),
            name: TextInput::new(),
            min_total: TextInput::new(),
            indicators: vec![IndicatorInputs {
                code: input(&format!("{code}.1")),
                text: TextInput::new(),
                pass_fail: false,
                max: input("10"),
                floor: TextInput::new(),
                mandatory: false,
            }],
        });
        self.changed = true;
        self.recheck();
        self.focus_on(Slot::Criterion(self.criteria.len() - 1, CritField::Name));
    }

    /// Adds a grade band at the end, and puts the cursor on its name.
    pub fn add_grade(&mut self) {
        self.grades.push(GradeInputs {
            name: TextInput::new(),
            min: TextInput::new(),
        });
        self.changed = true;
        self.recheck();
        self.focus_on(Slot::Grade(self.grades.len() - 1, GradeField::Name));
    }

    /// Removes the indicator, criterion or grade band the cursor is on; says what was
    /// removed, or why nothing was (a field of the set itself).
    pub fn remove(&mut self) -> Result<String, String> {
        let said = match self.focused() {
            Some(Slot::Indicator(c, i, _)) => {
                let Some(crit) = self.criteria.get_mut(c) else {
                    return Err(String::new());
                };
                if crit.indicators.len() == 1 {
                    return Err(
                        "Tiêu chí phải còn ít nhất một chỉ số; muốn bỏ cả tiêu chí thì đưa con trỏ lên mã hoặc tên tiêu chí".into(),
                    );
                }
                let gone = crit.indicators.remove(i);
                format!("Đã bỏ chỉ số {}", gone.code.value())
            }
            Some(Slot::Criterion(c, _)) => {
                if self.criteria.len() == 1 {
                    return Err("Bộ phải còn ít nhất một tiêu chí".into());
                }
                let gone = self.criteria.remove(c);
                format!(
                    "Đã bỏ tiêu chí {} cùng {} chỉ số",
                    gone.code.value(),
                    gone.indicators.len()
                )
            }
            Some(Slot::Grade(g, _)) if g < self.grades.len() => {
                let gone = self.grades.remove(g);
                format!("Đã bỏ xếp loại «{}»", gone.name.value())
            }
            _ => {
                return Err(
                    "Chỉ bỏ được một chỉ số, một tiêu chí hoặc một xếp loại: đưa con trỏ tới đó trước"
                        .into(),
                );
            }
        };
        self.changed = true;
        self.recheck();
        let last = self.fields().len().saturating_sub(1);
        self.focus = self.focus.min(last);
        Ok(said)
    }
}
