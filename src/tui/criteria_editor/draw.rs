//! Drawing the criteria screens, pure functions of `&App`: the list of sets with the
//! selected set's source and provenance, the editor (one line per value, its problem
//! beside it and in full under the fields), and the adopt preview.

use super::CriteriaScreen;
use super::sets::{self, AdoptState, SetsState, provenance_short};
use super::state::{CritField, EditorState, GradeField, IndField, Line, SetField, Slot};
use crate::criteria::draft::Severity;
use crate::text::{pad_to_width, truncate_to_width, width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, pair_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::style::Modifier;
use ratatui::widgets::Widget;

const LABEL_WIDTH: usize = 18;
/// Wide enough for a document number or a criterion's name to read; a longer value
/// (an indicator's wording) scrolls inside it.
pub const VALUE_WIDTH: usize = 34;

pub fn render(app: &App, frame: &mut Frame, area: Rect, screen: &CriteriaScreen) {
    match screen {
        CriteriaScreen::Sets(state) => render_sets(app, frame, area, state),
        CriteriaScreen::Editor(state) => render_editor(app, frame, area, state),
        CriteriaScreen::Adopt(state) => render_adopt(app, frame, area, state),
    }
}

/// One line of text in its role, cut with "…" to `row`'s width.
fn put(app: &App, frame: &mut Frame, row: Rect, text: &str, role: Role) {
    CutLines([(text, app.theme.style(role))]).render(row, frame.buffer_mut());
}

/// Inside a screen's box, with two columns clear on either side of the text.
fn inside(area: Rect) -> Rect {
    area.inner(Margin::new(2, 1))
}

fn render_sets(app: &App, frame: &mut Frame, area: Rect, state: &SetsState) {
    let title = format!("Bộ tiêu chí · năm {}", app.year);
    boxed(app, &title).render(area, frame.buffer_mut());
    // Under the list: the selected set's source, provenance and totals.
    let [header_row, list_area, detail_area] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(5),
    ])
    .areas(inside(area));
    let w = usize::from(list_area.width);
    let list_h = usize::from(list_area.height).max(1);
    let name_w = w.saturating_sub(2 + 5 + 11 + 16 + 10);
    let header = format!(
        "  {}{}{}{}Năm {}",
        pad_to_width("DH", 5),
        pad_to_width("Áp dụng", 11),
        pad_to_width("Tên bộ", name_w),
        pad_to_width("Nguồn gốc", 16),
        app.year
    );
    put(app, frame, header_row, &header, Role::Header);
    let rows = sets::rows(&app.catalog, app.year);
    let start = state.selected.saturating_sub(list_h.saturating_sub(1));
    for ((i, row), line_area) in rows.iter().enumerate().skip(start).zip(list_area.rows()) {
        let Some(entry) = app.catalog.by_id(&row.id) else {
            continue;
        };
        let set = &entry.set;
        let selected = i == state.selected;
        let marker = if selected {
            app.theme.sym("▶", ">")
        } else {
            " "
        };
        let line = format!(
            "{marker} {}{}{}{}{}",
            pad_to_width(set.title.short(), 5),
            pad_to_width(&set.years_label(), 11),
            pad_to_width(&truncate_to_width(&set.name, name_w - 1), name_w),
            pad_to_width(provenance_short(set.provenance()), 16),
            if row.in_force { "đang dùng" } else { "" }
        );
        let role = if selected {
            Role::Selected
        } else if set.status == crate::criteria::Status::Provisional {
            Role::Warning
        } else {
            Role::Normal
        };
        put(app, frame, line_area, &pad_to_width(&line, w), role);
    }
    let Some(entry) = rows
        .get(state.selected)
        .and_then(|r| app.catalog.by_id(&r.id))
    else {
        return;
    };
    let set = &entry.set;
    let source = if set.source.is_empty() {
        "(chưa ghi)".to_string()
    } else {
        set.source.clone()
    };
    let who = match &set.entry {
        Some(e) => format!(
            "Người nhập: {}, lúc {} ({})",
            e.stamp.user,
            e.stamp.at.format("%d/%m/%Y %H:%M"),
            e.how
        ),
        None => "Có sẵn trong chương trình".into(),
    };
    let totals = format!(
        "{} tiêu chí, {} chỉ số, tổng tối đa {}{}",
        set.criteria.len(),
        set.indicator_count(),
        set.max_total(),
        set.min_total
            .map(|m| format!(", đạt từ {m} điểm"))
            .unwrap_or_default()
    );
    let lines = [
        (format!("Văn bản: {source}"), Role::Normal),
        (
            format!("Nguồn gốc: {}", set.provenance().label()),
            Role::Muted,
        ),
        (who, Role::Muted),
        (totals, Role::Muted),
    ];
    // A long source wraps onto a second line rather than losing its issuing body.
    let text: Vec<ratatui::text::Line> = lines
        .into_iter()
        .map(|(text, role)| ratatui::text::Line::styled(text, app.theme.style(role)))
        .collect();
    ratatui::widgets::Paragraph::new(text)
        .wrap(ratatui::widgets::Wrap { trim: true })
        .render(detail_area, frame.buffer_mut());
}

fn label(state: &EditorState, slot: Slot) -> String {
    use SetField as S;
    match slot {
        Slot::Set(f) => match f {
            S::Name => "Tên bộ",
            S::Title => "Danh hiệu",
            S::From => "Áp dụng từ năm",
            S::To => "Đến năm",
            S::Doc => "Văn bản",
            S::Number => "Số văn bản",
            S::Date => "Ngày ban hành",
            S::Body => "Cơ quan ban hành",
            S::Checked => "Đối chiếu",
            S::MinTotal => "Tổng tối thiểu",
        }
        .into(),
        Slot::Grade(g, GradeField::Name) => format!("Xếp loại {}", g + 1),
        Slot::Grade(_, GradeField::Min) => "  từ (điểm)".into(),
        Slot::Criterion(_, f) => match f {
            CritField::Code => "Mã tiêu chí",
            CritField::Name => "Tên tiêu chí",
            CritField::MinTotal => "Tối thiểu của TC",
        }
        .into(),
        Slot::Indicator(c, i, IndField::Code) => {
            let n = state.criteria.get(c).map_or(0, |c| c.indicators.len());
            format!("  Chỉ số {}/{n}", i + 1)
        }
        Slot::Indicator(_, _, f) => match f {
            IndField::Code => "  Mã chỉ số",
            IndField::Text => "  Nội dung",
            IndField::Kind => "  Loại",
            IndField::Max => "  Điểm tối đa",
            IndField::Floor => "  Điểm sàn",
            IndField::Mandatory => "  Bắt buộc",
        }
        .into(),
    }
}

/// What an empty optional value means, shown in its place away from the cursor.
fn empty_meaning(slot: Slot) -> Option<&'static str> {
    match slot {
        Slot::Set(SetField::To) => Some("(không hạn)"),
        Slot::Set(SetField::MinTotal)
        | Slot::Criterion(_, CritField::MinTotal)
        | Slot::Indicator(_, _, IndField::Floor) => Some("(không có)"),
        _ => None,
    }
}

fn mark(app: &App, severity: Severity) -> (&'static str, Role) {
    match severity {
        Severity::Error => (app.theme.sym("✗", "x"), Role::Error),
        Severity::Warning => (app.theme.sym("⚠", "!"), Role::Warning),
    }
}

fn render_editor(app: &App, frame: &mut Frame, area: Rect, state: &EditorState) {
    let (set, _) = state.to_set();
    let title = format!(
        "Soạn bộ tiêu chí · từ {} · tổng tối đa {}",
        state.started_from,
        set.max_total()
    );
    let title = truncate_to_width(&title, usize::from(area.width.saturating_sub(6)));
    boxed(app, &title).render(area, frame.buffer_mut());
    // The fields, then two lines: the problem under the cursor and a hint.
    let [list_area, problem_row, hint_row] = Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(inside(area));
    let w = usize::from(list_area.width);
    let list_h = usize::from(list_area.height).max(1);
    let lines = state.lines();
    let focus = state.focused();
    let focus_line = state.focus_line().unwrap_or(0);
    // The state keeps the cursor's field in view for the smallest window; a taller
    // one shows more below.
    let mut start = state.top.min(lines.len().saturating_sub(1));
    if focus_line >= start + list_h {
        start = focus_line + 1 - list_h;
    }
    if focus_line < start {
        start = focus_line;
    }
    let mut cursor = None;
    for (row, line) in list_area.rows().zip(lines.iter().skip(start)) {
        // A field's line: its label, its value, a gap, its first problem.
        let [label_area, value_area, _, note_area] = Layout::horizontal([
            Constraint::Length(LABEL_WIDTH as u16),
            Constraint::Length(VALUE_WIDTH as u16),
            Constraint::Length(1),
            Constraint::Fill(1),
        ])
        .areas(row);
        let slot = match line {
            Line::Heading(text) => {
                let rule = app.theme.sym("─", "-");
                let text = format!("{rule}{rule} {text} ");
                let fill = w.saturating_sub(width(&text));
                put(
                    app,
                    frame,
                    row,
                    &format!("{text}{}", rule.repeat(fill)),
                    Role::Title,
                );
                continue;
            }
            Line::Field(slot) => *slot,
        };
        let focused = Some(slot) == focus;
        let marker = if focused {
            app.theme.sym("▶", ">")
        } else {
            " "
        };
        let label_text = format!(
            "{marker}{}",
            pad_to_width(
                &truncate_to_width(&label(state, slot), LABEL_WIDTH - 2),
                LABEL_WIDTH - 1
            )
        );
        put(
            app,
            frame,
            label_area,
            &label_text,
            if focused { Role::Title } else { Role::Normal },
        );
        let value_style = if focused {
            app.theme.style(Role::Selected)
        } else {
            app.theme
                .style(Role::Normal)
                .add_modifier(Modifier::UNDERLINED)
        };
        let shown = if let Some(choice) = state.choice_label(slot) {
            format!(
                "{} {choice} {}",
                app.theme.sym("◀", "<"),
                app.theme.sym("▶", ">")
            )
        } else if let Some(input) = state.input(slot) {
            if focused {
                let (shown, column) = input.visible_window(VALUE_WIDTH);
                let column = u16::try_from(column).unwrap_or(0);
                cursor = Some((value_area.x + column, value_area.y));
                shown
            } else if input.is_empty() {
                empty_meaning(slot).unwrap_or("").to_string()
            } else {
                truncate_to_width(input.value(), VALUE_WIDTH)
            }
        } else {
            String::new()
        };
        frame.buffer_mut().set_stringn(
            value_area.x,
            value_area.y,
            pad_to_width(&shown, VALUE_WIDTH),
            usize::from(value_area.width),
            value_style,
        );
        if let Some((severity, message)) = state.issues_of(slot).first() {
            let (sym, role) = mark(app, *severity);
            put(app, frame, note_area, &format!("{sym} {message}"), role);
        }
    }
    // Under the fields: the problem of the field with the cursor in full, or how the
    // set stands; then how to read a value longer than its window.
    let issues = focus.map(|s| state.issues_of(s)).unwrap_or_default();
    let (text, role) = match issues.first() {
        Some((severity, message)) => {
            let (sym, role) = mark(app, *severity);
            (format!("{sym} {message}"), role)
        }
        None => match state.error_count() {
            0 => (
                format!(
                    "Chưa thấy lỗi nào · {}: lưu thành phiên bản mới",
                    key_label(Ctx::CriteriaEditor, &Action::Save)
                ),
                Role::Good,
            ),
            n => (
                format!(
                    "Còn {n} lỗi ở các ô có dấu {} · {} chỉ lưu khi hết lỗi",
                    app.theme.sym("✗", "x"),
                    key_label(Ctx::CriteriaEditor, &Action::Save)
                ),
                Role::Warning,
            ),
        },
    };
    put(app, frame, problem_row, &text, role);
    let second = issues.get(1).map(|(severity, message)| {
        let (sym, role) = mark(app, *severity);
        (format!("{sym} {message}"), role)
    });
    let arrows = pair_label(Ctx::CriteriaEditor, &Action::Left, &Action::Right, " ");
    // Spelled out for --ascii ("<- ->"): the screen's own fallback would give one cell each.
    let arrows = if app.theme.ascii {
        crate::text::ascii::to_ascii(&arrows)
    } else {
        arrows
    };
    let hint = match focus {
        Some(slot) if slot.is_choice() => format!("{arrows} để chọn"),
        Some(slot) => state
            .input(slot)
            .filter(|i| width(i.value()) > VALUE_WIDTH - 1)
            .map(|i| {
                format!(
                    "Ô này dài {} ký tự: {arrows} {} {} để xem hết; chữ trong ô tự cuộn",
                    i.value().chars().count(),
                    key_label(Ctx::CriteriaEditor, &Action::LineStart),
                    key_label(Ctx::CriteriaEditor, &Action::LineEnd)
                )
            })
            .unwrap_or_default(),
        None => String::new(),
    };
    let (hint, role) = second.unwrap_or((hint, Role::Muted));
    put(app, frame, hint_row, &hint, role);
    if let Some(position) = cursor {
        frame.set_cursor_position(position);
    }
}

fn render_adopt(app: &App, frame: &mut Frame, area: Rect, state: &AdoptState) {
    boxed(app, "Xem trước khi chuyển bộ tiêu chí").render(area, frame.buffer_mut());
    let Some(entry) = app.catalog.by_id(&state.id) else {
        return;
    };
    // The plan, scrolled, above the line that says what the keys do.
    let [plan_area, keys_row] =
        Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(inside(area));
    let lines = sets::adopt_lines(entry, &state.plan);
    let start = state
        .scroll
        .min(lines.len().saturating_sub(usize::from(plan_area.height)));
    let plan = lines
        .iter()
        .skip(start)
        .map(|(text, role)| (text, app.theme.style(*role)));
    CutLines(plan).render(plan_area, frame.buffer_mut());
    put(
        app,
        frame,
        keys_row,
        &format!(
            "Chưa ghi gì. {}: chuyển (một lần ghi, hoàn tác được) · {}: thôi",
            key_label(Ctx::CriteriaAdopt, &Action::Save),
            key_label(Ctx::CriteriaAdopt, &Action::Back)
        ),
        Role::Muted,
    );
}
