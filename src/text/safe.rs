//! Characters that must never reach the register or the terminal as they are.
//!
//! A name comes from a spreadsheet, a JSON archive or a criteria file the office did not
//! write itself. Control characters in it can drive the officer's terminal (ESC
//! sequences recolour or clear the screen, OSC 52 writes the clipboard), CR and LF
//! insert fake lines into a report, and the bidirectional controls reorder what is shown
//! so that "HO00012" reads as something else. The replacement character U+FFFD only
//! ever means a file was decoded wrongly. One definition serves every path:
//! [`first_unsafe`] refuses such text on the way in, [`escape`] makes it visible on the
//! way out (`<U+001B>`), for registers written before the refusal existed.

/// Whether `c` is refused in stored text: C0 and C1 controls (tab, CR and LF included:
/// stored fields are one line), DEL, the bidirectional controls, and U+FFFD.
pub fn is_unsafe(c: char) -> bool {
    c.is_control() || is_bidi_control(c) || c == '\u{FFFD}'
}

/// The invisible characters that change the display order of text.
pub fn is_bidi_control(c: char) -> bool {
    matches!(
        c,
        '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
    )
}

/// The first refused character of `s` and its position (1-based, in characters).
pub fn first_unsafe(s: &str) -> Option<(usize, char)> {
    s.chars()
        .enumerate()
        .find(|(_, c)| is_unsafe(*c))
        .map(|(i, c)| (i + 1, c))
}

/// How a refused character is named to the officer: its code point and what it is.
pub fn describe_char(c: char) -> String {
    let what = if c == '\u{1B}' {
        "ký tự điều khiển ESC"
    } else if c == '\r' || c == '\n' {
        "ký tự xuống dòng"
    } else if c == '\t' {
        "ký tự tab"
    } else if c.is_control() {
        "ký tự điều khiển"
    } else if is_bidi_control(c) {
        "ký tự ẩn đổi chiều chữ"
    } else if c == '\u{FFFD}' {
        "ký tự thay thế (dấu hiệu tệp bị đọc sai bảng mã)"
    } else {
        "ký tự"
    };
    format!("{what} U+{:04X}", u32::from(c))
}

/// The reason given when a text holds a refused character.
pub fn unsafe_reason(s: &str) -> Option<String> {
    first_unsafe(s).map(|(at, c)| format!("có {} ở ký tự thứ {at}", describe_char(c)))
}

/// `s` with every refused character written as `<U+XXXX>`, safe to print on one line.
pub fn escape(s: &str) -> std::borrow::Cow<'_, str> {
    escape_keeping(s, &[])
}

/// Like [`escape`], but keeps the line ends, tabs and page breaks (form feed) of a
/// multi-line text (a printed report).
pub fn escape_text(s: &str) -> std::borrow::Cow<'_, str> {
    escape_keeping(s, &['\n', '\t', '\r', '\u{0C}'])
}

fn escape_keeping<'a>(s: &'a str, keep: &[char]) -> std::borrow::Cow<'a, str> {
    let refused = |c: char| is_unsafe(c) && !keep.contains(&c);
    // A lone CR (not before LF) returns the cursor and overwrites the line: never kept.
    let lone_cr = s
        .as_bytes()
        .windows(2)
        .any(|w| w[0] == b'\r' && w[1] != b'\n')
        || s.ends_with('\r');
    if !(s.chars().any(refused) || lone_cr) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let keep_it = !refused(c) && (c != '\r' || chars.peek() == Some(&'\n'));
        if keep_it {
            out.push(c);
        } else {
            out.push_str(&format!("<U+{:04X}>", u32::from(c)));
        }
    }
    std::borrow::Cow::Owned(out)
}

/// Escapes, inside a JSON document, the characters serde leaves raw but a terminal
/// would act on (C1 controls, bidirectional controls), as JSON `\uXXXX` escapes: they
/// can only stand inside strings, so the document means the same.
pub fn escape_json(s: &str) -> std::borrow::Cow<'_, str> {
    let refused = |c: char| is_unsafe(c) && !matches!(c, '\n' | '\t' | '\r' | '\u{FFFD}');
    if !s.chars().any(refused) {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        if refused(c) {
            out.push_str(&format!("\\u{:04x}", u32::from(c)));
        } else {
            out.push(c);
        }
    }
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_bidi_and_replacement_are_refused() {
        for c in [
            '\u{1B}', '\u{7}', '\r', '\n', '\t', '\u{7F}', '\u{9B}', '\u{202E}', '\u{202A}',
            '\u{2066}', '\u{2069}', '\u{200E}', '\u{200F}', '\u{FFFD}',
        ] {
            assert!(is_unsafe(c), "{c:?}");
        }
        for c in ['a', 'Ễ', 'đ', ' ', '\u{A0}', '\u{301}'] {
            assert!(!is_unsafe(c), "{c:?}");
        }
        assert_eq!(first_unsafe("An\u{1B}[31m"), Some((3, '\u{1B}')));
        assert_eq!(first_unsafe("Nguyễn Văn An"), None);
    }

    #[test]
    fn escape_makes_every_refused_character_visible() {
        assert_eq!(
            escape("a\u{1B}]52;c;eA==\u{7}b"),
            "a<U+001B>]52;c;eA==<U+0007>b"
        );
        assert_eq!(escape("HO\u{202E}21000"), "HO<U+202E>21000");
        assert_eq!(escape("x\r\nFAKE"), "x<U+000D><U+000A>FAKE");
        assert!(matches!(escape("Đông"), std::borrow::Cow::Borrowed(_)));
    }

    #[test]
    fn escape_text_keeps_line_ends_but_not_a_lone_cr() {
        assert_eq!(escape_text("a\r\nb\nc\td\u{0C}"), "a\r\nb\nc\td\u{0C}");
        assert_eq!(escape_text("a\rb\u{1B}"), "a<U+000D>b<U+001B>");
    }

    #[test]
    fn escape_json_keeps_the_document_valid() {
        let doc = serde_json::to_string(&"a\u{1B}b\u{202E}c\u{85}").unwrap();
        let escaped = escape_json(&doc).into_owned();
        assert!(!escaped.chars().any(is_unsafe));
        let back: String = serde_json::from_str(&escaped).unwrap();
        assert_eq!(back, "a\u{1B}b\u{202E}c\u{85}");
    }
}
