//! The About screen, one module: where the register is, which criteria sets the
//! program knows (provisional ones marked, not only coloured), and a glyph test line to
//! check the console shows Vietnamese. It has no state and no keys of its own (the key
//! to the criteria editor is handled where every screen's is).

use super::screens::boxed;
use super::widgets::lines::CutLines;
use crate::criteria::{Provenance, Status};
use crate::text::{pad_to_width, truncate_to_width};
use crate::tui::app::App;
use crate::tui::theme::Role;
use ratatui::Frame;
use ratatui::layout::{Margin, Rect};
use ratatui::widgets::Widget;

pub const GLYPH_TEST: &str =
    "Tiếng Việt: ăâđêôơư ĂÂĐÊÔƠƯ ÀẢÃÁẠ àảãáạ ằẳẵắặ ầẩẫấậ ềểễếệ ờởỡớợ ừửữứự";

pub fn render(app: &App, frame: &mut Frame, area: Rect) {
    let theme = app.theme;
    let block = boxed(app, "Thông tin");
    let inner = block.inner(area).inner(Margin::new(1, 0));
    block.render(area, frame.buffer_mut());
    let mut lines: Vec<(String, Role)> = vec![
        (
            format!("Phiên bản: sohoctap {}", env!("CARGO_PKG_VERSION")),
            Role::Normal,
        ),
        (format!("Tệp sổ: {}", app.path.display()), Role::Normal),
        (
            format!(
                "Sao lưu: bấm {} (bản sao vào {})",
                crate::tui::keymap::key_label(
                    crate::tui::keymap::Ctx::About,
                    &crate::tui::action::Action::Backup
                )
                .to_uppercase(),
                crate::store::backup::default_backup_dir(&app.path).display()
            ),
            Role::Muted,
        ),
        (String::new(), Role::Normal),
        ("Bộ tiêu chí:".into(), Role::Title),
    ];
    for entry in app.catalog.entries() {
        let set = &entry.set;
        let (mark, role) = match set.status {
            Status::Verified => (theme.sym("✓", "v"), Role::Normal),
            Status::Provisional => (theme.sym("⚠", "!"), Role::Warning),
        };
        let status = match set.provenance() {
            Provenance::Official => "chính thức",
            Provenance::Provisional => "TẠM THỜI",
            Provenance::Office => "VP nhập",
            Provenance::OfficeChecked => "VP đã đối chiếu",
        };
        let name = truncate_to_width(&set.name, 44);
        let text = format!(
            "{mark} {} {} {} {status}",
            pad_to_width(set.title.short(), 4),
            pad_to_width(&set.years_label(), 10),
            pad_to_width(&name, 44)
        );
        lines.push((text, role));
    }
    let key = crate::tui::keymap::key_label(
        crate::tui::keymap::Ctx::About,
        &crate::tui::action::Action::OpenCriteria,
    )
    .to_uppercase();
    lines.push((
        format!(
            "{} TẠM THỜI: chưa đối chiếu văn bản gốc. Nhập bộ chính thức: bấm {key} để",
            theme.sym("⚠", "!"),
        ),
        Role::Warning,
    ));
    lines.push((
        "  soạn ngay tại đây, hoặc «sohoctap criteria import TỆP» (Hướng dẫn).".into(),
        Role::Warning,
    ));
    lines.push((String::new(), Role::Normal));
    lines.push((
        "Kiểm tra chữ (phải thấy đủ dấu, không có ô vuông hay dấu hỏi):".into(),
        Role::Title,
    ));
    lines.push((GLYPH_TEST.into(), Role::Normal));
    lines.push((
        "Nếu chữ bị lỗi: chạy «sohoctap --ascii» để dùng chữ không dấu.".into(),
        Role::Muted,
    ));
    let styled = lines.iter().map(|(text, role)| (text, theme.style(*role)));
    frame.render_widget(CutLines(styled), inner);
}
