//! The history screen's state: a unit's changes as lines, read once when it opens.

use crate::model::{Title, UnitId, UnitKind};
use crate::store::{Reader, Result};

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
