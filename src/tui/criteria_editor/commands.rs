//! The criteria screens' lines of the command table (see `tui::commands`): the key on
//! the home screen and in About, the list of sets, the editor and the adopt preview.

use super::CriteriaAction;
use crate::tui::action::Action;
use crate::tui::commands::cmd;
use crate::tui::keymap::{Command, Ctx, Key};

const ALL: &[Ctx] = &[Ctx::CriteriaSets, Ctx::CriteriaEditor, Ctx::CriteriaAdopt];
const SCROLL: &[Ctx] = &[Ctx::CriteriaSets, Ctx::CriteriaAdopt];
const EDITOR: &[Ctx] = &[Ctx::CriteriaEditor];

pub(crate) static COMMANDS: &[Command] = &[
    cmd!(
        &[Key::Char('t'), Key::Char('T')],
        Action::OpenCriteria,
        &[Ctx::Home, Ctx::About],
        Some("Tiêu chí"),
        "Bộ tiêu chí: soạn bộ chính thức của văn phòng, áp dụng cho năm đang xem",
        // The home screen names T in its notice while a set in use is provisional.
        off_bar: &[Ctx::Home]
    ),
    cmd!(
        &[Key::F(1)],
        Action::Help,
        ALL,
        Some("Trợ giúp"),
        "Xem tất cả các phím"
    ),
    cmd!(
        &[Key::Enter],
        Action::Open,
        &[Ctx::CriteriaSets],
        Some("Soạn từ bộ này"),
        "Soạn phiên bản của văn phòng, bắt đầu từ bộ đang chọn (bộ có sẵn hoặc bộ đang áp dụng)"
    ),
    cmd!(
        &[Key::F(6)],
        Action::Criteria(CriteriaAction::Blank),
        &[Ctx::CriteriaSets],
        Some("Bộ trống"),
        "Soạn một bộ trống cho danh hiệu của bộ đang chọn"
    ),
    cmd!(
        &[Key::F(7)],
        Action::Criteria(CriteriaAction::Adopt),
        &[Ctx::CriteriaSets],
        Some("Áp dụng"),
        "Chuyển các đánh giá năm đang xem sang bộ đang chọn (xem trước những gì thay đổi)"
    ),
    cmd!(
        &[Key::F(8)],
        Action::Criteria(CriteriaAction::UndoAdopt),
        &[Ctx::CriteriaSets],
        None,
        "Hoàn tác lần chuyển sang bộ đang chọn: các đánh giá năm đang xem trở lại bộ và điểm trước đó"
    ),
    cmd!(
        &[Key::Char('['), Key::Char('-')],
        Action::PrevYear,
        &[Ctx::CriteriaSets],
        None,
        "Xem năm trước"
    ),
    cmd!(
        &[Key::Char(']'), Key::Char('+')],
        Action::NextYear,
        &[Ctx::CriteriaSets],
        None,
        "Xem năm sau"
    ),
    cmd!(
        &[Key::F(2), Key::Ctrl('s')],
        Action::Save,
        EDITOR,
        Some("Lưu"),
        "Lưu thành phiên bản mới trong sổ (các đánh giá đã chấm giữ phiên bản của mình)"
    ),
    cmd!(
        &[Key::Enter, Key::F(2)],
        Action::Save,
        &[Ctx::CriteriaAdopt],
        Some("Chuyển"),
        "Chuyển các đánh giá sang bộ này (một lần ghi; hoàn tác bằng F8 ở danh sách bộ)"
    ),
    cmd!(
        &[Key::F(5)],
        Action::Criteria(CriteriaAction::AddIndicator),
        EDITOR,
        Some("Thêm chỉ số"),
        "Thêm chỉ số sau chỉ số đang sửa"
    ),
    cmd!(
        &[Key::F(6)],
        Action::Criteria(CriteriaAction::AddCriterion),
        EDITOR,
        Some("Thêm tiêu chí"),
        "Thêm tiêu chí ở cuối bộ"
    ),
    cmd!(
        &[Key::F(7)],
        Action::Criteria(CriteriaAction::AddGrade),
        EDITOR,
        None,
        "Thêm mức xếp loại (tên và điểm từ), cao nhất trước"
    ),
    cmd!(
        &[Key::F(8)],
        Action::Criteria(CriteriaAction::Remove),
        EDITOR,
        Some("Bỏ"),
        "Bỏ chỉ số, tiêu chí (đặt con trỏ ở mã tiêu chí) hoặc xếp loại đang sửa"
    ),
    cmd!(
        &[Key::Esc],
        Action::Back,
        ALL,
        Some("Quay lại"),
        "Quay lại (bộ đang soạn chưa lưu thì hỏi trước khi bỏ)"
    ),
    cmd!(
        &[Key::Tab, Key::Down, Key::Enter],
        Action::NextField,
        EDITOR,
        None,
        "Sang ô sau"
    ),
    cmd!(
        &[Key::BackTab, Key::Up],
        Action::PrevField,
        EDITOR,
        None,
        "Về ô trước"
    ),
    cmd!(&[Key::PageUp], Action::PageUp, ALL, None, "Trang trước"),
    cmd!(&[Key::PageDown], Action::PageDown, ALL, None, "Trang sau"),
    cmd!(&[Key::Up], Action::Up, SCROLL, None, "Lên một dòng"),
    cmd!(&[Key::Down], Action::Down, SCROLL, None, "Xuống một dòng"),
    cmd!(&[Key::Home], Action::First, SCROLL, None, "Về đầu"),
    cmd!(&[Key::End], Action::Last, SCROLL, None, "Xuống cuối"),
    cmd!(
        &[Key::Left],
        Action::Left,
        EDITOR,
        None,
        "Con trỏ sang trái; ô chọn: lựa chọn trước"
    ),
    cmd!(
        &[Key::Right],
        Action::Right,
        EDITOR,
        None,
        "Con trỏ sang phải; ô chọn: lựa chọn sau"
    ),
    cmd!(&[Key::Home], Action::LineStart, EDITOR, None, "Về đầu ô"),
    cmd!(&[Key::End], Action::LineEnd, EDITOR, None, "Về cuối ô"),
    cmd!(
        &[Key::Backspace],
        Action::Backspace,
        EDITOR,
        None,
        "Xóa chữ trước con trỏ (cả Ctrl+H)"
    ),
    cmd!(
        &[Key::Delete],
        Action::Delete,
        EDITOR,
        None,
        "Xóa chữ sau con trỏ"
    ),
];
