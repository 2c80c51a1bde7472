//! The command table itself: every binding, its scope, its hint and its help line.
//! `keymap` reads it for the dispatcher, the hint bar and the help screen; to add a
//! key, add a line here (or in `commands_files`, `commands_work`, the same table in
//! three files by subject) and nowhere else.

use super::action::Action;
use super::keymap::{Command, Ctx, Key};
use crate::model::UnitKind;

const EDIT: &[Ctx] = &[
    Ctx::Setup,
    Ctx::Officer,
    Ctx::Picker,
    Ctx::Search,
    Ctx::Form,
];
const LISTS: &[Ctx] = &[Ctx::List, Ctx::ListLeft, Ctx::Search];
const MOVE: &[Ctx] = &[
    Ctx::Home,
    Ctx::List,
    Ctx::ListLeft,
    Ctx::Search,
    Ctx::Help,
    Ctx::Detail,
    Ctx::Picker,
];

macro_rules! cmd {
    ($keys:expr, $action:expr, $scope:expr, $hint:expr, $help:expr) => {
        cmd!($keys, $action, $scope, $hint, $help, off_bar: &[])
    };
    ($keys:expr, $action:expr, $scope:expr, $hint:expr, $help:expr, off_bar: $off:expr) => {
        cmd!($keys, $action, $scope, $hint, $help, off_bar: $off, spare_on: &[])
    };
    ($keys:expr, $action:expr, $scope:expr, $hint:expr, $help:expr, spare_on: $spare:expr) => {
        cmd!($keys, $action, $scope, $hint, $help, off_bar: &[], spare_on: $spare)
    };
    ($keys:expr, $action:expr, $scope:expr, $hint:expr, $help:expr, off_bar: $off:expr, spare_on: $spare:expr) => {
        Command {
            keys: $keys,
            action: $action,
            scope: $scope,
            hint: $hint,
            help: $help,
            off_bar: $off,
            spare_on: $spare,
        }
    };
}

/// Every command, in the order the help screen and hint bars list them: this file's
/// (moving, lists, forms, questions), then files and reports, then the scoring work.
pub(super) fn all() -> impl Iterator<Item = &'static Command> {
    COMMANDS
        .iter()
        .chain(super::commands_files::COMMANDS)
        .chain(super::commands_work::COMMANDS)
        .chain(super::criteria_editor::commands::COMMANDS)
}

pub(super) use cmd;

static COMMANDS: &[Command] = &[
    cmd!(
        &[Key::Enter, Key::F(2)],
        Action::Confirm,
        &[Ctx::Confirm],
        Some("Đồng ý"),
        "Đồng ý với câu hỏi"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Confirm],
        Some("Không"),
        "Không, quay lại"
    ),
    // Enter never throws anything away: in these questions it keeps what is there,
    // and discarding takes the letter the box names.
    cmd!(
        &[Key::Char('B'), Key::Char('b')],
        Action::Confirm,
        &[Ctx::Discard],
        Some("Bỏ"),
        "Bỏ (phiếu đang gõ, điểm chưa lưu hoặc quyết định, như hộp hỏi ghi)"
    ),
    cmd!(
        &[Key::Enter, Key::Esc],
        Action::Back,
        &[Ctx::Discard],
        Some("Giữ lại"),
        "Không bỏ gì, quay lại"
    ),
    // The "Đã rời xã" list first, so its hint bar leads with returning a unit.
    cmd!(
        &[Key::Enter, Key::Ctrl('d')],
        Action::OpenDetail,
        &[Ctx::ListLeft],
        Some("Chi tiết"),
        "Xem thông tin và kết quả các năm của đơn vị đã rời xã"
    ),
    cmd!(
        &[Key::F(8)],
        Action::Return,
        &[Ctx::ListLeft],
        Some("Quay lại xã"),
        "Ghi đơn vị đã rời xã quay lại xã (sửa khi ghi rời xã nhầm)"
    ),
    cmd!(
        &[Key::F(1), Key::Char('?')],
        Action::Help,
        &[
            Ctx::Setup,
            Ctx::Home,
            Ctx::List,
            Ctx::ListLeft,
            Ctx::Search,
            Ctx::Form,
            Ctx::Detail,
            Ctx::About
        ],
        Some("Trợ giúp"),
        "Xem tất cả các phím (? khi không gõ chữ)"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        &[Ctx::Setup, Ctx::Form],
        Some("Lưu"),
        "Lưu phiếu (mỗi lần lưu là trọn vẹn)"
    ),
    cmd!(
        &[Key::Char('/'), Key::Ctrl('f')],
        Action::Search,
        &[Ctx::List, Ctx::ListLeft],
        Some("Tìm"),
        "Tìm theo tên hoặc mã, gõ không dấu cũng được"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::Home],
        Some("Mở"),
        "Mở danh sách đang chọn"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::List],
        Some("Chấm điểm"),
        "Chấm điểm đơn vị đang chọn cho năm đang xem"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::Search],
        Some("Xong"),
        "Kết thúc tìm, giữ kết quả"
    ),
    cmd!(
        &[Key::Enter],
        Action::NextField,
        &[Ctx::Setup],
        None,
        "Sang ô tiếp theo; ở ô cuối: tạo sổ"
    ),
    cmd!(
        &[Key::Enter],
        Action::NextOrSave,
        &[Ctx::Form],
        None,
        "Sang ô tiếp theo; ở ô cuối: lưu phiếu"
    ),
    cmd!(
        &[Key::F(3)],
        Action::Pick,
        &[Ctx::Form],
        None,
        "Phiếu công dân: chọn hộ (hoặc cơ quan) trong danh sách, gõ tên, mã hoặc thôn để lọc"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::Picker],
        Some("Chọn"),
        "Ghi mã của hộ đang chọn vào phiếu"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Picker],
        Some("Quay lại"),
        "Đóng danh sách, phiếu giữ nguyên"
    ),
    cmd!(
        &[Key::Char('1')],
        Action::OpenList(UnitKind::Community),
        &[Ctx::Home],
        None,
        "Danh sách thôn, tổ dân phố"
    ),
    cmd!(
        &[Key::Char('2')],
        Action::OpenList(UnitKind::Household),
        &[Ctx::Home],
        None,
        "Danh sách hộ gia đình"
    ),
    cmd!(
        &[Key::Char('3')],
        Action::OpenList(UnitKind::Clan),
        &[Ctx::Home],
        None,
        "Danh sách dòng họ"
    ),
    cmd!(
        &[Key::Char('4')],
        Action::OpenList(UnitKind::Organisation),
        &[Ctx::Home],
        None,
        "Danh sách cơ quan, đơn vị"
    ),
    cmd!(
        &[Key::Char('5')],
        Action::OpenList(UnitKind::Citizen),
        &[Ctx::Home],
        None,
        "Danh sách công dân"
    ),
    cmd!(
        &[Key::F(6), Key::Ctrl('n')],
        Action::Add,
        &[Ctx::List, Ctx::ListLeft, Ctx::Search],
        Some("Thêm"),
        "Thêm đơn vị mới",
        // The list of units that left is for finding and returning them.
        off_bar: &[Ctx::ListLeft]
    ),
    cmd!(
        &[Key::F(7), Key::Ctrl('e')],
        Action::Edit,
        &[Ctx::List, Ctx::ListLeft, Ctx::Detail],
        Some("Sửa"),
        "Sửa đơn vị đang chọn"
    ),
    cmd!(
        &[Key::Ctrl('x')],
        Action::ExportXlsx,
        &[Ctx::List],
        None,
        "Xuất danh sách này (kèm kết quả năm đang xem) ra tệp Excel (.xlsx) trong thư mục Tài liệu"
    ),
    cmd!(
        &[Key::F(8)],
        Action::Archive,
        &[Ctx::List, Ctx::Detail],
        Some("Rời xã"),
        "Ghi đơn vị rời xã (chuyển đi, giải thể, qua đời): không xóa, vẫn tính cho các năm trước"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[
            Ctx::List,
            Ctx::ListLeft,
            Ctx::Search,
            Ctx::Form,
            Ctx::Detail,
            Ctx::Help,
            Ctx::About
        ],
        Some("Quay lại"),
        "Quay lại (phiếu đã sửa thì hỏi trước khi bỏ)"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Setup],
        Some("Thoát"),
        "Thoát, không tạo sổ"
    ),
    cmd!(
        &[Key::Enter, Key::F(2)],
        Action::Save,
        &[Ctx::Officer],
        Some("Xong"),
        "Ghi tên này cho mọi thay đổi lần làm việc này (ô trống: dùng tên lần trước)"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Officer],
        Some("Bỏ qua"),
        "Không ghi tên cán bộ: thay đổi ghi tên tài khoản máy"
    ),
    cmd!(
        &[Key::F(3)],
        Action::FilterCommunity,
        LISTS,
        None,
        "Lọc theo thôn (bấm nhiều lần để đổi)"
    ),
    cmd!(
        &[Key::F(4)],
        Action::FilterStage,
        LISTS,
        None,
        "Lọc theo trạng thái năm đang chọn"
    ),
    cmd!(
        &[Key::F(5)],
        Action::FilterUnscored,
        LISTS,
        None,
        "Chỉ hiện đơn vị chưa chấm đủ điểm"
    ),
    cmd!(
        &[Key::Ctrl('l')],
        Action::FilterLeft,
        LISTS,
        None,
        "Xem các đơn vị đã rời xã (mọi năm); bấm lại để về danh sách năm đang xem"
    ),
    cmd!(
        &[Key::Ctrl('r')],
        Action::ClearFilters,
        LISTS,
        None,
        "Bỏ mọi bộ lọc và ô tìm"
    ),
    cmd!(
        &[Key::Char('['), Key::Char('-')],
        Action::PrevYear,
        &[Ctx::Home, Ctx::List, Ctx::ListLeft],
        Some("Năm trước"),
        "Xem năm trước",
        // The lists' bars keep 80 columns for the work on units; the year is in the
        // title bar and F1 lists the keys. A wider console shows it too.
        spare_on: &[Ctx::List, Ctx::ListLeft]
    ),
    cmd!(
        &[Key::Char(']'), Key::Char('+')],
        Action::NextYear,
        &[Ctx::Home, Ctx::List, Ctx::ListLeft],
        Some("Năm sau"),
        "Xem năm sau",
        spare_on: &[Ctx::List, Ctx::ListLeft]
    ),
    cmd!(
        &[Key::F(9)],
        Action::About,
        &[Ctx::Home, Ctx::List, Ctx::ListLeft, Ctx::Detail],
        Some("Thông tin"),
        "Thông tin về sổ, bộ tiêu chí, kiểm tra chữ",
        spare_on: &[Ctx::List, Ctx::ListLeft]
    ),
    cmd!(
        &[Key::Tab, Key::Down],
        Action::NextField,
        &[Ctx::Setup, Ctx::Form],
        Some("Ô sau"),
        "Sang ô sau"
    ),
    cmd!(
        &[Key::BackTab, Key::Up],
        Action::PrevField,
        &[Ctx::Setup, Ctx::Form],
        None,
        "Về ô trước"
    ),
    cmd!(&[Key::Up], Action::Up, MOVE, None, "Lên một dòng"),
    cmd!(&[Key::Down], Action::Down, MOVE, None, "Xuống một dòng"),
    cmd!(&[Key::PageUp], Action::PageUp, MOVE, None, "Trang trước"),
    cmd!(&[Key::PageDown], Action::PageDown, MOVE, None, "Trang sau"),
    cmd!(
        &[Key::Home],
        Action::First,
        &[Ctx::Home, Ctx::List, Ctx::ListLeft, Ctx::Help],
        None,
        "Về đầu danh sách"
    ),
    cmd!(
        &[Key::End],
        Action::Last,
        &[Ctx::Home, Ctx::List, Ctx::ListLeft, Ctx::Help],
        None,
        "Xuống cuối danh sách"
    ),
    cmd!(
        &[Key::Backspace],
        Action::Backspace,
        EDIT,
        None,
        "Xóa chữ trước con trỏ (cả Ctrl+H)"
    ),
    cmd!(
        &[Key::Delete],
        Action::Delete,
        EDIT,
        None,
        "Xóa chữ sau con trỏ"
    ),
    cmd!(
        &[Key::Left],
        Action::Left,
        EDIT,
        None,
        "Con trỏ sang trái; ô chọn: lựa chọn trước"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        EDIT,
        None,
        "Con trỏ sang phải; ô chọn: lựa chọn sau"
    ),
    cmd!(&[Key::Home], Action::LineStart, EDIT, None, "Về đầu ô"),
    cmd!(&[Key::End], Action::LineEnd, EDIT, None, "Về cuối ô"),
    cmd!(
        &[Key::F(10), Key::Ctrl('q')],
        Action::Quit,
        &[
            Ctx::Officer,
            Ctx::Home,
            Ctx::List,
            Ctx::ListLeft,
            Ctx::Search,
            Ctx::Detail,
            Ctx::About
        ],
        Some("Thoát"),
        "Thoát chương trình (mọi thứ đã lưu)",
        spare_on: &[Ctx::List, Ctx::ListLeft]
    ),
];
