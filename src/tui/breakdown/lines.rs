//! The breakdown's lines: per community and per clan, the households recognised against
//! the GĐHT target and its other bases, the citizens recognised, and its own status.

use super::BreakdownState;
use crate::model::{Basis, Title, UnitId};
use crate::tally::{Counts, Tally, progress, progress_on};
use crate::text::{format_count, format_percent, pad_to_width, percent_tenths, truncate_to_width};
use crate::tui::app::App;
use crate::tui::theme::{Role, Theme};

const NAME_WIDTH: usize = 22;

/// "66/157 42,0% ĐK 88,5%".
fn cell(counts: &Counts) -> String {
    let percent =
        percent_tenths(counts.recognised, counts.total).map_or("–".to_string(), format_percent);
    let registered =
        percent_tenths(counts.registered, counts.total).map_or("–".to_string(), format_percent);
    format!(
        "{}/{} {percent} ĐK {registered}",
        format_count(counts.recognised),
        format_count(counts.total)
    )
}

/// "▼" or "✓" after a share measured against one of the commune's GĐHT targets on
/// another basis; "CN/ĐK 50,0%✓" for recognised over registered.
fn other_bases(counts: &Counts, others: &[(Basis, u16)], theme: Theme) -> (String, String) {
    let mark = |basis: Basis, target: u16| match progress_on(counts, basis, Some(target)).on_track {
        Some(true) => theme.sym("✓", "v"),
        Some(false) => theme.sym("▼", "!"),
        None => "",
    };
    let mut after_registered = String::new();
    let mut more = String::new();
    for &(basis, target) in others {
        match basis {
            Basis::Registered => after_registered.push_str(mark(basis, target)),
            Basis::OfRegistered => {
                let share = percent_tenths(counts.recognised, counts.registered)
                    .map_or("–".to_string(), format_percent);
                more.push_str(&format!(" CN/ĐK {share}{}", mark(basis, target)));
            }
            Basis::Total => {}
        }
    }
    (after_registered, more)
}

/// The commune's GĐHT targets in force on the bases other than "total".
pub fn gd_other_targets(app: &App) -> Vec<(Basis, u16)> {
    app.summary
        .line(crate::model::Measure::GiaDinh)
        .map(|l| {
            l.targets
                .iter()
                .filter(|b| b.target.basis != Basis::Total)
                .map(|b| (b.target.basis, b.target.percent_tenths))
                .collect()
        })
        .unwrap_or_default()
}

/// A community's or clan's own title, with the list's symbol and words (it is one unit,
/// so its counts are 0 or 1).
fn own(counts: &Counts, theme: Theme) -> String {
    let status = crate::model::Status {
        registered: counts.registered > 0,
        scored: counts.scored > 0,
        passed: counts.passed > 0,
        recognised: counts.recognised > 0,
        skills: None,
    };
    let (symbol, words) = crate::tui::rows::status_label(status, theme.ascii);
    format!("{symbol} {words}")
}

/// What the two lines of each community and clan mean (the CDHT one is easy to take
/// for the home bar's population measure).
const LEGEND: [&str; 2] = [
    "GĐHT: hộ công nhận/tổng số hộ; ĐK: tỷ lệ đã đăng ký; so với MT GĐHT của xã",
    "CDHT: CDHT công nhận/công dân trong sổ (khác thanh CDHT màn hình chính)",
];

/// The households' standing against the commune's GĐHT target, by symbol and words.
fn standing(counts: &Counts, target: Option<u16>, theme: Theme) -> String {
    let p = progress(counts, target);
    // `on_track` is unknown for a community with no households: neither met nor short.
    match (p.target, p.on_track, p.gap) {
        (Some(_), Some(true), _) => format!("{} đạt MT", theme.sym("✓", "v")),
        (Some(_), Some(false), Some(gap)) => {
            format!("{} thiếu {} hộ", theme.sym("▼", "!"), format_count(gap))
        }
        (Some(_), None, _) => format!("{} chưa có hộ", theme.sym("–", "-")),
        _ => String::new(),
    }
}

pub(super) fn lines(
    state: &BreakdownState,
    tally: &Tally,
    communities: &[(UnitId, String)],
    target: Option<u16>,
    others: &[(Basis, u16)],
    theme: Theme,
) -> Vec<(Role, String)> {
    let empty = [Counts::default(); 5];
    let mut out: Vec<(Role, String)> = LEGEND
        .iter()
        .map(|l| (Role::Muted, (*l).to_string()))
        .collect();
    out.push((Role::Normal, String::new()));
    let group = |out: &mut Vec<(Role, String)>,
                 heading: &str,
                 own_title: Title,
                 units: &mut dyn Iterator<Item = (&String, &[Counts; 5])>| {
        out.push((Role::Header, heading.to_string()));
        for (name, c) in units {
            let households = &c[Title::GiaDinh as usize];
            let citizens = &c[Title::CongDan as usize];
            let (after_registered, more) = other_bases(households, others, theme);
            let households_line = format!(
                "{}GĐHT {}{after_registered}{more}  {}",
                pad_to_width(&truncate_to_width(name, NAME_WIDTH - 1), NAME_WIDTH),
                cell(households),
                standing(households, target, theme)
            );
            let role = if progress(households, target).on_track == Some(false) {
                Role::Warning
            } else {
                Role::Normal
            };
            out.push((role, households_line));
            out.push((
                Role::Muted,
                format!(
                    "{}CDHT {}  {} {}",
                    " ".repeat(NAME_WIDTH),
                    cell(citizens),
                    own_title.short(),
                    own(&c[own_title as usize], theme)
                ),
            ));
        }
    };
    group(
        &mut out,
        "Thôn, tổ dân phố",
        Title::CongDong,
        &mut communities
            .iter()
            .map(|(id, name)| (name, tally.by_community.get(id).unwrap_or(&empty))),
    );
    out.push((Role::Normal, String::new()));
    group(
        &mut out,
        "Dòng họ",
        Title::DongHo,
        &mut state
            .clans
            .iter()
            .map(|(id, name)| (name, tally.by_clan.get(id).unwrap_or(&empty))),
    );
    if state.clans.is_empty() {
        out.push((Role::Muted, "Chưa có dòng họ nào trong sổ.".into()));
    }
    out
}

/// The GĐHT target in force for the year, from the home screen's summary.
pub fn gd_target(app: &App) -> Option<u16> {
    app.summary
        .line(crate::model::Measure::GiaDinh)
        .and_then(|l| l.progress.target)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_community_without_households_is_neither_on_target_nor_short() {
        let theme = Theme::new(false, false);
        let empty = Counts::default();
        let shown = standing(&empty, Some(700), theme);
        assert!(!shown.contains("đạt"), "{shown}");
        assert!(!shown.contains("thiếu"), "{shown}");
        assert!(shown.contains("chưa có hộ"), "{shown}");
        let met = Counts {
            total: 10,
            registered: 9,
            recognised: 7,
            ..Counts::default()
        };
        assert!(standing(&met, Some(700), theme).contains("đạt MT"));
        let short = Counts {
            recognised: 5,
            ..met
        };
        assert!(standing(&short, Some(700), theme).contains("thiếu 2 hộ"));
        assert_eq!(standing(&met, None, theme), "");
    }

    #[test]
    fn a_communitys_own_status_uses_the_lists_words_and_symbols() {
        let theme = Theme::new(false, false);
        let passed = Counts {
            total: 1,
            registered: 1,
            scored: 1,
            passed: 1,
            recognised: 0,
        };
        assert_eq!(own(&passed, theme), "✓ Đạt, chờ QĐ");
        let recognised = Counts {
            recognised: 1,
            ..passed
        };
        assert_eq!(own(&recognised, theme), "★ Đã công nhận");
        assert_eq!(own(&recognised, Theme::new(false, true)), "* Đã công nhận");
        let registered = Counts {
            total: 1,
            registered: 1,
            ..Counts::default()
        };
        assert_eq!(own(&registered, theme), "○ Đang chấm");
    }
}
