//! A set's legal source in the four parts the editor asks for (kind of document,
//! number, date, issuing body) and back into the one sentence a set stores.

/// "Quyết định số 242/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam" in
/// its four parts; a source written otherwise stays whole in the first.
pub fn split_source(source: &str) -> [String; 4] {
    let parts = source.split_once(" số ").and_then(|(doc, rest)| {
        let (number, rest) = rest.split_once(" ngày ")?;
        let (date, body) = rest.split_once(" của ")?;
        let plain = |s: &str| !s.trim().is_empty() && !s.contains(' ');
        (plain(number) && plain(date) && crate::text::parse_date(date).is_ok())
            .then(|| [doc, number, date, body].map(|s| s.trim().to_string()))
    });
    parts.unwrap_or_else(|| {
        [
            source.trim().to_string(),
            String::new(),
            String::new(),
            String::new(),
        ]
    })
}

/// The four parts back into one sentence; empty parts are left out.
pub fn join_source(doc: &str, number: &str, date: &str, body: &str) -> String {
    let mut out = doc.trim().to_string();
    for (word, part) in [("số", number), ("ngày", date), ("của", body)] {
        let part = part.trim();
        if !part.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
            out.push(' ');
            out.push_str(part);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_legal_source_splits_into_its_parts_and_joins_back() {
        let text =
            "Quyết định số 242/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam";
        let parts = split_source(text);
        assert_eq!(parts[0], "Quyết định");
        assert_eq!(parts[1], "242/QĐ-KHVN");
        assert_eq!(parts[2], "28/7/2022");
        assert_eq!(parts[3], "Trung ương Hội Khuyến học Việt Nam");
        assert_eq!(
            join_source(&parts[0], &parts[1], &parts[2], &parts[3]),
            text
        );
        let free = "Thông tư số 22/2020/TT-BGDĐT của Bộ Giáo dục và Đào tạo";
        assert_eq!(split_source(free)[0], free);
        assert_eq!(join_source(free, "", "", ""), free);
    }
}
