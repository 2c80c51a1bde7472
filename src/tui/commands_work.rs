//! The command table, continued: the scoring work (scoring screen, decisions, bulk
//! recognition, targets, breakdown, history). Read with the rest through
//! `commands::all()`.

use super::action::Action;
use super::commands::cmd;
use super::keymap::{Command, Ctx, Key};

pub(super) static COMMANDS: &[Command] = &[
    // The scoring work: scoring screen, decisions, targets, breakdown, history.
    // F1 first, as on every other screen's bar.
    cmd!(
        &[Key::F(1)],
        Action::Help,
        &[
            Ctx::Scoring,
            Ctx::Sheet,
            Ctx::Bulk,
            Ctx::Targets,
            Ctx::Breakdown,
            Ctx::History
        ],
        Some("Trợ giúp"),
        "Xem tất cả các phím",
        // The scoring box's heading names F1 ("F1 phím"); its bar is full.
        off_bar: &[Ctx::Scoring]
    ),
    cmd!(
        &[Key::Ctrl('d')],
        Action::OpenDetail,
        &[Ctx::List],
        // The list's bar has no room left beside its work on units; F1 lists Ctrl+D.
        None,
        "Xem thông tin và kết quả các năm của đơn vị đang chọn"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::Detail],
        // Named, with F4, in the title of the detail's box of years.
        None,
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
        &[Key::F(3)],
        Action::CycleSkills,
        &[Ctx::Scoring],
        None,
        "Công dân: ghi kỹ năng số, mỗi lần bấm đổi chưa → có → thành thạo → chưa ghi (lưu ngay)"
    ),
    cmd!(
        &[Key::F(8)],
        Action::Decide,
        &[Ctx::Scoring],
        Some("Quyết định"),
        "Ghi quyết định công nhận / không công nhận (số, ngày)"
    ),
    // A unit's paper forms; on a list filtered by thôn, those of every unit shown.
    cmd!(
        &[Key::Ctrl('w')],
        Action::SaveSheetForm,
        &[Ctx::List, Ctx::Scoring],
        None,
        "Lưu phiếu chấm điểm (Word) của đơn vị này vào thư mục Tài liệu; danh sách đang lọc theo thôn: phiếu của mọi đơn vị đang hiện"
    ),
    cmd!(
        &[Key::Ctrl('k')],
        Action::SaveRegistrationForm,
        &[Ctx::List, Ctx::Scoring],
        None,
        "Lưu phiếu đăng ký (Word) của đơn vị này vào thư mục Tài liệu; danh sách đang lọc theo thôn: phiếu của mọi đơn vị đang hiện"
    ),
    cmd!(
        &[Key::F(4)],
        Action::ShowHistory,
        &[Ctx::Scoring, Ctx::Detail],
        // Named in the heading of the scoring box and of the detail's box of years.
        None,
        "Xem lịch sử thay đổi: ai sửa, lúc nào, cũ → mới"
    ),
    cmd!(
        &[Key::Ctrl('z')],
        Action::Undo,
        &[
            Ctx::Home,
            Ctx::List,
            Ctx::ListLeft,
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
        &[Ctx::Scoring, Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        None,
        "Sang chỉ số (ô) sau"
    ),
    cmd!(
        &[Key::BackTab],
        Action::PrevField,
        &[Ctx::Scoring, Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        None,
        "Về chỉ số (ô) trước"
    ),
    cmd!(
        &[Key::Backspace],
        Action::Backspace,
        &[Ctx::Scoring, Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
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
    // F3, F4 and F8 are named on the home screen's results box, not in its bar.
    cmd!(
        &[Key::F(3)],
        Action::OpenBreakdown,
        &[Ctx::Home],
        None,
        "Xem kết quả theo từng thôn và từng dòng họ"
    ),
    cmd!(
        &[Key::F(4)],
        Action::OpenTargets,
        &[Ctx::Home],
        None,
        "Nhập nghị quyết và mục tiêu từng danh hiệu theo mốc năm"
    ),
    cmd!(
        &[Key::F(8)],
        Action::OpenBulk,
        &[Ctx::Home],
        None,
        "Công nhận hàng loạt các đơn vị đã đạt, chưa có quyết định"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        &[Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        Some("Lưu"),
        "Lưu (trọn vẹn trong một lần ghi)"
    ),
    cmd!(
        &[Key::Enter, Key::Down],
        Action::NextField,
        &[Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        None,
        "Sang ô sau"
    ),
    cmd!(
        &[Key::Up],
        Action::PrevField,
        &[Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        None,
        "Về ô trước"
    ),
    cmd!(
        &[Key::Left],
        Action::Left,
        &[Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        None,
        "Con trỏ sang trái; ô chọn: lựa chọn trước"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        &[Ctx::Sheet, Ctx::Bulk, Ctx::Targets],
        None,
        "Con trỏ sang phải; ô chọn: lựa chọn sau"
    ),
    cmd!(
        &[Key::F(5)],
        Action::OpenWithdraw,
        &[Ctx::Bulk],
        Some("Rút lại, sửa QĐ"),
        "Rút lại cả một quyết định công nhận, hoặc sửa số, ngày của nó"
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
        &[
            Ctx::Sheet,
            Ctx::Bulk,
            Ctx::Targets,
            Ctx::Breakdown,
            Ctx::History
        ],
        Some("Quay lại"),
        "Quay lại (phiếu đã sửa thì hỏi trước khi bỏ)"
    ),
    cmd!(
        &[Key::F(10), Key::Ctrl('q')],
        Action::Quit,
        &[Ctx::Scoring, Ctx::Breakdown, Ctx::History],
        None,
        "Thoát chương trình (mọi điểm đã Enter đều đã lưu)"
    ),
];
