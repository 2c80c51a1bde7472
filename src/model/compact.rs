//! Compact encodings of dates for the register file. A date is a day number and a time a
//! second count in binary formats (postcard), but stays ISO text in human-readable ones
//! (JSON exports), so a register of 200,000 evaluations a year does not spend a third of
//! its bytes on date strings.

use chrono::{DateTime, NaiveDate, NaiveDateTime};
use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// Days since 1970-01-01 ↔ `NaiveDate`.
pub mod date {
    use super::*;

    pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            d.serialize(s)
        } else {
            let days = d.signed_duration_since(NaiveDate::default()).num_days();
            i32::try_from(days).unwrap_or(i32::MAX).serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
        if d.is_human_readable() {
            NaiveDate::deserialize(d)
        } else {
            let days = i32::deserialize(d)?;
            NaiveDate::default()
                .checked_add_signed(chrono::Duration::days(i64::from(days)))
                .ok_or_else(|| D::Error::custom("ngày nằm ngoài phạm vi"))
        }
    }
}

/// An optional date, encoded as [`date`].
pub mod opt_date {
    use super::*;

    #[derive(Serialize, Deserialize)]
    struct Wrapped(#[serde(with = "super::date")] NaiveDate);

    pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        d.map(Wrapped).serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        Ok(Option::<Wrapped>::deserialize(d)?.map(|w| w.0))
    }
}

/// Seconds since 1970-01-01 00:00 (local wall-clock time, no zone) ↔ `NaiveDateTime`.
pub mod datetime {
    use super::*;

    pub fn serialize<S: Serializer>(t: &NaiveDateTime, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            t.serialize(s)
        } else {
            t.and_utc().timestamp().serialize(s)
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
        if d.is_human_readable() {
            NaiveDateTime::deserialize(d)
        } else {
            let seconds = i64::deserialize(d)?;
            DateTime::from_timestamp(seconds, 0)
                .map(|t| t.naive_utc())
                .ok_or_else(|| D::Error::custom("thời điểm nằm ngoài phạm vi"))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Decision, Stamp};

    #[test]
    fn dates_are_small_in_the_register_and_readable_in_json() {
        let decision = Decision {
            number: "45".into(),
            date: chrono::NaiveDate::from_ymd_opt(2025, 12, 20).expect("date"),
        };
        let bytes = postcard::to_stdvec(&decision).expect("encode");
        assert!(bytes.len() <= 6, "{} bytes", bytes.len());
        assert_eq!(
            postcard::from_bytes::<Decision>(&bytes).expect("decode"),
            decision
        );
        let json = serde_json::to_string(&decision).expect("json");
        assert!(json.contains("2025-12-20"), "{json}");

        let stamp = Stamp {
            user: "can-bo".into(),
            at: chrono::NaiveDate::from_ymd_opt(2025, 3, 1)
                .and_then(|d| d.and_hms_opt(9, 30, 15))
                .expect("time"),
        };
        let bytes = postcard::to_stdvec(&stamp).expect("encode");
        assert_eq!(
            postcard::from_bytes::<Stamp>(&bytes).expect("decode"),
            stamp
        );
        assert!(
            serde_json::to_string(&stamp)
                .expect("json")
                .contains("2025-03-01T09:30:15")
        );
    }
}
