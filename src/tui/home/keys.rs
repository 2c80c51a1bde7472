//! What the home screen's keys do: choose a list and open it (or open one by its
//! number), change the year, open the breakdown, targets and bulk recognition, undo.

use crate::model::UnitKind;
use crate::tui::action::Action;
use crate::tui::app::App;

impl App {
    pub(in crate::tui) fn update_home(&mut self, action: Action) {
        let n = UnitKind::ALL.len();
        match action {
            Action::Up => self.home_selected = (self.home_selected + n - 1) % n,
            Action::Down => self.home_selected = (self.home_selected + 1) % n,
            Action::First | Action::PageUp => self.home_selected = 0,
            Action::Last | Action::PageDown => self.home_selected = n - 1,
            Action::Open => {
                if let Some(kind) = UnitKind::ALL.get(self.home_selected).copied() {
                    self.open_list(kind);
                }
            }
            Action::OpenList(kind) => {
                self.home_selected = UnitKind::ALL.iter().position(|k| *k == kind).unwrap_or(0);
                self.open_list(kind);
            }
            Action::PrevYear => self.change_year(-1),
            Action::NextYear => self.change_year(1),
            Action::OpenBreakdown => self.open_breakdown(),
            Action::OpenTargets => self.open_targets(),
            Action::OpenBulk => self.open_bulk(),
            Action::Undo => self.undo_last(),
            _ => {}
        }
    }
}
