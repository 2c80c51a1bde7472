//! The report's own lines (letterhead, signer, recipients) edited from the report screen
//! (issue 13), and how a long field of a sheet is shown.

use super::fixture::*;
use super::report_import::{setup, snap};
use crossterm::event::KeyCode;

/// Issue 13: F9 on the report screen edits the report's own lines, the register keeps
/// them, and the preview shows them at once.
#[test]
fn the_letterhead_is_edited_from_the_report_screen() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(9));
    insta::assert_snapshot!("letterhead_sheet", snap(&h.app, docs.path()));
    type_text(&mut h.app, "UBND XÃ YÊN MÔ");
    press(&mut h.app, KeyCode::Tab);
    press(&mut h.app, KeyCode::Tab);
    type_text(&mut h.app, &"9".repeat(70));
    press(&mut h.app, KeyCode::F(2));
    let refused = screen_text(&h.app);
    assert!(refused.contains("Dài 70 ký tự, tối đa 64"), "{refused}");
    for _ in 0..70 {
        press(&mut h.app, KeyCode::Backspace);
    }
    type_text(&mut h.app, "12/BC-HKH");
    press(&mut h.app, KeyCode::F(2));
    let text = screen_text(&h.app);
    assert!(text.contains("Đã lưu phần đầu và phần ký"), "{text}");
    assert!(
        text.contains("UBND XÃ YÊN MÔ") && text.contains("Số: 12/BC-HKH"),
        "{text}"
    );
    let register = h.app.register.as_ref().expect("register");
    let own = register.read().and_then(|r| r.letterhead()).expect("read");
    assert_eq!(own.number, "12/BC-HKH");
    assert_eq!(own.superior, "UBND XÃ YÊN MÔ");
}

/// A long field of a sheet shows its start when the cursor is elsewhere (the recipients
/// of the report, typed once): "Thường trực Đảng ủy…", not its tail.
#[test]
fn a_long_sheet_field_shows_its_start_when_not_focused() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    let register = h.app.register.as_ref().expect("register");
    register
        .write(|w| {
            w.set_letterhead(&crate::model::Letterhead {
                recipients: vec![
                    "Thường trực Đảng ủy xã (để báo cáo)".into(),
                    "Ủy ban nhân dân xã".into(),
                    "Hội Khuyến học tỉnh Ninh Bình".into(),
                    "Lưu: VT, HKH".into(),
                ],
                ..Default::default()
            })
        })
        .expect("write");
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(9));
    let text = screen_text(&h.app);
    assert!(text.contains("Thường trực Đảng ủy"), "{text}");
    assert!(
        !text.contains("Lưu: VT, HKH"),
        "the tail is not what is shown: {text}"
    );
}
