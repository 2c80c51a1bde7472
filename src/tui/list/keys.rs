//! What a list's keys do: move, search as the officer types, filter, and open a row
//! (scoring, detail, the form), archive or return it, export the list.

use super::ListState;
use crate::model::UnitKind;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Screen};
use crate::tui::theme::Role;
use crate::tui::update::edit;

impl App {
    pub(in crate::tui) fn open_list(&mut self, kind: UnitKind) {
        if !self.lists.contains_key(&kind) {
            let loaded = self.register.as_ref().map(|r| {
                r.read()
                    .and_then(|reader| crate::tui::rows::load_rows(&reader, kind))
            });
            match loaded {
                Some(Ok(rows)) => {
                    self.lists
                        .insert(kind, ListState::new(kind, rows, &self.census));
                }
                Some(Err(e)) => return self.fail(&e),
                None => return,
            }
        }
        self.stack.push(Screen::List(kind));
    }

    pub(in crate::tui) fn update_list(&mut self, kind: UnitKind, action: Action) {
        let page = self.page_rows;
        let census = &self.census;
        let Some(list) = self.lists.get_mut(&kind) else {
            return;
        };
        match action {
            Action::Up => list.move_by(-1, page),
            Action::Down => list.move_by(1, page),
            Action::PageUp => list.move_by(-(page as isize), page),
            Action::PageDown => list.move_by(page as isize, page),
            Action::First => list.move_by(isize::MIN / 2, page),
            Action::Last => list.move_by(isize::MAX / 2, page),
            Action::Search => list.searching = true,
            Action::Open if list.searching => list.searching = false,
            Action::Open => {
                if let Some(id) = list.selected_row().map(|r| r.id) {
                    let position = list.selected;
                    self.open_scoring(kind, id, Some((kind, position)));
                }
            }
            Action::OpenDetail => {
                if let Some(id) = list.selected_row().map(|r| r.id) {
                    self.open_detail(kind, id);
                }
            }
            Action::Undo => self.undo_last(),
            Action::FilterCommunity => {
                if matches!(
                    kind,
                    UnitKind::Household | UnitKind::Citizen | UnitKind::Community
                ) {
                    let ids: Vec<_> = self.community_names.iter().map(|(id, _)| *id).collect();
                    list.filter.community = match list.filter.community {
                        None => ids.first().copied(),
                        Some(current) => {
                            ids.iter().skip_while(|id| **id != current).nth(1).copied()
                        }
                    };
                    list.refilter(census, true);
                    list.offset = 0;
                } else {
                    self.say("Danh sách này không lọc theo thôn", Role::Warning);
                }
            }
            Action::FilterStage => {
                list.filter.stage = list.filter.stage.next();
                list.refilter(census, true);
                list.offset = 0;
            }
            Action::FilterUnscored => {
                list.filter.unscored = !list.filter.unscored;
                list.refilter(census, true);
                list.offset = 0;
            }
            Action::FilterLeft => {
                list.filter.left = !list.filter.left;
                list.refilter(census, true);
                list.offset = 0;
            }
            Action::Return => {
                if let Some(row) = list.selected_row()
                    && let Some(left) = row.left
                {
                    self.confirm = Some(Confirm::Return {
                        kind,
                        id: row.id,
                        name: row.name().to_string(),
                        left,
                    });
                }
            }
            Action::ClearFilters => {
                list.search.clear();
                list.searching = false;
                list.filter = Default::default();
                list.refilter(census, true);
                list.offset = 0;
            }
            Action::PrevYear => self.change_year(-1),
            Action::NextYear => self.change_year(1),
            Action::Add => self.open_form(kind, None),
            Action::Edit => {
                if let Some(id) = list.selected_row().map(|r| r.id) {
                    self.open_form(kind, Some(id));
                }
            }
            Action::ExportXlsx => self.export_list_xlsx(kind),
            Action::Archive => {
                if let Some((id, name)) = list.selected_row().map(|r| (r.id, r.name().to_string()))
                {
                    self.ask_archive(kind, id, name);
                }
            }
            Action::Char(_) if !list.searching => {
                list.searching = true;
                if edit(&mut list.search, &action) {
                    list.query_changed(census);
                }
            }
            other if list.searching && edit(&mut list.search, &other) => list.query_changed(census),
            _ => {}
        }
    }
}
