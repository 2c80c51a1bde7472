//! What the keys do on the criteria screens. The routing in `app.rs` hands every action
//! of a criteria screen to [`App::update_criteria`]; writes are in `save.rs`.

use super::sets::{self, SetsState};
use super::state::{EditorState, Start};
use super::{CriteriaAction, CriteriaScreen};
use crate::criteria::draft;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::theme::Role;
use crate::tui::update::edit;

/// Lines of the editor shown at once: the page less the box, the headings above and
/// the message lines under the fields (see `draw`).
pub(super) fn editor_rows(page_rows: usize) -> usize {
    page_rows.saturating_sub(3).max(1)
}

impl App {
    /// The list of criteria sets (from the home screen or About).
    pub(in crate::tui) fn open_criteria(&mut self) {
        if self.register.is_none() {
            return;
        }
        // The set in force of the title chosen on the home screen comes first in view.
        let title = crate::model::UnitKind::ALL
            .get(self.home_selected)
            .map(|k| crate::model::Title::for_kind(*k));
        let rows = sets::rows(&self.catalog, self.year);
        let selected = rows
            .iter()
            .position(|r| Some(r.title) == title && r.in_force)
            .unwrap_or(0);
        self.stack
            .push(Screen::Criteria(Box::new(CriteriaScreen::Sets(
                SetsState { selected },
            ))));
    }

    fn criteria_mut(&mut self) -> Option<&mut CriteriaScreen> {
        match self.stack.last_mut() {
            Some(Screen::Criteria(c)) => Some(c),
            _ => None,
        }
    }

    pub(in crate::tui) fn update_criteria(&mut self, action: Action) {
        if let Some(Screen::Criteria(c)) = self.stack.last() {
            match **c {
                CriteriaScreen::Sets(_) => self.update_sets(action),
                CriteriaScreen::Editor(_) => self.update_editor(action),
                CriteriaScreen::Adopt(_) => self.update_adopt(action),
            }
        }
    }

    /// The set selected in the list, and whether it is one the office entered.
    fn selected_set(&self) -> Option<(crate::criteria::CatalogEntry, bool)> {
        let Some(Screen::Criteria(c)) = self.stack.last() else {
            return None;
        };
        let CriteriaScreen::Sets(list) = &**c else {
            return None;
        };
        let row = sets::rows(&self.catalog, self.year)
            .into_iter()
            .nth(list.selected)?;
        let entry = self.catalog.by_id(&row.id)?.clone();
        let office = entry.set.entry.is_some();
        Some((entry, office))
    }

    fn update_sets(&mut self, action: Action) {
        let count = sets::rows(&self.catalog, self.year).len();
        let page = self.page_rows;
        match action {
            Action::Open => {
                if let Some((entry, office)) = self.selected_set() {
                    let (start, from) = if office {
                        (Start::Office, "bộ văn phòng đã nhập")
                    } else {
                        (Start::Shipped, "bộ có sẵn")
                    };
                    self.open_editor(EditorState::new(
                        &entry.set,
                        start,
                        format!("{from} «{}»", entry.set.name),
                    ));
                }
            }
            Action::Criteria(CriteriaAction::Blank) => {
                let title = self
                    .selected_set()
                    .map_or(crate::model::Title::GiaDinh, |(e, _)| e.set.title);
                let blank = draft::blank(title, self.year);
                self.open_editor(EditorState::new(&blank, Start::Blank, "bộ trống".into()));
            }
            Action::Criteria(CriteriaAction::Adopt) => {
                if let Some((entry, _)) = self.selected_set() {
                    self.preview_adopt(&entry);
                }
            }
            Action::Criteria(CriteriaAction::UndoAdopt) => {
                if let Some((entry, _)) = self.selected_set() {
                    self.undo_adopt(&entry);
                }
            }
            Action::PrevYear => self.change_year(-1),
            Action::NextYear => self.change_year(1),
            other => {
                if let Some(CriteriaScreen::Sets(list)) = self.criteria_mut()
                    && let Some(to) = crate::tui::scroll::scrolled(
                        list.selected,
                        &other,
                        page,
                        count.saturating_sub(1),
                    )
                {
                    list.selected = to;
                }
            }
        }
    }

    fn open_editor(&mut self, state: EditorState) {
        self.stack
            .push(Screen::Criteria(Box::new(CriteriaScreen::Editor(
                Box::new(state),
            ))));
    }

    fn update_editor(&mut self, action: Action) {
        if action == Action::Save {
            return self.save_criteria();
        }
        let rows = editor_rows(self.page_rows);
        let Some(CriteriaScreen::Editor(editor)) = self.criteria_mut() else {
            return;
        };
        let fields = editor.fields().len();
        let mut said = None;
        match action {
            Action::NextField => editor.focus = (editor.focus + 1).min(fields.saturating_sub(1)),
            Action::PrevField => editor.focus = editor.focus.saturating_sub(1),
            Action::PageDown => {
                editor.focus = (editor.focus + rows).min(fields.saturating_sub(1));
            }
            Action::PageUp => editor.focus = editor.focus.saturating_sub(rows),
            Action::Criteria(CriteriaAction::AddIndicator) => editor.add_indicator(),
            Action::Criteria(CriteriaAction::AddCriterion) => editor.add_criterion(),
            Action::Criteria(CriteriaAction::AddGrade) => editor.add_grade(),
            Action::Criteria(CriteriaAction::Remove) => {
                said = Some(match editor.remove() {
                    Ok(text) => (text, Role::Good),
                    Err(text) => (text, Role::Warning),
                });
            }
            Action::Left | Action::Right if editor.focused().is_some_and(|s| s.is_choice()) => {
                if let Some(slot) = editor.focused() {
                    editor.cycle(slot, action == Action::Right);
                }
            }
            other => {
                if let Some(slot) = editor.focused()
                    && let Some(input) = editor.input_mut(slot)
                    && edit(input, &other)
                {
                    editor.changed = true;
                    editor.recheck();
                }
            }
        }
        editor.scroll_into_view(rows);
        if let Some((text, role)) = said {
            self.say(text, role);
        }
    }

    fn update_adopt(&mut self, action: Action) {
        if action == Action::Save {
            return self.apply_adopt();
        }
        let page = self.page_rows;
        let len = match self.stack.last() {
            Some(Screen::Criteria(c)) => match &**c {
                CriteriaScreen::Adopt(a) => self
                    .catalog
                    .by_id(&a.id)
                    .map_or(0, |e| sets::adopt_lines(e, &a.plan).len()),
                _ => 0,
            },
            _ => 0,
        };
        if let Some(CriteriaScreen::Adopt(adopt)) = self.criteria_mut()
            && let Some(to) =
                crate::tui::scroll::scrolled(adopt.scroll, &action, page, len.saturating_sub(1))
        {
            adopt.scroll = to;
        }
    }
}
