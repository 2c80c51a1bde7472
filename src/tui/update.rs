//! What actions do on the list and detail screens (the routing is in
//! `app.rs`; writes to the register are in `save.rs`).

use super::action::Action;
use super::app::{App, Confirm, Screen};
use super::screens::detail::DetailState;
use super::theme::Role;
use crate::model::UnitKind;
use crate::text::TextInput;

/// Applies a text-editing action to a field; returns whether the text changed.
pub fn edit(input: &mut TextInput, action: &Action) -> bool {
    let before = input.value().len();
    let before_value = input.value().to_string();
    match action {
        Action::Char(c) => input.insert_char(*c),
        Action::Paste(text) => input.insert_str(text),
        Action::Backspace => input.backspace(),
        Action::Delete => input.delete(),
        Action::Left => input.left(),
        Action::Right => input.right(),
        Action::LineStart => input.home(),
        Action::LineEnd => input.end(),
        _ => return false,
    }
    input.value().len() != before || input.value() != before_value
}

impl App {
    pub(super) fn update_list(&mut self, kind: UnitKind, action: Action) {
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
                        name: row.name.clone(),
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
                if let Some((id, name)) = list.selected_row().map(|r| (r.id, r.name.clone())) {
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

    pub(super) fn open_detail(&mut self, kind: UnitKind, id: crate::model::UnitId) {
        let Some(register) = &self.register else {
            return;
        };
        match register
            .read()
            .and_then(|r| DetailState::load(&r, kind, id, self.year))
        {
            Ok(Some(state)) => self.stack.push(Screen::Detail(state)),
            Ok(None) => self.say("Không tìm thấy đơn vị này trong sổ", Role::Error),
            Err(e) => self.fail(&e),
        }
    }

    pub(super) fn update_detail(&mut self, action: Action) {
        let Some(Screen::Detail(state)) = self.stack.last() else {
            return;
        };
        let (kind, id, name) = (state.unit.kind(), state.id, state.unit.display_name());
        match action {
            Action::Edit => self.open_form(kind, Some(id)),
            // Archiving again would move the year it left to the year shown.
            Action::Archive => match state.unit.meta().left {
                Some(left) => self.say(
                    format!(
                        "Đơn vị đã rời xã từ năm {left}; muốn ghi quay lại xã: {} ở danh sách, rồi {}",
                        super::keymap::key_label(super::keymap::Ctx::List, &Action::FilterLeft),
                        super::keymap::key_label(super::keymap::Ctx::ListLeft, &Action::Return),
                    ),
                    Role::Warning,
                ),
                None => self.ask_archive(kind, id, name),
            },
            Action::Open => self.open_scoring(kind, id, None),
            Action::ShowHistory => self.open_history(kind, id),
            Action::Undo => self.undo_last(),
            _ => {}
        }
    }
}
