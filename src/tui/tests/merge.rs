//! The merge screen (G on the home screen), driven by keys: the preview says what a
//! former commune's register brings in and writes nothing; F2 backs up, merges and shows
//! the merged figures; a second merge and a merge of the register into itself are
//! refused on the screen.

use super::fixture::*;
use crate::model::{Commune, UnitKind};
use crate::store::backup::default_backup_dir;
use crate::tui::app::{App, Screen};
use crate::tui::keymap::Ctx;
use crate::tui::merge::MergeState;
use crossterm::event::KeyCode;
use std::path::PathBuf;

/// A former commune's register beside the app's: the fixture's commune, renamed, so
/// every code collides.
fn former(app: &App) -> PathBuf {
    let path = app.path.with_file_name("khanh-thuong.redb");
    let register = build(&path);
    register
        .write(|w| {
            w.set_commune(&Commune {
                name: "Xã Khánh Thượng".into(),
                province: "Ninh Bình".into(),
            })
        })
        .expect("rename");
    register.close().expect("close");
    path
}

fn state(app: &App) -> &MergeState {
    match app.screen() {
        Some(Screen::Merge(state)) => state,
        other => panic!("not the merge screen: {other:?}"),
    }
}

fn units(app: &App) -> usize {
    let reader = app
        .register
        .as_ref()
        .expect("register")
        .read()
        .expect("read");
    UnitKind::ALL
        .iter()
        .map(|k| reader.units(*k).expect("units").len())
        .sum()
}

/// The screen as text with the temporary folder (different every run) named the same.
fn snap(app: &App) -> String {
    let dir = app.path.parent().expect("dir").display().to_string();
    let fixed = format!("{:<1$}", "/tmp/xa", dir.chars().count());
    same_separators(&screen_text(app).replace(&dir, &fixed))
}

#[test]
fn a_former_register_is_previewed_then_merged_with_a_backup_first() {
    let mut h = app();
    let file = former(&h.app);
    let before = units(&h.app);
    type_text(&mut h.app, "g");
    assert_eq!(h.app.context(), Ctx::Merge);
    // The field starts in the register's folder.
    type_text(&mut h.app, "khanh-thuong.redb");
    assert_eq!(PathBuf::from(state(&h.app).path.value()), file);
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(
        h.app.context(),
        Ctx::MergePreview,
        "{:?}",
        state(&h.app).error
    );
    let preview = state(&h.app).preview.as_ref().expect("preview");
    let text: Vec<&str> = preview.lines.iter().map(|(l, _)| l.as_str()).collect();
    assert!(
        text.iter()
            .any(|l| l.contains("hộ HO00001 → KHANHTHUONG-HO00001")),
        "{text:#?}"
    );
    insta::assert_snapshot!("merge_preview", snap(&h.app));
    // Nothing written yet; Esc goes back to the path, Enter previews again.
    assert_eq!(units(&h.app), before);
    press(&mut h.app, KeyCode::Esc);
    assert_eq!(h.app.context(), Ctx::Merge);
    press(&mut h.app, KeyCode::Enter);
    press(&mut h.app, KeyCode::F(2));
    // The result in a box, the backup and the code map on lines of their own.
    assert_eq!(h.app.context(), Ctx::Notice);
    let said = screen_text(&h.app);
    assert!(said.contains("Đã gộp sổ của Xã Khánh Thượng"), "{said}");
    assert!(said.contains("Bảng đối chiếu mã cũ, mã mới:"), "{said}");
    press(&mut h.app, KeyCode::Enter);
    assert_eq!(h.app.context(), Ctx::Home);
    assert_eq!(units(&h.app), before * 2);
    let backups: Vec<String> = std::fs::read_dir(default_backup_dir(&h.app.path))
        .expect("backups")
        .map(|e| e.expect("entry").file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        backups
            .iter()
            .any(|n| n.starts_with("truoc-gop-khanhthuong-so-")),
        "{backups:?}"
    );
    let map = std::fs::read_dir(h.app.path.parent().expect("dir"))
        .expect("dir")
        .filter_map(|e| e.ok())
        .any(|e| {
            e.file_name()
                .to_string_lossy()
                .starts_with("so-doi-chieu-ma-khanhthuong-")
        });
    assert!(map, "the code mapping is written beside the register");

    // Again: refused beside the field, nothing written.
    type_text(&mut h.app, "g");
    type_text(&mut h.app, "khanh-thuong.redb");
    press(&mut h.app, KeyCode::Enter);
    let error = state(&h.app).error.clone().expect("refused");
    assert!(error.contains("đã gộp sổ của Xã Khánh Thượng"), "{error}");
    // Into itself: refused too.
    for _ in 0.."khanh-thuong.redb".chars().count() {
        press(&mut h.app, KeyCode::Backspace);
    }
    type_text(&mut h.app, "so.redb");
    press(&mut h.app, KeyCode::Enter);
    let error = state(&h.app).error.clone().expect("refused");
    assert!(error.contains("Không gộp sổ vào chính nó"), "{error}");
    insta::assert_snapshot!("merge_into_itself_refused", snap(&h.app));
    assert_eq!(units(&h.app), before * 2);
}
