//! Report for a 50,000-household commune: target under 200 ms for gathering the figures
//! from an open register and rendering the text. Builds the commune itself (not timed),
//! then times `load_report_data` + `render`, with and without the list of recognised
//! units.
//!
//! `cargo bench --bench report`

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use chrono::NaiveDate;
use sohoctap::app::load_report_data;
use sohoctap::criteria::{Catalog, IndicatorKind};
use sohoctap::model::{
    Affiliation, Citizen, Clan, Commune, Community, CommunityKind, Evaluation, EvaluationKey,
    Gender, Household, IndicatorValue, Measure, OrgKind, Organisation, ResolutionRef, Stage, Stamp,
    Target, Title, Unit, UnitMeta, Year,
};
use sohoctap::report::text::{TextOptions, render};
use sohoctap::store::Register;
use std::path::Path;
use std::time::{Duration, Instant};

const YEAR: Year = 2025;
const HOUSEHOLDS: usize = 50_000;
const COMMUNITIES: usize = 45;
const CLANS: usize = 300;
const ORGANISATIONS: usize = 80;

fn meta(code: String) -> UnitMeta {
    UnitMeta {
        code,
        entered: 2020,
        left: None,
    }
}

/// A commune of 50,000 households, one registered citizen per household plus the staff
/// of its organisations, evaluations for this year and the year before.
fn build(path: &Path) -> Result<(), Box<dyn std::error::Error>> {
    let register = Register::create(
        path,
        &Commune {
            name: "Xã Quy Mô Lớn".into(),
            province: "Thanh Hóa".into(),
        },
    )?;
    let catalog = Catalog::shipped().map_err(|e| format!("{e:?}"))?;
    let stamp = Stamp {
        user: "bench".into(),
        at: NaiveDate::from_ymd_opt(2025, 12, 1)
            .and_then(|d| d.and_hms_opt(9, 0, 0))
            .ok_or("date")?,
    };
    register.write(|w| {
        let resolution = ResolutionRef {
            number: "01-NQ/ĐU".into(),
            date: NaiveDate::from_ymd_opt(2021, 1, 5),
            body: "Đảng ủy xã".into(),
        };
        for m in Measure::ALL {
            w.put_target(&Target {
                measure: m,
                basis: sohoctap::model::Basis::Total,
                milestone: 2025,
                percent_tenths: m.national_target(2025).unwrap_or(700),
                resolution: resolution.clone(),
            })?;
        }
        let evaluate = |w: &mut sohoctap::store::Writer,
                        year: Year,
                        title: Title,
                        unit: u32,
                        n: usize|
         -> sohoctap::store::Result<()> {
            let Some(entry) = catalog.in_force(title, year) else {
                return Ok(());
            };
            if n % 5 == 4 {
                return Ok(());
            }
            w.remember_criteria(&entry.hash, &entry.set)?;
            let mut e = Evaluation::register(&entry.set.id, &entry.hash, None, stamp.clone());
            for i in entry.set.indicators() {
                let v = match i.kind {
                    IndicatorKind::Points => IndicatorValue::Points(i.max),
                    IndicatorKind::PassFail => IndicatorValue::Pass(true),
                };
                e.values.insert(i.code.clone(), v);
            }
            e.stage = if n % 5 < 3 {
                Stage::Recognised
            } else {
                Stage::Reviewed
            };
            w.set_evaluation(EvaluationKey { year, title, unit }, Some(&e), &stamp)?;
            Ok(())
        };
        let mut communities = Vec::new();
        for c in 0..COMMUNITIES {
            let id = w.insert_unit(&Unit::Community(Community {
                meta: meta(format!("TH{:03}", c + 1)),
                name: format!("Thôn {}", c + 1),
                kind: CommunityKind::Thon,
            }))?;
            for year in [YEAR - 1, YEAR] {
                evaluate(w, year, Title::CongDong, id, c)?;
            }
            communities.push(id);
        }
        let mut clans = Vec::new();
        for c in 0..CLANS {
            let id = w.insert_unit(&Unit::Clan(Clan {
                meta: meta(format!("DH{:04}", c + 1)),
                name: format!("Họ Nguyễn {}", c + 1),
                branch: None,
                head: "Nguyễn Văn Trưởng".into(),
                note: String::new(),
            }))?;
            evaluate(w, YEAR, Title::DongHo, id, c)?;
            clans.push(id);
        }
        for o in 0..ORGANISATIONS {
            let id = w.insert_unit(&Unit::Organisation(Organisation {
                meta: meta(format!("DV{:03}", o + 1)),
                name: format!("Đơn vị {}", o + 1),
                kind: OrgKind::DoanhNghiep,
                staff: 25,
            }))?;
            evaluate(w, YEAR, Title::DonVi, id, o)?;
            for s in 0..25 {
                let c = w.insert_unit(&Unit::Citizen(Citizen {
                    meta: meta(format!("NV{:03}{s:02}", o + 1)),
                    full_name: format!("Trần Thị Nhân Viên {s}"),
                    birth_year: Some(1985),
                    gender: Gender::Nu,
                    affiliation: Affiliation::Organisation(id),
                    target_group: Some(3),
                }))?;
                evaluate(w, YEAR, Title::CongDan, c, s)?;
            }
        }
        for h in 0..HOUSEHOLDS {
            let id = w.insert_unit(&Unit::Household(Household {
                meta: meta(format!("HO{:05}", h + 1)),
                head_name: format!("Lê Văn Chủ Hộ {h}"),
                community: communities[h % COMMUNITIES],
                clan: Some(clans[h % CLANS]),
                members: 4,
                adults: 3,
                address: String::new(),
            }))?;
            for year in [YEAR - 1, YEAR] {
                evaluate(w, year, Title::GiaDinh, id, h + usize::from(year))?;
            }
            let c = w.insert_unit(&Unit::Citizen(Citizen {
                meta: meta(format!("CD{:05}", h + 1)),
                full_name: format!("Phạm Thị Công Dân {h}"),
                birth_year: Some(1970),
                gender: Gender::Nu,
                affiliation: Affiliation::Household(id),
                target_group: Some(1),
            }))?;
            evaluate(w, YEAR, Title::CongDan, c, h)?;
        }
        Ok(())
    })?;
    register.close()?;
    Ok(())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let dir = tempfile::tempdir()?;
    let path = dir.path().join("lon.redb");
    let started = Instant::now();
    build(&path)?;
    eprintln!(
        "built a {HOUSEHOLDS}-household commune in {:?}",
        started.elapsed()
    );

    let started = Instant::now();
    let register = Register::open(&path)?;
    eprintln!("open: {:?}", started.elapsed());

    if std::env::var_os("REPORT_BENCH_PARTS").is_some() {
        let reader = register.read()?;
        for _ in 0..3 {
            let t = Instant::now();
            let census = sohoctap::app::load_census(&reader, YEAR)?;
            let a = t.elapsed();
            let _tally = sohoctap::tally::Tally::compute(&census);
            let b = t.elapsed();
            let units = reader.units(sohoctap::model::UnitKind::Household)?;
            let c = t.elapsed();
            let ev = reader.evaluations_in_year(YEAR)?;
            let d = t.elapsed();
            eprintln!(
                "census {a:?} tally {:?} households {:?} evaluations {:?} ({})",
                b - a,
                c - b,
                d - c,
                ev.len() + units.len()
            );
        }
    }
    let today = NaiveDate::from_ymd_opt(2026, 1, 10).ok_or("date")?;
    for list in [false, true] {
        let mut times = Vec::new();
        let mut gathering = Vec::new();
        let mut pages = 0;
        for _ in 0..7 {
            let t = Instant::now();
            let data = load_report_data(&register.read()?, YEAR, list)?;
            let gathered = t.elapsed();
            let text = render(
                &data,
                &TextOptions {
                    today,
                    ascii: false,
                    list,
                },
            );
            let total = t.elapsed();
            pages = text.matches('\u{c}').count() + 1;
            times.push(total);
            gathering.push(gathered);
            std::hint::black_box(&text);
        }
        let m = median(times);
        let g = median(gathering);
        println!(
            "report {} ({HOUSEHOLDS} households, {pages} pages): median {:.1} ms, of which gathering {:.1} ms (target < 200 ms){}",
            if list { "--list" } else { "summary" },
            m.as_secs_f64() * 1000.0,
            g.as_secs_f64() * 1000.0,
            if m < Duration::from_millis(200) {
                ""
            } else {
                "  OVER TARGET"
            }
        );
    }
    register.close()?;
    Ok(())
}
