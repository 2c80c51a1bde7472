//! What the criteria editor holds while a set is typed: one text input per value of the
//! set (its name, years, legal source, minimum total, grade bands, criteria and
//! indicators), the field with the cursor, and the problems of the set as it stands.
//!
//! The inputs turn into a [`CriteriaSet`] on every change and are checked by
//! [`draft::check`], the rules `criteria import` uses too; the only checks made here are
//! the ones no set can express (a year or a number that is not one, a date that is not a
//! date), each said beside its field like the others.

use crate::criteria::draft::{self, Issue, Place, Severity};
use crate::criteria::{CriteriaSet, Criterion, Grade, Indicator, IndicatorKind, Scope, Status};
use crate::model::{Title, Year};
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

fn input(text: &str) -> TextInput {
    TextInput::with_value(text)
}

fn number_text(n: Option<u16>) -> String {
    n.map(|n| n.to_string()).unwrap_or_default()
}

/// "Quyết định số 242/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam" in
/// its four parts; a source written otherwise stays whole in the first.
pub fn split_source(source: &str) -> [String; 4] {
    let parts = source.split_once(" số ").and_then(|(doc, rest)| {
        let (number, rest) = rest.split_once(" ngày ")?;
        let (date, body) = rest.split_once(" của ")?;
        let plain = |s: &str| !s.trim().is_empty() && !s.contains(' ');
        (plain(number) && plain(date) && crate::tui::sheet::parse_date(date).is_ok())
            .then(|| [doc, number, date, body].map(|s| s.trim().to_string()))
    });
    parts.unwrap_or_else(|| {
        [
            source.trim().to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]
    })
}

/// The four parts back into one sentence; empty parts are left out.
pub fn join_source(doc: &str, number: &str, date: &str, body: &str) -> String {
    let mut out = doc.trim().to_string();
    for (word, part) in [("số", number), ("ngày", date), ("của", body)] {
        let part = part.trim();
        if !part.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            out.push(' ');
            out.push_str(part);
        }
    }
    out
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

/// A number typed in a field: `Ok(None)` when empty.
fn parse_number(text: &str, max: u32) -> Result<Option<u16>, String> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match text.parse::<u32>() {
        Ok(n) if n <= max => Ok(u16::try_from(n).ok()),
        Ok(_) => Err(format!("Số từ 0 đến {max}")),
        Err(_) => Err(format!("«{text}» không phải số (chỉ gõ chữ số)")),
    }
}

fn parse_year(text: &str) -> Result<Option<Year>, String> {
    match parse_number(text, 9999) {
        Ok(Some(y)) if !(2000..=2100).contains(&y) => Err("Năm từ 2000 đến 2100".into()),
        other => other.map_err(|_| format!("«{}» không phải năm (ví dụ 2022)", text.trim())),
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
            split_source(&set.source)
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
                .filter_map(|i| parse_number(i.max.value(), 1000).ok().flatten())
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

    /// The set the inputs describe, and what could not be read from them (a number
    /// that is not one); such a value counts as absent in the set.
    pub fn to_set(&self) -> (CriteriaSet, Vec<(Slot, String)>) {
        let mut local = Vec::new();
        let mut num = |slot: Slot, text: &TextInput, max: u32| -> Option<u16> {
            parse_number(text.value(), max).unwrap_or_else(|e| {
                local.push((slot, e));
                None
            })
        };
        let min_total = num(Slot::Set(SetField::MinTotal), &self.min_total, 1000);
        let grades = self
            .grades
            .iter()
            .enumerate()
            .map(|(g, inputs)| Grade {
                name: inputs.name.value().trim().to_string(),
                min_total: num(Slot::Grade(g, GradeField::Min), &inputs.min, 1000).unwrap_or(0),
            })
            .collect();
        let criteria = self
            .criteria
            .iter()
            .enumerate()
            .map(|(ci, c)| Criterion {
                code: c.code.value().trim().to_string(),
                name: c.name.value().trim().to_string(),
                min_total: num(Slot::Criterion(ci, CritField::MinTotal), &c.min_total, 1000),
                indicators: c
                    .indicators
                    .iter()
                    .enumerate()
                    .map(|(ii, i)| {
                        let at = |f| Slot::Indicator(ci, ii, f);
                        let (kind, max, floor) = if i.pass_fail {
                            (IndicatorKind::PassFail, 0, None)
                        } else {
                            let max = num(at(IndField::Max), &i.max, 1000).unwrap_or(0);
                            let floor = num(at(IndField::Floor), &i.floor, 1000);
                            (IndicatorKind::Points, max, floor)
                        };
                        Indicator {
                            code: i.code.value().trim().to_string(),
                            text: i.text.value().trim().to_string(),
                            kind,
                            max,
                            floor,
                            mandatory: i.mandatory,
                        }
                    })
                    .collect(),
            })
            .collect();
        let from = match parse_year(self.from.value()) {
            Ok(Some(y)) => y,
            Ok(None) => {
                local.push((
                    Slot::Set(SetField::From),
                    "Chưa có năm bắt đầu áp dụng".into(),
                ));
                0
            }
            Err(e) => {
                local.push((Slot::Set(SetField::From), e));
                0
            }
        };
        let to = parse_year(self.to.value()).unwrap_or_else(|e| {
            local.push((Slot::Set(SetField::To), e));
            None
        });
        if !self.date.value().trim().is_empty()
            && let Err(e) = crate::tui::sheet::parse_date(self.date.value())
        {
            local.push((Slot::Set(SetField::Date), e));
        }
        // A set kept its id only while it keeps its title: a set moved to another
        // title is another set.
        let id = self
            .id
            .clone()
            .filter(|id| id.starts_with(&format!("{}-", self.title.code())))
            .unwrap_or_else(|| format!("{}-{from}-van-phong", self.title.code()));
        let set = CriteriaSet {
            id,
            title: self.title,
            name: self.name.value().trim().to_string(),
            valid_from: from,
            valid_to: to,
            scope: self.scope,
            source: join_source(
                self.doc.value(),
                self.number.value(),
                self.date.value(),
                self.body.value(),
            ),
            status: if self.checked {
                Status::Verified
            } else {
                Status::Provisional
            },
            status_note: self.status_note.clone(),
            min_total,
            grades,
            criteria,
            entry: None,
        };
        (set, local)
    }

    /// Reads the inputs again and keeps the problems current: what cannot be read
    /// first, then the rules of a draft set, each attached to its field.
    pub fn recheck(&mut self) {
        let (set, local) = self.to_set();
        let mut issues: Vec<(Slot, Severity, String)> = local
            .into_iter()
            .map(|(slot, message)| (slot, Severity::Error, message))
            .collect();
        for Issue {
            place,
            severity,
            message,
        } in draft::check(&set)
        {
            if let Some(slot) = self.slot_of(&place) {
                issues.push((slot, severity, message));
            }
        }
        self.issues = issues;
    }

    fn slot_of(&self, place: &Place) -> Option<Slot> {
        Some(match *place {
            Place::Set("name") => Slot::Set(SetField::Name),
            Place::Set("source") => Slot::Set(SetField::Doc),
            Place::Set("valid_to") => Slot::Set(SetField::To),
            Place::Set("grades") if !self.grades.is_empty() => Slot::Grade(0, GradeField::Min),
            Place::Set(_) => Slot::Set(SetField::MinTotal),
            Place::Criterion(c, "name") => Slot::Criterion(c, CritField::Name),
            Place::Criterion(c, "min_total") => Slot::Criterion(c, CritField::MinTotal),
            Place::Criterion(c, _) => Slot::Criterion(c, CritField::Code),
            Place::Indicator(c, i, "text") => Slot::Indicator(c, i, IndField::Text),
            Place::Indicator(c, i, "max") => Slot::Indicator(c, i, IndField::Max),
            Place::Indicator(c, i, "floor") => Slot::Indicator(c, i, IndField::Floor),
            Place::Indicator(c, i, _) => Slot::Indicator(c, i, IndField::Code),
        })
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_source_splits_into_its_parts_and_joins_back() {
        let text =
            "Quyết định số 242/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam";
        let parts = split_source(text);
        assert_eq!(parts[0], "Quyết định");
        assert_eq!(parts[1], "242/QĐ-KHVN");
        assert_eq!(parts[2], "28/7/2022");
        assert_eq!(parts[3], "Trung ương Hội Khuyến học Việt Nam");
        assert_eq!(
            join_source(&parts[0], &parts[1], &parts[2], &parts[3]),
            text
        );
        let free = "Thông tư số 22/2020/TT-BGDĐT của Bộ Giáo dục và Đào tạo";
        assert_eq!(split_source(free)[0], free);
        assert_eq!(join_source(free, "", "", ""), free);
    }

    #[test]
    fn an_office_set_keeps_its_id_while_it_keeps_its_title() {
        let mut set = draft::blank(Title::GiaDinh, 2021);
        set.id = "gia-dinh-tinh-nb".into();
        set.entry = Some(crate::criteria::Entry {
            stamp: crate::model::Stamp::now(),
            how: "nhập từ tệp a.csv".into(),
        });
        let mut state = EditorState::new(&set, Start::Office, "bộ văn phòng".into());
        assert_eq!(state.to_set().0.id, "gia-dinh-tinh-nb");
        state.cycle(Slot::Set(SetField::Title), true);
        assert_eq!(state.to_set().0.id, "dong-ho-2021-van-phong");
    }

    #[test]
    fn a_number_that_is_not_one_is_said_beside_its_field() {
        let mut state = EditorState::new(
            &draft::blank(Title::CongDan, 2022),
            Start::Blank,
            "bộ trống".into(),
        );
        state.min_total = TextInput::with_value("8o");
        state.recheck();
        assert_eq!(
            state.issues_of(Slot::Set(SetField::MinTotal)).first(),
            Some(&(Severity::Error, "«8o» không phải số (chỉ gõ chữ số)"))
        );
    }
}
