//! One rule for every scrolled text (help, history, breakdown, report preview, import
//! preview): which keys move it, by how much, and where it stops.

use super::action::Action;

/// The scroll position after `action`, kept within `0..=max`; `None` when the action
/// is not a scrolling key (the screen then handles it itself). `page` is how many
/// lines one PgUp/PgDn moves.
pub fn scrolled(current: usize, action: &Action, page: usize, max: usize) -> Option<usize> {
    let page = page.max(1);
    let next = match action {
        Action::Up => current.saturating_sub(1),
        Action::Down => current.saturating_add(1),
        Action::PageUp => current.saturating_sub(page),
        Action::PageDown => current.saturating_add(page),
        Action::First => 0,
        Action::Last => max,
        _ => return None,
    };
    Some(next.min(max))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_scrolling_key_stays_within_the_text() {
        assert_eq!(scrolled(0, &Action::Up, 10, 30), Some(0));
        assert_eq!(scrolled(5, &Action::Up, 10, 30), Some(4));
        assert_eq!(scrolled(5, &Action::Down, 10, 30), Some(6));
        assert_eq!(scrolled(30, &Action::Down, 10, 30), Some(30));
        assert_eq!(scrolled(5, &Action::PageUp, 10, 30), Some(0));
        assert_eq!(scrolled(25, &Action::PageUp, 10, 30), Some(15));
        assert_eq!(scrolled(25, &Action::PageDown, 10, 30), Some(30));
        assert_eq!(scrolled(5, &Action::PageDown, 10, 30), Some(15));
        assert_eq!(scrolled(17, &Action::First, 10, 30), Some(0));
        assert_eq!(scrolled(17, &Action::Last, 10, 30), Some(30));
        // A page of nothing still moves one line; a position past the end comes back.
        assert_eq!(scrolled(5, &Action::PageDown, 0, 30), Some(6));
        assert_eq!(scrolled(50, &Action::Up, 10, 30), Some(30));
        assert_eq!(scrolled(0, &Action::Down, 10, 0), Some(0));
        assert_eq!(
            scrolled(usize::MAX, &Action::Down, 10, usize::MAX),
            Some(usize::MAX)
        );
    }

    #[test]
    fn other_keys_are_left_to_the_screen() {
        assert_eq!(scrolled(3, &Action::Save, 10, 30), None);
        assert_eq!(scrolled(3, &Action::Char('j'), 10, 30), None);
    }
}
