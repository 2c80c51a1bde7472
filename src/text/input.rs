//! A single-line text field that survives Vietnamese input methods.
//!
//! Unikey and EVKey (Telex or VNI) do not send the final letter directly:
//! typing "ee" sends 'e', then Backspace and 'ê'; adding a tone later sends
//! enough Backspaces to reach the vowel and retypes the rest. Other input
//! methods append combining marks instead. The field therefore deletes whole
//! grapheme clusters, keeps its value in NFC at all times, and tracks the
//! cursor as a grapheme index (which NFC does not change) rather than a byte
//! or char offset.

use unicode_segmentation::UnicodeSegmentation;

use super::normalize::nfc;
use super::width::width;

/// Editable single-line value. The value is always NFC and the cursor is
/// always between grapheme clusters (0 ..= number of graphemes).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextInput {
    value: String,
    /// Number of grapheme clusters before the cursor.
    cursor: usize,
}

/// Makes pasted or typed text single-line: line breaks and tabs become
/// spaces (a CR LF pair becomes one), other control characters vanish.
fn sanitize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push(' ');
            }
            '\n' | '\t' | '\u{0B}' | '\u{0C}' | '\u{85}' | '\u{2028}' | '\u{2029}' => {
                out.push(' ');
            }
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn grapheme_count(s: &str) -> usize {
    s.graphemes(true).count()
}

impl TextInput {
    /// An empty field.
    pub fn new() -> Self {
        Self::default()
    }

    /// A field pre-filled with `value` (sanitised like a paste), cursor at
    /// the end.
    pub fn with_value(value: &str) -> Self {
        let value = nfc(&sanitize(value));
        let cursor = grapheme_count(&value);
        Self { value, cursor }
    }

    /// The current text, always NFC.
    pub fn value(&self) -> &str {
        &self.value
    }

    /// Whether the field holds no text.
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Cursor position as a count of grapheme clusters before it.
    pub fn cursor(&self) -> usize {
        self.cursor
    }

    /// Display columns before the cursor, for placing the terminal cursor.
    pub fn cursor_column(&self) -> usize {
        width(self.split_at_cursor().0)
    }

    /// Inserts one typed character at the cursor. Combining marks join the
    /// letter before the cursor; control characters are ignored.
    pub fn insert_char(&mut self, c: char) {
        let mut buf = [0u8; 4];
        self.insert_str(c.encode_utf8(&mut buf));
    }

    /// Inserts pasted text at the cursor: newlines and tabs become spaces,
    /// other control characters are dropped, the result is NFC.
    pub fn insert_str(&mut self, s: &str) {
        let clean = sanitize(s);
        if clean.is_empty() {
            return;
        }
        let (before, after) = self.split_at_cursor();
        let mut new_before = String::with_capacity(before.len() + clean.len());
        new_before.push_str(before);
        new_before.push_str(&clean);
        let after = after.to_string();
        self.rebuild(&new_before, &after);
    }

    /// Deletes the whole grapheme cluster before the cursor ("ế" goes at
    /// once, however it was typed).
    pub fn backspace(&mut self) {
        if self.cursor == 0 {
            return;
        }
        let graphemes: Vec<&str> = self.value.graphemes(true).collect();
        let before: String = graphemes.iter().take(self.cursor - 1).copied().collect();
        let after: String = graphemes.iter().skip(self.cursor).copied().collect();
        self.rebuild(&before, &after);
    }

    /// Deletes the whole grapheme cluster after the cursor.
    pub fn delete(&mut self) {
        let graphemes: Vec<&str> = self.value.graphemes(true).collect();
        if self.cursor >= graphemes.len() {
            return;
        }
        let before: String = graphemes.iter().take(self.cursor).copied().collect();
        let after: String = graphemes.iter().skip(self.cursor + 1).copied().collect();
        self.rebuild(&before, &after);
    }

    /// Moves the cursor one grapheme left.
    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    /// Moves the cursor one grapheme right.
    pub fn right(&mut self) {
        if self.cursor < grapheme_count(&self.value) {
            self.cursor += 1;
        }
    }

    /// Moves the cursor to the start.
    pub fn home(&mut self) {
        self.cursor = 0;
    }

    /// Moves the cursor to the end.
    pub fn end(&mut self) {
        self.cursor = grapheme_count(&self.value);
    }

    /// Empties the field.
    pub fn clear(&mut self) {
        self.value.clear();
        self.cursor = 0;
    }

    /// The part of the value to draw in a field `width` columns wide, and the
    /// cursor's column inside it. The window starts as far left as possible
    /// while leaving the cursor's cell visible, so short values never scroll
    /// and a cursor at the end of a long value shows its tail.
    pub fn visible_window(&self, width: usize) -> (String, usize) {
        if width == 0 {
            return (String::new(), 0);
        }
        let cells: Vec<(&str, usize)> = self
            .value
            .graphemes(true)
            .map(|g| (g, super::width::width(g)))
            .collect();
        let cursor = self.cursor.min(cells.len());
        // The cursor needs a cell of its own even at the end of the text.
        let cursor_cell = cells.get(cursor).map_or(1, |&(_, w)| w.max(1));
        let mut start = 0;
        let mut before_cursor: usize = cells.iter().take(cursor).map(|&(_, w)| w).sum();
        while start < cursor && before_cursor + cursor_cell > width {
            before_cursor -= cells.get(start).map_or(0, |&(_, w)| w);
            start += 1;
        }
        let mut shown = String::new();
        let mut used = 0;
        for &(g, w) in cells.iter().skip(start) {
            if used + w > width {
                break;
            }
            shown.push_str(g);
            used += w;
        }
        (shown, before_cursor.min(width))
    }

    /// Text before and after the cursor.
    fn split_at_cursor(&self) -> (&str, &str) {
        let offset = self
            .value
            .grapheme_indices(true)
            .nth(self.cursor)
            .map_or(self.value.len(), |(i, _)| i);
        // Offsets from grapheme_indices are always char boundaries; the
        // fallback only guards against a broken invariant.
        self.value
            .split_at_checked(offset)
            .unwrap_or((self.value.as_str(), ""))
    }

    /// Re-joins the two halves in NFC and puts the cursor between them.
    /// Counting graphemes of the normalised first half keeps the cursor at
    /// the same logical place even when NFC merges a letter with a mark.
    fn rebuild(&mut self, before: &str, after: &str) {
        let before = nfc(before);
        let mut joined = String::with_capacity(before.len() + after.len());
        joined.push_str(&before);
        joined.push_str(after);
        self.value = nfc(&joined);
        // Joining can merge graphemes across the seam (a leading lone mark in
        // `after`), so never let the cursor pass the end.
        self.cursor = grapheme_count(&before).min(grapheme_count(&self.value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use unicode_normalization::is_nfc;

    /// What an input method delivers for one physical keystroke.
    enum Ime {
        Char(char),
        /// Backspaces, then the replacement text.
        Replace(usize, &'static str),
    }

    fn feed(input: &mut TextInput, keys: &[Ime]) {
        for key in keys {
            match key {
                Ime::Char(c) => input.insert_char(*c),
                Ime::Replace(n, text) => {
                    for _ in 0..*n {
                        input.backspace();
                    }
                    for c in text.chars() {
                        input.insert_char(c);
                    }
                }
            }
        }
    }

    #[test]
    fn unikey_telex_tieengs() {
        // Keystrokes t i e e n g s, as Unikey (precomposed Unicode, Telex)
        // delivers them.
        let keys = [
            Ime::Char('t'),
            Ime::Char('i'),
            Ime::Char('e'),
            // second 'e': "e" → "ê"
            Ime::Replace(1, "ê"),
            Ime::Char('n'),
            Ime::Char('g'),
            // 's' (sắc): Unikey deletes back to the vowel and retypes.
            Ime::Replace(3, "ếng"),
        ];
        let mut input = TextInput::new();
        feed(&mut input, &keys);
        assert_eq!(input.value(), "tiếng");
        assert_eq!(input.cursor(), 5);
        assert_eq!(input.cursor_column(), 5);
    }

    #[test]
    fn unikey_vni_tie6ng1() {
        let keys = [
            Ime::Char('t'),
            Ime::Char('i'),
            Ime::Char('e'),
            Ime::Replace(1, "ê"), // '6'
            Ime::Char('n'),
            Ime::Char('g'),
            Ime::Replace(3, "ếng"), // '1'
        ];
        let mut input = TextInput::new();
        feed(&mut input, &keys);
        assert_eq!(input.value(), "tiếng");
    }

    #[test]
    fn combining_marks_compose_and_backspace_removes_whole_letter() {
        let mut input = TextInput::new();
        for c in "tie\u{302}\u{301}ng".chars() {
            input.insert_char(c);
        }
        assert_eq!(input.value(), "tiếng");
        input.left();
        input.left();
        input.backspace();
        assert_eq!(input.value(), "ting");
        assert_eq!(input.cursor(), 2);
    }

    #[test]
    fn tone_added_in_middle_keeps_cursor() {
        // An IME that appends a combining tone right after the vowel.
        let mut input = TextInput::with_value("tieng");
        input.home();
        input.right();
        input.right();
        input.right();
        input.insert_char('\u{302}');
        input.insert_char('\u{301}');
        assert_eq!(input.value(), "tiếng");
        assert_eq!(input.cursor(), 3);
        input.insert_char('x');
        assert_eq!(input.value(), "tiếxng");
    }

    #[test]
    fn paste_is_single_line_and_nfc() {
        let mut input = TextInput::with_value("Hội ");
        input.insert_str("Khuye\u{302}\u{301}n\thọc\r\nxã\u{7}\n");
        assert_eq!(input.value(), "Hội Khuyến học xã ");
        assert!(is_nfc(input.value()));
        assert_eq!(input.cursor(), grapheme_count(input.value()));
        // Paste in the middle lands at the cursor.
        let mut input = TextInput::with_value("Nguyễn An");
        input.home();
        for _ in 0..7 {
            input.right();
        }
        input.insert_str("Văn ");
        assert_eq!(input.value(), "Nguyễn Văn An");
        assert_eq!(input.cursor(), 11);
    }

    #[test]
    fn editing_keys() {
        let mut input = TextInput::with_value("Lê Lợi");
        assert_eq!(input.cursor(), 6);
        input.home();
        input.delete();
        assert_eq!(input.value(), "ê Lợi");
        input.end();
        input.backspace();
        assert_eq!(input.value(), "ê Lợ");
        input.left();
        input.delete();
        assert_eq!(input.value(), "ê L");
        input.right();
        input.right();
        assert_eq!(input.cursor(), 3);
        input.clear();
        assert!(input.is_empty());
        input.backspace();
        input.delete();
        input.left();
        assert_eq!(input.cursor(), 0);
    }

    #[test]
    fn cursor_column_counts_display_width() {
        let mut input = TextInput::with_value("学ễ");
        assert_eq!(input.cursor_column(), 3);
        input.left();
        assert_eq!(input.cursor_column(), 2);
    }

    #[test]
    fn visible_window_follows_cursor() {
        let mut input = TextInput::with_value("Nguyễn Văn An");
        // Cursor at the end: tail shown, one cell spare for the cursor.
        assert_eq!(input.visible_window(6), ("ăn An".to_string(), 5));
        input.home();
        assert_eq!(input.visible_window(6), ("Nguyễn".to_string(), 0));
        // Short text never scrolls.
        let short = TextInput::with_value("An");
        assert_eq!(short.visible_window(10), ("An".to_string(), 2));
        assert_eq!(short.visible_window(0), (String::new(), 0));
    }

    #[derive(Debug, Clone)]
    enum Op {
        Char(char),
        Str(String),
        Backspace,
        Delete,
        Left,
        Right,
        Home,
        End,
        Clear,
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            any::<char>().prop_map(Op::Char),
            prop::sample::select(vec![
                'e', 'ê', 'ế', '\u{301}', '\u{302}', '\u{323}', '\n', '学'
            ])
            .prop_map(Op::Char),
            any::<String>().prop_map(Op::Str),
            Just(Op::Backspace),
            Just(Op::Delete),
            Just(Op::Left),
            Just(Op::Right),
            Just(Op::Home),
            Just(Op::End),
            Just(Op::Clear),
        ]
    }

    proptest! {
        #[test]
        fn never_panics_and_cursor_in_bounds(ops in prop::collection::vec(op(), 0..40), w in 0usize..12) {
            let mut input = TextInput::new();
            for op in ops {
                match op {
                    Op::Char(c) => input.insert_char(c),
                    Op::Str(s) => input.insert_str(&s),
                    Op::Backspace => input.backspace(),
                    Op::Delete => input.delete(),
                    Op::Left => input.left(),
                    Op::Right => input.right(),
                    Op::Home => input.home(),
                    Op::End => input.end(),
                    Op::Clear => input.clear(),
                }
                prop_assert!(input.cursor() <= grapheme_count(input.value()));
                prop_assert!(is_nfc(input.value()));
                prop_assert!(!input.value().chars().any(char::is_control));
                prop_assert!(input.cursor_column() <= width(input.value()) || input.cursor() == grapheme_count(input.value()));
                let (shown, col) = input.visible_window(w);
                prop_assert!(width(&shown) <= w);
                prop_assert!(col <= w);
            }
        }
    }
}
