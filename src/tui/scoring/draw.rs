//! The scoring screen: the unit and its stage, the criteria set with its status and
//! source (a provisional set marked in words and by symbol), every criterion with its
//! indicators (code, value, maximum, floor, full text wrapped), and below them the
//! live total, subtotals, completeness and every rule the values break.

use super::state::ScoringState;
use crate::criteria::{IndicatorKind, Status};
use crate::model::IndicatorValue;
use crate::report::text::layout::wrap;
use crate::text::{pad_left_to_width, pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, pair_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::widgets::Widget;

/// Columns before an indicator's text: marker, code, value box, maximum, floor.
const CODE_WIDTH: usize = 6;
const VALUE_WIDTH: usize = 5;
const LIMITS_WIDTH: usize = 10;

/// One drawn line of the indicator list.
struct ListLine {
    text: String,
    role: Role,
    /// The indicator this line belongs to, for scrolling to the cursor.
    indicator: Option<usize>,
    /// Where the value box starts, on the first line of an indicator.
    value_box: Option<ValueBox>,
}

/// An indicator's value between brackets, three cells wide.
struct ValueBox {
    /// Columns before the box on its line.
    column: usize,
    /// The whole box, brackets included.
    text: String,
    /// On the indicator being scored: the cell inside the box (counted from the
    /// opening bracket) where the next typed character goes. Input methods compose at
    /// the terminal cursor and magnifiers follow it, so it must stand there.
    cursor: Option<u16>,
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &ScoringState) {
    let theme = app.theme;
    // Three lines of unit and criteria set, the indicators' box, then four lines of
    // totals, subtotals and rules; text lines keep a column clear on either side.
    let [
        head_row,
        set_row,
        status_row,
        list_area,
        total_row,
        subtotal_row,
        rule_rows,
    ] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(2),
    ])
    .areas(area);
    let text = Margin::new(1, 0);
    let width = usize::from(head_row.inner(text).width);
    let buf = frame.buffer_mut();
    let set = state.set();
    let stage = state
        .evaluation
        .as_ref()
        .map_or("Chưa đăng ký".to_string(), |e| {
            let mut s = e.stage.label().to_string();
            if let Some(d) = &e.decision {
                s.push_str(&format!(
                    " (QĐ {} ngày {})",
                    d.number,
                    d.date.format("%d/%m/%Y")
                ));
            }
            // Once decided, the decision is what matters; the registration date would
            // push its date off an 80-column line.
            if let (None, Some(on)) = (&e.decision, e.registered_on) {
                s.push_str(&format!(", ĐK {}", on.format("%d/%m/%Y")));
            }
            s
        });
    // The name gives way when the line is long: the decision's number and date, and
    // the registration date, are what the officer checks here.
    // The title is in the title bar ("Chấm điểm GĐHT HO00001").
    let tail = format!(" · năm {} · {stage}", state.year);
    let room =
        width.saturating_sub(crate::text::width(&state.code) + 1 + crate::text::width(&tail));
    let head = format!(
        "{} {}{tail}",
        state.code,
        truncate_to_width(&state.name, room.max(4)),
    );
    CutLines([(head, theme.style(Role::Title))]).render(head_row.inner(text), buf);
    let (status_text, status_role) = match set.status {
        Status::Verified => (
            format!("{} {}", theme.sym("✓", "v"), set.status.label()),
            Role::Good,
        ),
        Status::Provisional => (
            format!("{} {}", theme.sym("⚠", "!"), set.status.label()),
            Role::Warning,
        ),
    };
    let years = set.years_label();
    let criteria_line = if set.name.contains(&set.valid_from.to_string()) {
        set.name.clone()
    } else {
        format!("{} ({years})", set.name)
    };
    CutLines([(criteria_line, theme.style(Role::Normal))]).render(set_row.inner(text), buf);
    // The status first, so a provisional set is marked even when the source is cut.
    let status_width = u16::try_from(crate::text::width(&status_text)).unwrap_or(u16::MAX);
    let [status_area, source_area] =
        Layout::horizontal([Constraint::Length(status_width), Constraint::Fill(1)])
            .areas(status_row.inner(text));
    CutLines([(status_text, theme.style(status_role))]).render(status_area, buf);
    let source = format!(" · Nguồn: {} ({})", set.source, state.entry.origin);
    CutLines([(source, theme.style(Role::Muted))]).render(source_area, buf);

    let score = state.score();
    let failures: Vec<String> = score.failures.iter().map(|f| f.message()).collect();
    let key = |action: &Action| key_label(Ctx::Scoring, action);
    let heading = format!(
        "Gõ điểm hoặc d/k, {} lưu · {} chọn · {} xóa · {} lịch sử · {} phím",
        key(&Action::Save),
        pair_label(Ctx::Scoring, &Action::Up, &Action::Down, ""),
        key(&Action::Delete),
        key(&Action::ShowHistory),
        key(&Action::Help)
    );
    let block = boxed(app, &heading);
    let list_inner = block.inner(list_area).inner(Margin::new(1, 0));
    block.render(list_area, frame.buffer_mut());
    let lines = list_lines(app, state, usize::from(list_inner.width));
    let offset = scroll_for(&lines, state.cursor, usize::from(list_inner.height));
    let buf = frame.buffer_mut();
    let mut cursor_position = None;
    for (row, line) in list_inner.rows().zip(lines.iter().skip(offset)) {
        CutLines([(&line.text, theme.style(line.role))]).render(row, buf);
        if let Some(value_box) = &line.value_box {
            let style = if value_box.cursor.is_some() {
                theme.style(Role::Selected)
            } else {
                theme.style(Role::Normal)
            };
            let [_, area] = Layout::horizontal([
                Constraint::Length(u16::try_from(value_box.column).unwrap_or(0)),
                Constraint::Length(VALUE_WIDTH as u16),
            ])
            .areas(row);
            buf.set_stringn(
                area.x,
                area.y,
                &value_box.text,
                usize::from(area.width),
                style,
            );
            if let Some(offset) = value_box.cursor {
                // A box cut by a narrow window keeps the cursor on its last cell shown.
                let last = area.width.saturating_sub(1);
                cursor_position = Some((area.x + offset.min(last), area.y));
            }
        }
    }

    let verdict = if !score.complete {
        format!(
            "{} chưa chấm đủ: còn {} chỉ số",
            theme.sym("○", "o"),
            score.missing.len()
        )
    } else if score.passed {
        let grade = score
            .grade
            .clone()
            .map(|g| format!(", xếp loại {g}"))
            .unwrap_or_default();
        format!("{} ĐẠT{grade}", theme.sym("✓", "+"))
    } else {
        format!("{} CHƯA ĐẠT", theme.sym("✗", "x"))
    };
    let min = set
        .min_total
        .map(|m| format!(" (cần từ {m})"))
        .unwrap_or_default();
    let total = format!(
        "Tổng: {}/{}{min}   Đã chấm {}/{} chỉ số   {verdict}",
        score.total,
        set.max_total(),
        state.count() - score.missing.len(),
        state.count()
    );
    let verdict_role = if !score.complete {
        Role::Muted
    } else if score.passed {
        Role::Good
    } else {
        Role::Error
    };
    let bold = theme
        .style(verdict_role)
        .add_modifier(ratatui::style::Modifier::BOLD);
    CutLines([(total, bold)]).render(total_row.inner(text), buf);
    let subtotals: Vec<String> = score
        .subtotals
        .iter()
        .map(|(code, sub, max)| format!("TC {code}: {sub}/{max}"))
        .collect();
    let subtotals = truncate_to_width(&subtotals.join("   "), width);
    let subtotals_width = u16::try_from(crate::text::width(&subtotals)).unwrap_or(u16::MAX);
    let [subtotals_area, skills_area] =
        Layout::horizontal([Constraint::Length(subtotals_width), Constraint::Fill(1)])
            .areas(subtotal_row.inner(text));
    CutLines([(subtotals, theme.style(Role::Normal))]).render(subtotals_area, buf);
    // CDHT: the holder's digital skills, with the key that changes them.
    if state.title == crate::model::Title::CongDan {
        let skills = state.evaluation.as_ref().and_then(|e| e.digital_skills);
        let key = crate::tui::keymap::key_label(
            crate::tui::keymap::Ctx::Scoring,
            &crate::tui::action::Action::CycleSkills,
        );
        let text = format!(
            "   Kỹ năng số: {} · {key} đổi",
            skills.map_or("chưa ghi", crate::model::DigitalSkills::label)
        );
        let role = if skills.is_some() {
            Role::Normal
        } else {
            Role::Muted
        };
        CutLines([(text, theme.style(role))]).render(skills_area, buf);
    }
    // Every broken rule: the first on its own line, the rest joined on the next.
    let rule_lines: Vec<String> = match failures.len() {
        0 => vec![String::new()],
        1 => vec![format!("{} {}", theme.sym("✗", "x"), failures[0])],
        _ => vec![
            format!("{} {}", theme.sym("✗", "x"), failures[0]),
            format!("{} {}", theme.sym("✗", "x"), failures[1..].join("; ")),
        ],
    };
    let rule_rows = rule_rows.inner(text);
    CutLines(rule_lines.iter().map(|l| (l, theme.style(Role::Error)))).render(rule_rows, buf);
    if let Some(error) = &state.error {
        // The refusal replaces the second rule line so it is never off screen.
        let [_, last] = Layout::vertical([Constraint::Length(1); 2]).areas(rule_rows);
        let error = format!("{} {error}", theme.sym("✗", "x"));
        let error = pad_to_width(&truncate_to_width(&error, width), width);
        CutLines([(error, theme.style(Role::Error))]).render(last, buf);
    }
    if let Some(position) = cursor_position {
        frame.set_cursor_position(position);
    }
}

fn shown(value: Option<IndicatorValue>, ascii: bool) -> String {
    match value {
        None => String::new(),
        Some(IndicatorValue::Pass(true)) if ascii => "D".into(),
        Some(v) => v.display(),
    }
}

fn list_lines(app: &App, state: &ScoringState, width: usize) -> Vec<ListLine> {
    let theme = app.theme;
    let score = state.score();
    let mut lines = Vec::new();
    let mut index = 0usize;
    let text_width = width.saturating_sub(CODE_WIDTH + VALUE_WIDTH + 1 + LIMITS_WIDTH);
    for (c, criterion) in state.set().criteria.iter().enumerate() {
        let (sub, max) = score
            .subtotals
            .get(c)
            .map_or((0, criterion.max_total()), |(_, s, m)| (*s, *m));
        let min = criterion
            .min_total
            .map(|m| format!(", tối thiểu {m}"))
            .unwrap_or_default();
        lines.push(ListLine {
            text: format!(
                "{}. {} — {sub}/{max} điểm{min}",
                criterion.code, criterion.name
            ),
            role: Role::Header,
            indicator: None,
            value_box: None,
        });
        for indicator in &criterion.indicators {
            let focused = index == state.cursor;
            let stored = state.value_of(&indicator.code);
            // What is being typed reads from the left, as in every text field, with the
            // cursor after it; a saved value stays right-aligned like the others.
            let inside = VALUE_WIDTH - 2;
            let (value, cursor) = if focused && !state.input.is_empty() {
                let typed = state.input.value();
                // Three characters fill the box and a fourth is not taken: the cursor
                // then stays on the last one rather than on the bracket.
                let at = crate::text::width(typed).min(inside - 1);
                (pad_to_width(typed, inside), Some(1 + at))
            } else {
                let saved = pad_left_to_width(&shown(stored, theme.ascii), inside);
                // Typing replaces the saved value from the box's first cell.
                (saved, focused.then_some(1))
            };
            let limits = match indicator.kind {
                IndicatorKind::Points => {
                    let floor = indicator
                        .floor
                        .map(|f| format!(" sàn {f}"))
                        .unwrap_or_default();
                    format!("/{}{floor}", indicator.max)
                }
                IndicatorKind::PassFail => "Đ/K".to_string(),
            };
            let mandatory = if indicator.mandatory { "*" } else { "" };
            let below_floor = matches!(
                (stored, indicator.floor),
                (Some(IndicatorValue::Points(p)), Some(f)) if p < f
            );
            let marker = if focused { theme.sym("▶", ">") } else { " " };
            let prefix = format!(
                "{marker}{}",
                pad_to_width(&format!("{}{mandatory}", indicator.code), CODE_WIDTH - 1)
            );
            let body = wrap(&indicator.text, text_width.max(10), "", "");
            let role = if below_floor {
                Role::Error
            } else if focused {
                Role::Title
            } else {
                Role::Normal
            };
            for (i, part) in body.iter().enumerate() {
                let text = if i == 0 {
                    format!(
                        "{prefix}{} {}{part}",
                        " ".repeat(VALUE_WIDTH),
                        pad_to_width(&limits, LIMITS_WIDTH)
                    )
                } else {
                    format!(
                        "{}{part}",
                        " ".repeat(CODE_WIDTH + VALUE_WIDTH + 1 + LIMITS_WIDTH)
                    )
                };
                lines.push(ListLine {
                    text,
                    role,
                    indicator: Some(index),
                    value_box: (i == 0).then(|| ValueBox {
                        column: CODE_WIDTH,
                        text: format!("[{value}]"),
                        cursor: cursor.map(|c| u16::try_from(c).unwrap_or(0)),
                    }),
                });
            }
            index += 1;
        }
    }
    lines
}

/// The first line to show so the indicator under the cursor (and its criterion
/// heading, when it is the first) is on screen.
fn scroll_for(lines: &[ListLine], cursor: usize, visible: usize) -> usize {
    let start = lines
        .iter()
        .position(|l| l.indicator == Some(cursor))
        .unwrap_or(0);
    let end = lines
        .iter()
        .rposition(|l| l.indicator == Some(cursor))
        .unwrap_or(start)
        + 1;
    // Show the heading above the first indicator of a criterion too.
    let start = if start > 0 && lines.get(start - 1).is_some_and(|l| l.indicator.is_none()) {
        start - 1
    } else {
        start
    };
    if end <= visible {
        0
    } else {
        // The cursor near the top, so what comes next is in view; never past the end.
        start.min(lines.len().saturating_sub(visible))
    }
}
