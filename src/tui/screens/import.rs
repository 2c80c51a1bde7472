//! Importing a list from a workbook (.xlsx, .xlsm, .xls, .ods) or a CSV file, in two
//! steps on one screen: choose the kind and the file (from the list of files found in
//! the usual folders, or by typing its path), then read the preview of `exchange::plan` (what would be
//! added, updated, created, and every problem) before anything is written. The state
//! lives here; `App` drives it (`update_import.rs`).

use super::{PREVIEW_WIDTH, Shared, boxed};
use crate::app::import::{delimiter_name, unit_names};
use crate::exchange::headers::columns;
use crate::exchange::{self, ImportPlan};
use crate::model::UnitKind;
use crate::report::text::layout::wrap;
use crate::text::{TextInput, format_count, pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, keys_joined, pair_label};
use crate::tui::theme::Role;
use crate::tui::widgets::field::{FieldLine, Findings, put};
use crate::tui::widgets::form::{Field, FieldValue, Form};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};
use std::path::PathBuf;
use std::sync::Arc;

/// Files of the list shown at once (the screen must fit 80×24).
const FILE_ROWS: usize = 5;
/// The import screen's labels are short ("Loại danh sách", "Tệp").
const LABEL_WIDTH: u16 = 18;

/// What a file would do, read and checked, nothing written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Preview {
    /// Shared with the apply key, so what is applied is what was previewed.
    pub plan: Shared<ImportPlan>,
    pub file: PathBuf,
    /// The preview text, wrapped to [`PREVIEW_WIDTH`].
    pub lines: Vec<(String, Role)>,
    pub scroll: usize,
}

impl Preview {
    pub fn new(plan: ImportPlan, file: PathBuf) -> Preview {
        let lines = preview_lines(&plan, &file.display().to_string());
        Preview {
            plan: Shared(Arc::new(plan)),
            file,
            lines,
            scroll: 0,
        }
    }

    /// Lines of the preview on screen for a list page of `page_rows`: the body (three
    /// rows more than a list page) less the box's borders and the status line, as
    /// `render_preview` lays it out.
    pub fn text_rows(page_rows: usize) -> usize {
        page_rows.max(1)
    }

    pub fn max_scroll(&self, page_rows: usize) -> usize {
        self.lines
            .len()
            .saturating_sub(Preview::text_rows(page_rows))
    }
}

/// The fields of the import screen: what kind of list, which file, and the list of
/// files found (a choice among them, drawn as a list).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportField {
    Kind,
    Path,
    Files,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportState {
    /// The kind, the path (with why the file could not be read as its finding) and,
    /// when files were found, the chosen one.
    pub form: Form<ImportField>,
    pub preview: Option<Preview>,
    /// Spreadsheets and CSV files found in the usual folders, newest first.
    pub files: Vec<PathBuf>,
    /// The officer confirmed the code mapping (F6 in the preview); reset on Esc.
    pub accept_code_mapping: bool,
}

impl ImportState {
    pub fn new(kind: UnitKind, folder: Option<PathBuf>, files: Vec<PathBuf>) -> ImportState {
        let mut path = String::new();
        if let Some(folder) = folder {
            path = folder.display().to_string();
            if !path.ends_with(std::path::MAIN_SEPARATOR) {
                path.push(std::path::MAIN_SEPARATOR);
            }
        }
        let kinds: Vec<&str> = UnitKind::ALL.iter().map(|k| k.label()).collect();
        let at = UnitKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
        let mut fields = vec![
            (
                ImportField::Kind,
                Field::choice_of("Loại danh sách", &kinds, at),
            ),
            (ImportField::Path, Field::text("Tệp", &path, false)),
        ];
        if !files.is_empty() {
            let names: Vec<String> = files.iter().map(|f| f.display().to_string()).collect();
            let names: Vec<&str> = names.iter().map(String::as_str).collect();
            fields.push((
                ImportField::Files,
                Field::choice_of("Tệp tìm thấy", &names, 0),
            ));
        }
        for (_, field) in &mut fields {
            field.required = false;
        }
        ImportState {
            form: Form::new(fields, ImportField::Path),
            preview: None,
            files,
            accept_code_mapping: false,
        }
    }

    pub fn kind(&self) -> UnitKind {
        let at = self.form.chosen(ImportField::Kind).unwrap_or(0) as usize;
        UnitKind::ALL
            .get(at)
            .copied()
            .unwrap_or(UnitKind::Household)
    }

    /// The path as typed (not cleaned: spaces in a path are part of it).
    pub fn path(&self) -> &str {
        self.form
            .field(ImportField::Path)
            .and_then(Field::input)
            .map_or("", |t| t.value())
    }

    /// The file chosen in the list.
    pub fn file_selected(&self) -> usize {
        self.form.chosen(ImportField::Files).unwrap_or(0) as usize
    }

    /// Why the file could not be read.
    pub fn error(&self) -> Option<&str> {
        self.form
            .field(ImportField::Path)
            .and_then(|f| f.error.as_deref())
    }

    /// Tab and ↓: kind → path → file list, then down the list.
    pub fn focus_next(&mut self) {
        match self.form.focus() {
            ImportField::Kind => self.form.focus_on(ImportField::Path),
            ImportField::Path if !self.files.is_empty() => {
                self.form.focus_on(ImportField::Files);
                self.choose_file(self.file_selected());
            }
            ImportField::Path => self.form.focus_on(ImportField::Kind),
            ImportField::Files => self.choose_file(self.file_selected() + 1),
        }
    }

    /// Shift+Tab and ↑: up the file list, then back to the path and the kind.
    pub fn focus_prev(&mut self) {
        match self.form.focus() {
            ImportField::Files if self.file_selected() > 0 => {
                self.choose_file(self.file_selected() - 1);
            }
            ImportField::Files | ImportField::Kind => self.form.focus_on(ImportField::Path),
            ImportField::Path => self.form.focus_on(ImportField::Kind),
        }
    }

    /// Selects a file of the list and puts its path in the path field.
    fn choose_file(&mut self, index: usize) {
        let Some(last) = self.files.len().checked_sub(1) else {
            return;
        };
        let index = index.min(last);
        if let Some(Field {
            value: FieldValue::Choice { index: chosen, .. },
            ..
        }) = self.form.field_mut(ImportField::Files)
        {
            *chosen = index;
        }
        let path = self.files.get(index).map(|p| p.display().to_string());
        if let Some(path) = path
            && let Some(input) = self
                .form
                .field_mut(ImportField::Path)
                .and_then(Field::input_mut)
        {
            *input = TextInput::with_value(&path);
        }
    }

    /// A key on the kind or the path: ← → change the kind, other keys edit the path;
    /// either takes back why the last file could not be read.
    pub fn edit(&mut self, action: &Action) {
        if self.form.focus() != ImportField::Files && self.form.edit(action) {
            self.form.clear_errors();
        }
    }
}

fn push_wrapped(out: &mut Vec<(String, Role)>, text: &str, indent: &str, role: Role) {
    for line in wrap(text, PREVIEW_WIDTH, "", indent) {
        out.push((line, role));
    }
}

/// The preview as the officer reads it: problems first (they decide everything), then
/// what would change, then every row that would be written.
pub fn preview_lines(plan: &ImportPlan, file: &str) -> Vec<(String, Role)> {
    let mut out = Vec::new();
    let separator = format!("dấu {}", delimiter_name(plan.delimiter));
    push_wrapped(&mut out, &format!("Tệp: {file}"), "  ", Role::Normal);
    if plan.sheet_notes.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "{}, phân cách bằng {separator}, {} dòng dữ liệu.",
                plan.encoding.label(),
                format_count(plan.rows_read as u64),
            ),
            "  ",
            Role::Normal,
        );
    } else {
        push_wrapped(
            &mut out,
            &format!("{} dòng dữ liệu.", format_count(plan.rows_read as u64)),
            "  ",
            Role::Normal,
        );
        for (i, note) in plan.sheet_notes.iter().enumerate() {
            let role = if note.starts_with('⚠') {
                Role::Warning
            } else if i == 0 {
                Role::Normal
            } else {
                Role::Muted
            };
            push_wrapped(&mut out, note, "  ", role);
        }
    }
    if !plan.ignored_columns.is_empty() {
        let ignored: Vec<String> = plan
            .ignored_columns
            .iter()
            .map(|c| format!("«{c}»"))
            .collect();
        push_wrapped(
            &mut out,
            &format!("Bỏ qua các cột: {}", ignored.join(", ")),
            "  ",
            Role::Muted,
        );
    }
    out.push((String::new(), Role::Normal));
    if plan.awaits_code_mapping() {
        push_wrapped(
            &mut out,
            &format!(
                "⚠ {} mã số chỉ khớp mã trong sổ khi thêm hoặc bỏ số 0 ở đầu (bảng tính đã xóa số 0?). Nếu đúng là cùng một mã, bấm {} để xác nhận ghép mã và xem trước lại.",
                format_count(plan.code_conflicts.len() as u64),
                key_label(Ctx::ImportPreview, &Action::AcceptCodeMapping)
            ),
            "  ",
            Role::Warning,
        );
        out.push((String::new(), Role::Normal));
    } else if plan.mapping_accepted && !plan.code_conflicts.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Đã xác nhận ghép {} mã: {}",
                format_count(plan.code_conflicts.len() as u64),
                plan.code_conflicts
                    .iter()
                    .take(5)
                    .map(|c| format!("{} → {}", c.value, c.existing))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
            "  ",
            Role::Warning,
        );
        out.push((String::new(), Role::Normal));
    }
    if !plan.problems.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Lỗi ({}): sửa trong tệp rồi đọc lại. Chưa ghi gì vào sổ.",
                format_count(plan.problems.len() as u64)
            ),
            "  ",
            Role::Error,
        );
        for problem in &plan.problems {
            push_wrapped(&mut out, &format!("✗ {problem}"), "    ", Role::Error);
        }
        out.push((String::new(), Role::Normal));
    }
    let counts = format!(
        "{} {}, cập nhật {}, không đổi {}",
        format_count(plan.inserts() as u64),
        plan.kind.counter(),
        format_count(plan.updates() as u64),
        format_count(plan.unchanged as u64)
    );
    let summary = if !plan.rows_checked {
        "Chưa kiểm tra dòng nào: tệp thiếu cột; sửa tiêu đề cột rồi đọc lại.".to_string()
    } else if plan.rows_refused > 0 {
        format!(
            "Dòng không lỗi: sẽ thêm {counts}; {} dòng lỗi chưa tính.",
            format_count(plan.rows_refused as u64)
        )
    } else {
        format!("Sẽ thêm {counts}.")
    };
    push_wrapped(&mut out, &summary, "  ", Role::Title);
    if !plan.renamed.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "⚠ {} dòng cập nhật đổi tên đơn vị đã có trong sổ: xem kỹ mã trong tệp có đúng là đơn vị đó không.",
                format_count(plan.renamed.len() as u64)
            ),
            "  ",
            Role::Warning,
        );
    }
    if !plan.new_communities.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Thôn, tổ dân phố sẽ tạo mới ({}): {}",
                plan.new_communities.len(),
                unit_names(&plan.new_communities)
            ),
            "  ",
            Role::Warning,
        );
    }
    if !plan.new_clans.is_empty() {
        push_wrapped(
            &mut out,
            &format!(
                "Dòng họ sẽ tạo mới ({}): {}",
                plan.new_clans.len(),
                unit_names(&plan.new_clans)
            ),
            "  ",
            Role::Warning,
        );
    }
    if let Some(warning) = plan.formula_warning() {
        push_wrapped(&mut out, &warning, "  ", Role::Warning);
    }
    for (_, note) in &plan.same_name {
        push_wrapped(
            &mut out,
            &format!("⚠ có thể trùng: {note}"),
            "  ",
            Role::Warning,
        );
    }
    if plan.generated_codes > 0 {
        push_wrapped(
            &mut out,
            &format!(
                "{} dòng không có mã nên được cấp mã tự động ({}…): nhập lại tệp này sẽ thêm trùng.",
                format_count(plan.generated_codes as u64),
                plan.kind.code_prefix()
            ),
            "  ",
            Role::Warning,
        );
    }
    if !plan.rows.is_empty() {
        out.push((String::new(), Role::Normal));
        out.push(("Các dòng sẽ ghi:".into(), Role::Title));
        for row in &plan.rows {
            let action = match row.action {
                exchange::Action::Insert => "thêm",
                exchange::Action::Update(_) => "cập nhật",
            };
            // A rename is marked first, so it survives truncation at 80 columns.
            let (name, role) = match plan.old_name(row) {
                Some(old) => (
                    format!("⚠ đổi tên: {old} → {}", row.unit.display_name()),
                    Role::Warning,
                ),
                None => (row.unit.display_name(), Role::Normal),
            };
            let line = format!(
                "  dòng {} {} {} {name}",
                pad_to_width(&row.line.to_string(), 5),
                pad_to_width(action, 8),
                pad_to_width(row.unit.code(), 8),
            );
            out.push((truncate_to_width(&line, PREVIEW_WIDTH), role));
        }
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &ImportState) {
    match &state.preview {
        Some(preview) => render_preview(app, frame, area, preview),
        None => render_choose(app, frame, area, state),
    }
}

fn render_choose(app: &App, frame: &mut Frame, area: Rect, state: &ImportState) {
    let theme = app.theme;
    let block = boxed(app, "Nhập danh sách từ tệp Excel hoặc CSV");
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let width = usize::from(inner.width);
    let list_rows = if state.files.is_empty() {
        0
    } else {
        // The heading, the files shown and a blank line.
        state.files.len().min(FILE_ROWS) as u16 + 2
    };
    let [kind_row, _, path_row, _, list_area, notes_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(list_rows),
        Constraint::Fill(1),
    ])
    .areas(inner);
    let buf = frame.buffer_mut();
    let focus = state.form.focus();
    let line = |key: ImportField, value_width: u16| {
        state.form.field(key).map(|field| FieldLine {
            field,
            focused: focus == key,
            theme,
            label_width: LABEL_WIDTH,
            value_width,
        })
    };
    if let Some(kind) = line(ImportField::Kind, 28) {
        kind.render(kind_row, buf, Findings::Beside);
    }
    // The path takes the whole line; why it could not be read is said in full below.
    let path_width = inner.width.saturating_sub(LABEL_WIDTH + 1);
    let cursor = line(ImportField::Path, path_width)
        .and_then(|path| path.render(path_row, buf, Findings::Below));
    if !state.files.is_empty() {
        render_files(app, buf, list_area, state);
    }
    let mut notes: Vec<(String, Role)> = Vec::new();
    if let Some(error) = state.error() {
        for line in wrap(&format!("✗ {error}"), width, "", "  ") {
            notes.push((line, Role::Error));
        }
        notes.push((String::new(), Role::Normal));
    }
    let kind = state.kind();
    let expected: Vec<String> = columns(kind)
        .iter()
        .map(|c| {
            if c.required {
                format!("{}*", c.header())
            } else {
                c.header().to_string()
            }
        })
        .collect();
    let help = [
        format!("Các cột của tệp {}: {}", kind.label().to_lowercase(), expected.join(", ")),
        "(* bắt buộc; tên cột viết hoa, thường, có dấu hay không dấu đều được; cột «STT» và cột lạ được bỏ qua.)".to_string(),
        "Đọc thẳng tệp Excel (.xlsx, .xls), LibreOffice (.ods) — trang đầu, bỏ qua các dòng tên bảng ở trên — hoặc tệp CSV. Mẫu và tên cột khác: docs/import-export.md.".to_string(),
        format!(
            "{}: đọc tệp và xem trước. Chưa ghi gì vào sổ cho tới khi xem trước và bấm {}.",
            key_label(Ctx::Import, &Action::Open),
            key_label(Ctx::ImportPreview, &Action::Save)
        ),
    ];
    for (i, text) in help.iter().enumerate() {
        let role = if i == 0 { Role::Normal } else { Role::Muted };
        for line in wrap(text, width, "", "  ") {
            notes.push((line, role));
        }
    }
    let lines: Vec<Line> = notes
        .into_iter()
        .map(|(text, role)| Line::styled(truncate_to_width(&text, width), theme.style(role)))
        .collect();
    Paragraph::new(lines).render(notes_area, buf);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

/// The files found: a heading naming the keys, then the files around the chosen one.
fn render_files(app: &App, buf: &mut Buffer, area: Rect, state: &ImportState) {
    let theme = app.theme;
    let focused = state.form.focus() == ImportField::Files;
    let width = usize::from(area.width);
    let shown = state.files.len().min(FILE_ROWS);
    let [heading, list] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(u16::try_from(shown).unwrap_or(0)),
    ])
    .areas(area);
    let marker = if focused { theme.sym("▶", ">") } else { " " };
    let text = format!(
        "{marker}{}",
        truncate_to_width(
            &format!(
                "Tệp tìm thấy ({}): {} để chọn, {} để xem trước",
                state.files.len(),
                keys_joined(Ctx::Import, &Action::NextField, 2, " hoặc "),
                key_label(Ctx::Import, &Action::Open)
            ),
            width.saturating_sub(1)
        )
    );
    let style = theme.style(if focused { Role::Title } else { Role::Normal });
    put(buf, heading, &text, style);
    let selected = state.file_selected();
    let first = selected
        .saturating_sub(FILE_ROWS - 1)
        .min(state.files.len().saturating_sub(FILE_ROWS));
    let rows = Layout::vertical(vec![Constraint::Length(1); shown]).split(list);
    for ((i, path), row) in state.files.iter().enumerate().skip(first).zip(rows.iter()) {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let folder = path
            .parent()
            .map(|p| p.display().to_string())
            .unwrap_or_default();
        let line = format!(
            "  {} {}",
            pad_to_width(&truncate_to_width(&name, 36), 36),
            folder
        );
        let style = if focused && i == selected {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Normal)
        };
        put(buf, *row, &line, style);
    }
}

fn render_preview(app: &App, frame: &mut Frame, area: Rect, preview: &Preview) {
    let theme = app.theme;
    let plan = &preview.plan.0;
    let title = format!(
        "Xem trước: nhập {} (chưa ghi gì)",
        plan.kind.label().to_lowercase()
    );
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let [text_area, status_area] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inner);
    let width = usize::from(inner.width);
    let rows = usize::from(text_area.height).max(1);
    let scroll = preview.scroll.min(preview.lines.len().saturating_sub(rows));
    let buf = frame.buffer_mut();
    let shown: Vec<Line> = preview
        .lines
        .iter()
        .skip(scroll)
        .take(rows)
        .map(|(text, role)| {
            let text = if theme.ascii {
                text.replace('✗', "x")
            } else {
                text.clone()
            };
            Line::styled(truncate_to_width(&text, width), theme.style(*role))
        })
        .collect();
    Paragraph::new(shown).render(text_area, buf);
    let more = if preview.lines.len() > rows {
        format!(
            " (dòng {}–{}/{}, {} {} để cuộn)",
            scroll + 1,
            (scroll + rows).min(preview.lines.len()),
            preview.lines.len(),
            pair_label(Ctx::ImportPreview, &Action::Up, &Action::Down, ""),
            pair_label(Ctx::ImportPreview, &Action::PageUp, &Action::PageDown, " ")
        )
    } else {
        String::new()
    };
    let (status, role) = if plan.is_clean() {
        (
            format!(
                "{} Không có lỗi. {}: ghi vào sổ (một lần, trọn vẹn).{more}",
                theme.sym("✓", "v"),
                key_label(Ctx::ImportPreview, &Action::Save)
            ),
            Role::Good,
        )
    } else {
        (
            format!(
                "{} {} lỗi: không nhập được. {}{} để chọn lại tệp.{more}",
                theme.sym("✗", "x"),
                format_count(plan.problems.len() as u64),
                if plan.awaits_code_mapping() {
                    format!(
                        "{}: xác nhận ghép mã. ",
                        key_label(Ctx::ImportPreview, &Action::AcceptCodeMapping)
                    )
                } else {
                    String::new()
                },
                key_label(Ctx::ImportPreview, &Action::Back)
            ),
            Role::Error,
        )
    };
    put(buf, status_area, &status, theme.style(role));
}
