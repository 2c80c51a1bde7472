//! `sohoctap targets set|list` on the real binary, and every basis measured in
//! `report --json` and the printed report against gaps worked out by hand: 0 registered,
//! a target above what the registrations allow.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

#[path = "support/cli.rs"]
mod cli;

use cli::run;
use serde_json::Value;
use std::process::Output;

fn ok(o: &Output) -> String {
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    String::from_utf8(o.stdout.clone()).expect("utf-8")
}

#[test]
fn targets_on_every_basis_are_set_listed_and_measured() {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    // 7 households, none registered.
    common::create_register(&db, 7);

    // No resolution yet: the first target must name one.
    let o = run(
        &db,
        &[
            "targets",
            "set",
            "gia-dinh",
            "--milestone",
            "2025",
            "--percent",
            "80",
        ],
    );
    assert_eq!(o.status.code(), Some(2));
    ok(&run(
        &db,
        &[
            "targets",
            "set",
            "gia-dinh",
            "--milestone",
            "2025",
            "--percent",
            "80",
            "--basis",
            "registered",
            "--resolution",
            "05-NQ/ĐU, 12/3/2021, Đảng ủy xã",
        ],
    ));
    // The next ones reuse it.
    for (percent, basis) in [("72", "of-registered"), ("100", "total")] {
        ok(&run(
            &db,
            &[
                "targets",
                "set",
                "gia-dinh",
                "--milestone",
                "2025",
                "--percent",
                percent,
                "--basis",
                basis,
            ],
        ));
    }
    let bad = run(
        &db,
        &[
            "targets",
            "set",
            "gia-dinh",
            "--milestone",
            "2025",
            "--percent",
            "120",
        ],
    );
    assert_eq!(bad.status.code(), Some(2));
    let skills = run(
        &db,
        &[
            "targets",
            "set",
            "cong-dan/ky-nang-so",
            "--milestone",
            "2025",
            "--percent",
            "70",
            "--basis",
            "registered",
        ],
    );
    // A share of CDHT holders has one basis only.
    assert_eq!(skills.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&skills.stderr).contains("chỉ đặt được theo cách tính"),
        "{}",
        String::from_utf8_lossy(&skills.stderr)
    );

    let list: Value = serde_json::from_str(&ok(&run(&db, &["targets", "list", "--json"]))).unwrap();
    let bases: Vec<&str> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["basis"].as_str().unwrap())
        .collect();
    assert_eq!(bases, ["total", "registered", "of-registered"]);
    assert_eq!(list[1]["percent"], 80.0);
    assert_eq!(list[1]["resolution"]["date"], "2021-03-12");
    assert_eq!(list[0]["resolution"]["number"], "05-NQ/ĐU");

    let report: Value =
        serde_json::from_str(&ok(&run(&db, &["report", "--json", "--year", "2025"]))).unwrap();
    let gd = &report["titles"][0];
    assert_eq!(gd["title"], "gia-dinh");
    let on = |basis: &str| {
        gd["targets"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["basis"] == basis)
            .cloned()
            .unwrap()
    };
    // Total, 100 % of 7: all 7 to recognise, and all 7 must register first.
    let total = on("total");
    assert_eq!(
        (total["gap"].clone(), total["register_first"].clone()),
        (7.into(), 7.into())
    );
    assert_eq!(total["percent"], 0.0);
    assert_eq!(gd["gap"], 7);
    // Registered, 80 % of 7 = 5,6: 6 to register.
    let registered = on("registered");
    assert_eq!(registered["gap"], 6);
    assert_eq!(registered["on_track"], false);
    // Of the registered, with nobody registered: no percentage, nothing owed yet.
    let of = on("of-registered");
    assert_eq!(of["percent"], Value::Null);
    assert_eq!(of["gap"], 0);
    assert_eq!(of["on_track"], Value::Null);

    let text = ok(&run(
        &db,
        &["report", "--year", "2025", "--date", "2026-01-10"],
    ));
    assert!(text.contains("CHỈ TIÊU THEO CÁC CÁCH TÍNH"), "{text}");
    assert!(
        text.lines()
            .any(|l| l.contains("ĐK/tổng") && l.contains("80,0%")),
        "{text}"
    );
}
