//! The scoring session at commune scale (`demo::DemoSpec::commune_scale`: 50 thôn,
//! 50,000 households, 150,000 citizens, ten years of evaluations).
//!
//! `cargo bench --bench scoring`
//!
//! The register is built once into a temporary file (not timed; 10–15 s in release).
//! The figures are then taken in a fresh child process (this same binary, re-run), so
//! its peak memory is the app's own and not the build's:
//! - start to home screen ready: `Register::open` (every page verified only when the
//!   register has no clean-close marker, as on the first run), then the app's load path (`App::open`: commune, targets, census, tally,
//!   summary) and the first draw into an 80×24 `TestBackend`;
//! - one indicator saved: the Enter key as the app handles it (`Register::set_score`,
//!   one durable write transaction, then the incremental tally), median of 100;
//! - the same without the disk: `App::apply_status` (tally + summary) and the redraw,
//!   median of 100;
//! - peak resident memory (`VmHWM` from /proc/self/status, Linux only).
//!
//! Aims from the issue: first frame under 50 ms, save-and-redraw under 5 ms excluding
//! the disk sync, under 50 MB resident. Prints the figures; asserts nothing.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sohoctap::criteria::Catalog;
use sohoctap::demo::{DemoSpec, build};
use sohoctap::model::{Commune, Title, UnitKind, Year};
use sohoctap::store::Register;
use sohoctap::tally::Status;
use sohoctap::tui::action::Action;
use sohoctap::tui::app::{App, Screen};
use sohoctap::tui::scoring::ScoringState;
use sohoctap::tui::screens;
use sohoctap::tui::theme::Theme;
use std::path::Path;
use std::time::{Duration, Instant};

const YEAR: Year = 2025;
const SAVES: usize = 100;
const CHILD: &str = "SOHOCTAP_SCORING_BENCH_DB";
const KEEP: &str = "SOHOCTAP_SCORING_BENCH_FILE";

fn main() -> Result<(), Box<dyn std::error::Error>> {
    if let Ok(path) = std::env::var(CHILD) {
        return measure(Path::new(&path));
    }
    // SOHOCTAP_SCORING_BENCH_FILE=path keeps the built register there (and reuses it
    // when it exists), to measure again without building.
    let dir = tempfile::tempdir()?;
    let kept = std::env::var_os(KEEP).map(std::path::PathBuf::from);
    let path = kept.clone().unwrap_or_else(|| dir.path().join("xa.redb"));
    if !path.exists() {
        let started = Instant::now();
        let register = Register::create(
            &path,
            &Commune {
                name: "Xã Quy Mô Lớn".into(),
                province: "Thanh Hóa".into(),
            },
        )?;
        let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
        let summary = build(&register, &DemoSpec::commune_scale(YEAR), &catalog)?;
        register.close()?;
        println!(
            "built {} households, {} citizens, {} evaluations in {:.1} s",
            summary.households,
            summary.citizens,
            summary.evaluations,
            started.elapsed().as_secs_f64(),
        );
    }
    println!(
        "register file: {} MB",
        std::fs::metadata(&path)?.len() / 1_000_000
    );
    let out = std::process::Command::new(std::env::current_exe()?)
        .env(CHILD, &path)
        .output()?;
    print!("{}", String::from_utf8_lossy(&out.stdout));
    eprint!("{}", String::from_utf8_lossy(&out.stderr));
    if !out.status.success() {
        return Err("the measuring process failed".into());
    }
    Ok(())
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort_unstable();
    v.get(v.len() / 2).copied().unwrap_or_default()
}

fn draw(terminal: &mut Terminal<TestBackend>, app: &App) -> Result<(), Box<dyn std::error::Error>> {
    terminal.draw(|f| screens::render(app, f))?;
    Ok(())
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

/// Peak resident set size in MB, from the kernel's own record.
fn peak_mb() -> Option<f64> {
    status_mb("VmHWM:")
}

/// A memory figure of /proc/self/status in MB (Linux only).
fn status_mb(field: &str) -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(field))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn measure(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let start = Instant::now();
    let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
    // What `tui::run` shows before opening: the first frame.
    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    terminal.draw(|f| sohoctap::tui::opening::render(f, Theme::new(true, false), path))?;
    let first_frame = start.elapsed();
    println!(
        "start to first frame (\"Đang mở sổ…\", before the open): {:.2} ms",
        ms(first_frame)
    );
    let register = Register::open(path)?;
    let opened = start.elapsed();
    let after_open = (status_mb("VmRSS:"), status_mb("VmHWM:"));
    let mut app = App::open(register, catalog, YEAR, Theme::new(true, false))?;
    let loaded = start.elapsed();
    let after_load = (status_mb("VmRSS:"), status_mb("VmHWM:"));
    draw(&mut terminal, &app)?;
    let first = start.elapsed();
    println!(
        "start to home screen ready: {:.1} ms (Register::open {:.1} ms, App::open census+tally+summary {:.1} ms, home draw {:.1} ms)",
        ms(first),
        ms(opened - first_frame),
        ms(loaded - opened),
        ms(first - loaded)
    );
    println!(
        "  without the open's share: load + first draw {:.1} ms",
        ms(first - opened)
    );

    // The key that opens the citizens list, to its first page drawn (issue 17, target 5):
    // the first opening, then four more with the kept list dropped (an opening builds it).
    let mut openings = Vec::new();
    for _ in 0..5 {
        app.lists.remove(&UnitKind::Citizen);
        let t = Instant::now();
        app.update(Action::OpenList(UnitKind::Citizen));
        draw(&mut terminal, &app)?;
        openings.push(t.elapsed());
        key(&mut app, KeyCode::Esc);
    }
    let mut loads = Vec::new();
    for _ in 0..3 {
        let reader = app.register.as_ref().ok_or("register")?.read()?;
        let t = Instant::now();
        let rows = sohoctap::tui::rows::load_rows(&reader, UnitKind::Citizen)?;
        loads.push(t.elapsed());
        drop(rows);
    }
    println!(
        "key to the citizens list's first page: median {:.0} ms of {:?} (load_rows alone: median {:.0} ms)",
        ms(median(openings.clone())),
        openings.iter().map(|d| ms(*d).round()).collect::<Vec<_>>(),
        ms(median(loads))
    );
    app.lists.remove(&UnitKind::Citizen);
    draw(&mut terminal, &app)?;

    // A household not yet registered this year: its first save registers it too.
    let household = app
        .census
        .ids(UnitKind::Household)
        .find(|&id| !app.census.status(Title::GiaDinh, id).registered)
        .ok_or("no unregistered household")?;
    let reader = app.register.as_ref().ok_or("register")?.read()?;
    let state = ScoringState::load(&reader, &app.catalog, UnitKind::Household, household, YEAR)
        .map_err(|e| format!("{e:?}"))?;
    drop(reader);
    let indicators = state.count();
    app.stack.push(Screen::Scoring(Box::new(state)));
    draw(&mut terminal, &app)?;

    let mut saves = Vec::with_capacity(SAVES);
    let mut redraws = Vec::with_capacity(SAVES);
    for i in 0..SAVES {
        let cursor = match app.screen() {
            Some(Screen::Scoring(s)) => s.cursor,
            _ => return Err("left the scoring screen".into()),
        };
        if cursor + 1 == indicators {
            for _ in 0..indicators {
                key(&mut app, KeyCode::Up);
            }
        }
        // Values 1..=5 are within every indicator's maximum.
        let digit = char::from(b'1' + (i % 5) as u8);
        key(&mut app, KeyCode::Char(digit));
        let t = Instant::now();
        key(&mut app, KeyCode::Enter);
        saves.push(t.elapsed());
        let t = Instant::now();
        draw(&mut terminal, &app)?;
        redraws.push(t.elapsed());
        if let Some(Screen::Scoring(s)) = app.screen()
            && let Some(error) = &s.error
        {
            return Err(format!("save refused: {error}").into());
        }
    }
    // The same status change without the disk: counters and summary, then the redraw.
    let mut memory_only = Vec::with_capacity(SAVES);
    let mut flip = Status {
        registered: true,
        scored: true,
        passed: true,
        recognised: true,
        skills: None,
    };
    for _ in 0..SAVES {
        let t = Instant::now();
        app.apply_status(Title::GiaDinh, household, flip);
        draw(&mut terminal, &app)?;
        memory_only.push(t.elapsed());
        flip.recognised = !flip.recognised;
        flip.passed = flip.recognised;
    }
    let mut status_only = Vec::with_capacity(SAVES);
    for _ in 0..SAVES {
        let t = Instant::now();
        app.apply_status(Title::GiaDinh, household, flip);
        status_only.push(t.elapsed());
        flip.recognised = !flip.recognised;
        flip.passed = flip.recognised;
    }
    println!(
        "save one indicator (Enter: set_score with disk sync + tally), median of {SAVES}: {:.2} ms",
        ms(median(saves))
    );
    println!(
        "redraw of the scoring screen, median of {SAVES}: {:.2} ms",
        ms(median(redraws))
    );
    println!(
        "save-and-redraw excluding the disk (apply_status + summary + redraw), median of {SAVES}: {:.3} ms (apply_status + summary alone {:.3} ms)",
        ms(median(memory_only)),
        ms(median(status_only))
    );
    let after_saves = (status_mb("VmRSS:"), status_mb("VmHWM:"));
    // Bulk recognition from the app (home, F8, number, Enter on the last field).
    while !matches!(app.screen(), Some(Screen::Home)) {
        key(&mut app, KeyCode::Esc);
    }
    let before = app.tally.titles[Title::GiaDinh as usize].recognised;
    key(&mut app, KeyCode::F(8));
    for c in "99/QĐ-UBND".chars() {
        key(&mut app, KeyCode::Char(c));
    }
    key(&mut app, KeyCode::Enter);
    let t = Instant::now();
    key(&mut app, KeyCode::Enter);
    let bulk = t.elapsed();
    draw(&mut terminal, &app)?;
    let after = app.tally.titles[Title::GiaDinh as usize].recognised;
    println!(
        "bulk recognition in the app (GĐHT {YEAR}): {} households in {:.0} ms (one transaction, counters moved per unit, summary once)",
        after - before,
        ms(bulk)
    );
    let show = |(rss, hwm): (Option<f64>, Option<f64>)| {
        format!(
            "resident {:.1} MB, peak {:.1} MB",
            rss.unwrap_or(0.0),
            hwm.unwrap_or(0.0)
        )
    };
    println!("memory after Register::open: {}", show(after_open));
    println!("memory after App::open: {}", show(after_load));
    println!(
        "memory after the {SAVES} saves and redraws: {}",
        show(after_saves)
    );
    println!(
        "memory at the end (after bulk recognition): {}",
        show((status_mb("VmRSS:"), status_mb("VmHWM:")))
    );
    match peak_mb() {
        Some(mb) => println!("peak resident memory (VmHWM): {mb:.1} MB"),
        None => println!("peak resident memory: not available on this system"),
    }
    if let Some(register) = app.register.take() {
        register.close()?;
    }
    Ok(())
}
