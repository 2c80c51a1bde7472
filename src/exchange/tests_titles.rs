//! Each list's export reads only its own title's evaluations of the year: in a register
//! where every title has evaluations on units with the same ids (unit 1 of every kind,
//! unit 2 for every other title),
//! a kind's export — CSV bytes and the grid the workbook is written from — is the same as
//! in a register holding that title's evaluations alone, and carries that title's
//! indicators and notes, never another's.

use super::export_csv::export_grid;
use super::tests::{fresh, import};
use super::*;
use crate::criteria::{Catalog, IndicatorKind};
use crate::model::{Evaluation, EvaluationKey, IndicatorValue, Stamp, Title, UnitKind};
use crate::store::Register;

const YEAR: u16 = 2025;

/// Two units of every kind, unit 1 of each kind evaluated for every title in `titles`.
fn register_with(dir: &tempfile::TempDir, name: &str, titles: &[Title]) -> Register {
    let register = fresh(dir, name);
    import(
        &register,
        UnitKind::Community,
        "Mã thôn,Tên thôn,Loại\nTH1,Đông,Thôn\nTH2,Tây,Thôn\n".as_bytes(),
    );
    import(
        &register,
        UnitKind::Clan,
        "Mã dòng họ,Dòng họ,Trưởng họ\nDH1,Nguyễn,Nguyễn Văn Cả\nDH2,Lê,Lê Văn Hai\n".as_bytes(),
    );
    import(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Mã thôn,Mã dòng họ,Số nhân khẩu,Số người lớn,Năm vào\n\
HO1,Nguyễn Văn An,TH1,DH1,4,2,2020\nHO2,Lê Thị Bình,TH2,DH2,3,3,2021\n"
            .as_bytes(),
    );
    import(
        &register,
        UnitKind::Organisation,
        "Mã đơn vị,Tên đơn vị,Loại hình,Số cán bộ\nDV1,UBND xã,Cơ quan,25\nDV2,Trường tiểu học,Trường học,30\n"
            .as_bytes(),
    );
    import(
        &register,
        UnitKind::Citizen,
        "Mã công dân,Họ và tên,Năm sinh,Giới tính,Mã hộ,Mã đơn vị\n\
CD1,Nguyễn Văn An,1970,Nam,HO1,\nCD2,Lê Thị Cúc,1988,Nữ,,DV1\n"
            .as_bytes(),
    );
    let catalog = Catalog::shipped().unwrap();
    let stamp = Stamp {
        user: "can-bo".into(),
        at: chrono::NaiveDate::from_ymd_opt(2025, 6, 1)
            .unwrap()
            .and_hms_opt(8, 0, 0)
            .unwrap(),
    };
    for &title in titles {
        let odd = (title as usize) % 2 == 1;
        let entry = catalog.in_force(title, YEAR).unwrap();
        let mut evaluation = Evaluation::register(
            &entry.set.id,
            &entry.hash,
            Some(stamp.at.date()),
            stamp.clone(),
        );
        // Every indicator scored, each title with values of its own, and a note naming
        // the title: a row that took another title's evaluation would show it.
        for indicator in entry.set.indicators() {
            let value = match indicator.kind {
                IndicatorKind::Points => IndicatorValue::Points(u16::from(odd)),
                IndicatorKind::PassFail => IndicatorValue::Pass(!odd),
            };
            evaluation.values.insert(indicator.code.clone(), value);
        }
        evaluation.note = format!("ghi chú {title}");
        // Half the titles also evaluate unit 2, so a list whose own title leaves unit 2
        // unregistered shows it if it reads a neighbouring title's records.
        let units: &[u32] = if odd { &[1, 2] } else { &[1] };
        for &unit in units {
            let key = EvaluationKey {
                year: YEAR,
                title,
                unit,
            };
            register
                .write(|w| {
                    w.remember_criteria(&entry.hash, &entry.set)?;
                    w.set_evaluation(key, Some(&evaluation), &stamp)
                })
                .unwrap();
        }
    }
    register
}

#[test]
fn each_list_exports_only_its_own_titles_evaluations() {
    let dir = tempfile::tempdir().unwrap();
    let all = register_with(&dir, "tat-ca.redb", &Title::ALL);
    let all_reader = all.read().unwrap();
    let catalog = Catalog::shipped().unwrap();
    for kind in UnitKind::ALL {
        let title = Title::for_kind(kind);
        let alone = register_with(&dir, &format!("{}.redb", kind.code()), &[title]);
        let alone_reader = alone.read().unwrap();

        let csv = |reader| String::from_utf8(export_csv(reader, kind, Some(YEAR)).unwrap());
        assert_eq!(
            csv(&all_reader).unwrap(),
            csv(&alone_reader).unwrap(),
            "{kind:?}: the CSV export changed with other titles' evaluations in the register"
        );
        let grid = export_grid(&all_reader, kind, Some(YEAR)).unwrap();
        assert_eq!(
            grid,
            export_grid(&alone_reader, kind, Some(YEAR)).unwrap(),
            "{kind:?}: the workbook's rows changed with other titles' evaluations"
        );

        // The indicator columns are exactly the title's set, in its order.
        let set = &catalog.in_force(title, YEAR).unwrap().set;
        let expected: Vec<String> = set
            .indicators()
            .map(|i| format!("Chỉ số {}", i.code))
            .collect();
        let got: Vec<String> = grid
            .headers
            .iter()
            .filter(|h| h.starts_with("Chỉ số "))
            .cloned()
            .collect();
        assert_eq!(got, expected, "{kind:?}");
        // Unit 1 carries its own title's evaluation; unit 2 too or none, as its title has it.
        let note = format!("ghi chú {title}");
        assert_eq!(grid.rows.len(), 2, "{kind:?}");
        assert_eq!(
            grid.rows[0].last(),
            Some(&note),
            "{kind:?}: {:?}",
            grid.rows[0]
        );
        if (title as usize) % 2 == 1 {
            assert_eq!(
                grid.rows[1].last(),
                Some(&note),
                "{kind:?}: {:?}",
                grid.rows[1]
            );
        } else {
            assert!(
                grid.rows[1].iter().any(|c| c == "Chưa đăng ký"),
                "{kind:?}: {:?}",
                grid.rows[1]
            );
        }
        drop(alone_reader);
        alone.close().unwrap();
    }
}
