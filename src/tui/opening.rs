//! The opening screen, one module: the frame shown while the register opens. Opening usually takes a few tens of
//! milliseconds, but after an unclean shutdown (or when the file changed behind the
//! program's back) it verifies every page, about half a second for the largest
//! communes; the officer sees at once that the program started and what it is doing,
//! instead of a blank terminal.

use crate::text::truncate_to_width;
use crate::tui::theme::{Role, Theme};
use crate::tui::widgets::centred;
use ratatui::Frame;
use ratatui::widgets::{Block, Paragraph, Wrap};
use std::path::Path;

pub fn render(frame: &mut Frame, theme: Theme, path: &Path) {
    let boxed = centred(frame.area(), 70, 5);
    let block = Block::bordered()
        .border_set(theme.border())
        .padding(ratatui::widgets::Padding::horizontal(1))
        .title(" Sổ học tập ")
        .title_style(theme.style(Role::Title));
    // The path on one line of the box's inside, cut rather than wrapped.
    let file = truncate_to_width(
        &path.display().to_string(),
        usize::from(block.inner(boxed).width),
    );
    let text = format!("Đang mở sổ và kiểm tra dữ liệu…\n{file}");
    let paragraph = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(theme.style(Role::Normal))
        .block(block);
    frame.render_widget(paragraph, boxed);
    theme.finish(frame.buffer_mut());
}
