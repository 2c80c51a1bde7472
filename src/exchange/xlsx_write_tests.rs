//! The workbook written row by row is the in-memory one: every part of the file the same
//! but the creation time and the rows' `spans` attributes (an optional hint for readers
//! that the streamed sheet leaves out).

use super::xlsx_write::{XCell, XColumn, XSheet, streamed_workbook, workbook};
use std::collections::BTreeMap;
use std::io::Read;

/// Each part of the package by name, without the creation time and without `spans`.
fn parts(bytes: &[u8]) -> BTreeMap<String, String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = BTreeMap::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        let name = file.name().unwrap().to_string();
        if name == "docProps/core.xml" {
            continue;
        }
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        let mut kept = String::new();
        let mut rest = text.as_str();
        while let Some((before, after)) = rest.split_once(" spans=\"") {
            kept.push_str(before);
            rest = after.split_once('"').unwrap().1;
        }
        kept.push_str(rest);
        out.insert(name, kept);
    }
    out
}

#[test]
fn a_streamed_sheet_is_the_in_memory_sheet() {
    let headers: Vec<String> = ["Mã", "Tên", "Số", "Ngày", "Tỉ lệ"]
        .iter()
        .map(|h| h.to_string())
        .collect();
    let columns = vec![
        XColumn::Code,
        XColumn::Other,
        XColumn::Other,
        XColumn::Other,
        XColumn::Other,
    ];
    let rows: Vec<Vec<XCell>> = (0..40)
        .map(|i| {
            vec![
                XCell::Text(format!("{i:04}")),
                if i % 3 == 0 {
                    XCell::Empty
                } else {
                    XCell::Text(format!("Nguyễn Văn {}", i % 7))
                },
                XCell::Number(f64::from(i) / 2.0),
                XCell::Date(chrono::NaiveDate::from_ymd_opt(2025, 1 + i % 12, 1).unwrap()),
                XCell::Percent(f64::from(i) / 40.0),
            ]
        })
        .collect();
    let whole = workbook(&[XSheet {
        name: "Hộ gia đình 2025".into(),
        headers: headers.clone(),
        columns: columns.clone(),
        rows: rows.clone(),
    }])
    .unwrap();
    let streamed = streamed_workbook("Hộ gia đình 2025", &headers, &columns, &mut |write| {
        rows.iter().try_for_each(|row| write(row))
    })
    .unwrap();
    let (whole, streamed) = (parts(&whole), parts(&streamed));
    assert_eq!(
        whole.keys().collect::<Vec<_>>(),
        streamed.keys().collect::<Vec<_>>()
    );
    for (name, text) in &whole {
        assert_eq!(text, &streamed[name], "{name}");
    }
}
