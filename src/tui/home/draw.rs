//! Drawing the home screen: the lists box above, the bars box below, the keys that do
//! not fit the hint bar on the bars box's bottom border.

use crate::model::{Measure, Title, UnitKind};
use crate::report::Summary;
use crate::text::{format_count, pad_left_to_width, pad_to_width};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label, pair_label};
use crate::tui::screens::boxed;
use crate::tui::theme::Role;
use crate::tui::widgets::bar;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Margin, Rect};
use ratatui::text::{Line, Span};
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
    let [lists, bars] =
        Layout::vertical([Constraint::Length(lists_height), Constraint::Fill(1)]).areas(area);
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
    let items = block.inner(lists).inner(Margin::new(1, 0));
    block.render(lists, frame.buffer_mut());
    let column_width = items.width / LIST_COLUMNS as u16;
    let columns: [Rect; LIST_COLUMNS] =
        Layout::horizontal([Constraint::Length(column_width); LIST_COLUMNS]).areas(items);
    let buf = frame.buffer_mut();
    // Down the first column, then the second, so ↑↓ walk them in order.
    for (i, kind) in UnitKind::ALL.into_iter().enumerate() {
        let rows = usize::from(list_rows);
        let Some(row) = columns.get(i / rows).and_then(|c| c.rows().nth(i % rows)) else {
            continue;
        };
        let selected = i == app.home_selected;
        let marker = if selected { theme.sym("▶", ">") } else { " " };
        // Each kind has its title and every active unit counts in that title's total:
        // the tally has the number even before the census is read (see `App::attach`).
        let active = Title::ALL
            .into_iter()
            .find(|t| t.unit_kind() == kind)
            .map_or(0, |t| app.tally.titles[t as usize].total);
        let count = format!("{} {}", format_count(active), kind.counter());
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
        let room = usize::from(row.width).saturating_sub(2);
        buf.set_stringn(row.x, row.y, pad_to_width(&line, room), room, style);
    }
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
    let [_, border] = Layout::vertical([Constraint::Fill(1), Constraint::Length(1)]).areas(area);
    let spans = [
        (Action::Report, "Báo cáo"),
        (Action::Import, "Nhập từ tệp"),
        (Action::Backup, "Sao lưu"),
        (Action::OpenBreakdown, "Thôn, họ"),
        (Action::OpenTargets, "Mục tiêu"),
        (Action::OpenBulk, "Công nhận"),
    ]
    .into_iter()
    .flat_map(|(action, label)| {
        let key = key_label(Ctx::Home, &action).to_uppercase();
        [
            Span::styled(format!(" {key}"), theme.style(Role::Key)),
            Span::styled(format!(" {label} "), theme.style(Role::Normal)),
        ]
    });
    frame.render_widget(Line::from_iter(spans), border.inner(Margin::new(2, 0)));
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
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let drawn = summary
        .lines
        .iter()
        .filter(|l| l.measure != Measure::ThanhThaoKyNangSo);
    // As many whole bars as fit, from the top.
    let fit = usize::from(inner.height / bar::HEIGHT);
    let slots = Layout::vertical(vec![Constraint::Length(bar::HEIGHT); fit]).split(inner);
    let buf = frame.buffer_mut();
    for (slot, line) in slots.iter().zip(drawn) {
        let proficient = (line.measure == Measure::KyNangSo)
            .then(|| summary.line(Measure::ThanhThaoKyNangSo))
            .flatten();
        bar::render(buf, app.theme, *slot, line, proficient);
    }
}
