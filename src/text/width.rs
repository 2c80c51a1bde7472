//! Terminal column widths.
//!
//! Table columns in the TUI and plain-text reports are aligned by the number
//! of terminal cells text occupies, which is neither its byte length ("ễ" is
//! three bytes) nor its char count (NFD "ễ" is three chars, one cell; CJK
//! and emoji take two cells). Cutting must also happen between grapheme
//! clusters, never between a letter and its tone mark.

use unicode_segmentation::UnicodeSegmentation;
use unicode_width::UnicodeWidthStr;

const ELLIPSIS: &str = "…";

/// Number of terminal columns `s` occupies.
pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cuts `s` at a grapheme boundary so it fits in `max` columns, ending with
/// '…' when something was cut (and `max >= 1`). Text that fits is returned
/// unchanged.
pub fn truncate_to_width(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut candidate = String::new();
    for grapheme in s.graphemes(true) {
        candidate.clear();
        candidate.push_str(&out);
        candidate.push_str(grapheme);
        candidate.push_str(ELLIPSIS);
        // Measure the real candidate rather than summing per-grapheme widths:
        // unicode-width is context-sensitive (emoji sequences, ligatures), so
        // only the whole string's width is authoritative.
        if width(&candidate) > max {
            break;
        }
        out.push_str(grapheme);
    }
    out.push_str(ELLIPSIS);
    out
}

/// Left-aligned cell: truncated to `w` columns, then padded with spaces to
/// exactly `w` columns.
pub fn pad_to_width(s: &str, w: usize) -> String {
    let mut out = truncate_to_width(s, w);
    let fill = w.saturating_sub(width(&out));
    out.extend(std::iter::repeat_n(' ', fill));
    out
}

/// Right-aligned cell (for numbers): truncated to `w` columns, then padded on
/// the left with spaces to exactly `w` columns.
pub fn pad_left_to_width(s: &str, w: usize) -> String {
    let cut = truncate_to_width(s, w);
    let fill = w.saturating_sub(width(&cut));
    let mut out: String = std::iter::repeat_n(' ', fill).collect();
    out.push_str(&cut);
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn width_counts_cells_not_bytes() {
        assert_eq!(width("Nguyễn"), 6);
        assert_eq!(width("Nguye\u{302}\u{303}n"), 6);
        assert_eq!(width("学习"), 4);
        assert_eq!(width(""), 0);
    }

    #[test]
    fn truncate_keeps_fitting_text() {
        assert_eq!(truncate_to_width("Nguyễn", 6), "Nguyễn");
        assert_eq!(truncate_to_width("Nguyễn", 10), "Nguyễn");
    }

    #[test]
    fn truncate_cuts_with_ellipsis() {
        assert_eq!(truncate_to_width("Nguyễn Văn An", 7), "Nguyễn…");
        assert_eq!(truncate_to_width("Nguyễn", 1), "…");
        assert_eq!(truncate_to_width("Nguyễn", 0), "");
        // A decomposed letter is never separated from its marks.
        assert_eq!(
            truncate_to_width("Nguye\u{302}\u{303}n An", 6),
            "Nguye\u{302}\u{303}…"
        );
        // A wide character that does not fit leaves the cell short, not over.
        assert_eq!(truncate_to_width("a学习", 3), "a…");
    }

    #[test]
    fn padding_is_exact() {
        assert_eq!(pad_to_width("Lê", 5), "Lê   ");
        assert_eq!(pad_to_width("Nguyễn Văn An", 8), "Nguyễn …");
        assert_eq!(pad_left_to_width("1.234", 8), "   1.234");
        assert_eq!(pad_left_to_width("61,7%", 3), "61…");
        assert_eq!(pad_to_width("a学习", 3), "a… ");
        assert_eq!(pad_to_width("", 0), "");
    }

    proptest! {
        #[test]
        fn truncate_never_exceeds(s in any::<String>(), w in 0usize..20) {
            prop_assert!(width(&truncate_to_width(&s, w)) <= w);
        }

        #[test]
        fn truncate_never_exceeds_vietnamese(s in "[a-zăâđêôơưàảãáạằẳẵắặầẩẫấậ \u{301}\u{302}\u{303}\u{323}学😀]{0,30}", w in 0usize..20) {
            prop_assert!(width(&truncate_to_width(&s, w)) <= w);
        }

        #[test]
        fn pad_is_exact_for_printable(s in "[a-zA-Zà-ỹ0-9 学😀]{0,30}", w in 0usize..20) {
            prop_assert_eq!(width(&pad_to_width(&s, w)), w);
            prop_assert_eq!(width(&pad_left_to_width(&s, w)), w);
        }
    }
}
