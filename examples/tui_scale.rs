//! Measures the terminal app at commune scale: 50,000 households and 150,000 citizens.
//! Run: `cargo run --release --example tui_scale` (prints the figures; asserts nothing).

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sohoctap::criteria::Catalog;
use sohoctap::model::{
    Affiliation, Citizen, Commune, Community, CommunityKind, Gender, Household, Unit, UnitMeta,
};
use sohoctap::store::Register;
use sohoctap::tui::app::App;
use sohoctap::tui::screens;
use sohoctap::tui::theme::Theme;
use std::time::Instant;

const FAMILY: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Minh", "Thu", "Hữu"];
const GIVEN: [&str; 16] = [
    "An", "Bình", "Cường", "Dung", "Đạt", "Giang", "Hoa", "Hùng", "Lan", "Minh", "Ngọc", "Oanh",
    "Phúc", "Quang", "Sơn", "Thảo",
];

fn name(i: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[i % 10],
        MIDDLE[(i / 10) % 6],
        GIVEN[(i / 60) % 16]
    )
}

fn key(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("lon.redb");
    let t = Instant::now();
    let register = Register::create(
        &path,
        &Commune {
            name: "Xã Lớn".into(),
            province: "Ninh Bình".into(),
        },
    )?;
    register.write(|w| {
        let meta = |code: String| UnitMeta {
            code,
            entered: 2020,
            left: None,
        };
        let mut communities = Vec::new();
        for c in 0..40 {
            communities.push(w.insert_unit(&Unit::Community(Community {
                meta: meta(format!("TH{:03}", c + 1)),
                name: format!("Thôn {}", c + 1),
                kind: CommunityKind::Thon,
            }))?);
        }
        let mut households = Vec::new();
        for i in 0..50_000 {
            households.push(w.insert_unit(&Unit::Household(Household {
                meta: meta(format!("HO{:05}", i + 1)),
                head_name: name(i),
                community: communities[i % 40],
                clan: None,
                members: 4,
                adults: 3,
                address: String::new(),
            }))?);
        }
        for i in 0..150_000 {
            w.insert_unit(&Unit::Citizen(Citizen {
                meta: meta(format!("CD{:06}", i + 1)),
                full_name: name(i * 7 + 3),
                birth_year: Some(1950 + (i % 60) as u16),
                gender: if i % 2 == 0 { Gender::Nam } else { Gender::Nu },
                affiliation: Affiliation::Household(households[i / 3]),
                target_group: None,
            }))?;
        }
        Ok(())
    })?;
    println!("build register (200,040 units): {:?}", t.elapsed());

    {
        use sohoctap::model::UnitKind;
        use sohoctap::tui::rows;
        let reader = register.read()?;
        let t = Instant::now();
        let decoded = reader.units(UnitKind::Citizen)?.len();
        println!("  (read + decode {decoded} citizens: {:?})", t.elapsed());
        let t = Instant::now();
        let built = rows::load_rows(&reader, UnitKind::Citizen)?;
        println!(
            "  (rows with folded keys, sorted: {} in {:?})",
            built.len(),
            t.elapsed()
        );
    }
    let t = Instant::now();
    let mut app = App::open(
        register,
        Catalog::shipped().map_err(|_| "catalog")?,
        2025,
        Theme::new(true, false),
    )?;
    println!("open + census + tally + summary: {:?}", t.elapsed());

    let mut terminal = Terminal::new(TestBackend::new(80, 24))?;
    let t = Instant::now();
    terminal.draw(|f| screens::render(&app, f))?;
    println!("first frame (home): {:?}", t.elapsed());

    for (digit, label) in [('2', "households"), ('5', "citizens")] {
        let t = Instant::now();
        key(&mut app, KeyCode::Char(digit));
        terminal.draw(|f| screens::render(&app, f))?;
        println!(
            "open {label} list (rows, fold, sort) + draw: {:?}",
            t.elapsed()
        );
        key(&mut app, KeyCode::Char('/'));
        let mut worst = std::time::Duration::ZERO;
        for c in "nguyen van dat".chars() {
            let t = Instant::now();
            key(&mut app, KeyCode::Char(c));
            terminal.draw(|f| screens::render(&app, f))?;
            worst = worst.max(t.elapsed());
        }
        let t = Instant::now();
        key(&mut app, KeyCode::Backspace);
        terminal.draw(|f| screens::render(&app, f))?;
        println!(
            "  search keystroke + draw: worst {worst:?}; a Backspace (full rescan) {:?}",
            t.elapsed()
        );
        let t = Instant::now();
        for _ in 0..20 {
            key(&mut app, KeyCode::PageDown);
        }
        terminal.draw(|f| screens::render(&app, f))?;
        println!("  20 × PgDn + draw: {:?}", t.elapsed());
        key(&mut app, KeyCode::Esc);
        key(&mut app, KeyCode::Esc);
    }
    if let Some(r) = app.register.take() {
        r.close()?;
    }
    Ok(())
}
