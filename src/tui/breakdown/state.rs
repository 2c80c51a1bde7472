//! What the breakdown screen keeps: the year's clans (communities come from the app) and
//! how far it is scrolled.

use super::lines::lines;
use crate::model::{Basis, UnitId, UnitKind, Year};
use crate::store::{Reader, Result};
use crate::tally::Tally;
use crate::tui::theme::Theme;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownState {
    /// Active clans of the year, in Vietnamese order.
    pub clans: Vec<(UnitId, String)>,
    pub scroll: usize,
}

impl BreakdownState {
    pub fn load(reader: &Reader, year: Year) -> Result<BreakdownState> {
        let clans = crate::app::active_names(reader, UnitKind::Clan, year)?;
        Ok(BreakdownState { clans, scroll: 0 })
    }

    pub fn line_count(
        &self,
        tally: &Tally,
        communities: &[(UnitId, String)],
        target: Option<u16>,
        others: &[(Basis, u16)],
    ) -> usize {
        lines(
            self,
            tally,
            communities,
            target,
            others,
            Theme::new(false, false),
        )
        .len()
    }
}
