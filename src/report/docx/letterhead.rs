//! The letterhead every administrative document opens with (NĐ 30/2020 Phụ lục I): the
//! issuing body on the left, the national header and motto, bold, on the right, then
//! the number and the place and date. A borderless table keeps the two sides apart.

use super::page::text_width;
use super::xml::{Cell, Look, P, Row, Table};

/// "HỘI KHUYẾN HỌC TỈNH NINH BÌNH" (12 pt) needs 7,6 cm, the national header (12 pt
/// bold) 9,5 cm, on one line each. That is 6 mm more than the 165 mm between the
/// margins, so the borderless table reaches 3 mm into each margin (centred), as office
/// templates do; everything else keeps the margins. Longer names wrap inside their
/// column, which the decree allows.
const LEFT_COLUMN: u32 = 4309; // 7,6 cm
const RIGHT_COLUMN: u32 = 5386; // 9,5 cm

/// A line of the issuing body's side: 12 pt, centred, bold or not.
pub fn body_line(text: &str, bold: bool) -> P {
    let p = P::new().center().size(12);
    if bold { p.bold() } else { p }.text(text)
}

/// `left`: the issuing body's lines (a rule is drawn under them); `number`: "Số: …";
/// `place_date`: "Yên Mô, ngày 22 tháng 11 năm 2026".
pub fn table(mut left: Vec<P>, number: &str, place_date: &str) -> Table {
    left.push(P::rule(1200));
    let right = vec![
        P::new()
            .center()
            .size(12)
            .bold()
            .text("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        P::new()
            .center()
            .size(13)
            .bold()
            .text("Độc lập - Tự do - Hạnh phúc"),
        P::rule(1000),
    ];
    Table {
        widths: vec![LEFT_COLUMN, RIGHT_COLUMN],
        ruled: false,
        rows: vec![
            Row {
                header: false,
                cells: vec![Cell::new(left), Cell::new(right)],
            },
            Row {
                header: false,
                cells: vec![
                    Cell::new(vec![P::new().center().space(6, 0).size(13).text(number)]),
                    Cell::new(vec![
                        P::new()
                            .center()
                            .space(6, 0)
                            .italic()
                            .size(14)
                            .text(place_date),
                    ]),
                ],
            },
        ],
    }
}

/// The two signatures at the foot of a form, side by side, each over "(Ký, ghi rõ họ
/// tên)": the registration form and the scoring sheet end this way.
pub fn two_signatures(left: &str, right: &str) -> Table {
    let sign = |who: &str| {
        vec![
            P::new().center().bold().text(who),
            P::new().center().run(
                "(Ký, ghi rõ họ tên)",
                Look {
                    italic: true,
                    size: Some(24),
                    ..Look::default()
                },
            ),
        ]
    };
    let w = text_width();
    Table {
        widths: vec![w / 2, w - w / 2],
        ruled: false,
        rows: vec![Row {
            header: false,
            cells: vec![Cell::new(sign(left)), Cell::new(sign(right))],
        }],
    }
}
