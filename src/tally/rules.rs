//! The denominators, said once, in Vietnamese, for the bars' help, the report's note and
//! `report --json`.

use crate::model::Measure;

/// (measure code, rule) for every measure.
pub const DENOMINATOR_RULES: [(&str, &str); 6] = [
    (
        "gia-dinh",
        "Tỷ lệ hộ gia đình được công nhận GĐHT trên tổng số hộ của xã trong năm (hộ chưa chuyển đi).",
    ),
    (
        "dong-ho",
        "Tỷ lệ dòng họ (hoặc chi họ đăng ký riêng) được công nhận DHHT trên tổng số dòng họ có trong sổ của xã.",
    ),
    (
        "cong-dong",
        "Tỷ lệ thôn, xóm, bản, ấp, tổ dân phố, khu phố được công nhận CĐHT trên tổng số cộng đồng dân cư của xã.",
    ),
    (
        "don-vi",
        "Tỷ lệ cơ quan, trường học, doanh nghiệp, hợp tác xã, cơ sở sản xuất, lực lượng vũ trang trên địa bàn được công nhận ĐVHT trên tổng số các đơn vị đó.",
    ),
    (
        "cong-dan/cong-dong",
        "Mẫu số: tổng số người lớn của các hộ mà chính hộ đó đạt GĐHT, hoặc dòng họ của hộ đạt DHHT, hoặc thôn/tổ dân phố của hộ đạt CĐHT trong năm. Tử số: số công dân thuộc các hộ đó được công nhận CDHT.",
    ),
    (
        "cong-dan/don-vi",
        "Mẫu số: tổng số cán bộ, nhân viên của các đơn vị được công nhận ĐVHT trong năm. Tử số: số công dân thuộc các đơn vị đó được công nhận CDHT.",
    ),
];

pub fn denominator_rule(measure: Measure) -> &'static str {
    DENOMINATOR_RULES
        .iter()
        .find(|(code, _)| *code == measure.code())
        .map_or("", |(_, rule)| rule)
}
