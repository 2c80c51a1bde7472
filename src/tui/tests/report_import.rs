//! The Report screen, the import screen and backups, driven by keys: what the officer
//! sees, what is written and what is not. Snapshots of each at 80×24.

use super::fixture::*;
use crate::app::load_report_data;
use crate::model::UnitKind;
use crate::report::text::{TextOptions, render};
use crate::store::backup::default_backup_dir;
use crate::tui::app::{App, Confirm, Screen};
use crate::tui::keymap::Ctx;
use crate::tui::report::{Line, ReportState};
use crate::tui::theme::{Role, Theme};
use crossterm::event::KeyCode;
use std::path::Path;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2025, 12, 28).expect("date")
}

/// The app with a fixed date and its own documents folder.
pub(super) fn setup(h: &mut Harness, documents: &Path) {
    h.app.today = Some(today());
    h.app.documents = Some(documents.to_path_buf());
}

fn report(app: &App) -> &ReportState {
    match app.screen() {
        Some(Screen::Report(state)) => state,
        other => panic!("not the report: {other:?}"),
    }
}

fn expected_report(app: &App, list: bool, ascii: bool) -> String {
    let register = app.register.as_ref().expect("register");
    let reader = register.read().expect("read");
    let data = load_report_data(&reader, app.year, list).expect("data");
    render(
        &data,
        &TextOptions {
            today: today(),
            ascii,
            list,
        },
    )
}

/// The screen as text with the temporary folders (different every run) named the same.
pub(super) fn snap(app: &App, documents: &Path) -> String {
    let mut text = screen_text(app);
    for (path, fixed) in [
        (app.path.display().to_string(), "/tmp/so.redb"),
        (documents.display().to_string(), "/tmp/tai-lieu"),
    ] {
        text = text.replace(&path, &format!("{fixed:<0$}", path.chars().count()));
    }
    same_separators(&text)
}

#[test]
fn the_report_preview_is_the_report_byte_for_byte_with_every_option() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    assert_eq!(h.app.context(), Ctx::Report);
    assert_eq!(report(&h.app).text, expected_report(&h.app, false, false));
    press(&mut h.app, KeyCode::F(3));
    assert!(report(&h.app).list);
    assert_eq!(report(&h.app).text, expected_report(&h.app, true, false));
    press(&mut h.app, KeyCode::F(4));
    assert_eq!(report(&h.app).text, expected_report(&h.app, true, true));
    assert!(report(&h.app).text.is_ascii());
    press(&mut h.app, KeyCode::F(3));
    assert_eq!(report(&h.app).text, expected_report(&h.app, false, true));
    // The screen shows text lines, never the form feed itself.
    let state = report(&h.app);
    let text_lines: Vec<&str> = state
        .lines
        .iter()
        .filter_map(|l| match l {
            Line::Text(t) => Some(t.as_str()),
            Line::PageBreak(_) => None,
        })
        .collect();
    assert_eq!(text_lines.len(), state.text.lines().count());
    assert!(!screen_text(&h.app).contains('\u{c}'));
    press(&mut h.app, KeyCode::Esc);
    assert_eq!(h.app.screen(), Some(&Screen::Home));
}

#[test]
fn the_report_scrolls_and_pages_show_as_separators() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    let pages = report(&h.app).pages();
    assert!(pages >= 2, "the fixture's report has {pages} page(s)");
    let max = report(&h.app).max_scroll(h.app.page_rows);
    assert!(max > 0);
    press(&mut h.app, KeyCode::Down);
    assert_eq!(report(&h.app).scroll, 1);
    press(&mut h.app, KeyCode::PageDown);
    assert_eq!(report(&h.app).scroll, 1 + 20);
    press(&mut h.app, KeyCode::End);
    assert_eq!(report(&h.app).scroll, max);
    press(&mut h.app, KeyCode::Down);
    assert_eq!(report(&h.app).scroll, max, "no scrolling past the end");
    let last_line = report(&h.app)
        .text
        .lines()
        .last()
        .expect("a line")
        .trim()
        .to_string();
    assert!(screen_text(&h.app).contains(&last_line), "{last_line}");
    press(&mut h.app, KeyCode::Home);
    assert_eq!(report(&h.app).scroll, 0);
    // Scroll to the first page break: the separator is drawn in its place.
    let at = report(&h.app)
        .lines
        .iter()
        .position(|l| matches!(l, Line::PageBreak(2)))
        .expect("a page break");
    for _ in 0..at {
        press(&mut h.app, KeyCode::Down);
    }
    assert!(screen_text(&h.app).contains("ngắt trang · trang 2 sang tờ mới"));
}

#[test]
fn saving_the_report_writes_the_preview_owner_only_and_names_the_path() {
    let mut h = app();
    let docs = scratch_dir();
    let folder = docs.path().join("Tài liệu");
    setup(&mut h, &folder);
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(4));
    press(&mut h.app, KeyCode::F(2));
    let path = folder.join("bao-cao-2025-20251228.txt");
    let written = std::fs::read_to_string(&path).expect("saved");
    assert_eq!(written, report(&h.app).text);
    assert_eq!(written, expected_report(&h.app, false, true));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
    let (notice, role) = report(&h.app).notice.clone().expect("notice");
    assert_eq!(role, Role::Good);
    assert!(notice.contains(&path.display().to_string()), "{notice}");
    // Saving again the same day keeps the first file and names the second.
    std::fs::write(&path, "đã sửa tay").expect("edit");
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(std::fs::read_to_string(&path).expect("kept"), "đã sửa tay");
    let second = folder.join("bao-cao-2025-20251228-2.txt");
    assert_eq!(
        std::fs::read_to_string(&second).expect("second"),
        report(&h.app).text
    );
    let (notice, _) = report(&h.app).notice.clone().expect("notice");
    assert!(notice.contains(&second.display().to_string()), "{notice}");
}

#[test]
fn f6_saves_the_word_report_with_the_list_and_never_replaces_one() {
    let mut h = app();
    let docs = tempfile::tempdir().expect("tempdir");
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(3));
    press(&mut h.app, KeyCode::F(6));
    let path = docs.path().join("bao-cao-2025-20251228.docx");
    let written = std::fs::read(&path).expect("saved");
    let register = h.app.register.as_ref().expect("register");
    let data = load_report_data(&register.read().expect("read"), h.app.year, true).expect("data");
    let options = crate::report::docx::DocxOptions {
        today: today(),
        list: true,
        signer: None,
    };
    assert_eq!(
        written,
        crate::report::docx::render(&data, &options).expect("docx")
    );
    let (notice, role) = report(&h.app).notice.clone().expect("notice");
    assert_eq!(role, Role::Good);
    assert!(notice.contains(&path.display().to_string()), "{notice}");
    type_text(&mut h.app, "w");
    assert!(docs.path().join("bao-cao-2025-20251228-2.docx").is_file());
    assert_eq!(std::fs::read(&path).expect("kept"), written);
}

#[test]
fn a_report_folder_that_cannot_be_written_gets_a_vietnamese_error() {
    let mut h = app();
    let docs = scratch_dir();
    // A file where the folder should be: no permission trick needed (tests may run as
    // root, who may write anywhere).
    let blocker = docs.path().join("Documents");
    std::fs::write(&blocker, b"not a folder").expect("file");
    setup(&mut h, &blocker.join("con"));
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(2));
    let (notice, role) = report(&h.app).notice.clone().expect("notice");
    assert_eq!(role, Role::Error);
    assert!(notice.contains("Không ghi được"), "{notice}");
    assert!(notice.contains("Chưa lưu báo cáo"), "{notice}");
    assert!(screen_text(&h.app).contains("Không ghi được"));
}

const BAD_FILE: &str = "STT;Mã hộ;Chủ hộ;Thôn;Số nhân khẩu;Số người lớn\r\n\
1;HO00101;Ngô Văn Sáu;Nam Sơn;4;2\r\n\
2;HO00102;Đỗ Thị Bảy;Nam Sơn;bốn;2\r\n\
3;HO00103;Lý Văn Tám;Đông Hải;3;2\r\n";

const GOOD_FILE: &str = "\u{FEFF}STT;Mã hộ;Chủ hộ;Thôn;Số nhân khẩu;Số người lớn\r\n\
1;HO00101;Ngô Văn Sáu;Nam Sơn;4;2\r\n\
2;HO00102;Đỗ Thị Bảy;Nam Sơn;5;2\r\n\
3;HO00001;Nguyễn Văn An;Đông Hải;6;3\r\n";

/// Opens the import screen and reads `name` from the documents folder (the path field
/// starts there, so the file name is all the officer types).
fn preview(h: &mut Harness, docs: &Path, name: &str, content: &str) {
    std::fs::write(docs.join(name), content).expect("write csv");
    setup(h, docs);
    type_text(&mut h.app, "n");
    assert_eq!(h.app.context(), Ctx::Import);
    type_text(&mut h.app, name);
    press(&mut h.app, KeyCode::Enter);
}

#[test]
fn a_file_with_a_bad_row_is_previewed_with_the_row_and_cannot_be_applied() {
    let mut h = app();
    let docs = scratch_dir();
    let generation = h
        .app
        .register
        .as_ref()
        .and_then(|r| r.read().ok())
        .and_then(|r| r.generation().ok());
    preview(&mut h, docs.path(), "ho-loi.csv", BAD_FILE);
    assert_eq!(h.app.context(), Ctx::ImportPreview);
    let screen = screen_text(&h.app);
    assert!(
        screen.contains("dòng 3, cột \"Số nhân khẩu\", giá trị \"bốn\""),
        "{screen}"
    );
    assert!(screen.contains("1 lỗi: không nhập được"), "{screen}");
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.context(), Ctx::ImportPreview, "still on the preview");
    let (message, role) = h.app.message.clone().expect("message");
    assert_eq!(role, Role::Error);
    assert!(message.contains("không nhập gì"), "{message}");
    assert_eq!(h.app.census.count(UnitKind::Household), 8);
    assert_eq!(h.app.census.count(UnitKind::Community), 3);
    let now = h
        .app
        .register
        .as_ref()
        .and_then(|r| r.read().ok())
        .and_then(|r| r.generation().ok());
    assert_eq!(now, generation, "nothing was written");
    assert!(!h.app.changed_since_backup());
    // Esc goes back to the file, kept as typed, to read it again once fixed.
    press(&mut h.app, KeyCode::Esc);
    assert_eq!(h.app.context(), Ctx::Import);
    match h.app.screen() {
        Some(Screen::Import(s)) => assert!(s.path().ends_with("ho-loi.csv")),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_update_that_renames_a_unit_shows_old_and_new_names() {
    let mut h = app();
    let docs = scratch_dir();
    let file = "Mã hộ;Chủ hộ;Thôn;Số nhân khẩu\r\n\
HO00001;Hoàng Thị Ánh;Đông Hải;6\r\n";
    preview(&mut h, docs.path(), "doi-ten.csv", file);
    let screen = screen_text(&h.app);
    assert!(
        screen.contains("HO00001  ⚠ đổi tên: Nguyễn Văn An → Hoàng Thị Ánh"),
        "{screen}"
    );
    assert!(screen.contains("⚠ 1 dòng cập nhật đổi tên"), "{screen}");
}

#[test]
fn the_preview_counts_only_rows_it_checked() {
    let mut h = app();
    let docs = scratch_dir();
    preview(&mut h, docs.path(), "ho-loi.csv", BAD_FILE);
    let screen = screen_text(&h.app);
    assert!(
        screen.contains(
            "Dòng không lỗi: sẽ thêm 2 hộ, cập nhật 0, không đổi 0; 1 dòng lỗi chưa tính."
        ),
        "{screen}"
    );
    // A household file without a Thôn column: no row is read, so no count is claimed.
    let mut h = app();
    let file = "Mã hộ;Chủ hộ;Số nhân khẩu\r\nHO00201;Ngô Văn Sáu;4\r\nHO00202;Lê Văn Tư;3\r\n";
    preview(&mut h, docs.path(), "thieu-cot.csv", file);
    let screen = screen_text(&h.app);
    assert!(
        screen.contains("Chưa kiểm tra dòng nào: tệp thiếu cột"),
        "{screen}"
    );
    assert!(!screen.contains("sẽ thêm 0"), "{screen}");
}

#[test]
fn a_good_file_applies_at_once_and_the_list_shows_the_new_units() {
    let mut h = app();
    let docs = scratch_dir();
    type_text(&mut h.app, "2");
    press(&mut h.app, KeyCode::Esc);
    preview(&mut h, docs.path(), "ho.csv", GOOD_FILE);
    let screen = screen_text(&h.app);
    assert!(
        screen.contains("Sẽ thêm 2 hộ, cập nhật 1, không đổi 0."),
        "{screen}"
    );
    assert!(
        screen.contains("Thôn, tổ dân phố sẽ tạo mới (1): Thôn Nam Sơn (TH004)"),
        "{screen}"
    );
    assert!(screen.contains("Bỏ qua các cột: «STT»"), "{screen}");
    assert!(screen.contains("Không có lỗi. F2"), "{screen}");
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(h.app.screen(), Some(&Screen::List(UnitKind::Household)));
    let (message, role) = h.app.message.clone().expect("message");
    assert_eq!(role, Role::Good, "{message}");
    assert!(message.contains("thêm 2 hộ, cập nhật 1"), "{message}");
    let list = &h.app.lists[&UnitKind::Household];
    let names: Vec<&str> = list.visible.iter().map(|&i| list.rows[i].name()).collect();
    assert!(
        names.contains(&"Ngô Văn Sáu") && names.contains(&"Đỗ Thị Bảy"),
        "{names:?}"
    );
    assert_eq!(
        list.selected_row().map(|r| r.name()),
        Some("Ngô Văn Sáu"),
        "the cursor is on the file's first row"
    );
    assert_eq!(h.app.census.count(UnitKind::Household), 10);
    assert_eq!(h.app.census.count(UnitKind::Community), 4);
    assert!(
        h.app
            .community_names
            .iter()
            .any(|(_, n)| n == "Thôn Nam Sơn")
    );
    assert!(h.app.changed_since_backup());
}

#[test]
fn a_path_that_cannot_be_read_is_said_in_vietnamese_on_the_form() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "n");
    type_text(&mut h.app, "khong-co.csv");
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(h.app.context(), Ctx::Import);
    let screen = screen_text(&h.app);
    assert!(screen.contains("Không đọc được"), "{screen}");
    assert!(screen.contains("không tìm thấy"), "{screen}");
}

#[test]
fn the_import_kind_is_chosen_with_the_arrows() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "n");
    press(&mut h.app, KeyCode::Up);
    assert!(!h.app.typing(), "the kind field takes no text");
    press(&mut h.app, KeyCode::Right);
    press(&mut h.app, KeyCode::Right);
    match h.app.screen() {
        Some(Screen::Import(s)) => assert_eq!(s.kind(), UnitKind::Organisation),
        other => panic!("{other:?}"),
    }
    assert!(screen_text(&h.app).contains("Tên đơn vị*"));
}

fn backups(app: &App) -> Vec<std::path::PathBuf> {
    std::fs::read_dir(default_backup_dir(&app.path))
        .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
        .unwrap_or_default()
}

#[test]
fn leaving_after_a_change_offers_a_backup_and_makes_it() {
    let mut h = app();
    let docs = scratch_dir();
    preview(&mut h, docs.path(), "ho.csv", GOOD_FILE);
    press(&mut h.app, KeyCode::F(2));
    press(&mut h.app, KeyCode::F(10));
    assert!(!h.app.quit);
    assert_eq!(h.app.confirm, Some(Confirm::BackupOnQuit));
    assert_eq!(h.app.context(), Ctx::QuitBackup);
    assert!(screen_text(&h.app).contains("Sao lưu sổ trước khi thoát? (C/K)"));
    type_text(&mut h.app, "c");
    assert!(matches!(h.app.confirm, Some(Confirm::Working { .. })));
    // Keys wait while the copy is made (the loop runs it after drawing this dialog).
    press(&mut h.app, KeyCode::Esc);
    assert!(matches!(h.app.confirm, Some(Confirm::Working { .. })));
    assert!(h.app.run_pending());
    let made = backups(&h.app);
    assert_eq!(made.len(), 1, "{made:?}");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&made[0])
            .expect("meta")
            .permissions()
            .mode();
        assert_eq!(mode & 0o077, 0, "owner only");
    }
    let Some(Confirm::Notice { text, role, .. }) = h.app.confirm.clone() else {
        panic!("{:?}", h.app.confirm);
    };
    assert_eq!(role, Role::Good);
    assert!(text.contains(&made[0].display().to_string()), "{text}");
    assert!(!h.app.quit, "the path is shown before leaving");
    press(&mut h.app, KeyCode::Enter);
    assert!(h.app.quit);
    // The copy opens as a register holding the imported households.
    let app_register = h.app.register.take().expect("register");
    app_register.close().expect("close");
    let copy = crate::store::Register::open(&made[0]).expect("open copy");
    let households = copy
        .read()
        .expect("read")
        .units(UnitKind::Household)
        .expect("units");
    assert_eq!(households.len(), 10);
}

#[test]
fn leaving_without_changes_does_not_ask() {
    let mut h = app();
    type_text(&mut h.app, "2");
    press(&mut h.app, KeyCode::F(10));
    assert!(h.app.quit);
    assert_eq!(h.app.confirm, None);
    assert!(backups(&h.app).is_empty());
}

#[test]
fn k_leaves_without_a_backup_and_esc_stays() {
    let mut h = app();
    type_text(&mut h.app, "1");
    press(&mut h.app, KeyCode::F(8));
    press(&mut h.app, KeyCode::Enter);
    assert!(h.app.changed_since_backup(), "archiving is a change");
    press(&mut h.app, KeyCode::F(10));
    press(&mut h.app, KeyCode::Esc);
    assert!(!h.app.quit);
    assert_eq!(h.app.confirm, None);
    press(&mut h.app, KeyCode::F(10));
    type_text(&mut h.app, "K");
    assert!(h.app.quit);
    assert!(backups(&h.app).is_empty());
}

#[test]
fn backing_up_now_from_home_then_leaving_does_not_ask_again() {
    let mut h = app();
    type_text(&mut h.app, "1");
    press(&mut h.app, KeyCode::F(8));
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::Esc);
    type_text(&mut h.app, "s");
    assert!(h.app.run_pending());
    assert_eq!(backups(&h.app).len(), 1);
    assert!(matches!(
        h.app.confirm,
        Some(Confirm::Notice {
            then_quit: false,
            ..
        })
    ));
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(h.app.confirm, None);
    assert!(!h.app.quit);
    press(&mut h.app, KeyCode::F(10));
    assert!(h.app.quit, "nothing changed since the backup");
}

#[test]
fn snapshot_report() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    insta::assert_snapshot!(snap(&h.app, docs.path()));
}

#[test]
fn snapshot_report_ascii_after_saving_at_a_page_break() {
    let mut h = app_with(Theme::new(true, true));
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    assert!(report(&h.app).ascii, "an --ascii console previews --ascii");
    let at = report(&h.app)
        .lines
        .iter()
        .position(|l| matches!(l, Line::PageBreak(2)))
        .expect("a page break");
    for _ in 0..at.saturating_sub(10) {
        press(&mut h.app, KeyCode::Down);
    }
    press(&mut h.app, KeyCode::F(2));
    let text = snap(&h.app, docs.path());
    assert!(text.is_ascii());
    insta::assert_snapshot!(text);
}

#[test]
fn snapshot_import_choose() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    type_text(&mut h.app, "n");
    type_text(&mut h.app, "ho.csv");
    insta::assert_snapshot!(snap(&h.app, docs.path()));
}

#[test]
fn snapshot_import_preview_with_problems_and_good() {
    let mut h = app();
    let docs = scratch_dir();
    preview(&mut h, docs.path(), "ho-loi.csv", BAD_FILE);
    let bad = snap(&h.app, docs.path());
    press(&mut h.app, KeyCode::Esc);
    press(&mut h.app, KeyCode::Esc);
    preview(&mut h, docs.path(), "ho.csv", GOOD_FILE);
    let good = snap(&h.app, docs.path());
    insta::assert_snapshot!(format!("{bad}{good}"));
}

#[test]
fn snapshot_backup_question_and_result() {
    let mut h = app();
    type_text(&mut h.app, "1");
    press(&mut h.app, KeyCode::F(8));
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::F(10));
    let question = snap(&h.app, Path::new("/nowhere"));
    type_text(&mut h.app, "c");
    let working = snap(&h.app, Path::new("/nowhere"));
    h.app.run_pending();
    // The backup's name carries the minute it was made.
    let done = snap(&h.app, Path::new("/nowhere"));
    let minute = regex_free_minute(&done);
    insta::assert_snapshot!(format!(
        "{question}{working}{}",
        done.replace(&minute, "YYYY-MM-DD-HHMM")
    ));
}

/// The `2025-12-28-0930` part of the backup's name on screen.
fn regex_free_minute(screen: &str) -> String {
    let Some(at) = screen.find("so-20") else {
        return String::from("\u{0}");
    };
    screen
        .get(at + 3..at + 3 + 15)
        .map_or_else(|| String::from("\u{0}"), str::to_string)
}

/// What the fake printers below were given, in order.
static PRINTED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

fn fake_printer(
    text: &str,
    _spool: &Path,
) -> Result<crate::print::Printed, crate::print::PrintError> {
    PRINTED.lock().expect("lock").push(text.to_string());
    Ok(crate::print::Printed {
        program: "lp",
        file: None,
    })
}

fn missing_printer(
    _text: &str,
    _spool: &Path,
) -> Result<crate::print::Printed, crate::print::PrintError> {
    Err(crate::print::PrintError::NoPrinter {
        program: "lp",
        advice: "cần cài CUPS",
    })
}

fn notice(app: &App) -> String {
    report(app)
        .notice
        .clone()
        .map(|(text, _)| text)
        .unwrap_or_default()
}

#[test]
fn f5_prints_the_report_on_screen_and_says_so_or_why_not() {
    let mut h = app();
    let docs = scratch_dir();
    setup(&mut h, docs.path());
    h.app.printer = fake_printer;
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(4));
    press(&mut h.app, KeyCode::F(5));
    let on_screen = report(&h.app).text.clone();
    assert!(on_screen.is_ascii(), "F4 made the preview ASCII");
    assert!(PRINTED.lock().expect("lock").contains(&on_screen));
    assert!(notice(&h.app).contains("Đã gửi báo cáo tới máy in (lp)"));

    h.app.printer = missing_printer;
    press(&mut h.app, KeyCode::F(5));
    let said = notice(&h.app);
    assert!(said.contains("Không tìm thấy lệnh in lp"), "{said}");
    assert!(
        said.contains("F2"),
        "names the key that saves instead: {said}"
    );
}

fn import_plan(app: &App) -> std::sync::Arc<crate::exchange::ImportPlan> {
    match app.screen() {
        Some(Screen::Import(state)) => {
            let preview = state.preview.as_ref().expect("a preview");
            std::sync::Arc::clone(&preview.plan.0)
        }
        other => panic!("not the import screen: {other:?}"),
    }
}

fn households(app: &App) -> usize {
    let register = app.register.as_ref().expect("register");
    let reader = register.read().expect("read");
    reader.units(UnitKind::Household).expect("units").len()
}

#[test]
fn a_workbook_is_chosen_from_the_file_list_and_stripped_codes_are_confirmed_with_f6() {
    let mut h = app();
    let docs = tempfile::tempdir().expect("tempdir");
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/excel");
    std::fs::copy(
        fixtures.join("ho-thon-dong.xlsx"),
        docs.path().join("ho.xlsx"),
    )
    .expect("copy");
    std::fs::write(docs.path().join("anh.png"), b"not a list").expect("write");
    setup(&mut h, docs.path());
    type_text(&mut h.app, "n");
    match h.app.screen() {
        Some(Screen::Import(state)) => {
            assert_eq!(state.files, vec![docs.path().join("ho.xlsx")]);
        }
        other => panic!("not the import screen: {other:?}"),
    }
    // Tab moves from the path to the list, which puts the file's path in the field.
    press(&mut h.app, KeyCode::Tab);
    let text = screen_text(&h.app);
    assert!(text.contains("Tệp tìm thấy (1)"), "{text}");
    assert!(text.contains("│   ho.xlsx "), "the file is listed: {text}");
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(h.app.context(), Ctx::ImportPreview);
    assert!(
        screen_text(&h.app).contains("dòng tiêu đề cột là dòng 4"),
        "{}",
        screen_text(&h.app)
    );
    let before = households(&h.app);
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(households(&h.app), before + 3);

    // The same list after a spreadsheet made its codes numbers: refused, then F6.
    std::fs::copy(
        fixtures.join("ho-ma-so.xlsx"),
        docs.path().join("ho-so.xlsx"),
    )
    .expect("copy");
    press(&mut h.app, KeyCode::Esc);
    type_text(&mut h.app, "n");
    type_text(&mut h.app, "ho-so.xlsx");
    press(&mut h.app, KeyCode::Enter);
    let plan = import_plan(&h.app);
    assert!(plan.awaits_code_mapping() && !plan.is_clean());
    assert!(
        screen_text(&h.app).contains("F6"),
        "{}",
        screen_text(&h.app)
    );
    press(&mut h.app, KeyCode::F(6));
    let plan = import_plan(&h.app);
    assert!(
        plan.mapping_accepted && plan.is_clean(),
        "{:?}",
        plan.problems
    );
    assert_eq!((plan.inserts(), plan.updates(), plan.unchanged), (0, 0, 3));
    press(&mut h.app, KeyCode::F(2));
    assert_eq!(
        households(&h.app),
        before + 3,
        "the round trip adds no unit"
    );
}

#[test]
fn the_report_and_a_list_are_saved_as_workbooks() {
    let mut h = app();
    let docs = tempfile::tempdir().expect("tempdir");
    setup(&mut h, docs.path());
    type_text(&mut h.app, "b");
    press(&mut h.app, KeyCode::F(7));
    let saved = docs.path().join("bao-cao-2025-20251228.xlsx");
    assert!(saved.exists(), "{}", screen_text(&h.app));
    press(&mut h.app, KeyCode::Esc);
    type_text(&mut h.app, "2");
    ctrl(&mut h.app, 'x');
    let names: Vec<String> = std::fs::read_dir(docs.path())
        .expect("read dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("ho-gia-dinh-2025-") && n.ends_with(".xlsx")),
        "{names:?}"
    );
}
