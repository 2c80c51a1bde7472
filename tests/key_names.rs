//! Every key the app's screens name comes from the command table (issue 12): a key
//! written by hand in a screen's text drifts when the table changes, and the officer
//! presses a key that does nothing. This test reads the screens' source as text and
//! finds key names inside string literals; the table files (`commands*.rs`,
//! `keymap.rs`, `criteria_editor/commands.rs`) and test code are where keys belong.
//!
//! `SOHOCTAP_KEY_NAMES_SRC` points the test at another checkout's `src/` (to show an
//! older tree failing it).

use std::path::{Path, PathBuf};

/// Files that are the command table, or only read it: keys are named there on purpose.
const TABLE_FILES: &[&str] = &[
    "tui/commands.rs",
    "tui/commands_files.rs",
    "tui/commands_work.rs",
    "tui/keymap.rs",
    "tui/criteria_editor/commands.rs",
];

/// Strings that name a key which is not a command, each with why. Matched as a
/// part of the literal, with the file it lives in.
const NOT_COMMANDS: &[(&str, &str, &str)] = &[];

fn src_dir() -> PathBuf {
    std::env::var_os("SOHOCTAP_KEY_NAMES_SRC").map_or_else(
        || Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        PathBuf::from,
    )
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            // The app's own tests press keys by name; they are not screen text.
            if path.file_name().is_some_and(|n| n == "tests") {
                continue;
            }
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The string literals of a source file with their line numbers, comments skipped,
/// up to its `#[cfg(test)]` module (tests name keys to press them).
fn string_literals(text: &str) -> Vec<(usize, String)> {
    let text = text.split("#[cfg(test)]").next().unwrap_or(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::new();
    let mut line = 1;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '\n' {
            line += 1;
            i += 1;
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                if chars[i] == '\n' {
                    line += 1;
                }
                i += 1;
            }
            i += 2;
        } else if c == '\'' {
            // A char literal ('"', '\'', 'x') or a lifetime ('a): skip the literal only.
            if next == Some('\\') {
                i += 2;
                while i < chars.len() && chars[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if chars.get(i + 2) == Some(&'\'') {
                i += 3;
            } else {
                i += 1;
            }
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !chars
                .get(i.wrapping_sub(1))
                .is_some_and(|p| p.is_alphanumeric() || *p == '_')
        {
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                i += 1;
                continue;
            }
            let start_line = line;
            let mut literal = String::new();
            j += 1;
            while j < chars.len() {
                if chars[j] == '"' && (1..=hashes).all(|h| chars.get(j + h) == Some(&'#')) {
                    break;
                }
                if chars[j] == '\n' {
                    line += 1;
                }
                literal.push(chars[j]);
                j += 1;
            }
            out.push((start_line, literal));
            i = j + 1 + hashes;
        } else if c == '"' {
            let start_line = line;
            let mut literal = String::new();
            let mut j = i + 1;
            while j < chars.len() && chars[j] != '"' {
                if chars[j] == '\\' {
                    j += 1;
                }
                if chars.get(j) == Some(&'\n') {
                    line += 1;
                }
                if let Some(ch) = chars.get(j) {
                    literal.push(*ch);
                }
                j += 1;
            }
            out.push((start_line, literal));
            i = j + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// The key names inside one literal: F1–F12, Esc, Enter, Tab, Shift, Home, End,
/// Delete, Backspace, Ctrl+, Alt+, PgUp, PgDn and the arrow pairs, each as a word of
/// its own, and a single character after a word for pressing ("bấm S", "nhấn /", "phím
/// 2"). A lone arrow is left out: screens use it for "becomes" (HO1 → XA-HO1).
fn key_names(literal: &str) -> Vec<String> {
    let mut found = Vec::new();
    let word_at = |at: usize, len: usize| {
        let before = literal.get(..at).and_then(|b| b.chars().last());
        let after = literal.get(at + len..).and_then(|a| a.chars().next());
        !before.is_some_and(|c| c.is_alphanumeric())
            && !after.is_some_and(|c| c.is_alphanumeric() && c != '+')
    };
    let names = [
        "Esc",
        "Enter",
        "Tab",
        "PgUp",
        "PgDn",
        "Home",
        "End",
        "Delete",
        "Backspace",
        "Shift",
    ];
    for name in names {
        for (at, _) in literal.match_indices(name) {
            if word_at(at, name.len()) {
                found.push(name.to_string());
            }
        }
    }
    for prefix in ["Ctrl+", "Alt+", "↑↓", "↑/↓", "← →", "←→"] {
        if literal.contains(prefix) {
            found.push(prefix.to_string());
        }
    }
    for (at, _) in literal.match_indices('F') {
        let digits: String = literal
            .get(at + 1..)
            .unwrap_or("")
            .chars()
            .take_while(char::is_ascii_digit)
            .collect();
        let number: u32 = digits.parse().unwrap_or(0);
        if (1..=12).contains(&number) && word_at(at, 1 + digits.len()) {
            found.push(format!("F{number}"));
        }
    }
    for verb in ["bấm ", "Bấm ", "nhấn ", "Nhấn ", "phím ", "Phím "] {
        for (at, _) in literal.match_indices(verb) {
            let rest = literal.get(at + verb.len()..).unwrap_or("");
            let mut chars = rest.chars();
            let (Some(key), after) = (chars.next(), chars.next()) else {
                continue;
            };
            let single = (key.is_alphanumeric() || "/?+-".contains(key))
                && !after.is_some_and(char::is_alphanumeric);
            // "bấm {}" is a key filled in from the table.
            if single && key != '{' {
                found.push(format!("{}{key}", verb.trim_end()));
            }
        }
    }
    found
}

/// Every key name written by hand in the app's screen text, as `file:line: "…" (keys)`.
fn hand_written(src: &Path) -> Vec<String> {
    let mut files = Vec::new();
    rust_files(&src.join("tui"), &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let name = relative.to_string_lossy().replace('\\', "/");
        // The terminal layer talks to the operating system, not to the officer.
        if TABLE_FILES.contains(&name.as_str()) || name.starts_with("tui/terminal/") {
            continue;
        }
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (line, literal) in string_literals(&text) {
            let keys = key_names(&literal);
            if keys.is_empty() {
                continue;
            }
            let allowed = NOT_COMMANDS
                .iter()
                .any(|(f, part, _)| *f == name && literal.contains(part));
            if !allowed {
                found.push(format!("{name}:{line}: {literal:?} ({})", keys.join(", ")));
            }
        }
    }
    found
}

#[test]
fn no_screen_names_a_key_by_hand() {
    let found = hand_written(&src_dir());
    assert!(
        found.is_empty(),
        "{} strings name a key by hand; take it from the command table \
         (keymap::key_label, keys_label, hints) instead:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn the_finder_sees_key_names_and_nothing_else() {
    assert_eq!(key_names("Bấm F2 để lưu"), vec!["F2"]);
    assert_eq!(key_names("Esc: quay lại"), vec!["Esc"]);
    assert_eq!(key_names("Ctrl+S"), vec!["Ctrl+"]);
    assert_eq!(key_names("xóa (Backspace)"), vec!["Backspace"]);
    assert!(key_names("HO00012 → YENMO-HO00012, Endless").is_empty());
    assert!(key_names("F2A là mã thôn, Enterprise, Tabular").is_empty());
    assert!(key_names("F13").is_empty());
    assert_eq!(key_names("bấm S để sao lưu"), vec!["bấmS"]);
    assert_eq!(key_names("Nhấn / để tìm"), vec!["Nhấn/"]);
    assert!(key_names("bấm {} để lưu, bấm Sao lưu, phím số").is_empty());
    let literals = string_literals("// \"F2\" in a comment\nlet a = 'x'; let b = \"Esc\";");
    assert_eq!(literals, vec![(2, "Esc".to_string())]);
}
