//! The detail screen's state: a unit's facts and its evaluation of every year, read
//! once when it opens (and again after an edit).

use crate::criteria::score;
use crate::model::{Affiliation, EvaluationKey, Title, Unit, UnitId, UnitKind, Year};
use crate::store::{Reader, Result};
use crate::text::safe::escape;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YearLine {
    pub year: Year,
    /// `None`: not registered that year.
    pub stage: Option<String>,
    pub total: Option<(u32, u32)>,
    pub complete: bool,
    pub passed: bool,
    pub decision: Option<String>,
    /// CDHT: the digital skills recorded that year.
    pub skills: Option<crate::model::DigitalSkills>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DetailState {
    pub id: UnitId,
    pub unit: Unit,
    pub facts: Vec<(&'static str, String)>,
    pub years: Vec<YearLine>,
}

/// How many past years the detail lists.
const YEARS_SHOWN: u16 = 8;

impl DetailState {
    pub fn load(
        reader: &Reader,
        kind: UnitKind,
        id: UnitId,
        year: Year,
    ) -> Result<Option<DetailState>> {
        let Some(unit) = reader.unit(kind, id)? else {
            return Ok(None);
        };
        let name_of = |kind: UnitKind, id: UnitId| -> Result<String> {
            Ok(reader
                .unit(kind, id)?
                .map(|u| format!("{} ({})", escape(&u.display_name()), escape(u.code())))
                .unwrap_or_else(|| format!("? ({id})")))
        };
        let meta = unit.meta();
        let mut facts: Vec<(&'static str, String)> = vec![("Mã", meta.code.clone())];
        match &unit {
            Unit::Community(c) => {
                facts.push(("Tên", c.name.clone()));
                facts.push(("Loại", c.kind.label().into()));
            }
            Unit::Household(h) => {
                facts.push(("Chủ hộ", h.head_name.clone()));
                facts.push(("Thôn", name_of(UnitKind::Community, h.community)?));
                let clan = match h.clan {
                    Some(c) => name_of(UnitKind::Clan, c)?,
                    None => "không".into(),
                };
                facts.push(("Dòng họ", clan));
                facts.push((
                    "Nhân khẩu",
                    format!("{} (từ 15 tuổi: {})", h.members, h.adults),
                ));
                facts.push(("Địa chỉ", h.address.clone()));
            }
            Unit::Clan(c) => {
                facts.push(("Dòng họ", c.name.clone()));
                facts.push(("Chi", c.branch.clone().unwrap_or_default()));
                facts.push(("Trưởng họ", c.head.clone()));
                facts.push(("Ghi chú", c.note.clone()));
            }
            Unit::Organisation(o) => {
                facts.push(("Tên", o.name.clone()));
                facts.push(("Loại", o.kind.label().into()));
                facts.push(("Cán bộ, nhân viên", o.staff.to_string()));
            }
            Unit::Citizen(c) => {
                facts.push(("Họ và tên", c.full_name.clone()));
                facts.push((
                    "Năm sinh",
                    c.birth_year.map(|y| y.to_string()).unwrap_or_default(),
                ));
                facts.push(("Giới tính", c.gender.label().into()));
                let belongs = match c.affiliation {
                    Affiliation::Household(h) => format!("hộ {}", name_of(UnitKind::Household, h)?),
                    Affiliation::Organisation(o) => name_of(UnitKind::Organisation, o)?,
                    Affiliation::None => "không".into(),
                };
                facts.push(("Thuộc", belongs));
            }
        }
        let left = match meta.left {
            Some(y) => format!("{} – rời xã từ {y}", meta.entered),
            None => format!("từ {}", meta.entered),
        };
        facts.push(("Trong sổ", left));
        let title = Title::for_kind(kind);
        let first = year
            .saturating_sub(YEARS_SHOWN - 1)
            .max(meta.entered.min(year));
        let mut years = Vec::new();
        for y in (first..=year).rev() {
            let evaluation = reader.evaluation(EvaluationKey {
                year: y,
                title,
                unit: id,
            })?;
            let line = match evaluation {
                None => YearLine {
                    year: y,
                    stage: None,
                    total: None,
                    complete: false,
                    passed: false,
                    decision: None,
                    skills: None,
                },
                Some(e) => {
                    let set = reader.criteria(&e.criteria_hash)?;
                    let scored = set.as_ref().map(|s| (score(s, &e.values), s.max_total()));
                    YearLine {
                        year: y,
                        stage: Some(e.stage.label().to_string()),
                        total: scored.as_ref().map(|(s, max)| (s.total, *max)),
                        complete: scored.as_ref().is_some_and(|(s, _)| s.complete),
                        passed: scored.as_ref().is_some_and(|(s, _)| s.passed),
                        decision: e
                            .decision
                            .map(|d| format!("QĐ {} ngày {}", d.number, d.date.format("%d/%m/%Y"))),
                        skills: e.digital_skills,
                    }
                }
            };
            years.push(line);
        }
        Ok(Some(DetailState {
            id,
            unit,
            facts,
            years,
        }))
    }
}
