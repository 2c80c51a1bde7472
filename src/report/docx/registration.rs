//! A registration form ("Phiếu đăng ký") for one unit: the unit undertakes to work for
//! the title this year, against the criteria listed from its set, and signs. Same data
//! as the scoring sheet (`sheet::SheetData`), its own page; `forms` makes the document.

use super::letterhead::{body_line, two_signatures};
use super::sheet::SheetData;
use super::xml::{Align, P};
use crate::criteria::CriteriaSet;
use crate::report::text::header::{in_sentence, place_name};

fn para(text: &str) -> P {
    P::new()
        .align(Align::Both)
        .first_line(567)
        .space(0, 6)
        .text(text)
}

/// Every block of the form, as XML.
pub fn blocks(set: &CriteriaSet, d: &SheetData) -> Vec<String> {
    let title = set.title.name();
    let place_date = format!(
        "{}, ngày … tháng … năm {}",
        place_name(&d.commune.name),
        d.year
    );
    let mut out = vec![
        super::letterhead::table(
            vec![body_line(&d.unit_name.to_uppercase(), true)],
            "",
            &place_date,
        )
        .xml(),
    ];
    let mut paras = vec![
        P::new().center().space(18, 0).bold().text("PHIẾU ĐĂNG KÝ"),
        P::new()
            .center()
            .bold()
            .text(&format!("Xây dựng danh hiệu “{title}” năm {}", d.year)),
        P::rule(3900),
        P::new().center().space(12, 12).text(&format!(
            "Kính gửi: Ban Chấp hành Hội Khuyến học {}",
            in_sentence(&d.commune.name)
        )),
        para(&format!(
            "Tên: {}    Mã trong sổ: {}",
            d.unit_name, d.unit_code
        )),
    ];
    if !d.community.is_empty() {
        paras.push(para(&format!("Thôn, tổ dân phố: {}", d.community)));
    }
    paras.push(para(&format!(
        "Sau khi nghiên cứu bộ tiêu chí «{}», chúng tôi đăng ký phấn đấu đạt danh hiệu \
         “{title}” năm {}, thực hiện đầy đủ các tiêu chí sau:",
        set.name, d.year
    )));
    for criterion in &set.criteria {
        paras.push(
            P::new()
                .align(Align::Both)
                .hanging(284)
                .space(0, 3)
                .text(&format!("-\t{}. {}", criterion.code, criterion.name)),
        );
    }
    paras.push(para(
        "Chúng tôi cam kết thực hiện và đề nghị Hội Khuyến học theo dõi, đánh giá, công \
         nhận.",
    ));
    paras.push(P::new().space(12, 0).keep_next());
    out.extend(paras.iter().map(P::xml));
    out.push(two_signatures("XÁC NHẬN CỦA THÔN", "ĐẠI DIỆN ĐĂNG KÝ").xml());
    out
}
