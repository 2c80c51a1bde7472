//! An import in two steps, so the app can show a preview before anything is written:
//! [`plan`] reads and checks a whole file against the register and says exactly what
//! would change (rows to add, rows to update, communities and clans to create, every
//! problem); [`apply`] writes a clean plan in one write transaction, so an import is all
//! or nothing.
//!
//! Rows are matched to the register by unit code: a row whose code is already in the
//! register updates that unit, which is what makes importing the same file twice safe. A
//! row without a code gets a generated one, and so can never be matched again.

use super::cell_rules::{check_row, checked_fields, strip_formula_guard};
use super::code_check::{CodeConflict, check_codes};
use super::csv_read::{Row, SourceEncoding, Table};
use super::headers::{ColumnMap, Field, HeaderProblem, map_headers};
use super::kind_guess;
use super::left_check;
use super::lookup::{Lookup, Ref};
use super::source::read_source;
use super::{rows_citizen, rows_clan, rows_community, rows_household, rows_organisation};
use crate::model::{Unit, UnitId, UnitKind, Year};
use crate::store::{Reader, Register, StoreError, UnitBatch};
use crate::text::{clean_name_cow, escape, unsafe_reason};
use std::fmt;

/// One thing wrong with the file, located as precisely as the file allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub line: Option<u64>,
    pub column: Option<String>,
    pub value: Option<String>,
    /// The reason, in Vietnamese.
    pub reason: String,
}

impl Problem {
    pub(super) fn at_line(line: u64, reason: impl Into<String>) -> Problem {
        Problem {
            line: Some(line),
            column: None,
            value: None,
            reason: reason.into(),
        }
    }
}

/// A problem quotes the file: its column and value, and a reason that may quote a name,
/// are escaped so a control character in the file never reaches the terminal.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = Vec::new();
        if let Some(line) = self.line {
            parts.push(format!("dòng {line}"));
        }
        if let Some(column) = &self.column {
            parts.push(format!("cột \"{}\"", escape(column)));
        }
        if let Some(value) = &self.value {
            parts.push(format!("giá trị \"{}\"", escape(value)));
        }
        if parts.is_empty() {
            f.write_str(&escape(&self.reason))
        } else {
            write!(f, "{}: {}", parts.join(", "), escape(&self.reason))
        }
    }
}

/// Whether a planned row adds a unit or replaces one already in the register.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Insert,
    Update(UnitId),
}

/// A household's community and clan, which may be units this same import creates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Links {
    pub community: Option<Ref>,
    pub clan: Option<Ref>,
}

/// One row that changes the register.
#[derive(Debug, Clone, PartialEq)]
pub struct PlannedRow {
    pub line: u64,
    pub unit: Unit,
    pub action: Action,
    pub links: Links,
}

/// What an import would do. Nothing is written until [`apply`].
#[derive(Debug, Clone)]
pub struct ImportPlan {
    pub kind: UnitKind,
    pub encoding: SourceEncoding,
    pub delimiter: u8,
    /// Headers of the file that matched no field (an "STT" column, notes…).
    pub ignored_columns: Vec<String>,
    /// Rows read (blank rows not counted).
    pub rows_read: usize,
    /// Rows that add or change a unit, in file order.
    pub rows: Vec<PlannedRow>,
    /// Rows identical to what the register already holds.
    pub unchanged: usize,
    /// Rows that were given a generated code (they cannot be matched on re-import).
    pub generated_codes: usize,
    /// Communities and clans named in a household file and not yet in the register.
    pub new_communities: Vec<Unit>,
    pub new_clans: Vec<Unit>,
    /// Every problem; a plan with problems cannot be applied.
    pub problems: Vec<Problem>,
    /// Whether the rows were checked at all (a file missing a required column is
    /// refused before its rows are read, so its counts say nothing).
    pub rows_checked: bool,
    /// Rows left out of `rows` and `unchanged` because of a problem.
    pub rows_refused: usize,
    /// For updates that change the unit's name: the file line and the name in the
    /// register now, so the preview can show old → new (a code in the file that belongs
    /// to someone else shows up as a rename).
    pub renamed: Vec<(u64, String)>,
    /// Cells that start like a spreadsheet formula (`=`, `+`, `-`, `@`): the line and
    /// the column. Stored as text; the preview flags them.
    pub formula_cells: Vec<(u64, String)>,
    /// What the preview says about a workbook's sheet (which sheet, the header row, the
    /// title rows skipped, formulas, old fonts); empty for a text file.
    pub sheet_notes: Vec<String>,
    /// Codes that match the register only after a spreadsheet's change (`123` ↔
    /// `0123`). Unless `mapping_accepted`, each is also a problem.
    pub code_conflicts: Vec<CodeConflict>,
    pub mapping_accepted: bool,
    /// New rows whose name is that of a unit already registered (for a household, in
    /// the same thôn) under another code: line, and the existing unit's name and code.
    pub same_name: Vec<(u64, String)>,
}

impl ImportPlan {
    pub fn inserts(&self) -> usize {
        self.rows
            .iter()
            .filter(|r| r.action == Action::Insert)
            .count()
    }

    pub fn updates(&self) -> usize {
        self.rows.len() - self.inserts()
    }

    pub fn is_clean(&self) -> bool {
        self.problems.is_empty()
    }

    fn refused(kind: UnitKind, problems: Vec<Problem>) -> ImportPlan {
        ImportPlan {
            kind,
            encoding: SourceEncoding::Utf8,
            delimiter: b',',
            ignored_columns: Vec::new(),
            rows_read: 0,
            rows: Vec::new(),
            unchanged: 0,
            generated_codes: 0,
            new_communities: Vec::new(),
            new_clans: Vec::new(),
            problems,
            rows_checked: false,
            rows_refused: 0,
            renamed: Vec::new(),
            formula_cells: Vec::new(),
            sheet_notes: Vec::new(),
            code_conflicts: Vec::new(),
            mapping_accepted: false,
            same_name: Vec::new(),
        }
    }

    /// Whether confirming the code mapping would take away the conflicts (the app offers
    /// its key, the command line its flag).
    pub fn awaits_code_mapping(&self) -> bool {
        !self.code_conflicts.is_empty() && !self.mapping_accepted
    }

    fn with_source(mut self, table: &Table) -> ImportPlan {
        self.encoding = table.encoding;
        self.delimiter = table.delimiter;
        self.sheet_notes = sheet_notes(table);
        self
    }

    /// The preview's warning about cells that start like a formula, listing the first
    /// few places.
    pub fn formula_warning(&self) -> Option<String> {
        if self.formula_cells.is_empty() {
            return None;
        }
        let mut places: Vec<String> = self
            .formula_cells
            .iter()
            .take(5)
            .map(|(line, column)| format!("dòng {line} cột \"{}\"", escape(column)))
            .collect();
        if self.formula_cells.len() > places.len() {
            places.push("…".into());
        }
        Some(format!(
            "⚠ {} ô bắt đầu bằng =, +, - hoặc @ (Excel coi là công thức): {}. Sẽ lưu nguyên văn như chữ; khi xuất CSV, các ô này có thêm dấu ' ở đầu để Excel không chạy.",
            self.formula_cells.len(),
            places.join(", ")
        ))
    }

    /// The register's current name of the unit a planned row renames, if it does.
    pub fn old_name(&self, row: &PlannedRow) -> Option<&str> {
        self.renamed
            .iter()
            .find(|(line, _)| *line == row.line)
            .map(|(_, name)| name.as_str())
    }
}

/// How the rows are read that the file does not say.
#[derive(Debug, Clone, Copy)]
pub struct ImportOptions {
    /// The year new units enter the register when the file has no "Năm vào".
    pub default_year: Year,
}

/// Which part of a file to read, and what the officer has confirmed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileOptions {
    /// A workbook's sheet by name; the first sheet when `None`.
    pub sheet: Option<String>,
    /// The officer confirmed that codes matching only after leading zeros are put back
    /// or taken away (`123` ↔ `0123`) are the register's codes.
    pub accept_code_mapping: bool,
}

/// Reads `bytes` as a file of `kind` and checks every row against the register.
pub fn plan(
    reader: &Reader,
    kind: UnitKind,
    bytes: &[u8],
    options: ImportOptions,
) -> Result<ImportPlan, StoreError> {
    plan_file(reader, kind, bytes, &FileOptions::default(), options)
}

/// The preview's lines about a workbook's sheet.
fn sheet_notes(table: &Table) -> Vec<String> {
    table
        .sheet
        .as_ref()
        .map(|s| s.notes(table.header_line, &table.headers))
        .unwrap_or_default()
}

/// Where rows go as they are planned: kept for a preview ([`plan_file`]), or also
/// handed to a writer that writes them while the rest of the file is still being read
/// ([`super::stream`]).
pub(super) trait RowSink {
    /// How many rows the file has, before the first is planned.
    fn expect_rows(&mut self, _rows: usize) {}
    /// A row that changes the register; `lookup` holds the communities and clans the
    /// import has created so far (the row may point to the latest of them).
    fn row(&mut self, lookup: &Lookup, row: PlannedRow);
    /// Every row given to [`RowSink::row`], in file order, once the whole file is read.
    fn finish(&mut self, lookup: &Lookup) -> Vec<PlannedRow>;
}

/// The rows kept, nothing written.
struct Keep(Vec<PlannedRow>);

impl RowSink for Keep {
    fn row(&mut self, _: &Lookup, row: PlannedRow) {
        self.0.push(row);
    }

    fn finish(&mut self, _: &Lookup) -> Vec<PlannedRow> {
        std::mem::take(&mut self.0)
    }
}

/// [`plan`] for a file of any format (CSV, .xlsx, .xlsm, .xls, .ods), with a sheet
/// chosen and the code mapping confirmed or not.
pub fn plan_file(
    reader: &Reader,
    kind: UnitKind,
    bytes: &[u8],
    file: &FileOptions,
    options: ImportOptions,
) -> Result<ImportPlan, StoreError> {
    plan_into(reader, kind, bytes, file, options, &mut Keep(Vec::new()))
}

/// [`plan_file`], each planned row given to `sink` as soon as it is planned.
pub(super) fn plan_into(
    reader: &Reader,
    kind: UnitKind,
    bytes: &[u8],
    file: &FileOptions,
    options: ImportOptions,
    sink: &mut dyn RowSink,
) -> Result<ImportPlan, StoreError> {
    let is_header = |headers: &[String]| {
        map_headers(kind, headers).is_ok() || kind_guess::other_kind(kind, headers).is_some()
    };
    let mut table = match read_source(bytes, file.sheet.as_deref(), &is_header) {
        Ok(t) => t,
        Err(e) => return Ok(ImportPlan::refused(kind, e.problems())),
    };
    if let Some(problems) = header_characters(&table.headers, table.header_line) {
        return Ok(ImportPlan::refused(kind, problems).with_source(&table));
    }
    if let Some((other, telling)) = kind_guess::other_kind(kind, &table.headers) {
        let reason = kind_guess::message(kind, other, &telling);
        return Ok(
            ImportPlan::refused(kind, vec![Problem::at_line(table.header_line, reason)])
                .with_source(&table),
        );
    }
    let header_line = table.header_line;
    let header_problems = |problems: Vec<HeaderProblem>| {
        problems
            .iter()
            .map(|p| Problem::at_line(header_line, p.message()))
            .collect::<Vec<_>>()
    };
    let map = match map_headers(kind, &table.headers) {
        Ok(m) => m,
        Err(problems) => {
            return Ok(ImportPlan::refused(kind, header_problems(problems)).with_source(&table));
        }
    };
    let mut problems = Vec::new();
    if let Some(problem) = rows_household::header_check(kind, &map, &table.headers) {
        problems.extend(header_problems(vec![problem]));
    }
    let rows_checked = problems.is_empty();
    let (code_conflicts, code_problems) =
        check_codes(reader, kind, &map, &mut table, file.accept_code_mapping)?;
    problems.extend(code_problems);
    if !file.accept_code_mapping {
        problems.extend(code_conflicts.iter().map(|c| Problem {
            line: Some(c.line),
            column: Some(c.column.clone()),
            value: Some(c.value.clone()),
            reason: format!(
                "chỉ khớp mã \"{}\" trong sổ khi thêm hoặc bỏ số 0 ở đầu (bảng tính đã đổi mã thành số?); chưa nhập. Nếu đúng là cùng một mã, hãy xác nhận ghép mã",
                escape(&c.existing)
            ),
        }));
    }
    problems.extend(sheet_error_cells(&table, &map));
    let mut lookup = Lookup::load(reader, kind)?;
    reserve_written_codes(&mut lookup, &map, &table.rows);
    let mut unchanged = 0;
    let mut generated_codes = 0;
    let mut rows_refused = 0;
    let mut renamed = Vec::new();
    let mut formula_cells = Vec::new();
    if rows_checked {
        let checked = checked_fields(&map);
        lookup.expect_rows(table.rows.len());
        sink.expect_rows(table.rows.len());
        for row in &table.rows {
            let (cell_problems, formulas) = check_row(row, &checked, &table.headers);
            if !cell_problems.is_empty() {
                problems.extend(cell_problems);
                rows_refused += 1;
                continue;
            }
            formula_cells.extend(formulas.into_iter().map(|column| (row.line, column)));
            let mut cells = super::cells::Cells {
                row,
                map: &map,
                headers: &table.headers,
                problems: &mut problems,
            };
            let planned = match kind {
                UnitKind::Community => rows_community::plan_row(&mut cells, &mut lookup, options),
                UnitKind::Household => rows_household::plan_row(&mut cells, &mut lookup, options),
                UnitKind::Clan => rows_clan::plan_row(&mut cells, &mut lookup, options),
                UnitKind::Organisation => {
                    rows_organisation::plan_row(&mut cells, &mut lookup, options)
                }
                UnitKind::Citizen => rows_citizen::plan_row(&mut cells, &mut lookup, options),
            };
            let Some(planned) = planned else {
                rows_refused += 1;
                continue;
            };
            if planned.generated {
                generated_codes += 1;
            }
            if planned.unchanged {
                unchanged += 1;
            } else {
                if let Action::Update(id) = planned.row.action
                    && let Some(old) = reader.unit(kind, id)?
                    && old.display_name() != planned.row.unit.display_name()
                {
                    renamed.push((planned.row.line, old.display_name()));
                }
                sink.row(&lookup, planned.row);
            }
        }
    }
    let mut rows = sink.finish(&lookup);
    let late_left = left_check::check(reader, kind, &rows, &table.headers)?;
    if !late_left.is_empty() {
        rows.retain(|r| late_left.iter().all(|(line, _)| *line != r.line));
        rows_refused += late_left.len();
        problems.extend(late_left.into_iter().map(|(_, p)| p));
    }
    let (new_communities, new_clans) = lookup.into_new_units();
    let same_name = super::same_name::check(reader, kind, &rows)?;
    let sheet_notes = sheet_notes(&table);
    Ok(ImportPlan {
        sheet_notes,
        code_conflicts,
        mapping_accepted: file.accept_code_mapping,
        same_name,
        kind,
        encoding: table.encoding,
        delimiter: table.delimiter,
        ignored_columns: map.ignored,
        rows_read: table.rows.len(),
        rows,
        unchanged,
        generated_codes,
        new_communities,
        new_clans,
        problems,
        rows_checked,
        rows_refused,
        renamed,
        formula_cells,
    })
}

/// A formula's error value (`#N/A`, `#REF!`) in a column the import reads is refused:
/// stored, it would be a name or a code.
fn sheet_error_cells(table: &Table, map: &ColumnMap) -> Vec<Problem> {
    let Some(sheet) = &table.sheet else {
        return Vec::new();
    };
    sheet
        .errors
        .iter()
        .filter(|(_, col)| map.fields().any(|(_, i)| i == *col))
        .map(|(line, col)| Problem {
            line: Some(*line),
            column: table.headers.get(*col).cloned(),
            value: table
                .rows
                .iter()
                .find(|r| r.line == *line)
                .and_then(|r| r.fields.get(*col).map(str::to_string)),
            reason: "ô báo lỗi của công thức; sửa công thức trong bảng tính (hoặc chép giá trị) rồi nhập lại".into(),
        })
        .collect()
}

/// Headers are printed in the preview and in messages: one holding a control or
/// bidirectional character refuses the file.
pub(super) fn header_characters(headers: &[String], line: u64) -> Option<Vec<Problem>> {
    let problems: Vec<Problem> = headers
        .iter()
        .filter_map(|h| {
            unsafe_reason(h).map(|reason| Problem {
                line: Some(line),
                column: Some(h.clone()),
                value: None,
                reason: format!("tên cột {reason}"),
            })
        })
        .collect();
    (!problems.is_empty()).then_some(problems)
}

/// Codes written anywhere in the file are taken before the first code is generated, so a
/// generated code never equals one a later row spells out.
fn reserve_written_codes(lookup: &mut Lookup, map: &ColumnMap, rows: &[Row]) {
    fn cell<'r>(map: &ColumnMap, row: &'r Row, field: Field) -> Option<std::borrow::Cow<'r, str>> {
        map.position(field)
            .and_then(|i| row.fields.get(i))
            .map(|s| clean_name_cow(s))
            .filter(|s| !s.is_empty())
    }
    // Whether a cell is blank as a row's planning reads it (`Cells::text`).
    let blank = |row: &Row, field: Field| {
        map.position(field)
            .and_then(|i| row.fields.get(i))
            .is_none_or(|s| clean_name_cow(strip_formula_guard(s)).is_empty())
    };
    // The file's own codes matter only if a row gets a code generated: one without a
    // code of its own, or naming a thôn or clan without its code (created if new). A
    // list with every code written (the usual case) is not gone through twice.
    let generates = |code: Field, name: Option<Field>| {
        map.has(code)
            && rows
                .iter()
                .any(|row| blank(row, code) && name.is_none_or(|name| !blank(row, name)))
    };
    let own = generates(Field::Code, None);
    let communities = generates(Field::CommunityCode, Some(Field::Community));
    let clans = generates(Field::ClanCode, Some(Field::Clan));
    for row in rows {
        if own && let Some(code) = cell(map, row, Field::Code) {
            lookup.reserve(&code);
        }
        if communities && let Some(code) = cell(map, row, Field::CommunityCode) {
            lookup.communities.reserve(&code);
        }
        if clans && let Some(code) = cell(map, row, Field::ClanCode) {
            lookup.clans.reserve(&code);
        }
    }
}

/// What [`apply`] wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Applied {
    pub inserted: usize,
    pub updated: usize,
    pub communities_created: usize,
    pub clans_created: usize,
}

/// Writes a clean plan in one write transaction. A plan with problems is refused, and
/// anything the register refuses meanwhile (a code taken since the preview) aborts the
/// whole import.
pub fn apply(register: &Register, plan: &ImportPlan) -> Result<Applied, StoreError> {
    if !plan.is_clean() {
        return Err(StoreError::Invalid(format!(
            "Tệp còn {} lỗi; chưa ghi gì vào sổ",
            plan.problems.len()
        )));
    }
    // One transaction, and the unit tables opened once for all its rows.
    register.write(|w| {
        w.unit_batch(|w| {
            let mut out = RowWriter::default();
            for unit in &plan.new_communities {
                out.community(w, unit)?;
            }
            for unit in &plan.new_clans {
                out.clan(w, unit)?;
            }
            for row in &plan.rows {
                out.row(w, row)?;
            }
            Ok(out.applied)
        })
    })
}

/// Writes planned rows into a batch, the communities and clans they create first.
pub(super) struct RowWriter {
    community_ids: Vec<UnitId>,
    clan_ids: Vec<UnitId>,
    pub applied: Applied,
}

impl Default for RowWriter {
    fn default() -> Self {
        RowWriter {
            community_ids: Vec::new(),
            clan_ids: Vec::new(),
            applied: Applied {
                inserted: 0,
                updated: 0,
                communities_created: 0,
                clans_created: 0,
            },
        }
    }
}

fn resolve(r: Ref, created: &[UnitId]) -> Result<UnitId, StoreError> {
    match r {
        Ref::Existing(id) => Ok(id),
        Ref::New(i) => created.get(i).copied().ok_or_else(|| {
            StoreError::Other("Kế hoạch nhập không khớp (đơn vị mới không có)".into())
        }),
    }
}

impl RowWriter {
    pub fn community(&mut self, w: &mut UnitBatch, unit: &Unit) -> Result<(), StoreError> {
        self.community_ids.push(w.insert(unit)?);
        self.applied.communities_created += 1;
        Ok(())
    }

    pub fn clan(&mut self, w: &mut UnitBatch, unit: &Unit) -> Result<(), StoreError> {
        self.clan_ids.push(w.insert(unit)?);
        self.applied.clans_created += 1;
        Ok(())
    }

    /// Writes a row of a plan it cannot change (a copy only when ids must be filled in).
    pub fn row(&mut self, w: &mut UnitBatch, row: &PlannedRow) -> Result<(), StoreError> {
        if row.links == Links::default() {
            self.write(w, &row.unit, row.action)
        } else {
            self.row_in_place(w, &mut row.clone())
        }
    }

    /// Writes a row, filling in the ids of the units this import created that it points
    /// to, and puts the row back as planned afterwards (the plan keeps `Ref::New`).
    pub fn row_in_place(
        &mut self,
        w: &mut UnitBatch,
        row: &mut PlannedRow,
    ) -> Result<(), StoreError> {
        let Unit::Household(h) = &mut row.unit else {
            return self.write(w, &row.unit, row.action);
        };
        let planned = (h.community, h.clan);
        if let Some(r) = row.links.community {
            h.community = resolve(r, &self.community_ids)?;
        }
        if let Some(r) = row.links.clan {
            h.clan = Some(resolve(r, &self.clan_ids)?);
        }
        let written = self.write(w, &row.unit, row.action);
        if let Unit::Household(h) = &mut row.unit {
            (h.community, h.clan) = planned;
        }
        written
    }

    fn write(&mut self, w: &mut UnitBatch, unit: &Unit, action: Action) -> Result<(), StoreError> {
        match action {
            Action::Insert => {
                w.insert(unit)?;
                self.applied.inserted += 1;
            }
            Action::Update(id) => {
                w.update(id, unit)?;
                self.applied.updated += 1;
            }
        }
        Ok(())
    }
}
