//! The small forms: a decision on one evaluation (with the override reason when the unit
//! does not pass), bulk recognition, and the resolution's targets as a grid of measures
//! by milestone year.

use super::boxed;
use crate::model::Measure;
use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, keys_joined, pair_label};
use crate::tui::sheet::{SheetField, SheetPurpose, SheetState, SheetValue, TARGETS_FIRST};
use crate::tui::theme::{Role, Theme};
use ratatui::Frame;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

const LABEL_WIDTH: usize = 30;
const VALUE_WIDTH: usize = 24;

/// Draws a value box; returns the cursor column when it is focused text.
fn value_box(
    buf: &mut Buffer,
    theme: Theme,
    x: u16,
    y: u16,
    width: usize,
    field: &SheetField,
    focused: bool,
) -> Option<u16> {
    let style = if focused {
        theme.style(Role::Selected)
    } else {
        theme
            .style(Role::Normal)
            .add_modifier(ratatui::style::Modifier::UNDERLINED)
    };
    let (text, cursor) = match &field.value {
        // Being typed in, the text scrolls to the cursor; otherwise it shows its start
        // ("Thường trực Đảng ủy…", not "…Lưu: VT"), cut with "…".
        SheetValue::Text(input) if focused => {
            let (shown, cursor) = input.visible_window(width.saturating_sub(1));
            (shown, Some(cursor))
        }
        SheetValue::Text(input) => (input.value().to_string(), None),
        SheetValue::Choice(options, index) => (
            format!(
                "{} {} {}",
                theme.sym("◀", "<"),
                options.get(*index).map_or("", String::as_str),
                theme.sym("▶", ">")
            ),
            None,
        ),
    };
    buf.set_stringn(
        x,
        y,
        pad_to_width(&truncate_to_width(&text, width), width),
        width,
        style,
    );
    match (focused, cursor) {
        (true, Some(c)) => Some(x + u16::try_from(c).unwrap_or(0)),
        _ => None,
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &SheetState) {
    match &state.purpose {
        SheetPurpose::Targets { milestones } => render_targets(app, frame, area, state, milestones),
        _ => render_list(app, frame, area, state),
    }
}

fn render_list(app: &App, frame: &mut Frame, area: Rect, state: &SheetState) {
    let theme = app.theme;
    let (title, intro): (String, Vec<(Role, String)>) = match &state.purpose {
        SheetPurpose::Decision {
            name,
            passed,
            failures,
            ..
        } => {
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
        SheetPurpose::Letterhead => (
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
        SheetPurpose::Withdraw => (
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
    boxed(app, &title).render(area, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(4));
    let buf = frame.buffer_mut();
    let x = area.x + 2;
    let mut y = area.y + 1;
    for (role, text) in &intro {
        buf.set_stringn(
            x,
            y,
            truncate_to_width(text, width),
            width,
            theme.style(*role),
        );
        y += 1;
    }
    y += 1;
    let mut cursor = None;
    for (i, field) in state.fields.iter().enumerate() {
        if y + 2 >= area.y + area.height {
            break;
        }
        let focused = i == state.focus;
        let marker = if focused { theme.sym("▶", ">") } else { " " };
        let label = pad_to_width(&format!("{marker}{}", field.label), LABEL_WIDTH);
        buf.set_stringn(
            x,
            y,
            &label,
            width,
            theme.style(if focused { Role::Title } else { Role::Normal }),
        );
        let vx = x + LABEL_WIDTH as u16;
        if let Some(c) = value_box(buf, theme, vx, y, VALUE_WIDTH, field, focused) {
            cursor = Some((c, y));
        }
        if let Some(error) = &field.error {
            buf.set_stringn(
                x + 2,
                y + 1,
                truncate_to_width(&format!("{} {error}", theme.sym("✗", "x")), width - 2),
                width - 2,
                theme.style(Role::Error),
            );
        }
        y += 2;
    }
    footer(
        app,
        buf,
        area,
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

fn footer(app: &App, buf: &mut Buffer, area: Rect, state: &SheetState, hint: &str) {
    let width = usize::from(area.width.saturating_sub(4));
    let y = area.y + area.height.saturating_sub(2);
    let (text, role) = match &state.outcome {
        Some(outcome) if outcome.starts_with('✗') || outcome.starts_with("Còn") => {
            (outcome.clone(), Role::Error)
        }
        Some(outcome) => (format!("{} {outcome}", app.theme.sym("✓", "v")), Role::Good),
        None => (hint.to_string(), Role::Muted),
    };
    buf.set_stringn(
        area.x + 2,
        y,
        truncate_to_width(&text, width),
        width,
        app.theme.style(role),
    );
}

fn render_targets(
    app: &App,
    frame: &mut Frame,
    area: Rect,
    state: &SheetState,
    milestones: &[crate::model::Year],
) {
    let theme = app.theme;
    boxed(app, "Mục tiêu theo nghị quyết (tỷ lệ %, theo mốc năm)").render(area, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(4));
    let buf = frame.buffer_mut();
    let x = area.x + 2;
    let mut cursor = None;
    for i in 0..TARGETS_FIRST {
        let Some(field) = state.field(i) else {
            continue;
        };
        let y = area.y + 1 + i as u16;
        let focused = i == state.focus;
        let marker = if focused { theme.sym("▶", ">") } else { " " };
        buf.set_stringn(
            x,
            y,
            pad_to_width(&format!("{marker}{}", field.label), 24),
            24,
            theme.style(Role::Normal),
        );
        if let Some(c) = value_box(buf, theme, x + 24, y, 30, field, focused) {
            cursor = Some((c, y));
        }
        if let Some(error) = &field.error {
            let ex = x + 55;
            buf.set_stringn(
                ex,
                y,
                truncate_to_width(
                    &format!("{} {error}", theme.sym("✗", "x")),
                    width.saturating_sub(55),
                ),
                width.saturating_sub(55),
                theme.style(Role::Error),
            );
        }
    }
    let header_y = area.y + 1 + TARGETS_FIRST as u16 + 1;
    let cell = 9usize;
    let mut header = pad_to_width("Chỉ tiêu (% đạt danh hiệu)", 26);
    for m in milestones {
        header.push_str(&pad_to_width(&format!("  {m}"), cell));
    }
    header.push_str(" QG 2025/2030");
    buf.set_stringn(
        x,
        header_y,
        truncate_to_width(&header, width),
        width,
        theme.style(Role::Header),
    );
    let mut errors = Vec::new();
    for (r, measure) in Measure::ALL.into_iter().enumerate() {
        let y = header_y + 1 + r as u16;
        buf.set_stringn(
            x,
            y,
            pad_to_width(measure.label(), 26),
            26,
            theme.style(Role::Normal),
        );
        for (c, &milestone) in milestones.iter().enumerate() {
            let Some(i) = state.target_field(measure, milestone) else {
                continue;
            };
            let Some(field) = state.field(i) else {
                continue;
            };
            let focused = i == state.focus;
            let cx = x + 26 + (c * cell) as u16;
            if let Some(cur) = value_box(buf, theme, cx + 1, y, cell - 3, field, focused) {
                cursor = Some((cur, y));
            }
            buf.set_stringn(cx + cell as u16 - 2, y, "%", 1, theme.style(Role::Muted));
            if let Some(e) = &field.error {
                // The mark sits right after the cell's "%", in the column the cell leaves free.
                let mark = theme.sym("✗", "x");
                buf.set_stringn(cx + cell as u16 - 1, y, mark, 1, theme.style(Role::Error));
                errors.push(format!("{mark} {} {milestone}: {e}", measure.label()));
            }
        }
        // The digital-skills shares have no national figure: a dash, not "0/0".
        let national = match (measure.national_target(2025), measure.national_target(2030)) {
            (Some(a), Some(b)) => format!(" {}/{}", a / 10, b / 10),
            _ => format!(" {}", theme.sym("–", "-")),
        };
        let nx = x + 26 + (milestones.len() * cell) as u16;
        buf.set_stringn(nx, y, &national, 12, theme.style(Role::Muted));
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
    let first_note = header_y + 1 + Measure::ALL.len() as u16 + 1;
    let shown = notes
        .iter()
        .map(|n| (n, Role::Muted))
        .chain(errors.iter().take(1).map(|e| (e, Role::Error)))
        .chain(others.iter().map(|o| (o, Role::Normal)));
    for (y, (note, role)) in (first_note..).zip(shown) {
        if y + 2 >= area.y + area.height {
            break;
        }
        buf.set_stringn(
            x,
            y,
            truncate_to_width(note, width),
            width,
            theme.style(role),
        );
    }
    footer(
        app,
        buf,
        area,
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
