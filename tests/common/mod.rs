//! Fixtures shared by the reliability tests: a small register and the cells to score.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![allow(dead_code)]

pub mod faulty;

use sohoctap::criteria::{Catalog, CatalogEntry, IndicatorKind};
use sohoctap::model::{
    Commune, Community, CommunityKind, EvaluationKey, Household, IndicatorValue, Title, Unit,
    UnitMeta,
};
use sohoctap::store::Register;
use std::path::Path;

pub const YEAR: u16 = 2025;

/// Creates a register with one community and `households` households; returns their ids.
pub fn create_register(path: &Path, households: u32) -> Vec<u32> {
    let register = Register::create(
        path,
        &Commune {
            name: "Xã Thử Nghiệm".into(),
            province: "Ninh Bình".into(),
        },
    )
    .expect("create");
    let ids = register
        .write(|w| {
            let th = w.insert_unit(&Unit::Community(Community {
                meta: UnitMeta {
                    code: "TH01".into(),
                    entered: 2020,
                    left: None,
                },
                name: "Đông".into(),
                kind: CommunityKind::Thon,
            }))?;
            (0..households)
                .map(|i| {
                    w.insert_unit(&Unit::Household(Household {
                        meta: UnitMeta {
                            code: format!("HO{i:05}"),
                            entered: 2020,
                            left: None,
                        },
                        head_name: format!("Nguyễn Văn {i}"),
                        community: th,
                        clan: None,
                        members: 4,
                        adults: 2,
                        address: String::new(),
                    }))
                })
                .collect()
        })
        .expect("units");
    register.close().expect("close");
    ids
}

pub fn gia_dinh_set() -> CatalogEntry {
    Catalog::shipped()
        .expect("catalog")
        .in_force(Title::GiaDinh, YEAR)
        .expect("set")
        .clone()
}

/// The n-th cell to score: (household, indicator code, a value valid for it).
pub fn cell(
    entry: &CatalogEntry,
    households: &[u32],
    n: usize,
) -> (EvaluationKey, String, IndicatorValue) {
    let indicators: Vec<_> = entry.set.indicators().collect();
    let indicator = indicators[n % indicators.len()];
    let unit = households[(n / indicators.len()) % households.len()];
    let value = match indicator.kind {
        IndicatorKind::Points => IndicatorValue::Points((n as u16) % (indicator.max + 1)),
        IndicatorKind::PassFail => IndicatorValue::Pass(n.is_multiple_of(2)),
    };
    (
        EvaluationKey {
            year: YEAR,
            title: Title::GiaDinh,
            unit,
        },
        indicator.code.clone(),
        value,
    )
}

/// Cells per household with the shipped GĐHT set.
pub fn cells_per_household(entry: &CatalogEntry) -> usize {
    entry.set.indicator_count()
}
