//! Compact records (schema 7) in a real register: they read back as written, stay small,
//! and a write that is rolled back leaves no dictionary number behind in the cache.

use super::tests::{commune, community, household};
use super::*;
use crate::criteria::Catalog;
use crate::model::{Evaluation, EvaluationKey, IndicatorValue, Stage, Stamp, Title};

fn stamp(user: &str) -> Stamp {
    Stamp {
        user: user.into(),
        at: chrono::NaiveDate::from_ymd_opt(2025, 5, 1)
            .and_then(|d| d.and_hms_opt(8, 0, 0))
            .expect("time"),
    }
}

/// A register with one household and its criteria set stored; the key and a scored,
/// recognised evaluation of it.
fn register_with_household(path: &std::path::Path) -> (Register, EvaluationKey, Evaluation) {
    let register = Register::create(path, &commune()).expect("create");
    let catalog = Catalog::shipped().expect("shipped");
    let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set");
    let key = register
        .write(|w| {
            let thon = w.insert_unit(&community("TH01"))?;
            let unit = w.insert_unit(&household("HO01", thon))?;
            w.remember_criteria(&entry.hash, &entry.set)?;
            Ok(EvaluationKey {
                year: 2025,
                title: Title::GiaDinh,
                unit,
            })
        })
        .expect("write");
    let mut e = Evaluation::register(
        &entry.set.id,
        &entry.hash,
        None,
        stamp("Lê Thị Hoa (máy: ketoan)"),
    );
    for i in entry.set.indicators() {
        let v = match i.kind {
            crate::criteria::IndicatorKind::Points => IndicatorValue::Points(i.max),
            crate::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(true),
        };
        e.values.insert(i.code.clone(), v);
    }
    // A value of a code the set does not have is kept too (data `check` reports).
    e.values.insert("9.9".into(), IndicatorValue::Points(3));
    e.stage = Stage::Recognised;
    e.decision = Some(crate::model::Decision {
        number: "12/QĐ-UBND".into(),
        date: chrono::NaiveDate::from_ymd_opt(2025, 12, 20).expect("date"),
    });
    e.note = "Ghi chú".into();
    (register, key, e)
}

#[test]
fn an_evaluation_and_its_history_read_back_as_written_and_are_small() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let (register, key, e) = register_with_household(&path);
    register
        .write(|w| w.set_evaluation(key, Some(&e), &e.stamp))
        .expect("save");
    let mut edited = e.clone();
    edited.note = "Đã sửa".into();
    edited.stamp = stamp("Trần Văn Bình (máy: ketoan)");
    register
        .write(|w| w.set_evaluation(key, Some(&edited), &edited.stamp))
        .expect("edit");
    let reader = register.read().expect("read");
    assert_eq!(reader.evaluation(key).expect("read"), Some(edited.clone()));
    let history = reader.history_of(key.title, key.unit).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[0].1.change,
        crate::model::EvaluationChange::Created(e.clone())
    );
    assert_eq!(
        history[1].1.revert(Some(&edited), &e.stamp),
        Ok(Some(e.clone()))
    );
    drop(reader);
    // A fresh open (an empty cache) reads the same.
    register.close().expect("close");
    let register = Register::open(&path).expect("reopen");
    let reader = register.read().expect("read");
    assert_eq!(reader.evaluation(key).expect("read"), Some(edited.clone()));
    let mut names = dictionary::MemoryNames::default();
    let catalog = Catalog::shipped().expect("shipped");
    let entry = catalog.in_force(Title::GiaDinh, 2025).expect("set");
    names.add_criteria(&entry.hash, &entry.set);
    let compact = codec::encode_evaluation(&edited, &mut names).expect("encode");
    let v2 = codec::encode_evaluation_v2(&edited);
    assert!(
        compact.len() * 3 < v2.len(),
        "{} bytes against {} in version 2",
        compact.len(),
        v2.len()
    );
}

#[test]
fn a_rolled_back_write_leaves_no_text_number_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let (register, key, e) = register_with_household(&path);
    register
        .write(|w| w.set_evaluation(key, Some(&e), &e.stamp))
        .expect("save");
    // Warm the shared cache.
    assert!(
        register
            .read()
            .expect("read")
            .evaluation(key)
            .expect("e")
            .is_some()
    );
    let mut lost = e.clone();
    lost.note = "không được lưu".into();
    let failed = register.write(|w| {
        w.set_evaluation(key, Some(&lost), &lost.stamp)?;
        Err::<(), _>(StoreError::Invalid("hủy".into()))
    });
    assert!(failed.is_err());
    // The next write gets the number the rolled-back one had, for another text.
    let mut kept = e.clone();
    kept.note = "được lưu".into();
    register
        .write(|w| w.set_evaluation(key, Some(&kept), &kept.stamp))
        .expect("save");
    let reader = register.read().expect("read");
    assert_eq!(reader.evaluation(key).expect("read"), Some(kept.clone()));
    let history = reader.history_of(key.title, key.unit).expect("history");
    assert_eq!(history.len(), 2);
    assert_eq!(
        history[1].1.describe(),
        vec!["Ghi chú: được lưu".to_string()]
    );
    drop(reader);
    let mut register = register;
    let report = register.check(2025).expect("check");
    // The stray value of an unknown code is data, not damage.
    assert!(!report.damaged, "{:?}", report.problems);
}

#[test]
fn check_finds_a_text_index_row_that_names_another_number() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("so.redb");
    let (register, key, e) = register_with_household(&path);
    register
        .write(|w| w.set_evaluation(key, Some(&e), &e.stamp))
        .expect("save");
    // Number 0 is the first text saved (the decision number); the note has another.
    register
        .write(|w| {
            let p = w.path().to_path_buf();
            w.txn()
                .open_table(tables::STRING_IDS)
                .map_err(|e| error::from_redb(&p, e))?
                .insert("Ghi chú", 0u32)
                .map_err(|e| error::from_redb(&p, e))?;
            Ok(())
        })
        .expect("damage the index");
    let mut register = register;
    let report = register.check(2025).expect("check");
    assert!(report.damaged, "{:?}", report.problems);
    assert!(
        report
            .problems
            .iter()
            .any(|p| p.contains("Chỉ mục bảng chuỗi ghi sai số 0")),
        "{:?}",
        report.problems
    );
}
