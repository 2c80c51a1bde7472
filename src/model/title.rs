//! The five titles ("danh hiệu") and the unit kind each one scores.

use super::UnitKind;
use serde::{Deserialize, Serialize};

/// A title the commune recognises each year. The discriminants are stored in keys: never
/// renumber them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Title {
    GiaDinh = 0,
    DongHo = 1,
    CongDong = 2,
    DonVi = 3,
    CongDan = 4,
}

impl Title {
    pub const ALL: [Title; 5] = [
        Title::GiaDinh,
        Title::DongHo,
        Title::CongDong,
        Title::DonVi,
        Title::CongDan,
    ];

    /// The stable code used in files, the CLI and JSON.
    pub fn code(self) -> &'static str {
        match self {
            Title::GiaDinh => "gia-dinh",
            Title::DongHo => "dong-ho",
            Title::CongDong => "cong-dong",
            Title::DonVi => "don-vi",
            Title::CongDan => "cong-dan",
        }
    }

    pub fn from_code(code: &str) -> Option<Title> {
        Title::ALL.into_iter().find(|t| t.code() == code)
    }

    /// The full Vietnamese name of the title.
    pub fn name(self) -> &'static str {
        match self {
            Title::GiaDinh => "Gia đình học tập",
            Title::DongHo => "Dòng họ học tập",
            Title::CongDong => "Cộng đồng học tập",
            Title::DonVi => "Đơn vị học tập",
            Title::CongDan => "Công dân học tập",
        }
    }

    /// The abbreviation officers use (GĐHT, DHHT, …).
    pub fn short(self) -> &'static str {
        match self {
            Title::GiaDinh => "GĐHT",
            Title::DongHo => "DHHT",
            Title::CongDong => "CĐHT",
            Title::DonVi => "ĐVHT",
            Title::CongDan => "CDHT",
        }
    }

    /// The kind of unit this title is awarded to.
    pub fn unit_kind(self) -> UnitKind {
        match self {
            Title::GiaDinh => UnitKind::Household,
            Title::DongHo => UnitKind::Clan,
            Title::CongDong => UnitKind::Community,
            Title::DonVi => UnitKind::Organisation,
            Title::CongDan => UnitKind::Citizen,
        }
    }

    pub fn for_kind(kind: UnitKind) -> Title {
        match kind {
            UnitKind::Household => Title::GiaDinh,
            UnitKind::Clan => Title::DongHo,
            UnitKind::Community => Title::CongDong,
            UnitKind::Organisation => Title::DonVi,
            UnitKind::Citizen => Title::CongDan,
        }
    }

    pub fn from_u8(n: u8) -> Option<Title> {
        Title::ALL.get(usize::from(n)).copied()
    }
}

impl std::fmt::Display for Title {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_kinds_pair_up() {
        for t in Title::ALL {
            assert_eq!(Title::from_code(t.code()), Some(t));
            assert_eq!(Title::from_u8(t as u8), Some(t));
            assert_eq!(Title::for_kind(t.unit_kind()), t);
        }
        assert_eq!(Title::from_code("gia dinh"), None);
    }
}
