//! A small commune written with `Register::write`, and helpers to drive the app.

use crate::criteria::Catalog;
use crate::model::{
    Affiliation, Citizen, Clan, Commune, Community, CommunityKind, EvaluationKey, Gender,
    Household, IndicatorValue, Measure, OrgKind, Organisation, ResolutionRef, Stage, Stamp, Target,
    Title, Unit, UnitMeta,
};
use crate::store::Register;
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::screens;
use crate::tui::theme::Theme;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use std::path::Path;

pub const YEAR: u16 = 2025;

fn meta(code: &str) -> UnitMeta {
    UnitMeta {
        code: code.into(),
        entered: 2020,
        left: None,
    }
}

pub const HEADS: [&str; 8] = [
    "Nguyễn Văn An",
    "Trần Thị Bích",
    "Lê Văn Đạt",
    "Phạm Thị Dung",
    "Hoàng Văn Em",
    "Đặng Thị Hoa",
    "Vũ Văn Giang",
    "Bùi Thị Ánh",
];

pub fn stamp() -> Stamp {
    Stamp {
        user: "canbo".into(),
        at: chrono::NaiveDate::from_ymd_opt(2025, 3, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("date"),
    }
}

/// Three communities, two clans, two organisations, eight households, four citizens;
/// households 0–2 fully scored for GĐHT in 2025, household 0 recognised, household 3
/// registered only; a 70% target for GĐHT.
pub fn build(path: &Path) -> Register {
    let register = Register::create(
        path,
        &Commune {
            name: "Xã Yên Mô".into(),
            province: "Ninh Bình".into(),
        },
    )
    .expect("create");
    let households = register
        .write(|w| {
            let mut communities = Vec::new();
            for (code, name) in [
                ("TH001", "Đông Hải"),
                ("TH002", "Tây Sơn"),
                ("TH003", "Bắc Hà"),
            ] {
                communities.push(w.insert_unit(&Unit::Community(Community {
                    meta: meta(code),
                    name: name.into(),
                    kind: CommunityKind::Thon,
                }))?);
            }
            let clan = w.insert_unit(&Unit::Clan(Clan {
                meta: meta("DH001"),
                name: "Họ Nguyễn".into(),
                branch: Some("Chi 2".into()),
                head: "Nguyễn Văn Cường".into(),
                note: String::new(),
            }))?;
            w.insert_unit(&Unit::Clan(Clan {
                meta: meta("DH002"),
                name: "Họ Trần".into(),
                branch: None,
                head: "Trần Văn Bảo".into(),
                note: String::new(),
            }))?;
            w.insert_unit(&Unit::Organisation(Organisation {
                meta: meta("DV001"),
                name: "Trường Tiểu học Yên Mô".into(),
                kind: OrgKind::TruongHoc,
                staff: 35,
            }))?;
            w.insert_unit(&Unit::Organisation(Organisation {
                meta: meta("DV002"),
                name: "Hợp tác xã Nông nghiệp".into(),
                kind: OrgKind::HopTacXa,
                staff: 12,
            }))?;
            let mut households = Vec::new();
            for (i, head) in HEADS.iter().enumerate() {
                let community = communities[i % 3];
                households.push(w.insert_unit(&Unit::Household(Household {
                    meta: meta(&format!("HO{:05}", i + 1)),
                    head_name: (*head).into(),
                    community,
                    clan: if i % 2 == 0 { Some(clan) } else { None },
                    members: 4,
                    adults: 2,
                    address: format!("Xóm {}", i + 1),
                }))?);
            }
            for (i, name) in [
                "Nguyễn Thị Lan",
                "Trần Văn Minh",
                "Lê Thị Ngọc",
                "Phạm Văn Oanh",
            ]
            .iter()
            .enumerate()
            {
                w.insert_unit(&Unit::Citizen(Citizen {
                    meta: meta(&format!("CD{:05}", i + 1)),
                    full_name: (*name).into(),
                    birth_year: Some(1980 + i as u16),
                    gender: if i % 2 == 0 { Gender::Nu } else { Gender::Nam },
                    affiliation: Affiliation::Household(households[i]),
                    target_group: None,
                }))?;
            }
            w.put_target(&Target {
                measure: Measure::GiaDinh,
                basis: crate::model::Basis::Total,
                milestone: 2025,
                percent_tenths: 700,
                resolution: ResolutionRef {
                    number: "05-NQ/ĐU".into(),
                    date: None,
                    body: "Đảng ủy xã".into(),
                },
            })?;
            Ok(households)
        })
        .expect("units");
    let catalog = Catalog::shipped().expect("catalog");
    let entry = catalog
        .in_force(Title::GiaDinh, YEAR)
        .expect("GĐHT set")
        .clone();
    for &unit in &households[0..3] {
        let key = EvaluationKey {
            year: YEAR,
            title: Title::GiaDinh,
            unit,
        };
        for indicator in entry.set.indicators() {
            let value = match indicator.kind {
                crate::criteria::IndicatorKind::Points => IndicatorValue::Points(indicator.max),
                crate::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(true),
            };
            crate::app::set_score(
                &register,
                key,
                &indicator.code,
                Some(value),
                &entry,
                &stamp(),
            )
            .expect("score");
        }
    }
    let key = EvaluationKey {
        year: YEAR,
        title: Title::GiaDinh,
        unit: households[3],
    };
    let first = entry
        .set
        .indicators()
        .next()
        .expect("indicator")
        .code
        .clone();
    crate::app::set_score(
        &register,
        key,
        &first,
        Some(IndicatorValue::Points(1)),
        &entry,
        &stamp(),
    )
    .expect("score");
    let key0 = EvaluationKey {
        year: YEAR,
        title: Title::GiaDinh,
        unit: households[0],
    };
    let mut recognised = register
        .read()
        .expect("read")
        .evaluation(key0)
        .expect("eval")
        .expect("some");
    recognised.stage = Stage::Recognised;
    recognised.decision = Some(crate::model::Decision {
        number: "12/QĐ-UBND".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 12, 20).expect("date"),
    });
    register
        .put_evaluation(key0, Some(&recognised), &stamp())
        .expect("recognise");
    register
}

pub struct Harness {
    pub app: App,
    pub _dir: tempfile::TempDir,
}

/// A scratch folder whose path is as long on Windows (`C:\t\.tmpXXXXXX`) as on Linux
/// (`/tmp/.tmpXXXXXX`), so screens that show a path lay out alike on both and one set
/// of snapshots serves the Linux run and the Windows run under wine.
pub fn scratch_dir() -> tempfile::TempDir {
    #[cfg(windows)]
    {
        let root = std::path::Path::new("C:\\t");
        std::fs::create_dir_all(root).expect("C:\\t");
        tempfile::tempdir_in(root).expect("tempdir")
    }
    #[cfg(not(windows))]
    tempfile::tempdir().expect("tempdir")
}

/// A screen as text with Windows path separators shown as on Linux.
pub fn same_separators(text: &str) -> String {
    text.replace('\\', "/")
}

pub fn app_with(theme: Theme) -> Harness {
    let dir = scratch_dir();
    let register = build(&dir.path().join("so.redb"));
    let mut app =
        App::open(register, Catalog::shipped().expect("catalog"), YEAR, theme).expect("open");
    app.today = chrono::NaiveDate::from_ymd_opt(2025, 12, 15);
    Harness { app, _dir: dir }
}

pub fn app() -> Harness {
    app_with(Theme::new(true, false))
}

pub fn first_run() -> Harness {
    let dir = scratch_dir();
    let mut app = App::first_run(
        dir.path().join("moi.redb"),
        Catalog::shipped().expect("catalog"),
        YEAR,
        Theme::new(true, false),
    );
    // As `--officer` gives it: the tests of the first run are not about that question.
    app.officer = Some("Cán bộ thử".into());
    Harness { app, _dir: dir }
}

pub fn press(app: &mut App, code: KeyCode) {
    app.handle_event(Event::Key(KeyEvent::new(code, KeyModifiers::NONE)));
}

pub fn ctrl(app: &mut App, c: char) {
    app.handle_event(Event::Key(KeyEvent::new(
        KeyCode::Char(c),
        KeyModifiers::CONTROL,
    )));
}

pub fn type_text(app: &mut App, text: &str) {
    for c in text.chars() {
        press(app, KeyCode::Char(c));
    }
}

pub fn act(app: &mut App, action: Action) {
    app.update(action);
}

pub fn draw(app: &App, width: u16, height: u16) -> Terminal<TestBackend> {
    let mut terminal = Terminal::new(TestBackend::new(width, height)).expect("terminal");
    terminal.draw(|f| screens::render(app, f)).expect("draw");
    terminal
}

pub fn screen_text(app: &App) -> String {
    draw(app, 80, 24).backend().to_string()
}

/// Where the terminal cursor is at 80×24 and what its row shows left of it; `None`
/// when the screen has no text cursor.
pub fn left_of_cursor(app: &App) -> Option<String> {
    use ratatui::backend::Backend;
    let mut terminal = draw(app, 80, 24);
    let at = terminal
        .backend_mut()
        .get_cursor_position()
        .expect("cursor");
    // A screen without a text cursor leaves it hidden at the top left.
    if at == ratatui::layout::Position::ORIGIN {
        return None;
    }
    let buffer = terminal.backend().buffer();
    Some((0..at.x).map(|x| buffer[(x, at.y)].symbol()).collect())
}

/// Household list filtered to "chưa chấm", cursor on the first such household.
pub fn unscored_households(app: &mut App) {
    type_text(app, "2");
    press(app, KeyCode::F(5));
    assert_eq!(app.context(), crate::tui::keymap::Ctx::List);
}
