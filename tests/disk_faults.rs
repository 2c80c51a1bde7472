//! A read-only disk and a full disk, at every place the program writes: opening the
//! register, saving a score, importing a list, making a backup, writing an export. Each
//! must give a Vietnamese message naming the file and the cause, and leave what was
//! saved before intact.
//!
//! How the faults are made, most real first (each test prints which one it used):
//! - a small tmpfs mounted for the test (`mount -t tmpfs`, needs root on Linux): filled
//!   up for a genuinely full disk (ENOSPC), remounted read-only for a genuinely
//!   read-only disk (EROFS);
//! - `chmod` of a directory and file to read-only, for a user the permissions bind
//!   (root ignores them: the test tries writing first and does not count on chmod then);
//! - /dev/full for an export written to standard output;
//! - the fault-injection backend (tests/common/faulty.rs) returning ENOSPC or EROFS for
//!   the register's writes, where neither of the above is possible.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(unix)]

mod common;

use common::faulty::{Control, Fault, open_faulty};
use common::{YEAR, cell, create_register, gia_dinh_set};
use sohoctap::exchange::{ImportOptions, apply, plan};
use sohoctap::model::{IndicatorValue, Stamp, UnitKind};
use sohoctap::store::Register;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;

const ENOSPC: i32 = 28;
const EROFS: i32 = 30;

fn sohoctap(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .output()
        .expect("run sohoctap")
}

fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// A tmpfs mounted on a fresh directory for as long as the value lives.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    /// `None` where mounting is not allowed (not root, not Linux, a locked-down sandbox).
    fn mount(size_kb: u32) -> Option<Tmpfs> {
        let dir = tempfile::tempdir().ok()?;
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size_kb}k,mode=0700")])
            .arg("tmpfs")
            .arg(dir.path())
            .stderr(std::process::Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if ok { Some(Tmpfs { dir }) } else { None }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn remount(&self, mode: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,{mode}")])
            .arg(self.dir.path())
            .status()
            .expect("mount");
        assert!(status.success(), "remount {mode}");
    }

    /// Fills the file system to the last byte (again: a failed write may have freed
    /// space); returns how much the filler grew.
    fn fill(&self) -> u64 {
        use std::io::Write;
        let mut filler = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.path().join("filler"))
            .expect("filler file");
        let block = vec![0x5Au8; 64 * 1024];
        let mut written = 0u64;
        loop {
            match filler.write(&block) {
                Ok(0) => break,
                Ok(n) => written += n as u64,
                Err(e) => {
                    assert_eq!(e.raw_os_error(), Some(ENOSPC), "{e}");
                    break;
                }
            }
        }
        // The last partial block, byte by byte.
        while filler.write(&[0]).is_ok_and(|n| n == 1) {
            written += 1;
        }
        written
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount")
            .arg("-l")
            .arg(self.dir.path())
            .stderr(std::process::Stdio::null())
            .status();
    }
}

/// Whether permissions stop this process from writing into a 0500 directory (false
/// for root, who writes anyway).
fn permissions_bind() -> bool {
    let dir = tempfile::tempdir().expect("tempdir");
    let locked = dir.path().join("khoa");
    std::fs::create_dir(&locked).expect("dir");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o500)).expect("chmod");
    let blocked = std::fs::write(locked.join("thu"), b"x").is_err();
    let _ = std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o700));
    blocked
}

/// Saves the first `n` cells with the healthy disk; returns what was saved.
fn save_some(path: &Path, households: &[u32], n: usize) -> Vec<usize> {
    let entry = gia_dinh_set();
    let register = Register::open(path).expect("open");
    for i in 0..n {
        let (key, code, value) = cell(&entry, households, i);
        sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now())
            .expect("save");
    }
    register.close().expect("close");
    (0..n).collect()
}

/// Every save in `saved` is in the register, and the integrity check passes.
fn assert_intact(path: &Path, households: &[u32], saved: &[usize], units: usize) {
    let entry = gia_dinh_set();
    let mut register = Register::open(path).expect("reopen");
    let report = register.check(YEAR).expect("check");
    assert!(report.ok, "{:?}", report.problems);
    let reader = register.read().expect("read");
    for &n in saved {
        let (key, code, value) = cell(&entry, households, n);
        let stored: Option<IndicatorValue> = reader
            .evaluation(key)
            .expect("read")
            .and_then(|e| e.values.get(&code).copied());
        assert_eq!(stored, Some(value), "save {n} lost");
    }
    assert_eq!(
        reader.units(UnitKind::Household).expect("units").len(),
        units,
        "the households changed"
    );
    drop(reader);
    register.close().expect("close");
}

fn households_csv(dir: &Path, rows: usize) -> PathBuf {
    let mut text = String::from("Mã hộ,Chủ hộ,Mã thôn,Số nhân khẩu,Số người lớn\n");
    for i in 0..rows {
        text.push_str(&format!("NH{i:05},Lê Thị Nhập {i},TH01,4,2\n"));
    }
    let path = dir.join("ho-moi.csv");
    std::fs::write(&path, text).expect("csv");
    path
}

/// The message names `file` and says `cause`, on one line, with exit code 1.
fn assert_message(out: &Output, file: &Path, cause: &str, what: &str) {
    let message = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{what}: {message}");
    let file_name = file.file_name().and_then(|n| n.to_str()).unwrap_or("?");
    assert!(
        message.contains(cause) && message.contains(file_name),
        "{what}: the message must name {file_name} and «{cause}»: {message}"
    );
    assert!(!message.contains("panicked"), "{what}: {message}");
    println!("{what}: {}", message.lines().next().unwrap_or_default());
}

#[test]
fn a_full_disk_at_save_import_backup_and_export_loses_nothing() {
    let outside = tempfile::tempdir().expect("tempdir");
    let csv = households_csv(outside.path(), 3000);
    let Some(disk) = Tmpfs::mount(6 * 1024) else {
        println!(
            "full disk: mounting a tmpfs is not allowed here; using the fault-injection backend (ENOSPC) for save and import, /dev/full for export"
        );
        full_disk_through_the_backend(outside.path());
        export_to_dev_full(outside.path());
        return;
    };
    println!("full disk: a real 6 MB tmpfs, filled to the last byte");
    let path = disk.path().join("so.redb");
    let households = create_register(&path, 40);
    let saved = save_some(&path, &households, 30);
    let filler = disk.fill();
    println!("filled with {filler} bytes");

    // Save: keep scoring until the disk refuses (redb first uses free pages inside the
    // file); the refusal must be a message, the earlier saves must stay.
    let entry = gia_dinh_set();
    let register = Register::open(&path).expect("a full disk still opens the register");
    let mut acknowledged = saved.clone();
    let mut refusal = None;
    for n in saved.len()..5000 {
        let (key, code, value) = cell(&entry, &households, n);
        match sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now()) {
            Ok(_) => acknowledged.push(n),
            Err(e) => {
                refusal = Some(e.to_string());
                break;
            }
        }
    }
    let refusal = refusal.expect("the full disk never refused a save");
    assert!(
        refusal.contains("ổ đĩa đã đầy") && refusal.contains("so.redb"),
        "save: {refusal}"
    );
    println!(
        "save: {refusal} (after {} more saves)",
        acknowledged.len() - saved.len()
    );
    drop(register);
    assert_intact(&path, &households, &acknowledged, 40);

    // Import: the whole list or nothing.
    disk.fill();
    let out = sohoctap(
        &path,
        &["import", "households", csv.to_str().expect("utf-8")],
    );
    assert_message(&out, &path, "ổ đĩa đã đầy", "import");
    assert_intact(&path, &households, &acknowledged, 40);

    // Backup beside the register: no half copy may be left looking like a backup.
    disk.fill();
    let out = sohoctap(&path, &["backup"]);
    assert_message(&out, Path::new("so"), "ổ đĩa đã đầy", "backup");
    let backups = disk.path().join("so.redb.backup");
    let left: Vec<_> = std::fs::read_dir(&backups)
        .map(|d| d.filter_map(|e| e.ok()).map(|e| e.path()).collect())
        .unwrap_or_default();
    assert!(left.is_empty(), "backup left files behind: {left:?}");
    assert_intact(&path, &households, &acknowledged, 40);

    // Export to a file on the full disk, and to standard output on /dev/full.
    disk.fill();
    let out_file = disk.path().join("ho.csv");
    let out = sohoctap(
        &path,
        &[
            "export",
            "csv",
            "--kind",
            "households",
            "--out",
            out_file.to_str().expect("utf-8"),
        ],
    );
    assert_message(&out, &out_file, "ổ đĩa đã đầy", "export");
    assert!(!out_file.exists(), "a half export was left behind");
    export_to_dev_full(outside.path());

    // Space freed: everything works again, nothing was lost.
    std::fs::remove_file(disk.path().join("filler")).expect("free space");
    let out = sohoctap(
        &path,
        &["import", "households", csv.to_str().expect("utf-8")],
    );
    assert!(
        out.status.success(),
        "after freeing space: {}",
        stderr(&out)
    );
    assert_intact(&path, &households, &acknowledged, 3040);
}

/// An export to standard output when it is /dev/full (every write: ENOSPC).
fn export_to_dev_full(dir: &Path) {
    let path = dir.join("xuat.redb");
    create_register(&path, 3);
    let out = Command::new(env!("CARGO_BIN_EXE_sohoctap"))
        .arg("--db")
        .arg(&path)
        .args(["export", "csv", "--kind", "households"])
        .env_remove("SOHOCTAP_DB")
        .stdout(std::fs::File::create("/dev/full").expect("/dev/full"))
        .output()
        .expect("run");
    let message = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{message}");
    assert!(
        message.contains("ổ đĩa đã đầy"),
        "export to /dev/full: {message}"
    );
    println!(
        "export to /dev/full: {}",
        message.lines().next().unwrap_or_default()
    );
}

/// The register's writes fail with ENOSPC through the fault backend: save and import.
fn full_disk_through_the_backend(dir: &Path) {
    let path = dir.join("so.redb");
    let households = create_register(&path, 10);
    let saved = save_some(&path, &households, 8);
    let entry = gia_dinh_set();
    let control = Arc::new(Control::default());
    control.fail_with(ENOSPC);
    let register = open_faulty(&path, &control).expect("open");
    let planned = plan(
        &register.read().expect("read"),
        UnitKind::Household,
        &std::fs::read(households_csv(dir, 50)).expect("csv"),
        ImportOptions { default_year: YEAR },
    )
    .expect("plan");
    control.arm(Fault::WritesForGood);
    let (key, code, value) = cell(&entry, &households, 9);
    let e = sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now())
        .expect_err("the disk is full");
    let message = e.to_string();
    assert!(
        message.contains("ổ đĩa đã đầy") && message.contains("so.redb"),
        "{message}"
    );
    let e = apply(&register, &planned).expect_err("the disk is full");
    assert!(e.to_string().contains("ổ đĩa đã đầy"), "{e}");
    control.arm(Fault::None);
    drop(register);
    assert_intact(&path, &households, &saved, 10);
}

#[test]
fn a_read_only_disk_at_open_save_import_backup_and_export_loses_nothing() {
    let outside = tempfile::tempdir().expect("tempdir");
    let csv = households_csv(outside.path(), 20);
    let csv = csv.to_str().expect("utf-8");

    // Save and import on a register that goes read-only while open: only the fault
    // backend can do that (a mount with a file open for writing cannot be remounted
    // read-only, and root ignores permissions).
    {
        let path = outside.path().join("dang-mo.redb");
        let households = create_register(&path, 10);
        let saved = save_some(&path, &households, 5);
        let entry = gia_dinh_set();
        let control = Arc::new(Control::default());
        control.fail_with(EROFS);
        let register = open_faulty(&path, &control).expect("open");
        // Planned while the disk still works: after a failed write redb reopens the file,
        // which a read-only disk refuses, so reads fail too until it is writable again.
        let planned = plan(
            &register.read().expect("read"),
            UnitKind::Household,
            &std::fs::read(csv).expect("csv"),
            ImportOptions { default_year: YEAR },
        )
        .expect("plan");
        control.arm(Fault::WritesForGood);
        let (key, code, value) = cell(&entry, &households, 7);
        let message =
            sohoctap::app::set_score(&register, key, &code, Some(value), &entry, &Stamp::now())
                .expect_err("read-only")
                .to_string();
        assert!(
            message.contains("ổ đĩa chỉ cho phép đọc") && message.contains("dang-mo.redb"),
            "{message}"
        );
        println!("save (fault backend, EROFS): {message}");
        let message = apply(&register, &planned)
            .expect_err("read-only")
            .to_string();
        assert!(message.contains("ổ đĩa chỉ cho phép đọc"), "{message}");
        println!("import (fault backend, EROFS): {message}");
        control.arm(Fault::None);
        drop(register);
        assert_intact(&path, &households, &saved, 10);
    }

    // Open, import, backup and export on a disk that is read-only for real.
    if let Some(disk) = Tmpfs::mount(4 * 1024) {
        println!("read-only disk: a real tmpfs remounted read-only (EROFS)");
        let path = disk.path().join("so.redb");
        let households = create_register(&path, 10);
        let saved = save_some(&path, &households, 6);
        let before = std::fs::read(&path).expect("bytes");
        disk.remount("ro");
        let cause = "ổ đĩa chỉ cho phép đọc";
        // `sohoctap` alone opens the app: the register is opened before the terminal.
        assert_message(&sohoctap(&path, &[]), &path, cause, "open");
        assert_message(
            &sohoctap(&path, &["import", "households", csv]),
            &path,
            cause,
            "import",
        );
        assert_message(&sohoctap(&path, &["backup"]), &path, cause, "backup");
        assert_eq!(
            std::fs::read(&path).expect("bytes"),
            before,
            "the file changed"
        );
        // A backup or export from a healthy register onto the read-only disk (a USB
        // stick with its write-protect switch on).
        let healthy = outside.path().join("lanh.redb");
        create_register(&healthy, 3);
        let out = sohoctap(&healthy, &["backup", disk.path().to_str().expect("utf-8")]);
        assert_message(&out, disk.path(), cause, "backup onto it");
        let target = disk.path().join("ho.csv");
        let out = sohoctap(
            &healthy,
            &[
                "export",
                "csv",
                "--kind",
                "households",
                "--out",
                target.to_str().expect("utf-8"),
            ],
        );
        assert_message(&out, &target, cause, "export onto it");
        disk.remount("rw");
        assert_intact(&path, &households, &saved, 10);
    } else if permissions_bind() {
        println!("read-only disk: chmod 0400 file, 0500 directory (permissions bind this user)");
        let dir = outside.path().join("chi-doc");
        std::fs::create_dir(&dir).expect("dir");
        let path = dir.join("so.redb");
        let households = create_register(&path, 10);
        let saved = save_some(&path, &households, 6);
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o400)).expect("chmod");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o500)).expect("chmod");
        let cause = "không có quyền";
        assert_message(&sohoctap(&path, &[]), &path, cause, "open");
        assert_message(
            &sohoctap(&path, &["import", "households", csv]),
            &path,
            cause,
            "import",
        );
        assert_message(&sohoctap(&path, &["backup"]), &path, cause, "backup");
        let healthy = outside.path().join("lanh.redb");
        create_register(&healthy, 3);
        let target = dir.join("ho.csv");
        let out = sohoctap(
            &healthy,
            &[
                "export",
                "csv",
                "--kind",
                "households",
                "--out",
                target.to_str().expect("utf-8"),
            ],
        );
        assert_message(&out, &target, cause, "export onto it");
        std::fs::set_permissions(&dir, std::fs::Permissions::from_mode(0o700)).expect("chmod");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).expect("chmod");
        assert_intact(&path, &households, &saved, 10);
    } else {
        println!(
            "read-only disk: running as root without mount, so neither a read-only mount nor permissions can make one here; open, backup and export on a read-only disk were NOT exercised in this run (save and import were, through the fault backend)"
        );
    }
}
