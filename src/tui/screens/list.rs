//! A list of one unit kind: the row model's visible page, with search, filters, totals
//! and paging. The state lives here; `App` drives it.

use crate::model::{Title, UnitId, UnitKind};
use crate::tally::Census;
use crate::text::{
    TextInput, format_count, pad_left_to_width, pad_to_width, truncate_to_width,
    width as text_width,
};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::rows::{Filter, Row, extra_columns, status_label};
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListState {
    pub kind: UnitKind,
    /// Every unit of the kind, in Vietnamese order.
    pub rows: Vec<Row>,
    /// Indices into `rows` that pass the filter, in order.
    pub visible: Vec<usize>,
    /// Index into `visible`.
    pub selected: usize,
    /// First index of `visible` on screen.
    pub offset: usize,
    pub search: TextInput,
    pub searching: bool,
    pub filter: Filter,
    /// The filter `visible` was computed with.
    applied: Filter,
    /// Where each unit is in `rows`, so a save finds its row without a scan.
    positions: HashMap<UnitId, usize>,
    /// How many rows the filter has looked at since the list was made: a score save
    /// must look at one, not at every row (tests count it; nothing else reads it).
    pub rows_examined: usize,
}

impl ListState {
    pub fn new(kind: UnitKind, rows: Vec<Row>, census: &Census) -> ListState {
        let mut list = ListState {
            kind,
            rows,
            visible: Vec::new(),
            selected: 0,
            offset: 0,
            search: TextInput::new(),
            searching: false,
            filter: Filter::default(),
            applied: Filter::default(),
            positions: HashMap::new(),
            rows_examined: 0,
        };
        list.index_rows();
        list.refilter(census, true);
        list
    }

    /// Records where each unit is in `rows`; call after rows are added or reordered.
    pub fn index_rows(&mut self) {
        self.positions = self
            .rows
            .iter()
            .enumerate()
            .map(|(i, r)| (r.id, i))
            .collect();
    }

    /// The index in `rows` of unit `id`, re-indexing once if rows moved meanwhile.
    fn position_of(&mut self, id: UnitId) -> Option<usize> {
        let at = |list: &ListState| {
            list.positions
                .get(&id)
                .copied()
                .filter(|&i| list.rows.get(i).is_some_and(|r| r.id == id))
        };
        at(self).or_else(|| {
            self.index_rows();
            at(self)
        })
    }

    /// One unit's status changed (a score saved): only its row can enter or leave the
    /// filtered list, so only it is looked at; the cursor stays on the unit it was on.
    pub fn status_changed(&mut self, id: UnitId, census: &Census) {
        if self.filter != self.applied {
            self.refilter(census, true);
            return;
        }
        let Some(i) = self.position_of(id) else {
            return;
        };
        self.rows_examined += 1;
        let kind = self.kind;
        let shown = self
            .rows
            .get(i)
            .is_some_and(|r| self.filter.admits(r, kind, census));
        // `visible` is in `rows` order, so the row's place in it is a binary search.
        match (self.visible.binary_search(&i), shown) {
            (Ok(p), false) => {
                self.visible.remove(p);
                if p < self.selected {
                    self.selected -= 1;
                }
                self.selected = self.selected.min(self.visible.len().saturating_sub(1));
            }
            (Err(p), true) => {
                self.visible.insert(p, i);
                if p <= self.selected && self.visible.len() > 1 {
                    self.selected += 1;
                }
            }
            _ => {}
        }
        self.offset = self.offset.min(self.selected);
    }

    /// Recomputes `visible`: narrowing the last result when the new filter only
    /// narrows it (typing more of a search), else from every row.
    pub fn refilter(&mut self, census: &Census, full: bool) {
        let selected_id = self.selected_row().map(|r| r.id);
        let kind = self.kind;
        let filter = &self.filter;
        if !full && filter.narrows(&self.applied) {
            let rows = &self.rows;
            self.rows_examined += self.visible.len();
            self.visible
                .retain(|&i| rows.get(i).is_some_and(|r| filter.admits(r, kind, census)));
        } else {
            self.rows_examined += self.rows.len();
            self.visible = (0..self.rows.len())
                .filter(|&i| {
                    self.rows
                        .get(i)
                        .is_some_and(|r| filter.admits(r, kind, census))
                })
                .collect();
        }
        self.applied = self.filter.clone();
        // Keep the cursor on the same unit when it is still shown.
        self.selected = selected_id
            .and_then(|id| {
                self.visible
                    .iter()
                    .position(|&i| self.rows.get(i).is_some_and(|r| r.id == id))
            })
            .unwrap_or(0);
        self.offset = self.offset.min(self.selected);
    }

    pub fn selected_row(&self) -> Option<&Row> {
        self.visible
            .get(self.selected)
            .and_then(|&i| self.rows.get(i))
    }

    pub fn select_id(&mut self, id: UnitId) {
        if let Some(p) = self
            .visible
            .iter()
            .position(|&i| self.rows.get(i).is_some_and(|r| r.id == id))
        {
            self.selected = p;
        }
    }

    /// Moves the cursor by `delta` rows and scrolls so it stays on the page.
    pub fn move_by(&mut self, delta: isize, page: usize) {
        let last = self.visible.len().saturating_sub(1);
        self.selected = self.selected.saturating_add_signed(delta).min(last);
        self.scroll_into_view(page);
    }

    pub fn scroll_into_view(&mut self, page: usize) {
        let page = page.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + page {
            self.offset = self.selected + 1 - page;
        }
    }

    /// The search box changed: refilter (narrowing while the query only grows).
    pub fn query_changed(&mut self, census: &Census) {
        self.filter.set_query(self.search.value());
        self.refilter(census, false);
        self.offset = 0;
        self.selected = 0;
    }

    /// Esc in the search box: empty it and give the keys back to the list.
    pub fn stop_search(&mut self, census: &Census) {
        self.searching = false;
        if !self.search.is_empty() {
            self.search.clear();
            self.query_changed(census);
        }
    }
}

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
    let buf = frame.buffer_mut();
    let width = usize::from(area.width);
    let mut y = area.y;

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
    let filter_line = Line::from(spans);
    buf.set_line(area.x, y, &filter_line, area.width);
    if list.searching {
        let label = u16::try_from(text_width(SEARCH_LABEL)).unwrap_or(0);
        let x = area.x + label + u16::try_from(cursor).unwrap_or(0);
        frame.set_cursor_position((x, y));
    }
    let buf = frame.buffer_mut();
    y += 1;

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
        area.x,
        y,
        pad_to_width(&header, width),
        width,
        theme.style(Role::Header),
    );
    y += 1;

    let page = usize::from(area.height.saturating_sub(3)).max(1);
    let offset = list
        .offset
        .min(list.selected)
        .max(list.selected.saturating_sub(page - 1));
    for (n, &i) in list.visible.iter().enumerate().skip(offset).take(page) {
        let Some(row) = list.rows.get(i) else {
            continue;
        };
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
        buf.set_stringn(area.x, y, pad_to_width(&line, width), width, style);
        y += 1;
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
        buf.set_stringn(area.x, y, text, width, theme.style(Role::Muted));
    }

    // Totals and page.
    let footer_y = area.y + area.height.saturating_sub(1);
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
    buf.set_stringn(
        area.x,
        footer_y,
        truncate_to_width(&footer, width),
        width,
        theme.style(Role::Muted),
    );
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
