//! What the Report screen's keys do: build the preview from the same data and the same
//! renderer as `sohoctap report` (so it matches the command byte for byte), toggle its
//! options, scroll, and save it owner-only under a dated name in the documents folder,
//! as text or as a Word document.

use super::ReportState;
use crate::app::load_report_data;
use crate::report::text::{file_name, save_path};
use crate::store::StoreError;
use crate::tui::action::Action;
use crate::tui::app::{App, Screen};
use crate::tui::scroll::scrolled;
use crate::tui::theme::Role;
use chrono::NaiveDate;
use std::path::PathBuf;

impl App {
    /// The date reports carry.
    pub fn report_date(&self) -> NaiveDate {
        self.today
            .unwrap_or_else(|| chrono::Local::now().date_naive())
    }

    /// Where a report of `year` is saved.
    pub fn report_path(&self) -> PathBuf {
        let today = self.report_date();
        match &self.documents {
            Some(folder) => folder.join(file_name(self.year, today)),
            None => save_path(self.year, today),
        }
    }

    /// The report of the selected year with these options, read from one snapshot.
    fn build_report(&self, list: bool, ascii: bool) -> Result<Option<ReportState>, StoreError> {
        let Some(register) = &self.register else {
            return Ok(None);
        };
        let reader = register.read()?;
        let data = load_report_data(&reader, self.year, list)?;
        Ok(Some(ReportState::new(
            &data,
            list,
            ascii,
            self.report_date(),
        )))
    }

    pub(in crate::tui) fn open_report(&mut self) {
        // A console started with --ascii cannot show the diacritics either.
        match self.build_report(false, self.theme.ascii) {
            Ok(Some(state)) => self.stack.push(Screen::Report(state)),
            Ok(None) => {}
            Err(e) => self.fail(&e),
        }
    }

    /// Rebuilds the preview with other options or another year, keeping the place.
    pub(in crate::tui) fn rebuild_report(&mut self, list: bool, ascii: bool) {
        let scroll = match self.stack.last() {
            Some(Screen::Report(state)) => state.scroll,
            _ => return,
        };
        match self.build_report(list, ascii) {
            Ok(Some(mut fresh)) => {
                fresh.scroll = scroll.min(fresh.max_scroll(self.page_rows));
                if let Some(Screen::Report(state)) = self.stack.last_mut() {
                    *state = fresh;
                }
            }
            Ok(None) => {}
            Err(e) => self.fail(&e),
        }
    }

    pub(in crate::tui) fn update_report(&mut self, action: Action) {
        let page_rows = self.page_rows;
        let Some(Screen::Report(state)) = self.stack.last_mut() else {
            return;
        };
        let (list, ascii) = (state.list, state.ascii);
        let page = state.text_rows(page_rows);
        let max = state.max_scroll(page_rows);
        if let Some(to) = scrolled(state.scroll, &action, page, max) {
            state.scroll = to;
            return;
        }
        match action {
            Action::ToggleList => self.rebuild_report(!list, ascii),
            Action::ToggleAscii => self.rebuild_report(list, !ascii),
            Action::PrevYear | Action::NextYear => {
                self.change_year(if action == Action::PrevYear { -1 } else { 1 });
                self.rebuild_report(list, ascii);
            }
            Action::Save => self.save_report(),
            Action::SaveDocx => self.save_docx(),
            Action::Print => self.print_report(),
            Action::ExportXlsx => self.export_report_xlsx(),
            Action::OpenLetterhead => self.open_letterhead(),
            _ => {}
        }
    }

    /// Sends the previewed text to the printer and says how it went.
    fn print_report(&mut self) {
        let Some(Screen::Report(state)) = self.stack.last() else {
            return;
        };
        let spool = crate::print::spool_folder(&self.path);
        let notice = match (self.printer)(&state.text, &spool) {
            Ok(printed) => (
                format!(
                    "{} Đã gửi báo cáo tới máy in ({}).",
                    self.theme.sym("✓", "v"),
                    printed.program
                ),
                Role::Good,
            ),
            Err(e) => (
                format!(
                    "{} {e}. Có thể bấm {} để lưu ra tệp rồi in tệp đó.",
                    self.theme.sym("✗", "x"),
                    crate::tui::keymap::key_label(crate::tui::keymap::Ctx::Report, &Action::Save),
                ),
                Role::Error,
            ),
        };
        self.set_report_notice(notice);
    }

    pub(in crate::tui) fn set_report_notice(&mut self, notice: (String, Role)) {
        let page_rows = self.page_rows;
        if let Some(Screen::Report(state)) = self.stack.last_mut() {
            state.notice = Some(notice);
            // The notice takes two text rows; keep the end reachable.
            state.scroll = state.scroll.min(state.max_scroll(page_rows));
        }
    }

    /// Where a Word report of `year` is saved: beside the text one, `.docx`.
    fn docx_path(&self) -> PathBuf {
        self.report_path()
            .with_file_name(crate::report::docx::file_name(
                self.year,
                self.report_date(),
            ))
    }

    /// Writes the report as a Word document (read again from the register, the same
    /// data as the preview) under a dated name, never replacing an earlier file.
    fn save_docx(&mut self) {
        let Some(Screen::Report(state)) = self.stack.last() else {
            return;
        };
        let list = state.list;
        let Some(register) = &self.register else {
            return;
        };
        let first = self.docx_path();
        let options = crate::report::docx::DocxOptions {
            today: self.report_date(),
            list,
            signer: None,
        };
        let built = register
            .read()
            .and_then(|reader| load_report_data(&reader, self.year, list))
            .map_err(|e| e.to_string())
            .and_then(|data| {
                crate::report::docx::render(&data, &options).map_err(|e| e.to_string())
            });
        let written = built.and_then(|bytes| {
            crate::store::files::write_new_numbered(&first, &bytes).map_err(|source| {
                StoreError::Io {
                    path: first.clone(),
                    action: "ghi",
                    source,
                }
                .to_string()
            })
        });
        let notice = match written {
            Ok(path) => (
                format!(
                    "{} Đã lưu văn bản Word vào {}",
                    self.theme.sym("✓", "v"),
                    path.display()
                ),
                Role::Good,
            ),
            Err(why) => (
                format!(
                    "{} {why}. Chưa lưu văn bản Word: hãy kiểm tra thư mục có ghi được không (hoặc dùng lệnh sohoctap report --docx --out TỆP).",
                    self.theme.sym("✗", "x")
                ),
                Role::Error,
            ),
        };
        self.set_report_notice(notice);
    }

    /// Writes the previewed text, owner-only and atomically, and says where. A report
    /// saved earlier the same day is never replaced: the new one is numbered
    /// (`…-2.txt`, `…-3.txt`).
    fn save_report(&mut self) {
        let first = self.report_path();
        let Some(Screen::Report(state)) = self.stack.last() else {
            return;
        };
        let written = crate::store::files::write_new_numbered(&first, state.text.as_bytes());
        let notice = match written {
            Ok(path) => (
                format!(
                    "{} Đã lưu báo cáo vào {}",
                    self.theme.sym("✓", "v"),
                    path.display()
                ),
                Role::Good,
            ),
            Err(source) => {
                let error = StoreError::Io {
                    path: first.clone(),
                    action: "ghi",
                    source,
                };
                (
                    format!(
                        "{} {error}. Chưa lưu báo cáo: hãy kiểm tra thư mục có ghi được không (hoặc dùng lệnh sohoctap report --out TỆP).",
                        self.theme.sym("✗", "x")
                    ),
                    Role::Error,
                )
            }
        };
        self.set_report_notice(notice);
    }
}
