//! `sohoctap check`: integrity and counts.

use super::args::CheckArgs;
use super::out::outln;
use super::{CliError, Env};
use crate::app::{working_year, years_opened_next};
use crate::model::{UnitKind, Year};
use crate::text::format_count;
use chrono::NaiveDate;

pub fn run(env: &Env, args: &CheckArgs) -> Result<(), CliError> {
    let register = super::open_register_read_only(&env.db)?;
    let year = args.year.unwrap_or_else(working_year);
    let mut report = register.check(year)?;
    let reader = register.read()?;
    for kept in compared_years(args.year, chrono::Local::now().date_naive()) {
        // The kept counts only speed up the app's first frame; a difference is said,
        // not an error: the app counts the year again and keeps the right counts at
        // its end.
        match crate::app::kept_tally_agrees(&reader, kept) {
            Ok(Some(true) | None) => {}
            Ok(Some(false)) => report.warnings.push(format!(
                "số liệu tổng hợp năm {kept} lưu sẵn trong sổ khác số đếm lại từ dữ liệu; chương trình dùng số đếm lại và sẽ ghi lại khi đóng"
            )),
            // Damage that stops the count is reported by the check above.
            Err(e) => report.warnings.push(format!(
                "không so được số liệu tổng hợp năm {kept} lưu sẵn với dữ liệu: {e}"
            )),
        }
    }
    drop(reader);
    register.close()?;
    if args.json {
        let mut object = serde_json::Map::new();
        object.insert("ok".into(), report.ok.into());
        object.insert("year".into(), report.year.into());
        for (kind, count) in &report.active {
            object.insert((*kind).into(), (*count).into());
        }
        object.insert("archived".into(), report.archived.into());
        object.insert("evaluations".into(), report.evaluations.into());
        object.insert("problems".into(), report.problems.clone().into());
        object.insert("damaged".into(), report.damaged.into());
        object.insert("warnings".into(), report.warnings.clone().into());
        outln!("{}", serde_json::Value::Object(object));
    } else {
        outln!("Sổ: {}", env.db.display());
        outln!("Đơn vị đang có trong năm {year}:");
        for kind in UnitKind::ALL {
            let n = report.active.get(kind.code()).copied().unwrap_or(0);
            outln!("  {:<18} {:>8}", kind.label(), format_count(n as u64));
        }
        outln!(
            "  Đã rời xã (chuyển đi, qua đời; thôn, dòng họ giải thể, sáp nhập): {}",
            format_count(report.archived as u64)
        );
        outln!(
            "  Số lượt đánh giá: {}",
            format_count(report.evaluations as u64)
        );
        for p in &report.problems {
            outln!("  Lỗi: {p}");
        }
        for w in &report.warnings {
            outln!("  Lưu ý: {w}");
        }
        outln!(
            "{}",
            if report.ok {
                "Kết quả: sổ nguyên vẹn."
            } else {
                "Kết quả: SỔ CÓ LỖI."
            }
        );
    }
    if report.ok {
        Ok(())
    } else {
        Err(CliError::runtime(format!(
            "Sổ {} có {} lỗi",
            env.db.display(),
            report.problems.len()
        )))
    }
}

/// The years whose kept counts `check` compares with a fresh count: the one asked for
/// with `--year`; else those the app opens on next (in January the year just ended and
/// the new one), whose counts every writing command keeps. A year with no counts kept
/// at the register's state costs one lookup, not a count.
fn compared_years(asked: Option<Year>, today: NaiveDate) -> Vec<Year> {
    match asked {
        Some(year) => vec![year],
        None => years_opened_next(today),
    }
}

#[cfg(test)]
mod tests {
    use super::compared_years;
    use chrono::NaiveDate;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("date")
    }

    #[test]
    fn in_january_check_compares_the_year_the_app_opens_on_then_the_calendar_year() {
        assert_eq!(compared_years(None, day(2026, 1, 15)), [2025, 2026]);
        assert_eq!(compared_years(None, day(2026, 1, 31)), [2025, 2026]);
    }

    #[test]
    fn from_february_check_compares_the_calendar_year_alone() {
        assert_eq!(compared_years(None, day(2026, 2, 1)), [2026]);
        assert_eq!(compared_years(None, day(2025, 12, 31)), [2025]);
    }

    #[test]
    fn a_year_asked_for_is_the_only_one_compared() {
        assert_eq!(compared_years(Some(2023), day(2026, 1, 15)), [2023]);
        assert_eq!(compared_years(Some(2026), day(2026, 6, 1)), [2026]);
    }
}
