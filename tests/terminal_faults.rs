//! Terminal faults without a terminal: the app driven by random key sequences and drawn
//! at random sizes, down to 1×1 and 0×0, through ratatui's `TestBackend` (the same
//! rendering code the real terminal gets). Nothing may panic. The real-terminal faults
//! (hang-up, SIGTERM, a panic) are in tests/pty.rs.
//!
//! `SOHOCTAP_RESIZE_CASES=N` sets the number of sequences (default 600).

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use sohoctap::criteria::Catalog;
use sohoctap::demo::{self, DemoSpec};
use sohoctap::model::Commune;
use sohoctap::store::Register;
use sohoctap::tui::app::App;
use sohoctap::tui::screens;
use sohoctap::tui::theme::Theme;

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// Keys an officer (or a cat) might press: every binding family, text, and keys bound
/// to nothing.
fn random_key(rng: &mut Rng) -> KeyEvent {
    let plain = |code| KeyEvent::new(code, KeyModifiers::NONE);
    match rng.below(12) {
        0 => plain(KeyCode::Char(char::from(b'0' + rng.below(10) as u8))),
        1 => plain(KeyCode::Char(
            ['a', 'đ', 'ư', 'ơ', 'n', ' ', '/', '[', ']', 'ê', 'Ạ', '7'][rng.below(12) as usize],
        )),
        2 => plain(KeyCode::F(1 + rng.below(12) as u8)),
        3 => plain(
            [
                KeyCode::Up,
                KeyCode::Down,
                KeyCode::Left,
                KeyCode::Right,
                KeyCode::PageUp,
                KeyCode::PageDown,
                KeyCode::Home,
                KeyCode::End,
            ][rng.below(8) as usize],
        ),
        4 => plain(KeyCode::Enter),
        5 => plain(KeyCode::Esc),
        6 => plain(KeyCode::Tab),
        7 => KeyEvent::new(KeyCode::BackTab, KeyModifiers::SHIFT),
        8 => plain(KeyCode::Backspace),
        9 => plain(KeyCode::Delete),
        10 => KeyEvent::new(
            KeyCode::Char(char::from(b'a' + rng.below(26) as u8)),
            KeyModifiers::CONTROL,
        ),
        _ => plain(KeyCode::Down),
    }
}

/// A size: mostly small and odd, sometimes 1×1 or 0×0, sometimes the normal 80×24.
fn random_size(rng: &mut Rng) -> (u16, u16) {
    match rng.below(8) {
        0 => (1, 1),
        1 => (0, 0),
        2 => (rng.below(3) as u16, rng.below(3) as u16),
        3 => (80, 24),
        4 => (rng.below(200) as u16, rng.below(70) as u16),
        _ => (rng.below(90) as u16, rng.below(30) as u16),
    }
}

#[test]
fn random_keys_and_resizes_down_to_nothing_never_panic() {
    let cases: u64 = std::env::var("SOHOCTAP_RESIZE_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(600);
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let register = Register::create(
        &path,
        &Commune {
            name: "Xã Thử Màn Hình".into(),
            province: "Ninh Bình".into(),
        },
    )
    .expect("create");
    let catalog = Catalog::shipped().expect("catalog");
    let spec = DemoSpec {
        communities: 4,
        households: 60,
        clans: 4,
        organisations: 5,
        citizens: 60,
        years: 2,
        last_year: 2025,
        seed: 11,
    };
    demo::build(&register, &spec, &catalog).expect("demo");
    let mut app = App::open(register, catalog, 2025, Theme::new(true, false)).expect("app");
    // Random keys reach the report's print key: never the real printer.
    app.printer = |_, _| {
        Err(sohoctap::print::PrintError::NoPrinter {
            program: "lp",
            advice: "thử nghiệm",
        })
    };
    // Nor the officer's documents folder for its save key.
    let documents = tempfile::tempdir().expect("tempdir");
    app.documents = Some(documents.path().to_path_buf());
    let mut terminal = Terminal::new(TestBackend::new(80, 24)).expect("terminal");
    let mut rng = Rng(0x7E57);
    let (mut frames, mut keys, mut tiny) = (0u64, 0u64, 0u64);
    let mut visited = std::collections::BTreeSet::new();
    for case in 0..cases {
        for _ in 0..1 + rng.below(8) {
            let (width, height) = random_size(&mut rng);
            app.handle_event(Event::Resize(width, height));
            terminal.backend_mut().resize(width, height);
            for _ in 0..rng.below(6) {
                app.handle_event(Event::Key(random_key(&mut rng)));
                keys += 1;
                // F10 quits; the loop would end there, so start again from the top.
                app.quit = false;
            }
            terminal
                .draw(|f| screens::render(&app, f))
                .unwrap_or_else(|e| panic!("case {case}: draw at {width}×{height}: {e}"));
            frames += 1;
            visited.insert(format!("{:?}", app.context()));
            if width <= 1 || height <= 1 {
                tiny += 1;
            }
        }
    }
    if let Some(register) = app.register.take() {
        register.close().expect("close");
    }
    println!(
        "terminal sizes: {cases} sequences, {keys} random keys, {frames} frames drawn ({tiny} at 1 column or 1 row or less); screens reached: {visited:?}"
    );
    assert!(
        visited.len() >= 4,
        "the keys must reach several screens: {visited:?}"
    );
    assert!(tiny > cases / 4, "the sizes must reach 1×1 and below");
}
