//! Drawing, all pure functions of `&App`. This file draws what every screen shares
//! (title bar, message line, key-hint bar, dialogs) and the "window too small" notice,
//! then hands the body to the screen on top: to the `draw` of the screen's own module
//! (`tui/list/draw.rs`, …), or to a file here for the screens not yet moved into one.

use super::action::Action;
use super::app::{App, Confirm, Screen};
use super::keymap::{self, Ctx};
use super::theme::Role;
use super::widgets::{centred, hints, lines::CutLines};
use crate::text::{pad_to_width, truncate_to_width};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{Block, Clear, Paragraph, Widget, Wrap};

pub const MIN_WIDTH: u16 = 80;
/// PuTTY's default 80×24 less a tmux or screen status line.
pub const MIN_HEIGHT: u16 = 23;

/// Draws the whole app. Never panics, whatever the size (down to 1×1).
/// Width a preview (import, merge) is wrapped to: an 80-column screen inside its box.
pub const PREVIEW_WIDTH: usize = 76;

/// A value (an import or merge plan) shared between its preview and the key that acts
/// on it. Two handles are equal when they hold the same value, so screen states compare
/// without the plans having to.
#[derive(Debug)]
pub struct Shared<T>(pub std::sync::Arc<T>);

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(std::sync::Arc::clone(&self.0))
    }
}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::sync::Arc::ptr_eq(&self.0, &other.0)
    }
}

impl<T> Eq for Shared<T> {}

pub fn render(app: &App, frame: &mut Frame) {
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        too_small(app, frame, area);
    } else {
        let body = chrome(app, frame, area);
        match app.screen() {
            Some(Screen::Setup(state)) => crate::tui::setup::draw::render(app, frame, body, state),
            Some(Screen::Officer(state)) => super::officer::draw::render(app, frame, body, state),
            Some(Screen::Home) | None => super::home::draw::render(app, frame, body),
            Some(Screen::List(kind)) => super::list::draw::render(app, frame, body, *kind),
            Some(Screen::Detail(state)) => super::detail::draw::render(app, frame, body, state),
            Some(Screen::Form(state)) => {
                crate::tui::form::draw::render(app, frame, body, state);
                if let Some(picker) = &state.picker {
                    super::picker::draw::render(app, frame, body, picker);
                }
            }
            Some(Screen::Help { scroll, under }) => {
                super::help::render(app, frame, body, *scroll, *under)
            }
            Some(Screen::About) => super::about::render(app, frame, body),
            Some(Screen::Scoring(state)) => {
                crate::tui::scoring::draw::render(app, frame, body, state)
            }
            Some(Screen::Sheet(state)) => crate::tui::sheet::draw::render(app, frame, body, state),
            Some(Screen::Breakdown(state)) => super::breakdown::render(app, frame, body, state),
            Some(Screen::History(state)) => super::history::draw::render(app, frame, body, state),
            Some(Screen::Report(state)) => super::report::draw::render(app, frame, body, state),
            Some(Screen::Import(state)) => {
                crate::tui::import::draw::render(app, frame, body, state)
            }
            Some(Screen::Merge(state)) => super::merge::draw::render(app, frame, body, state),
            Some(Screen::Criteria(screen)) => {
                crate::tui::criteria_editor::draw::render(app, frame, body, screen)
            }
        }
        if let Some(confirm) = &app.confirm {
            dialog(app, frame, body, confirm);
        }
    }
    app.theme.finish(frame.buffer_mut());
}

/// Every key but F10 (and the keys of a question already open, shown here) waits
/// until the window is large enough again: see `App::handle_event`.
fn too_small(app: &App, frame: &mut Frame, area: Rect) {
    let mut text = format!(
        "Cửa sổ quá nhỏ (cần ít nhất {MIN_WIDTH}×{MIN_HEIGHT}, đang {}×{}). Hãy phóng to cửa sổ. {} để thoát.",
        area.width,
        area.height,
        keymap::key_label(Ctx::Home, &Action::Quit)
    );
    if let Some(confirm) = &app.confirm {
        let (title, question) = dialog_text(app, confirm);
        text = format!("{text}\n{title}: {question}");
    }
    let paragraph = Paragraph::new(text)
        .style(app.theme.style(Role::Warning))
        .wrap(Wrap { trim: true });
    frame.render_widget(paragraph, area);
}

/// The title bar, the message line and the hint bar; returns the area left between.
fn chrome(app: &App, frame: &mut Frame, area: Rect) -> Rect {
    let theme = app.theme;
    let width = usize::from(area.width);
    let [title_row, body, message_row, hints_row] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Length(1),
    ])
    .areas(area);
    let buf = frame.buffer_mut();
    let place = if app.commune.name.is_empty() {
        "Sổ học tập".to_string()
    } else if app.commune.province.is_empty() {
        format!("Sổ học tập · {}", app.commune.name)
    } else {
        format!(
            "Sổ học tập · {}, {}",
            app.commune.name, app.commune.province
        )
    };
    // A demo register replaces the program's name (the line keeps its length).
    let place = if app.demo {
        place.replacen("Sổ học tập", "SỔ MẪU", 1)
    } else {
        place
    };
    let screen = screen_title(app);
    let year = format!("[ Năm {} ] ", app.year);
    let left = truncate_to_width(
        &format!(" {place} · {screen}"),
        width.saturating_sub(year.len() + 1),
    );
    let title = format!(
        "{}{year}",
        pad_to_width(&left, width.saturating_sub(crate::text::width(&year)))
    );
    buf.set_stringn(
        title_row.x,
        title_row.y,
        title,
        width,
        theme
            .style(Role::Title)
            .add_modifier(ratatui::style::Modifier::REVERSED),
    );

    // On the home screen, an empty message line tells of provisional criteria.
    let notice = match (&app.message, app.screen()) {
        (None, Some(Screen::Home) | None) => {
            super::home::draw::provisional_notice(app).map(|text| (text, Role::Warning))
        }
        _ => None,
    };
    if let Some((text, role)) = app.message.as_ref().or(notice.as_ref()) {
        CutLines([(text, theme.style(*role))]).render(message_row, buf);
    }
    hints::render(app, buf, hints_row);
    body
}

fn screen_title(app: &App) -> String {
    match app.screen() {
        Some(Screen::Setup(_)) => "Tạo sổ mới".into(),
        Some(Screen::Officer(_)) => "Cán bộ làm việc".into(),
        Some(Screen::Home) | None => "Màn hình chính".into(),
        Some(Screen::List(kind)) if app.lists.get(kind).is_some_and(|l| l.filter.left) => {
            format!("{}: đã rời xã", kind.label())
        }
        Some(Screen::List(kind)) => kind.label().into(),
        Some(Screen::Detail(d)) => format!("{} {}", d.unit.kind().label(), d.unit.code()),
        Some(Screen::Form(f)) => match &f.editing {
            Some((_, u)) => format!("Sửa {}", u.code()),
            None => format!("Thêm: {}", f.kind.label()),
        },
        Some(Screen::Help { .. }) => "Trợ giúp".into(),
        Some(Screen::About) => "Thông tin".into(),
        Some(Screen::Scoring(s)) => format!("Chấm điểm {} {}", s.title.short(), s.code),
        Some(Screen::Sheet(s)) => match s.purpose() {
            crate::tui::sheet::SheetPurpose::Decision => "Quyết định".into(),
            crate::tui::sheet::SheetPurpose::Bulk => "Công nhận hàng loạt".into(),
            crate::tui::sheet::SheetPurpose::Withdraw => "Rút lại, sửa quyết định".into(),
            crate::tui::sheet::SheetPurpose::Targets => "Mục tiêu".into(),
            crate::tui::sheet::SheetPurpose::Letterhead => "Phần đầu, phần ký báo cáo".into(),
        },
        Some(Screen::Breakdown(_)) => "Theo thôn, dòng họ".into(),
        Some(Screen::History(_)) => "Lịch sử".into(),
        Some(Screen::Report(_)) => "Báo cáo".into(),
        Some(Screen::Import(_)) => "Nhập danh sách".into(),
        Some(Screen::Merge(_)) => "Gộp sổ xã cũ".into(),
        Some(Screen::Criteria(c)) => c.title(),
    }
}

/// A bordered box with a title, in the theme's border set.
pub fn boxed<'a>(app: &App, title: &'a str) -> Block<'a> {
    Block::bordered()
        .border_set(app.theme.border())
        .title(format!(" {title} "))
        .title_style(app.theme.style(Role::Title))
}

fn dialog(app: &App, frame: &mut Frame, body: Rect, confirm: &Confirm) {
    let (title, text) = dialog_text(app, confirm);
    let role = match confirm {
        Confirm::Notice { role, .. } => *role,
        _ => Role::Warning,
    };
    dialog_body(app, frame, body, (title, text), role);
}

/// A question's title and text, for its box (or the too-small screen).
fn dialog_text<'a>(app: &App, confirm: &'a Confirm) -> (&'a str, String) {
    // The keys of a discarding question, named from the command table.
    let discard = keymap::key_label(Ctx::Discard, &Action::Confirm);
    let keep = keymap::keys_label(Ctx::Discard, &Action::Back);
    let yes = keymap::key_label(Ctx::Confirm, &Action::Confirm);
    let no = keymap::key_label(Ctx::Confirm, &Action::Back);
    match confirm {
        Confirm::DiscardForm => (
            "Bỏ thay đổi?",
            format!(
                "Phiếu có thay đổi chưa lưu.\n{discard}: bỏ các thay đổi.   {keep}: quay lại sửa tiếp ({} để lưu).",
                keymap::key_label(Ctx::Form, &Action::Save)
            ),
        ),
        Confirm::DropDecision {
            stage, decision, ..
        } => (
            "Bỏ quyết định?",
            format!(
                "Lùi giai đoạn sẽ bỏ quyết định «{}»{}.\nĐiểm vẫn giữ; đơn vị về «{}» để sửa điểm.\n{discard}: bỏ quyết định.   {keep}: giữ quyết định.",
                stage.label(),
                decision.as_ref().map_or(String::new(), |d| format!(
                    " số {} ngày {}",
                    d.number,
                    d.date.format("%d/%m/%Y")
                )),
                crate::model::Stage::Reviewed.label(),
            ),
        ),
        Confirm::Archive { kind, name, .. } => (
            "Đơn vị rời xã?",
            format!(
                "Ghi {} «{name}» rời xã từ năm {}?\nĐơn vị không bị xóa: vẫn được tính cho các năm trước.\n{yes}: ghi rời xã.   {no}: thôi.",
                kind.counter(),
                app.year
            ),
        ),
        Confirm::ArchiveGroup(group) => (
            "Rời xã khi còn hộ?",
            format!(
                "«{}» còn {} hộ trong xã. Các hộ đi đâu?\nChuyển sang: {} {} {}   ({} {} đổi)\n{}: chuyển rồi ghi rời xã.   {}: các hộ cũng rời xã.   {}: thôi.",
                group.name,
                crate::text::format_count(group.members as u64),
                app.theme.sym("◀", "<"),
                group.target_name().unwrap_or("(không có)"),
                app.theme.sym("▶", ">"),
                keymap::key_label(Ctx::ArchiveGroup, &Action::Left),
                keymap::key_label(Ctx::ArchiveGroup, &Action::Right),
                keymap::key_label(Ctx::ArchiveGroup, &Action::Confirm),
                keymap::key_label(Ctx::ArchiveGroup, &Action::Decline),
                keymap::key_label(Ctx::ArchiveGroup, &Action::Back),
            ),
        ),
        Confirm::Return {
            kind, name, left, ..
        } => (
            "Quay lại xã?",
            format!(
                "Ghi {} «{name}» quay lại xã? Đơn vị được tính lại từ năm {left} (năm ghi rời xã).\n{yes}: quay lại xã.   {no}: thôi.",
                kind.counter()
            ),
        ),
        Confirm::QuitTyped { indicator, typed } => (
            "Bỏ điểm đang gõ?",
            format!(
                "Điểm «{typed}» gõ cho chỉ số {indicator} chưa được lưu (chưa bấm {save}).\n{discard}: bỏ điểm này và thoát.   {keep}: ở lại (rồi {save} để lưu).",
                save = keymap::key_label(Ctx::Scoring, &Action::Save)
            ),
        ),
        Confirm::Bulk {
            title,
            year,
            decision,
            count,
        } => (
            "Công nhận hàng loạt?",
            format!(
                "Sẽ công nhận {} {} đạt {} năm {year} (đã đạt, chưa có quyết định) theo QĐ {}.\n{yes}: công nhận.   {no}: thôi, chưa ghi gì.",
                crate::text::format_count(*count as u64),
                title.unit_kind().counter(),
                title.short(),
                decision.number
            ),
        ),
        Confirm::FixDecision(fix) => match fix.corrected {
            None => (
                "Rút lại quyết định?",
                format!(
                    "{}\n{discard}: rút lại.   {keep}: thôi, chưa ghi gì.",
                    fix.question()
                ),
            ),
            Some(_) => (
                "Sửa quyết định?",
                format!("{}\n{yes}: sửa.   {no}: thôi, chưa ghi gì.", fix.question()),
            ),
        },
        Confirm::LeaveSetup => (
            "Thoát, chưa tạo sổ?",
            format!(
                "Sổ chưa được tạo; tên xã, tỉnh đã gõ sẽ mất.\n{discard}: thoát, không tạo sổ.   {keep}: quay lại ({} để tạo sổ).",
                keymap::key_label(Ctx::Setup, &Action::Save)
            ),
        ),
        Confirm::BackupOnQuit => ("Thoát", {
            let (back, skip, stay) = (
                keymap::key_label(Ctx::QuitBackup, &Action::Confirm),
                keymap::key_label(Ctx::QuitBackup, &Action::Decline),
                keymap::key_label(Ctx::QuitBackup, &Action::Back),
            );
            format!(
                "Sao lưu sổ trước khi thoát? ({back}/{skip})\n{back}: sao lưu rồi thoát.   {skip}: thoát, không sao lưu.   {stay}: ở lại."
            )
        }),
        Confirm::Working { title, text } | Confirm::Notice { title, text, .. } => {
            (title.as_str(), text.clone())
        }
    }
}

fn dialog_body(
    app: &App,
    frame: &mut Frame,
    body: Rect,
    (title, text): (&str, String),
    role: Role,
) {
    let width = body.width.min(70);
    // A long path wraps; the box grows to hold it (at least the old six rows).
    let inner = usize::from(width.saturating_sub(2)).max(1);
    let lines: usize = text
        .split('\n')
        .map(|l| crate::text::width(l).div_ceil(inner).max(1))
        .sum();
    let height = (u16::try_from(lines).unwrap_or(4) + 2)
        .max(6)
        .min(body.height);
    let area = centred(body, width, height);
    frame.render_widget(Clear, area);
    let paragraph = Paragraph::new(text)
        .wrap(Wrap { trim: true })
        .style(app.theme.style(role))
        .block(boxed(app, title));
    frame.render_widget(paragraph, area);
}
