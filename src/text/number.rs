//! Numbers written the Vietnamese way.
//!
//! Vietnamese uses '.' to group thousands and ',' as the decimal mark
//! ("1.234", "61,7%"). Reports go to commune officials who read them that
//! way; Rust's formatting has no locale support, so it is done by hand here.
//! Percentages are carried as integer tenths so that totals never pick up
//! floating-point noise.

/// Thousands grouped with '.': `1234` → `"1.234"`, `50000` → `"50.000"`.
pub fn format_count(n: u64) -> String {
    let digits = n.to_string();
    let len = digits.len();
    let mut out = String::with_capacity(len + len / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (len - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// Formats tenths of a percent with a decimal comma: `617` → `"61,7%"`,
/// `1000` → `"100,0%"`, `5` → `"0,5%"`. Values over 100 % are allowed (a
/// target can be exceeded) and group like counts: `123456` → `"12.345,6%"`.
pub fn format_percent(tenths: u32) -> String {
    format!("{},{}%", format_count(u64::from(tenths / 10)), tenths % 10)
}

/// `part / whole` as tenths of a percent, rounded half up (61.65 % → 617).
/// `None` when `whole` is 0, where a percentage means nothing. Absurdly large
/// ratios saturate at `u32::MAX` rather than wrapping.
pub fn percent_tenths(part: u64, whole: u64) -> Option<u32> {
    if whole == 0 {
        return None;
    }
    // Widen so part * 2000 cannot overflow; rounding half up is
    // floor((2 * 1000 * part + whole) / (2 * whole)).
    let numerator = 2000 * u128::from(part) + u128::from(whole);
    let denominator = 2 * u128::from(whole);
    Some(u32::try_from(numerator / denominator).unwrap_or(u32::MAX))
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn counts_group_with_dots() {
        assert_eq!(format_count(0), "0");
        assert_eq!(format_count(7), "7");
        assert_eq!(format_count(999), "999");
        assert_eq!(format_count(1234), "1.234");
        assert_eq!(format_count(50_000), "50.000");
        assert_eq!(format_count(1_000_000), "1.000.000");
        assert_eq!(format_count(u64::MAX), "18.446.744.073.709.551.615");
    }

    #[test]
    fn percents_use_decimal_comma() {
        assert_eq!(format_percent(617), "61,7%");
        assert_eq!(format_percent(1000), "100,0%");
        assert_eq!(format_percent(5), "0,5%");
        assert_eq!(format_percent(0), "0,0%");
        assert_eq!(format_percent(123_456), "12.345,6%");
    }

    #[test]
    fn percent_tenths_rounds_half_up() {
        assert_eq!(percent_tenths(0, 0), None);
        assert_eq!(percent_tenths(5, 0), None);
        assert_eq!(percent_tenths(0, 7), Some(0));
        assert_eq!(percent_tenths(1, 1), Some(1000));
        assert_eq!(percent_tenths(1, 3), Some(333));
        assert_eq!(percent_tenths(2, 3), Some(667));
        // 1/16 = 6.25 % → 62.5 tenths → rounds up to 63.
        assert_eq!(percent_tenths(1, 16), Some(63));
        // 1/2000 = 0.05 % → 0.5 tenths → 1.
        assert_eq!(percent_tenths(1, 2000), Some(1));
        assert_eq!(percent_tenths(3, 2), Some(1500));
        assert_eq!(percent_tenths(u64::MAX, 1), Some(u32::MAX));
    }

    proptest! {
        #[test]
        fn count_round_trips(n in any::<u64>()) {
            let s = format_count(n);
            prop_assert_eq!(s.replace('.', "").parse::<u64>().ok(), Some(n));
        }

        #[test]
        fn percent_never_exceeds_1000_when_part_le_whole(whole in 1u64.., frac in 0.0f64..=1.0) {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss, clippy::cast_precision_loss)]
            let part = ((whole as f64) * frac) as u64;
            let part = part.min(whole);
            let t = percent_tenths(part, whole);
            prop_assert!(t.is_some_and(|t| t <= 1000));
        }
    }
}
