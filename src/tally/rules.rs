//! The denominators, said once, in Vietnamese, for the bars' help, the report's note and
//! `report --json`.

use crate::model::Measure;

/// (measure code, rule) for every measure.
pub const DENOMINATOR_RULES: [(&str, &str); Measure::COUNT] = [
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
    (
        "cong-dan/ky-nang-so",
        "Mẫu số: mọi công dân được công nhận CDHT trong năm (toàn xã, kể cả người không thuộc hộ, dòng họ, thôn hay đơn vị học tập). Tử số: những người trong số đó được ghi kỹ năng số \"có\" hoặc \"thành thạo\". Người chưa ghi kỹ năng số tính là chưa có.",
    ),
    (
        "cong-dan/thanh-thao-ky-nang-so",
        "Mẫu số: mọi công dân được công nhận CDHT trong năm (toàn xã). Tử số: những người trong số đó được ghi kỹ năng số \"thành thạo\". Người chưa ghi kỹ năng số tính là chưa thành thạo.",
    ),
];

/// The code, label and rule of the whole commune's CDHT count: every citizen of the
/// register, not only the two populations of QĐ 387 the targets are set on.
pub const ALL_CITIZENS_CODE: &str = "cong-dan";
pub const ALL_CITIZENS_LABEL: &str = "Công dân học tập (toàn xã)";
pub const ALL_CITIZENS_RULE: &str = "Mẫu số: tổng số công dân có trong sổ của xã trong năm (kể cả người không thuộc hộ, dòng họ, thôn hay đơn vị học tập). Tử số: mọi công dân được công nhận CDHT trong năm. Chỉ để theo dõi, không có chỉ tiêu theo QĐ 387.";

pub fn denominator_rule(measure: Measure) -> &'static str {
    DENOMINATOR_RULES
        .iter()
        .find(|(code, _)| *code == measure.code())
        .map_or("", |(_, rule)| rule)
}
