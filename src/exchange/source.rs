//! Which reader a file needs: a workbook (.xlsx, .xlsm, .xls, .ods, told by its
//! signature, not its name) or a text file (CSV in any of the encodings offices have).
//! Both give the same [`Table`], so the rest of an import never asks which it was.

use super::csv_read::{ReadError, Table, read_table};
use super::sheet_read::{read_sheet, sniff};

/// Reads a file of any supported format into a table. `sheet` picks a workbook's sheet
/// by name (the first otherwise); `is_header` recognises the header row of a sheet below
/// its title rows. A text file with `sheet` given is refused rather than silently read.
pub fn read_source(
    bytes: &[u8],
    sheet: Option<&str>,
    is_header: &dyn Fn(&[String]) -> bool,
) -> Result<Table, ReadError> {
    match sniff(bytes) {
        Some(format) => read_sheet(bytes, format, sheet, is_header),
        None if sheet.is_some() => Err(ReadError::Sheet(
            "tệp này là tệp chữ (CSV), không có trang nào; bỏ --sheet, hoặc chọn tệp bảng tính (.xlsx, .xls, .ods)".into(),
        )),
        None => read_table(bytes),
    }
}
