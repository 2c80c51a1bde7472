//! A fixed register for the report tests: a few communities, households, clans,
//! organisations and citizens, evaluations for two years with fixed stamps and dates,
//! and the resolution's targets. Everything is deterministic, so the goldens are too.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![allow(dead_code)]

use chrono::NaiveDate;
use sohoctap::criteria::Catalog;
use sohoctap::model::{
    Affiliation, Citizen, Clan, Commune, Community, CommunityKind, Decision, Evaluation,
    EvaluationKey, Gender, Household, IndicatorValue, Measure, OrgKind, Organisation,
    ResolutionRef, Stage, Stamp, Target, Title, Unit, UnitId, UnitMeta, Year,
};
use sohoctap::store::{Register, Writer};
use std::path::Path;

pub const YEAR: Year = 2025;

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("date")
}

const FAMILY: [&str; 8] = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi"];
const MIDDLE: [&str; 4] = ["Văn", "Thị", "Đức", "Thu"];
const GIVEN: [&str; 10] = [
    "An", "Bình", "Cường", "Dung", "Đào", "Giang", "Hà", "Khánh", "Lan", "Minh",
];
const PLACES: [&str; 6] = ["Đông", "Tây", "Nam", "Bắc", "Thượng", "Hạ"];

fn meta(code: String, entered: Year) -> UnitMeta {
    UnitMeta {
        code,
        entered,
        left: None,
    }
}

fn person(n: usize) -> String {
    format!(
        "{} {} {}",
        FAMILY[n % FAMILY.len()],
        MIDDLE[(n / 8) % MIDDLE.len()],
        GIVEN[(n / 3) % GIVEN.len()]
    )
}

fn stamp() -> Stamp {
    Stamp {
        user: "canbo".into(),
        at: NaiveDate::from_ymd_opt(2025, 11, 20)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("time"),
    }
}

/// How big the fixed commune is.
#[derive(Debug, Clone, Copy)]
pub struct Size {
    pub communities: usize,
    pub households_per_community: usize,
}

pub const SMALL: Size = Size {
    communities: 4,
    households_per_community: 6,
};

pub const LARGE: Size = Size {
    communities: 14,
    households_per_community: 12,
};

/// Records an evaluation under the shipped set in force, with every indicator at its
/// maximum when `pass`, and the stage given.
fn evaluate(
    w: &mut Writer,
    catalog: &Catalog,
    year: Year,
    title: Title,
    unit: UnitId,
    stage: Stage,
    pass: bool,
) {
    let entry = catalog.in_force(title, year).expect("set in force");
    w.remember_criteria(&entry.hash, &entry.set)
        .expect("remember");
    let mut e = Evaluation::register(
        &entry.set.id,
        &entry.hash,
        NaiveDate::from_ymd_opt(i32::from(year), 2, 15),
        stamp(),
    );
    if pass || stage != Stage::Registered {
        for i in entry.set.indicators() {
            let v = match i.kind {
                sohoctap::criteria::IndicatorKind::Points => {
                    IndicatorValue::Points(if pass { i.max } else { 0 })
                }
                sohoctap::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(pass),
            };
            e.values.insert(i.code.clone(), v);
        }
    }
    e.stage = stage;
    if stage == Stage::Recognised {
        // Citizens are recognised by a decision of their own, a few days later, so the
        // listing has more than one decision to group by.
        let (number, day) = if title == Title::CongDan {
            (130, 15)
        } else {
            (100, 10)
        };
        e.decision = Some(Decision {
            number: format!("{}/QĐ-UBND", number + u32::from(year % 100)),
            date: NaiveDate::from_ymd_opt(i32::from(year), 12, day).expect("date"),
        });
    }
    w.set_evaluation(EvaluationKey { year, title, unit }, Some(&e), &stamp())
        .expect("evaluation");
}

/// A stage chosen from a unit's number so each year has a spread of outcomes; the
/// earlier year recognises fewer units.
fn stage_for(n: usize, year: Year) -> Option<(Stage, bool)> {
    let shift = if year == YEAR { 0 } else { 2 };
    match (n + shift) % 7 {
        0..=3 if year == YEAR || n.is_multiple_of(2) => Some((Stage::Recognised, true)),
        4 => Some((Stage::Reviewed, true)),
        5 => Some((Stage::Registered, false)),
        _ => None,
    }
}

pub fn build(path: &Path, size: Size) {
    let commune = Commune {
        name: "Xã Yên Mô".into(),
        province: "Ninh Bình".into(),
    };
    let register = Register::create(path, &commune).expect("create");
    let catalog = Catalog::shipped().expect("catalog");
    register
        .write(|w| {
            let resolution = ResolutionRef {
                number: "05-NQ/ĐU".into(),
                date: NaiveDate::from_ymd_opt(2021, 3, 12),
                body: "Đảng ủy xã Yên Mô".into(),
            };
            // The national targets; the digital-skills shares have none.
            for m in Measure::ALL {
                let Some(tenths) = m.national_target(2025) else {
                    continue;
                };
                w.put_target(&Target {
                    measure: m,
                    basis: sohoctap::model::Basis::Total,
                    milestone: 2025,
                    percent_tenths: tenths,
                    resolution: resolution.clone(),
                })?;
            }
            let mut clans = Vec::new();
            for (i, family) in FAMILY.iter().take(4).enumerate() {
                clans.push(w.insert_unit(&Unit::Clan(Clan {
                    meta: meta(format!("DH{:03}", i + 1), 2020),
                    name: format!("Họ {family}"),
                    branch: (i == 3).then(|| "Chi 2".to_string()),
                    head: person(i + 40),
                    note: String::new(),
                }))?);
            }
            let mut orgs = Vec::new();
            for (i, (name, kind, staff)) in [
                ("Trường Tiểu học Yên Mô", OrgKind::TruongHoc, 28u32),
                ("Hợp tác xã Nông nghiệp Yên Mô", OrgKind::HopTacXa, 12),
                ("Trạm Y tế xã", OrgKind::CoQuan, 9),
            ]
            .into_iter()
            .enumerate()
            {
                orgs.push(w.insert_unit(&Unit::Organisation(Organisation {
                    meta: meta(format!("DV{:03}", i + 1), 2020),
                    name: name.into(),
                    kind,
                    staff,
                }))?);
            }
            let mut n = 0usize;
            let mut citizen_n = 0usize;
            for c in 0..size.communities {
                let place = PLACES[c % PLACES.len()];
                let name = if c < PLACES.len() {
                    place.to_string()
                } else {
                    format!("{place} {}", c / PLACES.len() + 1)
                };
                let community = w.insert_unit(&Unit::Community(Community {
                    meta: meta(format!("TH{:03}", c + 1), 2020),
                    name,
                    kind: if c % 5 == 4 {
                        CommunityKind::ToDanPho
                    } else {
                        CommunityKind::Thon
                    },
                }))?;
                for year in [YEAR - 1, YEAR] {
                    if let Some((stage, pass)) = stage_for(c * 3, year) {
                        evaluate(w, &catalog, year, Title::CongDong, community, stage, pass);
                    }
                }
                for _ in 0..size.households_per_community {
                    n += 1;
                    let household = w.insert_unit(&Unit::Household(Household {
                        // The last household of each community arrived this year.
                        meta: meta(
                            format!("HO{n:05}"),
                            if n.is_multiple_of(11) { YEAR } else { 2020 },
                        ),
                        head_name: person(n),
                        community,
                        clan: (!n.is_multiple_of(3)).then(|| clans[n % clans.len()]),
                        members: 3 + (n % 4) as u16,
                        adults: 2 + (n % 3) as u16,
                        address: format!("Xóm {}", n % 4 + 1),
                    }))?;
                    for year in [YEAR - 1, YEAR] {
                        if n.is_multiple_of(11) && year < YEAR {
                            continue;
                        }
                        if let Some((stage, pass)) = stage_for(n, year) {
                            evaluate(w, &catalog, year, Title::GiaDinh, household, stage, pass);
                        }
                    }
                    if n.is_multiple_of(2) {
                        citizen_n += 1;
                        let citizen = w.insert_unit(&Unit::Citizen(Citizen {
                            meta: meta(format!("CD{citizen_n:05}"), 2020),
                            full_name: person(n + 7),
                            birth_year: Some(1960 + (n % 40) as u16),
                            gender: if n.is_multiple_of(4) {
                                Gender::Nu
                            } else {
                                Gender::Nam
                            },
                            affiliation: Affiliation::Household(household),
                            target_group: Some(1),
                        }))?;
                        if let Some((stage, pass)) = stage_for(n / 2, YEAR) {
                            evaluate(w, &catalog, YEAR, Title::CongDan, citizen, stage, pass);
                        }
                    }
                }
            }
            for (i, &clan) in clans.iter().enumerate() {
                for year in [YEAR - 1, YEAR] {
                    if let Some((stage, pass)) = stage_for(i * 2, year) {
                        evaluate(w, &catalog, year, Title::DongHo, clan, stage, pass);
                    }
                }
            }
            for (i, &org) in orgs.iter().enumerate() {
                if let Some((stage, pass)) = stage_for(i, YEAR) {
                    evaluate(w, &catalog, YEAR, Title::DonVi, org, stage, pass);
                }
                for k in 0..4 {
                    citizen_n += 1;
                    let citizen = w.insert_unit(&Unit::Citizen(Citizen {
                        meta: meta(format!("CD{citizen_n:05}"), 2020),
                        full_name: person(citizen_n + 3),
                        birth_year: Some(1980 + k),
                        gender: Gender::Nu,
                        affiliation: Affiliation::Organisation(org),
                        target_group: Some(3),
                    }))?;
                    if let Some((stage, pass)) = stage_for(citizen_n, YEAR) {
                        evaluate(w, &catalog, YEAR, Title::CongDan, citizen, stage, pass);
                    }
                }
            }
            Ok(())
        })
        .expect("fixture");
    register.close().expect("close");
}
