//! Which encoding a file is in, decided so that text is read right or refused, never
//! garbled. A byte-order mark decides. Without one, valid UTF-8 is UTF-8. A file that
//! is UTF-8 but for a few bytes (a cell pasted from elsewhere, a cut) is UTF-8 with
//! those bytes refused by line: reading it all as a code page would garble every name.
//! Anything else is one of the legacy single-byte encodings offices have: Windows-1258
//! (Excel's "CSV" on a Vietnamese Windows), TCVN3 (ABC) or VNI-Windows (sheets typed
//! with the old fonts). The file is read in each, and the reading whose words are
//! Vietnamese syllables wins ([`super::syllable`]); when none reads as Vietnamese the
//! file is refused. Bytes a code page leaves undefined are refused by line, never
//! dropped. Line ends are made LF here (CR-only files from old Excel for Mac too), so
//! every later line number counts CR, LF and CRLF alike.

use super::legacy_vn::{decode_tcvn3, decode_vni};
use super::syllable::plausibility;
use crate::text::{nfc, nfc_owned};
use encoding_rs::{UTF_16BE, UTF_16LE, WINDOWS_1258};

/// The text encodings a file can arrive in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    Utf8,
    Utf8Bom,
    Utf16,
    Windows1258,
    Tcvn3,
    Vni,
}

impl SourceEncoding {
    /// How the encoding is named to the officer (the names Excel and Unikey use).
    pub fn label(self) -> &'static str {
        match self {
            SourceEncoding::Utf8 => "UTF-8",
            SourceEncoding::Utf8Bom => "UTF-8 (có BOM)",
            SourceEncoding::Utf16 => "Unicode (UTF-16)",
            SourceEncoding::Windows1258 => "Windows-1258 (mã cũ)",
            SourceEncoding::Tcvn3 => "TCVN3 (ABC), đã chuyển sang Unicode",
            SourceEncoding::Vni => "VNI-Windows, đã chuyển sang Unicode",
        }
    }
}

/// Why the bytes of a file cannot be read as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EncodingError {
    /// The lines holding the bytes at fault (first few), empty when the whole file is.
    pub lines: Vec<(u64, String)>,
    /// What is wrong, in Vietnamese.
    pub reason: String,
}

/// The least share of Vietnamese-looking words for a legacy reading to be believed.
const PLAUSIBLE_PERCENT: usize = 80;
/// How many faulty lines are named; the rest are counted.
const LINES_NAMED: usize = 20;

/// The 1-based line of a byte offset, counting LF, CRLF and a lone CR as line ends.
pub fn line_of_offset(bytes: &[u8], offset: usize) -> u64 {
    let ends = bytes
        .iter()
        .enumerate()
        .take(offset)
        .filter(|&(i, &b)| b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')))
        .count();
    1 + u64::try_from(ends).unwrap_or(u64::MAX - 1)
}

/// Line ends as LF: CRLF and a lone CR (old Excel for Mac) alike, in one copy.
fn unify_line_ends(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('\r') {
        out.push_str(rest.get(..at).unwrap_or_default());
        out.push('\n');
        rest = rest.get(at + 1..).unwrap_or_default();
        rest = rest.strip_prefix('\n').unwrap_or(rest);
    }
    out.push_str(rest);
    out
}

fn finish(text: &str, encoding: SourceEncoding) -> (String, SourceEncoding) {
    (nfc_owned(unify_line_ends(text)), encoding)
}

/// Offsets of the bytes that are not valid UTF-8, and how many valid multi-byte
/// characters the bytes hold.
fn utf8_faults(bytes: &[u8]) -> (Vec<usize>, usize) {
    let mut faults = Vec::new();
    let mut good = 0usize;
    let mut rest = bytes;
    let mut at = 0usize;
    while !rest.is_empty() {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                good += s.chars().filter(|c| !c.is_ascii()).count();
                break;
            }
            Err(e) => {
                let valid = e.valid_up_to();
                let chunk = rest.get(..valid).unwrap_or_default();
                good += String::from_utf8_lossy(chunk)
                    .chars()
                    .filter(|c| !c.is_ascii())
                    .count();
                faults.push(at + valid);
                let skip = valid + e.error_len().unwrap_or(rest.len() - valid).max(1);
                at += skip;
                rest = rest.get(skip..).unwrap_or_default();
            }
        }
    }
    (faults, good)
}

/// Groups faulty offsets (ascending) by line, naming the first bytes of each; stops
/// after [`LINES_NAMED`] lines. One pass over the file, however many faults.
fn lines_of(bytes: &[u8], offsets: &[usize]) -> Vec<(u64, String)> {
    let mut lines: Vec<(u64, String)> = Vec::new();
    let mut line = 1u64;
    let mut counted_to = 0usize;
    for &offset in offsets {
        for i in counted_to..offset.min(bytes.len()) {
            let b = bytes.get(i).copied().unwrap_or(0);
            if b == b'\n' || (b == b'\r' && bytes.get(i + 1) != Some(&b'\n')) {
                line += 1;
            }
        }
        counted_to = counted_to.max(offset);
        let byte = format!("0x{:02X}", bytes.get(offset).copied().unwrap_or(0));
        let full = lines.len() == LINES_NAMED;
        match lines.last_mut() {
            Some((last, named)) if *last == line => {
                if named.matches("0x").count() < 3 {
                    named.push_str(&format!(", {byte}"));
                }
            }
            _ if full => break,
            _ => lines.push((line, byte)),
        }
    }
    lines
}

/// Decodes a whole file to NFC text with LF line ends, detecting its encoding, or says
/// which lines cannot be read and why.
pub fn decode(bytes: &[u8]) -> Result<(String, SourceEncoding), EncodingError> {
    if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        return match std::str::from_utf8(rest) {
            Ok(text) => Ok(finish(text, SourceEncoding::Utf8Bom)),
            Err(_) => {
                let (faults, _) = utf8_faults(rest);
                Err(EncodingError {
                    lines: (lines_of(rest, &faults)),
                    reason: "byte không hợp lệ trong UTF-8 (tệp có dấu BOM của UTF-8); sửa ô ở dòng đó hoặc lưu lại tệp dạng \"CSV UTF-8\"".into(),
                })
            }
        };
    }
    for (bom, encoding) in [(&b"\xFF\xFE"[..], UTF_16LE), (&b"\xFE\xFF"[..], UTF_16BE)] {
        if bytes.starts_with(bom) {
            let (text, had_errors) = encoding.decode_with_bom_removal(bytes);
            if had_errors {
                let text = unify_line_ends(&text);
                let lines = text
                    .split('\n')
                    .zip(1u64..)
                    .filter(|(l, _)| l.contains('\u{FFFD}'))
                    .map(|(_, n)| (n, "UTF-16".to_string()))
                    .take(LINES_NAMED)
                    .collect();
                return Err(EncodingError {
                    lines,
                    reason: "tệp Unicode (UTF-16) bị hỏng: có ký tự không hợp lệ (tệp bị cắt hoặc sửa dở?)".into(),
                });
            }
            return Ok(finish(&text, SourceEncoding::Utf16));
        }
    }
    let (faults, good) = utf8_faults(bytes);
    if faults.is_empty() {
        let text = std::str::from_utf8(bytes).unwrap_or_default();
        return Ok(finish(text, SourceEncoding::Utf8));
    }
    // Real UTF-8 letters outnumber the faults: a UTF-8 file with a few bad bytes.
    if good > faults.len() {
        return Err(EncodingError {
            lines: (lines_of(bytes, &faults)),
            reason: "byte không hợp lệ trong UTF-8 (cả tệp là UTF-8 trừ các byte này); sửa ô ở dòng đó rồi lưu lại tệp dạng \"CSV UTF-8\"".into(),
        });
    }
    legacy(bytes, &faults)
}

/// Reads a file in each legacy encoding and keeps the one that reads as Vietnamese.
fn legacy(bytes: &[u8], faults: &[usize]) -> Result<(String, SourceEncoding), EncodingError> {
    let readings = [
        (
            SourceEncoding::Windows1258,
            nfc(&WINDOWS_1258.decode_without_bom_handling(bytes).0),
        ),
        (SourceEncoding::Tcvn3, nfc(&decode_tcvn3(bytes))),
        (SourceEncoding::Vni, nfc(&decode_vni(bytes))),
    ];
    // The first of equals wins: Windows-1258 is what Excel itself writes.
    let mut best: Option<(usize, usize, &(SourceEncoding, String))> = None;
    for reading in &readings {
        let p = plausibility(&reading.1);
        let key = (p.percent(), p.valid);
        if best.is_none_or(|(percent, valid, _)| key > (percent, valid)) {
            best = Some((key.0, key.1, reading));
        }
    }
    let Some((percent, _, (encoding, text))) = best else {
        return Err(unrecognised(bytes, faults));
    };
    if percent < PLAUSIBLE_PERCENT {
        return Err(unrecognised(bytes, faults));
    }
    // A byte the chosen code page does not define decodes to a C1 control.
    let undefined_byte = |b: u8| {
        let decoded = match encoding {
            SourceEncoding::Vni => decode_vni(&[b]),
            SourceEncoding::Tcvn3 => decode_tcvn3(&[b]),
            _ => WINDOWS_1258
                .decode_without_bom_handling(&[b])
                .0
                .into_owned(),
        };
        decoded.chars().any(|c| ('\u{80}'..='\u{9F}').contains(&c))
    };
    let undefined_table: Vec<bool> = (0x80..=0xFFu8).map(undefined_byte).collect();
    let undefined: Vec<usize> = bytes
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            b.checked_sub(0x80)
                .and_then(|i| undefined_table.get(usize::from(i)))
                .copied()
                .unwrap_or(false)
        })
        .map(|(i, _)| i)
        .collect();
    if !undefined.is_empty() {
        return Err(EncodingError {
            lines: (lines_of(bytes, &undefined)),
            reason: format!(
                "byte không có trong bảng mã {} (tệp đọc theo bảng mã này); sửa ô đó hoặc lưu lại tệp dạng \"CSV UTF-8\"",
                short_name(*encoding)
            ),
        });
    }
    Ok(finish(text, *encoding))
}

fn short_name(encoding: SourceEncoding) -> &'static str {
    match encoding {
        SourceEncoding::Tcvn3 => "TCVN3 (ABC)",
        SourceEncoding::Vni => "VNI-Windows",
        SourceEncoding::Windows1258 => "Windows-1258",
        _ => "UTF-8",
    }
}

fn unrecognised(bytes: &[u8], faults: &[usize]) -> EncodingError {
    EncodingError {
        lines: (lines_of(bytes, faults)),
        reason: "không nhận ra bảng mã: tệp không phải UTF-8, và đọc theo Windows-1258, TCVN3 (ABC) hay VNI-Windows đều không ra chữ tiếng Việt. Hãy mở tệp trong Excel và lưu lại dạng \"CSV UTF-8\"".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::csv_read::to_windows_1258;
    use crate::exchange::legacy_vn::encode_vni;

    const NAMES: &str = "Mã hộ;Họ và tên chủ hộ;Thôn\nHO1;Nguyễn Văn Ước;Đông\nHO2;Trần Thị Bình;Thượng\nHO3;Đỗ Thị Hằng;Tây\n";

    #[test]
    fn a_utf8_file_with_one_stray_byte_is_refused_naming_its_line() {
        let mut bytes = NAMES.as_bytes().to_vec();
        let at = NAMES.find("Thượng").unwrap() + 2;
        bytes.insert(at, 0xFF);
        let error = decode(&bytes).unwrap_err();
        assert_eq!(error.lines, vec![(3, "0xFF".to_string())], "{error:?}");
        assert!(error.reason.contains("UTF-8"), "{}", error.reason);
        // Even behind a BOM: never a U+FFFD in a name.
        let mut with_bom = b"\xEF\xBB\xBF".to_vec();
        with_bom.extend(&bytes);
        assert_eq!(decode(&with_bom).unwrap_err().lines[0].0, 3);
    }

    #[test]
    fn windows_1258_tcvn3_and_vni_are_each_recognised() {
        let w1258 = to_windows_1258(NAMES);
        let (text, encoding) = decode(&w1258).unwrap();
        assert_eq!(
            (text.as_str(), encoding),
            (NAMES, SourceEncoding::Windows1258)
        );
        let (text, encoding) = decode(&encode_vni(NAMES)).unwrap();
        assert_eq!((text.as_str(), encoding), (NAMES, SourceEncoding::Vni));
        let tcvn3 = b"M\xB7 h\xE9;H\xE4 v\xB5 t\xAAn ch\xF1 h\xE9;Th\xABn\nHO1;Nguy\xD4n V\xA8n \xA6\xEDc;\xA7\xABng\n";
        let (text, encoding) = decode(tcvn3).unwrap();
        assert_eq!(encoding, SourceEncoding::Tcvn3);
        assert_eq!(
            text,
            "Mã hộ;Họ và tên chủ hộ;Thôn\nHO1;Nguyễn Văn Ước;Đông\n"
        );
    }

    #[test]
    fn undefined_windows_1258_bytes_are_refused_not_dropped() {
        let mut bytes = to_windows_1258(NAMES);
        let at = bytes.iter().rposition(|&b| b == b'T').unwrap();
        bytes.insert(at + 1, 0x8D);
        let error = decode(&bytes).unwrap_err();
        assert_eq!(error.lines, vec![(4, "0x8D".to_string())], "{error:?}");
        assert!(error.reason.contains("Windows-1258"), "{}", error.reason);
    }

    #[test]
    fn bytes_that_read_as_no_vietnamese_are_refused() {
        let bytes = b"a;b\n\xB5\xB5\xB5\xB5;\xFE\xFE\xFE\n\x8F\x8F;\xA4\xA4\xA4\n";
        let error = decode(bytes).unwrap_err();
        assert!(
            error.reason.contains("không nhận ra bảng mã"),
            "{}",
            error.reason
        );
        assert_eq!(error.lines.first().map(|l| l.0), Some(2));
    }

    #[test]
    fn broken_utf16_is_refused() {
        let mut bytes = vec![0xFF, 0xFE];
        for u in "A\tB\r\n".encode_utf16() {
            bytes.extend_from_slice(&u.to_le_bytes());
        }
        bytes.extend_from_slice(&0xD800u16.to_le_bytes());
        bytes.extend_from_slice(&u16::from(b'x').to_le_bytes());
        assert_eq!(decode(&bytes).unwrap_err().lines[0].0, 2);
    }

    #[test]
    fn cr_only_and_crlf_line_ends_become_lf_and_count_as_lines() {
        assert_eq!(decode(b"a\rb\r\nc\n").unwrap().0, "a\nb\nc\n");
        assert_eq!(line_of_offset(b"a\rb\r\nc\nd", 8), 4);
        assert_eq!(line_of_offset(b"a\r\nb", 3), 2);
    }
}
