//! The one command table. It drives three things, so they can never disagree: the
//! dispatcher (`resolve`), the key-hint bar at the bottom of every screen (`hints`) and
//! the help screen (`commands`). Keys are the ones that survive any terminal and SSH:
//! F-keys, Ctrl+letter, Enter, Tab, arrows, PgUp/PgDn; no Alt bindings.

use super::action::Action;
use crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// Where the keyboard is: the screen on top, or the dialog over it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ctx {
    Setup,
    /// "Who is working?" when a register is opened.
    Officer,
    Home,
    List,
    /// A list showing the units that left the commune.
    ListLeft,
    /// Typing in a list's search box.
    Search,
    Form,
    /// The household picker over a citizen form.
    Picker,
    Detail,
    Help,
    About,
    /// A yes/no question over the screen.
    Confirm,
    /// A question whose "yes" throws something away (typed data, a decision): Enter
    /// keeps it, only an explicit letter named in the box discards.
    Discard,
    Scoring,
    /// The decision form of one unit; withdrawing or correcting a decision as a whole.
    Sheet,
    /// Bulk recognition (F5 there opens the withdraw/correct form).
    Bulk,
    Targets,
    Breakdown,
    History,
    /// The Report screen (preview of the printed summary).
    Report,
    /// Import: choosing the kind and typing the file's path.
    Import,
    /// Import: the preview of what the file would change.
    ImportPreview,
    /// Merge: typing the path of a former commune's register.
    Merge,
    /// Merge: the preview of what the merge would bring in.
    MergePreview,
    /// A thôn or clan with households leaving: where the households go.
    ArchiveGroup,
    /// "Back up before leaving?" (C/K, Esc stays).
    QuitBackup,
    /// A backup running, or what it did.
    Notice,
    /// The criteria sets the program knows.
    CriteriaSets,
    /// Writing the office's own version of a criteria set.
    CriteriaEditor,
    /// What adopting a set for a year changes, before it is done.
    CriteriaAdopt,
}

impl Ctx {
    /// Heading of this context's section in the help screen.
    pub fn label(self) -> &'static str {
        match self {
            Ctx::Setup => "Tạo sổ mới",
            Ctx::Officer => "Hỏi tên cán bộ làm việc",
            Ctx::Home => "Màn hình chính",
            Ctx::List => "Danh sách",
            Ctx::ListLeft => "Danh sách đã rời xã",
            Ctx::Search => "Ô tìm kiếm",
            Ctx::Form => "Phiếu nhập",
            Ctx::Picker => "Chọn hộ cho công dân",
            Ctx::Detail => "Xem đơn vị",
            Ctx::Help => "Trợ giúp",
            Ctx::About => "Thông tin",
            Ctx::Confirm => "Hộp hỏi",
            Ctx::Discard => "Hỏi trước khi bỏ",
            Ctx::Scoring => "Chấm điểm",
            Ctx::Sheet => "Quyết định; rút lại, sửa quyết định",
            Ctx::Bulk => "Công nhận hàng loạt",
            Ctx::Targets => "Mục tiêu nghị quyết",
            Ctx::Breakdown => "Kết quả theo thôn, dòng họ",
            Ctx::History => "Lịch sử thay đổi",
            Ctx::Report => "Báo cáo",
            Ctx::Import => "Nhập danh sách từ tệp",
            Ctx::ImportPreview => "Xem trước khi nhập",
            Ctx::Merge => "Gộp sổ xã cũ",
            Ctx::MergePreview => "Xem trước khi gộp sổ",
            Ctx::ArchiveGroup => "Thôn, dòng họ rời xã khi còn hộ",
            Ctx::QuitBackup => "Hỏi sao lưu khi thoát",
            Ctx::Notice => "Kết quả sao lưu",
            Ctx::CriteriaSets => "Bộ tiêu chí",
            Ctx::CriteriaEditor => "Soạn bộ tiêu chí",
            Ctx::CriteriaAdopt => "Chuyển đánh giá sang bộ tiêu chí",
        }
    }

    pub const ALL: [Ctx; 30] = [
        Ctx::Setup,
        Ctx::Officer,
        Ctx::Home,
        Ctx::List,
        Ctx::ListLeft,
        Ctx::Search,
        Ctx::Form,
        Ctx::Picker,
        Ctx::Detail,
        Ctx::Help,
        Ctx::About,
        Ctx::Confirm,
        Ctx::Discard,
        Ctx::Scoring,
        Ctx::Sheet,
        Ctx::Bulk,
        Ctx::Targets,
        Ctx::Breakdown,
        Ctx::History,
        Ctx::Report,
        Ctx::Import,
        Ctx::ImportPreview,
        Ctx::Merge,
        Ctx::MergePreview,
        Ctx::ArchiveGroup,
        Ctx::QuitBackup,
        Ctx::Notice,
        Ctx::CriteriaSets,
        Ctx::CriteriaEditor,
        Ctx::CriteriaAdopt,
    ];
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Key {
    F(u8),
    Ctrl(char),
    Char(char),
    Enter,
    Esc,
    Tab,
    BackTab,
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Home,
    End,
    Backspace,
    Delete,
}

impl Key {
    pub fn label(self) -> String {
        match self {
            Key::F(n) => format!("F{n}"),
            Key::Ctrl(c) => format!("Ctrl+{}", c.to_ascii_uppercase()),
            Key::Char(c) => c.to_string(),
            Key::Enter => "Enter".into(),
            Key::Esc => "Esc".into(),
            Key::Tab => "Tab".into(),
            Key::BackTab => "Shift+Tab".into(),
            Key::Up => "↑".into(),
            Key::Down => "↓".into(),
            Key::Left => "←".into(),
            Key::Right => "→".into(),
            Key::PageUp => "PgUp".into(),
            Key::PageDown => "PgDn".into(),
            Key::Home => "Home".into(),
            Key::End => "End".into(),
            Key::Backspace => "Backspace".into(),
            Key::Delete => "Delete".into(),
        }
    }
}

/// One binding: its keys, what it does, where it works, and how it is announced.
#[derive(Debug)]
pub struct Command {
    pub keys: &'static [Key],
    pub action: Action,
    pub scope: &'static [Ctx],
    /// Short label for the hint bar; `None` keeps it out of the bar (still in help).
    pub hint: Option<&'static str>,
    /// Contexts of `scope` whose hint bar leaves this one out, though it has a hint:
    /// the screen names the key itself, or the key has no place in that bar. Still in
    /// help.
    pub off_bar: &'static [Ctx],
    /// Contexts of `scope` whose hint bar shows this one only after all the others,
    /// when the console is wide enough (an 80-column bar has no room for it).
    pub spare_on: &'static [Ctx],
    /// The line in the help screen.
    pub help: &'static str,
}

/// Every command, in the order the help screen lists them.
pub fn commands() -> impl Iterator<Item = &'static Command> {
    super::commands::all()
}

/// The key as the table knows it. Ctrl+H and DEL (0x7f, sent by many terminals for
/// Backspace) are Backspace; Ctrl+Alt+letter is AltGr on Windows, so it types the letter.
pub fn key_of(event: &KeyEvent) -> Option<Key> {
    let ctrl = event.modifiers.contains(KeyModifiers::CONTROL);
    let alt = event.modifiers.contains(KeyModifiers::ALT);
    Some(match event.code {
        KeyCode::Char('\u{7f}' | '\u{8}') => Key::Backspace,
        KeyCode::Char(c) if ctrl && !alt => match c.to_ascii_lowercase() {
            'h' => Key::Backspace,
            lower => Key::Ctrl(lower),
        },
        KeyCode::Char(_) if alt && !ctrl => return None,
        KeyCode::Char(c) => Key::Char(c),
        KeyCode::F(n) => Key::F(n),
        KeyCode::Enter => Key::Enter,
        KeyCode::Esc => Key::Esc,
        KeyCode::Tab => Key::Tab,
        KeyCode::BackTab => Key::BackTab,
        KeyCode::Up => Key::Up,
        KeyCode::Down => Key::Down,
        KeyCode::Left => Key::Left,
        KeyCode::Right => Key::Right,
        KeyCode::PageUp => Key::PageUp,
        KeyCode::PageDown => Key::PageDown,
        KeyCode::Home => Key::Home,
        KeyCode::End => Key::End,
        KeyCode::Backspace => Key::Backspace,
        KeyCode::Delete => Key::Delete,
        _ => return None,
    })
}

/// The action for a key in a context. While a text field has the cursor, printable
/// characters are typed into it rather than looked up.
pub fn resolve(ctx: Ctx, typing: bool, event: &KeyEvent) -> Option<Action> {
    let key = key_of(event)?;
    if typing && let Key::Char(c) = key {
        return Some(Action::Char(c));
    }
    let bound = commands()
        .find(|c| c.scope.contains(&ctx) && c.keys.contains(&key))
        .map(|c| c.action.clone());
    // In a list, a letter or digit with no binding of its own starts a search with it:
    // officers type the name without looking for the search key first.
    match (bound, key) {
        (None, Key::Char(c)) if matches!(ctx, Ctx::List | Ctx::ListLeft) && !c.is_control() => {
            Some(Action::Char(c))
        }
        (bound, _) => bound,
    }
}

/// The first key bound to `action` in `ctx`, for screens that name a key in place
/// (the list's filter line), so the label follows the table.
pub fn key_label(ctx: Ctx, action: &Action) -> String {
    commands()
        .find(|c| c.scope.contains(&ctx) && c.action == *action)
        .and_then(|c| c.keys.first())
        .map_or_else(String::new, |k| k.label())
}

/// Every key bound to `action` in `ctx`, joined by "hoặc" ("Enter hoặc Esc"), for a
/// question box that names all the ways to answer it.
pub fn keys_label(ctx: Ctx, action: &Action) -> String {
    commands()
        .find(|c| c.scope.contains(&ctx) && c.action == *action)
        .map(|c| {
            c.keys
                .iter()
                .map(|k| k.label())
                .collect::<Vec<_>>()
                .join(" hoặc ")
        })
        .unwrap_or_default()
}

/// The first `count` keys bound to `action` in `ctx`, across every line of the table
/// that binds it, joined by `between`: "Tab/Enter" for a line that names the usual ways.
pub fn keys_joined(ctx: Ctx, action: &Action, count: usize, between: &str) -> String {
    let mut keys = keys_of(ctx, action);
    keys.truncate(count);
    keys.join(between)
}

/// `preferred` when the table binds it to `action` in `ctx` (a line naming the usual
/// key, Tab rather than Enter), else the first key bound: the text follows the table.
pub fn label_preferring(ctx: Ctx, action: &Action, preferred: Key) -> String {
    let bound = commands()
        .any(|c| c.scope.contains(&ctx) && c.action == *action && c.keys.contains(&preferred));
    if bound {
        preferred.label()
    } else {
        key_label(ctx, action)
    }
}

/// Every key bound to `action` in `ctx`, in table order, across every line binding it.
pub fn keys_of(ctx: Ctx, action: &Action) -> Vec<String> {
    commands()
        .filter(|c| c.scope.contains(&ctx) && c.action == *action)
        .flat_map(|c| c.keys.iter())
        .map(|k| k.label())
        .collect()
}

/// The first keys of two actions side by side ("↑↓" to choose, "← →" to change), for
/// a line that names a pair of moves as one.
pub fn pair_label(ctx: Ctx, first: &Action, second: &Action, between: &str) -> String {
    format!(
        "{}{between}{}",
        key_label(ctx, first),
        key_label(ctx, second)
    )
}

/// The hint bar's entries for a context: first key and short label, in table order.
/// Every context's entries fit 80 columns whole (a test holds it), so the bar never
/// drops one on the smallest terminal the program supports.
pub fn hints(ctx: Ctx) -> Vec<(String, &'static str)> {
    bar_entries(ctx, false)
}

/// The hints `ctx`'s bar shows after [`hints`] when the console has room for them.
pub fn spare_hints(ctx: Ctx) -> Vec<(String, &'static str)> {
    bar_entries(ctx, true)
}

/// The commands of `ctx` with a hint on its bar: those kept for room (`spare`), or the
/// others.
fn bar_entries(ctx: Ctx, spare: bool) -> Vec<(String, &'static str)> {
    commands()
        .filter(|c| c.scope.contains(&ctx) && !c.off_bar.contains(&ctx))
        .filter(|c| c.spare_on.contains(&ctx) == spare)
        .filter_map(|c| Some((c.keys.first()?.label(), c.hint?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn press(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new(code, modifiers)
    }

    #[test]
    fn backspace_ctrl_h_and_del_are_the_same_key() {
        for event in [
            press(KeyCode::Backspace, KeyModifiers::NONE),
            press(KeyCode::Char('h'), KeyModifiers::CONTROL),
            press(KeyCode::Char('\u{7f}'), KeyModifiers::NONE),
        ] {
            assert_eq!(resolve(Ctx::Form, true, &event), Some(Action::Backspace));
        }
    }

    #[test]
    fn typing_wins_over_single_letter_bindings() {
        let question = press(KeyCode::Char('?'), KeyModifiers::NONE);
        assert_eq!(
            resolve(Ctx::Search, true, &question),
            Some(Action::Char('?'))
        );
        assert_eq!(resolve(Ctx::List, false, &question), Some(Action::Help));
    }

    #[test]
    fn no_binding_uses_alt_and_every_context_has_a_way_out() {
        let alt_x = press(KeyCode::Char('x'), KeyModifiers::ALT);
        assert_eq!(resolve(Ctx::List, false, &alt_x), None);
        // Esc goes back everywhere; the home screen is the bottom, left with F10.
        for ctx in Ctx::ALL.into_iter().filter(|c| *c != Ctx::Home) {
            let esc = press(KeyCode::Esc, KeyModifiers::NONE);
            assert_eq!(resolve(ctx, false, &esc), Some(Action::Back), "{ctx:?}");
        }
        let f10 = press(KeyCode::F(10), KeyModifiers::NONE);
        assert_eq!(resolve(Ctx::Home, false, &f10), Some(Action::Quit));
    }

    #[test]
    fn each_key_means_one_thing_per_context() {
        for ctx in Ctx::ALL {
            let mut seen = Vec::new();
            for c in commands().filter(|c| c.scope.contains(&ctx)) {
                for k in c.keys {
                    assert!(!seen.contains(k), "{ctx:?}: {k:?} bound twice");
                    seen.push(*k);
                }
            }
        }
    }

    #[test]
    fn screen_text_names_keys_the_table_binds() {
        assert_eq!(
            keys_joined(Ctx::Sheet, &Action::NextField, 2, "/"),
            "Tab/Enter"
        );
        assert_eq!(pair_label(Ctx::Help, &Action::Up, &Action::Down, ""), "↑↓");
        assert_eq!(
            label_preferring(Ctx::Setup, &Action::NextField, Key::Tab),
            "Tab"
        );
        // A preferred key the table does not bind there gives the first bound key.
        assert_eq!(
            label_preferring(Ctx::Setup, &Action::NextField, Key::F(12)),
            "Enter"
        );
    }

    /// The bar at the bottom of each context's screen, as the hint widget lays it out.
    fn bar(ctx: Ctx) -> String {
        hints(ctx)
            .iter()
            .map(|(key, label)| format!("{key} {label}"))
            .collect::<Vec<_>>()
            .join("  ")
    }

    #[test]
    fn every_hint_bar_fits_80_columns_whole() {
        // The widget drops whatever does not fit, so a wider bar would hide keys from
        // an officer on the smallest terminal the program supports (80×23).
        let wide: Vec<String> = Ctx::ALL
            .into_iter()
            .map(|ctx| (ctx, bar(ctx)))
            .filter(|(_, bar)| crate::text::width(bar) > 80)
            .map(|(ctx, bar)| format!("{ctx:?} ({}): {bar}", crate::text::width(&bar)))
            .collect();
        assert!(
            wide.is_empty(),
            "hint bars wider than 80 columns:\n{}",
            wide.join("\n")
        );
    }

    #[test]
    fn f1_opens_help_and_says_so_on_every_screen() {
        let f1 = press(KeyCode::F(1), KeyModifiers::NONE);
        // Questions over a screen are answered with the keys they name, and the help
        // screen is where F1 leads.
        let questions = [
            Ctx::Officer,
            Ctx::Picker,
            Ctx::Help,
            Ctx::Confirm,
            Ctx::Discard,
            Ctx::ArchiveGroup,
            Ctx::QuitBackup,
            Ctx::Notice,
        ];
        // The scoring box's heading names F1; the bar has no room beside the scoring keys.
        let named_on_screen = [Ctx::Scoring];
        for ctx in Ctx::ALL.into_iter().filter(|c| !questions.contains(c)) {
            assert_eq!(resolve(ctx, false, &f1), Some(Action::Help), "{ctx:?}");
            if !named_on_screen.contains(&ctx) {
                assert!(
                    hints(ctx).iter().any(|(key, _)| key == "F1"),
                    "{ctx:?}: {}",
                    bar(ctx)
                );
            }
        }
    }

    #[test]
    fn the_hint_bar_of_a_list_names_search_and_add() {
        let hints = hints(Ctx::List);
        assert!(hints.contains(&("/".to_string(), "Tìm")));
        assert!(hints.contains(&("F6".to_string(), "Thêm")));
        assert!(hints.contains(&("F1".to_string(), "Trợ giúp")));
    }
}
