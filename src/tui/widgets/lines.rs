//! Lines of text down an area, one per row from its top, each cut with "…" to the
//! area's width; lines past its bottom are not drawn. The text screens (about, help,
//! history, detail) lay out their area with `Layout` and hand it this.

use crate::text::truncate_to_width;
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;

/// One styled line per row; a line's style covers its text only, not the rest of the row.
pub struct CutLines<I>(pub I);

impl<I, T> Widget for CutLines<I>
where
    I: IntoIterator<Item = (T, Style)>,
    T: AsRef<str>,
{
    fn render(self, area: Rect, buf: &mut Buffer) {
        for (row, (text, style)) in area.rows().zip(self.0) {
            let width = usize::from(row.width);
            buf.set_stringn(
                row.x,
                row.y,
                truncate_to_width(text.as_ref(), width),
                width,
                style,
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_line_takes_a_row_cut_with_an_ellipsis_and_the_rest_is_left_out() {
        let area = Rect::new(0, 0, 8, 2);
        let mut buf = Buffer::empty(area);
        let lines = ["Thôn Đông Hải", "ngắn", "không vẽ"].map(|t| (t, Style::new()));
        CutLines(lines).render(area, &mut buf);
        assert_eq!(buf, Buffer::with_lines(["Thôn Đô…", "ngắn    "]));
    }
}
