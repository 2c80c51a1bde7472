//! The layers point down only (issue 12): every `crate::` path in `src/` names a module
//! its own module may use. The allowed directions are listed here once; a new module
//! or a new direction is a decision to write down in docs/code-layout.md and here.
//!
//! `SOHOCTAP_LAYERING_SRC` points the test at another checkout's `src/` (to show an
//! older tree failing it).

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// Each top-level module and the modules it may name with `crate::`, lowest first.
const ALLOWED: &[(&str, &[&str])] = &[
    ("text", &[]),
    ("model", &["text"]),
    ("criteria", &["model", "text"]),
    ("store", &["criteria", "model", "text"]),
    ("tally", &["criteria", "model", "text"]),
    ("report", &["tally", "criteria", "model", "text"]),
    ("rollup", &["report", "tally", "criteria", "model", "text"]),
    (
        "exchange",
        &["report", "tally", "store", "criteria", "model", "text"],
    ),
    ("print", &["report", "store", "criteria", "model", "text"]),
    (
        "demo",
        &["report", "tally", "store", "criteria", "model", "text"],
    ),
    (
        "app",
        &[
            "demo", "print", "exchange", "rollup", "report", "tally", "store", "criteria", "model",
            "text",
        ],
    ),
    (
        "cli",
        &[
            "app", "demo", "print", "exchange", "rollup", "report", "tally", "store", "criteria",
            "model", "text",
        ],
    ),
    (
        "tui",
        &[
            "app", "demo", "print", "exchange", "rollup", "report", "tally", "store", "criteria",
            "model", "text",
        ],
    ),
];

fn src_dir() -> PathBuf {
    std::env::var_os("SOHOCTAP_LAYERING_SRC").map_or_else(
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
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules a line of code names through `crate::` (`crate::a::b`,
/// `crate::{a, b::c}`); comments do not count.
fn named_modules(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let code = code.split(" //").next().unwrap_or(code);
    let mut out = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        // `sohoctap_crate::x` or `self.crate::` are not paths of this crate.
        let before = code.get(..at).and_then(|b| b.chars().last());
        if before.is_some_and(|c| c.is_alphanumeric() || c == '_') {
            continue;
        }
        let rest = code.get(at + "crate::".len()..).unwrap_or("");
        if let Some(group) = rest.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or("");
            for item in group.split(',') {
                let name: String = item
                    .trim()
                    .chars()
                    .take_while(|c| c.is_alphanumeric() || *c == '_')
                    .collect();
                if !name.is_empty() {
                    out.push(name);
                }
            }
        } else {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            out.push(name);
        }
    }
    out
}

/// Every `crate::` path that points where its module may not go, as `file:line: a → b`.
fn forbidden(src: &Path) -> Vec<String> {
    let known: BTreeSet<&str> = ALLOWED.iter().map(|(m, _)| *m).collect();
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let mut found = Vec::new();
    for file in files {
        let relative = file.strip_prefix(src).unwrap_or(&file);
        let first = relative
            .components()
            .next()
            .and_then(|c| c.as_os_str().to_str())
            .unwrap_or("");
        let module = first.trim_end_matches(".rs");
        if module == "main" || module == "lib" {
            continue;
        }
        let Some((_, allowed)) = ALLOWED.iter().find(|(m, _)| *m == module) else {
            found.push(format!(
                "{}: module `{module}` is not in the list of layers",
                relative.display()
            ));
            continue;
        };
        let text =
            std::fs::read_to_string(&file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        for (n, line) in text.lines().enumerate() {
            for named in named_modules(line) {
                let fine = named == module
                    || allowed.contains(&named.as_str())
                    || !known.contains(named.as_str());
                if !fine {
                    found.push(format!(
                        "{}:{}: {module} → {named}",
                        relative.display(),
                        n + 1
                    ));
                }
            }
        }
    }
    found
}

#[test]
fn every_crate_path_points_down() {
    let found = forbidden(&src_dir());
    assert!(
        found.is_empty(),
        "{} paths point up or sideways:\n{}",
        found.len(),
        found.join("\n")
    );
}

#[test]
fn every_module_of_the_crate_is_placed_in_a_layer() {
    let lib = std::fs::read_to_string(src_dir().join("lib.rs")).expect("lib.rs");
    for line in lib.lines() {
        if let Some(name) = line
            .strip_prefix("pub mod ")
            .and_then(|l| l.strip_suffix(';'))
        {
            assert!(
                ALLOWED.iter().any(|(m, _)| *m == name),
                "module `{name}` of lib.rs is not in the list of layers"
            );
        }
    }
}

/// The layers below `app` say what went wrong, never which command to type: the
/// command line and the app each add their own advice (`app::Advice`).
#[test]
fn no_layer_below_the_front_ends_names_a_command_in_a_message() {
    const BELOW: &[&str] = &[
        "text", "model", "criteria", "store", "tally", "exchange", "report", "print", "rollup",
    ];
    // Not advice: the first line of the restore journal, which names what wrote it.
    const NOT_ADVICE: &[&str] = &[
        "const JOURNAL_TAG: &str = \"sohoctap restore 2\";",
        "const JOURNAL_TAG_V1: &str = \"sohoctap restore 1\";",
    ];
    let src = src_dir();
    let mut found = Vec::new();
    for module in BELOW {
        let mut files = Vec::new();
        let dir = src.join(module);
        if dir.is_dir() {
            rust_files(&dir, &mut files);
        }
        let single = src.join(format!("{module}.rs"));
        if single.is_file() {
            files.push(single);
        }
        for file in files {
            let text = std::fs::read_to_string(&file)
                .unwrap_or_else(|e| panic!("{}: {e}", file.display()));
            for (n, line) in text.lines().enumerate() {
                let code = line.trim();
                if code.starts_with("//") || NOT_ADVICE.contains(&code) {
                    continue;
                }
                if code.contains("sohoctap ") && code.contains('"') {
                    found.push(format!(
                        "{}:{}: {code}",
                        file.strip_prefix(&src).unwrap_or(&file).display(),
                        n + 1
                    ));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "messages naming a command below the front ends:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_reader_finds_paths_in_every_form_and_skips_comments() {
    assert_eq!(named_modules("use crate::store::Reader;"), ["store"]);
    assert_eq!(
        named_modules("use crate::{cli::Env, tally};"),
        ["cli", "tally"]
    );
    assert_eq!(
        named_modules("    let x = crate::tui::sheet::parse_date(d); // crate::app"),
        ["tui"]
    );
    assert!(named_modules("/// See [`crate::store::Reader`].").is_empty());
    assert!(named_modules("use other_crate::store;").is_empty());
}
