//! Messages from libraries (serde's JSON and TOML readers, postcard, redb) are English;
//! the officer reads Vietnamese. [`translate`] rewrites the ones an officer can meet —
//! a wrongly typed value in an archive or a criteria file ("invalid type: integer
//! `70000`, expected u16"), a truncated register file — and marks anything it does not
//! know as a technical detail instead of passing it off as the message.

/// What serde's "expected …" names, in words an officer knows.
fn expected(what: &str) -> String {
    let what = what.trim();
    let known = match what {
        "u8" => "số nguyên từ 0 đến 255",
        "u16" => "số nguyên từ 0 đến 65535",
        "u32" => "số nguyên từ 0 đến 4294967295",
        "u64" | "usize" => "số nguyên không âm",
        "i8" | "i16" | "i32" | "i64" => "số nguyên",
        "f32" | "f64" => "số",
        "a string" | "a borrowed string" => "chuỗi chữ trong ngoặc kép",
        "a boolean" => "true hoặc false",
        "a sequence" => "danh sách [ … ]",
        "a map" => "bảng { … }",
        "a character" => "một ký tự",
        "option" => "giá trị hoặc null",
        "unit" => "null",
        _ => "",
    };
    if !known.is_empty() {
        return known.to_string();
    }
    if let Some(name) = what.strip_prefix("struct ") {
        return format!("bảng {{ … }} ({name})");
    }
    if let Some(name) = what.strip_prefix("enum ") {
        return format!("một giá trị của {name}");
    }
    if let Some(rest) = what.strip_prefix("one of ") {
        return format!("một trong: {rest}");
    }
    what.to_string()
}

/// What serde says it found ("integer `70000`", "string \"x\"").
fn found(what: &str) -> String {
    let what = what.trim();
    for (english, vietnamese) in [
        ("integer ", "số nguyên "),
        ("floating point ", "số thập phân "),
        ("string ", "chuỗi "),
        ("boolean ", "giá trị "),
        ("character ", "ký tự "),
    ] {
        if let Some(rest) = what.strip_prefix(english) {
            return format!("{vietnamese}{rest}");
        }
    }
    match what {
        "sequence" => "danh sách".into(),
        "map" => "bảng".into(),
        "null" | "unit value" => "null".into(),
        _ => what.to_string(),
    }
}

/// The Vietnamese for one library message, or `None` when it is not a known one.
fn known(m: &str) -> Option<String> {
    let m = m.trim();
    let split_expected = |rest: &str| -> Option<(String, String)> {
        let (got, want) = rest.rsplit_once(", expected ")?;
        Some((found(got), expected(want)))
    };
    if let Some(rest) = m.strip_prefix("invalid type: ") {
        let (got, want) = split_expected(rest)?;
        return Some(format!("sai kiểu giá trị: có {got}, cần {want}"));
    }
    if let Some(rest) = m.strip_prefix("invalid value: ") {
        let (got, want) = split_expected(rest)?;
        return Some(format!("giá trị không hợp lệ: có {got}, cần {want}"));
    }
    if let Some(rest) = m.strip_prefix("invalid length ") {
        let (got, want) = rest.split_once(", expected ")?;
        return Some(format!("độ dài {got} không đúng, cần {}", expected(want)));
    }
    if let Some(rest) = m.strip_prefix("unknown variant ") {
        let (got, want) = rest.split_once(", expected ")?;
        return Some(format!("giá trị {got} không có; {}", expected(want)));
    }
    if let Some(rest) = m.strip_prefix("missing field ") {
        return Some(format!("thiếu trường {rest}"));
    }
    if let Some(rest) = m.strip_prefix("unknown field ") {
        let field = rest.split(',').next().unwrap_or(rest);
        return Some(format!("trường {field} không có trong định dạng"));
    }
    if let Some(rest) = m.strip_prefix("duplicate field ") {
        return Some(format!("trường {rest} bị lặp"));
    }
    if let Some(rest) = m.strip_prefix("duplicate key") {
        return Some(format!("khóa bị lặp{rest}"));
    }
    if m.starts_with("EOF while parsing") {
        return Some("tệp kết thúc giữa chừng (thiếu phần cuối)".into());
    }
    if let Some(rest) = m.strip_prefix("File truncated below stored layout: ") {
        return Some(format!("tệp bị cắt ngắn so với cấu trúc đã lưu ({rest})"));
    }
    if let Some(rest) = m.strip_prefix("File truncated below the minimum layout: ") {
        return Some(format!("tệp bị cắt ngắn dưới mức tối thiểu ({rest})"));
    }
    let fixed = match m {
        "expected value" => "thiếu giá trị",
        "expected `,` or `}`" => "thiếu dấu , hoặc }",
        "expected `,` or `]`" => "thiếu dấu , hoặc ]",
        "expected `:`" => "thiếu dấu :",
        "expected ident" => "sai từ khóa (true, false hoặc null)",
        "trailing characters" | "trailing comma" => "có ký tự thừa",
        "key must be a string" => "tên trường phải là chuỗi trong ngoặc kép",
        "invalid number" | "number out of range" => "số không hợp lệ hoặc quá lớn",
        "invalid escape" | "invalid unicode code point" => "ký tự thoát (\\…) không hợp lệ",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "ký tự điều khiển trong chuỗi"
        }
        "recursion limit exceeded" => "lồng nhau quá sâu",
        "Hit the end of buffer, expected more data" => "dữ liệu bị cắt cụt",
        "Found an invalid unicode char" | "Tried to parse invalid utf-8" => {
            "dữ liệu chữ không hợp lệ"
        }
        "Found a bool that wasn't 0 or 1"
        | "Found an Option discriminant that wasn't 0 or 1"
        | "Found an enum discriminant that was > u32::max_value()"
        | "Found a varint that didn't terminate. Is the usize too big for this platform?"
        | "The original data was not well encoded"
        | "Serde Deserialization Error" => "dữ liệu không đúng cấu trúc",
        "Invalid magic number" => "không phải tệp sổ (sai dấu hiệu đầu tệp)",
        _ => return None,
    };
    Some(fixed.to_string())
}

/// A library message in Vietnamese: "at line N column M" becomes "dòng N, cột M"; an
/// unknown message is kept, marked as the library's technical detail.
pub fn translate(message: &str) -> String {
    let (body, place) = match message.rsplit_once(" at line ") {
        Some((body, place)) => {
            let place = place.replacen(" column ", ", cột ", 1);
            (body, Some(format!("dòng {place}")))
        }
        None => (message, None),
    };
    let text = known(body).unwrap_or_else(|| format!("chi tiết kỹ thuật: {}", body.trim()));
    match place {
        Some(place) => format!("{place}: {text}"),
        None => text,
    }
}

/// Whether `message` is one [`translate`] knows (for tests and for callers that keep
/// their own wording otherwise).
pub fn is_known(message: &str) -> bool {
    let body = message
        .rsplit_once(" at line ")
        .map_or(message, |(body, _)| body);
    known(body).is_some()
}

/// A message that may end in a library's English detail (redb: "File truncated below
/// stored layout…", postcard: "Hit the end of buffer…"), with that detail translated;
/// both front ends show store errors through it.
pub fn in_vietnamese(message: &str) -> String {
    for (at, _) in message.match_indices(": ") {
        let (head, detail) = (message.get(..at), message.get(at + 2..));
        if let (Some(head), Some(detail)) = (head, detail)
            && is_known(detail)
        {
            return format!("{head}: {}", translate(detail));
        }
    }
    message.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_messages_an_officer_meets_are_vietnamese() {
        assert_eq!(
            translate("invalid type: integer `70000`, expected u16 at line 12 column 20"),
            "dòng 12, cột 20: sai kiểu giá trị: có số nguyên `70000`, cần số nguyên từ 0 đến 65535"
        );
        assert_eq!(
            translate("invalid value: integer `70000`, expected u16"),
            "giá trị không hợp lệ: có số nguyên `70000`, cần số nguyên từ 0 đến 65535"
        );
        assert_eq!(
            translate("File truncated below stored layout: file_len=4096, layout_len=8192"),
            "tệp bị cắt ngắn so với cấu trúc đã lưu (file_len=4096, layout_len=8192)"
        );
        assert_eq!(
            translate("Hit the end of buffer, expected more data"),
            "dữ liệu bị cắt cụt"
        );
        assert!(translate("unknown variant `Foo`, expected one of `A`, `B`").contains("một trong"));
        assert!(translate("missing field `units`").starts_with("thiếu trường"));
        assert!(translate("something new").starts_with("chi tiết kỹ thuật: "));
    }

    #[test]
    fn real_serde_json_errors_are_translated() {
        let messages = [
            serde_json::from_str::<u16>("70000")
                .unwrap_err()
                .to_string(),
            serde_json::from_str::<u16>("\"a\"")
                .unwrap_err()
                .to_string(),
            serde_json::from_str::<Vec<u8>>("[1,")
                .unwrap_err()
                .to_string(),
            serde_json::from_str::<Vec<u8>>("[1 2]")
                .unwrap_err()
                .to_string(),
            serde_json::from_str::<bool>("tru").unwrap_err().to_string(),
            serde_json::from_str::<String>("\"\u{1}\"")
                .unwrap_err()
                .to_string(),
        ];
        for m in messages {
            assert!(is_known(&m), "{m}");
            let t = translate(&m);
            assert!(
                !t.contains("expected") && !t.contains("invalid"),
                "{m} → {t}"
            );
        }
    }
}
