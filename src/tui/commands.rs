//! The command table itself: every binding, its scope, its hint and its help line.
//! `keymap` reads it for the dispatcher, the hint bar and the help screen; to add a
//! key, add a line here and nowhere else.

use super::action::Action;
use super::keymap::{Command, Ctx, Key};
use crate::model::UnitKind;

const EDIT: &[Ctx] = &[Ctx::Setup, Ctx::Search, Ctx::Form];
const LISTS: &[Ctx] = &[Ctx::List, Ctx::Search];
const MOVE: &[Ctx] = &[Ctx::Home, Ctx::List, Ctx::Search, Ctx::Help, Ctx::Detail];
/// Screens that scroll a long text: the report preview and the import preview.
const SCROLL: &[Ctx] = &[Ctx::Report, Ctx::ImportPreview];

macro_rules! cmd {
    ($keys:expr, $action:expr, $scope:expr, $hint:expr, $help:expr) => {
        Command {
            keys: $keys,
            action: $action,
            scope: $scope,
            hint: $hint,
            help: $help,
        }
    };
}

pub(super) static COMMANDS: &[Command] = &[
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
    cmd!(
        &[Key::F(1), Key::Char('?')],
        Action::Help,
        &[
            Ctx::Setup,
            Ctx::Home,
            Ctx::List,
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
        &[Ctx::List],
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
        &[Ctx::Setup, Ctx::Form],
        None,
        "Sang ô tiếp theo"
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
        &[Ctx::List, Ctx::Search],
        Some("Thêm"),
        "Thêm đơn vị mới"
    ),
    cmd!(
        &[Key::F(7), Key::Ctrl('e')],
        Action::Edit,
        &[Ctx::List, Ctx::Detail],
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
        &[Key::Ctrl('r')],
        Action::ClearFilters,
        LISTS,
        None,
        "Bỏ mọi bộ lọc và ô tìm"
    ),
    cmd!(
        &[Key::Char('['), Key::Char('-')],
        Action::PrevYear,
        &[Ctx::Home, Ctx::List],
        Some("Năm trước"),
        "Xem năm trước"
    ),
    cmd!(
        &[Key::Char(']'), Key::Char('+')],
        Action::NextYear,
        &[Ctx::Home, Ctx::List],
        Some("Năm sau"),
        "Xem năm sau"
    ),
    cmd!(
        &[Key::F(9)],
        Action::About,
        &[Ctx::Home, Ctx::List, Ctx::Detail],
        Some("Thông tin"),
        "Thông tin về sổ, bộ tiêu chí, kiểm tra chữ"
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
        &[Ctx::Home, Ctx::List, Ctx::Help],
        None,
        "Về đầu danh sách"
    ),
    cmd!(
        &[Key::End],
        Action::Last,
        &[Ctx::Home, Ctx::List, Ctx::Help],
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
        &[Ctx::Home, Ctx::List, Ctx::Search, Ctx::Detail, Ctx::About],
        Some("Thoát"),
        "Thoát chương trình (mọi thứ đã lưu)"
    ),
    // Report, import and backup. Their own lines (rather than new scopes on the lines
    // above) so each screen's hint bar lists its keys in the order it needs.
    cmd!(
        &[Key::Char('b'), Key::Char('B')],
        Action::Report,
        &[Ctx::Home],
        Some("Báo cáo"),
        "Báo cáo gửi Đảng ủy, UBND: xem trước, lưu ra tệp"
    ),
    cmd!(
        &[Key::Char('n'), Key::Char('N')],
        Action::Import,
        &[Ctx::Home],
        Some("Nhập tệp"),
        "Nhập danh sách từ tệp Excel (.xlsx, .xls, .ods) hoặc CSV: xem trước rồi mới ghi"
    ),
    cmd!(
        &[Key::Char('s'), Key::Char('S')],
        Action::Backup,
        &[Ctx::Home, Ctx::About],
        Some("Sao lưu"),
        "Sao lưu sổ ngay (bản sao được kiểm tra, giữ 10 bản gần nhất)"
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
    cmd!(
        &[Key::F(6)],
        Action::ExportXlsx,
        &[Ctx::Report],
        None,
        "Lưu các bảng của báo cáo ra tệp Excel (.xlsx), mỗi phần một trang, trong thư mục Tài liệu"
    ),
    cmd!(
        &[Key::F(3)],
        Action::ToggleList,
        &[Ctx::Report],
        Some("Kèm danh sách"),
        "Bật/tắt phần danh sách đơn vị đã công nhận theo thôn (--list)"
    ),
    cmd!(
        &[Key::F(4)],
        Action::ToggleAscii,
        &[Ctx::Report],
        Some("Không dấu"),
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
        "Thoát chương trình"
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
    // The scoring work: scoring screen, decisions, targets, breakdown, history.
    cmd!(
        &[Key::Ctrl('d')],
        Action::OpenDetail,
        &[Ctx::List],
        Some("Chi tiết"),
        "Xem thông tin và kết quả các năm của đơn vị đang chọn"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::Detail],
        Some("Chấm điểm"),
        "Chấm điểm đơn vị này cho năm đang xem"
    ),
    cmd!(
        &[Key::Enter],
        Action::Save,
        &[Ctx::Scoring],
        Some("Lưu"),
        "Lưu điểm vừa gõ (ghi ngay vào sổ) và sang chỉ số sau; ô trống thì chỉ sang chỉ số sau"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Scoring],
        Some("Quay lại"),
        "Quay lại (điểm đã Enter là đã lưu; số đang gõ dở thì bỏ)"
    ),
    cmd!(
        &[Key::PageDown],
        Action::PageDown,
        &[Ctx::Scoring],
        Some("Tiếp"),
        "Sang đơn vị sau chưa chấm đủ, trong cùng danh sách và bộ lọc"
    ),
    cmd!(
        &[Key::PageUp],
        Action::PageUp,
        &[Ctx::Scoring],
        None,
        "Về đơn vị trước chưa chấm đủ, trong cùng danh sách và bộ lọc"
    ),
    cmd!(
        &[Key::F(6)],
        Action::TakeLastYear,
        &[Ctx::Scoring],
        Some("Năm trước"),
        "Lấy điểm năm trước cho các chỉ số chưa chấm (không đè điểm đã có)"
    ),
    cmd!(
        &[Key::F(7)],
        Action::StageForward,
        &[Ctx::Scoring],
        Some("Giai đoạn"),
        "Chuyển giai đoạn: đăng ký → tự đánh giá → thẩm định"
    ),
    cmd!(
        &[Key::F(5)],
        Action::StageBack,
        &[Ctx::Scoring],
        None,
        "Lùi một giai đoạn (bỏ quyết định để sửa điểm)"
    ),
    cmd!(
        &[Key::F(8)],
        Action::Decide,
        &[Ctx::Scoring],
        Some("Quyết định"),
        "Ghi quyết định công nhận / không công nhận (số, ngày)"
    ),
    cmd!(
        &[Key::F(4)],
        Action::ShowHistory,
        &[Ctx::Scoring, Ctx::Detail],
        Some("Lịch sử"),
        "Xem lịch sử thay đổi: ai sửa, lúc nào, cũ → mới"
    ),
    cmd!(
        &[Key::Ctrl('z')],
        Action::Undo,
        &[
            Ctx::Home,
            Ctx::List,
            Ctx::Detail,
            Ctx::Scoring,
            Ctx::History
        ],
        None,
        "Hoàn tác thay đổi điểm, giai đoạn gần nhất của phiên này"
    ),
    cmd!(
        &[Key::Up],
        Action::Up,
        &[Ctx::Scoring, Ctx::Breakdown, Ctx::History],
        None,
        "Lên một dòng (chấm điểm: chỉ số trước)"
    ),
    cmd!(
        &[Key::Down],
        Action::Down,
        &[Ctx::Scoring, Ctx::Breakdown, Ctx::History],
        None,
        "Xuống một dòng (chấm điểm: chỉ số sau)"
    ),
    cmd!(
        &[Key::Tab],
        Action::NextField,
        &[Ctx::Scoring, Ctx::Sheet, Ctx::Targets],
        None,
        "Sang chỉ số (ô) sau"
    ),
    cmd!(
        &[Key::BackTab],
        Action::PrevField,
        &[Ctx::Scoring, Ctx::Sheet, Ctx::Targets],
        None,
        "Về chỉ số (ô) trước"
    ),
    cmd!(
        &[Key::Backspace],
        Action::Backspace,
        &[Ctx::Scoring, Ctx::Sheet, Ctx::Targets],
        None,
        "Xóa chữ số vừa gõ (không xóa điểm đã lưu)"
    ),
    cmd!(
        &[Key::Delete],
        Action::Delete,
        &[Ctx::Scoring],
        None,
        "Xóa điểm đã lưu của chỉ số đang chọn (thành chưa chấm)"
    ),
    cmd!(
        &[Key::F(3)],
        Action::OpenBreakdown,
        &[Ctx::Home],
        Some("Theo thôn, họ"),
        "Xem kết quả theo từng thôn và từng dòng họ"
    ),
    cmd!(
        &[Key::F(4)],
        Action::OpenTargets,
        &[Ctx::Home],
        Some("Mục tiêu"),
        "Nhập nghị quyết và mục tiêu từng danh hiệu theo mốc năm"
    ),
    cmd!(
        &[Key::F(8)],
        Action::OpenBulk,
        &[Ctx::Home],
        Some("Công nhận"),
        "Công nhận hàng loạt các đơn vị đã đạt, chưa có quyết định"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        &[Ctx::Sheet, Ctx::Targets],
        Some("Lưu"),
        "Lưu (trọn vẹn trong một lần ghi)"
    ),
    cmd!(
        &[Key::Enter, Key::Down],
        Action::NextField,
        &[Ctx::Sheet, Ctx::Targets],
        None,
        "Sang ô sau"
    ),
    cmd!(
        &[Key::Up],
        Action::PrevField,
        &[Ctx::Sheet, Ctx::Targets],
        None,
        "Về ô trước"
    ),
    cmd!(
        &[Key::Left],
        Action::Left,
        &[Ctx::Sheet, Ctx::Targets],
        None,
        "Con trỏ sang trái; ô chọn: lựa chọn trước"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        &[Ctx::Sheet, Ctx::Targets],
        None,
        "Con trỏ sang phải; ô chọn: lựa chọn sau"
    ),
    cmd!(
        &[Key::F(6)],
        Action::Prefill,
        &[Ctx::Targets],
        Some("Mục tiêu quốc gia"),
        "Điền các ô trống bằng mục tiêu quốc gia (QĐ 387/QĐ-TTg, QĐ 677/QĐ-TTg)"
    ),
    cmd!(
        &[Key::PageUp],
        Action::PageUp,
        &[Ctx::Breakdown, Ctx::History],
        None,
        "Trang trước"
    ),
    cmd!(
        &[Key::PageDown],
        Action::PageDown,
        &[Ctx::Breakdown, Ctx::History],
        None,
        "Trang sau"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        &[Ctx::Sheet, Ctx::Targets, Ctx::Breakdown, Ctx::History],
        Some("Quay lại"),
        "Quay lại (phiếu đã sửa thì hỏi trước khi bỏ)"
    ),
    cmd!(
        &[Key::F(1)],
        Action::Help,
        &[
            Ctx::Scoring,
            Ctx::Sheet,
            Ctx::Targets,
            Ctx::Breakdown,
            Ctx::History
        ],
        None,
        "Xem tất cả các phím"
    ),
    cmd!(
        &[Key::F(10), Key::Ctrl('q')],
        Action::Quit,
        &[Ctx::Scoring, Ctx::Breakdown, Ctx::History],
        None,
        "Thoát chương trình (mọi điểm đã Enter đều đã lưu)"
    ),
];
