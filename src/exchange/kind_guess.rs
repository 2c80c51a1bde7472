//! A list of one kind imported as another: `import communities ho.csv` would read the
//! household file's "Mã thôn" and "Thôn" columns and create a thôn per row. Before
//! reading rows, the headers are compared with every other kind: when the file has at
//! least two columns only that other kind knows, and none that only the chosen kind
//! knows, it is that other kind's list and is refused, naming it.

use super::headers::columns;
use crate::model::UnitKind;
use crate::text::header_key;
use std::collections::HashSet;

fn keys(kind: UnitKind) -> HashSet<String> {
    columns(kind)
        .iter()
        .flat_map(|c| c.aliases.iter().map(|a| header_key(a)))
        .collect()
}

/// The kind whose list the file looks like instead of `kind`, with the headers that
/// say so, if the file looks like another kind's list.
pub fn other_kind(kind: UnitKind, headers: &[String]) -> Option<(UnitKind, Vec<String>)> {
    let own = keys(kind);
    let mut best: Option<(UnitKind, Vec<String>)> = None;
    for other in UnitKind::ALL.into_iter().filter(|k| *k != kind) {
        let theirs = keys(other);
        let only_theirs: Vec<String> = headers
            .iter()
            .filter(|h| {
                let key = header_key(h);
                theirs.contains(&key) && !own.contains(&key)
            })
            .cloned()
            .collect();
        let only_ours = headers.iter().any(|h| {
            let key = header_key(h);
            own.contains(&key) && !theirs.contains(&key)
        });
        if only_ours || only_theirs.len() < 2 {
            continue;
        }
        if best
            .as_ref()
            .is_none_or(|(_, b)| only_theirs.len() > b.len())
        {
            best = Some((other, only_theirs));
        }
    }
    best
}

/// The refusal, in Vietnamese. It names the list the file belongs to, not a command: the
/// app and the command line each say how to choose a list.
pub fn message(kind: UnitKind, other: UnitKind, telling: &[String]) -> String {
    let quoted: Vec<String> = telling.iter().map(|h| format!("\"{h}\"")).collect();
    let theirs = other.label().to_lowercase();
    format!(
        "tệp này có vẻ là danh sách {theirs} chứ không phải danh sách {}: các cột {} chỉ có ở danh sách {theirs}. Hãy nhập tệp này vào danh sách {theirs}",
        kind.label().to_lowercase(),
        quoted.join(", "),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_export_header_row_is_recognised_as_its_own_kind_only() {
        for kind in UnitKind::ALL {
            let headers: Vec<String> = columns(kind)
                .iter()
                .map(|c| c.header().to_string())
                .collect();
            assert_eq!(other_kind(kind, &headers), None, "{kind:?}");
            for wrong in UnitKind::ALL.into_iter().filter(|k| *k != kind) {
                // An export of `kind` imported as `wrong` is refused, or already fails
                // for a missing required column.
                let guessed = other_kind(wrong, &headers).map(|(k, _)| k);
                let mapped = super::super::headers::map_headers(wrong, &headers);
                assert!(
                    guessed == Some(kind) || mapped.is_err(),
                    "{kind:?} as {wrong:?}: {guessed:?}"
                );
            }
        }
    }

    #[test]
    fn a_household_file_is_not_a_communities_file() {
        let headers = h(&["STT", "Mã hộ", "Chủ hộ", "Mã thôn", "Thôn", "Số nhân khẩu"]);
        let (kind, telling) = other_kind(UnitKind::Community, &headers).unwrap();
        assert_eq!(kind, UnitKind::Household);
        assert_eq!(telling, h(&["Mã hộ", "Chủ hộ", "Số nhân khẩu"]));
        let text = message(UnitKind::Community, kind, &telling);
        assert!(
            text.contains("hộ gia đình") && text.contains("import households"),
            "{text}"
        );
    }

    #[test]
    fn office_files_of_the_right_kind_with_extra_columns_pass() {
        let households = h(&[
            "STT",
            "Mã hộ",
            "Họ và tên chủ hộ",
            "Thôn/Xóm",
            "Dòng họ",
            "Ghi chú",
        ]);
        assert_eq!(other_kind(UnitKind::Household, &households), None);
        let citizens = h(&["Mã công dân", "Họ và tên", "Năm sinh", "Giới tính", "Mã hộ"]);
        assert_eq!(other_kind(UnitKind::Citizen, &citizens), None);
        let communities = h(&["Mã thôn", "Tên thôn", "Loại", "Ghi chú"]);
        assert_eq!(other_kind(UnitKind::Community, &communities), None);
    }
}
