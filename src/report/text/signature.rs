//! The signature block: recipients on the left, "TM. BAN CHẤP HÀNH / CHỦ TỊCH" on the
//! right with room to sign, kept together on one page.

use super::layout::{Block, Pen, two_columns};
use crate::text::pad_to_width;

const LEFT: usize = 34;

/// The recipients, heading first; shared with the Word report.
pub const RECIPIENTS: [&str; 5] = [
    "Nơi nhận:",
    "- Đảng ủy xã (để báo cáo);",
    "- UBND xã;",
    "- Hội Khuyến học cấp trên;",
    "- Lưu: VT.",
];

/// On whose behalf and who signs.
pub const SIGNER: [&str; 2] = ["TM. BAN CHẤP HÀNH", "CHỦ TỊCH"];

pub fn signature(pen: &Pen) -> Vec<Block> {
    let left: Vec<String> = RECIPIENTS
        .iter()
        .map(|s| pad_to_width(&pen.t(s), 28))
        .collect();
    let right: Vec<String> = SIGNER.iter().map(|s| pen.t(s)).collect();
    let mut lines = vec![String::new()];
    lines.extend(two_columns(&left, &right, LEFT));
    // Room for the signature and seal; the name is written under it by hand.
    lines.extend(std::iter::repeat_n(String::new(), 4));
    vec![Block::Keep(lines)]
}
