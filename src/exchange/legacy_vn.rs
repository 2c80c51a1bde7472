//! The two legacy Vietnamese font encodings offices still have files in, converted to
//! Unicode. Both predate Unicode fonts and are not code pages Windows knows, so Excel
//! saves such a sheet byte for byte and nothing announces the encoding.
//!
//! - **TCVN3 (ABC)**, the national standard TCVN 5712:1993 (fonts ".VnTime"…): one byte
//!   per letter. The table below is the whole upper half of TCVN 5712 "VN1" (the same
//!   table as glibc's `TCVN5712-1`); the ABC subset ("VN3") leaves the upper-case toned
//!   letters out, so a VN3 file only uses part of it. Its five tone marks at 0xB0–0xB4
//!   are combining characters, composed by NFC.
//! - **VNI-Windows** (fonts "VNI-Times"…): a letter with diacritics is the base letter
//!   followed by one byte for its marks (`a` + 0xF9 is "á"); ơ, ư, đ and the toned i
//!   and ỵ are single bytes. The mark byte of an upper-case letter is 0x20 below the
//!   lower-case one. Other bytes are Windows-1252 (the fonts are 1252 fonts).
//!
//! The result of either is NFC-normalised by the caller.

use encoding_rs::WINDOWS_1252;

/// TCVN 5712 (VN1) bytes 0x80–0xFF.
const TCVN3_HIGH: [char; 128] = [
    // 0x80
    '\u{00C0}', '\u{1EA2}', '\u{00C3}', '\u{00C1}', '\u{1EA0}', '\u{1EB6}', '\u{1EAC}', '\u{00C8}',
    // 0x88
    '\u{1EBA}', '\u{1EBC}', '\u{00C9}', '\u{1EB8}', '\u{1EC6}', '\u{00CC}', '\u{1EC8}', '\u{0128}',
    // 0x90
    '\u{00CD}', '\u{1ECA}', '\u{00D2}', '\u{1ECE}', '\u{00D5}', '\u{00D3}', '\u{1ECC}', '\u{1ED8}',
    // 0x98
    '\u{1EDC}', '\u{1EDE}', '\u{1EE0}', '\u{1EDA}', '\u{1EE2}', '\u{00D9}', '\u{1EE6}', '\u{0168}',
    // 0xA0
    '\u{00A0}', '\u{0102}', '\u{00C2}', '\u{00CA}', '\u{00D4}', '\u{01A0}', '\u{01AF}', '\u{0110}',
    // 0xA8
    '\u{0103}', '\u{00E2}', '\u{00EA}', '\u{00F4}', '\u{01A1}', '\u{01B0}', '\u{0111}', '\u{1EB0}',
    // 0xB0
    '\u{0300}', '\u{0309}', '\u{0303}', '\u{0301}', '\u{0323}', '\u{00E0}', '\u{1EA3}', '\u{00E3}',
    // 0xB8
    '\u{00E1}', '\u{1EA1}', '\u{1EB2}', '\u{1EB1}', '\u{1EB3}', '\u{1EB5}', '\u{1EAF}', '\u{1EB4}',
    // 0xC0
    '\u{1EAE}', '\u{1EA6}', '\u{1EA8}', '\u{1EAA}', '\u{1EA4}', '\u{1EC0}', '\u{1EB7}', '\u{1EA7}',
    // 0xC8
    '\u{1EA9}', '\u{1EAB}', '\u{1EA5}', '\u{1EAD}', '\u{00E8}', '\u{1EC2}', '\u{1EBB}', '\u{1EBD}',
    // 0xD0
    '\u{00E9}', '\u{1EB9}', '\u{1EC1}', '\u{1EC3}', '\u{1EC5}', '\u{1EBF}', '\u{1EC7}', '\u{00EC}',
    // 0xD8
    '\u{1EC9}', '\u{1EC4}', '\u{1EBE}', '\u{1ED2}', '\u{0129}', '\u{00ED}', '\u{1ECB}', '\u{00F2}',
    // 0xE0
    '\u{1ED4}', '\u{1ECF}', '\u{00F5}', '\u{00F3}', '\u{1ECD}', '\u{1ED3}', '\u{1ED5}', '\u{1ED7}',
    // 0xE8
    '\u{1ED1}', '\u{1ED9}', '\u{1EDD}', '\u{1EDF}', '\u{1EE1}', '\u{1EDB}', '\u{1EE3}', '\u{00F9}',
    // 0xF0
    '\u{1ED6}', '\u{1EE7}', '\u{0169}', '\u{00FA}', '\u{1EE5}', '\u{1EEB}', '\u{1EED}', '\u{1EEF}',
    // 0xF8
    '\u{1EE9}', '\u{1EF1}', '\u{1EF3}', '\u{1EF7}', '\u{1EF9}', '\u{00FD}', '\u{1EF5}', '\u{1ED0}',
];

/// Decodes TCVN3 (ABC) bytes. The lower half is ASCII.
pub fn decode_tcvn3(bytes: &[u8]) -> String {
    bytes
        .iter()
        .map(|&b| match b.checked_sub(0x80) {
            Some(i) => TCVN3_HIGH
                .get(usize::from(i))
                .copied()
                .unwrap_or('\u{FFFD}'),
            None => char::from(b),
        })
        .collect()
}

/// What one VNI-Windows byte above 0x7F stands for.
enum VniByte {
    /// A letter of its own (ơ, ư, đ, the toned i, ỵ).
    Letter(char),
    /// Marks on the letter before it, as combining characters.
    Marks(&'static str),
}

/// VNI-Windows, lower-case forms; the upper-case form of each is its byte minus 0x20.
fn vni_lower(b: u8) -> Option<VniByte> {
    use VniByte::{Letter, Marks};
    Some(match b {
        0xF9 => Marks("\u{301}"),        // sắc (acute)
        0xF8 => Marks("\u{300}"),        // huyền (grave)
        0xFB => Marks("\u{309}"),        // hỏi (hook above)
        0xF5 => Marks("\u{303}"),        // ngã (tilde)
        0xEF => Marks("\u{323}"),        // nặng (dot below)
        0xE2 => Marks("\u{302}"),        // â ê ô
        0xE1 => Marks("\u{302}\u{301}"), // ấ ế ố
        0xE0 => Marks("\u{302}\u{300}"), // ầ ề ồ
        0xE5 => Marks("\u{302}\u{309}"), // ẩ ể ổ
        0xE3 => Marks("\u{302}\u{303}"), // ẫ ễ ỗ
        0xE4 => Marks("\u{302}\u{323}"), // ậ ệ ộ
        0xEA => Marks("\u{306}"),        // ă
        0xE9 => Marks("\u{306}\u{301}"), // ắ
        0xE8 => Marks("\u{306}\u{300}"), // ằ
        0xFA => Marks("\u{306}\u{309}"), // ẳ
        0xFC => Marks("\u{306}\u{303}"), // ẵ
        0xEB => Marks("\u{306}\u{323}"), // ặ
        0xF4 => Letter('ơ'),
        0xF6 => Letter('ư'),
        0xF1 => Letter('đ'),
        0xED => Letter('í'),
        0xEC => Letter('ì'),
        0xE6 => Letter('ỉ'),
        0xF3 => Letter('ĩ'),
        0xF2 => Letter('ị'),
        0xEE => Letter('ỵ'),
        _ => return None,
    })
}

fn vni_byte(b: u8) -> Option<VniByte> {
    if let Some(lower) = vni_lower(b) {
        return Some(lower);
    }
    match b.checked_add(0x20).and_then(vni_lower)? {
        VniByte::Letter(c) => Some(VniByte::Letter(c.to_uppercase().next().unwrap_or(c))),
        marks => Some(marks),
    }
}

/// Decodes VNI-Windows bytes.
pub fn decode_vni(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() + bytes.len() / 4);
    for &b in bytes {
        if b < 0x80 {
            out.push(char::from(b));
            continue;
        }
        match vni_byte(b) {
            Some(VniByte::Letter(c)) => out.push(c),
            Some(VniByte::Marks(marks)) => out.push_str(marks),
            None => out.push_str(&WINDOWS_1252.decode_without_bom_handling(&[b]).0),
        }
    }
    out
}

/// Encodes NFC Vietnamese text as VNI-Windows: for building test files only.
#[cfg(test)]
pub(crate) fn encode_vni(text: &str) -> Vec<u8> {
    use unicode_normalization::UnicodeNormalization;
    let letter_byte = |c: char| {
        (0x80..=0xFFu8).find(|&b| matches!(vni_byte(b), Some(VniByte::Letter(l)) if l == c))
    };
    let mut out = Vec::new();
    for c in text.nfc() {
        if c.is_ascii() {
            out.push(c as u8);
        } else if let Some(b) = letter_byte(c) {
            out.push(b);
        } else {
            let decomposed: Vec<char> = c.to_string().nfd().collect();
            let (base, marks) = decomposed.split_first().expect("a letter");
            let upper = base.is_uppercase();
            // ơ and ư are letters of their own; their tone follows them.
            let (base_byte, marks): (u8, String) = if marks.contains(&'\u{31B}') {
                let horn: String = format!("{base}\u{31B}").nfc().collect();
                let horn = horn.chars().next().expect("a letter");
                let rest = marks.iter().filter(|m| **m != '\u{31B}').collect();
                (letter_byte(horn).expect("ơ or ư"), rest)
            } else {
                (*base as u8, marks.iter().collect())
            };
            out.push(base_byte);
            out.extend(mark_byte(&marks, upper));
        }
    }
    out
}

#[cfg(test)]
fn mark_byte(marks: &str, upper: bool) -> Option<u8> {
    if marks.is_empty() {
        return None;
    }
    let mut sorted: Vec<char> = marks.chars().collect();
    // Vowel quality (circumflex, breve) before the tone, as the table lists them.
    sorted.sort_by_key(|m| !matches!(m, '\u{302}' | '\u{306}'));
    let wanted: String = sorted.into_iter().collect();
    (0xE0..=0xFFu8)
        .find(|&b| matches!(vni_lower(b), Some(VniByte::Marks(m)) if m == wanted))
        .map(|b| if upper { b - 0x20 } else { b })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::nfc;

    #[test]
    fn tcvn3_bytes_written_by_hand_from_the_chart() {
        // N g u y ễ=0xD4 n, T h ị=0xDE, V ă=0xA8 n, Đ=0xA7 « (ô=0xAB) n g, ư=0xAD ớ=0xED c
        let bytes = b"Nguy\xD4n Th\xDE V\xA8n \xA7\xABng \xAD\xEDc";
        assert_eq!(nfc(&decode_tcvn3(bytes)), "Nguyễn Thị Văn Đông ước");
        // à á ả ã ạ, the five tones on a.
        assert_eq!(decode_tcvn3(b"\xB5\xB8\xB6\xB7\xB9"), "àáảãạ");
        // Combining tone marks at 0xB0-0xB4 compose.
        assert_eq!(nfc(&decode_tcvn3(b"a\xB3")), "á");
    }

    #[test]
    fn vni_bytes_written_by_hand_from_the_chart() {
        // "Xin chaøo caùc baïn", the usual VNI sample.
        assert_eq!(
            nfc(&decode_vni(b"Xin cha\xF8o ca\xF9c ba\xEFn")),
            "Xin chào các bạn"
        );
        // Nguye+0xE3 (circumflex, tilde)n, Tra+0xE0 (circumflex, grave)n, Th+0xF2 (ị)
        assert_eq!(
            nfc(&decode_vni(b"Nguye\xE3n Tra\xE0n Th\xF2")),
            "Nguyễn Trần Thị"
        );
        // Đ=0xD1, o+0xE2 (circumflex); Ư=0xD6 + sắc; ư=0xF6, ơ=0xF4 + huyền 0xF8; a+0xE4 (ậ)
        assert_eq!(
            nfc(&decode_vni(
                b"\xD1o\xE2ng \xD6\xF9ng Ng\xF6\xF4\xF8i Va\xE4n"
            )),
            "Đông Ứng Người Vận"
        );
        // Upper-case marks are 0x20 below: Á = A + 0xD9, Ặ = A + 0xCB.
        assert_eq!(nfc(&decode_vni(b"A\xD9 A\xCB")), "Á Ặ");
    }

    #[test]
    fn vni_encoding_round_trips_every_vietnamese_letter() {
        let letters = "aàáảãạăằắẳẵặâầấẩẫậeèéẻẽẹêềếểễệiìíỉĩịoòóỏõọôồốổỗộơờớởỡợuùúủũụưừứửữựyỳýỷỹỵđ";
        let all = format!("{letters} {}", letters.to_uppercase());
        assert_eq!(nfc(&decode_vni(&encode_vni(&all))), all);
    }
}
