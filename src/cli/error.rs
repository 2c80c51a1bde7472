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
            lines: vec![vietnamese_store_message(&e.to_string())],
        }
    }
}

/// A store message may end in a library's English detail (redb: "File truncated below
/// stored layout…", postcard: "Hit the end of buffer…"): that detail is translated.
fn vietnamese_store_message(message: &str) -> String {
    use crate::text::english::{is_known, translate};
    for (at, _) in message.match_indices(": ") {
        let (head, detail) = (message.get(..at), message.get(at + 2..));
        if let (Some(head), Some(detail)) = (head, detail)
            && is_known(detail)
        {
            return format!("{head}: {}", translate(detail));
        }
    }
    message.to_string()
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
        let m = super::vietnamese_store_message(
            "Sổ /tmp/a.redb bị hỏng: File truncated below stored layout: file_len=1, layout_len=2",
        );
        assert!(!m.contains("truncated"), "{m}");
        let m = super::vietnamese_store_message(
            "Sổ có dữ liệu hỏng: đơn vị: Hit the end of buffer, expected more data",
        );
        assert!(m.ends_with("đơn vị: dữ liệu bị cắt cụt"), "{m}");
    }
}
