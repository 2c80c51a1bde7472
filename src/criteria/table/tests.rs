use super::*;

/// The table of a plain CSV text, headers on its first line. The officer's files (other
/// encodings, title rows above the headers) are read by `exchange`, above this layer.
fn read(csv: &str, fields: &SetFields) -> Result<CriteriaSet, Vec<TableProblem>> {
    let text = csv.trim_start_matches('\u{feff}');
    let mut records = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes())
        .into_records();
    let headers: Vec<String> = match records.next() {
        Some(record) => record.expect("headers").iter().map(String::from).collect(),
        None => Vec::new(),
    };
    let rows: Vec<(u64, Vec<String>)> = records
        .map(|record| {
            let record = record.expect("a row");
            let line = record.position().map_or(0, csv::Position::line);
            (line, record.iter().map(String::from).collect())
        })
        .collect();
    set_from_table(&headers, 1, &rows, fields)
}

fn cdht_fields() -> SetFields {
    SetFields {
        title: Some(Title::CongDan),
        name: Some("Bộ tiêu chí Công dân học tập".into()),
        from: Some(2022),
        to: Some(2030),
        source: Some(
            "Quyết định số 244/QĐ-KHVN ngày 28/7/2022 của Trung ương Hội Khuyến học Việt Nam"
                .into(),
        ),
        min_total: Some(80),
        from_what: "tệp cdht.csv".into(),
        ..SetFields::default()
    }
}

/// The ten CDHT indicators as an officer types them from the paper.
pub const CDHT_CSV: &str = "Tiêu chí,Mã chỉ số,Nội dung,Loại,Điểm tối đa,Điểm sàn,Bắt buộc
1. Năng lực tự học và học tập suốt đời,1.1,Thường xuyên đọc sách báo,điểm,10,5,
1,1.2,Có kế hoạch học tập,điểm,10,5,
1,1.3,Dành thời gian học tập cộng đồng,điểm,10,5,
1,1.4,Động viên người thân học tập,điểm,10,5,
2. Năng lực sử dụng công cụ,2.1,Sử dụng công nghệ thông tin,điểm,10,5,
2,2.2,Sử dụng ngoại ngữ,điểm,10,5,
2,2.3,Sử dụng toán học,điểm,10,5,
2,2.4,Tư duy phản biện,điểm,10,5,
3. Năng lực xây dựng quan hệ xã hội,3.1,Quan hệ thân thiện,điểm,10,5,
3,3.2,Hợp tác và chia sẻ,điểm,10,5,
";

#[test]
fn the_cdht_table_reads_as_ten_indicators_of_ten_points_with_floor_five() {
    let set = read(CDHT_CSV, &cdht_fields()).expect("valid");
    assert_eq!(set.indicator_count(), 10);
    assert_eq!(set.max_total(), 100);
    assert_eq!(set.min_total, Some(80));
    assert!(set.indicators().all(|i| i.floor == Some(5)));
    assert_eq!(set.criteria[2].name, "Năng lực xây dựng quan hệ xã hội");
    assert_eq!(set.id, "cong-dan-2022-van-phong");
    assert_eq!(set.status, Status::Provisional);
    assert!(set.status_note.contains("chưa đối chiếu"));
}

#[test]
fn bad_rows_are_refused_with_line_and_column() {
    let csv = "Tiêu chí,Mã chỉ số,Nội dung,Loại,Điểm tối đa,Điểm sàn,Bắt buộc
1. Một,1.1,Chỉ số,điểm,10,12,
1,1.1,Trùng mã,điểm,10,,
1,2.1,Sai tiền tố,điểm,10,,
1,1.3,Loại lạ,chấm,10,,
1,1.4,,điểm,mười,,hmm
1,1.5,Đạt có điểm,đạt/không đạt,5,,
";
    let problems = read(csv, &cdht_fields()).expect_err("refused");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    let expect = [
        "dòng 2, cột «Điểm sàn»: điểm sàn 12 lớn hơn điểm tối đa 10",
        "dòng 3, cột «Mã chỉ số»: mã chỉ số «1.1» trùng với một dòng trên",
        "dòng 4, cột «Mã chỉ số»: mã chỉ số «2.1» phải bắt đầu bằng mã tiêu chí và dấu chấm: «1.…»",
        "dòng 5, cột «Loại»: «chấm»: ghi «điểm» hoặc «đạt/không đạt»",
        "dòng 6, cột «Nội dung»: thiếu nội dung chỉ số",
        "dòng 6, cột «Điểm tối đa»: «mười» không phải số nguyên từ 0 đến 1000",
        "dòng 6, cột «Bắt buộc»: «hmm»: ghi «có» hoặc để trống",
        "dòng 7, cột «Điểm tối đa»: chỉ số đạt/không đạt không có điểm tối đa; để trống ô này",
    ];
    for e in expect {
        assert!(said.iter().any(|s| s == e), "missing {e:?} in {said:#?}");
    }
}

#[test]
fn a_missing_column_and_missing_set_fields_are_named() {
    let problems =
        read("Tiêu chí,Nội dung\n1. Một,x\n", &SetFields::default()).expect_err("refused");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(
        said.iter().any(|s| s.contains("thiếu cột «Mã chỉ số»")),
        "{said:#?}"
    );
    let problems = read(CDHT_CSV, &SetFields::default()).expect_err("refused");
    let said: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert!(said.iter().any(|s| s.contains("--title")), "{said:#?}");
    assert!(said.iter().any(|s| s.contains("--source")), "{said:#?}");
}

#[test]
fn a_minimum_above_the_sum_is_refused() {
    let fields = SetFields {
        min_total: Some(120),
        ..cdht_fields()
    };
    let problems = read(CDHT_CSV, &fields).expect_err("refused");
    assert!(
        problems[0].message.contains("lớn hơn tổng điểm tối đa"),
        "{problems:?}"
    );
}

#[test]
fn an_exported_set_imports_back_to_the_same_set() {
    let catalog = crate::criteria::Catalog::shipped().expect("shipped");
    for entry in catalog.entries() {
        let bytes = crate::criteria::to_csv(&entry.set);
        let text = String::from_utf8(bytes).expect("utf-8");
        let mut back = read(&text, &SetFields::default()).expect("valid");
        // Scope and status are not in the table; the rest is.
        back.scope = entry.set.scope;
        back.status = entry.set.status;
        assert_eq!(back.content_hash(), entry.hash, "{}", entry.set.id);
    }
}

#[test]
fn grades_read_in_both_spellings() {
    let g = parse_grades("Khá: 70; Tốt ≥ 85").expect("grades");
    assert_eq!(grades_cell(&g), "Tốt ≥ 85; Khá ≥ 70");
}
