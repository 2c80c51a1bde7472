//! Hostile files and paths through the real binary (issue 11): a code at the largest
//! number, `--out` aimed at the register, a backup, a device or an existing file, planted
//! symlinks, an interrupted restore, leftovers after kills, odd files in the criteria
//! folder, and read-only commands that must leave the register's bytes alone.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn sohoctap(db: &Path, args: &[&str]) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    command
        .arg("--db")
        .arg(db)
        .args(args)
        .env_remove("SOHOCTAP_DB")
        .env_remove("SOHOCTAP_CRITERIA");
    command
}

fn run(db: &Path, args: &[&str]) -> Output {
    sohoctap(db, args).output().expect("run sohoctap")
}

/// Runs the command, killing it if it has not ended within `limit`: a hang fails the
/// test instead of stalling the suite.
fn run_within(db: &Path, args: &[&str], limit: Duration) -> Output {
    let mut child = sohoctap(db, args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("spawn sohoctap");
    let start = Instant::now();
    while child.try_wait().expect("wait").is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("sohoctap {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    child.wait_with_output().expect("output")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/hostile")
        .join(name)
}

/// A register with a commune and one household, at `dir/so.redb`.
fn register(dir: &Path) -> PathBuf {
    let db = dir.join("so.redb");
    let out = run(&db, &["init", "--commune", "Xã Thử"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let households = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples/households.csv");
    let out = run(&db, &["import", "households", households.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    db
}

#[test]
fn a_code_at_the_largest_number_stops_generation_with_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let largest = fixture("ho-ma-lon-nhat.csv");
    let out = run(&db, &["import", "households", largest.to_str().unwrap()]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let blank = fixture("ho-khong-ma.csv");
    for dry in [true, false] {
        let mut args = vec!["import", "households", blank.to_str().unwrap()];
        if dry {
            args.push("--dry-run");
        }
        let out = run_within(&db, &args, Duration::from_secs(20));
        assert_eq!(out.status.code(), Some(2), "{}", text(&out.stdout));
        let stderr = text(&out.stderr);
        assert!(
            stderr.contains("dòng 2") && stderr.contains("không tạo được mã mới"),
            "{stderr}"
        );
    }
}

/// The three `--out` commands, writing to `out`.
fn out_commands(out: &Path) -> Vec<Vec<String>> {
    let out = out.to_string_lossy().into_owned();
    [
        vec!["report", "--out"],
        vec!["export", "csv", "--kind", "households", "--out"],
        vec!["export", "json", "--out"],
    ]
    .into_iter()
    .map(|args| {
        let mut args: Vec<String> = args.into_iter().map(String::from).collect();
        args.push(out.clone());
        args
    })
    .collect()
}

fn run_args(db: &Path, args: &[String], extra: &[&str]) -> Output {
    let mut all: Vec<&str> = args.iter().map(String::as_str).collect();
    all.extend_from_slice(extra);
    run(db, &all)
}

#[test]
fn out_never_replaces_the_register_or_a_backup_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let out = run(&db, &["backup"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let backup = std::fs::read_dir(dir.path().join("so.redb.backup"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .next()
        .unwrap();
    let copy = dir.path().join("ban-sao.redb");
    std::fs::copy(&backup, &copy).unwrap();
    let mut targets = vec![db.clone(), backup.clone(), copy.clone()];
    // The register under another spelling.
    targets.push(dir.path().join(".").join("so.redb"));
    #[cfg(unix)]
    {
        let link = dir.path().join("lien-ket.csv");
        std::os::unix::fs::symlink(&db, &link).unwrap();
        targets.push(link);
    }
    for target in &targets {
        let before: Vec<Vec<u8>> = [&db, &backup, &copy]
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        for args in out_commands(target) {
            for extra in [&[][..], &["--force"][..]] {
                let out = run_args(&db, &args, extra);
                let stderr = text(&out.stderr);
                assert_eq!(out.status.code(), Some(2), "{args:?} {extra:?}: {stderr}");
                assert!(
                    stderr.contains("Không ghi vào") && stderr.contains("chọn tên tệp khác"),
                    "{stderr}"
                );
            }
        }
        let after: Vec<Vec<u8>> = [&db, &backup, &copy]
            .iter()
            .map(|p| std::fs::read(p).unwrap())
            .collect();
        assert!(before == after, "{} was changed", target.display());
    }
    assert!(run(&db, &["check"]).status.success());
}

#[test]
fn an_existing_file_is_replaced_only_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let existing = dir.path().join("danh-sach.csv");
    for args in out_commands(&existing) {
        std::fs::write(&existing, "của cán bộ").unwrap();
        let out = run_args(&db, &args, &[]);
        let stderr = text(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{stderr}");
        assert!(
            stderr.contains("danh-sach.csv") && stderr.contains("--force"),
            "{stderr}"
        );
        assert_eq!(std::fs::read_to_string(&existing).unwrap(), "của cán bộ");
        let out = run_args(&db, &args, &["--force"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
        assert_ne!(std::fs::read_to_string(&existing).unwrap(), "của cán bộ");
        std::fs::remove_file(&existing).unwrap();
        // A new file needs no --force.
        assert!(run_args(&db, &args, &[]).status.success());
        std::fs::remove_file(&existing).unwrap();
    }
}

#[cfg(unix)]
#[test]
fn devices_and_pipes_are_written_as_a_stream() {
    use std::io::Read;
    use std::os::unix::fs::FileTypeExt;
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let null = Path::new("/dev/null");
    for args in out_commands(null) {
        let out = run_args(&db, &args, &[]);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        let kind = std::fs::symlink_metadata(null).unwrap().file_type();
        assert!(kind.is_char_device(), "/dev/null is still a device");
    }
    let fifo = dir.path().join("ong");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo unavailable; the pipe case was not run");
        return;
    }
    for args in out_commands(&fifo) {
        let reading = fifo.clone();
        let reader = std::thread::spawn(move || {
            let mut got = Vec::new();
            std::fs::File::open(&reading)
                .unwrap()
                .read_to_end(&mut got)
                .unwrap();
            got
        });
        let out = run_within(
            &db,
            &args.iter().map(String::as_str).collect::<Vec<_>>(),
            Duration::from_secs(30),
        );
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
        assert!(!reader.join().unwrap().is_empty());
        assert!(
            std::fs::symlink_metadata(&fifo)
                .unwrap()
                .file_type()
                .is_fifo()
        );
    }
}

/// The names the program used to write to before renaming (`X.tmp`,
/// `so.redb.holder.tmp`) planted as symlinks to a victim file: nothing may reach it.
#[cfg(unix)]
#[test]
fn planted_symlinks_at_temporary_names_receive_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let victim = dir.path().join("nan-nhan.txt");
    std::fs::write(&victim, "giữ nguyên").unwrap();
    let out_file = dir.path().join("xuat.csv");
    let report_file = dir.path().join("bao-cao.txt");
    let backup_file = dir.path().join("sao-luu.redb");
    for planted in [
        "xuat.csv.tmp",
        "bao-cao.txt.tmp",
        "sao-luu.redb.tmp",
        "so.redb.holder.tmp",
    ] {
        std::os::unix::fs::symlink(&victim, dir.path().join(planted)).unwrap();
    }
    let s = |p: &Path| p.to_string_lossy().into_owned();
    for args in [
        vec![
            "export".to_string(),
            "csv".into(),
            "--kind".into(),
            "households".into(),
            "--out".into(),
            s(&out_file),
        ],
        vec!["report".into(), "--out".into(), s(&report_file)],
        vec!["backup".into(), s(&backup_file)],
        vec![
            "import".into(),
            "households".into(),
            s(&fixture("ho-ma-lon-nhat.csv")),
        ],
    ] {
        let out = run_args(&db, &args, &[]);
        assert!(out.status.success(), "{args:?}: {}", text(&out.stderr));
    }
    assert_eq!(std::fs::read_to_string(&victim).unwrap(), "giữ nguyên");
}

/// `backup --keep` deletes only backups it wrote: not look-alike names that are not
/// registers, not symlinks, and nothing through a symlinked backup folder.
#[cfg(unix)]
#[test]
fn pruning_deletes_only_backups_the_program_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let backups = dir.path().join("so.redb.backup");
    let out = run(&db, &["backup"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    let look_alike = backups.join("so-2000-01-01-0000.redb");
    std::fs::write(&look_alike, "không phải sổ").unwrap();
    let elsewhere = dir.path().join("khac.redb");
    std::fs::copy(&db, &elsewhere).unwrap();
    let link = backups.join("so-2000-01-01-0001.redb");
    std::os::unix::fs::symlink(&elsewhere, &link).unwrap();
    let out = run(&db, &["backup", "--keep", "1"]);
    assert!(out.status.success(), "{}", text(&out.stderr));
    assert!(look_alike.exists() && link.symlink_metadata().is_ok() && elsewhere.exists());
    let real: Vec<_> = std::fs::read_dir(&backups)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.symlink_metadata().unwrap().file_type().is_file() && *p != look_alike)
        .collect();
    assert_eq!(real.len(), 1, "the older real backup was pruned: {real:?}");

    // A backup folder that is a symlink to the officer's own folder: nothing is pruned.
    let own = dir.path().join("tai-lieu");
    std::fs::create_dir(&own).unwrap();
    let theirs = own.join("so-2000-01-01-0000.redb");
    std::fs::copy(&db, &theirs).unwrap();
    let db2 = dir.path().join("so2").join("so.redb");
    std::fs::create_dir(dir.path().join("so2")).unwrap();
    std::fs::copy(&db, &db2).unwrap();
    std::os::unix::fs::symlink(&own, dir.path().join("so2/so.redb.backup")).unwrap();
    for _ in 0..2 {
        let out = run(&db2, &["backup", "--keep", "1"]);
        assert!(out.status.success(), "{}", text(&out.stderr));
    }
    assert!(theirs.exists());
}

/// Folders the program creates are 0700 even under umask 000, and a `--db` that is not a
/// register keeps its mode.
#[cfg(unix)]
#[test]
fn created_folders_are_owner_only_and_other_files_keep_their_mode() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("moi/con/so.redb");
    let script = format!(
        "umask 000; exec '{}' --db '{}' init --commune 'Xã Thử'",
        env!("CARGO_BIN_EXE_sohoctap"),
        db.display(),
    );
    let out = Command::new("sh").arg("-c").arg(&script).output().unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    let out = Command::new("sh")
        .arg("-c")
        .arg(format!(
            "umask 000; exec '{}' --db '{}' backup",
            env!("CARGO_BIN_EXE_sohoctap"),
            db.display()
        ))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", text(&out.stderr));
    for folder in ["moi", "moi/con", "moi/con/so.redb.backup"] {
        let mode = std::fs::metadata(dir.path().join(folder))
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(mode & 0o777, 0o700, "{folder}");
    }
    let notes = dir.path().join("ghi-chu.txt");
    std::fs::write(&notes, "không phải sổ").unwrap();
    std::fs::set_permissions(&notes, std::fs::Permissions::from_mode(0o644)).unwrap();
    let out = run(&notes, &["check"]);
    assert!(!out.status.success());
    let mode = std::fs::metadata(&notes).unwrap().permissions().mode();
    assert_eq!(mode & 0o777, 0o644);
}

#[test]
fn read_only_commands_leave_the_register_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let before = std::fs::read(&db).unwrap();
    let modified = std::fs::metadata(&db).unwrap().modified().unwrap();
    // The file system's clock must be able to show a change.
    std::thread::sleep(Duration::from_millis(20));
    let out_file = dir.path().join("ra.txt");
    let out = out_file.to_str().unwrap();
    for args in [
        &["check"][..],
        &["check", "--json"],
        &["report"],
        &["report", "--json"],
        &["report", "--list", "--out", out, "--force"],
        &["export", "csv", "--kind", "households"],
        &["export", "csv", "--kind", "households", "--year", "2025"],
        &["export", "json", "--out", out, "--force"],
    ] {
        let result = run(&db, args);
        assert!(
            result.status.success(),
            "{args:?}: {}",
            text(&result.stderr)
        );
        assert!(
            std::fs::read(&db).unwrap() == before,
            "{args:?} changed the register"
        );
        assert_eq!(
            std::fs::metadata(&db).unwrap().modified().unwrap(),
            modified,
            "{args:?} touched the register"
        );
    }
    let holder = dir.path().join("so.redb.holder");
    assert!(!holder.exists(), "a reader writes no holder file");
}

/// A reader never writes or removes the holder file of the program that has the register
/// open, and is told who that is.
#[test]
fn a_reader_leaves_the_writers_holder_file_alone() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let holder = dir.path().join("so.redb.holder");
    let register = sohoctap::store::Register::open(&db).unwrap();
    let written = std::fs::read(&holder).unwrap();
    let out = run(&db, &["check"]);
    assert_eq!(out.status.code(), Some(1));
    let stderr = text(&out.stderr);
    assert!(stderr.contains("đang được mở bởi"), "{stderr}");
    assert_eq!(std::fs::read(&holder).unwrap(), written);
    register.close().unwrap();
}

/// What a restore killed between its two renames leaves: the register renamed away, the
/// verified copy under its temporary name, the journal. The next command finishes it.
#[test]
fn the_next_start_finishes_a_restore_killed_between_its_renames() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let backup = dir.path().join("sao-luu.redb");
    assert!(
        run(&db, &["backup", backup.to_str().unwrap()])
            .status
            .success()
    );
    let copy = dir.path().join("so.redb.restore.999999-0.tmp");
    std::fs::copy(&backup, &copy).unwrap();
    let kept = dir.path().join("so.redb.replaced-20260101-000000");
    std::fs::write(
        dir.path().join("so.redb.restore-journal"),
        format!(
            "sohoctap restore 1\nso.redb.restore.999999-0.tmp\nso.redb.replaced-20260101-000000\n{}\n",
            backup.display()
        ),
    )
    .unwrap();
    std::fs::rename(&db, &kept).unwrap();
    let out = run(&db, &["check"]);
    let stderr = text(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(
        stderr.contains("bị ngắt giữa chừng") && stderr.contains("đã hoàn tất"),
        "{stderr}"
    );
    assert!(
        stderr.contains("so.redb.replaced-20260101-000000"),
        "{stderr}"
    );
    assert!(!copy.exists() && kept.exists());
    assert!(!dir.path().join("so.redb.restore-journal").exists());
}

/// Temporary files a kill left (a half-verified backup copy and its holder, the holder's
/// own temporary file) go at the next open; look-alikes that are not the program's stay.
#[test]
fn leftovers_of_killed_processes_are_removed_at_the_next_open() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let backups = dir.path().join("so.redb.backup");
    std::fs::create_dir(&backups).unwrap();
    let leftovers = [
        dir.path().join("so.redb.holder.999999-3.tmp"),
        dir.path().join("so.redb.999999-4.tmp"),
        backups.join("so-2026-11-22-0930.redb.999999-0.tmp"),
        backups.join("so-2026-11-22-0930.redb.999999-0.tmp.holder"),
    ];
    let kept = [
        dir.path().join("ghi-chu.txt.999999-0.tmp"),
        dir.path().join("so.redb.tmp"),
        backups.join("ban-cua-toi.redb.1-2.tmp"),
    ];
    for f in leftovers.iter().chain(&kept) {
        std::fs::write(f, "x").unwrap();
    }
    let out = run(
        &db,
        &[
            "import",
            "households",
            fixture("ho-ma-lon-nhat.csv").to_str().unwrap(),
        ],
    );
    assert!(out.status.success(), "{}", text(&out.stderr));
    for f in &leftovers {
        assert!(!f.exists(), "{} is left", f.display());
    }
    for f in &kept {
        assert!(f.exists(), "{} was removed", f.display());
    }
}

/// A named pipe in the criteria folder is passed over (and said), not waited on.
#[cfg(unix)]
#[test]
fn a_named_pipe_in_the_criteria_folder_hangs_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let db = register(dir.path());
    let criteria = dir.path().join("tieu-chi");
    std::fs::create_dir(&criteria).unwrap();
    let fifo = criteria.join("ong.toml");
    if !Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .is_ok_and(|s| s.success())
    {
        eprintln!("mkfifo unavailable; skipped");
        return;
    }
    let folder = criteria.to_str().unwrap();
    for args in [
        &["criteria", "list"][..],
        &["criteria", "show", "cong-dan-qd244-2022"],
    ] {
        let mut all = vec!["--criteria", folder];
        all.extend_from_slice(args);
        let out = run_within(&db, &all, Duration::from_secs(20));
        let stderr = text(&out.stderr);
        assert!(out.status.success(), "{args:?}: {stderr}");
        assert!(
            stderr.contains("ong.toml") && stderr.contains("không phải tệp thường"),
            "{stderr}"
        );
    }
}
