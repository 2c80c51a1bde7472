//! The error every subcommand returns: the lines to print and the exit code.

use crate::app::{Advice, AppError};
use crate::criteria::CriteriaError;
use crate::store::StoreError;

#[derive(Debug)]
pub struct CliError {
    /// 1 runtime failure, 2 bad usage or bad input.
    pub code: i32,
    /// One clear line per problem, in Vietnamese.
    pub lines: Vec<String>,
}

impl CliError {
    pub fn input(line: impl Into<String>) -> CliError {
        CliError {
            code: 2,
            lines: vec![line.into()],
        }
    }

    pub fn runtime(line: impl Into<String>) -> CliError {
        CliError {
            code: 1,
            lines: vec![line.into()],
        }
    }
}

impl From<AppError> for CliError {
    /// The error's lines, the last one followed by the command that helps.
    fn from(e: AppError) -> CliError {
        let mut lines = e.lines();
        if let (Some(advice), Some(last)) = (e.advice(), lines.last_mut()) {
            last.push_str(advice_text(advice));
        }
        CliError {
            code: e.exit_code(),
            lines,
        }
    }
}

/// The command line's words for an [`Advice`]: the command to run.
fn advice_text(advice: Advice) -> &'static str {
    match advice {
        Advice::CreateRegister => ". Tạo sổ mới: sohoctap init --commune \"Tên xã\"",
        Advice::RestoreBackup => ". Khôi phục từ bản sao lưu: sohoctap restore TỆP",
        Advice::CheckRegister => "; chạy «sohoctap check» để kiểm tra sổ",
    }
}

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        AppError::Store(e).into()
    }
}

impl From<Vec<CriteriaError>> for CliError {
    fn from(errors: Vec<CriteriaError>) -> CliError {
        AppError::Criteria(errors).into()
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn redb_and_postcard_details_are_translated() {
        let m = crate::text::english::in_vietnamese(
            "Sổ /tmp/a.redb bị hỏng: File truncated below stored layout: file_len=1, layout_len=2",
        );
        assert!(!m.contains("truncated"), "{m}");
        let m = crate::text::english::in_vietnamese(
            "Sổ có dữ liệu hỏng: đơn vị: Hit the end of buffer, expected more data",
        );
        assert!(m.ends_with("đơn vị: dữ liệu bị cắt cụt"), "{m}");
    }

    #[test]
    fn the_command_line_adds_the_command_that_helps() {
        use super::CliError;
        use crate::store::StoreError;
        let missing = CliError::from(StoreError::NotFound("/tmp/so.redb".into()));
        assert_eq!(
            missing.lines,
            ["Không tìm thấy sổ /tmp/so.redb. Tạo sổ mới: sohoctap init --commune \"Tên xã\""]
        );
        let damaged = CliError::from(StoreError::Corrupted {
            path: "/tmp/so.redb".into(),
            detail: "trang hỏng".into(),
        });
        assert_eq!(
            damaged.lines,
            [
                "Sổ /tmp/so.redb bị hỏng (trang hỏng). Khôi phục từ bản sao lưu: sohoctap restore TỆP"
            ]
        );
        let set = CliError::from(StoreError::MissingCriteria {
            id: "gd-2025".into(),
            hash: "abc".into(),
        });
        assert_eq!(set.code, 2);
        assert_eq!(
            set.lines,
            ["Sổ thiếu bản lưu bộ tiêu chí gd-2025 (abc); chạy «sohoctap check» để kiểm tra sổ"]
        );
    }
}
