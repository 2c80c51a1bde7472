//! The stored form of every record, frozen per format version. The model (`crate::model`,
//! `crate::criteria`, the history types) is free to change; these types are not. Each
//! module `vN` holds the types exactly as version N of the register serialises them
//! (postcard, field by field, variant by variant) and the conversions to and from the
//! model. [`super::codec`] decodes every known version into today's model and encodes
//! the newest one.
//!
//! A change to a stored record adds `v2.rs` beside `v1.rs` (never edits it), a `V2`
//! variant in the codec, and a numbered migration (`super::migrations`) when old records
//! must be rewritten. The golden registers in `tests/fixtures/registers/` fail when this
//! rule is broken.

pub mod letterhead_v1;
pub mod v1;
pub mod v2;
pub mod v3;
pub mod v4;
pub mod v5;

/// Days since 1970-01-01, as version 1 stores dates.
pub(crate) fn days_of(date: chrono::NaiveDate) -> i32 {
    let days = date
        .signed_duration_since(chrono::NaiveDate::default())
        .num_days();
    i32::try_from(days).unwrap_or(i32::MAX)
}

/// The date `days` after 1970-01-01; `None` outside chrono's range.
pub(crate) fn date_of(days: i32) -> Option<chrono::NaiveDate> {
    chrono::NaiveDate::default().checked_add_signed(chrono::Duration::days(i64::from(days)))
}

/// Seconds since 1970-01-01 00:00 of a local wall-clock time, as version 1 stores times.
pub(crate) fn seconds_of(at: chrono::NaiveDateTime) -> i64 {
    at.and_utc().timestamp()
}

/// The wall-clock time `seconds` after 1970-01-01 00:00; `None` outside chrono's range.
pub(crate) fn time_of(seconds: i64) -> Option<chrono::NaiveDateTime> {
    chrono::DateTime::from_timestamp(seconds, 0).map(|t| t.naive_utc())
}
