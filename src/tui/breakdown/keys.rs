//! The breakdown's keys: opening it for the year, and scrolling through its lines.

use super::BreakdownState;
use super::lines::gd_other_targets;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};

impl App {
    pub(in crate::tui) fn open_breakdown(&mut self) {
        let Some(register) = &self.register else {
            return;
        };
        match register
            .read()
            .and_then(|r| BreakdownState::load(&r, self.year))
        {
            Ok(state) => self.stack.push(Screen::Breakdown(state)),
            Err(e) => self.fail(&e),
        }
    }

    pub(in crate::tui) fn update_breakdown(&mut self, action: Action) {
        let page = self.page_rows;
        let others = gd_other_targets(self);
        if let Some(Screen::Breakdown(b)) = self.stack.last_mut() {
            let target = self
                .summary
                .line(crate::model::Measure::GiaDinh)
                .and_then(|l| l.progress.target);
            let len = b.line_count(&self.tally, &self.community_names, target, &others);
            if let Some(to) =
                crate::tui::scroll::scrolled(b.scroll, &action, page, len.saturating_sub(1))
            {
                b.scroll = to;
            }
        }
    }
}
