//! One measure's bar on the home screen, on two lines:
//! 1. label, the bar with the target marker inside it, recognised / total, percentage;
//! 2. the standing against the target by symbol and in words ("▼ còn thiếu 37 hộ để
//!    đạt 70,0%", "✓ đạt mục tiêu", "– chưa có số liệu" for a year with no units), the
//!    milestone it belongs to, and registered %. When the resolution also sets targets
//!    on the other bases (registered over all, recognised over registered), the line
//!    says it shorter and adds each of them ("ĐK 65,0% ▼80,0%": registered 65 %, short
//!    of the 80 % target); the digital-skills bar adds the proficient share the same way.
//!
//! Colour only repeats what the symbols and words say.

use crate::model::Basis;
use crate::report::{BasisLine, MeasureLine};
use crate::text::{format_count, format_percent, pad_to_width, truncate_to_width};
use crate::tui::action::Action;
use crate::tui::keymap::{Ctx, key_label};
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::lines::CutLines;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::Widget;

const LABEL_WIDTH: usize = 22;
const BAR_WIDTH: usize = 20;
/// Lines each bar takes.
pub const HEIGHT: u16 = 2;

/// The counter word of a measure's units ("hộ", "dòng họ", "người").
pub fn counter(line: &MeasureLine) -> &'static str {
    line.measure.title().unit_kind().counter()
}

/// "đăng ký", or for the digital-skills shares (whose "registered" holders are those
/// with skills recorded) "đã ghi".
fn registered_word(line: &MeasureLine) -> &'static str {
    if line.measure.is_digital_skills() {
        "đã ghi"
    } else {
        "đăng ký"
    }
}

/// The targets in force on the bases other than "recognised over all".
fn other_bases(line: &MeasureLine) -> impl Iterator<Item = &BasisLine> {
    line.targets
        .iter()
        .filter(|b| b.target.basis != Basis::Total)
}

/// "ĐK 65,0% ▼80,0%": a share against its target, the symbol saying met, short, or no
/// data.
fn against(
    theme: Theme,
    label: &str,
    percent: Option<u32>,
    target: u16,
    on: Option<bool>,
) -> String {
    let symbol = match on {
        Some(true) => theme.sym("✓", "v"),
        Some(false) => theme.sym("▼", "!"),
        None => theme.sym("–", "-"),
    };
    format!(
        "{label} {} {symbol}{}",
        percent.map_or("–".to_string(), format_percent),
        format_percent(u32::from(target))
    )
}

/// The second line's words: standing against the target and registered share, and the
/// targets on the other bases (and, on the digital-skills bar, the proficient share),
/// in at most `room` columns: the registered share, said last, is left out rather than
/// cut when the rest needs the room (large communes' counts).
pub fn second_line(
    theme: Theme,
    line: &MeasureLine,
    proficient: Option<&MeasureLine>,
    room: usize,
) -> (String, Role) {
    if other_bases(line).next().is_none() && proficient.is_none() {
        return standing(theme, line);
    }
    let p = &line.progress;
    let milestone = line
        .target
        .as_ref()
        .map(|t| format!(" ({})", t.milestone))
        .unwrap_or_default();
    let (mut text, role) = match (p.on_track, p.target, p.gap) {
        (Some(true), Some(t), _) => (
            format!(
                "{} đạt MT {}{milestone}",
                theme.sym("✓", "v"),
                format_percent(u32::from(t))
            ),
            Role::Good,
        ),
        (None, Some(t), _) => (
            format!(
                "{} chưa có số liệu (MT {})",
                theme.sym("–", "-"),
                format_percent(u32::from(t))
            ),
            Role::Muted,
        ),
        (_, Some(t), Some(gap)) => (
            format!(
                "{} thiếu {} {}, MT {}{milestone}",
                theme.sym("▼", "!"),
                format_count(gap),
                counter(line),
                format_percent(u32::from(t))
            ),
            Role::Warning,
        ),
        _ => (format!("{} chưa có MT", theme.sym("·", "-")), Role::Muted),
    };
    let mut registered_shown = false;
    for b in other_bases(line) {
        let label = match b.target.basis {
            Basis::Registered => {
                registered_shown = true;
                "ĐK"
            }
            _ => "CN/ĐK",
        };
        text.push_str(" · ");
        text.push_str(&against(
            theme,
            label,
            b.progress.percent,
            b.target.percent_tenths,
            b.progress.on_track,
        ));
    }
    if let Some(pro) = proficient {
        text.push_str(" · ");
        match &pro.target {
            Some(t) => text.push_str(&against(
                theme,
                "thành thạo",
                pro.progress.percent_of_total,
                t.percent_tenths,
                pro.progress.on_track,
            )),
            None => text.push_str(&format!(
                "thành thạo {}",
                pro.progress
                    .percent_of_total
                    .map_or("–".to_string(), format_percent)
            )),
        }
    }
    if !registered_shown {
        let registered = format!(
            " · {} {}",
            registered_word(line),
            p.percent_registered.map_or("–".to_string(), format_percent)
        );
        if crate::text::width(&text) + crate::text::width(&registered) <= room {
            text.push_str(&registered);
        }
    }
    (text, role)
}

/// The second line's words when the measure has a target on the "total" basis only:
/// standing against the target and registered share.
pub fn standing(theme: Theme, line: &MeasureLine) -> (String, Role) {
    let p = &line.progress;
    let registered = p.percent_registered.map_or("–".to_string(), format_percent);
    let word = registered_word(line);
    let milestone = line
        .target
        .as_ref()
        .map(|t| format!(" (mốc {})", t.milestone))
        .unwrap_or_default();
    match (p.on_track, p.target, p.gap) {
        (Some(true), Some(t), _) => (
            format!(
                "{} đạt mục tiêu {}{milestone} · {word} {registered}",
                theme.sym("✓", "v"),
                format_percent(u32::from(t))
            ),
            Role::Good,
        ),
        // No units in the year: neither met nor short.
        (None, Some(t), _) => (
            format!(
                "{} chưa có số liệu (mục tiêu {}{milestone})",
                theme.sym("–", "-"),
                format_percent(u32::from(t))
            ),
            Role::Muted,
        ),
        (_, Some(t), Some(gap)) => (
            format!(
                "{} còn thiếu {} {} để đạt {}{milestone} · {word} {registered}",
                theme.sym("▼", "!"),
                format_count(gap),
                counter(line),
                format_percent(u32::from(t))
            ),
            Role::Warning,
        ),
        _ => (
            format!(
                "{} chưa có mục tiêu ({} để nhập) · {word} {registered}",
                theme.sym("·", "-"),
                key_label(Ctx::Home, &Action::OpenTargets)
            ),
            Role::Muted,
        ),
    }
}

/// Draws `line`'s bar in the first two rows of `area`.
pub fn render(
    buf: &mut Buffer,
    theme: Theme,
    area: Rect,
    line: &MeasureLine,
    proficient: Option<&MeasureLine>,
) {
    let [first, second] = Layout::vertical([Constraint::Length(1); 2]).areas(area);
    let [label_area, bar_area, counts_area] = Layout::horizontal([
        Constraint::Length(LABEL_WIDTH as u16),
        Constraint::Length(BAR_WIDTH as u16),
        Constraint::Fill(1),
    ])
    .areas(first);
    // The standing is indented under the label.
    let [_, standing_area] =
        Layout::horizontal([Constraint::Length(2), Constraint::Fill(1)]).areas(second);
    let counts = line.counts;
    let label = pad_to_width(
        &truncate_to_width(line.measure.label(), LABEL_WIDTH - 1),
        LABEL_WIDTH,
    );
    CutLines([(label, theme.style(Role::Normal))]).render(label_area, buf);
    let filled = (counts.recognised.min(counts.total))
        .saturating_mul(BAR_WIDTH as u64)
        .checked_div(counts.total)
        .map_or(0, |f| f as usize);
    let marker = line
        .progress
        .target
        .map(|t| (usize::from(t) * BAR_WIDTH / 1000).min(BAR_WIDTH - 1));
    let mut bar = String::new();
    for i in 0..BAR_WIDTH {
        bar.push_str(if Some(i) == marker {
            theme.sym("┃", "|")
        } else if i < filled {
            theme.sym("█", "#")
        } else {
            theme.sym("░", ".")
        });
    }
    CutLines([(bar, theme.style(Role::Good))]).render(bar_area, buf);
    let percent = line
        .progress
        .percent_of_total
        .map_or("–".to_string(), format_percent);
    let text = format!(
        " {}/{} {}  {percent}",
        format_count(counts.recognised),
        format_count(counts.total),
        counter(line)
    );
    CutLines([(text, theme.style(Role::Normal))]).render(counts_area, buf);
    let room = usize::from(standing_area.width);
    let (words, role) = second_line(theme, line, proficient, room);
    CutLines([(words, theme.style(role))]).render(standing_area, buf);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Measure;
    use crate::tally::{Counts, progress};

    fn line(counts: Counts) -> MeasureLine {
        MeasureLine {
            measure: Measure::GiaDinh,
            counts,
            progress: progress(&counts, Some(700)),
            target: None,
            targets: Vec::new(),
            rule: "",
        }
    }

    #[test]
    fn a_year_without_units_has_no_data_rather_than_a_gap_of_zero() {
        let theme = Theme::new(false, false);
        let (text, role) = standing(theme, &line(Counts::default()));
        assert!(text.starts_with("– chưa có số liệu"), "{text}");
        assert!(!text.contains("còn thiếu"), "{text}");
        assert_eq!(role, Role::Muted);
        let short = Counts {
            total: 10,
            recognised: 5,
            ..Counts::default()
        };
        assert!(standing(theme, &line(short)).0.contains("▼ còn thiếu 2 hộ"));
    }

    /// Large figures: the digital-skills bar's line keeps the standing and the
    /// proficient share whole and leaves out the recorded share it has no room for.
    #[test]
    fn the_registered_share_gives_way_to_the_standing_on_a_full_line() {
        use crate::model::{Basis, ResolutionRef, Target};
        use crate::report::BasisLine;
        use crate::tally::progress_on;
        let target = |measure, tenths| Target {
            measure,
            basis: Basis::Total,
            milestone: 2030,
            percent_tenths: tenths,
            resolution: ResolutionRef {
                number: "05".into(),
                date: None,
                body: String::new(),
            },
        };
        let skills_line = |measure, recognised, tenths| {
            let counts = Counts {
                total: 12_000,
                registered: 9_000,
                scored: 9_000,
                passed: recognised,
                recognised,
            };
            let t = target(measure, tenths);
            MeasureLine {
                measure,
                counts,
                progress: progress(&counts, Some(tenths)),
                target: Some(t.clone()),
                targets: vec![BasisLine {
                    progress: progress_on(&counts, Basis::Total, Some(tenths)),
                    target: t,
                }],
                rule: "",
            }
        };
        let theme = Theme::new(false, false);
        let has = skills_line(Measure::KyNangSo, 4_321, 700);
        let pro = skills_line(Measure::ThanhThaoKyNangSo, 1_234, 600);
        let (wide, _) = second_line(theme, &has, Some(&pro), 200);
        assert!(wide.ends_with("· đã ghi 75,0%"), "{wide}");
        let (text, role) = second_line(theme, &has, Some(&pro), 74);
        assert_eq!(
            text,
            "▼ thiếu 4.079 người, MT 70,0% (2030) · thành thạo 10,3% ▼60,0%"
        );
        assert_eq!(role, Role::Warning);
    }
}
