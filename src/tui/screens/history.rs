//! A unit's history: every change to its evaluations for its title, newest first, with
//! who made it and when (`HistoryEntry::describe` gives the Vietnamese lines).

use super::boxed;
use crate::model::{Title, UnitId, UnitKind};
use crate::store::{Reader, Result};
use crate::text::truncate_to_width;
use crate::tui::app::App;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HistoryState {
    pub kind: UnitKind,
    pub id: UnitId,
    pub heading: String,
    /// (is an entry's heading, text).
    pub lines: Vec<(bool, String)>,
    pub scroll: usize,
}

impl HistoryState {
    pub fn load(reader: &Reader, kind: UnitKind, id: UnitId) -> Result<Option<HistoryState>> {
        let Some(unit) = reader.unit(kind, id)? else {
            return Ok(None);
        };
        let title = Title::for_kind(kind);
        let mut lines = Vec::new();
        for (_, entry) in reader.history_of(title, id)?.iter().rev() {
            lines.push((
                true,
                format!(
                    "{} · {} · năm {}",
                    entry.stamp.at.format("%d/%m/%Y %H:%M"),
                    entry.stamp.user,
                    entry.key.year
                ),
            ));
            for line in entry.describe() {
                lines.push((false, format!("    {line}")));
            }
        }
        Ok(Some(HistoryState {
            kind,
            id,
            heading: format!(
                "Lịch sử {} {} {}",
                title.short(),
                unit.code(),
                unit.display_name()
            ),
            lines,
            scroll: 0,
        }))
    }
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &HistoryState) {
    boxed(app, &state.heading).render(area, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(4));
    let page = usize::from(area.height.saturating_sub(2));
    let buf = frame.buffer_mut();
    if state.lines.is_empty() {
        buf.set_stringn(
            area.x + 2,
            area.y + 1,
            "Chưa có thay đổi nào.",
            width,
            app.theme.style(Role::Muted),
        );
        return;
    }
    let scroll = state.scroll.min(state.lines.len().saturating_sub(page));
    for (i, (heading, text)) in state.lines.iter().skip(scroll).take(page).enumerate() {
        let role = if *heading { Role::Title } else { Role::Normal };
        buf.set_stringn(
            area.x + 2,
            area.y + 1 + i as u16,
            truncate_to_width(text, width),
            width,
            app.theme.style(role),
        );
    }
}
