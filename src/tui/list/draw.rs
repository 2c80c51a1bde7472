//! Drawing a list: the search and filter line, the column headings, the page of rows
//! and the totals line, laid out top to bottom.

use crate::model::{Title, UnitKind};
use crate::text::{
    format_count, pad_left_to_width, pad_to_width, truncate_to_width, width as text_width,
};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::rows::{extra_columns, status_label};
use crate::tui::theme::Role;
use crate::tui::widgets::lines::CutLines;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};

const SEARCH_LABEL: &str = "Tìm: ";
const MIN_SEARCH_WIDTH: usize = 10;
/// "TT" (trạng thái) keeps the filter labels short enough for a wide search field.
const COMMUNITY_LABEL: &str = " Thôn: ";
const STAGE_LABEL: &str = " TT: ";
const UNSCORED_LABEL: &str = " Chưa chấm ";
/// The widest community name and stage filter shown ("Chưa đăng ký").
const COMMUNITY_WIDTH: usize = 12;
const STAGE_WIDTH: usize = 12;

/// Width of the status column ("★ Đã công nhận").
const STATUS_WIDTH: usize = 15;
const CODE_WIDTH: usize = 8;

pub fn render(app: &App, frame: &mut Frame, area: Rect, kind: UnitKind) {
    let Some(list) = app.lists.get(&kind) else {
        return;
    };
    let theme = app.theme;
    let width = usize::from(area.width);
    let [filter_row, header_row, rows_area, footer_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ])
    .areas(area);

    // Search and filters.
    let community = match list.filter.community {
        Some(id) => app.community_name(id),
        None => "tất cả".to_string(),
    };
    let check = if list.filter.unscored {
        theme.sym("☑", "[x]")
    } else {
        theme.sym("☐", "[ ]")
    };
    let (community_key, stage_key, unscored_key) = (
        key_label(Ctx::List, &Action::FilterCommunity),
        key_label(Ctx::List, &Action::FilterStage),
        key_label(Ctx::List, &Action::FilterUnscored),
    );
    // The search field takes what the filters leave at their widest, so the line never
    // overflows and does not shift as the filters change; a typed name ("nguyen van
    // an") fits whole at 80 columns.
    let filters_width = text_width(&format!(
        " {community_key}{COMMUNITY_LABEL}{} {stage_key}{STAGE_LABEL}{} {unscored_key}{UNSCORED_LABEL}{check}",
        " ".repeat(COMMUNITY_WIDTH),
        " ".repeat(STAGE_WIDTH)
    ));
    let field_width = width
        .saturating_sub(text_width(SEARCH_LABEL) + filters_width)
        .max(MIN_SEARCH_WIDTH);
    let (shown, cursor) = list.search.visible_window(field_width);
    let search_style = if list.searching {
        theme.style(Role::Selected)
    } else {
        theme.style(Role::Normal)
    };
    // Among the units that left, this year's filters do not apply: the line says
    // which list this is and how to go back.
    let tail = if list.filter.left {
        vec![
            Span::styled(" ĐÃ RỜI XÃ ", theme.style(Role::Warning)),
            Span::styled(
                key_label(Ctx::ListLeft, &Action::FilterLeft),
                theme.style(Role::Key),
            ),
            Span::raw(format!(" về danh sách năm {}", app.year)),
        ]
    } else {
        vec![
            Span::styled(format!(" {community_key}"), theme.style(Role::Key)),
            Span::raw(format!(
                "{COMMUNITY_LABEL}{} ",
                truncate_to_width(&community, COMMUNITY_WIDTH)
            )),
            Span::styled(stage_key, theme.style(Role::Key)),
            Span::raw(format!(
                "{STAGE_LABEL}{} ",
                truncate_to_width(list.filter.stage.label(), STAGE_WIDTH)
            )),
            Span::styled(unscored_key, theme.style(Role::Key)),
            Span::raw(format!("{UNSCORED_LABEL}{check}")),
        ]
    };
    let mut spans = vec![
        Span::styled(SEARCH_LABEL, theme.style(Role::Title)),
        Span::styled(
            pad_to_width(&shown, field_width),
            search_style.patch(
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED),
            ),
        ),
    ];
    spans.extend(tail);
    frame.render_widget(Line::from(spans), filter_row);
    if list.searching {
        let label = u16::try_from(text_width(SEARCH_LABEL)).unwrap_or(0);
        let [_, field] =
            Layout::horizontal([Constraint::Length(label), Constraint::Fill(1)]).areas(filter_row);
        let column = u16::try_from(cursor).unwrap_or(0);
        frame.set_cursor_position((field.x + column, field.y));
    }
    let buf = frame.buffer_mut();

    // Column layout: marker, code, name (what is left), extras, status.
    let extras = extra_columns(kind);
    let extras_width: usize = extras.iter().map(|c| c.width + 1).sum();
    let name_width = width
        .saturating_sub(2 + CODE_WIDTH + 1 + extras_width + STATUS_WIDTH + 1)
        .max(4);
    let title = Title::for_kind(kind);
    let mut header = format!(
        "  {} {}",
        pad_to_width("Mã", CODE_WIDTH),
        pad_to_width(name_heading(kind), name_width)
    );
    for c in extras {
        header.push(' ');
        header.push_str(&if c.numeric {
            pad_left_to_width(c.heading, c.width)
        } else {
            pad_to_width(c.heading, c.width)
        });
    }
    header.push(' ');
    // Units that left show the year they left instead of this year's standing.
    let status_heading = if list.filter.left {
        "Đã rời xã".to_string()
    } else {
        format!("{} {}", title.short(), app.year)
    };
    header.push_str(&pad_to_width(&status_heading, STATUS_WIDTH));
    buf.set_stringn(
        header_row.x,
        header_row.y,
        pad_to_width(&header, width),
        width,
        theme.style(Role::Header),
    );

    let page = usize::from(rows_area.height).max(1);
    let offset = list
        .offset
        .min(list.selected)
        .max(list.selected.saturating_sub(page - 1));
    let shown = list.visible.iter().enumerate().skip(offset).take(page);
    let shown = shown.filter_map(|(n, &i)| list.rows.get(i).map(|row| (n, row)));
    // Cut at the width, not with "…": the columns are sized to fit it exactly.
    for (line_area, (n, row)) in rows_area.rows().zip(shown) {
        let selected = n == list.selected;
        let status = match row.left {
            Some(year) if list.filter.left => format!("Rời xã {year}"),
            _ => {
                let (symbol, text) = status_label(app.census.status(title, row.id), theme.ascii);
                format!("{symbol} {text}")
            }
        };
        let marker = if selected {
            theme.sym("▶ ", "> ")
        } else {
            "  "
        };
        let mut line = format!(
            "{marker}{} {}",
            pad_to_width(&truncate_to_width(row.code(), CODE_WIDTH), CODE_WIDTH),
            pad_to_width(&truncate_to_width(row.name(), name_width), name_width)
        );
        for (column, value) in extras.iter().zip(row.extra()) {
            line.push(' ');
            let cell = truncate_to_width(value, column.width);
            line.push_str(&if column.numeric {
                pad_left_to_width(&cell, column.width)
            } else {
                pad_to_width(&cell, column.width)
            });
        }
        line.push(' ');
        line.push_str(&truncate_to_width(&status, STATUS_WIDTH));
        let style = if selected {
            theme.style(Role::Selected)
        } else {
            theme.style(Role::Normal)
        };
        buf.set_stringn(
            line_area.x,
            line_area.y,
            pad_to_width(&line, width),
            width,
            style,
        );
    }
    if list.visible.is_empty() {
        let text = if list.rows.is_empty() {
            format!(
                "  Chưa có {} nào. Bấm {} để thêm.",
                kind.counter(),
                key_label(Ctx::List, &Action::Add)
            )
        } else {
            // Name only the ways out that would change something.
            let mut ways = Vec::new();
            if list.searching && !list.search.is_empty() {
                ways.push(format!(
                    "{} xóa ô tìm",
                    key_label(Ctx::Search, &Action::Back)
                ));
            }
            if list.filter.is_on() {
                ways.push(format!(
                    "{} bỏ lọc",
                    key_label(Ctx::List, &Action::ClearFilters)
                ));
            }
            match (list.filter.left, ways.is_empty()) {
                (true, _) if list.search.is_empty() => {
                    format!("  Chưa có {} nào rời xã.", kind.counter())
                }
                (_, true) => "  Không có đơn vị nào khớp.".to_string(),
                (_, false) => format!("  Không có đơn vị nào khớp: {}.", ways.join(", ")),
            }
        };
        buf.set_stringn(
            rows_area.x,
            rows_area.y,
            text,
            width,
            theme.style(Role::Muted),
        );
    }

    // Totals and page.
    let active = app.census.count(kind);
    let shown_from = if list.visible.is_empty() {
        0
    } else {
        offset + 1
    };
    let shown_to = (offset + page).min(list.visible.len());
    let pages = list.visible.len().div_ceil(page).max(1);
    // "đang lọc" only when a filter or search actually narrows the list.
    let filtered = if list.filter.is_on() {
        " đang lọc"
    } else {
        ""
    };
    let footer = format!(
        "Dòng {}–{} / {}{filtered} · Tổng {} {} năm {} · Trang {}/{}",
        format_count(shown_from as u64),
        format_count(shown_to as u64),
        format_count(list.visible.len() as u64),
        format_count(active as u64),
        kind.counter(),
        app.year,
        // The page the last row shown is on: a short last page scrolled to (offset not
        // a multiple of the page) still says it is the last.
        shown_to.div_ceil(page).max(1),
        pages
    );
    frame.render_widget(CutLines([(footer, theme.style(Role::Muted))]), footer_row);
}

fn name_heading(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Community => "Tên",
        UnitKind::Household => "Chủ hộ",
        UnitKind::Clan => "Dòng họ",
        UnitKind::Organisation => "Tên đơn vị",
        UnitKind::Citizen => "Họ và tên",
    }
}
