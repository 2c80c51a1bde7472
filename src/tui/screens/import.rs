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
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Modifier;
use ratatui::widgets::Widget;
use std::path::PathBuf;
use std::sync::Arc;

/// Files of the list shown at once (the screen must fit 80×24).
const FILE_ROWS: usize = 5;

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

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportState {
    pub kind: UnitKind,
    pub path: TextInput,
    /// 0: the kind, 1: the file path, 2: the list of files found.
    pub focus: usize,
    /// Why the file could not be read.
    pub error: Option<String>,
    pub preview: Option<Preview>,
    /// Spreadsheets and CSV files found in the usual folders, newest first.
    pub files: Vec<PathBuf>,
    /// The file chosen in `files` (while the list has the focus).
    pub file_selected: usize,
    /// The officer confirmed the code mapping (F6 in the preview); reset on Esc.
    pub accept_code_mapping: bool,
}

impl ImportState {
    pub fn new(kind: UnitKind, folder: Option<PathBuf>, files: Vec<PathBuf>) -> ImportState {
        let mut path = TextInput::new();
        if let Some(folder) = folder {
            let mut text = folder.display().to_string();
            if !text.ends_with(std::path::MAIN_SEPARATOR) {
                text.push(std::path::MAIN_SEPARATOR);
            }
            path.insert_str(&text);
        }
        ImportState {
            kind,
            path,
            focus: 1,
            error: None,
            preview: None,
            files,
            file_selected: 0,
            accept_code_mapping: false,
        }
    }

    /// Tab and ↓: kind → path → file list, then down the list.
    pub fn focus_next(&mut self) {
        match self.focus {
            0 => self.focus = 1,
            1 if !self.files.is_empty() => {
                self.focus = 2;
                self.choose_file(self.file_selected);
            }
            1 => self.focus = 0,
            _ => self.choose_file(self.file_selected + 1),
        }
    }

    /// Shift+Tab and ↑: up the file list, then back to the path and the kind.
    pub fn focus_prev(&mut self) {
        match self.focus {
            2 if self.file_selected > 0 => self.choose_file(self.file_selected - 1),
            2 => self.focus = 1,
            1 => self.focus = 0,
            _ => self.focus = 1,
        }
    }

    /// Selects a file of the list and puts its path in the path field.
    fn choose_file(&mut self, index: usize) {
        let Some(last) = self.files.len().checked_sub(1) else {
            return;
        };
        self.file_selected = index.min(last);
        if let Some(path) = self.files.get(self.file_selected) {
            self.path = TextInput::new();
            self.path.insert_str(&path.display().to_string());
        }
    }

    /// The next (or previous) kind in the home screen's order.
    pub fn cycle_kind(&mut self, forward: bool) {
        let all = UnitKind::ALL;
        let at = all.iter().position(|k| *k == self.kind).unwrap_or(0);
        let n = all.len();
        let next = if forward { at + 1 } else { at + n - 1 } % n;
        self.kind = all.get(next).copied().unwrap_or(self.kind);
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
    boxed(app, "Nhập danh sách từ tệp Excel hoặc CSV").render(area, frame.buffer_mut());
    let x = area.x + 2;
    let width = usize::from(area.width.saturating_sub(4));
    let label_width = 18;
    let field_width = width.saturating_sub(label_width);
    let buf = frame.buffer_mut();
    let marker = |i: usize| {
        if state.focus == i {
            theme.sym("▶", ">")
        } else {
            " "
        }
    };
    let label_style = |i: usize| {
        if state.focus == i {
            theme.style(Role::Title)
        } else {
            theme.style(Role::Normal)
        }
    };
    let value_style = |i: usize| {
        if state.focus == i {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Normal).add_modifier(Modifier::UNDERLINED)
        }
    };
    let mut y = area.y + 1;
    buf.set_stringn(
        x,
        y,
        format!(
            "{}{}",
            marker(0),
            pad_to_width("Loại danh sách", label_width - 1)
        ),
        width,
        label_style(0),
    );
    let kind = format!(
        "{} {} {}",
        theme.sym("◀", "<"),
        state.kind.label(),
        theme.sym("▶", ">")
    );
    buf.set_stringn(
        x + label_width as u16,
        y,
        pad_to_width(&kind, 28),
        28,
        value_style(0),
    );
    if state.focus == 0 {
        buf.set_stringn(
            x + label_width as u16 + 29,
            y,
            format!(
                "{} để chọn",
                pair_label(Ctx::Import, &Action::Left, &Action::Right, " ")
            ),
            field_width.saturating_sub(29),
            theme.style(Role::Muted),
        );
    }
    y += 2;
    buf.set_stringn(
        x,
        y,
        format!("{}{}", marker(1), pad_to_width("Tệp", label_width - 1)),
        width,
        label_style(1),
    );
    let (shown, cursor) = state.path.visible_window(field_width);
    buf.set_stringn(
        x + label_width as u16,
        y,
        pad_to_width(&shown, field_width),
        field_width,
        value_style(1),
    );
    let cursor_at = (state.focus == 1).then(|| {
        (
            x + label_width as u16 + u16::try_from(cursor).unwrap_or(0),
            y,
        )
    });
    y += 2;
    if !state.files.is_empty() {
        buf.set_stringn(
            x,
            y,
            format!(
                "{}{}",
                marker(2),
                truncate_to_width(
                    &format!(
                        "Tệp tìm thấy ({}): {} để chọn, {} để xem trước",
                        state.files.len(),
                        keys_joined(Ctx::Import, &Action::NextField, 2, " hoặc "),
                        key_label(Ctx::Import, &Action::Open)
                    ),
                    width.saturating_sub(1)
                )
            ),
            width,
            label_style(2),
        );
        y += 1;
        let first = state
            .file_selected
            .saturating_sub(FILE_ROWS - 1)
            .min(state.files.len().saturating_sub(FILE_ROWS));
        for (i, path) in state.files.iter().enumerate().skip(first).take(FILE_ROWS) {
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
            let style = if state.focus == 2 && i == state.file_selected {
                theme.style(Role::Selected)
            } else {
                theme.style(Role::Normal)
            };
            buf.set_stringn(x, y, truncate_to_width(&line, width), width, style);
            y += 1;
        }
        y += 1;
    }
    let mut notes: Vec<(String, Role)> = Vec::new();
    if let Some(error) = &state.error {
        for line in wrap(&format!("✗ {error}"), width, "", "  ") {
            notes.push((line, Role::Error));
        }
        notes.push((String::new(), Role::Normal));
    }
    let expected: Vec<String> = columns(state.kind)
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
        format!("Các cột của tệp {}: {}", state.kind.label().to_lowercase(), expected.join(", ")),
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
    for (text, role) in notes {
        if y + 1 >= area.y + area.height {
            break;
        }
        buf.set_stringn(
            x,
            y,
            truncate_to_width(&text, width),
            width,
            theme.style(role),
        );
        y += 1;
    }
    if let Some(position) = cursor_at {
        frame.set_cursor_position(position);
    }
}

fn render_preview(app: &App, frame: &mut Frame, area: Rect, preview: &Preview) {
    let theme = app.theme;
    let plan = &preview.plan.0;
    let title = format!(
        "Xem trước: nhập {} (chưa ghi gì)",
        plan.kind.label().to_lowercase()
    );
    boxed(app, &title).render(area, frame.buffer_mut());
    let x = area.x + 2;
    let width = usize::from(area.width.saturating_sub(4));
    // Borders and the status line.
    let rows = usize::from(area.height.saturating_sub(3)).max(1);
    let scroll = preview.scroll.min(preview.lines.len().saturating_sub(rows));
    let buf = frame.buffer_mut();
    for (i, (text, role)) in preview.lines.iter().skip(scroll).take(rows).enumerate() {
        let mut text = text.clone();
        if theme.ascii {
            text = text.replace('✗', "x");
        }
        buf.set_stringn(
            x,
            area.y + 1 + i as u16,
            truncate_to_width(&text, width),
            width,
            theme.style(*role),
        );
    }
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
    buf.set_stringn(
        x,
        area.y + area.height.saturating_sub(2),
        truncate_to_width(&status, width),
        width,
        theme.style(role),
    );
}
