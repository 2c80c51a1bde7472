//! What actions do on the list, detail, form and setup screens (the routing is in
//! `app.rs`; writes to the register are in `save.rs`).

use super::action::Action;
use super::app::{App, Confirm, Screen};
use super::form::{FieldValue, FormState};
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

    pub(super) fn update_form(&mut self, action: Action) {
        if matches!(self.stack.last(), Some(Screen::Form(f)) if f.picker.is_some()) {
            return self.update_picker(action);
        }
        if action == Action::Pick {
            return self.open_picker();
        }
        let on_last =
            matches!(self.stack.last(), Some(Screen::Form(f)) if f.focus + 1 == f.fields.len());
        if action == Action::Save || (action == Action::NextOrSave && on_last) {
            return self.save_form();
        }
        let Some(Screen::Form(form)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::NextField | Action::NextOrSave => form.next(),
            Action::PrevField => form.prev(),
            Action::Left | Action::Right
                if matches!(
                    form.focused().map(|f| &f.value),
                    Some(FieldValue::Choice { .. })
                ) =>
            {
                form.cycle(action == Action::Right);
            }
            other => {
                if let Some(field) = form.focused_mut()
                    && let Some(input) = field.input_mut()
                    && edit(input, &other)
                {
                    field.error = None;
                    form.changed = true;
                    if form.kind == UnitKind::Citizen && form.focus == FormState::AFFILIATION {
                        self.note_affiliation();
                    }
                }
            }
        }
    }

    /// Looks the typed household code up as it is typed, so a wrong code shows before
    /// saving (the save refuses it in any case).
    pub(super) fn note_affiliation(&mut self) {
        let Some(Screen::Form(form)) = self.stack.last() else {
            return;
        };
        let code = form.affiliation_code();
        let note = self
            .register
            .as_ref()
            .and_then(|r| r.read().ok())
            .and_then(|reader| super::save::affiliation_note(&reader, &code).ok())
            .flatten();
        if let Some(Screen::Form(form)) = self.stack.last_mut()
            && let Some(field) = form.fields.get_mut(FormState::AFFILIATION)
        {
            field.note = note;
        }
    }

    pub(super) fn update_setup(&mut self, action: Action) {
        let Some(Screen::Setup(state)) = self.stack.last_mut() else {
            return;
        };
        match action {
            Action::NextField if state.focus == 1 => self.create_register(),
            Action::NextField | Action::PrevField => state.focus = 1 - state.focus.min(1),
            Action::Save => self.create_register(),
            other => {
                if edit(state.focused_mut(), &other) {
                    state.error = None;
                }
            }
        }
    }
}
