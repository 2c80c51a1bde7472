//! The small forms: a decision on one evaluation (with the override reason when the unit
//! does not pass), bulk recognition, and the resolution's targets as a grid of measures
//! by milestone year.

use super::state::{DecisionAbout, SheetForm, SheetState, TargetField};
use crate::model::Measure;
use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, keys_joined, pair_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::field::{FieldLine, Findings, ValueBox, put};
use crate::tui::widgets::form::Form;
use crate::tui::widgets::form::draw::{FormLook, FormView};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Position;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

/// The list sheets: labels up to 27 letters, values of a date or a decision number,
/// each finding on the line under its field.
const LOOK: FormLook = FormLook {
    label_width: 30,
    value_width: 24,
    spacing: 2,
    findings: Findings::Below,
};

/// The targets sheet's resolution fields, one line each, findings beside.
const HEADER_LABEL: u16 = 24;
const HEADER_VALUE: u16 = 30;
/// The targets grid: the measure's name, then one cell per milestone.
const MEASURE_WIDTH: u16 = 26;
const CELL_WIDTH: u16 = 9;

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &SheetState) {
    match &state.form {
        SheetForm::Targets(form, milestones) => {
            render_targets(app, frame, area, state, form, milestones);
        }
        _ => render_list(app, frame, area, state),
    }
}

/// The fields of a list sheet, whichever they are.
fn fields<F: Copy + Eq>(
    app: &App,
    form: &Form<F>,
    area: Rect,
    buf: &mut Buffer,
) -> Option<Position> {
    FormView {
        form,
        theme: app.theme,
        look: LOOK,
    }
    .render(area, buf)
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, state: &SheetState) {
    let theme = app.theme;
    let (title, intro): (String, Vec<(Role, String)>) = match &state.form {
        SheetForm::Decision(
            _,
            DecisionAbout {
                name,
                passed,
                failures,
                ..
            },
        ) => {
            let mut intro = vec![(Role::Normal, format!("Đơn vị: {name}"))];
            if *passed {
                intro.push((
                    Role::Good,
                    format!("{} Đạt tiêu chí: có thể công nhận.", theme.sym("✓", "+")),
                ));
            } else {
                intro.push((
                    Role::Error,
                    format!(
                        "{} Chưa đạt tiêu chí: {}",
                        theme.sym("✗", "x"),
                        failures.join("; ")
                    ),
                ));
                intro.push((
                    Role::Warning,
                    "Muốn công nhận ngoại lệ phải ghi lý do (được lưu trong lịch sử).".into(),
                ));
            }
            ("Quyết định công nhận".into(), intro)
        }
        SheetForm::Letterhead(_) => (
            "Phần đầu và phần ký của báo cáo".into(),
            vec![
                (
                    Role::Normal,
                    "Ô để trống: báo cáo ghi dòng thường dùng (tên xã, tỉnh; CHỦ TỊCH;".into(),
                ),
                (
                    Role::Normal,
                    "nơi nhận: Đảng ủy xã, UBND xã, Hội Khuyến học cấp trên, Lưu).".into(),
                ),
            ],
        ),
        SheetForm::Withdraw(_) => (
            "Rút lại hoặc sửa một quyết định".into(),
            vec![
                (
                    Role::Normal,
                    "Mọi đơn vị được công nhận theo số quyết định này (danh hiệu, năm đã".into(),
                ),
                (
                    Role::Normal,
                    "chọn) được rút lại hoặc sửa số, ngày trong một lần ghi; hỏi trước.".into(),
                ),
            ],
        ),
        _ => (
            "Công nhận hàng loạt".into(),
            vec![
                (
                    Role::Normal,
                    "Công nhận mọi đơn vị của danh hiệu và năm đã chọn đã ĐẠT tiêu chí".into(),
                ),
                (
                    Role::Normal,
                    "và chưa có quyết định. Đơn vị chưa đạt giữ nguyên (công nhận từng đơn vị"
                        .into(),
                ),
                (
                    Role::Normal,
                    format!(
                        "bằng {} trên màn hình chấm điểm, kèm lý do).",
                        key_label(Ctx::Scoring, &Action::Decide)
                    ),
                ),
            ],
        ),
    };
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let [intro_area, _, fields_area, footer_area] = Layout::vertical([
        Constraint::Length(u16::try_from(intro.len()).unwrap_or(0)),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let buf = frame.buffer_mut();
    let lines: Vec<Line> = intro
        .iter()
        .map(|(role, text)| {
            Line::styled(
                truncate_to_width(text, usize::from(inner.width)),
                theme.style(*role),
            )
        })
        .collect();
    Paragraph::new(lines).render(intro_area, buf);
    let cursor = match &state.form {
        SheetForm::Decision(form, _) => fields(app, form, fields_area, buf),
        SheetForm::Bulk(form) => fields(app, form, fields_area, buf),
        SheetForm::Withdraw(form) => fields(app, form, fields_area, buf),
        SheetForm::Targets(form, _) => fields(app, form, fields_area, buf),
        SheetForm::Letterhead(form) => fields(app, form, fields_area, buf),
    };
    footer(
        app,
        buf,
        footer_area,
        state,
        // The decision forms and bulk recognition share these lines of the table.
        &format!(
            "{} sang ô sau, {} đổi lựa chọn, {} lưu, {} quay lại.",
            keys_joined(Ctx::Sheet, &Action::NextField, 2, "/"),
            pair_label(Ctx::Sheet, &Action::Left, &Action::Right, " "),
            key_label(Ctx::Sheet, &Action::Save),
            key_label(Ctx::Sheet, &Action::Back)
        ),
    );
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}

/// The sheet's last line: what the last save did, or the keys.
fn footer(app: &App, buf: &mut Buffer, area: Rect, state: &SheetState, hint: &str) {
    let (text, role) = match &state.outcome {
        Some(outcome) if outcome.starts_with('✗') || outcome.starts_with("Còn") => {
            (outcome.clone(), Role::Error)
        }
        Some(outcome) => (format!("{} {outcome}", app.theme.sym("✓", "v")), Role::Good),
        None => (hint.to_string(), Role::Muted),
    };
    put(buf, area, &text, app.theme.style(role));
}

fn render_targets(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    state: &SheetState,
    form: &Form<TargetField>,
    milestones: &[crate::model::Year],
) {
    let theme = app.theme;
    let block = boxed(app, "Mục tiêu theo nghị quyết (tỷ lệ %, theo mốc năm)");
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let measures = u16::try_from(Measure::ALL.len()).unwrap_or(0);
    let [header, _, grid_head, grid, _, notes_area, footer_area] = Layout::vertical([
        Constraint::Length(3),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(measures),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(inner);
    let buf = frame.buffer_mut();
    let focus = form.focus();
    let mut cursor = None;
    let rows = Layout::vertical([Constraint::Length(1); 3]).split(header);
    for (key, row) in [TargetField::Number, TargetField::Date, TargetField::Body]
        .into_iter()
        .zip(rows.iter())
    {
        let Some(field) = form.field(key) else {
            continue;
        };
        let at = FieldLine {
            field,
            focused: key == focus,
            theme,
            label_width: HEADER_LABEL,
            value_width: HEADER_VALUE,
        }
        .render(*row, buf, Findings::Beside);
        cursor = cursor.or(at);
    }
    let columns = |row: Rect| {
        let mut widths = vec![Constraint::Length(MEASURE_WIDTH)];
        widths.extend(milestones.iter().map(|_| Constraint::Length(CELL_WIDTH)));
        widths.push(Constraint::Fill(1));
        Layout::horizontal(widths).split(row)
    };
    let mut heading = pad_to_width("Chỉ tiêu (% đạt danh hiệu)", usize::from(MEASURE_WIDTH));
    for m in milestones {
        heading.push_str(&pad_to_width(&format!("  {m}"), usize::from(CELL_WIDTH)));
    }
    heading.push_str(" QG 2025/2030");
    put(buf, grid_head, &heading, theme.style(Role::Header));
    let mut errors = Vec::new();
    let lines = Layout::vertical([Constraint::Length(1); Measure::ALL.len()]).split(grid);
    for (measure, line) in Measure::ALL.into_iter().zip(lines.iter()) {
        let cells = columns(*line);
        put(buf, cells[0], measure.label(), theme.style(Role::Normal));
        for (&milestone, cell) in milestones.iter().zip(cells.iter().skip(1)) {
            let key = TargetField::Target(measure, milestone);
            let Some(field) = form.field(key) else {
                continue;
            };
            // " 70,0  %✗": a space, the value, the unit, and a mark when it is wrong.
            let [_, value, percent, mark] = Layout::horizontal([
                Constraint::Length(1),
                Constraint::Length(CELL_WIDTH - 3),
                Constraint::Length(1),
                Constraint::Length(1),
            ])
            .areas(*cell);
            let at = ValueBox {
                field,
                focused: key == focus,
                theme,
            }
            .render(value, buf);
            cursor = cursor.or(at.filter(|_| key == focus));
            put(buf, percent, "%", theme.style(Role::Muted));
            if let Some(e) = &field.error {
                let sign = theme.sym("✗", "x");
                put(buf, mark, sign, theme.style(Role::Error));
                errors.push(format!("{sign} {} {milestone}: {e}", measure.label()));
            }
        }
        // The digital-skills shares have no national figure: a dash, not "0/0".
        let national = match (measure.national_target(2025), measure.national_target(2030)) {
            (Some(a), Some(b)) => format!(" {}/{}", a / 10, b / 10),
            _ => format!(" {}", theme.sym("–", "-")),
        };
        if let Some(last) = cells.last() {
            put(buf, *last, &national, theme.style(Role::Muted));
        }
    }
    let notes = [
        "Năm giữa hai mốc dùng mục tiêu của mốc kế tiếp (năm 2027 dùng mốc 2030);".to_string(),
        "sau mốc cuối giữ mốc cuối. Ô trống: không đặt mục tiêu. QG: mục tiêu quốc gia."
            .to_string(),
    ];
    // The targets on the other bases are set by `sohoctap targets set`; this screen
    // names them so the officer knows they are there and kept.
    let others: Vec<String> = app
        .targets
        .iter()
        .filter(|t| t.basis != crate::model::Basis::Total)
        .map(|t| {
            format!(
                "{} {} {} ({})",
                crate::report::text::tables::measure_label(t.measure),
                crate::report::text::tables::basis_label(t.basis),
                crate::text::format_percent(u32::from(t.percent_tenths)),
                t.milestone
            )
        })
        .collect();
    let others = (!others.is_empty()).then(|| format!("Cách tính khác: {}", others.join("; ")));
    let width = usize::from(inner.width);
    let shown: Vec<Line> = notes
        .iter()
        .map(|n| (n, Role::Muted))
        .chain(errors.iter().take(1).map(|e| (e, Role::Error)))
        .chain(others.iter().map(|o| (o, Role::Normal)))
        .map(|(text, role)| Line::styled(truncate_to_width(text, width), theme.style(role)))
        .collect();
    Paragraph::new(shown).render(notes_area, buf);
    footer(
        app,
        buf,
        footer_area,
        state,
        &format!(
            "{} sang ô sau, {} điền mục tiêu quốc gia, {} lưu, {} quay lại.",
            keys_joined(Ctx::Targets, &Action::NextField, 2, "/"),
            key_label(Ctx::Targets, &Action::Prefill),
            key_label(Ctx::Targets, &Action::Save),
            key_label(Ctx::Targets, &Action::Back)
        ),
    );
    if let Some(p) = cursor {
        frame.set_cursor_position(p);
    }
}
