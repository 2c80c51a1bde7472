//! A list's state: the rows of its kind (`rows.rs`), which of them search and filters
//! let through, the selected row and the page shown.

use crate::model::{UnitId, UnitKind};
use crate::tally::Census;
use crate::text::TextInput;
use crate::tui::rows::{Filter, Row};
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
