//! The real binary: a bulk recognition under a wrong number or date is corrected, or
//! withdrawn as a whole, with `recognise --new-decision/--new-date` and
//! `recognise --withdraw` (one transaction, every unit in the history).

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use std::path::{Path, PathBuf};
use std::process::Output;

fn example(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("docs/examples")
        .join(name)
}

fn ok(out: &Output) -> String {
    assert!(
        out.status.success(),
        "{}\n{}",
        text(&out.stdout),
        text(&out.stderr)
    );
    text(&out.stdout)
}

/// A register whose HO00001 passes GĐHT 2025 and was recognised by 5/QĐ-UBND.
fn recognised(dir: &Path) -> PathBuf {
    let db = dir.join("so.redb");
    ok(&run(&db, &["init", "--commune", "Xã Yên Mô"]));
    let households = example("households.csv");
    let scores = example("scores-gia-dinh.csv");
    for args in [
        vec!["import", "households", households.to_str().expect("path")],
        vec![
            "import",
            "scores",
            scores.to_str().expect("path"),
            "--title",
            "gia-dinh",
        ],
    ] {
        let mut args = args;
        args.extend(["--year", "2025"]);
        ok(&run(&db, &args));
    }
    let out = ok(&run(&db, &recognise(&["--date", "2025-12-20"])));
    assert!(out.contains("Đã công nhận 1 hộ"), "{out}");
    db
}

fn recognise<'a>(extra: &[&'a str]) -> Vec<&'a str> {
    let mut args = vec![
        "recognise",
        "--title",
        "gia-dinh",
        "--year",
        "2025",
        "--decision",
        "5/QĐ-UBND",
    ];
    args.extend(extra);
    args
}

fn recognised_in_export(db: &Path) -> usize {
    let out = ok(&run(
        db,
        &["export", "csv", "--kind", "households", "--year", "2025"],
    ));
    out.lines().filter(|l| l.contains("Đã công nhận")).count()
}

#[test]
fn a_decision_is_corrected_then_withdrawn_as_a_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = recognised(dir.path());
    assert_eq!(recognised_in_export(&db), 1);

    // The date was wrong: corrected on every unit, the number typed in lower case.
    let mut args = recognise(&["--new-date", "2025-12-22"]);
    args[6] = "5/qđ-ubnd";
    let out = ok(&run(&db, &args));
    assert!(
        out.contains("Đã sửa quyết định 5/QĐ-UBND ngày 20/12/2025 thành quyết định 5/QĐ-UBND ngày 22/12/2025 cho 1 hộ"),
        "{out}"
    );
    assert_eq!(recognised_in_export(&db), 1);

    // Withdrawn: the unit is no longer recognised; its scores stay.
    let out = ok(&run(&db, &recognise(&["--withdraw"])));
    assert!(
        out.contains("Đã rút lại quyết định 5/QĐ-UBND ngày 22/12/2025: 1 hộ"),
        "{out}"
    );
    assert_eq!(recognised_in_export(&db), 0);
    let again = run(&db, &recognise(&["--date", "2025-12-22"]));
    assert!(
        ok(&again).contains("Đã công nhận 1 hộ"),
        "the withdrawn unit still passes and can be recognised again"
    );
}

#[test]
fn withdrawing_an_unknown_decision_is_refused_and_changes_nothing() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = recognised(dir.path());
    let mut args = recognise(&["--withdraw"]);
    args[6] = "6/QĐ-UBND";
    let out = run(&db, &args);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr)
            .contains("Không có hộ nào được công nhận GĐHT năm 2025 theo quyết định 6/QĐ-UBND"),
        "{}",
        text(&out.stderr)
    );
    assert_eq!(recognised_in_export(&db), 1);
    // --withdraw with a date is a usage error; recognising without a date too.
    let out = run(&db, &recognise(&["--withdraw", "--date", "2025-12-20"]));
    assert_eq!(out.status.code(), Some(2));
    let out = run(&db, &recognise(&[]));
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--date"),
        "{}",
        text(&out.stderr)
    );
}

/// Who changed what (issue 14): a command given `--officer` (or SOHOCTAP_OFFICER) stamps
/// its changes with the officer's name; without it, the OS account as before.
#[test]
fn a_withdrawal_carries_the_officer_given_on_the_command_line() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = recognised(dir.path());
    let mut args = vec!["--officer", "Nguyễn Văn A"];
    args.extend(recognise(&["--withdraw"]));
    ok(&run(&db, &args));
    let register = sohoctap::store::Register::open(&db).expect("open");
    let reader = register.read().expect("read");
    let (id, _) = reader
        .units(sohoctap::model::UnitKind::Household)
        .expect("units")
        .into_iter()
        .find(|(_, u)| u.code() == "HO00001")
        .expect("HO00001");
    let history = reader
        .history_of(sohoctap::model::Title::GiaDinh, id)
        .expect("history");
    let who = &history.last().expect("the withdrawal").1.stamp.user;
    assert!(who.starts_with("Nguyễn Văn A"), "{who}");
    assert_ne!(&history[0].1.stamp.user, who);
    drop(reader);
    register.close().expect("close");
    // A name too long to store is refused before anything is opened.
    let long = "a".repeat(61);
    let out = run(&db, &["--officer", &long, "check"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        text(&out.stderr).contains("--officer"),
        "{}",
        text(&out.stderr)
    );
}
