//! The whole program at the size of the largest merged communes: 50,000 households,
//! 150,000 citizens, 300 organisations and ten years of evaluations
//! (`demo::DemoSpec::commune_scale`), beside sqlite3 doing the equivalent import and
//! GROUP BY on the same exported files in the same run.
//!
//! Run: `cargo bench --bench scale` (prints a markdown table for docs/performance.md;
//! asserts nothing, as timings belong in benchmarks, not tests). With
//! `SOHOCTAP_SCALE_HOUSEHOLDS=200000` it runs at that many households, every other count
//! in proportion (issue 17: every figure should grow at most linearly). Each timed
//! figure is given in wall and CPU time (the machine is shared) and per 1,000
//! households, so two runs at different sizes compare row by row: a figure that grows
//! linearly has the same value per 1,000 households in both.
//!
//! Peak memory is read from `VmHWM` in /proc/self/status (Linux). The commune is
//! generated, and the app phase (open, first frame, saves, report, terminal bytes) runs,
//! each in a child process of this same binary, so each peak is its own and the
//! measured phases start from a fresh heap, as the program's commands do.
//!
//! For a profile of one phase: `SOHOCTAP_SCALE_DIR=D` works in D and keeps it (the
//! generated register is reused), and with it
//! `SOHOCTAP_SCALE_ONLY=export|import|import-all|census|report` runs only that phase, five
//! times.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use sohoctap::app::load_report_data;
use sohoctap::criteria::{Catalog, IndicatorKind, status_of};
use sohoctap::demo::{self, DemoSpec};
use sohoctap::exchange::{Applied, FileOptions, ImportOptions, export_csv, plan_and_apply};
use sohoctap::model::{Commune, EvaluationKey, IndicatorValue, Stamp, Title, UnitKind, Year};
use sohoctap::report::text::{TextOptions, render};
use sohoctap::store::Register;
use sohoctap::tally::Tally;
use sohoctap::tui::app::App;
use sohoctap::tui::screens;
use sohoctap::tui::theme::Theme;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

type Failure = Box<dyn std::error::Error>;

const YEAR: Year = 2025;
const SAVES: usize = 21;

/// Counts the bytes a terminal backend writes, as an SSH connection would carry them.
#[derive(Clone, Default)]
struct CountingSink(Arc<Mutex<u64>>);

impl CountingSink {
    fn take(&self) -> u64 {
        self.0
            .lock()
            .map(|mut n| std::mem::take(&mut *n))
            .unwrap_or(0)
    }
}

impl Write for CountingSink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if let Ok(mut n) = self.0.lock() {
            *n += buf.len() as u64;
        }
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

fn ms(d: Duration) -> String {
    format!("{:.0} ms", d.as_secs_f64() * 1e3)
}

/// CPU time used so far by this process, every thread included, also those that have
/// ended (the import's checking thread ends before its phase is timed). The machine the
/// figures are taken on is shared, so growth is judged by CPU time as well as by wall
/// time.
#[cfg(unix)]
fn cpu_now() -> Option<Duration> {
    let mut now = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: a plain system call writing into a timespec this function owns.
    #[allow(unsafe_code)]
    let rc = unsafe { libc::clock_gettime(libc::CLOCK_PROCESS_CPUTIME_ID, &mut now) };
    (rc == 0).then(|| Duration::new(now.tv_sec as u64, now.tv_nsec as u32))
}

#[cfg(not(unix))]
fn cpu_now() -> Option<Duration> {
    None
}

/// Wall and CPU time of one phase.
#[derive(Clone, Copy)]
struct Timed {
    wall: Duration,
    cpu: Option<Duration>,
}

impl Timed {
    fn start() -> (Instant, Option<Duration>) {
        (Instant::now(), cpu_now())
    }

    fn since(start: (Instant, Option<Duration>)) -> Timed {
        let wall = start.0.elapsed();
        let cpu = start.1.zip(cpu_now()).map(|(a, b)| b.saturating_sub(a));
        Timed { wall, cpu }
    }

    /// "979 ms (CPU 950 ms)", or the wall time alone where CPU time is not known.
    fn text(&self) -> String {
        match self.cpu {
            Some(cpu) => format!("{} (CPU {})", ms(self.wall), ms(cpu)),
            None => ms(self.wall),
        }
    }

    /// The same per 1,000 households, so that runs at different sizes compare at a
    /// glance: a figure that grows linearly has the same value at every size.
    fn per_thousand(&self, households: usize) -> String {
        let per = |d: Duration| d.as_secs_f64() * 1e3 * 1000.0 / households.max(1) as f64;
        match self.cpu {
            Some(cpu) => format!("{:.2} ms (CPU {:.2} ms)", per(self.wall), per(cpu)),
            None => format!("{:.2} ms", per(self.wall)),
        }
    }
}

/// The report of [`YEAR`] as `sohoctap report` prints it: gathered from the register
/// and rendered.
fn report_text(reader: &sohoctap::store::Reader) -> Result<String, Failure> {
    let data = load_report_data(reader, YEAR, false)?;
    Ok(render(
        &data,
        &TextOptions {
            today: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
            ascii: false,
            list: false,
        },
    ))
}

/// Pushes the program's data out of the processor's caches by writing a buffer larger
/// than them (this machine's last-level cache is 32 MB). At 50,000 households the app's
/// working set (links, statuses, the page cache's hot pages, about 5 MB) can stay in
/// that cache between repetitions and at 200,000 it cannot, so a figure measured warm
/// may grow faster than the work does; measured after a sweep, both sizes start from
/// the same processor-cache state. The operating system's page cache and redb's own
/// are left as they are (warm at both sizes).
struct CacheSweeper(Vec<u8>);

impl CacheSweeper {
    const BYTES: usize = 96 << 20;

    fn new() -> CacheSweeper {
        CacheSweeper(vec![0; Self::BYTES])
    }

    fn sweep(&mut self) {
        for (i, line) in self.0.chunks_mut(64).enumerate() {
            line[0] = line[0].wrapping_add(i as u8);
        }
        std::hint::black_box(&self.0);
    }
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

/// The run with the median wall time.
fn median_timed(v: &[Timed]) -> Timed {
    let mut v = v.to_vec();
    v.sort_unstable_by_key(|t| t.wall);
    v.get(v.len() / 2).copied().unwrap_or(Timed {
        wall: Duration::ZERO,
        cpu: None,
    })
}

/// Peak resident memory of this process so far, in MB (Linux only).
fn peak_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn stamp() -> Stamp {
    Stamp {
        user: "bench".into(),
        at: NaiveDate::from_ymd_opt(2025, 12, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .unwrap_or_default(),
    }
}

struct Row {
    what: String,
    ours: String,
    /// The figure per 1,000 households (empty where growth is not expected).
    per: String,
    sqlite: String,
    /// sohoctap's time over sqlite3's, where both were measured.
    ratio: String,
}

/// Set (to the register's path) in the child process that measures the app phase.
const APP_PHASE: &str = "SOHOCTAP_SCALE_APP_PHASE";

fn main() -> Result<(), Failure> {
    if let Some(path) = std::env::var_os(APP_PHASE) {
        return app_phase(Path::new(&path));
    }
    if let Some(path) = std::env::var_os(GENERATE) {
        return generate(Path::new(&path));
    }
    if let Ok(spec) = std::env::var(IMPORT_PHASE) {
        return import_phase(&spec);
    }
    // A kept directory lets a profile of the measured phases skip generating the
    // commune again (the generated register is reused when it is there).
    if let Some(kept) = std::env::var_os(KEEP_DIR) {
        let dir = PathBuf::from(kept);
        std::fs::create_dir_all(&dir)?;
        return run(&dir);
    }
    let dir = std::env::temp_dir().join(format!("sohoctap-scale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let result = run(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
}

/// Set (to the bench's directory) in a child process that runs one import: its value
/// after a `:` says which (`households` or `all`).
const IMPORT_PHASE: &str = "SOHOCTAP_SCALE_IMPORT";

/// Runs this bench again as a child process with `var` set to `value`, echoes what it
/// printed and hands it back; `what` names it when it fails.
fn in_child(var: &str, value: impl AsRef<std::ffi::OsStr>, what: &str) -> Result<String, Failure> {
    let child = Command::new(std::env::current_exe()?)
        .env(var, value)
        .output()?;
    let out = String::from_utf8_lossy(&child.stdout).into_owned();
    print!("{out}");
    if !child.status.success() {
        return Err(format!("{what} failed: {}", String::from_utf8_lossy(&child.stderr)).into());
    }
    Ok(out)
}

/// Runs one import in a child process and reads back its wall and CPU time, and the
/// rows it imported when it says.
fn import_in_child(dir: &Path, which: &str) -> Result<(Timed, Option<u64>), Failure> {
    let out = in_child(
        IMPORT_PHASE,
        format!("{which}:{}", dir.display()),
        &format!("import {which}"),
    )?;
    let micros = |name: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .and_then(|v| v.parse::<u64>().ok())
            .map(Duration::from_micros)
    };
    let rows = out
        .lines()
        .find_map(|l| l.strip_prefix("rows="))
        .and_then(|v| v.parse().ok());
    let took = Timed {
        wall: micros("wall_us").ok_or("the import printed no time")?,
        cpu: micros("cpu_us"),
    };
    Ok((took, rows))
}

/// Imports households.csv of `dir` into a fresh register, as `sohoctap import` does it:
/// each row written while the next ones are checked, in one transaction. The time runs
/// from reading the file to the commit.
fn import_households(dir: &Path) -> Result<(Applied, Timed), Failure> {
    let register = new_register_to_import_into(&dir.join("nhap.redb"))?;
    let started = Timed::start();
    let bytes = std::fs::read(dir.join("households.csv"))?;
    let (planned, applied) = plan_and_apply(
        &register,
        UnitKind::Household,
        &bytes,
        &FileOptions::default(),
        ImportOptions { default_year: YEAR },
    )?;
    let took = Timed::since(started);
    register.close()?;
    let applied = applied.filter(|_| planned.is_clean()).ok_or_else(|| {
        format!(
            "households.csv does not import: {:?}",
            planned.problems.first()
        )
    })?;
    Ok((applied, took))
}

/// The child's side of [`import_in_child`]: `households` imports households.csv into a
/// fresh register, `all` the five lists into another, as the commands would.
fn import_phase(spec: &str) -> Result<(), Failure> {
    let (which, dir) = spec
        .split_once(':')
        .ok_or("SOHOCTAP_SCALE_IMPORT=which:dir")?;
    let dir = Path::new(dir);
    let took = if which == "households" {
        let (applied, took) = import_households(dir)?;
        println!(
            "import households.csv: {} households, {} thôn, {} dòng họ in {}",
            applied.inserted,
            applied.communities_created,
            applied.clans_created,
            took.text()
        );
        took
    } else {
        // All five lists, in link order, into another fresh register (the equivalent of
        // sqlite3 importing the five files).
        let every = dir.join("nhap-tat-ca.redb");
        let register = new_register_to_import_into(&every)?;
        let started = Timed::start();
        let all_rows = import_every_list(&register, dir)?;
        let took = Timed::since(started);
        register.close()?;
        println!("import all five lists ({all_rows} rows): {}", took.text());
        println!("rows={all_rows}");
        took
    };
    println!("wall_us={}", took.wall.as_micros());
    if let Some(cpu) = took.cpu {
        println!("cpu_us={}", cpu.as_micros());
    }
    Ok(())
}

/// Set (to the register's path) in the child process that generates the commune.
const GENERATE: &str = "SOHOCTAP_SCALE_GENERATE";

/// Generates the commune of [`scaled_spec`] into a new register at `path`.
fn generate(path: &Path) -> Result<(), Failure> {
    let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
    let spec = scaled_spec();
    let started = Instant::now();
    let register = Register::create(
        path,
        &Commune {
            name: "Xã Quy Mô Lớn".into(),
            province: "Ninh Bình".into(),
        },
    )?;
    let summary = demo::build(&register, &spec, &catalog)?;
    register.close()?;
    println!(
        "generated: {} thôn, {} hộ, {} dòng họ, {} cơ quan, {} công dân, {} đánh giá ({}–{}) in {:.1} s; peak memory while generating {:.0} MB",
        summary.communities,
        summary.households,
        summary.clans,
        summary.organisations,
        summary.citizens,
        summary.evaluations,
        summary.first_year,
        summary.last_year,
        started.elapsed().as_secs_f64(),
        peak_mb().unwrap_or(f64::NAN)
    );
    Ok(())
}

/// A directory to work in and keep (with the generated register, reused next time).
const KEEP_DIR: &str = "SOHOCTAP_SCALE_DIR";

/// With a kept directory: `export`, `import`, `import-all`, `census` or `report` runs only
/// that phase, five times, for a profile of it alone (`import` reads the households.csv a
/// whole run left there, `import-all` the five lists).
const ONLY: &str = "SOHOCTAP_SCALE_ONLY";

fn only_phase() -> Option<String> {
    std::env::var_os(KEEP_DIR)?;
    std::env::var(ONLY).ok()
}

/// Runs one phase five times and prints each run's times.
fn one_phase(phase: &str, dir: &Path, path: &Path, households: usize) -> Result<(), Failure> {
    for _ in 0..5 {
        let started = Timed::start();
        match phase {
            "export" => {
                let register = Register::open(path)?;
                let reader = register.read()?;
                // The two small lists beside the two large ones: a list of 50 thôn or
                // 300 organisations should cost what its rows cost, not the year's.
                for kind in [
                    UnitKind::Community,
                    UnitKind::Organisation,
                    UnitKind::Household,
                    UnitKind::Citizen,
                ] {
                    let started = Timed::start();
                    let bytes = export_csv(&reader, kind, Some(YEAR))?;
                    println!(
                        "export {}: {} bytes in {}",
                        kind.code(),
                        bytes.len(),
                        Timed::since(started).text()
                    );
                }
                drop(reader);
                register.close()?;
            }
            "import" => {
                let (_, took) = import_households(dir)?;
                println!("import: planned and written in {}", took.text());
            }
            "import-all" => {
                let every = dir.join("nhap-tat-ca.redb");
                let register = new_register_to_import_into(&every)?;
                let rows = import_every_list(&register, dir)?;
                let imported_at = Timed::since(started);
                register.close()?;
                println!("import-all: {rows} rows in {}", imported_at.text());
            }
            "census" => {
                let register = Register::open(path)?;
                let reader = register.read()?;
                let census = sohoctap::app::load_census(&reader, YEAR)?;
                let tally = Tally::compute(&census);
                drop(reader);
                register.close()?;
                println!("census: {} titles", tally.titles.len());
            }
            "report" => {
                let register = Register::open(path)?;
                let reader = register.read()?;
                let text = report_text(&reader)?;
                drop(reader);
                register.close()?;
                println!("report: {} bytes", text.len());
            }
            other => {
                return Err(format!(
                    "{ONLY}={other}: export, import, import-all, census or report"
                )
                .into());
            }
        }
        let took = Timed::since(started);
        println!(
            "{phase}: {} ({} per 1,000 households)",
            took.text(),
            took.per_thousand(households)
        );
    }
    Ok(())
}

/// A new, empty register at `path` (any earlier one removed), opened as `sohoctap
/// import` opens the register it imports into (`sohoctap init` made it before).
fn new_register_to_import_into(path: &Path) -> Result<Register, Failure> {
    remove_register(path);
    let created = Register::create(
        path,
        &Commune {
            name: "Xã Nhập Thử".into(),
            province: "Ninh Bình".into(),
        },
    )?;
    created.close()?;
    Ok(Register::open_for_import(path)?)
}

/// Imports the five lists a whole run exported into `dir`, in link order, each in its
/// own transaction; returns how many rows were read.
fn import_every_list(register: &Register, dir: &Path) -> Result<usize, Failure> {
    let order = [
        UnitKind::Community,
        UnitKind::Clan,
        UnitKind::Household,
        UnitKind::Organisation,
        UnitKind::Citizen,
    ];
    let mut all_rows = 0;
    for kind in order {
        let file = dir.join(format!("{}.csv", kind.code()));
        let bytes = std::fs::read(&file)?;
        let (planned, applied) = plan_and_apply(
            register,
            kind,
            &bytes,
            &FileOptions::default(),
            ImportOptions { default_year: YEAR },
        )?;
        if applied.is_none() || !planned.is_clean() {
            return Err(format!(
                "{} does not import: {:?}",
                file.display(),
                planned.problems.first()
            )
            .into());
        }
        all_rows += planned.rows_read;
    }
    Ok(all_rows)
}

/// Removes a register and its side files, so that a kept directory can be run again.
fn remove_register(path: &Path) {
    let _ = std::fs::remove_file(path);
    for suffix in [".verified", ".lock", ".holder"] {
        let mut side = path.as_os_str().to_owned();
        side.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(side));
    }
}

/// The commune of `DemoSpec::commune_scale`, or `SOHOCTAP_SCALE_HOUSEHOLDS` households
/// with thôn, clans, organisations and citizens in the same proportions.
fn scaled_spec() -> DemoSpec {
    let base = DemoSpec::commune_scale(YEAR);
    let Some(households) = std::env::var("SOHOCTAP_SCALE_HOUSEHOLDS")
        .ok()
        .and_then(|n| n.parse::<usize>().ok())
        .filter(|n| *n > 0)
    else {
        return base;
    };
    let scale = |count: usize| (count * households / base.households).max(1);
    DemoSpec {
        communities: scale(base.communities),
        households,
        clans: scale(base.clans),
        organisations: scale(base.organisations),
        citizens: scale(base.citizens),
        ..base
    }
}

fn run(dir: &Path) -> Result<(), Failure> {
    let spec = scaled_spec();
    let path = dir.join("xa.redb");
    let mut rows = Vec::new();

    let households = spec.households;

    // 1. The commune, generated (not part of any figure below, but worth knowing), in a
    // child process: the generator leaves this process's heap large and fragmented, and
    // at 200,000 households that alone made the exports and imports after it a third
    // slower, where the program runs each of them as a fresh process.
    if path.exists() {
        println!("generated: reusing {} ({KEEP_DIR})", path.display());
    } else {
        in_child(GENERATE, &path, "generating")?;
    }
    let file_mb = std::fs::metadata(&path)?.len() as f64 / 1e6;
    println!("register {file_mb:.0} MB");

    if let Some(phase) = only_phase() {
        return one_phase(&phase, dir, &path, households);
    }

    // 2. Every list with the year's evaluation, as CSV for Excel (and for sqlite3).
    let mut csv_files: Vec<(UnitKind, PathBuf)> = Vec::new();
    let mut exports = Vec::new();
    {
        let register = Register::open(&path)?;
        let reader = register.read()?;
        for kind in UnitKind::ALL {
            let started = Timed::start();
            let bytes = export_csv(&reader, kind, Some(YEAR))?;
            let took = Timed::since(started);
            let file = dir.join(format!("{}.csv", kind.code()));
            std::fs::write(&file, &bytes)?;
            println!(
                "export {} {YEAR}: {:.1} MB in {}",
                kind.code(),
                bytes.len() as f64 / 1e6,
                took.text()
            );
            exports.push((kind, took));
            csv_files.push((kind, file));
        }
        drop(reader);
        register.close()?;
    }

    // 3. The imports, each in a process of its own as `sohoctap import` runs: in this
    // process they would inherit the heap the exports above left behind.
    let (import_time, _) = import_in_child(dir, "households")?;
    let (import_all_time, all_rows) = import_in_child(dir, "all")?;
    let all_rows = all_rows.ok_or("the import of every list printed no row count")?;

    // 4–7. The app phase runs in a child process, so its peak memory is its own and not
    // the generator's (freed heap is not always given back to the system).
    let child_out = in_child(APP_PHASE, &path, "app phase")?;
    let figure = |name: &str| -> String {
        child_out
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or("?")
            .to_string()
    };

    // 8. sqlite3 on the same exported files, in this same run.
    let sqlite = run_sqlite(dir, &csv_files);
    // The counts themselves, to compare with the app's and sqlite3's; their time is the
    // app process's (see `app_phase`), as the program counts in a fresh process, not in
    // one that has just imported every list.
    {
        let register = Register::open(&path)?;
        let reader = register.read()?;
        let tally = Tally::compute(&sohoctap::app::load_census(&reader, YEAR)?);
        drop(reader);
        register.close()?;
        println!(
            "sohoctap census + tally {YEAR} in the app process, 5 runs: {}",
            figure("census_runs")
        );
        for title in Title::ALL {
            println!(
                "  {}: {} recognised",
                title.short(),
                tally.titles[title as usize].recognised
            );
        }
        if figure("home_tally")
            != Title::ALL
                .iter()
                .map(|t| tally.titles[*t as usize].recognised.to_string())
                .collect::<Vec<_>>()
                .join(",")
        {
            println!(
                "  the home screen's counts DIFFER: {}",
                figure("home_tally")
            );
        }
        if let Some(s) = &sqlite {
            for title in Title::ALL {
                let ours = tally.titles[title as usize].recognised.to_string();
                let theirs = s
                    .output
                    .lines()
                    .find_map(|l| l.strip_prefix(&format!("{}|", title.short())))
                    .unwrap_or("?");
                println!(
                    "  {}: sohoctap {ours}, sqlite3 {theirs} {}",
                    title.short(),
                    if ours == theirs {
                        "(same)"
                    } else {
                        "(DIFFERENT)"
                    }
                );
            }
        }
    }

    let per = |t: &Timed| t.per_thousand(households);
    let micros = |name: &str| figure(name).parse::<u128>().ok();
    let ratio = |ours: Option<u128>, theirs: Option<Duration>| match (ours, theirs) {
        (Some(o), Some(t)) if t.as_micros() > 0 => {
            format!("{:.2}×", o as f64 / t.as_micros() as f64)
        }
        _ => "—".into(),
    };
    let sqlite_ms = |f: fn(&SqliteFigures) -> Duration| {
        sqlite
            .as_ref()
            .map(|s| ms(f(s)))
            .unwrap_or_else(|| "—".into())
    };
    for (kind, took) in &exports {
        rows.push(Row {
            what: format!("export {} CSV with the {YEAR} evaluations", kind.code()),
            ours: took.text(),
            per: per(took),
            sqlite: String::new(),
            ratio: String::new(),
        });
    }
    // A timed figure beside the sqlite3 figure of the same work, with their ratio.
    let beside_sqlite = |what: String, ours: &Timed, theirs: fn(&SqliteFigures) -> Duration| Row {
        what,
        ours: ours.text(),
        per: per(ours),
        sqlite: sqlite_ms(theirs),
        ratio: ratio(Some(ours.wall.as_micros()), sqlite.as_ref().map(theirs)),
    };
    rows.push(beside_sqlite(
        format!("import households.csv ({households} rows): read, parse, check, one transaction"),
        &import_time,
        |s| s.import_households,
    ));
    rows.push(beside_sqlite(
        format!("import all five lists ({all_rows} rows), each checked and in one transaction"),
        &import_all_time,
        |s| s.import_all,
    ));
    let group_by = sqlite.as_ref().map(|s| s.group_by);
    rows.push(Row {
        what: format!(
            "recognised per title and per thôn, {YEAR} (Census + Tally / GROUP BY, median of 5)"
        ),
        ours: figure("census_ms"),
        per: figure("census_per"),
        sqlite: group_by.map(ms).unwrap_or_else(|| "—".into()),
        ratio: ratio(micros("census_us"), group_by),
    });
    rows.push(Row {
        what: "  the same, the processor's caches emptied before each run (median of 5)".into(),
        ours: figure("census_swept_ms"),
        per: figure("census_swept_per"),
        sqlite: String::new(),
        ratio: String::new(),
    });
    let cold_sqlite = sqlite.as_ref().and_then(|s| s.group_by_cold);
    let as_ms = |us: Option<u128>| {
        us.map(|us| ms(Duration::from_micros(us as u64)))
            .unwrap_or_else(|| "not measured".into())
    };
    for (kept, label) in [
        ("_kept", "counts kept at the last session's end"),
        (
            "",
            "counts not kept (after a kill soon after a change, an upgrade or an older program's write)",
        ),
    ] {
        rows.push(Row {
            what: format!(
                "home screen {YEAR}, warm, {label}: open + first frame 80×24, median of 5 / the same GROUP BY"
            ),
            ours: figure(&format!("open{kept}_ms")),
            per: figure(&format!("open{kept}_per")),
            sqlite: group_by.map(ms).unwrap_or_else(|| "—".into()),
            ratio: ratio(micros(&format!("home_warm{kept}_us")), group_by),
        });
        let cold_ours = micros(&format!("home_cold{kept}_us"));
        rows.push(Row {
            what: format!(
                "home screen {YEAR}, cold (the file evicted from the page cache first), {label}: first frame / the same GROUP BY, its file evicted"
            ),
            ours: as_ms(cold_ours),
            per: String::new(),
            sqlite: cold_sqlite.map(ms).unwrap_or_else(|| "—".into()),
            ratio: ratio(cold_ours, cold_sqlite),
        });
        if !kept.is_empty() {
            let cold_ready = micros("home_cold_kept_ready_us");
            rows.push(Row {
                what: "  then the census read after the first frame (ready for keys): warm, median of 5 / cold".into(),
                ours: format!("{} / {}", figure("ready_kept_ms"), as_ms(cold_ready)),
                per: String::new(),
                sqlite: String::new(),
                ratio: String::new(),
            });
        }
    }
    rows.push(Row {
        what: format!("keeping the {YEAR} counts when a session ends (counted afresh, one write)"),
        ours: figure("keep_ms"),
        per: String::new(),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: format!("save one score + tally apply + redraw (median of {SAVES})"),
        ours: figure("save_ms"),
        per: String::new(),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: format!(
            "report: load_report_data + render ({} pages, median of 5)",
            figure("report_pages")
        ),
        ours: figure("report_ms"),
        per: figure("report_per"),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: "  the same, the processor's caches emptied before each run (median of 5)".into(),
        ours: figure("report_swept_ms"),
        per: figure("report_swept_per"),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: "peak memory (VmHWM) of the app process on its home screen (six opens, first frames)"
            .into(),
        ours: figure("home_peak_mb"),
        per: String::new(),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: "  then with the citizens list open (after census runs and 21 saves)".into(),
        ours: figure("list_peak_mb"),
        per: String::new(),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: "  then at the end: 22 more saves, 5 reports, the households list, scoring".into(),
        ours: figure("peak_mb"),
        per: String::new(),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: "bytes to the terminal: first frame / a save redrawn on the home screen / ↓ in a list / a letter in the list filter / a redraw with nothing changed"
            .into(),
        ours: figure("bytes"),
        per: String::new(),
        sqlite: String::new(),
        ratio: String::new(),
    });
    rows.push(Row {
        what: "register file size".into(),
        ours: format!("{file_mb:.0} MB"),
        per: format!("{:.2} MB", file_mb * 1000.0 / households.max(1) as f64),
        sqlite: String::new(),
        ratio: String::new(),
    });

    println!();
    println!("| what | sohoctap | per 1,000 households | sqlite3 | ratio |");
    println!("|---|---|---|---|---|");
    for row in &rows {
        println!(
            "| {} | {} | {} | {} | {} |",
            row.what, row.ours, row.per, row.sqlite, row.ratio
        );
    }
    match &sqlite {
        Some(s) => {
            println!();
            println!("sqlite3 {} commands (in the same run):", s.version);
            for c in &s.commands {
                println!("    {c}");
            }
            println!("sqlite3 GROUP BY output (title, recognised):");
            for line in s.output.lines() {
                println!("    {line}");
            }
        }
        None => println!(
            "\nsqlite3 not found on PATH: the comparison columns are empty (install it, e.g. `apt-get install -y sqlite3`)."
        ),
    }
    Ok(())
}

/// Asks the kernel to drop the file's pages from the page cache
/// (`posix_fadvise(DONTNEED)`: no root needed, unlike dropping every cache), so the next
/// open reads it from the disk. False where that is not available.
#[cfg(target_os = "linux")]
fn evict_from_page_cache(path: &Path) -> bool {
    use std::os::fd::AsRawFd;
    let Ok(file) = std::fs::File::open(path) else {
        return false;
    };
    // SAFETY: a plain system call on a descriptor this function owns for its duration.
    #[allow(unsafe_code)]
    let rc = unsafe { libc::posix_fadvise(file.as_raw_fd(), 0, 0, libc::POSIX_FADV_DONTNEED) };
    rc == 0
}

#[cfg(not(target_os = "linux"))]
fn evict_from_page_cache(_: &Path) -> bool {
    false
}

/// Opens the generated register as the app does, and measures the app's work on it.
/// Prints `name=value` lines for the parent, and a readable line per measurement.
fn app_phase(path: &Path) -> Result<(), Failure> {
    let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
    // 4. The home screen of YEAR (the demo's last full year: every title evaluated), from
    // opening the register to the first frame, then to the census read after it (ready
    // for keys). Twice: with the year's counts not kept (after a kill soon after a
    // change, an upgrade or an older program's write: counted from the census before
    // the frame), and kept as a session's end keeps them. Each once with the file
    // evicted from the page cache (cold), then five times warm.
    let open_home = || -> Result<(App, Timed, Timed), Failure> {
        let started = Timed::start();
        let register = Register::open(path)?;
        let registered = started.0.elapsed();
        let mut opened = App::open(register, catalog.clone(), YEAR, Theme::new(true, false))?;
        let loaded = started.0.elapsed();
        opened.page_rows = sohoctap::tui::app::page_rows_for(24);
        let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
        terminal.draw(|f| screens::render(&opened, f))?;
        let frame = Timed::since(started);
        if opened.finish_opening() {
            terminal.draw(|f| screens::render(&opened, f))?;
        }
        let ready = Timed::since(started);
        println!(
            "  home screen: Register::open {registered:?}, App::open {:?}, first frame {:?}, census read {:?}",
            loaded - registered,
            frame.wall - loaded,
            ready.wall - frame.wall
        );
        Ok((opened, frame, ready))
    };
    let mut app = None;
    for kept in [false, true] {
        let label = if kept { "kept" } else { "not kept" };
        let suffix = if kept { "_kept" } else { "" };
        // The register is held by one process at a time: the last app closes first.
        drop(app.take());
        {
            let register = Register::open(path)?;
            if kept {
                let started = Timed::start();
                let written = sohoctap::app::keep_tallies(&register, &[YEAR])?;
                let took = Timed::since(started);
                println!(
                    "keeping the {YEAR} counts at a session's end ({written} year written): {}",
                    took.text()
                );
                println!("keep_ms={}", took.text());
            } else {
                // Any write makes kept counts stale, as a command-line change does.
                register.write(|_| Ok(()))?;
            }
            register.close()?;
        }
        let cold = evict_from_page_cache(path).then(&open_home).transpose()?;
        if let Some((opened, frame, ready)) = cold {
            println!(
                "home screen {YEAR}, counts {label}, cold (file evicted from the page cache): first frame {}, ready {}",
                frame.text(),
                ready.text()
            );
            println!("home_cold{suffix}_us={}", frame.wall.as_micros());
            println!("home_cold{suffix}_ready_us={}", ready.wall.as_micros());
            // Closed cleanly, so the next open trusts the file as after any clean close.
            drop(opened);
        } else {
            println!(
                "home screen {YEAR}, cold: not measured (the page cache could not be told to drop the file)"
            );
        }
        let mut frames = Vec::new();
        let mut readies = Vec::new();
        for _ in 0..5 {
            drop(app.take());
            let (opened, frame, ready) = open_home()?;
            frames.push(frame);
            readies.push(ready);
            app = Some(opened);
        }
        let frame = median_timed(&frames);
        let ready = median_timed(&readies);
        println!(
            "home screen {YEAR}, counts {label}, warm, open to first frame: {:?}; to the census read: {:?}",
            frames.iter().map(Timed::text).collect::<Vec<_>>(),
            readies.iter().map(Timed::text).collect::<Vec<_>>()
        );
        println!("open{suffix}_ms={}", frame.text());
        println!(
            "open{suffix}_per={}",
            frame.per_thousand(scaled_spec().households)
        );
        println!("home_warm{suffix}_us={}", frame.wall.as_micros());
        println!("ready{suffix}_ms={}", ready.text());
        println!("home_warm{suffix}_ready_us={}", ready.wall.as_micros());
    }
    let mut app = app.ok_or("no app")?;
    let households = scaled_spec().households;

    let mb = |m: Option<f64>| {
        m.map(|m| format!("{m:.0} MB"))
            .unwrap_or_else(|| "n/a (no /proc)".into())
    };
    // Issue 17 target 4: the app on its home screen (the five opens above included).
    println!("home_peak_mb={}", mb(peak_mb()));

    // 4b. The year's census and tally alone (what the app reads after the first frame,
    // or before it when no counts are kept), five times on the open register.
    {
        let reader = app.register.as_ref().ok_or("no register")?.read()?;
        let mut runs = Vec::new();
        for _ in 0..5 {
            let started = Timed::start();
            let census = sohoctap::app::load_census(&reader, YEAR)?;
            let tally = Tally::compute(&census);
            runs.push(Timed::since(started));
            drop((census, tally));
        }
        let took = median_timed(&runs);
        println!(
            "census_runs={:?}",
            runs.iter().map(Timed::text).collect::<Vec<_>>()
        );
        println!("census_ms={}", took.text());
        println!("census_per={}", took.per_thousand(households));
        println!("census_us={}", took.wall.as_micros());
    }
    println!(
        "home_tally={}",
        Title::ALL
            .iter()
            .map(|t| app.tally.titles[*t as usize].recognised.to_string())
            .collect::<Vec<_>>()
            .join(",")
    );

    // 5. Save one score, apply the tally change, redraw (the scoring keystroke's work).
    let entry = catalog
        .in_force(Title::GiaDinh, YEAR)
        .ok_or("no GĐHT criteria in force")?
        .clone();
    // A household with no GĐHT evaluation this year, found in the app's own census: the
    // register's records are not read into this process (that alone once took 135 MB
    // and was counted in the app's peak memory below).
    let household = app
        .census
        .ids(UnitKind::Household)
        .find(|&id| !app.census.status(Title::GiaDinh, id).registered)
        .ok_or("every household is registered")?;
    let key_of = EvaluationKey {
        year: YEAR,
        title: Title::GiaDinh,
        unit: household,
    };
    let indicators: Vec<(String, IndicatorValue)> = entry
        .set
        .indicators()
        .map(|i| {
            let v = match i.kind {
                IndicatorKind::Points => IndicatorValue::Points(i.max),
                IndicatorKind::PassFail => IndicatorValue::Pass(true),
            };
            (i.code.clone(), v)
        })
        .collect();
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    terminal.draw(|f| screens::render(&app, f))?;
    let mut saves = Vec::new();
    let save = |app: &mut App, n: usize| -> Result<(), Failure> {
        let (code, value) = indicators
            .get(n % indicators.len())
            .cloned()
            .ok_or("no indicators")?;
        let register = app.register.as_ref().ok_or("no register")?;
        let change =
            sohoctap::app::set_score(register, key_of, &code, Some(value), &entry, &stamp())?;
        let evaluation = change.new.ok_or("no evaluation after a save")?;
        let status = status_of(&evaluation, &entry.set);
        app.apply_status(Title::GiaDinh, household, status);
        Ok(())
    };
    for n in 0..SAVES {
        let started = Instant::now();
        save(&mut app, n)?;
        terminal.draw(|f| screens::render(&app, f))?;
        saves.push(started.elapsed());
    }
    let save_time = median(saves.clone());
    println!("save_ms={}", ms(save_time));
    println!(
        "save + tally + redraw, {SAVES} saves: median {}, slowest {}",
        ms(save_time),
        ms(saves.iter().max().copied().unwrap_or_default())
    );

    // Issue 17 target 4: the app with the citizens list open (every citizen's row).
    key(&mut app, KeyCode::Char('5'));
    let citizens_open = matches!(
        app.stack.last(),
        Some(sohoctap::tui::app::Screen::List(UnitKind::Citizen))
    );
    terminal.draw(|f| screens::render(&app, f))?;
    println!(
        "list_peak_mb={}",
        if citizens_open {
            mb(peak_mb())
        } else {
            "the citizens list did not open (not measured)".into()
        }
    );
    key(&mut app, KeyCode::Esc);

    // 6. The report: gathering from the open register and rendering the text.
    let mut reports = Vec::new();
    let mut pages = 0;
    for _ in 0..5 {
        let started = Timed::start();
        let reader = app.register.as_ref().ok_or("no register")?.read()?;
        let text = report_text(&reader)?;
        reports.push(Timed::since(started));
        pages = text.matches('\u{c}').count() + 1;
    }
    let report_time = median_timed(&reports);
    println!(
        "report (gather + render, {pages} pages): {:?}",
        reports.iter().map(Timed::text).collect::<Vec<_>>()
    );
    println!("report_ms={}", report_time.text());
    println!("report_per={}", report_time.per_thousand(households));
    println!("report_pages={pages}");

    // 7. Bytes to the terminal: a real crossterm backend into a counting sink.
    let sink = CountingSink::default();
    let mut real = Terminal::new(CrosstermBackend::new(sink.clone()))?;
    real.resize(ratatui::layout::Rect::new(0, 0, 80, 24))?;
    real.draw(|f| screens::render(&app, f))?;
    let full_frame = sink.take();
    save(&mut app, SAVES)?;
    real.draw(|f| screens::render(&app, f))?;
    let after_save = sink.take();
    key(&mut app, KeyCode::Char('2'));
    real.draw(|f| screens::render(&app, f))?;
    let open_list = sink.take();
    // 5b. The same save with the households list open under it: a save updates its one
    // row of the list instead of refiltering every row (issue 17).
    let mut list_saves = Vec::new();
    for n in 0..SAVES {
        let started = Instant::now();
        save(&mut app, n)?;
        terminal.draw(|f| screens::render(&app, f))?;
        list_saves.push(started.elapsed());
    }
    println!("save_list_ms={}", ms(median(list_saves.clone())));
    println!(
        "save + tally + redraw with the households list open, {SAVES} saves: median {}, slowest {}",
        ms(median(list_saves.clone())),
        ms(list_saves.iter().max().copied().unwrap_or_default())
    );
    real.draw(|f| screens::render(&app, f))?;
    let _ = sink.take();
    key(&mut app, KeyCode::Down);
    real.draw(|f| screens::render(&app, f))?;
    let cursor_down = sink.take();
    // Not a letter or digit: in a list those start a search with themselves.
    key(&mut app, KeyCode::F(12));
    real.draw(|f| screens::render(&app, f))?;
    let no_op = sink.take();
    println!(
        "terminal bytes: first full frame {full_frame}, save on the home screen {after_save}, open households list {open_list}, ↓ in the list {cursor_down}, an unbound key {no_op}"
    );
    // A search keystroke: '/' opens the filter, one letter narrows the list.
    key(&mut app, KeyCode::Char('/'));
    real.draw(|f| screens::render(&app, f))?;
    let _ = sink.take();
    key(&mut app, KeyCode::Char('n'));
    real.draw(|f| screens::render(&app, f))?;
    let search_letter = sink.take();
    println!("terminal bytes: a letter typed in the list filter {search_letter}");
    // Scoring: Enter ends the filter, Enter opens the scoring screen of the row under the
    // cursor; then one digit, and Enter (saved at once, cursor to the next indicator).
    key(&mut app, KeyCode::Enter);
    key(&mut app, KeyCode::Enter);
    real.draw(|f| screens::render(&app, f))?;
    let open_scoring = sink.take();
    let on_scoring = matches!(
        app.stack.last(),
        Some(sohoctap::tui::app::Screen::Scoring(_))
    );
    key(&mut app, KeyCode::Char('7'));
    real.draw(|f| screens::render(&app, f))?;
    let score_digit = sink.take();
    key(&mut app, KeyCode::Enter);
    real.draw(|f| screens::render(&app, f))?;
    let score_enter = sink.take();
    if on_scoring {
        println!(
            "terminal bytes while scoring: open the screen {open_scoring}, a digit {score_digit}, Enter (save + next indicator) {score_enter}"
        );
    } else {
        println!("terminal bytes while scoring: the scoring screen did not open (not measured)");
    }
    println!("bytes={full_frame} / {after_save} / {cursor_down} / {search_letter} / {no_op} B");
    println!("peak_mb={}", mb(peak_mb()));

    // 8. Target 6: census + tally and the report again, five times each, with the
    // processor's caches emptied before each run. Last, so the sweeper's buffer is in
    // none of the memory figures above.
    {
        let mut sweeper = CacheSweeper::new();
        let reader = app.register.as_ref().ok_or("no register")?.read()?;
        let mut census_runs = Vec::new();
        let mut report_runs = Vec::new();
        for _ in 0..5 {
            sweeper.sweep();
            let started = Timed::start();
            let census = sohoctap::app::load_census(&reader, YEAR)?;
            let tally = Tally::compute(&census);
            census_runs.push(Timed::since(started));
            drop((census, tally));
            sweeper.sweep();
            let started = Timed::start();
            let text = report_text(&reader)?;
            report_runs.push(Timed::since(started));
            drop(text);
        }
        let census = median_timed(&census_runs);
        println!("census_swept_ms={}", census.text());
        println!("census_swept_per={}", census.per_thousand(households));
        let report = median_timed(&report_runs);
        println!("report_swept_ms={}", report.text());
        println!("report_swept_per={}", report.per_thousand(households));
    }
    if let Some(register) = app.register.take() {
        register.close()?;
    }

    Ok(())
}

struct SqliteFigures {
    version: String,
    import_households: Duration,
    import_all: Duration,
    /// Median of five runs.
    group_by: Duration,
    /// One run with the database file evicted from the page cache first.
    group_by_cold: Option<Duration>,
    commands: Vec<String>,
    output: String,
}

/// sqlite3 imports the exported CSV files into an on-disk database (as the register is),
/// then counts the recognised units of each title and the recognised households per thôn.
fn run_sqlite(dir: &Path, files: &[(UnitKind, PathBuf)]) -> Option<SqliteFigures> {
    let version = Command::new("sqlite3").arg("-version").output().ok()?;
    if !version.status.success() {
        return None;
    }
    let version = String::from_utf8_lossy(&version.stdout)
        .split_whitespace()
        .next()
        .unwrap_or("?")
        .to_string();
    // Scripts go in on stdin, as a person would type them at the sqlite3 prompt.
    let run = |db: &Path, script: &str| -> Option<(Duration, String)> {
        let started = Instant::now();
        let mut child = Command::new("sqlite3")
            .arg(db)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .ok()?;
        child.stdin.take()?.write_all(script.as_bytes()).ok()?;
        let out = child.wait_with_output().ok()?;
        let took = started.elapsed();
        if !out.status.success() || !out.stderr.is_empty() {
            eprintln!("sqlite3 failed: {}", String::from_utf8_lossy(&out.stderr));
            return None;
        }
        Some((took, String::from_utf8_lossy(&out.stdout).into_owned()))
    };
    let mut commands = Vec::new();
    let households = files.iter().find(|(k, _)| *k == UnitKind::Household)?;
    let one = dir.join("sqlite-households.db");
    let all = dir.join("sqlite-all.db");
    // Fresh files each run: in a kept directory, `.import` into last run's tables would
    // append to them, and every later figure would be sqlite3's on twice the rows.
    for db in [&one, &all] {
        let _ = std::fs::remove_file(db);
    }
    let script = format!(".mode csv\n.import {} households\n", households.1.display());
    commands.push(format!(
        "sqlite3 {} <<< '{}'",
        one.display(),
        script.trim_end()
    ));
    let (import_households, _) = run(&one, &script)?;

    let mut script = String::from(".mode csv\n");
    for (kind, file) in files {
        script.push_str(&format!(".import {} {}\n", file.display(), kind.code()));
    }
    commands.push(format!(
        "sqlite3 {} <<< '{}'",
        all.display(),
        script.trim_end()
    ));
    let (import_all, _) = run(&all, &script)?;

    let mut query = String::from(".mode list\n");
    for (i, (kind, _)) in files.iter().enumerate() {
        if i > 0 {
            query.push_str(" UNION ALL ");
        }
        query.push_str(&format!(
            "SELECT '{}', count(*) FROM {} WHERE \"Năm đánh giá\" = '{YEAR}' AND \"Giai đoạn\" = 'Đã công nhận'",
            Title::for_kind(*kind).short(),
            kind.code()
        ));
    }
    query.push_str(&format!(
        ";\nSELECT \"Thôn\", count(*) FROM households WHERE \"Năm đánh giá\" = '{YEAR}' AND \"Giai đoạn\" = 'Đã công nhận' GROUP BY 1 ORDER BY 2 DESC LIMIT 3;\n"
    ));
    commands.push(format!(
        "sqlite3 {} <<< '{}'",
        all.display(),
        query.trim_end()
    ));
    let group_by_cold = evict_from_page_cache(&all)
        .then(|| run(&all, &query).map(|(took, _)| took))
        .flatten();
    let mut runs = Vec::new();
    let mut output = String::new();
    for _ in 0..5 {
        let (took, out) = run(&all, &query)?;
        runs.push(took);
        output = out;
    }
    println!("sqlite3 GROUP BY, 5 runs: {runs:?}; cold: {group_by_cold:?}");
    let group_by = median(runs);
    Some(SqliteFigures {
        version,
        import_households,
        import_all,
        group_by,
        group_by_cold,
        commands,
        output,
    })
}
