//! Workbooks from the app: the list on screen (with the selected year's evaluations) and
//! the report's tables, each saved as a new .xlsx file in the documents folder. A file
//! of the same name is never replaced: the new one is numbered (`…-2.xlsx`), as reports
//! are. The same library calls as `sohoctap export xlsx` and `report --xlsx`.

use super::app::{App, Screen};
use super::theme::Role;
use crate::app::load_report_data;
use crate::exchange::export_xlsx::sheet_title;
use crate::exchange::{export_xlsx, report_xlsx::report_xlsx};
use crate::model::UnitKind;
use crate::store::StoreError;
use std::path::PathBuf;

/// A file name without diacritics or spaces (some USB sticks and old mail programs
/// mangle them): "ho-gia-dinh-2025-20261201.xlsx".
fn ascii_name(title: &str, year: u16, today: chrono::NaiveDate) -> String {
    let folded: String = crate::text::fold(title)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() { c } else { '-' })
        .collect();
    let slug = folded
        .split('-')
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    format!("{slug}-{year}-{}.xlsx", today.format("%Y%m%d"))
}

impl App {
    /// The folder reports are saved in (the documents folder, or the home folder on a
    /// machine without one), so every file the app writes is found in one place.
    fn export_folder(&self) -> PathBuf {
        self.report_path()
            .parent()
            .map_or_else(|| PathBuf::from("."), PathBuf::from)
    }

    fn save_workbook(
        &mut self,
        name: String,
        bytes: Result<Vec<u8>, StoreError>,
    ) -> (String, Role) {
        let first = self.export_folder().join(name);
        let written = bytes.and_then(|bytes| {
            crate::store::files::write_new_numbered(&first, &bytes).map_err(|source| {
                StoreError::Io {
                    path: first.clone(),
                    action: "ghi",
                    source,
                }
            })
        });
        match written {
            Ok(path) => (
                format!(
                    "{} Đã lưu tệp Excel {} (có thông tin cá nhân: chỉ lưu ở máy cơ quan)",
                    self.theme.sym("✓", "v"),
                    path.display()
                ),
                Role::Good,
            ),
            Err(e) => (format!("{} {e}", self.theme.sym("✗", "x")), Role::Error),
        }
    }

    /// The list on screen as a workbook, with the selected year's evaluations.
    pub(super) fn export_list_xlsx(&mut self, kind: UnitKind) {
        let Some(register) = &self.register else {
            return;
        };
        let year = self.year;
        let bytes = register
            .read()
            .and_then(|reader| export_xlsx(&reader, kind, Some(year)));
        let today = self.report_date();
        let (text, role) = self.save_workbook(ascii_name(sheet_title(kind), year, today), bytes);
        self.say(text, role);
    }

    /// The report's tables (with the recognised list when it is shown) as a workbook.
    pub(super) fn export_report_xlsx(&mut self) {
        let Some(Screen::Report(state)) = self.stack.last() else {
            return;
        };
        let list = state.list;
        let Some(register) = &self.register else {
            return;
        };
        let year = self.year;
        let bytes = register
            .read()
            .and_then(|reader| load_report_data(&reader, year, list))
            .and_then(|data| report_xlsx(&data));
        let today = self.report_date();
        let notice = self.save_workbook(ascii_name("bao cao", year, today), bytes);
        self.set_report_notice(notice);
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn file_names_are_plain_ascii() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        assert_eq!(
            super::ascii_name("Thôn, tổ dân phố", 2025, day),
            "thon-to-dan-pho-2025-20261201.xlsx"
        );
    }
}
