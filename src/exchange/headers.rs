//! Which column of an office's file holds which field. Offices name their columns in
//! many ways ("Họ và tên chủ hộ", "Chủ hộ", "HO TEN CHU HO"), so each field has a list of
//! documented aliases, compared without case, diacritics, punctuation or a note in
//! brackets. The first alias of each field is the header our own exports write, which is
//! what makes an export re-importable. docs/import-export.md lists the same table.

use crate::model::UnitKind;
use crate::text::header_key;
// Looked up for every cell of every row: foldhash, not SipHash.
use foldhash::HashMap;

/// Every field an import can fill, across all unit kinds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Code,
    Name,
    CommunityKind,
    Entered,
    Left,
    HeadName,
    CommunityCode,
    Community,
    ClanCode,
    Clan,
    Members,
    Adults,
    Address,
    Branch,
    ClanHead,
    Note,
    OrgKind,
    Staff,
    BirthYear,
    Gender,
    HouseholdCode,
    OrganisationCode,
    Organisation,
    TargetGroup,
}

/// One column a kind of file may have.
#[derive(Debug)]
pub struct Column {
    pub field: Field,
    /// The aliases; the first is the header our exports write.
    pub aliases: &'static [&'static str],
    pub required: bool,
}

impl Column {
    pub fn header(&self) -> &'static str {
        self.aliases.first().copied().unwrap_or("")
    }
}

const fn col(field: Field, aliases: &'static [&'static str], required: bool) -> Column {
    Column {
        field,
        aliases,
        required,
    }
}

const ENTERED: Column = col(
    Field::Entered,
    &["Năm vào", "Năm vào sổ", "Năm đăng ký", "Từ năm"],
    false,
);
const LEFT: Column = col(
    Field::Left,
    &["Năm ra", "Năm chuyển đi", "Năm rời", "Đến năm"],
    false,
);

const COMMUNITIES: &[Column] = &[
    col(
        Field::Code,
        &[
            "Mã thôn",
            "Mã",
            "Mã tổ",
            "Mã cộng đồng",
            "Mã thôn/tổ dân phố",
        ],
        false,
    ),
    col(
        Field::Name,
        &[
            "Tên thôn",
            "Thôn",
            "Tên",
            "Tổ dân phố",
            "Thôn/Xóm",
            "Thôn/Tổ dân phố",
            "Tên thôn/tổ dân phố",
            "Tên cộng đồng",
            "Cộng đồng",
            "Xóm",
            "Bản",
            "Ấp",
            "Khu phố",
        ],
        true,
    ),
    col(
        Field::CommunityKind,
        &["Loại", "Loại cộng đồng", "Loại hình"],
        false,
    ),
    ENTERED,
    LEFT,
];

const HOUSEHOLDS: &[Column] = &[
    col(
        Field::Code,
        &["Mã hộ", "Mã", "Mã số hộ", "Mã gia đình"],
        false,
    ),
    col(
        Field::HeadName,
        &[
            "Chủ hộ",
            "Họ và tên chủ hộ",
            "Họ tên chủ hộ",
            "Tên chủ hộ",
            "Họ và tên",
            "Họ tên",
        ],
        true,
    ),
    col(
        Field::CommunityCode,
        &["Mã thôn", "Mã tổ", "Mã thôn/tổ dân phố"],
        false,
    ),
    col(
        Field::Community,
        &[
            "Thôn",
            "Tổ dân phố",
            "Thôn/Xóm",
            "Thôn/Tổ dân phố",
            "Tên thôn",
            "Xóm",
            "Bản",
            "Ấp",
            "Khu phố",
            "Tổ",
            "Địa bàn",
        ],
        false,
    ),
    col(Field::ClanCode, &["Mã dòng họ", "Mã dòng tộc"], false),
    col(
        Field::Clan,
        &["Dòng họ", "Họ tộc", "Thuộc dòng họ", "Tên dòng họ"],
        false,
    ),
    col(
        Field::Members,
        &[
            "Số nhân khẩu",
            "Nhân khẩu",
            "Số khẩu",
            "Số người",
            "Số thành viên",
        ],
        false,
    ),
    col(
        Field::Adults,
        &[
            "Số người lớn",
            "Người lớn",
            "Số người từ 15 tuổi trở lên",
            "Từ 15 tuổi trở lên",
        ],
        false,
    ),
    col(
        Field::Address,
        &["Địa chỉ", "Địa chỉ thường trú", "Số nhà", "Nơi ở"],
        false,
    ),
    ENTERED,
    LEFT,
];

const CLANS: &[Column] = &[
    col(Field::Code, &["Mã dòng họ", "Mã", "Mã họ"], false),
    col(
        Field::Name,
        &["Dòng họ", "Tên dòng họ", "Họ", "Tên họ", "Họ tộc", "Tên"],
        true,
    ),
    col(
        Field::Branch,
        &["Chi", "Chi họ", "Nhánh", "Chi/nhánh"],
        false,
    ),
    col(
        Field::ClanHead,
        &[
            "Trưởng họ",
            "Trưởng tộc",
            "Tộc trưởng",
            "Trưởng chi",
            "Người đại diện",
        ],
        false,
    ),
    col(Field::Note, &["Ghi chú"], false),
    ENTERED,
    LEFT,
];

const ORGANISATIONS: &[Column] = &[
    col(
        Field::Code,
        &["Mã đơn vị", "Mã", "Mã cơ quan", "Mã cơ quan, đơn vị"],
        false,
    ),
    col(
        Field::Name,
        &[
            "Tên đơn vị",
            "Tên cơ quan",
            "Tên cơ quan, đơn vị",
            "Cơ quan, đơn vị",
            "Đơn vị",
            "Tên",
        ],
        true,
    ),
    col(
        Field::OrgKind,
        &["Loại hình", "Loại", "Loại đơn vị", "Loại hình đơn vị"],
        false,
    ),
    col(
        Field::Staff,
        &[
            "Số cán bộ",
            "Số cán bộ, công chức",
            "Số cán bộ, nhân viên",
            "Số CBCNV",
            "Số người lao động",
            "Số lao động",
            "Số thành viên",
        ],
        false,
    ),
    ENTERED,
    LEFT,
];

const CITIZENS: &[Column] = &[
    col(Field::Code, &["Mã công dân", "Mã", "Mã CD"], false),
    col(
        Field::Name,
        &["Họ và tên", "Họ tên", "Tên", "Họ và tên công dân"],
        true,
    ),
    col(
        Field::BirthYear,
        &["Năm sinh", "Sinh năm", "Ngày sinh", "Ngày tháng năm sinh"],
        false,
    ),
    col(Field::Gender, &["Giới tính", "Giới", "Nam/Nữ"], false),
    col(
        Field::HouseholdCode,
        &["Mã hộ", "Thuộc hộ", "Hộ gia đình"],
        false,
    ),
    col(Field::OrganisationCode, &["Mã đơn vị", "Mã cơ quan"], false),
    col(
        Field::Organisation,
        &[
            "Đơn vị",
            "Cơ quan",
            "Đơn vị công tác",
            "Nơi công tác",
            "Tên đơn vị",
        ],
        false,
    ),
    col(
        Field::TargetGroup,
        &["Nhóm đối tượng", "Nhóm", "Đối tượng"],
        false,
    ),
    ENTERED,
    LEFT,
];

/// The columns a file of `kind` may have, in the order exports write them.
pub fn columns(kind: UnitKind) -> &'static [Column] {
    match kind {
        UnitKind::Community => COMMUNITIES,
        UnitKind::Household => HOUSEHOLDS,
        UnitKind::Clan => CLANS,
        UnitKind::Organisation => ORGANISATIONS,
        UnitKind::Citizen => CITIZENS,
    }
}

/// Where each known field sits in the file, and the headers that matched nothing.
#[derive(Debug, Clone)]
pub struct ColumnMap {
    positions: HashMap<Field, usize>,
    pub ignored: Vec<String>,
}

impl ColumnMap {
    pub fn position(&self, field: Field) -> Option<usize> {
        self.positions.get(&field).copied()
    }

    pub fn has(&self, field: Field) -> bool {
        self.positions.contains_key(&field)
    }

    /// Every field the file has, with its column, in no particular order.
    pub fn fields(&self) -> impl Iterator<Item = (Field, usize)> + '_ {
        self.positions.iter().map(|(f, i)| (*f, *i))
    }
}

/// Why the header row cannot be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HeaderProblem {
    /// Two columns of the file mean the same field.
    Duplicate {
        field_header: &'static str,
        first: String,
        second: String,
    },
    /// A required field has no column.
    Missing {
        expected: Vec<String>,
        found: Vec<String>,
    },
}

impl HeaderProblem {
    pub fn message(&self) -> String {
        match self {
            HeaderProblem::Duplicate {
                field_header,
                first,
                second,
            } => format!(
                "hai cột \"{first}\" và \"{second}\" cùng là \"{field_header}\"; hãy xóa hoặc đổi tên một cột"
            ),
            HeaderProblem::Missing { expected, found } => format!(
                "thiếu cột bắt buộc. Cần: {}. Các cột trong tệp: {}",
                expected.join("; "),
                found
                    .iter()
                    .map(|h| format!("\"{h}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

/// Matches a file's header row against the columns of `kind`.
pub fn map_headers(kind: UnitKind, headers: &[String]) -> Result<ColumnMap, Vec<HeaderProblem>> {
    let spec = columns(kind);
    let keyed: Vec<(Vec<String>, &Column)> = spec
        .iter()
        .map(|c| (c.aliases.iter().map(|a| header_key(a)).collect(), c))
        .collect();
    let mut positions: HashMap<Field, usize> = HashMap::default();
    let mut ignored = Vec::new();
    let mut problems = Vec::new();
    for (index, header) in headers.iter().enumerate() {
        let key = header_key(header);
        // A header may be an alias of more than one field only across kinds, never within
        // one kind; the first column (in export order) that knows it wins.
        match keyed.iter().find(|(aliases, _)| aliases.contains(&key)) {
            Some((_, column)) => {
                if let Some(&first) = positions.get(&column.field) {
                    problems.push(HeaderProblem::Duplicate {
                        field_header: column.header(),
                        first: headers.get(first).cloned().unwrap_or_default(),
                        second: header.clone(),
                    });
                } else {
                    positions.insert(column.field, index);
                }
            }
            None => ignored.push(header.clone()),
        }
    }
    let missing: Vec<String> = spec
        .iter()
        .filter(|c| c.required && !positions.contains_key(&c.field))
        .map(|c| {
            format!(
                "\"{}\" (hoặc: {})",
                c.header(),
                c.aliases
                    .iter()
                    .skip(1)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
        .collect();
    if !missing.is_empty() {
        problems.push(HeaderProblem::Missing {
            expected: missing,
            found: headers.to_vec(),
        });
    }
    if problems.is_empty() {
        Ok(ColumnMap { positions, ignored })
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn headers_match_without_case_diacritics_or_notes() {
        let map = map_headers(
            UnitKind::Household,
            &h(&[
                "STT",
                "HỌ VÀ TÊN CHỦ HỘ (*)",
                "thon/xom",
                "So nhan khau",
                "Ghi chú",
            ]),
        )
        .unwrap();
        assert_eq!(map.position(Field::HeadName), Some(1));
        assert_eq!(map.position(Field::Community), Some(2));
        assert_eq!(map.position(Field::Members), Some(3));
        assert_eq!(map.ignored, vec!["STT", "Ghi chú"]);
    }

    #[test]
    fn a_missing_required_column_lists_found_and_expected() {
        let problems = map_headers(UnitKind::Household, &h(&["STT", "Tên hộ"])).unwrap_err();
        let message = problems[0].message();
        assert!(message.contains("\"Chủ hộ\""), "{message}");
        assert!(message.contains("Họ và tên chủ hộ"), "{message}");
        assert!(message.contains("\"Tên hộ\""), "{message}");
        assert!(message.contains("\"STT\""), "{message}");
    }

    #[test]
    fn two_columns_for_one_field_are_refused() {
        let problems =
            map_headers(UnitKind::Household, &h(&["Chủ hộ", "Họ và tên chủ hộ"])).unwrap_err();
        assert!(matches!(problems[0], HeaderProblem::Duplicate { .. }));
    }

    #[test]
    fn no_alias_is_shared_by_two_fields_of_one_kind() {
        for kind in UnitKind::ALL {
            let mut seen = std::collections::HashSet::new();
            for column in columns(kind) {
                for alias in column.aliases {
                    assert!(seen.insert(header_key(alias)), "{kind:?}: {alias}");
                }
            }
        }
    }
}
