//! The command table, continued: the report, import and backup screens, and the
//! questions on leaving. Read with the rest through `commands::all()`.

use super::action::Action;
use super::commands::cmd;
use super::keymap::{Command, Ctx, Key};

/// Screens that scroll a long text: the report preview and the import preview.
const SCROLL: &[Ctx] = &[Ctx::Report, Ctx::ImportPreview, Ctx::MergePreview];

pub(super) static COMMANDS: &[Command] = &[
    // Report, import and backup. Their own lines (rather than new scopes on the lines
    // above) so each screen's hint bar lists its keys in the order it needs.
    // B, N, S, F3, F4 and F8 are named on the home screen's results box (the bar has
    // no room for them beside moving between years and lists), so not in its bar.
    cmd!(
        &[Key::Char('b'), Key::Char('B')],
        Action::Report,
        &[Ctx::Home],
        None,
        "Báo cáo gửi Đảng ủy, UBND: xem trước, lưu ra tệp"
    ),
    cmd!(
        &[Key::Char('n'), Key::Char('N')],
        Action::Import,
        &[Ctx::Home],
        None,
        "Nhập danh sách từ tệp Excel (.xlsx, .xls, .ods) hoặc CSV: xem trước rồi mới ghi"
    ),
    cmd!(
        &[Key::Char('g'), Key::Char('G')],
        Action::Merge,
        &[Ctx::Home],
        None,
        "Gộp sổ của một xã cũ (sau sáp nhập) vào sổ này: xem trước rồi mới gộp"
    ),
    cmd!(
        &[Key::F(1)],
        Action::Help,
        &[Ctx::Merge],
        Some("Trợ giúp"),
        "Xem tất cả các phím"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::Merge],
        Some("Xem trước"),
        "Đọc sổ của xã cũ và xem trước những gì sẽ gộp (chưa ghi gì)"
    ),
    cmd!(
        &[Key::Left],
        Action::Left,
        &[Ctx::Merge],
        None,
        "Con trỏ sang trái"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        &[Ctx::Merge],
        None,
        "Con trỏ sang phải"
    ),
    cmd!(
        &[Key::Home],
        Action::LineStart,
        &[Ctx::Merge],
        None,
        "Về đầu ô"
    ),
    cmd!(
        &[Key::End],
        Action::LineEnd,
        &[Ctx::Merge],
        None,
        "Về cuối ô"
    ),
    cmd!(
        &[Key::Backspace],
        Action::Backspace,
        &[Ctx::Merge],
        None,
        "Xóa chữ trước con trỏ"
    ),
    cmd!(
        &[Key::Delete],
        Action::Delete,
        &[Ctx::Merge],
        None,
        "Xóa chữ sau con trỏ"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Merge],
        Some("Quay lại"),
        "Quay lại màn hình chính (chưa gộp gì)"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        &[Ctx::MergePreview],
        Some("Gộp vào sổ"),
        "Sao lưu sổ này rồi gộp cả sổ xã cũ vào trong một lần ghi"
    ),
    cmd!(
        &[Key::F(1), Key::Char('?')],
        Action::Help,
        &[Ctx::MergePreview],
        Some("Trợ giúp"),
        "Xem tất cả các phím"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::MergePreview],
        Some("Quay lại"),
        "Quay lại chọn sổ khác (chưa gộp gì)"
    ),
    cmd!(
        &[Key::F(10), Key::Ctrl('q')],
        Action::Quit,
        &[Ctx::Merge, Ctx::MergePreview],
        None,
        "Thoát chương trình"
    ),
    cmd!(
        &[Key::Char('s'), Key::Char('S')],
        Action::Backup,
        &[Ctx::Home, Ctx::About],
        Some("Sao lưu"),
        "Sao lưu sổ ngay (bản sao được kiểm tra, giữ 10 bản gần nhất)",
        off_bar: &[Ctx::Home]
    ),
    cmd!(
        &[Key::F(1), Key::Char('?')],
        Action::Help,
        &[Ctx::Report, Ctx::ImportPreview],
        Some("Trợ giúp"),
        "Xem tất cả các phím"
    ),
    cmd!(
        &[Key::F(1)],
        Action::Help,
        &[Ctx::Import],
        Some("Trợ giúp"),
        "Xem tất cả các phím"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        &[Ctx::Report],
        Some("Lưu tệp"),
        "Lưu báo cáo vào thư mục Tài liệu (Documents), tên tệp có năm và ngày"
    ),
    // F3 and F4 are named with their state (☐/☑) on the report's first line, which
    // leaves the bar room for the Excel and letterhead keys.
    cmd!(
        &[Key::F(3)],
        Action::ToggleList,
        &[Ctx::Report],
        None,
        "Bật/tắt phần danh sách đơn vị đã công nhận theo thôn (--list)"
    ),
    cmd!(
        &[Key::F(4)],
        Action::ToggleAscii,
        &[Ctx::Report],
        None,
        "Bật/tắt chữ không dấu, cho máy in không có phông tiếng Việt (--ascii)"
    ),
    cmd!(
        &[Key::F(5), Key::Ctrl('p')],
        Action::Print,
        &[Ctx::Report],
        Some("In"),
        "In báo cáo ra máy in mặc định (Windows: qua Notepad; Linux: lệnh lp)"
    ),
    cmd!(
        &[Key::F(6), Key::Char('w'), Key::Char('W')],
        Action::SaveDocx,
        &[Ctx::Report],
        Some("Word"),
        "Lưu báo cáo thành văn bản Word (.docx) theo thể thức Nghị định 30 vào thư mục Tài liệu, để sửa, ký và in"
    ),
    cmd!(
        &[Key::F(7), Key::Char('x'), Key::Char('X')],
        Action::ExportXlsx,
        &[Ctx::Report],
        Some("Excel"),
        "Lưu các bảng của báo cáo ra tệp Excel (.xlsx), mỗi phần một trang, trong thư mục Tài liệu"
    ),
    cmd!(
        &[Key::F(9), Key::Char('v'), Key::Char('V')],
        Action::OpenLetterhead,
        &[Ctx::Report],
        Some("Đầu, ký"),
        "Phần đầu và phần ký của báo cáo: cơ quan cấp trên, số văn bản, địa danh, người ký, nơi nhận (sổ ghi nhớ)"
    ),
    cmd!(
        &[Key::Char('['), Key::Char('-')],
        Action::PrevYear,
        &[Ctx::Report],
        None,
        "Báo cáo năm trước"
    ),
    cmd!(
        &[Key::Char(']'), Key::Char('+')],
        Action::NextYear,
        &[Ctx::Report],
        None,
        "Báo cáo năm sau"
    ),
    cmd!(
        &[Key::Enter, Key::F(2)],
        Action::Open,
        &[Ctx::Import],
        Some("Xem trước"),
        "Đọc tệp và xem trước những gì sẽ thay đổi (chưa ghi gì)"
    ),
    cmd!(
        &[Key::Tab, Key::Down],
        Action::NextField,
        &[Ctx::Import],
        Some("Ô sau"),
        "Sang ô sau"
    ),
    cmd!(
        &[Key::BackTab, Key::Up],
        Action::PrevField,
        &[Ctx::Import],
        None,
        "Về ô trước"
    ),
    cmd!(
        &[Key::Left],
        Action::Left,
        &[Ctx::Import],
        None,
        "Ô loại: loại trước; ô tệp: con trỏ sang trái"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        &[Ctx::Import],
        None,
        "Ô loại: loại sau; ô tệp: con trỏ sang phải"
    ),
    cmd!(
        &[Key::Home],
        Action::LineStart,
        &[Ctx::Import],
        None,
        "Về đầu ô"
    ),
    cmd!(
        &[Key::End],
        Action::LineEnd,
        &[Ctx::Import],
        None,
        "Về cuối ô"
    ),
    cmd!(
        &[Key::Backspace],
        Action::Backspace,
        &[Ctx::Import],
        None,
        "Xóa chữ trước con trỏ"
    ),
    cmd!(
        &[Key::Delete],
        Action::Delete,
        &[Ctx::Import],
        None,
        "Xóa chữ sau con trỏ"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        &[Ctx::ImportPreview],
        Some("Nhập vào sổ"),
        "Ghi cả tệp vào sổ trong một lần (chỉ khi tệp không có lỗi)"
    ),
    cmd!(
        &[Key::F(6)],
        Action::AcceptCodeMapping,
        &[Ctx::ImportPreview],
        None,
        "Xác nhận ghép mã: mã số trong tệp chỉ khác mã trong sổ ở số 0 đầu (bảng tính đã xóa) là cùng một mã; xem trước lại"
    ),
    cmd!(&[Key::Up], Action::Up, SCROLL, None, "Lên một dòng"),
    cmd!(&[Key::Down], Action::Down, SCROLL, None, "Xuống một dòng"),
    cmd!(&[Key::PageUp], Action::PageUp, SCROLL, None, "Trang trước"),
    cmd!(
        &[Key::PageDown],
        Action::PageDown,
        SCROLL,
        None,
        "Trang sau"
    ),
    cmd!(&[Key::Home], Action::First, SCROLL, None, "Về đầu"),
    cmd!(&[Key::End], Action::Last, SCROLL, None, "Xuống cuối"),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Report, Ctx::Import],
        Some("Quay lại"),
        "Quay lại màn hình chính"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::ImportPreview],
        Some("Quay lại"),
        "Quay lại chọn tệp khác (chưa ghi gì)"
    ),
    cmd!(
        &[Key::F(10), Key::Ctrl('q')],
        Action::Quit,
        &[Ctx::Report, Ctx::ImportPreview],
        Some("Thoát"),
        "Thoát chương trình",
        // Esc leads back to the home screen, whose bar has F10; the report's bar keeps
        // its room for what the report does.
        off_bar: &[Ctx::Report]
    ),
    cmd!(
        &[Key::Enter],
        Action::Confirm,
        &[Ctx::ArchiveGroup],
        Some("Chuyển hộ rồi ghi rời xã"),
        "Chuyển các hộ sang thôn (dòng họ) đang chọn, rồi ghi thôn (dòng họ) rời xã"
    ),
    cmd!(
        &[Key::Left],
        Action::Left,
        &[Ctx::ArchiveGroup],
        None,
        "Thôn (dòng họ) nhận hộ: lựa chọn trước"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        &[Ctx::ArchiveGroup],
        None,
        "Thôn (dòng họ) nhận hộ: lựa chọn sau"
    ),
    cmd!(
        &[Key::Char('R'), Key::Char('r')],
        Action::Decline,
        &[Ctx::ArchiveGroup],
        Some("Các hộ cũng rời xã"),
        "Ghi cả các hộ rời xã cùng năm"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::ArchiveGroup],
        Some("Thôi"),
        "Thôi, không ghi gì"
    ),
    cmd!(
        &[Key::Char('C'), Key::Char('c'), Key::Enter],
        Action::Confirm,
        &[Ctx::QuitBackup],
        Some("Có, sao lưu rồi thoát"),
        "Sao lưu sổ rồi thoát"
    ),
    cmd!(
        &[Key::Char('K'), Key::Char('k')],
        Action::Decline,
        &[Ctx::QuitBackup],
        Some("Không, thoát luôn"),
        "Thoát không sao lưu"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::QuitBackup],
        Some("Ở lại"),
        "Không thoát, quay lại chương trình"
    ),
    cmd!(
        &[Key::Enter],
        Action::Confirm,
        &[Ctx::Notice],
        Some("Tiếp tục"),
        "Đóng thông báo (sau sao lưu khi thoát: thoát)"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Notice],
        Some("Đóng, ở lại"),
        "Đóng thông báo, ở lại chương trình"
    ),
];
