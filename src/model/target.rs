//! Targets of the commune's resolution: a percentage per measure per milestone year.

use super::{Title, Year};
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// What a target is set on: a title's units, one of the two CDHT populations, or the
/// digital skills of the CDHT holders (QĐ 677/QĐ-TTg).
/// The discriminants are stored in keys: never renumber them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Measure {
    GiaDinh = 0,
    DongHo = 1,
    CongDong = 2,
    DonVi = 3,
    /// CDHT among adults living in GĐHT households, DHHT clans or CĐHT communities.
    CongDanCongDong = 4,
    /// CDHT among the staff of ĐVHT units.
    CongDanDonVi = 5,
    /// CDHT holders of the year (every citizen recognised) with digital skills: có or
    /// thành thạo (schema 6).
    KyNangSo = 6,
    /// CDHT holders of the year who are proficient in digital skills (schema 6).
    ThanhThaoKyNangSo = 7,
}

impl Measure {
    /// How many measures there are.
    pub const COUNT: usize = 8;

    pub const ALL: [Measure; Measure::COUNT] = [
        Measure::GiaDinh,
        Measure::DongHo,
        Measure::CongDong,
        Measure::DonVi,
        Measure::CongDanCongDong,
        Measure::CongDanDonVi,
        Measure::KyNangSo,
        Measure::ThanhThaoKyNangSo,
    ];

    /// The two digital-skills measures: shares of CDHT holders, not of units, so only
    /// the "total" basis applies to them.
    pub fn is_digital_skills(self) -> bool {
        matches!(self, Measure::KyNangSo | Measure::ThanhThaoKyNangSo)
    }

    pub fn code(self) -> &'static str {
        match self {
            Measure::GiaDinh => "gia-dinh",
            Measure::DongHo => "dong-ho",
            Measure::CongDong => "cong-dong",
            Measure::DonVi => "don-vi",
            Measure::CongDanCongDong => "cong-dan/cong-dong",
            Measure::CongDanDonVi => "cong-dan/don-vi",
            Measure::KyNangSo => "cong-dan/ky-nang-so",
            Measure::ThanhThaoKyNangSo => "cong-dan/thanh-thao-ky-nang-so",
        }
    }

    pub fn from_code(code: &str) -> Option<Measure> {
        Measure::ALL.into_iter().find(|m| m.code() == code)
    }

    pub fn from_u8(n: u8) -> Option<Measure> {
        Measure::ALL.get(usize::from(n)).copied()
    }

    pub fn title(self) -> Title {
        match self {
            Measure::GiaDinh => Title::GiaDinh,
            Measure::DongHo => Title::DongHo,
            Measure::CongDong => Title::CongDong,
            Measure::DonVi => Title::DonVi,
            Measure::CongDanCongDong
            | Measure::CongDanDonVi
            | Measure::KyNangSo
            | Measure::ThanhThaoKyNangSo => Title::CongDan,
        }
    }

    /// Label used on bars and in reports.
    pub fn label(self) -> &'static str {
        match self {
            Measure::GiaDinh => "Gia đình học tập",
            Measure::DongHo => "Dòng họ học tập",
            Measure::CongDong => "Cộng đồng học tập",
            Measure::DonVi => "Đơn vị học tập",
            Measure::CongDanCongDong => "CDHT trong GĐ, DH, CĐ",
            Measure::CongDanDonVi => "CDHT trong ĐVHT",
            Measure::KyNangSo => "CDHT có kỹ năng số",
            Measure::ThanhThaoKyNangSo => "CDHT thành thạo KNS",
        }
    }

    /// The national targets of QĐ 387/QĐ-TTg and QĐ 677/QĐ-TTg for 2025 and 2030, in
    /// tenths of a percent, for prefilling a commune's resolution. The digital-skills
    /// shares are the province's or commune's own (no national figure is prefilled).
    pub fn national_target(self, milestone: Year) -> Option<u16> {
        let (by_2025, by_2030) = match self {
            Measure::KyNangSo | Measure::ThanhThaoKyNangSo => return None,
            Measure::GiaDinh => (700, 800),
            Measure::DongHo => (650, 750),
            Measure::CongDong => (650, 750),
            Measure::DonVi => (800, 900),
            Measure::CongDanCongDong => (400, 600),
            Measure::CongDanDonVi => (600, 800),
        };
        match milestone {
            2025 => Some(by_2025),
            2030 => Some(by_2030),
            _ => None,
        }
    }
}

/// What a target's percentage is taken of. Resolutions write all three: "70% of
/// households are GĐHT" (total), "80% of families register" (registered), "72% of those
/// registered are recognised" (of-registered). The discriminants are stored in keys:
/// never renumber them.
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub enum Basis {
    /// Recognised units as a share of all units (the QĐ 387 targets).
    #[default]
    Total = 0,
    /// Registered units as a share of all units.
    Registered = 1,
    /// Recognised units as a share of the registered ones.
    OfRegistered = 2,
}

impl Basis {
    pub const ALL: [Basis; 3] = [Basis::Total, Basis::Registered, Basis::OfRegistered];

    pub fn code(self) -> &'static str {
        match self {
            Basis::Total => "total",
            Basis::Registered => "registered",
            Basis::OfRegistered => "of-registered",
        }
    }

    pub fn from_code(code: &str) -> Option<Basis> {
        Basis::ALL.into_iter().find(|b| b.code() == code)
    }

    pub fn from_u8(n: u8) -> Option<Basis> {
        Basis::ALL.get(usize::from(n)).copied()
    }

    /// What the percentage counts, in Vietnamese.
    pub fn label(self) -> &'static str {
        match self {
            Basis::Total => "công nhận trên tổng số",
            Basis::Registered => "đăng ký trên tổng số",
            Basis::OfRegistered => "công nhận trên số đăng ký",
        }
    }
}

/// The resolution a target comes from (e.g. Nghị quyết số 05-NQ/ĐU ngày 12/3/2021 của
/// Đảng ủy xã).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ResolutionRef {
    pub number: String,
    #[serde(with = "super::compact::opt_date")]
    pub date: Option<NaiveDate>,
    pub body: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Target {
    pub measure: Measure,
    /// What the percentage is taken of; archives written before it existed are `Total`.
    #[serde(default)]
    pub basis: Basis,
    pub milestone: Year,
    /// Target in tenths of a percent (700 = 70,0%).
    pub percent_tenths: u16,
    pub resolution: ResolutionRef,
}

/// The target in force for `year`: the nearest milestone at or after it, because a
/// resolution's "by 2025" target is what years before 2025 work towards. Years after the
/// last milestone keep the last one.
pub fn target_for_year(
    targets: &[Target],
    measure: Measure,
    basis: Basis,
    year: Year,
) -> Option<&Target> {
    let mut of_measure: Vec<&Target> = targets
        .iter()
        .filter(|t| t.measure == measure && t.basis == basis)
        .collect();
    of_measure.sort_by_key(|t| t.milestone);
    of_measure
        .iter()
        .find(|t| t.milestone >= year)
        .or(of_measure.last())
        .copied()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(milestone: Year, tenths: u16) -> Target {
        Target {
            measure: Measure::GiaDinh,
            basis: Basis::Total,
            milestone,
            percent_tenths: tenths,
            resolution: ResolutionRef {
                number: "01".into(),
                date: None,
                body: "Đảng ủy xã".into(),
            },
        }
    }

    #[test]
    fn years_between_milestones_use_the_next_milestone() {
        let targets = vec![t(2030, 800), t(2025, 700)];
        let at = |y| {
            target_for_year(&targets, Measure::GiaDinh, Basis::Total, y).map(|t| t.percent_tenths)
        };
        assert_eq!(at(2022), Some(700));
        assert_eq!(at(2025), Some(700));
        assert_eq!(at(2026), Some(800));
        assert_eq!(at(2031), Some(800));
        assert_eq!(
            target_for_year(&targets, Measure::DonVi, Basis::Total, 2025),
            None
        );
        assert_eq!(
            target_for_year(&targets, Measure::GiaDinh, Basis::Registered, 2025),
            None
        );
    }
}
