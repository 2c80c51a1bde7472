//! The register is compacted after the writes that leave much free space behind: building
//! the demo and upgrading an old register (the import's case is in cli_exchange.rs). Each
//! test compacts the file again with redb itself and finds next to nothing left to free.

// Test code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

#[path = "support/cli.rs"]
mod cli;

use cli::{run, text};
use std::path::Path;

fn length(path: &Path) -> u64 {
    std::fs::metadata(path).expect("register").len()
}

/// Asserts that compacting `path` now would free under a tenth of it.
fn assert_compacted(path: &Path, what: &str) {
    let before = length(path);
    let mut database = redb::Database::open(path).expect("open with redb");
    database.compact().expect("compact");
    drop(database);
    let after = length(path);
    assert!(
        after * 10 >= before * 9,
        "{what}: compacting again still freed {before} → {after} bytes"
    );
}

#[test]
fn the_demo_register_is_left_compacted() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("demo.redb");
    let out = run(&db, &["demo", "--year", "2025", "--no-open"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert_compacted(&db, "demo");
}

#[test]
fn upgrading_a_schema_6_register_compacts_it_and_says_so() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("so.redb");
    let golden =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/registers/schema6.redb");
    std::fs::copy(&golden, &db).unwrap();
    let old = length(&db);

    let out = run(&db, &["check"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let said = format!("{}{}", text(&out.stdout), text(&out.stderr));
    assert!(said.contains("thu gọn tệp sổ: 570 kB → "), "{said}");
    // Migration 006 rewrote every evaluation and history entry; the old pages are gone.
    assert!(length(&db) * 2 < old, "{old} → {} bytes", length(&db));
    assert_compacted(&db, "upgrade");
}
