//! `sohoctap rollup` on the real binary: three registers' `report --json` files added up
//! and compared with sums worked out from what was put in the registers; files of
//! another year refused by name.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use serde_json::Value;
use sohoctap::model::{Commune, Measure, ResolutionRef, Target};
use sohoctap::store::Register;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    cmd.args(args).env_remove("SOHOCTAP_CRITERIA");
    cmd.output().expect("run sohoctap")
}

/// A register of `households` households named `name`, with a GĐHT target of `target`
/// tenths for 2025 when given; returns the path of its `report --json` for `year`.
fn commune(dir: &Path, name: &str, households: u32, target: Option<u16>, year: u16) -> PathBuf {
    let db = dir.join(format!("{households}.redb"));
    common::create_register(&db, households);
    let register = Register::open(&db).expect("open");
    register
        .write(|w| {
            w.set_commune(&Commune {
                name: name.into(),
                province: "Ninh Bình".into(),
            })?;
            if let Some(t) = target {
                w.put_target(&Target {
                    measure: Measure::GiaDinh,
                    basis: sohoctap::model::Basis::Total,
                    milestone: 2025,
                    percent_tenths: t,
                    resolution: ResolutionRef {
                        number: "01-NQ/ĐU".into(),
                        date: None,
                        body: "Đảng ủy xã".into(),
                    },
                })?;
            }
            Ok(())
        })
        .expect("write");
    register.close().expect("close");
    let out = dir.join(format!("{households}.json"));
    let year = year.to_string();
    let o = run(&[
        "--db",
        db.to_str().unwrap(),
        "report",
        "--json",
        "--year",
        &year,
        "--out",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    out
}

#[test]
fn three_communes_add_up_and_another_year_is_refused() {
    let dir = tempfile::tempdir().expect("tempdir");
    let a = commune(dir.path(), "Xã An", 3, Some(700), 2025);
    let b = commune(dir.path(), "Xã Bình", 5, None, 2025);
    let c = commune(dir.path(), "Xã Cát", 8, Some(800), 2025);
    let files: Vec<&str> = [&a, &b, &c].iter().map(|p| p.to_str().unwrap()).collect();

    let mut args = vec!["rollup", "--json"];
    args.extend(&files);
    let o = run(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(json["year"], 2025);
    assert_eq!(
        json["communes"],
        serde_json::json!(["Xã An", "Xã Bình", "Xã Cát"])
    );
    let gd = &json["titles"][0];
    assert_eq!(gd["title"], "gia-dinh");
    // 3 + 5 + 8 households, none recognised.
    assert_eq!(gd["totals"]["total"], 16);
    assert_eq!(gd["totals"]["recognised"], 0);
    assert_eq!(gd["totals"]["percent_of_total"], 0.0);
    // An: 70 % of 3 = 2,1 → 3 households; Cát: 80 % of 8 = 6,4 → 7; Bình has no target.
    assert_eq!(gd["communes"][0]["gap"], 3);
    assert_eq!(gd["communes"][1]["gap"], Value::Null);
    assert_eq!(gd["communes"][2]["gap"], 7);
    assert_eq!(gd["gap"], 10);
    assert_eq!(gd["communes_with_target"], 2);
    assert_eq!(gd["communes_reaching_target"], 0);

    // The printed summary: 80 columns, the totals row.
    let mut args = vec!["rollup", "--date", "2026-01-10"];
    args.extend(&files);
    let o = run(&args);
    assert!(o.status.success());
    let text = String::from_utf8(o.stdout).expect("utf-8");
    assert!(text.contains("BÁO CÁO TỔNG HỢP"), "{text}");
    assert!(text.contains("|Cộng"), "{text}");
    assert!(
        text.lines().all(|l| sohoctap::text::width(l) <= 80),
        "{text}"
    );

    let d = commune(dir.path(), "Xã Đông", 4, None, 2024);
    let o = run(&["rollup", files[0], d.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("Các tệp không cùng năm"), "{err}");
    assert!(err.contains("4.json (năm 2024)"), "{err}");
}
