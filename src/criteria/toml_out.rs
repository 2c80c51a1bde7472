//! A set written back as a schema-1 TOML file: what `criteria export --out X.toml`
//! gives (a file for the `--criteria` folder of another commune), and how a set built
//! from a table is put through every rule of [`super::parse_set`] — one validator for
//! files, tables and the editor.

use super::set::{CriteriaSet, IndicatorKind, Scope};
use std::fmt::Write;

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn quoted(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// The set as a TOML file; its leading comment says where it came from.
pub fn to_toml(set: &CriteriaSet) -> String {
    let mut t = String::new();
    let _ = writeln!(t, "# {}", set.name.replace('\n', " "));
    let _ = writeln!(t, "# Nguồn: {}", set.source.replace('\n', " "));
    if let Some(e) = &set.entry {
        let _ = writeln!(
            t,
            "# Văn phòng nhập: {}, {} ({})",
            e.stamp.user.replace('\n', " "),
            e.stamp.at.format("%d/%m/%Y %H:%M"),
            e.how.replace('\n', " ")
        );
    }
    let _ = writeln!(t, "# Tình trạng: {}", set.status.label());
    t.push('\n');
    let _ = writeln!(t, "schema = 1");
    let _ = writeln!(t, "id = {}", quoted(&set.id));
    let _ = writeln!(t, "title = {}", quoted(set.title.code()));
    let _ = writeln!(t, "name = {}", quoted(&set.name));
    let _ = writeln!(t, "valid_from = {}", set.valid_from);
    if let Some(to) = set.valid_to {
        let _ = writeln!(t, "valid_to = {to}");
    }
    let scope = match set.scope {
        Scope::Commune => "commune",
        Scope::AboveCommune => "above-commune",
    };
    let _ = writeln!(t, "scope = {}", quoted(scope));
    let _ = writeln!(t, "source = {}", quoted(&set.source));
    let _ = writeln!(t, "status = {}", quoted(set.status.code()));
    if !set.status_note.is_empty() {
        let _ = writeln!(t, "status_note = {}", quoted(&set.status_note));
    }
    if let Some(min) = set.min_total {
        let _ = writeln!(t, "min_total = {min}");
    }
    for g in &set.grades {
        let _ = writeln!(t, "\n[[grades]]");
        let _ = writeln!(t, "name = {}", quoted(&g.name));
        let _ = writeln!(t, "min_total = {}", g.min_total);
    }
    for c in &set.criteria {
        let _ = writeln!(t, "\n[[criteria]]");
        let _ = writeln!(t, "code = {}", quoted(&c.code));
        let _ = writeln!(t, "name = {}", quoted(&c.name));
        if let Some(min) = c.min_total {
            let _ = writeln!(t, "min_total = {min}");
        }
        for i in &c.indicators {
            let _ = writeln!(t, "\n[[criteria.indicators]]");
            let _ = writeln!(t, "code = {}", quoted(&i.code));
            let _ = writeln!(t, "text = {}", quoted(&i.text));
            match i.kind {
                IndicatorKind::Points => {
                    let _ = writeln!(t, "kind = \"points\"");
                    let _ = writeln!(t, "max = {}", i.max);
                    if let Some(f) = i.floor {
                        let _ = writeln!(t, "floor = {f}");
                    }
                }
                IndicatorKind::PassFail => {
                    let _ = writeln!(t, "kind = \"pass-fail\"");
                }
            }
            if i.mandatory {
                let _ = writeln!(t, "mandatory = true");
            }
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::{Catalog, parse_set};

    #[test]
    fn every_shipped_set_survives_being_written_and_read_back() {
        let catalog = Catalog::shipped().expect("shipped");
        for entry in catalog.entries() {
            let text = to_toml(&entry.set);
            let back = parse_set("ra.toml", &text).expect("valid");
            assert_eq!(back.content_hash(), entry.hash, "{}", entry.set.id);
        }
    }
}
