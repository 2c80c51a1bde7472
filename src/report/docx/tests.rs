//! The document's XML, read back from the zip: page, margins, font, the header on pages
//! after the first, repeated table headers, the figures and the narrative placeholders.
//! LibreOffice's reading of it is checked in tests/paper_real_tools.rs.

use super::*;
use crate::model::{Commune, Title};
use crate::report::Summary;
use crate::report::data::{CommunityLine, CommunityStanding, RecognisedGroup, RecognisedUnit};
use crate::tally::{Counts, Tally};
use std::io::Read;

fn data() -> ReportData {
    let commune = Commune {
        name: "Xã Yên Mô".into(),
        province: "Ninh Bình".into(),
    };
    let mut tally = Tally::default();
    tally.titles[Title::GiaDinh as usize] = Counts {
        total: 1234,
        registered: 1000,
        scored: 900,
        passed: 800,
        recognised: 761,
    };
    ReportData {
        letterhead: crate::model::Letterhead::default(),
        summary: Summary::build(&commune, 2025, &tally, &[]),
        previous: Summary::build(&commune, 2024, &Tally::default(), &[]),
        communities: vec![CommunityLine {
            code: "TH01".into(),
            name: "Thôn Đông <&>".into(),
            households: Counts::default(),
            citizens: Counts::default(),
            cdht_status: CommunityStanding::Passed,
        }],
        recognised: Some(vec![
            RecognisedGroup {
                decision: Some(crate::model::Decision {
                    number: "45/QĐ-UBND".into(),
                    date: NaiveDate::from_ymd_opt(2025, 12, 20).unwrap(),
                }),
                community: Some(("TH01".into(), "Thôn Đông".into())),
                units: vec![RecognisedUnit {
                    title: Title::GiaDinh,
                    code: "HO001".into(),
                    name: "Nguyễn Văn Ỹ".into(),
                }],
            },
            RecognisedGroup {
                decision: Some(crate::model::Decision {
                    number: "46/QĐ-UBND".into(),
                    date: NaiveDate::from_ymd_opt(2025, 12, 22).unwrap(),
                }),
                community: Some(("TH01".into(), "Thôn Đông".into())),
                units: vec![RecognisedUnit {
                    title: Title::CongDan,
                    code: "CD001".into(),
                    name: "Lê Thị Ửng".into(),
                }],
            },
        ]),
        criteria: vec![],
        way: vec![],
    }
}

fn options(list: bool) -> DocxOptions {
    DocxOptions {
        today: NaiveDate::from_ymd_opt(2026, 11, 22).unwrap(),
        list,
        signer: Some("Trần Thị Hà".into()),
    }
}

fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn the_page_is_a4_with_the_decree_margins_and_numbers_from_page_two() {
    let docx = render(&data(), &options(false)).unwrap();
    let doc = part(&docx, "word/document.xml");
    assert!(doc.contains(r#"<w:pgSz w:w="11906" w:h="16838"/>"#), "A4");
    // 20 mm top and bottom, 30 mm left, 15 mm right.
    assert!(
        doc.contains(r#"<w:pgMar w:top="1134" w:right="850" w:bottom="1134" w:left="1701""#),
        "{doc}"
    );
    assert!(doc.contains("<w:titlePg/>"));
    let header = part(&docx, "word/header1.xml");
    assert!(header.contains(" PAGE ") && header.contains(r#"<w:jc w:val="center"/>"#));
    assert!(!part(&docx, "word/header2.xml").contains("PAGE"));
    let styles = part(&docx, "word/styles.xml");
    assert!(styles.contains(r#"<w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman""#));
    assert!(styles.contains(r#"<w:sz w:val="28"/>"#), "14 pt");
}

#[test]
fn the_letterhead_figures_and_placeholders_are_in_the_body() {
    let docx = render(&data(), &options(true)).unwrap();
    let doc = part(&docx, "word/document.xml");
    for text in [
        "HỘI KHUYẾN HỌC TỈNH NINH BÌNH",
        "HỘI KHUYẾN HỌC XÃ YÊN MÔ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Yên Mô, ngày 22 tháng 11 năm 2026",
        "KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP NĂM 2025",
        "1.234",
        "61,7%",
        "Thôn Đông &lt;&amp;&gt;",
        "Nơi nhận:",
        "TM. BAN CHẤP HÀNH",
        "Trần Thị Hà",
        "DANH SÁCH ĐƠN VỊ, CÁ NHÂN ĐƯỢC CÔNG NHẬN NĂM 2025",
        "Nguyễn Văn Ỹ",
    ] {
        assert!(doc.contains(text), "missing {text}");
    }
    for (head, placeholder) in body::NARRATIVE {
        assert!(doc.contains(head) && doc.contains(placeholder), "{head}");
    }
    // The list in two parts, one per decision, the second from a new page.
    let first = "Danh sách kèm theo Quyết định số 45/QĐ-UBND ngày 20 tháng 12 năm 2025:";
    let second = "Danh sách kèm theo Quyết định số 46/QĐ-UBND ngày 22 tháng 12 năm 2025:";
    assert!(doc.find(first) < doc.find(second) && doc.contains("Lê Thị Ửng"));
    let before_second = doc.get(..doc.find(second).unwrap()).unwrap();
    let paragraph = before_second.rfind("<w:p>").unwrap();
    assert!(
        before_second
            .get(paragraph..)
            .unwrap()
            .contains("<w:pageBreakBefore/>")
    );
    // Every figures table repeats its header row; rows never split.
    assert_eq!(doc.matches("<w:tblHeader/>").count(), 5);
    assert!(doc.contains("<w:cantSplit/>"));
    assert!(!render(&data(), &options(false)).unwrap().is_empty());
}

#[test]
fn the_same_report_gives_the_same_bytes() {
    let a = render(&data(), &options(true)).unwrap();
    let b = render(&data(), &options(true)).unwrap();
    assert_eq!(a, b);
    assert_eq!(
        file_name(2025, NaiveDate::from_ymd_opt(2026, 1, 5).unwrap()),
        "bao-cao-2025-20260105.docx"
    );
}
