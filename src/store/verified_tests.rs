//! When opening and closing verify every page (see `super::verified`).

use super::*;
use crate::model::{Community, CommunityKind, Unit, UnitKind, UnitMeta};

const MARK: &[u8] = b"QQQQQQQQQQQQQQQQ";

/// A closed register holding a community whose name is [`MARK`].
fn register_with_mark(dir: &Path) -> PathBuf {
    let path = dir.join("so.redb");
    let commune = Commune {
        name: "Xã Thử".into(),
        province: "Ninh Bình".into(),
    };
    let register = Register::create(&path, &commune).unwrap();
    register
        .write(|w| {
            w.insert_unit(&Unit::Community(Community {
                meta: UnitMeta {
                    code: "TH1".into(),
                    entered: 2025,
                    left: None,
                },
                name: String::from_utf8(MARK.to_vec()).unwrap(),
                kind: CommunityKind::Thon,
            }))
        })
        .unwrap();
    register.close().unwrap();
    path
}

/// Flips one bit of the community's name in the file, as a failing disk would, keeping
/// the file's length; with `keep_mtime` its modification time too, so the damage is
/// invisible to everything but a page check.
fn flip_a_bit_in_the_name(path: &Path, keep_mtime: bool) {
    let modified = std::fs::metadata(path).unwrap().modified().unwrap();
    let mut bytes = std::fs::read(path).unwrap();
    let at = bytes
        .windows(MARK.len())
        .position(|w| w == MARK)
        .expect("the name is in the file");
    bytes[at + 3] ^= 0x01;
    std::fs::write(path, &bytes).unwrap();
    if keep_mtime {
        let file = std::fs::File::options().write(true).open(path).unwrap();
        file.set_modified(modified).unwrap();
    }
}

#[test]
fn a_clean_close_is_recorded_and_removed_while_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_with_mark(dir.path());
    let marker = verified::marker_path(&path);
    assert_eq!(verified::trusted_since(&path), Some(verified::today()));
    let register = Register::open(&path).unwrap();
    assert!(!marker.exists(), "a kill while open must leave no marker");
    register.close().unwrap();
    assert_eq!(verified::trusted_since(&path), Some(verified::today()));
}

#[test]
fn a_file_changed_after_its_clean_close_is_verified_at_open() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_with_mark(dir.path());
    flip_a_bit_in_the_name(&path, false);
    match Register::open(&path) {
        Err(StoreError::Corrupted { .. }) => {}
        other => panic!("expected the damage to be found: {other:?}"),
    }
}

#[test]
fn a_trusted_open_skips_the_check_and_the_daily_check_at_close_finds_the_damage() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_with_mark(dir.path());
    // Verified two days ago, closed cleanly, then a bit flipped behind everyone's back.
    verified::record(&path, verified::today() - 2);
    flip_a_bit_in_the_name(&path, true);
    let register = Register::open(&path).expect("trusted: the open reads no data page");
    let names: Vec<Unit> = register
        .read()
        .unwrap()
        .units(UnitKind::Community)
        .unwrap()
        .into_iter()
        .map(|(_, u)| u)
        .collect();
    assert_eq!(names.len(), 1, "the flipped name is read as it is");
    // The close is the day's verification: it reports the damage and records no clean
    // close...
    assert!(matches!(
        register.close(),
        Err(StoreError::Corrupted { .. })
    ));
    assert_eq!(verified::trusted_since(&path), None);
    // ...and the next open verifies and refuses the file.
    assert!(matches!(
        Register::open(&path),
        Err(StoreError::Corrupted { .. })
    ));
}

#[test]
fn a_good_backup_counts_as_the_days_verification() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_with_mark(dir.path());
    verified::record(&path, verified::today() - 2);
    let register = Register::open(&path).unwrap();
    backup::backup_to(&register, &dir.path().join("copy.redb")).unwrap();
    register.close().unwrap();
    assert_eq!(verified::trusted_since(&path), Some(verified::today()));
}

#[test]
fn a_damaged_register_is_never_backed_up() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_with_mark(dir.path());
    flip_a_bit_in_the_name(&path, true);
    let register = Register::open(&path).expect("trusted open");
    let dest = dir.path().join("copy.redb");
    assert!(backup::backup_to(&register, &dest).is_err());
    assert!(!dest.exists());
    drop(register);
}

#[test]
fn a_hasty_close_leaves_the_days_verification_to_the_next_close() {
    let dir = tempfile::tempdir().unwrap();
    let path = register_with_mark(dir.path());
    let two_days_ago = verified::today() - 2;
    verified::record(&path, two_days_ago);
    Register::open(&path).unwrap().close_in_haste().unwrap();
    assert_eq!(
        verified::trusted_since(&path),
        Some(two_days_ago),
        "closed cleanly, not verified"
    );
    Register::open(&path).unwrap().close().unwrap();
    assert_eq!(verified::trusted_since(&path), Some(verified::today()));
}
