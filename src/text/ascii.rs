//! Pure-ASCII fallback for consoles and printers without Vietnamese glyphs.
//!
//! Old Windows consoles, serial receipt printers and some SSH setups show
//! mojibake or boxes for anything outside ASCII. Losing the tone marks keeps a
//! Vietnamese name readable ("Nguyen Van An"); losing the whole line does not.
//! Case is kept because it is still meaningful without diacritics.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Converts to pure ASCII: diacritics removed (case kept), `đ`→`d`, `Đ`→`D`,
/// typographic punctuation, box-drawing and block characters mapped to
/// look-alikes, and anything else non-ASCII replaced by `?`.
pub fn to_ascii(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.nfd() {
        if c.is_ascii() {
            out.push(c);
        } else if is_combining_mark(c) {
            // The base letter was already emitted; its marks have no ASCII form.
        } else {
            out.push_str(look_alike(c));
        }
    }
    out
}

/// ASCII stand-in for a non-ASCII, non-combining character (already NFD, so
/// accented Latin letters never reach here).
fn look_alike(c: char) -> &'static str {
    match c {
        'đ' => "d",
        'Đ' => "D",
        '₫' => "d",
        // Letters that do not decompose under NFD.
        'ø' => "o",
        'Ø' => "O",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ß' => "ss",
        'ł' => "l",
        'Ł' => "L",
        'ı' => "i",
        // Spaces of every width become a plain space so columns line up.
        '\u{A0}' | '\u{2000}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\u{3000}' => " ",
        // Invisible characters would otherwise show up as stray '?'.
        '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{FEFF}' | '\u{AD}' => "",
        // Punctuation.
        '–' | '—' | '―' | '‐' | '‑' | '‒' | '−' => "-",
        '“' | '”' | '„' | '«' | '»' | '″' => "\"",
        '‘' | '’' | '‚' | '′' | '‹' | '›' => "'",
        '…' => "...",
        '•' | '◦' | '▪' | '∙' | '●' | '○' => "*",
        '·' => ".",
        '×' => "x",
        '÷' => "/",
        '±' => "+/-",
        '≤' => "<=",
        '≥' => ">=",
        '≠' => "!=",
        '→' => "->",
        '←' => "<-",
        '↑' => "^",
        '↓' => "v",
        '▲' | '△' => "^",
        '▼' | '▽' => "v",
        '▶' | '►' => ">",
        '◀' | '◄' => "<",
        '✓' | '✔' => "v",
        '✗' | '✘' => "x",
        '°' => "o",
        '№' => "No",
        '©' => "(c)",
        '®' => "(R)",
        '€' => "EUR",
        // Box drawing: horizontals, verticals, then every corner and junction.
        '─' | '━' | '┄' | '┅' | '┈' | '┉' | '╌' | '╍' | '╴' | '╶' | '╸' | '╺' => {
            "-"
        }
        '═' => "=",
        '│' | '┃' | '┆' | '┇' | '┊' | '┋' | '╎' | '╏' | '║' | '╵' | '╷' | '╹' | '╻' => {
            "|"
        }
        '╭' | '╮' | '╯' | '╰' => "+",
        '\u{250C}'..='\u{254B}' | '\u{2552}'..='\u{256C}' => "+",
        '╱' => "/",
        '╲' => "\\",
        '╳' => "X",
        // Block elements, chosen so bar charts keep their relative lengths:
        // dense blocks are '#', light shades fade out.
        '█' | '▓' | '▉' | '▊' | '▋' | '▌' | '▐' | '▀' | '▄' | '■' => "#",
        '▍' | '▎' | '▏' | '▕' => "|",
        '▒' => ":",
        '░' => ".",
        '▁' | '▂' | '▃' => "_",
        '▅' | '▆' | '▇' => "#",
        _ => "?",
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn removes_diacritics_keeping_case() {
        assert_eq!(to_ascii("Nguyễn Văn An"), "Nguyen Van An");
        assert_eq!(to_ascii("ĐẶNG THỊ ĐÀO"), "DANG THI DAO");
        assert_eq!(to_ascii("Đỗ đức"), "Do duc");
        assert_eq!(to_ascii("Ưng Hoàng Phúc"), "Ung Hoang Phuc");
        assert_eq!(to_ascii("Nguye\u{302}\u{303}n"), "Nguyen");
    }

    #[test]
    fn maps_typography() {
        assert_eq!(
            to_ascii("“Gia đình học tập” – 2024…"),
            "\"Gia dinh hoc tap\" - 2024..."
        );
        assert_eq!(to_ascii("‘a’ — • b"), "'a' - * b");
        assert_eq!(to_ascii("50.000₫"), "50.000d");
    }

    #[test]
    fn maps_box_and_block_drawing() {
        assert_eq!(to_ascii("┌─┬─┐"), "+-+-+");
        assert_eq!(to_ascii("│a│b│"), "|a|b|");
        assert_eq!(to_ascii("├─┼─┤"), "+-+-+");
        assert_eq!(to_ascii("└─┴─┘"), "+-+-+");
        assert_eq!(to_ascii("███▓▒░▏"), "####:.|");
    }

    #[test]
    fn unknown_becomes_question_mark() {
        assert_eq!(to_ascii("学"), "?");
        assert_eq!(to_ascii("a😀b"), "a?b");
    }

    proptest! {
        #[test]
        fn output_is_ascii(s in any::<String>()) {
            prop_assert!(to_ascii(&s).is_ascii());
        }

        #[test]
        fn ascii_input_is_unchanged(s in "[ -~]*") {
            prop_assert_eq!(to_ascii(&s), s);
        }
    }
}
