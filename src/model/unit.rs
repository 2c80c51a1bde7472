//! The units a commune registers: communities, households, clans, organisations and
//! citizens. Units are archived (given a year they left), never deleted, so the figures
//! of past years stay true.

use super::Year;
use serde::{Deserialize, Serialize};

/// Internal identifier of a unit, unique within its kind. Officers never see it; they
/// use the unit's code.
pub type UnitId = u32;

/// The kind of a unit. The discriminants are stored in keys: never renumber them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum UnitKind {
    Community = 0,
    Household = 1,
    Clan = 2,
    Organisation = 3,
    Citizen = 4,
}

impl UnitKind {
    pub const ALL: [UnitKind; 5] = [
        UnitKind::Community,
        UnitKind::Household,
        UnitKind::Clan,
        UnitKind::Organisation,
        UnitKind::Citizen,
    ];

    pub fn from_u8(n: u8) -> Option<UnitKind> {
        UnitKind::ALL.get(usize::from(n)).copied()
    }

    /// The code used on the command line and in file names.
    pub fn code(self) -> &'static str {
        match self {
            UnitKind::Community => "communities",
            UnitKind::Household => "households",
            UnitKind::Clan => "clans",
            UnitKind::Organisation => "organisations",
            UnitKind::Citizen => "citizens",
        }
    }

    pub fn from_code(code: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.code() == code)
    }

    /// Plural Vietnamese label for lists and counts.
    pub fn label(self) -> &'static str {
        match self {
            UnitKind::Community => "Thôn, tổ dân phố",
            UnitKind::Household => "Hộ gia đình",
            UnitKind::Clan => "Dòng họ",
            UnitKind::Organisation => "Cơ quan, đơn vị",
            UnitKind::Citizen => "Công dân",
        }
    }

    /// The counting word used in sentences ("còn thiếu 37 hộ").
    pub fn counter(self) -> &'static str {
        match self {
            UnitKind::Community => "thôn",
            UnitKind::Household => "hộ",
            UnitKind::Clan => "dòng họ",
            UnitKind::Organisation => "đơn vị",
            UnitKind::Citizen => "người",
        }
    }

    /// Prefix of generated codes (TH001, HO00001, …).
    pub fn code_prefix(self) -> &'static str {
        match self {
            UnitKind::Community => "TH",
            UnitKind::Household => "HO",
            UnitKind::Clan => "DH",
            UnitKind::Organisation => "DV",
            UnitKind::Citizen => "CD",
        }
    }
}

/// What every unit carries: its stable code and the years it was part of the commune.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitMeta {
    /// Stable short code, unique within the kind (e.g. "HO00123").
    pub code: String,
    /// The year the unit entered the register.
    pub entered: Year,
    /// The year the unit left (moved, dissolved, died); it still counts in earlier years.
    pub left: Option<Year>,
}

impl UnitMeta {
    /// Whether the unit belongs to the commune during `year`. A unit that left in a year
    /// no longer counts for that year.
    pub fn active_in(&self, year: Year) -> bool {
        self.entered <= year && self.left.is_none_or(|left| year < left)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum CommunityKind {
    Thon,
    Xom,
    Ban,
    Ap,
    ToDanPho,
    KhuPho,
}

impl CommunityKind {
    pub const ALL: [CommunityKind; 6] = [
        CommunityKind::Thon,
        CommunityKind::Xom,
        CommunityKind::Ban,
        CommunityKind::Ap,
        CommunityKind::ToDanPho,
        CommunityKind::KhuPho,
    ];

    pub fn label(self) -> &'static str {
        match self {
            CommunityKind::Thon => "Thôn",
            CommunityKind::Xom => "Xóm",
            CommunityKind::Ban => "Bản",
            CommunityKind::Ap => "Ấp",
            CommunityKind::ToDanPho => "Tổ dân phố",
            CommunityKind::KhuPho => "Khu phố",
        }
    }

    /// The name without a leading copy of this kind's own word, when it has one and
    /// something follows it: a thôn saved as "Thôn Đông" shows as "Thôn Thôn Đông", so
    /// "Đông" is what it should have been. Case-insensitive but exact in diacritics, so
    /// "Ban Mai" (a bản) or "Xóm Bến" (a thôn) are left alone.
    pub fn without_own_word(self, name: &str) -> Option<String> {
        let name = crate::text::clean_name(name);
        let word = self.label().to_lowercase();
        let n = self.label().split(' ').count();
        let words: Vec<&str> = name.split(' ').collect();
        if words.len() <= n {
            return None;
        }
        let head = words[..n].join(" ").to_lowercase();
        (head == word).then(|| words[n..].join(" "))
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Community {
    pub meta: UnitMeta,
    pub name: String,
    pub kind: CommunityKind,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Household {
    pub meta: UnitMeta,
    /// Full name of the head of household.
    pub head_name: String,
    pub community: UnitId,
    pub clan: Option<UnitId>,
    pub members: u16,
    /// Members aged 15 and over; the CDHT community population counts these.
    pub adults: u16,
    pub address: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Clan {
    pub meta: UnitMeta,
    pub name: String,
    /// The branch ("chi") when the clan registers branch by branch.
    pub branch: Option<String>,
    pub head: String,
    pub note: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum OrgKind {
    CoQuan,
    TruongHoc,
    DoanhNghiep,
    HopTacXa,
    CoSoSanXuat,
    LucLuongVuTrang,
    Khac,
}

impl OrgKind {
    pub const ALL: [OrgKind; 7] = [
        OrgKind::CoQuan,
        OrgKind::TruongHoc,
        OrgKind::DoanhNghiep,
        OrgKind::HopTacXa,
        OrgKind::CoSoSanXuat,
        OrgKind::LucLuongVuTrang,
        OrgKind::Khac,
    ];

    pub fn label(self) -> &'static str {
        match self {
            OrgKind::CoQuan => "Cơ quan",
            OrgKind::TruongHoc => "Trường học",
            OrgKind::DoanhNghiep => "Doanh nghiệp",
            OrgKind::HopTacXa => "Hợp tác xã",
            OrgKind::CoSoSanXuat => "Cơ sở sản xuất",
            OrgKind::LucLuongVuTrang => "Lực lượng vũ trang",
            OrgKind::Khac => "Khác",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub meta: UnitMeta,
    pub name: String,
    pub kind: OrgKind,
    pub staff: u32,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Gender {
    Nam,
    Nu,
    Khac,
}

impl Gender {
    pub fn label(self) -> &'static str {
        match self {
            Gender::Nam => "Nam",
            Gender::Nu => "Nữ",
            Gender::Khac => "Khác",
        }
    }
}

/// Where a citizen belongs for the two CDHT populations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Affiliation {
    Household(UnitId),
    Organisation(UnitId),
    None,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Citizen {
    pub meta: UnitMeta,
    pub full_name: String,
    pub birth_year: Option<u16>,
    pub gender: Gender,
    pub affiliation: Affiliation,
    /// CDHT target group (1–4) as the provincial guidance numbers them, when known.
    pub target_group: Option<u8>,
}

/// Any unit of the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Unit {
    Community(Community),
    Household(Household),
    Clan(Clan),
    Organisation(Organisation),
    Citizen(Citizen),
}

impl Unit {
    pub fn kind(&self) -> UnitKind {
        match self {
            Unit::Community(_) => UnitKind::Community,
            Unit::Household(_) => UnitKind::Household,
            Unit::Clan(_) => UnitKind::Clan,
            Unit::Organisation(_) => UnitKind::Organisation,
            Unit::Citizen(_) => UnitKind::Citizen,
        }
    }

    pub fn meta(&self) -> &UnitMeta {
        match self {
            Unit::Community(u) => &u.meta,
            Unit::Household(u) => &u.meta,
            Unit::Clan(u) => &u.meta,
            Unit::Organisation(u) => &u.meta,
            Unit::Citizen(u) => &u.meta,
        }
    }

    pub fn meta_mut(&mut self) -> &mut UnitMeta {
        match self {
            Unit::Community(u) => &mut u.meta,
            Unit::Household(u) => &mut u.meta,
            Unit::Clan(u) => &mut u.meta,
            Unit::Organisation(u) => &mut u.meta,
            Unit::Citizen(u) => &mut u.meta,
        }
    }

    pub fn code(&self) -> &str {
        &self.meta().code
    }

    /// The name shown in lists: the head of household for a household, the full name
    /// for a citizen, the clan name with its branch for a clan.
    pub fn display_name(&self) -> String {
        match self {
            Unit::Community(c) => format!("{} {}", c.kind.label(), c.name),
            Unit::Household(h) => h.head_name.clone(),
            Unit::Clan(c) => match &c.branch {
                Some(branch) => format!("{} ({branch})", c.name),
                None => c.name.clone(),
            },
            Unit::Organisation(o) => o.name.clone(),
            Unit::Citizen(c) => c.full_name.clone(),
        }
    }

    /// Whether the list shows this unit's name as a person's name (sorted by given name).
    pub fn is_person_named(&self) -> bool {
        matches!(self, Unit::Household(_) | Unit::Citizen(_))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(entered: Year, left: Option<Year>) -> UnitMeta {
        UnitMeta {
            code: "HO1".into(),
            entered,
            left,
        }
    }

    #[test]
    fn a_unit_counts_from_its_entry_year_until_the_year_it_left() {
        let m = meta(2020, Some(2024));
        assert!(!m.active_in(2019));
        assert!(m.active_in(2020));
        assert!(m.active_in(2023));
        assert!(!m.active_in(2024));
        assert!(meta(2020, None).active_in(2030));
    }

    #[test]
    fn a_doubled_kind_word_is_found_exactly() {
        let thon = CommunityKind::Thon;
        assert_eq!(thon.without_own_word("Thôn Đông").as_deref(), Some("Đông"));
        assert_eq!(thon.without_own_word("thôn  Đông").as_deref(), Some("Đông"));
        assert_eq!(thon.without_own_word("Thôn"), None);
        assert_eq!(thon.without_own_word("Xóm Bến"), None);
        assert_eq!(thon.without_own_word("Thon Ha"), None);
        assert_eq!(CommunityKind::Ban.without_own_word("Ban Mai"), None);
        let tdp = CommunityKind::ToDanPho;
        assert_eq!(
            tdp.without_own_word("Tổ dân phố số 3").as_deref(),
            Some("số 3")
        );
        assert_eq!(tdp.without_own_word("Tổ dân phố"), None);
        assert_eq!(tdp.without_own_word("Tổ 3"), None);
    }

    #[test]
    fn kinds_round_trip_through_codes_and_bytes() {
        for k in UnitKind::ALL {
            assert_eq!(UnitKind::from_code(k.code()), Some(k));
            assert_eq!(UnitKind::from_u8(k as u8), Some(k));
        }
        assert_eq!(UnitKind::from_u8(9), None);
    }
}
