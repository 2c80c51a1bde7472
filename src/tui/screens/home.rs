//! The home screen: the lists with this year's counts (two columns), and one bar per
//! measure against the resolution's target (from a `report::Summary`, so the bars show
//! exactly what the report prints). The two digital-skills shares share one bar, and the
//! targets on the other bases sit on each bar's second line, so everything fits 80×23.

use super::boxed;
use crate::model::{Measure, UnitKind};
use crate::report::Summary;
use crate::text::{format_count, pad_left_to_width, pad_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, pair_label};
use crate::tui::theme::Role;
use crate::tui::widgets::bar;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::{Borders, Widget};

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    // One row short (80×23: PuTTY's 24 rows less a tmux status line), the lists box gives
    // up its bottom border: the bars' top border below it separates them just as well,
    // and every bar keeps its two lines.
    let bars_height = bar_count(&app.summary) as u16 * bar::HEIGHT + 2;
    let list_rows = UnitKind::ALL.len().div_ceil(LIST_COLUMNS) as u16;
    let bottom_border = area.height >= list_rows + 2 + bars_height;
    let lists_height = list_rows + 1 + u16::from(bottom_border);
    let lists = Rect::new(area.x, area.y, area.width, lists_height.min(area.height));
    let title = format!(
        "Danh sách ({} chọn, {} mở, hoặc bấm số {}–{})",
        pair_label(Ctx::Home, &Action::Up, &Action::Down, ""),
        key_label(Ctx::Home, &Action::Open),
        key_label(Ctx::Home, &Action::OpenList(UnitKind::ALL[0])),
        key_label(
            Ctx::Home,
            &Action::OpenList(UnitKind::ALL[UnitKind::ALL.len() - 1])
        ),
    );
    let mut block = boxed(app, &title);
    if !bottom_border {
        block = block.borders(Borders::TOP | Borders::LEFT | Borders::RIGHT);
    }
    block.render(lists, frame.buffer_mut());
    let buf = frame.buffer_mut();
    let inner_width = usize::from(area.width.saturating_sub(4));
    let column_width = inner_width / LIST_COLUMNS;
    let items_end = lists.y + lists.height - u16::from(bottom_border);
    // Down the first column, then the second, so ↑↓ walk them in order.
    for (i, kind) in UnitKind::ALL.into_iter().enumerate() {
        let (column, row) = (i / usize::from(list_rows), i % usize::from(list_rows));
        let y = lists.y + 1 + row as u16;
        if y >= items_end {
            continue;
        }
        let x = lists.x + 2 + (column * column_width) as u16;
        let selected = i == app.home_selected;
        let marker = if selected { theme.sym("▶", ">") } else { " " };
        let count = format!(
            "{} {}",
            format_count(app.census.count(kind) as u64),
            kind.counter()
        );
        let line = format!(
            "{marker} {}  {} {}",
            i + 1,
            pad_to_width(kind.label(), 16),
            pad_left_to_width(&count, 14)
        );
        let style = if selected {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Normal)
        };
        let room = column_width.saturating_sub(2);
        buf.set_stringn(x, y, pad_to_width(&line, room), room, style);
    }
    let top = lists.y + lists.height;
    let bars = Rect::new(
        area.x,
        top,
        area.width,
        area.height.saturating_sub(top - area.y),
    );
    render_bars(app, frame, bars, &app.summary);
    render_more_keys(app, frame, bars);
}

/// The line the home screen shows when no message is up and a title is scored this
/// year under a provisional set: which titles, and the key (from the command table)
/// that shows how to enter the official set. It never blocks anything.
pub fn provisional_notice(app: &App) -> Option<String> {
    let titles: Vec<&str> = crate::model::Title::ALL
        .into_iter()
        .filter(|t| {
            app.catalog
                .in_force(*t, app.year)
                .is_some_and(|e| e.set.status == crate::criteria::Status::Provisional)
        })
        .map(|t| t.short())
        .collect();
    if titles.is_empty() {
        return None;
    }
    let key = key_label(Ctx::Home, &Action::OpenCriteria).to_uppercase();
    Some(format!(
        "{} Tiêu chí TẠM THỜI: {} · {key}: nhập bộ chính thức",
        app.theme.sym("⚠", "!"),
        titles.join(", ")
    ))
}

/// The keys that do not fit the hint bar (report, import, backup, breakdown, targets,
/// bulk recognition), on the bottom border of the results box so every bar keeps its
/// two lines; labels and keys come from the command table.
fn render_more_keys(app: &App, frame: &mut Frame, area: Rect) {
    if area.height < 3 {
        return;
    }
    let theme = app.theme;
    let y = area.y + area.height - 1;
    let mut x = area.x + 2;
    let end = area.x + area.width.saturating_sub(2);
    for (action, label) in [
        (Action::Report, "Báo cáo"),
        (Action::Import, "Nhập từ tệp"),
        (Action::Backup, "Sao lưu"),
        (Action::OpenBreakdown, "Thôn, họ"),
        (Action::OpenTargets, "Mục tiêu"),
        (Action::OpenBulk, "Công nhận"),
    ] {
        let key = key_label(Ctx::Home, &action).to_uppercase();
        let buf = frame.buffer_mut();
        let room = usize::from(end.saturating_sub(x));
        let (nx, _) = buf.set_stringn(x, y, format!(" {key}"), room, theme.style(Role::Key));
        let room = usize::from(end.saturating_sub(nx));
        let (nx, _) = buf.set_stringn(nx, y, format!(" {label} "), room, theme.style(Role::Normal));
        x = nx;
        if x >= end {
            break;
        }
    }
}

/// The lists side by side in this many columns.
const LIST_COLUMNS: usize = 2;

/// Bars drawn: one per measure, the two digital-skills shares on one.
fn bar_count(summary: &Summary) -> usize {
    summary
        .lines
        .iter()
        .filter(|l| l.measure != Measure::ThanhThaoKyNangSo)
        .count()
}

/// The target bars, two lines each, drawn from the live summary (updated after every
/// save by `App::apply_status`): one per measure, the proficient share on the second line
/// of the digital-skills bar. The denominators are in the help (F1).
pub fn render_bars(app: &App, frame: &mut Frame, area: Rect, summary: &Summary) {
    let title = format!(
        "Năm {}: công nhận/tổng, tỷ lệ, ┃ mục tiêu ({}: cách tính tỷ lệ)",
        summary.year,
        key_label(Ctx::Home, &Action::Help)
    );
    boxed(app, &title).render(area, frame.buffer_mut());
    let buf = frame.buffer_mut();
    let width = usize::from(area.width.saturating_sub(4));
    let drawn = summary
        .lines
        .iter()
        .filter(|l| l.measure != Measure::ThanhThaoKyNangSo);
    for (i, line) in drawn.enumerate() {
        let y = area.y + 1 + i as u16 * bar::HEIGHT;
        if y + bar::HEIGHT >= area.y + area.height {
            break;
        }
        let proficient = (line.measure == Measure::KyNangSo)
            .then(|| summary.line(Measure::ThanhThaoKyNangSo))
            .flatten();
        bar::render(buf, app.theme, area.x + 2, y, width, line, proficient);
    }
}
