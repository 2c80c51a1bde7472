//! One measure's bar on the home screen: recognised / total, the percentage, a target
//! marker inside the bar, and the standing against the target by symbol and word (not
//! by colour alone). The scoring work will add registered % and breakdowns here.

use crate::report::MeasureLine;
use crate::text::{format_count, format_percent, pad_to_width, truncate_to_width};
use crate::tui::theme::{Role, Theme};
use ratatui::buffer::Buffer;

const LABEL_WIDTH: usize = 21;
const BAR_WIDTH: usize = 14;

pub fn render(buf: &mut Buffer, theme: Theme, x: u16, y: u16, width: usize, line: &MeasureLine) {
    let counts = line.counts;
    let label = pad_to_width(
        &truncate_to_width(line.measure.label(), LABEL_WIDTH),
        LABEL_WIDTH,
    );
    buf.set_stringn(x, y, &label, width, theme.style(Role::Normal));
    let filled = (counts.recognised.min(counts.total) * BAR_WIDTH as u64)
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
    let bx = x + LABEL_WIDTH as u16 + 1;
    buf.set_stringn(bx, y, &bar, BAR_WIDTH, theme.style(Role::Good));
    let percent = line
        .progress
        .percent_of_total
        .map_or("–".to_string(), format_percent);
    let standing = match (
        line.progress.on_track,
        line.progress.target,
        line.progress.gap,
    ) {
        (Some(true), Some(t), _) => format!(
            "{} đạt MT {}",
            theme.sym("✓", "v"),
            format_percent(u32::from(t))
        ),
        (_, Some(t), Some(gap)) => format!(
            "{} MT {} thiếu {}",
            theme.sym("▼", "!"),
            format_percent(u32::from(t)),
            format_count(gap)
        ),
        _ => "chưa có mục tiêu".to_string(),
    };
    let text = format!(
        " {}/{} {percent:>6} {standing}",
        format_count(counts.recognised),
        format_count(counts.total)
    );
    let tx = bx + BAR_WIDTH as u16;
    let rest = width.saturating_sub(LABEL_WIDTH + 1 + BAR_WIDTH);
    let role = match line.progress.on_track {
        Some(true) => Role::Good,
        Some(false) => Role::Warning,
        None => Role::Muted,
    };
    buf.set_stringn(
        tx,
        y,
        truncate_to_width(&text, rest),
        rest,
        theme.style(role),
    );
}
