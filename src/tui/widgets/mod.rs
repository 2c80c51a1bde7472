//! Small drawing pieces shared by screens: the key-hint bar, a form and its fields, a
//! target bar, lines cut to their area's width.

pub mod bar;
pub mod field;
pub mod form;
pub mod hints;
pub mod lines;

use ratatui::layout::{Constraint, Layout, Rect};

/// A box of at most `width`×`height` in the middle of `area`. Where the room left over
/// is odd, the extra row (column) goes below (right): ratatui's `Flex::Center` puts it
/// above, which would move every centred box the officer knows by one row.
pub fn centred(area: Rect, width: u16, height: u16) -> Rect {
    let [_, column, _] = Layout::horizontal([
        Constraint::Length(area.width.saturating_sub(width) / 2),
        Constraint::Length(width.min(area.width)),
        Constraint::Fill(1),
    ])
    .areas(area);
    let [_, middle, _] = Layout::vertical([
        Constraint::Length(area.height.saturating_sub(height) / 2),
        Constraint::Length(height.min(area.height)),
        Constraint::Fill(1),
    ])
    .areas(column);
    middle
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_centred_box_leaves_the_odd_row_below_and_never_outgrows_its_area() {
        assert_eq!(
            centred(Rect::new(0, 1, 80, 20), 70, 5),
            Rect::new(5, 8, 70, 5)
        );
        assert_eq!(
            centred(Rect::new(0, 0, 80, 24), 70, 5),
            Rect::new(5, 9, 70, 5)
        );
        assert_eq!(
            centred(Rect::new(2, 3, 10, 4), 70, 5),
            Rect::new(2, 3, 10, 4)
        );
    }
}
