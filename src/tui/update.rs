//! Text editing shared by every field of every screen: what a typing action does to a
//! [`TextInput`]. Each screen's own keys live in its module.

use super::action::Action;
use crate::text::TextInput;

/// Applies a text-editing action to a field; returns whether the text changed.
pub fn edit(input: &mut TextInput, action: &Action) -> bool {
    let before = input.value().len();
    let before_value = input.value().to_string();
    match action {
        Action::Char(c) => input.insert_char(*c),
        Action::Paste(text) => input.insert_str(text),
        Action::Backspace => input.backspace(),
        Action::Delete => input.delete(),
        Action::Left => input.left(),
        Action::Right => input.right(),
        Action::LineStart => input.home(),
        Action::LineEnd => input.end(),
        _ => return false,
    }
    input.value().len() != before || input.value() != before_value
}
