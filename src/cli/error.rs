//! The error every subcommand returns: the lines to print and the exit code.

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

impl From<StoreError> for CliError {
    fn from(e: StoreError) -> CliError {
        CliError {
            code: e.exit_code(),
            lines: vec![crate::text::english::in_vietnamese(&e.to_string())],
        }
    }
}

impl From<Vec<CriteriaError>> for CliError {
    fn from(errors: Vec<CriteriaError>) -> CliError {
        CliError {
            code: 2,
            lines: errors.iter().map(ToString::to_string).collect(),
        }
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
}
