//! The same figures as the home bars, per community and per clan: for each community
//! its households recognised GĐHT, its own CĐHT standing and its citizens recognised
//! CDHT; for each clan its DHHT standing, its households and citizens. Drawn from the
//! live tally (`Tally::by_community`, `by_clan`), so it follows every save.

use super::boxed;
use crate::model::{Title, UnitId, UnitKind, Year};
use crate::store::{Reader, Result};
use crate::tally::{Counts, Tally};
use crate::text::{
    collate, format_count, format_percent, pad_left_to_width, pad_to_width, truncate_to_width,
};
use crate::tui::app::App;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::widgets::Widget;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BreakdownState {
    /// Active clans of the year, in Vietnamese order.
    pub clans: Vec<(UnitId, String)>,
    pub scroll: usize,
}

impl BreakdownState {
    pub fn load(reader: &Reader, year: Year) -> Result<BreakdownState> {
        let mut clans: Vec<(UnitId, String)> = reader
            .units(UnitKind::Clan)?
            .into_iter()
            .filter(|(_, u)| u.meta().active_in(year))
            .map(|(id, u)| (id, u.display_name()))
            .collect();
        clans.sort_by(|a, b| collate(&a.1, &b.1));
        Ok(BreakdownState { clans, scroll: 0 })
    }

    pub fn line_count(&self, tally: &Tally, communities: &[(UnitId, String)]) -> usize {
        lines(self, tally, communities, false).len()
    }
}

const NAME_WIDTH: usize = 22;
const CELL_WIDTH: usize = 17;

/// "12/40 30,0%" for a group, "✓ CN" / "· chưa" for a single unit's own title.
fn cell(counts: &Counts) -> String {
    let percent = crate::text::percent_tenths(counts.recognised, counts.total)
        .map_or("–".to_string(), format_percent);
    format!(
        "{}/{} {percent}",
        format_count(counts.recognised),
        format_count(counts.total)
    )
}

fn own(counts: &Counts, ascii: bool) -> String {
    if counts.recognised > 0 {
        if ascii {
            "v cong nhan"
        } else {
            "✓ công nhận"
        }
        .to_string()
    } else if counts.registered > 0 {
        "đã đăng ký".to_string()
    } else {
        "–".to_string()
    }
}

fn lines(
    state: &BreakdownState,
    tally: &Tally,
    communities: &[(UnitId, String)],
    ascii: bool,
) -> Vec<(Role, String)> {
    let row = |name: &str, cells: [String; 3]| {
        format!(
            "{}{}{}{}",
            pad_to_width(&truncate_to_width(name, NAME_WIDTH - 1), NAME_WIDTH),
            pad_left_to_width(&cells[0], CELL_WIDTH),
            pad_left_to_width(&cells[1], CELL_WIDTH),
            pad_left_to_width(&cells[2], CELL_WIDTH),
        )
    };
    let empty = [Counts::default(); 5];
    let mut out = vec![(
        Role::Header,
        row(
            "Thôn, tổ dân phố",
            ["Hộ GĐHT".into(), "CĐHT".into(), "Công dân CDHT".into()],
        ),
    )];
    for (id, name) in communities {
        let c = tally.by_community.get(id).unwrap_or(&empty);
        out.push((
            Role::Normal,
            row(
                name,
                [
                    cell(&c[Title::GiaDinh as usize]),
                    own(&c[Title::CongDong as usize], ascii),
                    cell(&c[Title::CongDan as usize]),
                ],
            ),
        ));
    }
    out.push((Role::Normal, String::new()));
    out.push((
        Role::Header,
        row(
            "Dòng họ",
            ["Hộ GĐHT".into(), "DHHT".into(), "Công dân CDHT".into()],
        ),
    ));
    for (id, name) in &state.clans {
        let c = tally.by_clan.get(id).unwrap_or(&empty);
        out.push((
            Role::Normal,
            row(
                name,
                [
                    cell(&c[Title::GiaDinh as usize]),
                    own(&c[Title::DongHo as usize], ascii),
                    cell(&c[Title::CongDan as usize]),
                ],
            ),
        ));
    }
    if state.clans.is_empty() {
        out.push((Role::Muted, "Chưa có dòng họ nào trong sổ.".into()));
    }
    out
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, state: &BreakdownState) {
    let title = format!(
        "Kết quả năm {} theo thôn và dòng họ: công nhận/tổng số, tỷ lệ",
        app.year
    );
    boxed(app, &title).render(area, frame.buffer_mut());
    let width = usize::from(area.width.saturating_sub(4));
    let page = usize::from(area.height.saturating_sub(2));
    let all = lines(state, &app.tally, &app.community_names, app.theme.ascii);
    let scroll = state.scroll.min(all.len().saturating_sub(page));
    let buf = frame.buffer_mut();
    for (i, (role, text)) in all.iter().skip(scroll).take(page).enumerate() {
        buf.set_stringn(
            area.x + 2,
            area.y + 1 + i as u16,
            truncate_to_width(text, width),
            width,
            app.theme.style(*role),
        );
    }
}
