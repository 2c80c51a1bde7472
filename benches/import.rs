//! Importing 50,000 households (target: under 1 s for parse + validate + apply), beside
//! sqlite3's `.import` of the same file when sqlite3 is installed, and the same list as
//! an Excel workbook (.xlsx: codes and names as text, counts as numbers), read through
//! the same pipeline into a second fresh register.
//!
//! Run: `cargo bench --bench import`

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use sohoctap::exchange::{ImportOptions, apply, plan};
use sohoctap::model::{Commune, UnitKind};
use sohoctap::store::Register;
use std::fmt::Write as _;
use std::process::Command;
use std::time::Instant;

const HOUSEHOLDS: usize = 50_000;
const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE: [&str; 4] = ["Văn", "Thị", "Đức", "Ngọc"];
const GIVEN: [&str; 8] = ["An", "Bình", "Cường", "Dũng", "Hoa", "Lan", "Ước", "Ánh"];

/// A realistic office file: BOM, semicolons, CRLF, an STT column, 40 thôn, 8 clans.
fn households_csv() -> String {
    let mut out = String::from(
        "\u{FEFF}STT;Mã hộ;Họ và tên chủ hộ;Thôn/Xóm;Dòng họ;Số nhân khẩu;Số người lớn;Địa chỉ\r\n",
    );
    for i in 0..HOUSEHOLDS {
        let members = 1 + i % 7;
        let adults = 1 + (i % 7) / 2;
        let _ = write!(
            out,
            "{};HO{:05};{} {} {};Thôn {};{};{};{};Xóm {}, thôn {}\r\n",
            i + 1,
            i + 1,
            FAMILY[i % 8],
            MIDDLE[i % 4],
            GIVEN[(i / 8) % 8],
            1 + i % 40,
            FAMILY[(i / 3) % 8],
            members,
            adults,
            1 + i % 12,
            1 + i % 40
        );
    }
    out
}

/// The same rows as a workbook, as Excel would hold them: numbers where the cell is one.
fn households_xlsx(csv: &str) -> Vec<u8> {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheet = book.add_worksheet();
    for (r, line) in csv.trim_start_matches('\u{FEFF}').lines().enumerate() {
        for (c, cell) in line.split(';').enumerate() {
            let (r, c) = (r as u32, c as u16);
            match cell.parse::<f64>() {
                Ok(n) if r > 0 => sheet.write_number(r, c, n).map(|_| ()),
                _ => sheet.write_string(r, c, cell).map(|_| ()),
            }
            .expect("write cell");
        }
    }
    book.save_to_buffer().expect("save xlsx")
}

fn main() {
    let dir = std::env::temp_dir().join(format!("sohoctap-bench-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    let csv_path = dir.join("households.csv");
    let csv = households_csv();
    std::fs::write(&csv_path, &csv).expect("write csv");
    println!(
        "households.csv: {HOUSEHOLDS} rows, {:.1} MB",
        csv.len() as f64 / 1e6
    );

    let register = Register::create(
        &dir.join("so.redb"),
        &Commune {
            name: "Xã Đo Thử".into(),
            province: "Ninh Bình".into(),
        },
    )
    .expect("create register");
    let started = Instant::now();
    let bytes = std::fs::read(&csv_path).expect("read csv");
    let planned = {
        let reader = register.read().expect("read");
        plan(
            &reader,
            UnitKind::Household,
            &bytes,
            ImportOptions { default_year: 2025 },
        )
        .expect("plan")
    };
    let planned_at = started.elapsed();
    assert!(planned.is_clean(), "{:?}", planned.problems.first());
    let applied = apply(&register, &planned).expect("apply");
    let total = started.elapsed();
    println!(
        "sohoctap import: {:.0} ms (read+parse+validate {:.0} ms, one write transaction {:.0} ms); {} households, {} thôn, {} dòng họ",
        total.as_secs_f64() * 1e3,
        planned_at.as_secs_f64() * 1e3,
        (total - planned_at).as_secs_f64() * 1e3,
        applied.inserted,
        applied.communities_created,
        applied.clans_created
    );
    register.close().expect("close");

    let xlsx = households_xlsx(&csv);
    let xlsx_path = dir.join("households.xlsx");
    std::fs::write(&xlsx_path, &xlsx).expect("write xlsx");
    println!(
        "households.xlsx: {HOUSEHOLDS} rows, {:.1} MB",
        xlsx.len() as f64 / 1e6
    );
    let register = Register::create(
        &dir.join("so-xlsx.redb"),
        &Commune {
            name: "Xã Đo Thử".into(),
            province: "Ninh Bình".into(),
        },
    )
    .expect("create register");
    let started = Instant::now();
    let bytes = std::fs::read(&xlsx_path).expect("read xlsx");
    let planned = {
        let reader = register.read().expect("read");
        plan(
            &reader,
            UnitKind::Household,
            &bytes,
            ImportOptions { default_year: 2025 },
        )
        .expect("plan")
    };
    let planned_at = started.elapsed();
    assert!(planned.is_clean(), "{:?}", planned.problems.first());
    let applied = apply(&register, &planned).expect("apply");
    let total = started.elapsed();
    println!(
        "sohoctap import .xlsx: {:.0} ms (read+parse+validate {:.0} ms, one write transaction {:.0} ms); {} households",
        total.as_secs_f64() * 1e3,
        planned_at.as_secs_f64() * 1e3,
        (total - planned_at).as_secs_f64() * 1e3,
        applied.inserted,
    );
    register.close().expect("close");

    match Command::new("sqlite3").arg("-version").output() {
        Ok(version) if version.status.success() => {
            let started = Instant::now();
            let out = Command::new("sqlite3")
                .args([":memory:", "-cmd", ".mode csv", "-cmd", ".separator ;"])
                .arg(format!(".import {} t", csv_path.display()))
                .output()
                .expect("run sqlite3");
            let elapsed = started.elapsed();
            println!(
                "sqlite3 .import (in memory, {}): {:.0} ms{}",
                String::from_utf8_lossy(&version.stdout)
                    .split_whitespace()
                    .next()
                    .unwrap_or("?"),
                elapsed.as_secs_f64() * 1e3,
                if out.status.success() {
                    ""
                } else {
                    " (failed)"
                }
            );
        }
        _ => println!(
            "sqlite3 not found on PATH: comparison skipped (install it, e.g. apt-get install -y sqlite3)"
        ),
    }
    let _ = std::fs::remove_dir_all(&dir);
}
