//! A kind's list as a CSV file Excel opens as it is: UTF-8 with a byte-order mark (without
//! it Excel reads Vietnamese as the ANSI code page), CRLF line ends, comma separated.
//! The unit columns carry exactly the headers the importer knows first (see
//! [`super::headers`]), so an exported file can be edited and imported back; with a year,
//! each row also carries that year's evaluation (stage, total, result, every indicator,
//! for citizens the digital skills, decision), which the list importer ignores and
//! `import scores` reads back. Cells that start like a formula are written
//! behind a `'` (the importer takes it off again), so a round trip is lossless.

use super::cell_rules::formula_guard;
use super::headers::{Field, columns};
use crate::criteria::{CriteriaSet, score};
use crate::model::{Affiliation, Evaluation, Title, Unit, UnitId, UnitKind, Year};
use crate::store::{Reader, StoreError, Walk};
use crate::text::escape;
use std::collections::HashMap;

/// The headers of the evaluation columns. None of them is an import alias of any kind.
const EVALUATION_HEADERS: [&str; 4] = ["Năm đánh giá", "Giai đoạn", "Tổng điểm", "Kết quả"];
const DECISION_HEADERS: [&str; 3] = ["Số quyết định", "Ngày quyết định", "Ghi chú đánh giá"];

fn indicator_header(code: &str) -> String {
    format!("Chỉ số {code}")
}

/// Names and codes of the units other units point to, per kind in a vector indexed by
/// unit id: ids are handed out densely from 1 per kind (as the census relies on too), and
/// a row's lookups then touch one slot each instead of hashing (600,000 citizens look up
/// their household's code and their organisation's).
struct Names {
    by_kind: [Vec<Option<(String, String)>>; 5],
}

impl Names {
    fn load(reader: &Reader, kind: UnitKind) -> Result<Names, StoreError> {
        let needed: &[UnitKind] = match kind {
            UnitKind::Household => &[UnitKind::Community, UnitKind::Clan],
            UnitKind::Citizen => &[UnitKind::Household, UnitKind::Organisation],
            _ => &[],
        };
        let mut by_kind: [Vec<Option<(String, String)>>; 5] = Default::default();
        for &k in needed {
            let slots = &mut by_kind[k as usize];
            reader.each_unit(k, &mut |id, unit| {
                let i = id as usize;
                if slots.len() <= i {
                    slots.resize_with(i + 1, || None);
                }
                slots[i] = Some((unit.code().to_string(), unit.display_name()));
                Walk::Continue(())
            })?;
        }
        Ok(Names { by_kind })
    }

    fn get(&self, kind: UnitKind, id: UnitId) -> Option<&(String, String)> {
        self.by_kind[kind as usize].get(id as usize)?.as_ref()
    }

    fn code(&self, kind: UnitKind, id: UnitId) -> String {
        self.get(kind, id)
            .map(|(c, _)| c.clone())
            .unwrap_or_default()
    }

    fn name(&self, kind: UnitKind, id: UnitId) -> String {
        self.get(kind, id)
            .map(|(_, n)| n.clone())
            .unwrap_or_default()
    }
}

fn year_text(year: Option<Year>) -> String {
    year.map(|y| y.to_string()).unwrap_or_default()
}

/// The text of one unit column.
fn cell(unit: &Unit, field: Field, names: &Names) -> String {
    let meta = unit.meta();
    match (field, unit) {
        (Field::Code, _) => meta.code.clone(),
        (Field::Entered, _) => meta.entered.to_string(),
        (Field::Left, _) => year_text(meta.left),
        (Field::Name, Unit::Community(c)) => c.name.clone(),
        (Field::CommunityKind, Unit::Community(c)) => c.kind.label().into(),
        (Field::HeadName, Unit::Household(h)) => h.head_name.clone(),
        (Field::CommunityCode, Unit::Household(h)) => names.code(UnitKind::Community, h.community),
        (Field::Community, Unit::Household(h)) => names.name(UnitKind::Community, h.community),
        (Field::ClanCode, Unit::Household(h)) => h
            .clan
            .map(|c| names.code(UnitKind::Clan, c))
            .unwrap_or_default(),
        (Field::Clan, Unit::Household(h)) => h
            .clan
            .map(|c| names.name(UnitKind::Clan, c))
            .unwrap_or_default(),
        (Field::Members, Unit::Household(h)) => h.members.to_string(),
        (Field::Adults, Unit::Household(h)) => h.adults.to_string(),
        (Field::Address, Unit::Household(h)) => h.address.clone(),
        (Field::Name, Unit::Clan(c)) => c.name.clone(),
        (Field::Branch, Unit::Clan(c)) => c.branch.clone().unwrap_or_default(),
        (Field::ClanHead, Unit::Clan(c)) => c.head.clone(),
        (Field::Note, Unit::Clan(c)) => c.note.clone(),
        (Field::Name, Unit::Organisation(o)) => o.name.clone(),
        (Field::OrgKind, Unit::Organisation(o)) => o.kind.label().into(),
        (Field::Staff, Unit::Organisation(o)) => o.staff.to_string(),
        (Field::Name, Unit::Citizen(c)) => c.full_name.clone(),
        (Field::BirthYear, Unit::Citizen(c)) => year_text(c.birth_year),
        (Field::Gender, Unit::Citizen(c)) => c.gender.label().into(),
        (Field::HouseholdCode, Unit::Citizen(c)) => match c.affiliation {
            Affiliation::Household(id) => names.code(UnitKind::Household, id),
            _ => String::new(),
        },
        (Field::OrganisationCode, Unit::Citizen(c)) => match c.affiliation {
            Affiliation::Organisation(id) => names.code(UnitKind::Organisation, id),
            _ => String::new(),
        },
        (Field::Organisation, Unit::Citizen(c)) => match c.affiliation {
            Affiliation::Organisation(id) => names.name(UnitKind::Organisation, id),
            _ => String::new(),
        },
        (Field::TargetGroup, Unit::Citizen(c)) => {
            c.target_group.map(|g| g.to_string()).unwrap_or_default()
        }
        _ => String::new(),
    }
}

/// The indicator codes of every criteria set used by the year's evaluations, each once,
/// in the order of the sets.
fn indicator_codes(sets: &[&CriteriaSet]) -> Vec<String> {
    let mut codes: Vec<String> = Vec::new();
    for set in sets {
        for indicator in set.indicators() {
            if !codes.contains(&indicator.code) {
                codes.push(indicator.code.clone());
            }
        }
    }
    codes
}

fn evaluation_cells(
    year: Year,
    evaluation: Option<&Evaluation>,
    sets: &HashMap<String, CriteriaSet>,
    codes: &[String],
    with_skills: bool,
) -> Vec<String> {
    let Some(e) = evaluation else {
        let mut row = vec![year.to_string(), "Chưa đăng ký".into()];
        row.resize(
            EVALUATION_HEADERS.len()
                + codes.len()
                + usize::from(with_skills)
                + DECISION_HEADERS.len(),
            String::new(),
        );
        return row;
    };
    let scored = sets.get(&e.criteria_hash).map(|set| score(set, &e.values));
    let (total, result) = match &scored {
        Some(s) if !s.complete => (s.total.to_string(), "Chưa chấm đủ"),
        Some(s) if s.passed => (s.total.to_string(), "Đạt"),
        Some(s) => (s.total.to_string(), "Không đạt"),
        None => (String::new(), "Thiếu bộ tiêu chí"),
    };
    let mut row = vec![
        year.to_string(),
        e.stage.label().into(),
        total,
        result.into(),
    ];
    for code in codes {
        row.push(e.values.get(code).map(|v| v.display()).unwrap_or_default());
    }
    if with_skills {
        row.push(
            e.digital_skills
                .map(|s| s.label().to_string())
                .unwrap_or_default(),
        );
    }
    match &e.decision {
        Some(d) => {
            row.push(d.number.clone());
            row.push(d.date.format("%d/%m/%Y").to_string());
        }
        None => row.extend([String::new(), String::new()]),
    }
    row.push(e.note.clone());
    row
}

/// A cell as Excel must see it: a formula-looking start behind a `'` (Excel would run
/// `=HYPERLINK(…)` typed into a name), and any control or bidirectional character
/// written visibly (a register from before such characters were refused on import).
pub(crate) fn safe_cell(text: String) -> String {
    let text = match escape(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(escaped) => escaped,
    };
    formula_guard(text)
}

/// How a column's cells are typed in a workbook (a CSV file holds only text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColumnType {
    /// Codes and names: text, so `0123` keeps its zero.
    Text,
    /// Counts, years, points: numbers when the cell is one (Đ/K stay text).
    Number,
    /// `dd/mm/yyyy`: a date.
    Date,
}

/// A kind's list as rows of text, with each column's type: what both the CSV and the
/// workbook exports write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportGrid {
    pub headers: Vec<String>,
    pub types: Vec<ColumnType>,
    pub rows: Vec<Vec<String>>,
}

fn field_type(field: Field) -> ColumnType {
    match field {
        Field::Members
        | Field::Adults
        | Field::Staff
        | Field::Entered
        | Field::Left
        | Field::BirthYear
        | Field::TargetGroup => ColumnType::Number,
        _ => ColumnType::Text,
    }
}

/// What a kind's list is made from: the headers, and for each unit its row, read one
/// unit at a time. Rows are written as they are made (a list of 600,000 citizens held as
/// cells took over a gigabyte), and the year's evaluations are matched to the units in
/// id order, as both are stored, instead of through a map.
pub(super) struct Source {
    kind: UnitKind,
    year: Option<Year>,
    names: Names,
    /// The year's evaluations of the kind's title, in unit order.
    evaluations: Vec<(UnitId, Evaluation)>,
    sets: HashMap<String, CriteriaSet>,
    codes: Vec<String>,
    with_skills: bool,
}

impl Source {
    pub(super) fn load(
        reader: &Reader,
        kind: UnitKind,
        year: Option<Year>,
    ) -> Result<Source, StoreError> {
        let names = Names::load(reader, kind)?;
        let title = Title::for_kind(kind);
        let mut evaluations: Vec<(UnitId, Evaluation)> = Vec::new();
        let mut sets: HashMap<String, CriteriaSet> = HashMap::new();
        let mut set_order: Vec<String> = Vec::new();
        if let Some(y) = year {
            // Only the kind's title is read (one range of the table): a list of 300
            // clans no longer decodes the 150,000 citizens' evaluations of the year.
            let mut failed = None;
            reader.each_evaluation_of(y, title, &mut |unit, e| {
                if !sets.contains_key(&e.criteria_hash) {
                    match reader.criteria(&e.criteria_hash) {
                        Ok(Some(set)) => {
                            set_order.push(e.criteria_hash.clone());
                            sets.insert(e.criteria_hash.clone(), set);
                        }
                        Ok(None) => {}
                        Err(err) => {
                            failed = Some(err);
                            return Walk::Break(());
                        }
                    }
                }
                evaluations.push((unit, e));
                Walk::Continue(())
            })?;
            if let Some(err) = failed {
                return Err(err);
            }
        }
        // Stored by (year, title, unit), so already in unit order: a stable sort only
        // checks it.
        evaluations.sort_by_key(|(unit, _)| *unit);
        let ordered: Vec<&CriteriaSet> = set_order.iter().filter_map(|h| sets.get(h)).collect();
        let codes = indicator_codes(&ordered);
        Ok(Source {
            kind,
            year,
            names,
            evaluations,
            sets,
            codes,
            with_skills: title == Title::CongDan,
        })
    }

    pub(super) fn headers(&self) -> (Vec<String>, Vec<ColumnType>) {
        let spec = columns(self.kind);
        let mut headers: Vec<String> = spec.iter().map(|c| c.header().to_string()).collect();
        let mut types: Vec<ColumnType> = spec.iter().map(|c| field_type(c.field)).collect();
        if self.year.is_some() {
            headers.extend(EVALUATION_HEADERS.iter().map(|h| h.to_string()));
            types.extend([
                ColumnType::Number,
                ColumnType::Text,
                ColumnType::Number,
                ColumnType::Text,
            ]);
            headers.extend(self.codes.iter().map(|c| indicator_header(c)));
            types.extend(self.codes.iter().map(|_| ColumnType::Number));
            if self.with_skills {
                headers.push(super::scores::SKILLS_HEADER.to_string());
                types.push(ColumnType::Text);
            }
            headers.extend(DECISION_HEADERS.iter().map(|h| h.to_string()));
            types.extend([ColumnType::Text, ColumnType::Date, ColumnType::Text]);
        }
        (headers, types)
    }

    /// Calls `visit` with each unit's row, in id order; the row is only lent.
    pub(super) fn each_row(
        &self,
        reader: &Reader,
        visit: &mut dyn FnMut(&mut Vec<String>) -> Result<(), StoreError>,
    ) -> Result<(), StoreError> {
        let spec = columns(self.kind);
        let mut next = self.evaluations.iter().peekable();
        let mut row: Vec<String> = Vec::new();
        let mut failed = None;
        reader.each_unit(self.kind, &mut |id, unit| {
            row.clear();
            row.extend(spec.iter().map(|c| cell(&unit, c.field, &self.names)));
            if let Some(y) = self.year {
                // Evaluations of units that are not there (none in a sound register) are
                // passed over, as a lookup by unit would.
                while next.next_if(|(unit, _)| *unit < id).is_some() {}
                let evaluation = next.next_if(|(unit, _)| *unit == id).map(|(_, e)| e);
                row.extend(evaluation_cells(
                    y,
                    evaluation,
                    &self.sets,
                    &self.codes,
                    self.with_skills,
                ));
            }
            match visit(&mut row) {
                Ok(()) => Walk::Continue(()),
                Err(e) => {
                    failed = Some(e);
                    Walk::Break(())
                }
            }
        })?;
        failed.map_or(Ok(()), Err)
    }
}

/// Every unit of `kind` (archived ones too, with their "Năm ra"), and with `year` that
/// year's evaluation for the kind's title. Cells are the register's text, unescaped.
pub fn export_grid(
    reader: &Reader,
    kind: UnitKind,
    year: Option<Year>,
) -> Result<ExportGrid, StoreError> {
    let source = Source::load(reader, kind, year)?;
    let (headers, types) = source.headers();
    let mut rows = Vec::new();
    source.each_row(reader, &mut |row| {
        rows.push(std::mem::take(row));
        Ok(())
    })?;
    Ok(ExportGrid {
        headers,
        types,
        rows,
    })
}

/// The CSV bytes of every unit of `kind` (archived ones too, with their "Năm ra"), and
/// with `year` that year's evaluation for the kind's title.
pub fn export_csv(
    reader: &Reader,
    kind: UnitKind,
    year: Option<Year>,
) -> Result<Vec<u8>, StoreError> {
    let source = Source::load(reader, kind, year)?;
    let (headers, _) = source.headers();
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let csv_error = |e: csv::Error| {
            let reason = match e.kind() {
                csv::ErrorKind::Io(io) => crate::text::describe_io(io),
                _ => e.to_string(),
            };
            StoreError::Other(format!("Không viết được CSV: {reason}"))
        };
        writer.write_record(&headers).map_err(csv_error)?;
        source.each_row(reader, &mut |row| {
            for cell in row.iter_mut() {
                *cell = safe_cell(std::mem::take(cell));
            }
            writer.write_record(row.iter()).map_err(csv_error)
        })?;
        writer.flush().map_err(|e| {
            StoreError::Other(format!(
                "Không viết được CSV: {}",
                crate::text::describe_io(&e)
            ))
        })?;
    }
    Ok(out)
}
