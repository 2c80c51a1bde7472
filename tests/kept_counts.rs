//! The commands that write to the register leave the counts of the year the app opens
//! on kept in it (the demo: every year), equal to a fresh count, so the app's first
//! frame after them reads one record instead of every unit's links.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use sohoctap::model::Year;
use sohoctap::store::Register;
use sohoctap::tally::Tally;
use std::path::Path;

/// The year the app would open on today.
fn opening_year() -> Year {
    sohoctap::app::opening_year(chrono::Local::now().date_naive()).unwrap()
}

/// The kept counts of `year`, and the year counted afresh.
fn kept_and_fresh(db: &Path, year: Year) -> (Option<Tally>, Tally) {
    let register = Register::open(db).unwrap();
    let reader = register.read().unwrap();
    let kept = sohoctap::app::kept_tally(&reader, year).unwrap();
    let fresh = Tally::compute(&sohoctap::app::load_census(&reader, year).unwrap());
    drop(reader);
    register.close().unwrap();
    (kept, fresh)
}

/// Keeps counts of `year` that differ from a fresh count by one recognised household.
fn keep_wrong_counts(db: &Path, year: Year) {
    let (_, mut wrong) = kept_and_fresh(db, year);
    wrong.titles[0].recognised += 1;
    let register = Register::open(db).unwrap();
    let counted_at = register.read().unwrap().generation().unwrap();
    register
        .keep_tallies(counted_at, &[(year, wrong.to_bytes())])
        .unwrap();
    register.close().unwrap();
}

#[test]
fn the_demo_keeps_the_counts_of_every_year() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    let out = run(&db, &["demo", "--no-open", "--year", "2025"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    for year in 2023..=2025 {
        let (kept, fresh) = kept_and_fresh(&db, year);
        assert_eq!(kept.as_ref(), Some(&fresh), "{year}");
        assert!(fresh.titles[0].total > 0, "{year}: the demo has households");
    }
}

#[test]
fn an_import_keeps_the_counts_of_the_year_the_app_opens_on() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    assert!(
        run(&db, &["init", "--commune", "Xã Yên Mô"])
            .status
            .success()
    );
    let year = opening_year();
    let file = dir.path().join("ho.csv");
    let mut households = 0;
    for rows in [3, 5] {
        let mut csv = String::from("Mã hộ;Họ và tên chủ hộ;Thôn;Số nhân khẩu;Số người lớn\r\n");
        for i in 0..rows {
            csv.push_str(&format!(
                "HO{i:03};Nguyễn Văn {i};Thôn {};4;2\r\n",
                1 + i % 2
            ));
        }
        std::fs::write(&file, csv).unwrap();
        let out = run(&db, &["import", "households", file.to_str().unwrap()]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        households = rows;
        // Each import's own counts: the second replaces the first's.
        let (kept, fresh) = kept_and_fresh(&db, year);
        assert_eq!(kept.as_ref(), Some(&fresh));
        assert_eq!(
            fresh.titles[0].total, households,
            "households active in {year}"
        );
    }
    assert_eq!(households, 5);
}

#[test]
fn check_says_when_kept_counts_disagree_with_the_data() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    assert!(
        run(&db, &["demo", "--no-open", "--year", "2025"])
            .status
            .success()
    );
    let said = |db: &Path| {
        let out = run(db, &["check", "--year", "2025"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        text(&out.stdout)
    };
    assert!(!said(&db).contains("số liệu tổng hợp"), "{}", said(&db));

    keep_wrong_counts(&db, 2025);
    let out = said(&db);
    assert!(
        out.contains("Lưu ý: số liệu tổng hợp năm 2025 lưu sẵn trong sổ khác số đếm lại"),
        "{out}"
    );
    assert!(out.contains("sổ nguyên vẹn"), "{out}");
}

#[test]
fn check_without_a_year_compares_the_counts_of_the_year_the_app_opens_on() {
    // In January that is the year just ended, not the calendar year (see
    // `cli::check::compared_years`, whose unit tests fix the day).
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    let year = opening_year();
    let out = run(&db, &["demo", "--no-open", "--year", &year.to_string()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    keep_wrong_counts(&db, year);
    let out = run(&db, &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = text(&out.stdout);
    assert!(
        out.contains(&format!(
            "Lưu ý: số liệu tổng hợp năm {year} lưu sẵn trong sổ khác số đếm lại"
        )),
        "{out}"
    );
}
