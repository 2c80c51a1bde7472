//! The editor's inputs read into a [`CriteriaSet`], checked by [`draft::check`] (the
//! rules `criteria import` uses too), each problem attached to its field. The only
//! checks made here are the ones no set can express (a year or a number that is not
//! one, a date that is not a date), said beside the field like the others.

use super::source::join_source;
use super::state::{CritField, EditorState, GradeField, IndField, SetField, Slot};
use crate::criteria::draft::{self, Issue, Place, Severity};
use crate::criteria::{CriteriaSet, Criterion, Grade, Indicator, IndicatorKind, Status};
use crate::model::Year;
use crate::text::TextInput;

/// A number typed in a field: `Ok(None)` when empty.
pub(super) fn parse_number(text: &str, max: u32) -> Result<Option<u16>, String> {
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
            && let Err(e) = crate::text::parse_date(self.date.value())
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
}

#[cfg(test)]
mod tests {
    use super::super::state::Start;
    use super::*;
    use crate::model::Title;

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
