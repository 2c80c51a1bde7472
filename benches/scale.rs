//! The whole program at the size of the largest merged communes: 50,000 households,
//! 150,000 citizens, 300 organisations and ten years of evaluations
//! (`demo::DemoSpec::commune_scale`), beside sqlite3 doing the equivalent import and
//! GROUP BY on the same exported files in the same run.
//!
//! Run: `cargo bench --bench scale` (prints a markdown table for docs/performance.md;
//! asserts nothing, as timings belong in benchmarks, not tests). With
//! `SOHOCTAP_SCALE_HOUSEHOLDS=200000` it runs at that many households, every other count
//! in proportion (issue 17: every figure should grow at most linearly).
//!
//! Peak memory is read from `VmHWM` in /proc/self/status (Linux). The app phase (open,
//! first frame, saves, report, terminal bytes) runs in a child process of this same
//! binary, so its peak is the app's own and not the generator's.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::NaiveDate;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::{CrosstermBackend, TestBackend};
use sohoctap::app::load_report_data;
use sohoctap::criteria::{Catalog, IndicatorKind, status_of};
use sohoctap::demo::{self, DemoSpec};
use sohoctap::exchange::{FileOptions, ImportOptions, export_csv, plan_and_apply};
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

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
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
    sqlite: String,
}

/// Set (to the register's path) in the child process that measures the app phase.
const APP_PHASE: &str = "SOHOCTAP_SCALE_APP_PHASE";

fn main() -> Result<(), Failure> {
    if let Some(path) = std::env::var_os(APP_PHASE) {
        return app_phase(Path::new(&path));
    }
    let dir = std::env::temp_dir().join(format!("sohoctap-scale-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir)?;
    let result = run(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    result
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
    let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
    let spec = scaled_spec();
    let path = dir.join("xa.redb");
    let mut rows = Vec::new();

    // 1. The commune, generated (not part of any figure below, but worth knowing).
    let started = Instant::now();
    let register = Register::create(
        &path,
        &Commune {
            name: "Xã Quy Mô Lớn".into(),
            province: "Ninh Bình".into(),
        },
    )?;
    let summary = demo::build(&register, &spec, &catalog)?;
    register.close()?;
    let generated = started.elapsed();
    let file_mb = std::fs::metadata(&path)?.len() as f64 / 1e6;
    println!(
        "generated: {} thôn, {} hộ, {} dòng họ, {} cơ quan, {} công dân, {} đánh giá ({}–{}) in {:.1} s; register {file_mb:.0} MB; peak memory while generating {:.0} MB",
        summary.communities,
        summary.households,
        summary.clans,
        summary.organisations,
        summary.citizens,
        summary.evaluations,
        summary.first_year,
        summary.last_year,
        generated.as_secs_f64(),
        peak_mb().unwrap_or(f64::NAN)
    );

    // 2. Every list with the year's evaluation, as CSV for Excel (and for sqlite3).
    let mut csv_files: Vec<(UnitKind, PathBuf)> = Vec::new();
    {
        let register = Register::open(&path)?;
        let reader = register.read()?;
        for kind in UnitKind::ALL {
            let started = Instant::now();
            let bytes = export_csv(&reader, kind, Some(YEAR))?;
            let file = dir.join(format!("{}.csv", kind.code()));
            std::fs::write(&file, &bytes)?;
            println!(
                "export {} {YEAR}: {:.1} MB in {}",
                kind.code(),
                bytes.len() as f64 / 1e6,
                ms(started.elapsed())
            );
            csv_files.push((kind, file));
        }
        drop(reader);
        register.close()?;
    }
    let households_csv = dir.join("households.csv");

    // 3. Import of the 50,000-row households file into a fresh register.
    let fresh = dir.join("nhap.redb");
    let register = Register::create(
        &fresh,
        &Commune {
            name: "Xã Nhập Thử".into(),
            province: "Ninh Bình".into(),
        },
    )?;
    let started = Instant::now();
    let bytes = std::fs::read(&households_csv)?;
    // As `sohoctap import` does it: each row written while the next ones are checked.
    let (planned, applied) = plan_and_apply(
        &register,
        UnitKind::Household,
        &bytes,
        &FileOptions::default(),
        ImportOptions { default_year: YEAR },
    )?;
    let Some(applied) = applied.filter(|_| planned.is_clean()) else {
        return Err(format!(
            "households.csv does not import: {:?}",
            planned.problems.first()
        )
        .into());
    };
    let import_time = started.elapsed();
    register.close()?;
    println!(
        "import households.csv: {} households, {} thôn, {} dòng họ in {}",
        applied.inserted,
        applied.communities_created,
        applied.clans_created,
        ms(import_time)
    );

    // 3b. All five lists, in link order, into another fresh register (the equivalent of
    // sqlite3 importing the five files below).
    let every = dir.join("nhap-tat-ca.redb");
    let register = Register::create(
        &every,
        &Commune {
            name: "Xã Nhập Thử".into(),
            province: "Ninh Bình".into(),
        },
    )?;
    let order = [
        UnitKind::Community,
        UnitKind::Clan,
        UnitKind::Household,
        UnitKind::Organisation,
        UnitKind::Citizen,
    ];
    let started = Instant::now();
    let mut all_rows = 0;
    for kind in order {
        let file = dir.join(format!("{}.csv", kind.code()));
        let bytes = std::fs::read(&file)?;
        let (planned, applied) = plan_and_apply(
            &register,
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
    let import_all_time = started.elapsed();
    register.close()?;
    println!(
        "import all five lists ({all_rows} rows): {}",
        ms(import_all_time)
    );

    // 4–7. The app phase runs in a child process, so its peak memory is its own and not
    // the generator's (freed heap is not always given back to the system).
    let child = Command::new(std::env::current_exe()?)
        .env(APP_PHASE, &path)
        .output()?;
    let child_out = String::from_utf8_lossy(&child.stdout).into_owned();
    print!("{child_out}");
    if !child.status.success() {
        return Err(format!(
            "app phase failed: {}",
            String::from_utf8_lossy(&child.stderr)
        )
        .into());
    }
    let figure = |name: &str| -> String {
        child_out
            .lines()
            .find_map(|l| l.strip_prefix(&format!("{name}=")))
            .unwrap_or("?")
            .to_string()
    };

    // 8. sqlite3 on the same exported files, in this same run.
    let sqlite = run_sqlite(dir, &csv_files);
    let tally = {
        let register = Register::open(&path)?;
        let reader = register.read()?;
        let started = Instant::now();
        let census = sohoctap::app::load_census(&reader, YEAR)?;
        let tally = Tally::compute(&census);
        let took = started.elapsed();
        drop(reader);
        register.close()?;
        println!("sohoctap census + tally {YEAR}: {}", ms(took));
        for title in Title::ALL {
            println!(
                "  {}: {} recognised",
                title.short(),
                tally.titles[title as usize].recognised
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
        took
    };

    rows.push(Row {
        what: format!(
            "import households.csv ({} rows): read, parse, check, one transaction",
            spec.households
        ),
        ours: ms(import_time),
        sqlite: sqlite
            .as_ref()
            .map(|s| ms(s.import_households))
            .unwrap_or_else(|| "—".into()),
    });
    rows.push(Row {
        what: format!(
            "import all five lists ({all_rows} rows), each checked and in one transaction"
        ),
        ours: ms(import_all_time),
        sqlite: sqlite
            .as_ref()
            .map(|s| ms(s.import_all))
            .unwrap_or_else(|| "—".into()),
    });
    rows.push(Row {
        what: format!("recognised per title and per thôn, {YEAR} (Census + Tally / GROUP BY)"),
        ours: ms(tally),
        sqlite: sqlite
            .as_ref()
            .map(|s| ms(s.group_by))
            .unwrap_or_else(|| "—".into()),
    });
    rows.push(Row {
        what: "open (after a clean close: no page check) + census + tally + summary + first frame 80×24".into(),
        ours: figure("open_ms"),
        sqlite: "".into(),
    });
    rows.push(Row {
        what: format!("save one score + tally apply + redraw (median of {SAVES})"),
        ours: figure("save_ms"),
        sqlite: "".into(),
    });
    rows.push(Row {
        what: format!(
            "report: load_report_data + render ({} pages, median of 5)",
            figure("report_pages")
        ),
        ours: figure("report_ms"),
        sqlite: "".into(),
    });
    rows.push(Row {
        what: "peak memory (VmHWM) of the app process: open, first frame, 22 saves, 5 reports"
            .into(),
        ours: figure("peak_mb"),
        sqlite: "".into(),
    });
    rows.push(Row {
        what: "bytes to the terminal: first frame / a save redrawn on the home screen / ↓ in a list / a letter in the list filter / a redraw with nothing changed"
            .into(),
        ours: figure("bytes"),
        sqlite: "".into(),
    });
    rows.push(Row {
        what: "register file size".into(),
        ours: format!("{file_mb:.0} MB"),
        sqlite: "".into(),
    });

    println!();
    println!("| what | sohoctap | sqlite3 |");
    println!("|---|---|---|");
    for row in &rows {
        println!("| {} | {} | {} |", row.what, row.ours, row.sqlite);
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

/// Opens the generated register as the app does, and measures the app's work on it.
/// Prints `name=value` lines for the parent, and a readable line per measurement.
fn app_phase(path: &Path) -> Result<(), Failure> {
    let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
    // 4. Open to first frame, three times (the page cache is warm after the first).
    let mut opens = Vec::new();
    let mut app = None;
    for _ in 0..3 {
        drop(app.take());
        let started = Instant::now();
        let register = Register::open(path)?;
        let mut opened = App::open(register, catalog.clone(), YEAR, Theme::new(true, false))?;
        opened.page_rows = sohoctap::tui::app::page_rows_for(24);
        let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
        terminal.draw(|f| screens::render(&opened, f))?;
        opens.push(started.elapsed());
        app = Some(opened);
    }
    let mut app = app.ok_or("no app")?;
    let open_time = median(opens.clone());
    println!("open to first frame: {opens:?}");
    println!("open_ms={}", ms(open_time));

    // 5. Save one score, apply the tally change, redraw (the scoring keystroke's work).
    let entry = catalog
        .in_force(Title::GiaDinh, YEAR)
        .ok_or("no GĐHT criteria in force")?
        .clone();
    let household = {
        let reader = app.register.as_ref().ok_or("no register")?.read()?;
        let registered: std::collections::HashSet<u32> = reader
            .evaluations_in_year(YEAR)?
            .into_iter()
            .filter(|(k, _)| k.title == Title::GiaDinh)
            .map(|(k, _)| k.unit)
            .collect();
        reader
            .units(UnitKind::Household)?
            .into_iter()
            .map(|(id, _)| id)
            .find(|id| !registered.contains(id))
            .ok_or("every household is registered")?
    };
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

    // 6. The report: gathering from the open register and rendering the text.
    let mut reports = Vec::new();
    let mut pages = 0;
    for _ in 0..5 {
        let started = Instant::now();
        let reader = app.register.as_ref().ok_or("no register")?.read()?;
        let data = load_report_data(&reader, YEAR, false)?;
        let text = render(
            &data,
            &TextOptions {
                today: NaiveDate::from_ymd_opt(2025, 12, 31).unwrap_or_default(),
                ascii: false,
                list: false,
            },
        );
        reports.push(started.elapsed());
        pages = text.matches('\u{c}').count() + 1;
    }
    let report_time = median(reports.clone());
    println!("report (gather + render, {pages} pages): {reports:?}");
    println!("report_ms={}", ms(report_time));
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
    key(&mut app, KeyCode::Char('8'));
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
    println!(
        "peak_mb={}",
        peak_mb()
            .map(|m| format!("{m:.0} MB"))
            .unwrap_or_else(|| "n/a (no /proc)".into())
    );
    if let Some(register) = app.register.take() {
        register.close()?;
    }

    Ok(())
}

struct SqliteFigures {
    version: String,
    import_households: Duration,
    import_all: Duration,
    group_by: Duration,
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
    let script = format!(".mode csv\n.import {} households\n", households.1.display());
    commands.push(format!(
        "sqlite3 {} <<< '{}'",
        one.display(),
        script.trim_end()
    ));
    let (import_households, _) = run(&one, &script)?;

    let all = dir.join("sqlite-all.db");
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
    let (group_by, output) = run(&all, &query)?;
    Some(SqliteFigures {
        version,
        import_households,
        import_all,
        group_by,
        commands,
        output,
    })
}
