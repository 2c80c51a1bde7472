//! Backups from the app: on demand (a key on the home and About screens) and offered on
//! leaving when this session changed the register. The register's write counter (one
//! per committed transaction, whoever wrote it) says whether anything changed since the
//! register was opened or last backed up, so every screen's saves count without each
//! having to remember to say so. A hang-up or SIGTERM never asks: the event loop exits
//! without going through `request_quit`.

use super::action::Action;
use super::app::{App, Confirm, Pending, Screen};
use super::keymap::{Ctx, key_label};
use super::theme::Role;
use crate::store::backup::{KEEP_GENERATIONS, backup_generation, default_backup_dir};
use crate::text::format_count;

impl App {
    /// Whether the register was written since it was opened or last backed up.
    pub fn changed_since_backup(&self) -> bool {
        let Some(register) = &self.register else {
            return false;
        };
        // Unreadable counter: better to offer a backup too many than one too few.
        register
            .read()
            .and_then(|r| r.generation())
            .map_or(true, |now| now != self.clean_generation)
    }

    /// F10 / Ctrl+Q: leave at once, or first ask about a backup.
    pub(super) fn request_quit(&mut self) {
        // A score typed but not Entered is never dropped without asking.
        if let Some(Screen::Scoring(s)) = self.stack.last()
            && !s.input.is_empty()
        {
            let indicator = s.current_code().unwrap_or_default();
            let typed = s.input.value().to_string();
            self.confirm = Some(Confirm::QuitTyped { indicator, typed });
            return;
        }
        if self.changed_since_backup() {
            self.confirm = Some(Confirm::BackupOnQuit);
        } else {
            self.quit = true;
        }
    }

    /// "No" to a three-way question.
    pub(super) fn answer_no(&mut self) {
        match self.confirm.take() {
            Some(Confirm::BackupOnQuit) => self.quit = true,
            Some(Confirm::Working { title, text }) => {
                self.confirm = Some(Confirm::Working { title, text });
            }
            _ => {}
        }
    }

    /// Shows "backing up…" and leaves the copy to `run_pending`, after the next draw.
    pub(super) fn start_backup(&mut self, then_quit: bool) {
        if self.register.is_none() {
            return;
        }
        self.confirm = Some(Confirm::Working {
            title: "Đang sao lưu".into(),
            text: format!(
                "Đang chép và kiểm tra bản sao của sổ vào\n{}\nXin chờ…",
                default_backup_dir(&self.path).display()
            ),
        });
        self.pending = Some(Pending::Backup { then_quit });
    }

    /// Runs the slow job the screen now announces; returns whether there was one.
    pub fn run_pending(&mut self) -> bool {
        match self.pending.take() {
            Some(Pending::Backup { then_quit }) => {
                self.backup_now(then_quit);
                true
            }
            None => false,
        }
    }

    fn backup_now(&mut self, then_quit: bool) {
        let Some(register) = &self.register else {
            self.confirm = None;
            return;
        };
        let generation = register.read().and_then(|r| r.generation());
        let result = backup_generation(register, &default_backup_dir(&self.path), KEEP_GENERATIONS);
        let (close, stay) = (
            key_label(Ctx::Notice, &Action::Confirm),
            key_label(Ctx::Notice, &Action::Back),
        );
        let leave = if then_quit {
            format!("{close}: thoát.   {stay}: ở lại chương trình.")
        } else {
            format!("{close} hoặc {stay}: đóng.")
        };
        self.confirm = Some(match result {
            Ok(report) => {
                if let Ok(generation) = generation {
                    self.clean_generation = generation;
                }
                Confirm::Notice {
                    title: "Đã sao lưu".into(),
                    text: format!(
                        "{} Đã sao lưu sổ ({} byte), bản sao đã kiểm tra: nguyên vẹn.\n{}\nBản sao có thông tin cá nhân: cất giữ như chính sổ.\n{leave}",
                        self.theme.sym("✓", "v"),
                        format_count(report.bytes),
                        report.path.display()
                    ),
                    role: Role::Good,
                    then_quit,
                }
            }
            Err(e) => Confirm::Notice {
                title: "Chưa sao lưu được".into(),
                text: format!(
                    "{} Không sao lưu được: {e}\nSổ không bị ảnh hưởng.\n{leave}",
                    self.theme.sym("✗", "x")
                ),
                role: Role::Error,
                then_quit,
            },
        });
    }
}
