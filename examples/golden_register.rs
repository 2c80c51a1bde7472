//! Writes the small golden register kept in `tests/fixtures/registers/`: a seeded demo
//! commune small enough to commit, plus a few changes the demo never makes (an edited
//! score, an undone stage change, a removed evaluation, an override reason), so every
//! record type and every history variant is on disk. The golden-register test
//! (`tests/golden_register.rs`) opens a copy with every later version of the program.
//!
//! Usage: golden_register REGISTER [SEED]

// Fixture builders may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use sohoctap::app::StageChange;
use sohoctap::criteria::Catalog;
use sohoctap::demo::{DemoSpec, build};
use sohoctap::model::{
    Basis, Commune, DigitalSkills, EvaluationKey, IndicatorValue, Measure, Stage, Stamp, Target,
    Title,
};
use sohoctap::store::Register;
use std::path::PathBuf;

/// The seed of the committed fixture: one whose small commune has every stage.
const SEED: u64 = 3;

fn main() {
    let path = PathBuf::from(
        std::env::args()
            .nth(1)
            .expect("usage: golden_register REGISTER"),
    );
    let register = Register::create(
        &path,
        &Commune {
            name: "Xã Mẫu Sơn".into(),
            province: "Tỉnh Mẫu".into(),
        },
    )
    .expect("create");
    let catalog = Catalog::shipped().expect("shipped criteria");
    let spec = DemoSpec {
        communities: 3,
        households: 24,
        clans: 3,
        organisations: 3,
        citizens: 16,
        years: 3,
        last_year: 2025,
        seed: std::env::args()
            .nth(2)
            .and_then(|s| s.parse().ok())
            .unwrap_or(SEED),
    };
    let summary = build(&register, &spec, &catalog).expect("demo");
    let stamp = Stamp {
        user: "can-bo".into(),
        at: chrono::NaiveDate::from_ymd_opt(2025, 12, 30)
            .and_then(|d| d.and_hms_opt(10, 15, 0))
            .expect("time"),
    };
    let year = summary.last_year;
    let evaluations = register
        .read()
        .and_then(|r| r.evaluations_in_year(year))
        .expect("evaluations");
    // An edit of one score (history: Edited with a Value change).
    let open = evaluations
        .iter()
        .find(|(k, e)| k.title == Title::GiaDinh && !e.stage.is_decided())
        .expect("an undecided household evaluation");
    let entry = catalog
        .in_force(Title::GiaDinh, year)
        .expect("set in force");
    let code = entry
        .set
        .indicators()
        .next()
        .expect("indicator")
        .code
        .clone();
    sohoctap::app::set_score(
        &register,
        open.0,
        &code,
        Some(IndicatorValue::Points(0)),
        entry,
        &stamp,
    )
    .expect("score");
    // A stage change, then its undo (history: Stage, then the revert).
    let change = sohoctap::app::set_stage(
        &register,
        open.0,
        &StageChange {
            stage: Stage::SelfAssessed,
            decision: None,
            override_reason: None,
        },
        &stamp,
    )
    .expect("stage");
    let last = register
        .read()
        .and_then(|r| r.history_of(change.key.title, change.key.unit))
        .expect("history");
    if let Some((_, entry)) = last.last() {
        sohoctap::app::undo(&register, entry, &stamp).expect("undo");
    }
    // A removed evaluation (history: Removed).
    let removed = evaluations
        .iter()
        .find(|(k, _)| k.title == Title::DongHo)
        .map(|(k, _)| *k)
        .unwrap_or(EvaluationKey {
            year,
            title: Title::DongHo,
            unit: 1,
        });
    register
        .put_evaluation(removed, None, &stamp)
        .expect("remove");
    // A note and an override reason on a recognised evaluation.
    if let Some((key, e)) = evaluations
        .iter()
        .find(|(k, e)| k.title == Title::CongDan && e.stage == Stage::Recognised)
    {
        let mut e = e.clone();
        e.note = "Gương sáng tự học".into();
        e.override_reason = Some("Đặc cách theo biên bản họp".into());
        register
            .put_evaluation(*key, Some(&e), &stamp)
            .expect("note");
    }
    // Targets on the other bases (schema 4): "80% of families register, 72% of the
    // registered are recognised" (Yên Mô), CDHT as a share of those registered.
    let resolution = register
        .read()
        .and_then(|r| r.targets())
        .expect("targets")
        .first()
        .map(|t| t.resolution.clone())
        .expect("the demo's resolution");
    register
        .write(|w| {
            for (measure, basis, tenths) in [
                (Measure::GiaDinh, Basis::Registered, 800),
                (Measure::GiaDinh, Basis::OfRegistered, 720),
                (Measure::CongDanCongDong, Basis::OfRegistered, 820),
            ] {
                w.put_target(&Target {
                    measure,
                    basis,
                    milestone: 2025,
                    percent_tenths: tenths,
                    resolution: resolution.clone(),
                })?;
            }
            Ok(())
        })
        .expect("targets on other bases");
    // A set the office entered (schema 5: criteria record version 2 with who entered it).
    if let Some(shipped) = catalog.by_id("cong-dan-qd244-2022") {
        let mut set = (*shipped.set).clone();
        set.id = "cong-dan-2022-van-phong".into();
        set.min_total = Some(85);
        set.status_note = "Văn phòng nhập từ bảng cdht.csv; chưa đối chiếu văn bản gốc.".into();
        set.entry = Some(sohoctap::criteria::Entry {
            stamp: stamp.clone(),
            how: "nhập từ tệp cdht.csv".into(),
        });
        let hash = set.content_hash();
        register
            .write(|w| w.remember_criteria(&hash, &set))
            .expect("office set");
    }
    // Digital skills on CDHT evaluations (schema 6: evaluation record version 2), one of
    // each value and one left unrecorded, then one changed (history: a skills change).
    let citizens: Vec<(EvaluationKey, sohoctap::model::Evaluation)> = register
        .read()
        .and_then(|r| r.evaluations_in_year(year))
        .expect("evaluations")
        .into_iter()
        .filter(|(k, _)| k.title == Title::CongDan)
        .collect();
    for ((key, e), skills) in citizens.iter().zip([
        Some(DigitalSkills::ThanhThao),
        Some(DigitalSkills::Co),
        Some(DigitalSkills::Chua),
        Some(DigitalSkills::Co),
    ]) {
        let mut e = e.clone();
        e.digital_skills = skills;
        register
            .put_evaluation(*key, Some(&e), &stamp)
            .expect("skills");
    }
    if let Some((key, _)) = citizens.get(2) {
        let mut e = register
            .read()
            .and_then(|r| r.evaluation(*key))
            .expect("read")
            .expect("the evaluation");
        e.digital_skills = Some(DigitalSkills::Co);
        register
            .put_evaluation(*key, Some(&e), &stamp)
            .expect("skills changed");
    }
    // Targets on the two digital-skills measures (schema 6: target record version 3).
    register
        .write(|w| {
            for (measure, tenths) in [(Measure::KyNangSo, 700), (Measure::ThanhThaoKyNangSo, 600)] {
                w.put_target(&Target {
                    measure,
                    basis: Basis::Total,
                    milestone: 2030,
                    percent_tenths: tenths,
                    resolution: resolution.clone(),
                })?;
            }
            Ok(())
        })
        .expect("digital-skills targets");
    // The office's report lines (meta key `letterhead`) and the last officer's name
    // (meta key `officer`), both added without a schema change.
    register
        .write(|w| {
            w.set_letterhead(&sohoctap::model::Letterhead {
                superior: "HỘI KHUYẾN HỌC TỈNH NINH BÌNH".into(),
                issuing_body: String::new(),
                number: "12/BC-HKH".into(),
                place: "Yên Mô".into(),
                signer_title: "PHÓ CHỦ TỊCH".into(),
                signer_name: "Nguyễn Thị Hoa".into(),
                recipients: vec!["Thường trực Đảng ủy xã".into(), "Lưu: VT".into()],
            })?;
            w.set_officer("Trần Văn Bình")
        })
        .expect("letterhead and officer");
    register.close().expect("close");
}
