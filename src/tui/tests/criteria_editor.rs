//! The criteria editor: a CDHT rule entered from blank with keys only, saved with who
//! entered it, adopted for the year and undone; every live validation message beside
//! its field; snapshots at 80×24 (normal and ASCII) and 80×23.

use super::fixture::*;
use crate::criteria::draft::Severity;
use crate::criteria::{IndicatorKind, Provenance, Status};
use crate::model::{EvaluationKey, IndicatorValue, Title};
use crate::tui::app::{App, Confirm, Screen};
use crate::tui::criteria_editor::CriteriaScreen;
use crate::tui::criteria_editor::state::{
    CritField, EditorState, GradeField, IndField, SetField, Slot,
};
use crate::tui::keymap::Ctx;
use crate::tui::theme::Theme;
use crossterm::event::KeyCode;

fn editor(app: &App) -> &EditorState {
    match app.screen() {
        Some(Screen::Criteria(c)) => match &**c {
            CriteriaScreen::Editor(e) => e,
            other => panic!("not the editor: {other:?}"),
        },
        other => panic!("not a criteria screen: {other:?}"),
    }
}

/// Replaces the value of the field with the cursor.
fn fill(app: &mut App, text: &str) {
    press(app, KeyCode::End);
    for _ in 0..60 {
        press(app, KeyCode::Backspace);
    }
    type_text(app, text);
}

/// Tab, then the value.
fn next(app: &mut App, text: &str) {
    press(app, KeyCode::Tab);
    fill(app, text);
}

/// Home screen → Công dân chosen → T → F6: a blank CDHT set.
fn blank_cdht(app: &mut App) {
    for _ in 0..3 {
        press(app, KeyCode::Down);
    }
    type_text(app, "t");
    assert_eq!(app.context(), Ctx::CriteriaSets);
    press(app, KeyCode::F(6));
    assert_eq!(app.context(), Ctx::CriteriaEditor);
    assert_eq!(editor(app).title, Title::CongDan);
}

/// The CDHT rule from the paper, typed: two criteria, four indicators (one Đạt/không
/// đạt and mandatory), a floor of 5, at least 25 of 30.
fn type_cdht(app: &mut App) {
    fill(app, "Bộ tiêu chí Công dân học tập (tỉnh Ninh Bình)");
    press(app, KeyCode::Tab); // Danh hiệu: Công dân học tập already
    next(app, "2022");
    next(app, "2030");
    next(app, "Quyết định");
    next(app, "244/QĐ-KHVN");
    next(app, "28/7/2022");
    next(app, "Trung ương Hội Khuyến học Việt Nam");
    press(app, KeyCode::Tab); // Đối chiếu: not yet
    next(app, "25");
    // Criterion 1: code "1" is there; its name; no minimum of its own.
    press(app, KeyCode::Tab);
    assert_eq!(
        editor(app).focused(),
        Some(Slot::Criterion(0, CritField::Code))
    );
    next(app, "Năng lực tự học và học tập suốt đời");
    press(app, KeyCode::Tab);
    // Indicator 1.1: code given, its text, points 10, floor 5.
    press(app, KeyCode::Tab);
    next(app, "Có kế hoạch tự học phù hợp");
    press(app, KeyCode::Tab);
    next(app, "10");
    next(app, "5");
    // F5 adds 1.2 after it, the cursor on its text.
    press(app, KeyCode::F(5));
    assert_eq!(
        editor(app).focused(),
        Some(Slot::Indicator(0, 1, IndField::Text))
    );
    fill(app, "Tham gia các lớp học tập cộng đồng");
    press(app, KeyCode::Tab);
    next(app, "10");
    next(app, "5");
    // F6 adds criterion 2 with indicator 2.1, the cursor on its name.
    press(app, KeyCode::F(6));
    assert_eq!(
        editor(app).focused(),
        Some(Slot::Criterion(1, CritField::Name))
    );
    fill(app, "Năng lực sử dụng công cụ");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Tab);
    next(app, "Biết sử dụng điện thoại thông minh để học");
    press(app, KeyCode::Tab);
    next(app, "10");
    next(app, "5");
    press(app, KeyCode::F(5));
    fill(app, "Không vi phạm pháp luật");
    press(app, KeyCode::Tab);
    press(app, KeyCode::Right); // Đạt/không đạt
    press(app, KeyCode::Tab);
    assert_eq!(
        editor(app).focused(),
        Some(Slot::Indicator(1, 1, IndField::Mandatory))
    );
    press(app, KeyCode::Right); // Bắt buộc
}

#[test]
fn a_cdht_rule_entered_from_blank_is_saved_with_who_entered_it_and_adopted() {
    let mut h = app();
    // A citizen scored this year under the shipped set, to be moved onto the new one.
    let register = h.app.register.as_ref().expect("register");
    let shipped = h
        .app
        .catalog
        .in_force(Title::CongDan, YEAR)
        .expect("CDHT")
        .clone();
    let citizen = register
        .read()
        .expect("read")
        .unit_id(crate::model::UnitKind::Citizen, "CD00001")
        .expect("read")
        .expect("citizen");
    let key = EvaluationKey {
        year: YEAR,
        title: Title::CongDan,
        unit: citizen,
    };
    crate::app::set_score(
        register,
        key,
        "1.1",
        Some(IndicatorValue::Points(8)),
        &shipped,
        &stamp(),
    )
    .expect("score");

    blank_cdht(&mut h.app);
    type_cdht(&mut h.app);
    let state = editor(&h.app);
    assert_eq!(state.error_count(), 0, "{:?}", state.issues);
    // The only remark left: 30 is not 100, said as a warning.
    assert_eq!(
        state.issues,
        vec![(
            Slot::Set(SetField::MinTotal),
            Severity::Warning,
            "Tổng điểm tối đa là 30, không phải 100 (chỉ cảnh báo)".to_string()
        )]
    );
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.context(), Ctx::CriteriaSets, "{:?}", h.app.message);
    let (said, _) = h.app.message.clone().expect("message");
    assert!(
        said.starts_with("✓ Đã lưu phiên bản mới của bộ CDHT 2022–2030"),
        "{said}"
    );

    // Stored in the register as the office's, with who and when and how.
    let office = h
        .app
        .register
        .as_ref()
        .expect("register")
        .read()
        .expect("read")
        .office_criteria()
        .expect("sets");
    let set = office.last().expect("one set").clone();
    assert_eq!(set.id, "cong-dan-2022-van-phong");
    assert_eq!(set.provenance(), Provenance::Office);
    let entry = set.entry.as_ref().expect("entry");
    assert_eq!(entry.how, "soạn trong chương trình");
    assert_eq!(entry.stamp.at.date(), h.app.today.expect("today"));
    assert_eq!(
        set.source,
        "Quyết định số 244/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam"
    );
    assert_eq!(set.min_total, Some(25));
    assert_eq!(set.indicator_count(), 4);
    let pass_fail = set.indicator("2.2").expect("2.2");
    assert_eq!(pass_fail.kind, IndicatorKind::PassFail);
    assert!(pass_fail.mandatory);
    assert_eq!(set.indicator("1.2").and_then(|i| i.floor), Some(5));
    // The set the app scores new CDHT evaluations under is now the office's.
    assert_eq!(
        h.app
            .catalog
            .in_force(Title::CongDan, YEAR)
            .map(|e| e.set.id.as_str()),
        Some("cong-dan-2022-van-phong")
    );

    // F7 on it: the preview, then Enter moves the citizen's evaluation onto it.
    press(&mut h.app, KeyCode::F(7));
    assert_eq!(h.app.context(), Ctx::CriteriaAdopt, "{:?}", h.app.message);
    let text = screen_text(&h.app);
    assert!(text.contains("1 đánh giá chuyển sang bộ mới"), "{text}");
    assert!(text.contains("CD00001"), "{text}");
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(h.app.context(), Ctx::CriteriaSets);
    let read = |h: &Harness| {
        h.app
            .register
            .as_ref()
            .expect("register")
            .read()
            .expect("read")
            .evaluation(key)
            .expect("read")
            .expect("evaluation")
    };
    let moved = read(&h);
    assert_eq!(moved.criteria_id, "cong-dan-2022-van-phong");
    assert_eq!(moved.values.get("1.1"), Some(&IndicatorValue::Points(8)));
    // F8 puts back the shipped set.
    press(&mut h.app, KeyCode::F(8));
    let (said, _) = h.app.message.clone().expect("message");
    assert!(said.starts_with("✓ Đã hoàn tác: 1 đánh giá"), "{said}");
    assert_eq!(read(&h).criteria_id, shipped.set.id);
}

#[test]
fn marking_a_set_checked_makes_a_new_version_the_office_checked() {
    let mut h = app();
    blank_cdht(&mut h.app);
    type_cdht(&mut h.app);
    press(&mut h.app, KeyCode::F(2));
    // Enter on the office's set: edit it again; mark it checked against the paper.
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(
        editor(&h.app).id.as_deref(),
        Some("cong-dan-2022-van-phong")
    );
    for _ in 0..8 {
        press(&mut h.app, KeyCode::Tab);
    }
    assert_eq!(editor(&h.app).focused(), Some(Slot::Set(SetField::Checked)));
    press(&mut h.app, KeyCode::Right);
    press(&mut h.app, KeyCode::F(2));
    let register = h.app.register.as_ref().expect("register");
    let office = register
        .read()
        .expect("read")
        .office_criteria()
        .expect("sets");
    assert_eq!(office.len(), 2, "both versions are kept");
    let latest = h.app.catalog.by_id("cong-dan-2022-van-phong").expect("set");
    assert_eq!(latest.set.provenance(), Provenance::OfficeChecked);
    assert_eq!(latest.set.status, Status::Verified);
}

/// The problems of the field, as the editor keeps them.
fn said(app: &App, slot: Slot) -> Vec<String> {
    editor(app)
        .issues_of(slot)
        .into_iter()
        .map(|(_, m)| m.to_string())
        .collect()
}

#[test]
fn every_validation_message_is_said_live_beside_its_field() {
    let mut h = app();
    blank_cdht(&mut h.app);
    // A blank set: nothing named yet.
    assert_eq!(
        said(&h.app, Slot::Set(SetField::Name)),
        ["Chưa có tên bộ tiêu chí"]
    );
    assert_eq!(
        said(&h.app, Slot::Set(SetField::Doc)),
        ["Chưa có văn bản ban hành (số, ngày, cơ quan ban hành)"]
    );
    // The message of the field with the cursor is on the line under the fields.
    assert!(screen_text(&h.app).contains("│ ✗ Chưa có tên bộ tiêu chí "));
    type_cdht(&mut h.app);
    assert_eq!(editor(&h.app).error_count(), 0);

    // Floor above max, on indicator 1.1 (cursor is on 2.2's "Bắt buộc").
    let go = |app: &mut App, slot: Slot| {
        let at = editor(app)
            .fields()
            .iter()
            .position(|s| *s == slot)
            .expect("field");
        let now = editor(app).focus;
        for _ in now..at {
            press(app, KeyCode::Tab);
        }
        for _ in at..now {
            press(app, KeyCode::BackTab);
        }
        assert_eq!(editor(app).focused(), Some(slot));
    };
    go(&mut h.app, Slot::Indicator(0, 0, IndField::Floor));
    fill(&mut h.app, "12");
    assert_eq!(
        said(&h.app, Slot::Indicator(0, 0, IndField::Floor)),
        ["Điểm sàn 12 lớn hơn điểm tối đa 10"]
    );
    let text = screen_text(&h.app);
    assert!(
        text.contains("│ ✗ Điểm sàn 12 lớn hơn điểm tối đa 10 "),
        "{text}"
    );
    fill(&mut h.app, "5");
    assert!(said(&h.app, Slot::Indicator(0, 0, IndField::Floor)).is_empty());

    // A duplicate indicator code, and one outside its criterion.
    go(&mut h.app, Slot::Indicator(0, 1, IndField::Code));
    fill(&mut h.app, "1.1");
    assert_eq!(
        said(&h.app, Slot::Indicator(0, 1, IndField::Code)),
        ["Mã chỉ số 1.1 trùng với chỉ số thứ 1 của tiêu chí 1"]
    );
    fill(&mut h.app, "2.9");
    assert_eq!(
        said(&h.app, Slot::Indicator(0, 1, IndField::Code)),
        ["Mã chỉ số phải bắt đầu bằng «1.»"]
    );
    fill(&mut h.app, "1.2");

    // A duplicate criterion code.
    go(&mut h.app, Slot::Criterion(1, CritField::Code));
    fill(&mut h.app, "1");
    assert!(
        said(&h.app, Slot::Criterion(1, CritField::Code))
            .contains(&"Mã tiêu chí 1 trùng với tiêu chí thứ 1".to_string())
    );
    fill(&mut h.app, "2");

    // A minimum of a criterion above what it can score.
    go(&mut h.app, Slot::Criterion(0, CritField::MinTotal));
    fill(&mut h.app, "21");
    assert_eq!(
        said(&h.app, Slot::Criterion(0, CritField::MinTotal)),
        ["Điểm tối thiểu của tiêu chí (21) lớn hơn tổng điểm tối đa của tiêu chí (20)"]
    );
    fill(&mut h.app, "");

    // The minimum total above the sum, with the total-not-100 warning after it.
    go(&mut h.app, Slot::Set(SetField::MinTotal));
    fill(&mut h.app, "31");
    assert_eq!(
        said(&h.app, Slot::Set(SetField::MinTotal)),
        [
            "Tổng điểm tối thiểu 31 lớn hơn tổng điểm tối đa 30",
            "Tổng điểm tối đa là 30, không phải 100 (chỉ cảnh báo)"
        ]
    );
    let text = screen_text(&h.app);
    assert!(
        text.contains("│ ✗ Tổng điểm tối thiểu 31 lớn hơn tổng điểm tối đa 30 "),
        "{text}"
    );
    assert!(
        text.contains("│ ⚠ Tổng điểm tối đa là 30, không phải 100 (chỉ cảnh báo) "),
        "{text}"
    );
    // F2 refuses, says how many, and keeps the cursor on the first error.
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.context(), Ctx::CriteriaEditor);
    let (message, _) = h.app.message.clone().expect("message");
    assert!(message.starts_with("Bộ còn 1 lỗi"), "{message}");
    fill(&mut h.app, "8o");
    assert_eq!(
        said(&h.app, Slot::Set(SetField::MinTotal))[0],
        "«8o» không phải số (chỉ gõ chữ số)"
    );
    fill(&mut h.app, "25");

    // Years and dates that are not ones; an end before the start.
    go(&mut h.app, Slot::Set(SetField::To));
    fill(&mut h.app, "2020");
    assert_eq!(
        said(&h.app, Slot::Set(SetField::To)),
        ["Năm cuối 2020 trước năm bắt đầu 2022"]
    );
    fill(&mut h.app, "hai");
    assert_eq!(
        said(&h.app, Slot::Set(SetField::To)),
        ["«hai» không phải năm (ví dụ 2022)"]
    );
    fill(&mut h.app, "2030");
    go(&mut h.app, Slot::Set(SetField::Date));
    fill(&mut h.app, "31/2/2022");
    assert_eq!(
        said(&h.app, Slot::Set(SetField::Date)),
        ["«31/2/2022» không phải ngày (ghi ngày/tháng/năm, ví dụ 20/12/2025)"]
    );
    fill(&mut h.app, "28/7/2022");

    // Grade bands must go down and stay within the maximum.
    press(&mut h.app, KeyCode::F(7));
    fill(&mut h.app, "Tốt");
    next(&mut h.app, "40");
    assert_eq!(
        said(&h.app, Slot::Grade(0, GradeField::Min)),
        ["Xếp loại «Tốt» cần 40 điểm, hơn tổng điểm tối đa 30"]
    );
    fill(&mut h.app, "28");
    press(&mut h.app, KeyCode::F(7));
    fill(&mut h.app, "Khá");
    next(&mut h.app, "28");
    assert_eq!(
        said(&h.app, Slot::Grade(0, GradeField::Min)),
        ["Xếp loại phải giảm dần: «Tốt» (28) không cao hơn «Khá» (28)"]
    );
    fill(&mut h.app, "25");
    assert_eq!(editor(&h.app).error_count(), 0);

    // Empty values: a code, a name, a text, a maximum of 0, the first year.
    go(&mut h.app, Slot::Set(SetField::From));
    fill(&mut h.app, "");
    assert_eq!(
        said(&h.app, Slot::Set(SetField::From)),
        ["Chưa có năm bắt đầu áp dụng"]
    );
    fill(&mut h.app, "2022");
    go(&mut h.app, Slot::Criterion(1, CritField::Name));
    fill(&mut h.app, "");
    assert_eq!(
        said(&h.app, Slot::Criterion(1, CritField::Name)),
        ["Chưa có tên tiêu chí"]
    );
    go(&mut h.app, Slot::Indicator(1, 0, IndField::Code));
    fill(&mut h.app, "");
    assert_eq!(
        said(&h.app, Slot::Indicator(1, 0, IndField::Code)),
        ["Chưa có mã chỉ số"]
    );
    go(&mut h.app, Slot::Indicator(1, 0, IndField::Text));
    fill(&mut h.app, "");
    assert_eq!(
        said(&h.app, Slot::Indicator(1, 0, IndField::Text)),
        ["Chưa có nội dung chỉ số"]
    );
    go(&mut h.app, Slot::Indicator(1, 0, IndField::Max));
    fill(&mut h.app, "0");
    assert_eq!(
        said(&h.app, Slot::Indicator(1, 0, IndField::Max)),
        ["Điểm tối đa phải lớn hơn 0"]
    );
    go(&mut h.app, Slot::Criterion(1, CritField::Code));
    fill(&mut h.app, "");
    assert_eq!(
        said(&h.app, Slot::Criterion(1, CritField::Code)),
        ["Chưa có mã tiêu chí"]
    );
}

#[test]
fn the_ten_indicator_cdht_rule_typed_from_blank_fails_a_unit_with_one_indicator_below_5() {
    let mut h = app();
    blank_cdht(&mut h.app);
    fill(&mut h.app, "Bộ tiêu chí Công dân học tập");
    press(&mut h.app, KeyCode::Tab);
    next(&mut h.app, "2022");
    next(&mut h.app, "2030");
    next(&mut h.app, "Quyết định");
    next(&mut h.app, "244/QĐ-KHVN");
    next(&mut h.app, "28/7/2022");
    next(&mut h.app, "Trung ương Hội Khuyến học Việt Nam");
    press(&mut h.app, KeyCode::Tab);
    next(&mut h.app, "80");
    let groups = [
        "Năng lực tự học và học tập suốt đời",
        "Năng lực sử dụng các công cụ để tương tác",
        "Năng lực xây dựng các mối quan hệ xã hội",
    ];
    for (c, (name, count)) in groups.iter().zip([4, 4, 2]).enumerate() {
        if c > 0 {
            press(&mut h.app, KeyCode::F(6));
        } else {
            press(&mut h.app, KeyCode::Tab);
            press(&mut h.app, KeyCode::Tab);
        }
        fill(&mut h.app, name);
        press(&mut h.app, KeyCode::Tab); // minimum of the criterion: none
        press(&mut h.app, KeyCode::Tab); // code of the first indicator
        press(&mut h.app, KeyCode::Tab);
        for i in 0..count {
            if i > 0 {
                press(&mut h.app, KeyCode::F(5));
            }
            fill(
                &mut h.app,
                &format!("Chỉ số {}.{} theo văn bản", c + 1, i + 1),
            );
            press(&mut h.app, KeyCode::Tab);
            next(&mut h.app, "10");
            next(&mut h.app, "5");
        }
    }
    assert_eq!(editor(&h.app).issues, vec![], "10 × 10 = 100, no remark");
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.context(), Ctx::CriteriaSets, "{:?}", h.app.message);
    let entry = h
        .app
        .catalog
        .in_force(Title::CongDan, YEAR)
        .expect("set")
        .clone();
    let set = &entry.set;
    assert_eq!(set.indicator_count(), 10);
    assert_eq!(set.max_total(), 100);
    let with = |pts: [u16; 10]| {
        let values = set
            .indicators()
            .zip(pts)
            .map(|(i, p)| (i.code.clone(), IndicatorValue::Points(p)))
            .collect();
        crate::criteria::score(set, &values).passed
    };
    assert!(
        !with([10, 10, 10, 10, 10, 10, 10, 4, 6, 6]),
        "86 but one below 5"
    );
    assert!(
        with([10, 10, 10, 10, 5, 5, 10, 10, 5, 5]),
        "80, none below 5"
    );
    assert!(!with([10, 10, 10, 10, 5, 5, 10, 9, 5, 5]), "79");
}

#[test]
fn a_long_indicator_text_scrolls_in_its_field_and_is_kept_whole() {
    let mut h = app();
    blank_cdht(&mut h.app);
    let long = "Thường xuyên tự học, tự nghiên cứu tài liệu, sách báo, tham gia các lớp bồi dưỡng, tập huấn kiến thức, kỹ năng nghề nghiệp và đời sống do xã tổ chức";
    assert!(long.chars().count() > 100);
    for _ in 0..14 {
        press(&mut h.app, KeyCode::Tab);
    }
    assert_eq!(
        editor(&h.app).focused(),
        Some(Slot::Indicator(0, 0, IndField::Text))
    );
    type_text(&mut h.app, long);
    let text = screen_text(&h.app);
    // The end of the text is in view where it is typed, and the whole length is said.
    assert!(text.contains("do xã tổ chức"), "{text}");
    assert!(text.contains("Ô này dài 148 ký tự"), "{text}");
    press(&mut h.app, KeyCode::Home);
    let text = screen_text(&h.app);
    assert!(text.contains("Thường xuyên tự học"), "{text}");
    let (set, _) = editor(&h.app).to_set();
    assert_eq!(set.criteria[0].indicators[0].text, long);
}

#[test]
fn esc_with_unsaved_typing_asks_before_leaving_the_editor() {
    let mut h = app();
    blank_cdht(&mut h.app);
    press(&mut h.app, KeyCode::Esc);
    assert_eq!(h.app.context(), Ctx::CriteriaSets, "nothing typed: leaves");
    press(&mut h.app, KeyCode::F(6));
    type_text(&mut h.app, "Bộ");
    press(&mut h.app, KeyCode::Esc);
    assert_eq!(h.app.confirm, Some(Confirm::DiscardForm));
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(
        h.app.context(),
        Ctx::CriteriaEditor,
        "Enter keeps the typing"
    );
    assert_eq!(editor(&h.app).name.value(), "Bộ");
}

#[test]
fn a_set_not_valid_in_the_year_is_not_adopted() {
    let mut h = app();
    type_text(&mut h.app, "t");
    // The GĐHT set of 2016–2020 is in the list after the one in force.
    let rows = crate::tui::criteria_editor::sets::rows(&h.app.catalog, YEAR);
    let at = rows
        .iter()
        .position(|r| r.id.contains("2016"))
        .expect("old set");
    for _ in 0..at {
        press(&mut h.app, KeyCode::Down);
    }
    press(&mut h.app, KeyCode::F(7));
    assert_eq!(h.app.context(), Ctx::CriteriaSets);
    let (said, _) = h.app.message.clone().expect("message");
    assert_eq!(said, "Bộ này áp dụng 2016–2020, không áp dụng cho năm 2025");
}

/// The screen as text, the folder's name fixed (as in `snapshots.rs`).
fn snap(app: &App, height: u16) -> String {
    same_separators(&draw(app, 80, height).backend().to_string())
}

#[test]
fn snapshot_sets_editor_and_adopt_preview() {
    let mut h = app();
    type_text(&mut h.app, "t");
    let mut out = snap(&h.app, 24);
    press(&mut h.app, KeyCode::Enter);
    out.push_str(&snap(&h.app, 24));
    // Down to the first indicator's floor, above its maximum.
    for _ in 0..17 {
        press(&mut h.app, KeyCode::Tab);
    }
    assert_eq!(
        editor(&h.app).focused(),
        Some(Slot::Indicator(0, 0, IndField::Floor))
    );
    fill(&mut h.app, "99");
    out.push_str(&snap(&h.app, 24));
    out.push_str(&snap(&h.app, 23));
    insta::assert_snapshot!(out);
}

#[test]
fn snapshot_editor_ascii() {
    let mut h = app_with(Theme::new(false, true));
    blank_cdht(&mut h.app);
    type_cdht(&mut h.app);
    let mut out = snap(&h.app, 24);
    // Saved: the list, with the office's set in force. The shipped set below it is
    // shown, as the office's names whoever runs the tests as the one who entered it.
    press(&mut h.app, KeyCode::F(2));
    press(&mut h.app, KeyCode::Down);
    out.push_str(&snap(&h.app, 24));
    insta::assert_snapshot!(out);
}

#[test]
fn snapshot_adopt_preview() {
    let mut h = app();
    type_text(&mut h.app, "t");
    press(&mut h.app, KeyCode::Enter);
    fill(&mut h.app, "Bộ tiêu chí Gia đình học tập (văn phòng)");
    for _ in 0..4 {
        press(&mut h.app, KeyCode::Tab);
    }
    fill(&mut h.app, "Quyết định");
    next(&mut h.app, "15/QĐ-HKH");
    next(&mut h.app, "2/3/2023");
    next(&mut h.app, "Hội Khuyến học tỉnh Ninh Bình");
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.context(), Ctx::CriteriaSets, "{:?}", h.app.message);
    press(&mut h.app, KeyCode::F(7));
    assert_eq!(h.app.context(), Ctx::CriteriaAdopt, "{:?}", h.app.message);
    insta::assert_snapshot!(snap(&h.app, 24));
}

#[test]
fn at_80x23_the_field_with_the_cursor_is_always_in_view() {
    let mut h = app();
    blank_cdht(&mut h.app);
    type_cdht(&mut h.app);
    h.app.set_window(80, 23);
    let count = editor(&h.app).fields().len();
    let in_view = |app: &App| {
        let text = draw(app, 80, 23).backend().to_string();
        text.lines().filter(|l| l.contains("│ ▶")).count() == 1
    };
    for _ in 0..count {
        press(&mut h.app, KeyCode::BackTab);
        assert!(in_view(&h.app), "{:?}", editor(&h.app).focused());
    }
    assert_eq!(editor(&h.app).focus, 0);
    while editor(&h.app).focus + 1 < count {
        press(&mut h.app, KeyCode::PageDown);
        assert!(in_view(&h.app), "{:?}", editor(&h.app).focused());
    }
}

#[test]
fn telex_backspace_and_replace_types_vietnamese_into_a_field() {
    let mut h = app();
    blank_cdht(&mut h.app);
    // Unikey (Telex) sends "o", then Backspace and "ô", then Backspace and "ộ".
    type_text(&mut h.app, "Bo");
    press(&mut h.app, KeyCode::Backspace);
    type_text(&mut h.app, "ô");
    press(&mut h.app, KeyCode::Backspace);
    type_text(&mut h.app, "ộ");
    // Combining marks from another input method end up in NFC.
    type_text(&mut h.app, " tie\u{302}u chi\u{301}");
    assert_eq!(editor(&h.app).name.value(), "Bộ tiêu chí");
    assert!(editor(&h.app).changed);
}

#[test]
fn the_cursor_stands_after_the_text_typed_in_the_field_with_the_cursor() {
    let mut h = app();
    blank_cdht(&mut h.app);
    type_text(&mut h.app, "Bộ CDHT");
    let row = left_of_cursor(&h.app).expect("a cursor");
    assert!(row.ends_with("▶Tên bộ           Bộ CDHT"), "{row:?}");
}
