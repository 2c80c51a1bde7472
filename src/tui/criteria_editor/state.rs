//! What the criteria editor holds while a set is typed: one text input per value of the
//! set (its name, years, legal source, minimum total, grade bands, criteria and
//! indicators), the field with the cursor, and the problems of the set as it stands.
//!
//! The inputs turn into a [`CriteriaSet`] on every change and are checked (`reading`);
//! indicators, criteria and grade bands are added and removed in `structure`.

use crate::criteria::draft::{self, Severity};
use crate::criteria::{CriteriaSet, Criterion, Indicator, IndicatorKind, Scope, Status};
use crate::model::Title;
use crate::text::TextInput;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetField {
    Name,
    Title,
    From,
    To,
    /// The kind of document ("Quyết định"), or a source that does not split in parts.
    Doc,
    Number,
    Date,
    Body,
    Checked,
    MinTotal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GradeField {
    Name,
    Min,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CritField {
    Code,
    Name,
    MinTotal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IndField {
    Code,
    Text,
    Kind,
    Max,
    Floor,
    Mandatory,
}

/// One value the cursor can be on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Set(SetField),
    Grade(usize, GradeField),
    Criterion(usize, CritField),
    Indicator(usize, usize, IndField),
}

impl Slot {
    /// The criterion the slot belongs to, if any.
    pub fn criterion(self) -> Option<usize> {
        match self {
            Slot::Criterion(c, _) | Slot::Indicator(c, _, _) => Some(c),
            _ => None,
        }
    }

    /// Whether the slot is a choice (← → change it) rather than typed text.
    pub fn is_choice(self) -> bool {
        matches!(
            self,
            Slot::Set(SetField::Title | SetField::Checked)
                | Slot::Indicator(_, _, IndField::Kind | IndField::Mandatory)
        )
    }
}

/// What the editor starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Start {
    Blank,
    /// A set shipped with the program (or a TOML file): the office's copy gets its own id.
    Shipped,
    /// A set the office entered: the new version keeps its id.
    Office,
}

/// One line of the editor: a heading, or a field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Line {
    Heading(String),
    Field(Slot),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndicatorInputs {
    pub code: TextInput,
    pub text: TextInput,
    pub pass_fail: bool,
    pub max: TextInput,
    pub floor: TextInput,
    pub mandatory: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CriterionInputs {
    pub code: TextInput,
    pub name: TextInput,
    pub min_total: TextInput,
    pub indicators: Vec<IndicatorInputs>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GradeInputs {
    pub name: TextInput,
    pub min: TextInput,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EditorState {
    /// The id kept from an office set being edited again; `None`: made from the title
    /// and the first year, as `criteria import` makes it.
    pub id: Option<String>,
    pub scope: Scope,
    pub status_note: String,
    /// What the set was started from, for the box title.
    pub started_from: String,
    pub title: Title,
    pub checked: bool,
    pub name: TextInput,
    pub from: TextInput,
    pub to: TextInput,
    pub doc: TextInput,
    pub number: TextInput,
    pub date: TextInput,
    pub body: TextInput,
    pub min_total: TextInput,
    pub grades: Vec<GradeInputs>,
    pub criteria: Vec<CriterionInputs>,
    /// Index into [`EditorState::fields`].
    pub focus: usize,
    /// First line shown.
    pub top: usize,
    pub changed: bool,
    /// The problems of the set as it stands, kept current after every change.
    pub issues: Vec<(Slot, Severity, String)>,
}

pub(super) fn input(text: &str) -> TextInput {
    TextInput::with_value(text)
}

fn number_text(n: Option<u16>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

fn indicator_inputs(i: &Indicator) -> IndicatorInputs {
    let points = i.kind == IndicatorKind::Points;
    IndicatorInputs {
        code: input(&i.code),
        text: input(&i.text),
        pass_fail: !points,
        max: input(&if points {
            i.max.to_string()
        } else {
            String::new()
        }),
        floor: input(&number_text(i.floor)),
        mandatory: i.mandatory,
    }
}

fn criterion_inputs(c: &Criterion) -> CriterionInputs {
    CriterionInputs {
        code: input(&c.code),
        name: input(&c.name),
        min_total: input(&number_text(c.min_total)),
        indicators: c.indicators.iter().map(indicator_inputs).collect(),
    }
}

impl EditorState {
    /// The editor on `set`: a copy to make the office's own version of (a shipped set,
    /// or the set in force), or a blank set. `started_from` says which, for the title.
    pub fn new(set: &CriteriaSet, start: Start, started_from: String) -> EditorState {
        let set = draft::starting_from(set);
        // A provisional shipped set's source describes how it was made, not a legal
        // text: the office types the document it has on paper.
        let source = if set.status == Status::Provisional && start == Start::Shipped {
            [String::new(), String::new(), String::new(), String::new()]
        } else {
            super::source::split_source(&set.source)
        };
        let [doc, number, date, body] = source;
        let mut state = EditorState {
            id: (start == Start::Office).then(|| set.id.clone()),
            scope: set.scope,
            // The note of a shipped provisional set explains that set; saving writes the
            // office's own ("chưa đối chiếu văn bản gốc") unless it is checked.
            status_note: String::new(),
            started_from,
            title: set.title,
            checked: set.status == Status::Verified,
            name: input(&set.name),
            from: input(&set.valid_from.to_string()),
            to: input(&set.valid_to.map(|y| y.to_string()).unwrap_or_default()),
            doc: input(&doc),
            number: input(&number),
            date: input(&date),
            body: input(&body),
            min_total: input(&number_text(set.min_total)),
            grades: set
                .grades
                .iter()
                .map(|g| GradeInputs {
                    name: input(&g.name),
                    min: input(&g.min_total.to_string()),
                })
                .collect(),
            criteria: set.criteria.iter().map(criterion_inputs).collect(),
            focus: 0,
            top: 0,
            changed: false,
            issues: Vec::new(),
        };
        state.recheck();
        state
    }

    /// Every line, headings and fields, in the order shown.
    pub fn lines(&self) -> Vec<Line> {
        use SetField as S;
        let mut lines: Vec<Line> = [
            S::Name,
            S::Title,
            S::From,
            S::To,
            S::Doc,
            S::Number,
            S::Date,
            S::Body,
            S::Checked,
            S::MinTotal,
        ]
        .into_iter()
        .map(|f| Line::Field(Slot::Set(f)))
        .collect();
        let add = crate::tui::keymap::key_label(
            crate::tui::keymap::Ctx::CriteriaEditor,
            &crate::tui::action::Action::Criteria(super::CriteriaAction::AddGrade),
        );
        lines.push(Line::Heading(if self.grades.is_empty() {
            format!("Xếp loại: không có ({add}: thêm)")
        } else {
            format!("Xếp loại, cao nhất trước ({add}: thêm)")
        }));
        for g in 0..self.grades.len() {
            lines.push(Line::Field(Slot::Grade(g, GradeField::Name)));
            lines.push(Line::Field(Slot::Grade(g, GradeField::Min)));
        }
        for (ci, c) in self.criteria.iter().enumerate() {
            let max: u32 = c
                .indicators
                .iter()
                .filter(|i| !i.pass_fail)
                .filter_map(|i| {
                    super::reading::parse_number(i.max.value(), 1000)
                        .ok()
                        .flatten()
                })
                .map(u32::from)
                .sum();
            lines.push(Line::Heading(format!(
                "Tiêu chí {} · {} chỉ số · tối đa {max} điểm",
                c.code.value(),
                c.indicators.len()
            )));
            for f in [CritField::Code, CritField::Name, CritField::MinTotal] {
                lines.push(Line::Field(Slot::Criterion(ci, f)));
            }
            for (ii, i) in c.indicators.iter().enumerate() {
                let mut fields = vec![IndField::Code, IndField::Text, IndField::Kind];
                if !i.pass_fail {
                    fields.extend([IndField::Max, IndField::Floor]);
                }
                fields.push(IndField::Mandatory);
                for f in fields {
                    lines.push(Line::Field(Slot::Indicator(ci, ii, f)));
                }
            }
        }
        lines
    }

    /// The fields alone, in order: what the cursor moves through.
    pub fn fields(&self) -> Vec<Slot> {
        self.lines()
            .into_iter()
            .filter_map(|l| match l {
                Line::Field(s) => Some(s),
                Line::Heading(_) => None,
            })
            .collect()
    }

    pub fn focused(&self) -> Option<Slot> {
        self.fields().get(self.focus).copied()
    }

    /// Puts the cursor on `slot` (or the nearest field before it once it is gone).
    pub fn focus_on(&mut self, slot: Slot) {
        let fields = self.fields();
        self.focus = fields
            .iter()
            .position(|s| *s == slot)
            .unwrap_or(self.focus.min(fields.len().saturating_sub(1)));
    }

    pub fn input(&self, slot: Slot) -> Option<&TextInput> {
        use SetField as S;
        Some(match slot {
            Slot::Set(S::Name) => &self.name,
            Slot::Set(S::From) => &self.from,
            Slot::Set(S::To) => &self.to,
            Slot::Set(S::Doc) => &self.doc,
            Slot::Set(S::Number) => &self.number,
            Slot::Set(S::Date) => &self.date,
            Slot::Set(S::Body) => &self.body,
            Slot::Set(S::MinTotal) => &self.min_total,
            Slot::Set(S::Title | S::Checked) => return None,
            Slot::Grade(g, f) => {
                let g = self.grades.get(g)?;
                match f {
                    GradeField::Name => &g.name,
                    GradeField::Min => &g.min,
                }
            }
            Slot::Criterion(c, f) => {
                let c = self.criteria.get(c)?;
                match f {
                    CritField::Code => &c.code,
                    CritField::Name => &c.name,
                    CritField::MinTotal => &c.min_total,
                }
            }
            Slot::Indicator(c, i, f) => {
                let i = self.criteria.get(c)?.indicators.get(i)?;
                match f {
                    IndField::Code => &i.code,
                    IndField::Text => &i.text,
                    IndField::Max => &i.max,
                    IndField::Floor => &i.floor,
                    IndField::Kind | IndField::Mandatory => return None,
                }
            }
        })
    }

    pub fn input_mut(&mut self, slot: Slot) -> Option<&mut TextInput> {
        use SetField as S;
        Some(match slot {
            Slot::Set(S::Name) => &mut self.name,
            Slot::Set(S::From) => &mut self.from,
            Slot::Set(S::To) => &mut self.to,
            Slot::Set(S::Doc) => &mut self.doc,
            Slot::Set(S::Number) => &mut self.number,
            Slot::Set(S::Date) => &mut self.date,
            Slot::Set(S::Body) => &mut self.body,
            Slot::Set(S::MinTotal) => &mut self.min_total,
            Slot::Set(S::Title | S::Checked) => return None,
            Slot::Grade(g, f) => {
                let g = self.grades.get_mut(g)?;
                match f {
                    GradeField::Name => &mut g.name,
                    GradeField::Min => &mut g.min,
                }
            }
            Slot::Criterion(c, f) => {
                let c = self.criteria.get_mut(c)?;
                match f {
                    CritField::Code => &mut c.code,
                    CritField::Name => &mut c.name,
                    CritField::MinTotal => &mut c.min_total,
                }
            }
            Slot::Indicator(c, i, f) => {
                let i = self.criteria.get_mut(c)?.indicators.get_mut(i)?;
                match f {
                    IndField::Code => &mut i.code,
                    IndField::Text => &mut i.text,
                    IndField::Max => &mut i.max,
                    IndField::Floor => &mut i.floor,
                    IndField::Kind | IndField::Mandatory => return None,
                }
            }
        })
    }

    /// The value a choice shows.
    pub fn choice_label(&self, slot: Slot) -> Option<&'static str> {
        Some(match slot {
            Slot::Set(SetField::Title) => self.title.name(),
            Slot::Set(SetField::Checked) if self.checked => "Đã đối chiếu văn bản gốc",
            Slot::Set(SetField::Checked) => "Chưa đối chiếu",
            Slot::Indicator(c, i, f) => {
                let i = self.criteria.get(c)?.indicators.get(i)?;
                match f {
                    IndField::Kind if i.pass_fail => "Đạt/không đạt",
                    IndField::Kind => "Chấm điểm",
                    IndField::Mandatory if i.mandatory => "Bắt buộc",
                    IndField::Mandatory => "Không bắt buộc",
                    _ => return None,
                }
            }
            _ => return None,
        })
    }

    /// ← or → on a choice.
    pub fn cycle(&mut self, slot: Slot, forward: bool) {
        match slot {
            Slot::Set(SetField::Title) => {
                let n = Title::ALL.len();
                let at = Title::ALL
                    .iter()
                    .position(|t| *t == self.title)
                    .unwrap_or(0);
                let next = if forward {
                    (at + 1) % n
                } else {
                    (at + n - 1) % n
                };
                if let Some(t) = Title::ALL.get(next) {
                    self.title = *t;
                }
            }
            Slot::Set(SetField::Checked) => self.checked = !self.checked,
            Slot::Indicator(c, i, f) => {
                if let Some(ind) = self
                    .criteria
                    .get_mut(c)
                    .and_then(|c| c.indicators.get_mut(i))
                {
                    match f {
                        IndField::Kind => ind.pass_fail = !ind.pass_fail,
                        IndField::Mandatory => ind.mandatory = !ind.mandatory,
                        _ => return,
                    }
                }
            }
            _ => return,
        }
        self.changed = true;
        self.recheck();
    }

    /// The problems of one field, errors first.
    pub fn issues_of(&self, slot: Slot) -> Vec<(Severity, &str)> {
        let mut found: Vec<(Severity, &str)> = self
            .issues
            .iter()
            .filter(|(s, _, _)| *s == slot)
            .map(|(_, sev, m)| (*sev, m.as_str()))
            .collect();
        found.sort_by_key(|(sev, _)| *sev != Severity::Error);
        found
    }

    pub fn error_count(&self) -> usize {
        self.issues
            .iter()
            .filter(|(_, s, _)| *s == Severity::Error)
            .count()
    }

    /// Keeps the field with the cursor within the `rows` lines shown.
    pub fn scroll_into_view(&mut self, rows: usize) {
        let Some(line) = self.focus_line() else {
            return;
        };
        let rows = rows.max(1);
        // The heading above a criterion's first field comes into view with it.
        let want_top = line.saturating_sub(1);
        if want_top < self.top {
            self.top = want_top;
        } else if line >= self.top + rows {
            self.top = line + 1 - rows;
        }
    }

    /// The line the cursor's field is on.
    pub fn focus_line(&self) -> Option<usize> {
        let slot = self.focused()?;
        self.lines().iter().position(|l| *l == Line::Field(slot))
    }
}
