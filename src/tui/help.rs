//! The help screen, one module: generated from the command table, every key of every
//! context, the one the officer came from first. Its state (how far it is scrolled, and
//! the context it was opened over) is the `Screen::Help` variant; its keys scroll it.

use super::screens::boxed;
use super::widgets::lines::CutLines;
use crate::text::pad_to_width;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::{self, Ctx};
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Widget;

/// The text width of the help page at 80 columns (less borders and margins).
const HELP_WIDTH: usize = 76;

/// (is heading, text) lines of the help, starting with the context `first`.
pub fn lines(first: Ctx) -> Vec<(bool, String)> {
    let mut order = vec![first];
    order.extend(
        Ctx::ALL
            .into_iter()
            .filter(|c| *c != first && *c != Ctx::Help),
    );
    let mut out = Vec::new();
    for ctx in order {
        out.push((true, ctx.label().to_string()));
        for c in keymap::commands().filter(|c| c.scope.contains(&ctx)) {
            let keys: Vec<String> = c.keys.iter().map(|k| k.label()).collect();
            // A long explanation wraps under itself instead of being cut at 80 columns.
            let first = format!("  {} ", pad_to_width(&keys.join(", "), 16));
            let rest = " ".repeat(crate::text::width(&first));
            out.extend(
                crate::report::text::layout::wrap(c.help, HELP_WIDTH, &first, &rest)
                    .into_iter()
                    .map(|l| (false, l)),
            );
        }
        if matches!(ctx, Ctx::Setup | Ctx::Search | Ctx::Form) {
            out.push((
                false,
                format!(
                    "  {} {}",
                    pad_to_width("chữ, dán", 16),
                    "Gõ chữ (Unikey Telex/VNI đều được) hoặc dán vào ô"
                ),
            ));
        }
        if ctx == Ctx::Home {
            out.extend(denominator_lines());
        }
        if ctx == Ctx::Breakdown {
            out.extend(breakdown_lines());
        }
    }
    out
}

/// How each bar's percentage is computed (`tally::denominator_rule`), wrapped to the
/// narrowest help page (80 columns less borders and indent).
fn denominator_lines() -> Vec<(bool, String)> {
    let mut out = vec![(
        false,
        "  Cách tính tỷ lệ trên các thanh (mẫu số):".to_string(),
    )];
    for measure in crate::model::Measure::ALL {
        let text = format!(
            "{}: {}",
            measure.label(),
            crate::tally::denominator_rule(measure)
        );
        out.extend(
            crate::report::text::layout::wrap(&text, 74, "  - ", "    ")
                .into_iter()
                .map(|l| (false, l)),
        );
    }
    out.push((
        false,
        "  Năm giữa hai mốc của nghị quyết dùng mục tiêu của mốc kế tiếp.".to_string(),
    ));
    out
}

/// What the breakdown's columns count: its own figures, not the home bars'.
fn breakdown_lines() -> Vec<(bool, String)> {
    let text = [
        "Mỗi thôn, dòng họ hai dòng. Dòng 1: hộ của thôn (dòng họ) được công nhận GĐHT trên tổng số hộ, tỷ lệ đã đăng ký (ĐK), và còn thiếu bao nhiêu hộ so với mục tiêu GĐHT của xã.",
        "Dòng 2: CDHT công nhận trên số công dân có tên trong sổ (danh sách Công dân) thuộc các hộ của thôn, dòng họ. Đây không phải tỷ lệ trên thanh CDHT của màn hình chính (thanh đó tính trên người lớn của các hộ, dòng họ, thôn học tập).",
        "Sau cùng là danh hiệu của chính thôn (CĐHT) hay dòng họ (DHHT), cùng ký hiệu với danh sách: ★ Đã công nhận, ✓ Đạt, chờ QĐ, ✗ Chưa đạt, ○ Đang chấm, · Chưa đăng ký.",
    ];
    let mut out = vec![(false, "  Các cột của bảng theo thôn, dòng họ:".to_string())];
    for paragraph in text {
        out.extend(
            crate::report::text::layout::wrap(paragraph, 74, "  - ", "    ")
                .into_iter()
                .map(|l| (false, l)),
        );
    }
    out
}

pub fn line_count() -> usize {
    lines(Ctx::Home).len()
}

pub fn render(app: &App, frame: &mut Frame, area: Rect, scroll: usize, under: Ctx) {
    let title = format!(
        "Trợ giúp: các phím ({} {} cuộn, {} quay lại)",
        keymap::pair_label(Ctx::Help, &Action::Up, &Action::Down, ""),
        keymap::pair_label(Ctx::Help, &Action::PageUp, &Action::PageDown, " "),
        keymap::key_label(Ctx::Help, &Action::Back)
    );
    let block = boxed(app, &title);
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let lines = lines(under);
    let page = usize::from(inner.height);
    let scroll = scroll.min(lines.len().saturating_sub(page));
    let styled = lines.iter().skip(scroll).map(|(heading, text)| {
        let role = if *heading { Role::Title } else { Role::Normal };
        (text, app.theme.style(role))
    });
    frame.render_widget(CutLines(styled), inner);
}

impl App {
    pub(super) fn update_help(&mut self, action: Action) {
        if let Some(Screen::Help { scroll, .. }) = self.stack.last_mut() {
            // Render clamps to the page; the stored value stays within the help's length.
            let max = line_count();
            if let Some(to) = super::scroll::scrolled(*scroll, &action, self.page_rows, max) {
                *scroll = to;
            }
        }
    }
}
