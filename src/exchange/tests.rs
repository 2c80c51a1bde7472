//! Imports and exports against a real register file, with files shaped like the ones
//! offices actually have.

use super::csv_read::to_windows_1258;
use super::*;
use crate::criteria::Catalog;
use crate::model::{
    Commune, EvaluationKey, IndicatorValue, Measure, ResolutionRef, Stamp, Target, Title, Unit,
    UnitKind,
};
use crate::store::Register;
use proptest::prelude::*;
use std::collections::BTreeMap;

pub(super) const OPTIONS: ImportOptions = ImportOptions { default_year: 2025 };

pub(super) fn fresh(dir: &tempfile::TempDir, name: &str) -> Register {
    Register::create(
        &dir.path().join(name),
        &Commune {
            name: "Xã Yên Mô".into(),
            province: "Ninh Bình".into(),
        },
    )
    .unwrap()
}

pub(super) fn plan_for(register: &Register, kind: UnitKind, bytes: &[u8]) -> ImportPlan {
    plan(&register.read().unwrap(), kind, bytes, OPTIONS).unwrap()
}

pub(super) fn import(register: &Register, kind: UnitKind, bytes: &[u8]) -> ImportPlan {
    let p = plan_for(register, kind, bytes);
    assert!(p.is_clean(), "{:?}", p.problems);
    apply(register, &p).unwrap();
    p
}

pub(super) fn units(register: &Register, kind: UnitKind) -> Vec<Unit> {
    register
        .read()
        .unwrap()
        .units(kind)
        .unwrap()
        .into_iter()
        .map(|(_, u)| u)
        .collect()
}

pub(super) fn household(register: &Register, code: &str) -> crate::model::Household {
    match units(register, UnitKind::Household)
        .into_iter()
        .find(|u| u.code() == code)
    {
        Some(Unit::Household(h)) => h,
        other => panic!("no household {code}: {other:?}"),
    }
}

const EXCEL_HOUSEHOLDS: &str = "\u{FEFF}STT;Mã hộ;Họ và tên chủ hộ;Thôn/Xóm;Dòng họ;Số nhân khẩu;Số người lớn;Địa chỉ;Ghi chú\r\n\
1;HO001;Nguyễn Văn An;Thôn Đông;Nguyễn;4;2;\"Xóm 1; ngõ 3\";\r\n\
2;HO002;  Trần   Thị Bình ;Đông;;3;3;;mới chuyển đến\r\n\
\r\n\
3;HO003;Lê Văn Cường;Tổ dân phố 5;Lê;5;3;;\r\n\
;;;;;;;;\r\n";

#[test]
fn an_excel_file_with_bom_semicolons_crlf_and_stt_imports() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let p = import(&register, UnitKind::Household, EXCEL_HOUSEHOLDS.as_bytes());
    assert_eq!(p.inserts(), 3);
    assert_eq!(p.ignored_columns, vec!["STT", "Ghi chú"]);
    assert_eq!(
        p.new_communities.len(),
        2,
        "Thôn Đông and Đông are one community"
    );
    assert_eq!(p.new_clans.len(), 2);
    let an = household(&register, "HO001");
    assert_eq!(an.address, "Xóm 1; ngõ 3");
    assert_eq!((an.members, an.adults), (4, 2));
    let binh = household(&register, "HO002");
    assert_eq!(binh.head_name, "Trần Thị Bình");
    assert_eq!(binh.community, an.community);
    assert_eq!(binh.clan, None);
    let communities = units(&register, UnitKind::Community);
    let labels: Vec<String> = communities.iter().map(Unit::display_name).collect();
    assert_eq!(labels, vec!["Thôn Đông", "Tổ dân phố 5"]);
    let mut register = register;
    assert!(register.check(2025).unwrap().ok);
}

#[test]
fn a_windows_1258_file_imports_as_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let text = "Mã hộ,Chủ hộ,Thôn\r\nHO1,Nguyễn Thị Ước,Thôn Hữu Lễ\r\n";
    let bytes = to_windows_1258(text);
    assert!(std::str::from_utf8(&bytes).is_err());
    let p = import(&register, UnitKind::Household, &bytes);
    assert_eq!(p.encoding, csv_read::SourceEncoding::Windows1258);
    assert_eq!(household(&register, "HO1").head_name, "Nguyễn Thị Ước");
    assert_eq!(
        units(&register, UnitKind::Community)[0].display_name(),
        "Thôn Hữu Lễ"
    );
}

#[test]
fn nfd_names_are_stored_nfc() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let nfd = "Nguye\u{302}\u{303}n Va\u{306}n A\u{302}n";
    let text = format!("Mã hộ,Chủ hộ,Thôn\nHO1,{nfd},Đông\nHO2,Lê Văn Bình,Đo\u{302}ng\n");
    import(&register, UnitKind::Household, text.as_bytes());
    assert_eq!(household(&register, "HO1").head_name, "Nguyễn Văn Ân");
    assert_eq!(units(&register, UnitKind::Community).len(), 1);
}

#[test]
fn a_bad_row_in_the_middle_writes_nothing_and_is_reported_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let text = "Mã hộ;Chủ hộ;Thôn;Số nhân khẩu;Số người lớn\r\n\
HO1;Nguyễn Văn An;Đông;4;2\r\n\
HO2;Lê Văn Bình;Đông;bốn;2\r\n\
HO3;Trần Văn Cừ;Tây;2;3\r\n\
HO1;Phạm Văn Dũng;Tây;1;1\r\n\
HO5;Hoàng Văn Em;Tây;1;1\r\n";
    let p = plan_for(&register, UnitKind::Household, text.as_bytes());
    let located: Vec<(Option<u64>, Option<String>)> = p
        .problems
        .iter()
        .map(|x| (x.line, x.column.clone()))
        .collect();
    assert_eq!(
        located,
        vec![
            (Some(3), Some("Số nhân khẩu".into())),
            (Some(4), Some("Số người lớn".into())),
            (Some(5), Some("Mã hộ".into())),
        ]
    );
    assert_eq!(p.problems[0].value.as_deref(), Some("bốn"));
    assert!(p.problems[2].reason.contains("dòng 2"), "{}", p.problems[2]);
    assert!(apply(&register, &p).is_err());
    assert!(units(&register, UnitKind::Household).is_empty());
    assert!(units(&register, UnitKind::Community).is_empty());
}

#[test]
fn a_missing_required_column_names_found_and_expected_headers() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let p = plan_for(
        &register,
        UnitKind::Household,
        "STT,Tên,Xóm\n1,An,Đông\n".as_bytes(),
    );
    assert_eq!(p.problems.len(), 1);
    let message = p.problems[0].to_string();
    assert!(message.starts_with("dòng 1"), "{message}");
    assert!(
        message.contains("Chủ hộ") && message.contains("\"Tên\""),
        "{message}"
    );
}

#[test]
fn importing_the_same_file_twice_updates_instead_of_duplicating() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    import(&register, UnitKind::Household, EXCEL_HOUSEHOLDS.as_bytes());
    let again = import(&register, UnitKind::Household, EXCEL_HOUSEHOLDS.as_bytes());
    assert_eq!(
        (again.inserts(), again.updates(), again.unchanged),
        (0, 0, 3)
    );
    assert!(again.new_communities.is_empty() && again.new_clans.is_empty());
    let changed = EXCEL_HOUSEHOLDS.replace(
        "Nguyễn Văn An;Thôn Đông;Nguyễn;4;2",
        "Nguyễn Văn An;Thôn Đông;Nguyễn;6;2",
    );
    let third = import(&register, UnitKind::Household, changed.as_bytes());
    assert_eq!((third.inserts(), third.updates()), (0, 1));
    assert_eq!(units(&register, UnitKind::Household).len(), 3);
    assert_eq!(household(&register, "HO001").members, 6);
}

#[test]
fn rows_without_codes_get_generated_codes_that_skip_codes_in_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let text = "Tên thôn;Mã thôn\nĐông;\nTây;TH001\n";
    let p = import(&register, UnitKind::Community, text.as_bytes());
    assert_eq!(p.generated_codes, 1);
    let codes: Vec<String> = units(&register, UnitKind::Community)
        .iter()
        .map(|u| u.code().to_string())
        .collect();
    assert_eq!(codes, vec!["TH002", "TH001"]);
}

#[test]
fn a_thon_created_by_name_skips_a_thon_code_written_further_down() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let text = "Mã hộ;Chủ hộ;Mã thôn;Thôn\nHO1;An;;Đông\nHO2;Bình;TH001;Tây\nHO3;Chi;TH001;Tây\n";
    let p = import(&register, UnitKind::Household, text.as_bytes());
    assert_eq!(p.new_communities.len(), 2);
    let codes: Vec<String> = units(&register, UnitKind::Community)
        .iter()
        .map(|u| u.code().to_string())
        .collect();
    assert_eq!(codes, vec!["TH002", "TH001"]);
}

#[test]
fn citizens_link_to_existing_households_and_organisations_only() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    import(&register, UnitKind::Household, EXCEL_HOUSEHOLDS.as_bytes());
    import(
        &register,
        UnitKind::Organisation,
        "Mã đơn vị,Tên đơn vị,Loại hình,Số cán bộ\nDV1,Trường Tiểu học Yên Mô,Trường học,32\n"
            .as_bytes(),
    );
    let good = "Mã công dân,Họ và tên,Ngày sinh,Giới tính,Mã hộ,Đơn vị,Nhóm đối tượng\n\
CD1,Nguyễn Văn An,12/03/1970,Nam,HO001,,1\n\
CD2,Vũ Thị Hoa,1990,nữ,,Trường Tiểu học Yên Mô,3\n";
    import(&register, UnitKind::Citizen, good.as_bytes());
    let bad = "Họ và tên,Mã hộ,Giới tính\nAi Đó,HO999,Nam\nNgười Khác,,Bê đê\n";
    let p = plan_for(&register, UnitKind::Citizen, bad.as_bytes());
    assert_eq!(p.problems.len(), 2, "{:?}", p.problems);
    assert_eq!(p.problems[0].line, Some(2));
    assert_eq!(p.problems[1].column.as_deref(), Some("Giới tính"));
}

fn seeded_register(dir: &tempfile::TempDir) -> Register {
    let register = fresh(dir, "goc.redb");
    import(
        &register,
        UnitKind::Community,
        "Mã thôn,Tên thôn,Loại\nTH1,Đông,Thôn\nTH2,3,Tổ dân phố\n".as_bytes(),
    );
    import(
        &register,
        UnitKind::Clan,
        "Mã dòng họ,Dòng họ,Chi,Trưởng họ\nDH1,Nguyễn,chi 2,Nguyễn Văn Cả\n".as_bytes(),
    );
    import(
        &register,
        UnitKind::Household,
        "Mã hộ,Chủ hộ,Mã thôn,Mã dòng họ,Số nhân khẩu,Số người lớn,Năm vào,Năm ra\n\
HO1,\"Nguyễn Văn An, con\",TH1,DH1,4,2,2020,\n\
HO2,Trần Thị Bình,TH2,,3,3,2021,2024\n"
            .as_bytes(),
    );
    import(
        &register,
        UnitKind::Organisation,
        "Mã đơn vị,Tên đơn vị,Loại hình,Số cán bộ\nDV1,UBND xã,Cơ quan,25\n".as_bytes(),
    );
    import(
        &register,
        UnitKind::Citizen,
        "Mã công dân,Họ và tên,Năm sinh,Giới tính,Mã hộ,Mã đơn vị,Nhóm đối tượng\n\
CD1,Nguyễn Văn An,1970,Nam,HO1,,1\nCD2,Lê Thị Cúc,1988,Nữ,,DV1,3\n"
            .as_bytes(),
    );
    let catalog = Catalog::shipped().unwrap();
    let entry = catalog.in_force(Title::GiaDinh, 2025).unwrap();
    let key = EvaluationKey {
        year: 2025,
        title: Title::GiaDinh,
        unit: 1,
    };
    let code = entry.set.indicators().next().unwrap().code.clone();
    let value = match entry.set.indicators().next().unwrap().kind {
        crate::criteria::IndicatorKind::Points => IndicatorValue::Points(1),
        crate::criteria::IndicatorKind::PassFail => IndicatorValue::Pass(true),
    };
    put_score(&register, key, &code, Some(value), entry);
    put_score(&register, key, &code, None, entry);
    put_score(&register, key, &code, Some(value), entry);
    register
        .write(|w| {
            w.put_target(&Target {
                measure: Measure::GiaDinh,
                basis: crate::model::Basis::Total,
                milestone: 2025,
                percent_tenths: 700,
                resolution: ResolutionRef {
                    number: "05-NQ/ĐU".into(),
                    date: None,
                    body: "Đảng ủy xã".into(),
                },
            })
        })
        .unwrap();
    register
}

#[test]
fn json_archive_round_trips_exactly() {
    let dir = tempfile::tempdir().unwrap();
    let original = seeded_register(&dir);
    let first = archive_to_json(&export_archive(&original.read().unwrap()).unwrap());
    let archive = archive_from_json(&first).unwrap();
    assert_eq!(archive.history.len(), 3);
    assert_eq!(archive.units.len(), 8);
    let mut copy = fresh(&dir, "ban-sao.redb");
    import_archive(&copy, &archive).unwrap();
    let second = archive_to_json(&export_archive(&copy.read().unwrap()).unwrap());
    assert_eq!(
        String::from_utf8(first).unwrap(),
        String::from_utf8(second).unwrap()
    );
    assert!(copy.check(2025).unwrap().ok);
    // A register that already holds data is refused, and left as it was.
    assert!(import_archive(&copy, &archive).is_err());
    assert_eq!(units(&copy, UnitKind::Household).len(), 2);
    // New units continue after the archived ids.
    let next = copy
        .write(|w| w.insert_unit(&units(&original, UnitKind::Clan)[0].clone().with_code("DH9")))
        .unwrap();
    assert_eq!(next, 2);
}

trait WithCode {
    fn with_code(self, code: &str) -> Self;
}

impl WithCode for Unit {
    fn with_code(mut self, code: &str) -> Unit {
        self.meta_mut().code = code.into();
        self
    }
}

#[test]
fn a_damaged_archive_is_refused_with_its_place() {
    let dir = tempfile::tempdir().unwrap();
    let original = seeded_register(&dir);
    let mut archive = export_archive(&original.read().unwrap()).unwrap();
    archive
        .units
        .retain(|u| u.unit.kind() != UnitKind::Community);
    let problems = super::archive_json::validate(&archive);
    assert!(problems.iter().any(|p| p.contains("HO1")), "{problems:?}");
    let error = archive_from_json(b"{\n  \"format\": 3\n}").unwrap_err();
    assert!(error[0].starts_with("dòng 2"), "{error:?}");
}

#[test]
fn csv_export_reimports_into_the_same_register() {
    let dir = tempfile::tempdir().unwrap();
    let original = seeded_register(&dir);
    let copy = fresh(&dir, "ban-sao.redb");
    let order = [
        UnitKind::Community,
        UnitKind::Clan,
        UnitKind::Household,
        UnitKind::Organisation,
        UnitKind::Citizen,
    ];
    for kind in order {
        let bytes = export_csv(&original.read().unwrap(), kind, None).unwrap();
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        assert!(bytes.windows(2).any(|w| w == b"\r\n"));
        import(&copy, kind, &bytes);
    }
    for kind in order {
        let a: BTreeMap<String, Unit> = units(&original, kind)
            .into_iter()
            .map(|u| (u.code().to_string(), u))
            .collect();
        let b: BTreeMap<String, Unit> = units(&copy, kind)
            .into_iter()
            .map(|u| (u.code().to_string(), u))
            .collect();
        assert_eq!(a, b, "{kind:?}");
        assert_eq!(
            export_csv(&original.read().unwrap(), kind, None).unwrap(),
            export_csv(&copy.read().unwrap(), kind, None).unwrap()
        );
    }
    // Re-importing an export of the register into itself changes nothing.
    for kind in order {
        let bytes = export_csv(&original.read().unwrap(), kind, Some(2025)).unwrap();
        let p = plan_for(&original, kind, &bytes);
        assert!(p.is_clean(), "{:?}", p.problems);
        assert!(p.rows.is_empty(), "{kind:?}: {:?}", p.rows);
    }
}

#[test]
fn csv_export_carries_the_years_evaluation() {
    let dir = tempfile::tempdir().unwrap();
    let original = seeded_register(&dir);
    let bytes = export_csv(&original.read().unwrap(), UnitKind::Household, Some(2025)).unwrap();
    let text = String::from_utf8(bytes).unwrap();
    let mut lines = text.split("\r\n");
    let header = lines.next().unwrap();
    assert!(
        header.contains("Giai đoạn,Tổng điểm,Kết quả,Chỉ số "),
        "{header}"
    );
    let first = lines.next().unwrap();
    assert!(
        first.starts_with("HO1,\"Nguyễn Văn An, con\",TH1,Thôn Đông"),
        "{first}"
    );
    assert!(first.contains("Đã đăng ký"), "{first}");
    let second = lines.next().unwrap();
    assert!(second.contains("Chưa đăng ký"), "{second}");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn random_bytes_are_an_error_never_a_panic(
        bytes in proptest::collection::vec(any::<u8>(), 0..400),
        kind in 0u8..5,
    ) {
        let dir = tempfile::tempdir().unwrap();
        let register = fresh(&dir, "so.redb");
        let kind = UnitKind::from_u8(kind).unwrap();
        let p = plan_for(&register, kind, &bytes);
        if !p.is_clean() {
            prop_assert!(apply(&register, &p).is_err());
        }
        let _ = archive_from_json(&bytes);
    }
}

#[test]
fn the_documented_sample_files_import() {
    let dir = tempfile::tempdir().unwrap();
    let register = fresh(&dir, "so.redb");
    let samples: [(UnitKind, &[u8]); 6] = [
        (
            UnitKind::Community,
            include_bytes!("../../docs/examples/communities.csv"),
        ),
        (
            UnitKind::Clan,
            include_bytes!("../../docs/examples/clans.csv"),
        ),
        (
            UnitKind::Organisation,
            include_bytes!("../../docs/examples/organisations.csv"),
        ),
        (
            UnitKind::Household,
            include_bytes!("../../docs/examples/households.csv"),
        ),
        (
            UnitKind::Household,
            include_bytes!("../../docs/examples/households-windows-1258.csv"),
        ),
        (
            UnitKind::Citizen,
            include_bytes!("../../docs/examples/citizens.csv"),
        ),
    ];
    for (kind, bytes) in samples {
        import(&register, kind, bytes);
    }
    assert_eq!(household(&register, "HO00008").head_name, "Bùi Ngọc Ước");
    assert_eq!(units(&register, UnitKind::Household).len(), 8);
    assert_eq!(units(&register, UnitKind::Citizen).len(), 4);
}

#[test]
fn the_streamed_archive_is_the_archive_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let register = seeded_register(&dir);
    let reader = register.read().unwrap();
    let whole = archive_to_json(&export_archive(&reader).unwrap());
    let mut streamed = Vec::new();
    crate::exchange::archive_stream::write_archive(&reader, &mut streamed).unwrap();
    assert_eq!(
        String::from_utf8(streamed).unwrap(),
        String::from_utf8(whole).unwrap()
    );
    // An empty register too (empty lists are written as `[]` either way).
    let empty = fresh(&dir, "trong.redb");
    let reader = empty.read().unwrap();
    let mut streamed = Vec::new();
    crate::exchange::archive_stream::write_archive(&reader, &mut streamed).unwrap();
    assert_eq!(streamed, archive_to_json(&export_archive(&reader).unwrap()));
}

/// One score written as the scoring screen saves it, through the storage primitives
/// (the workflow's rules are `app`'s, above this layer): a first score registers the unit.
pub(super) fn put_score(
    register: &Register,
    key: crate::model::EvaluationKey,
    code: &str,
    value: Option<IndicatorValue>,
    entry: &crate::criteria::CatalogEntry,
) {
    let stamp = Stamp::now();
    register
        .write(|w| {
            w.remember_criteria(&entry.hash, &entry.set)?;
            let mut evaluation = w.evaluation(key)?.unwrap_or_else(|| {
                crate::model::Evaluation::register(
                    &entry.set.id,
                    &entry.hash,
                    Some(stamp.at.date()),
                    stamp.clone(),
                )
            });
            match value {
                Some(v) => evaluation.values.insert(code.to_string(), v),
                None => evaluation.values.remove(code),
            };
            w.set_evaluation(key, Some(&evaluation), &stamp)
        })
        .unwrap();
}
