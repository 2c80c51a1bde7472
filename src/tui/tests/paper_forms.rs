//! The paper forms from the list and scoring screens: Ctrl+K saves the selected unit's
//! registration form, Ctrl+W its scoring sheet; on a list filtered by thôn, the forms of
//! every unit shown, one section (new page) each, as many as the register has there.
//! Never replacing a file saved before.

use super::fixture::*;
use crate::model::{Title, UnitKind};
use crate::tui::app::Screen;
use crate::tui::theme::Role;
use crossterm::event::KeyCode;
use std::io::Read;
use std::path::Path;

fn document(path: &Path) -> String {
    let bytes = std::fs::read(path).expect("saved");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
    let mut doc = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut doc)
        .expect("read");
    doc
}

#[test]
fn forms_are_saved_for_the_unit_the_thon_shown_and_the_scored_unit() {
    let mut h = app();
    let docs = tempfile::tempdir().expect("tempdir");
    h.app.documents = Some(docs.path().to_path_buf());
    type_text(&mut h.app, "2");
    let code = |h: &Harness| {
        h.app.lists[&UnitKind::Household]
            .selected_row()
            .expect("a row")
            .code()
            .to_string()
    };
    // The selected household's registration form.
    let first = code(&h);
    ctrl(&mut h.app, 'k');
    let path = docs.path().join(format!(
        "phieu-dang-ky-gia-dinh-2025-{}.docx",
        first.to_lowercase()
    ));
    let doc = document(&path);
    assert_eq!(doc.matches("PHIẾU ĐĂNG KÝ").count(), 1);
    assert!(doc.contains(&first));
    let (said, role) = h.app.message.clone().expect("said");
    assert_eq!(role, Role::Good);
    assert!(said.contains(&path.display().to_string()), "{said}");
    // Filtered by thôn: every household shown, as many as the thôn has in the register.
    press(&mut h.app, KeyCode::F(3));
    let list = &h.app.lists[&UnitKind::Household];
    let thon = list.filter.community.expect("filtered");
    let shown: Vec<String> = list
        .visible
        .iter()
        .map(|&i| list.rows[i].code().to_string())
        .collect();
    let in_register = crate::app::forms::units_in_community(&h.app.census, Title::GiaDinh, thon);
    assert_eq!(shown.len(), in_register.len());
    assert!(shown.len() > 1, "{shown:?}");
    let name = h
        .app
        .community_names
        .iter()
        .find(|(id, _)| *id == thon)
        .map(|(_, n)| n.clone())
        .expect("thôn name");
    ctrl(&mut h.app, 'w');
    let file = crate::report::docx::forms::file_name(
        crate::report::docx::forms::FormKind::Sheet,
        Title::GiaDinh,
        2025,
        &name,
    );
    let doc = document(&docs.path().join(&file));
    assert_eq!(doc.matches("PHIẾU CHẤM ĐIỂM").count(), shown.len());
    assert_eq!(doc.matches("<w:sectPr>").count(), shown.len());
    for c in &shown {
        assert!(doc.contains(c.as_str()), "{c}");
    }
    // Again: a numbered file, the first one kept.
    let before = std::fs::read(docs.path().join(&file)).expect("first");
    ctrl(&mut h.app, 'w');
    let again = docs.path().join(file.replace(".docx", "-2.docx"));
    assert!(again.is_file(), "{again:?}");
    assert_eq!(
        std::fs::read(docs.path().join(&file)).expect("kept"),
        before
    );
    // From the scoring screen: that unit's sheet only.
    let scored = code(&h);
    press(&mut h.app, KeyCode::Enter);
    assert!(matches!(h.app.screen(), Some(Screen::Scoring(_))));
    ctrl(&mut h.app, 'w');
    let path = docs.path().join(format!(
        "phieu-cham-diem-gia-dinh-2025-{}.docx",
        scored.to_lowercase()
    ));
    let doc = document(&path);
    assert_eq!(doc.matches("PHIẾU CHẤM ĐIỂM").count(), 1);
    assert!(doc.contains(&scored));
    // Nothing typed into the scoring box by the key.
    match h.app.screen() {
        Some(Screen::Scoring(s)) => assert!(s.input.is_empty()),
        other => panic!("not scoring: {other:?}"),
    }
}

#[test]
fn a_forms_folder_that_cannot_be_written_gets_a_vietnamese_error() {
    let mut h = app();
    let docs = scratch_dir();
    let blocked = docs.path().join("tai-lieu");
    std::fs::write(&blocked, b"not a folder").expect("file");
    h.app.documents = Some(blocked);
    type_text(&mut h.app, "2");
    ctrl(&mut h.app, 'k');
    let (said, role) = h.app.message.clone().expect("said");
    assert_eq!(role, Role::Error);
    assert!(said.contains("Chưa lưu phiếu đăng ký"), "{said}");
}
