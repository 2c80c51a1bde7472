//! Vietnamese names and place names for the demo commune: family names with their rough
//! national frequencies, middle and given names by gender, thôn and business names. A
//! demo that looks like a real commune lets an officer judge the screens on real shapes
//! (long names, diacritics, many Nguyễn).

use super::rng::Rng;
use crate::model::Gender;

/// Family names and their approximate share of the population, in tenths of a percent.
pub const FAMILY_NAMES: &[(&str, u32)] = &[
    ("Nguyễn", 380),
    ("Trần", 110),
    ("Lê", 95),
    ("Phạm", 70),
    ("Hoàng", 50),
    ("Vũ", 40),
    ("Phan", 40),
    ("Đặng", 21),
    ("Bùi", 20),
    ("Đỗ", 14),
    ("Hồ", 13),
    ("Ngô", 13),
    ("Dương", 10),
    ("Lý", 5),
    ("Đinh", 9),
    ("Trương", 8),
    ("Cao", 6),
    ("Mai", 5),
    ("Trịnh", 6),
    ("Lương", 4),
    ("Đoàn", 5),
    ("Tạ", 3),
    ("Chu", 2),
    ("Đào", 4),
];

pub(crate) const MALE_MIDDLE: &[&str] = &[
    "Văn", "Văn", "Văn", "Đức", "Minh", "Hữu", "Ngọc", "Thanh", "Quang", "Xuân", "Công", "Đình",
    "Tiến", "Mạnh",
];
pub(crate) const FEMALE_MIDDLE: &[&str] = &[
    "Thị", "Thị", "Thị", "Thị", "Ngọc", "Thanh", "Thu", "Kim", "Minh", "Hồng", "Phương",
];
pub(crate) const MALE_GIVEN: &[&str] = &[
    "An", "Bình", "Cường", "Dũng", "Đức", "Giang", "Hải", "Hiếu", "Hùng", "Hưng", "Khánh", "Long",
    "Nam", "Phúc", "Quang", "Sơn", "Tâm", "Thắng", "Toàn", "Trung", "Tuấn", "Việt", "Vinh", "Lâm",
    "Thành", "Hoàng",
];
pub(crate) const FEMALE_GIVEN: &[&str] = &[
    "Chi", "Đào", "Giang", "Hà", "Hằng", "Hoa", "Hương", "Huyền", "Lan", "Linh", "Loan", "Mai",
    "Nga", "Nhung", "Oanh", "Phương", "Tâm", "Thảo", "Thủy", "Trang", "Yến", "Ánh",
];

/// A person's name and the gender it reads as.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PersonName {
    pub family: &'static str,
    pub full: String,
    pub gender: Gender,
}

/// A family name drawn by frequency.
pub fn family_name(rng: &mut Rng) -> &'static str {
    let weights: Vec<u32> = FAMILY_NAMES.iter().map(|(_, w)| *w).collect();
    FAMILY_NAMES
        .get(rng.weighted(&weights))
        .map_or("Nguyễn", |(name, _)| *name)
}

/// A full name with the given family name. "Thị" is only ever a woman's middle name, so
/// the gender stays consistent with the name for anyone reading the list.
pub fn person(rng: &mut Rng, family: &'static str, gender: Gender) -> PersonName {
    let (middles, givens) = match gender {
        Gender::Nu => (FEMALE_MIDDLE, FEMALE_GIVEN),
        _ => (MALE_MIDDLE, MALE_GIVEN),
    };
    let middle = rng.pick(middles).copied().unwrap_or("Văn");
    let given = rng.pick(givens).copied().unwrap_or("An");
    PersonName {
        family,
        full: format!("{family} {middle} {given}"),
        gender,
    }
}

/// Names of thôn in the plains of the Red River delta; numbered xóm and tổ dân phố
/// complete them.
pub const THON_NAMES: &[&str] = &[
    "Đông",
    "Đoài",
    "Thượng",
    "Trung",
    "Hạ",
    "Nam",
    "Bắc",
    "Tiền",
    "Hậu",
    "Yên Lạc",
    "Phú Mỹ",
    "An Thái",
    "Tân Lập",
    "Đồng Tâm",
    "Quyết Tiến",
    "Hòa Bình",
    "Văn Phú",
    "Cổ Đam",
    "Lạc Thổ",
    "Vĩnh Ninh",
    "Bình Minh",
    "Hưng Long",
    "Xuân Áng",
    "Đại Đồng",
    "Phúc Lộc",
];

/// The ten heavenly stems, the customary names of a clan's branches (chi Giáp, chi Ất…).
pub const BRANCH_STEMS: &[&str] = &[
    "Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý",
];

/// Words for the names of local businesses ("Công ty TNHH Minh Phát").
pub const BUSINESS_NAMES: &[&str] = &[
    "Minh Phát",
    "Thành Đạt",
    "Hòa Bình",
    "An Khang",
    "Phú Cường",
    "Hưng Thịnh",
    "Tân Tiến",
    "Việt Hưng",
    "Hoàng Long",
    "Đại Phát",
    "Quang Minh",
    "Thịnh Vượng",
    "Bình An",
    "Trường Sơn",
    "Hải Đăng",
    "Sao Mai",
];

/// What local businesses do.
pub const TRADES: &[&str] = &[
    "Xây dựng",
    "Thương mại",
    "May mặc",
    "Chế biến nông sản",
    "Vận tải",
    "Cơ khí",
    "Gỗ mỹ nghệ",
    "Vật liệu xây dựng",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_woman_is_never_given_a_mans_middle_name_and_thi_is_only_for_women() {
        let mut rng = Rng::new(3);
        for _ in 0..2_000 {
            let family = family_name(&mut rng);
            let man = person(&mut rng, family, Gender::Nam);
            let woman = person(&mut rng, family, Gender::Nu);
            assert!(!man.full.contains(" Thị "), "{}", man.full);
            assert!(!woman.full.contains(" Văn "), "{}", woman.full);
            assert!(man.full.starts_with(family));
            assert_eq!(man.full.split(' ').count(), 3);
        }
    }

    #[test]
    fn nguyen_is_the_most_common_family_name() {
        let mut rng = Rng::new(11);
        let n = 10_000;
        let nguyen = (0..n).filter(|_| family_name(&mut rng) == "Nguyễn").count();
        assert!((3_000..4_600).contains(&nguyen), "{nguyen}");
    }
}
