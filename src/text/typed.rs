//! What an officer types for a date or a percentage, read the Vietnamese way; the
//! command line and the app's forms read these fields alike.

use chrono::NaiveDate;

/// "20/12/2025" (also 20-12-2025, 2025-12-20) → a date, or a Vietnamese reason.
pub fn parse_date(text: &str) -> Result<NaiveDate, String> {
    let text = text.trim();
    for format in ["%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"] {
        if let Ok(d) = NaiveDate::parse_from_str(text, format) {
            return Ok(d);
        }
    }
    Err(format!(
        "«{text}» không phải ngày (ghi ngày/tháng/năm, ví dụ 20/12/2025)"
    ))
}

/// "70", "70,5", "70.5", "70%" → tenths of a percent (700, 705), at most 100%.
pub fn parse_percent(text: &str) -> Result<Option<u16>, String> {
    let text = text.trim().trim_end_matches('%').trim();
    if text.is_empty() {
        return Ok(None);
    }
    let normal = text.replace(',', ".");
    let (whole, tenth) = match normal.split_once('.') {
        Some((w, t)) => (w.to_string(), t.to_string()),
        None => (normal.clone(), String::new()),
    };
    let bad = || format!("«{text}» không phải tỷ lệ phần trăm (ví dụ 70 hoặc 72,5)");
    if whole.is_empty() || !whole.chars().all(|c| c.is_ascii_digit()) || tenth.len() > 1 {
        return Err(bad());
    }
    let whole: u32 = whole.parse().map_err(|_| bad())?;
    let tenth: u32 = if tenth.is_empty() {
        0
    } else {
        tenth.parse().map_err(|_| bad())?
    };
    let tenths = whole * 10 + tenth;
    if tenths > 1000 {
        return Err(format!("«{text}»: tỷ lệ không được quá 100%"));
    }
    Ok(u16::try_from(tenths).ok())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percentages_and_dates_parse_the_vietnamese_way() {
        assert_eq!(parse_percent("70"), Ok(Some(700)));
        assert_eq!(parse_percent("72,5"), Ok(Some(725)));
        assert_eq!(parse_percent("72.5%"), Ok(Some(725)));
        assert_eq!(parse_percent(""), Ok(None));
        assert!(parse_percent("101").is_err());
        assert!(parse_percent("7a").is_err());
        assert!(parse_percent("70,55").is_err());
        assert_eq!(
            parse_date("20/12/2025"),
            Ok(NaiveDate::from_ymd_opt(2025, 12, 20).unwrap_or_default())
        );
        assert!(parse_date("31/02/2025").is_err());
    }
}
