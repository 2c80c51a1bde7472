//! The signature block: recipients on the left, "TM. BAN CHẤP HÀNH / CHỦ TỊCH" on the
//! right with room to sign, kept together on one page.

use super::layout::{Block, Pen, two_columns, wrap};
use crate::model::Letterhead;
use crate::text::pad_to_width;

const LEFT: usize = 34;

/// The heading of the recipients, shared with the Word report.
pub const RECIPIENTS_HEADING: &str = "Nơi nhận:";

/// Width of the recipients' block, left-aligned inside the centred left column.
const RECIPIENTS_WIDTH: usize = 28;

pub fn signature(pen: &Pen, own: &Letterhead) -> Vec<Block> {
    let mut left = vec![pad_to_width(&pen.t(RECIPIENTS_HEADING), RECIPIENTS_WIDTH)];
    for r in own.recipient_lines() {
        for line in wrap(&pen.t(&r), RECIPIENTS_WIDTH, "", "  ") {
            left.push(pad_to_width(&line, RECIPIENTS_WIDTH));
        }
    }
    let mut right: Vec<String> = own.signer_lines().iter().map(|s| pen.t(s)).collect();
    // Room for the signature and seal, then the signer's name when the office gave it
    // (otherwise it is written by hand).
    right.extend(std::iter::repeat_n(String::new(), 4));
    if let Some(name) = own.signer_name_line() {
        right.push(pen.t(&name));
    }
    let mut lines = vec![String::new()];
    lines.extend(two_columns(&left, &right, LEFT));
    lines.extend(std::iter::repeat_n(String::new(), 2));
    vec![Block::Keep(lines)]
}
