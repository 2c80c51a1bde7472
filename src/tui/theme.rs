//! How things look: 16 ANSI colours (or none, for `NO_COLOR`), bold and reverse for
//! meaning, and the ASCII mode for consoles without Vietnamese glyphs.
//!
//! The colour and ASCII choices are fields, read once at start-up by `run`, so tests
//! can render every mode without touching the environment. Meaning is never carried
//! by colour alone: every coloured thing also has a symbol, bold or reverse.

use ratatui::buffer::Buffer;
use ratatui::style::{Color, Modifier, Style};
use ratatui::symbols::border;

/// What a piece of text is, so its style is chosen in one place.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Normal,
    /// Screen titles and headings.
    Title,
    /// The highlighted row or field.
    Selected,
    /// Key names in the hint bar and help.
    Key,
    /// Secondary text (totals, explanations).
    Muted,
    Error,
    /// Something to double-check (provisional criteria, unsaved changes).
    Warning,
    Good,
    /// The header row of a table.
    Header,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    /// Use the 16 ANSI colours; false under `NO_COLOR`.
    pub color: bool,
    /// ASCII borders and text without diacritics.
    pub ascii: bool,
}

impl Theme {
    pub fn new(color: bool, ascii: bool) -> Theme {
        Theme { color, ascii }
    }

    /// The theme the environment asks for: `NO_COLOR` set to anything non-empty turns
    /// colours off (<https://no-color.org>).
    pub fn from_env(ascii: bool) -> Theme {
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Theme::new(!no_color, ascii)
    }

    pub fn style(&self, role: Role) -> Style {
        let base = match role {
            Role::Normal => Style::new(),
            Role::Title => Style::new().add_modifier(Modifier::BOLD),
            Role::Selected => Style::new().add_modifier(Modifier::REVERSED),
            Role::Key => Style::new().add_modifier(Modifier::BOLD),
            Role::Muted => Style::new(),
            Role::Error => Style::new().add_modifier(Modifier::BOLD),
            Role::Warning => Style::new().add_modifier(Modifier::BOLD),
            Role::Good => Style::new(),
            Role::Header => Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED),
        };
        if !self.color {
            return base;
        }
        match role {
            Role::Title => base.fg(Color::Cyan),
            Role::Key => base.fg(Color::Yellow),
            Role::Muted => base.fg(Color::DarkGray),
            Role::Error => base.fg(Color::LightRed),
            Role::Warning => base.fg(Color::Yellow),
            Role::Good => base.fg(Color::Green),
            _ => base,
        }
    }

    pub fn border(&self) -> border::Set<'static> {
        if self.ascii {
            border::Set {
                top_left: "+",
                top_right: "+",
                bottom_left: "+",
                bottom_right: "+",
                vertical_left: "|",
                vertical_right: "|",
                horizontal_top: "-",
                horizontal_bottom: "-",
            }
        } else {
            border::PLAIN
        }
    }

    /// A symbol with its ASCII stand-in.
    pub fn sym(&self, unicode: &'static str, ascii: &'static str) -> &'static str {
        if self.ascii { ascii } else { unicode }
    }

    /// In ASCII mode, replaces every drawn cell by its ASCII look-alike, so no screen
    /// can forget to strip diacritics. Each cell keeps one column.
    pub fn finish(&self, buffer: &mut Buffer) {
        neutralise(buffer);
        if !self.ascii {
            return;
        }
        let width = usize::from(buffer.area.width).max(1);
        let cells = &mut buffer.content;
        for i in 0..cells.len() {
            let symbol = cells[i].symbol();
            if symbol.is_ascii() {
                continue;
            }
            // A cut text ends in "…": "..." when two blank cells follow in the row (a
            // single "." reads as a full stop, as if the name were complete); a plain "."
            // otherwise, so no separator or border after it is overwritten.
            if symbol == "…" {
                cells[i].set_symbol(".");
                let room = width - 1 - i % width;
                let blank =
                    room >= 2 && cells.iter().skip(i + 1).take(2).all(|c| c.symbol() == " ");
                if blank {
                    for next in cells.iter_mut().skip(i + 1).take(2) {
                        next.set_symbol(".");
                    }
                }
                continue;
            }
            let ascii = crate::text::to_ascii(symbol);
            let first = ascii.chars().next().unwrap_or(' ');
            let mut buf = [0u8; 4];
            cells[i].set_symbol(first.encode_utf8(&mut buf));
        }
    }
}

/// Takes out of every drawn cell the characters that could drive the terminal or
/// reorder the line (ratatui already drops C0/C1 controls, but not the bidirectional
/// controls, which it attaches to the previous cell as zero-width text). Screens show
/// stored names escaped (`<U+202E>`); this is the net under any text they forget.
fn neutralise(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        let symbol = cell.symbol();
        if symbol.chars().any(crate::text::safe::is_unsafe) {
            let kept: String = symbol
                .chars()
                .filter(|c| !crate::text::safe::is_unsafe(*c))
                .collect();
            cell.set_symbol(if kept.is_empty() { " " } else { &kept });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_color_keeps_bold_and_reverse_but_drops_colours() {
        let plain = Theme::new(false, false);
        assert_eq!(plain.style(Role::Error).fg, None);
        assert!(
            plain
                .style(Role::Error)
                .add_modifier
                .contains(Modifier::BOLD)
        );
        assert!(
            plain
                .style(Role::Selected)
                .add_modifier
                .contains(Modifier::REVERSED)
        );
        assert_eq!(
            Theme::new(true, false).style(Role::Error).fg,
            Some(Color::LightRed)
        );
    }

    #[test]
    fn ascii_mode_rewrites_every_cell() {
        let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 1));
        buffer.set_string(0, 0, "Đặng…│✓", Style::new());
        Theme::new(true, true).finish(&mut buffer);
        let line: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert!(line.is_ascii(), "{line}");
        assert!(line.starts_with("Dang"), "{line}");
    }

    #[test]
    fn a_bidirectional_control_never_reaches_the_terminal() {
        let mut buffer = Buffer::empty(ratatui::layout::Rect::new(0, 0, 12, 1));
        ratatui::widgets::Widget::render(
            ratatui::text::Span::raw("HO\u{202E}21000"),
            buffer.area,
            &mut buffer,
        );
        let before: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert!(before.contains('\u{202E}'), "ratatui keeps it: {before:?}");
        Theme::new(true, false).finish(&mut buffer);
        let line: String = buffer.content.iter().map(|c| c.symbol()).collect();
        assert_eq!(line.trim_end(), "HO21000");
    }
}
