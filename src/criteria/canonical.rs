//! The canonical form of a criteria set, and its identity (content hash) taken over that
//! form. The identity must outlive any Rust struct: a set shipped in 2025 keeps its hash
//! in 2035 whatever fields [`CriteriaSet`] has gained, so the form is written by hand,
//! field by field, and documented in docs/register-format.md ("Criteria identity").
//!
//! Version 1 of the form is UTF-8 text, one line per item, each line a keyword and its
//! fields separated by single spaces and ended by `\n`:
//!
//! ```text
//! sohoctap-criteria 1
//! id <text>
//! title <title code>                 gia-dinh | dong-ho | cong-dong | don-vi | cong-dan
//! name <text>
//! valid <from> <to | ->
//! scope commune | above-commune
//! source <text>
//! status verified | provisional
//! status_note <text>
//! min_total <n | ->
//! grade <text name> <min_total>      one line per grade, in the set's order
//! criterion <text code> <text name> <min_total | ->      in order, each followed by
//! indicator <text code> points | pass-fail <max> <floor | -> mandatory | optional <text>
//! ```
//!
//! `<text>` is the byte length in decimal, a colon, then the text itself (NFC as the
//! parser stored it): no escaping is needed and no text can be mistaken for a field.
//! Numbers are decimal without leading zeros. The identity is the first 8 bytes of
//! SHA-256 over the form, as 16 lower-case hex digits. A later form would start with
//! `sohoctap-criteria 2`, and migrate stored sets to it.

use super::set::{CriteriaSet, IndicatorKind, Scope, Status};
use sha2::{Digest, Sha256};
use std::fmt::Write as _;

/// The version of the canonical form this program writes.
pub const CANONICAL_VERSION: u32 = 1;

fn text(out: &mut String, s: &str) {
    let _ = write!(out, " {}:{s}", s.len());
}

fn opt(out: &mut String, n: Option<u16>) {
    match n {
        Some(n) => {
            let _ = write!(out, " {n}");
        }
        None => out.push_str(" -"),
    }
}

/// The canonical form (version [`CANONICAL_VERSION`]) of `set`.
pub fn canonical_form(set: &CriteriaSet) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "sohoctap-criteria {CANONICAL_VERSION}");
    out.push_str("id");
    text(&mut out, &set.id);
    let _ = write!(out, "\ntitle {}\nname", set.title.code());
    text(&mut out, &set.name);
    let _ = write!(out, "\nvalid {}", set.valid_from);
    opt(&mut out, set.valid_to);
    let scope = match set.scope {
        Scope::Commune => "commune",
        Scope::AboveCommune => "above-commune",
    };
    let _ = write!(out, "\nscope {scope}\nsource");
    text(&mut out, &set.source);
    let status = match set.status {
        Status::Verified => "verified",
        Status::Provisional => "provisional",
    };
    let _ = write!(out, "\nstatus {status}\nstatus_note");
    text(&mut out, &set.status_note);
    out.push_str("\nmin_total");
    opt(&mut out, set.min_total);
    out.push('\n');
    for grade in &set.grades {
        out.push_str("grade");
        text(&mut out, &grade.name);
        let _ = writeln!(out, " {}", grade.min_total);
    }
    for criterion in &set.criteria {
        out.push_str("criterion");
        text(&mut out, &criterion.code);
        text(&mut out, &criterion.name);
        opt(&mut out, criterion.min_total);
        out.push('\n');
        for indicator in &criterion.indicators {
            out.push_str("indicator");
            text(&mut out, &indicator.code);
            let kind = match indicator.kind {
                IndicatorKind::Points => "points",
                IndicatorKind::PassFail => "pass-fail",
            };
            let _ = write!(out, " {kind} {}", indicator.max);
            opt(&mut out, indicator.floor);
            let mandatory = if indicator.mandatory {
                " mandatory"
            } else {
                " optional"
            };
            out.push_str(mandatory);
            text(&mut out, &indicator.text);
            out.push('\n');
        }
    }
    out
}

/// The identity of `set`: 16 hex digits of SHA-256 over its canonical form.
pub fn canonical_hash(set: &CriteriaSet) -> String {
    Sha256::digest(canonical_form(set).as_bytes())
        .iter()
        .take(8)
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::Catalog;

    #[test]
    fn the_form_is_the_documented_text() {
        let catalog = Catalog::shipped().expect("shipped");
        let set = &catalog.entries()[0].set;
        let form = canonical_form(set);
        assert!(form.starts_with("sohoctap-criteria 1\nid "), "{form}");
        let first = set.indicators().next().expect("indicator");
        let line = format!("indicator {}:{} ", first.code.len(), first.code);
        assert!(form.contains(&line), "{form}");
        assert!(form.ends_with('\n'));
    }

    /// The identities of the shipped sets are pinned: a change to this file, to the
    /// parser or to the shipped TOML that changes one is caught here, and must come
    /// with a migration of stored sets.
    #[test]
    fn shipped_sets_keep_their_identity() {
        let catalog = Catalog::shipped().expect("shipped");
        let mut got: Vec<(String, String)> = catalog
            .entries()
            .iter()
            .map(|e| (e.set.id.clone(), canonical_hash(&e.set)))
            .collect();
        got.sort();
        let text: Vec<String> = got.iter().map(|(id, h)| format!("{id} {h}")).collect();
        insta::assert_snapshot!(text.join("\n"));
    }

    #[test]
    fn any_scored_change_gives_a_new_identity_and_text_cannot_shift_fields() {
        let catalog = Catalog::shipped().expect("shipped");
        let set = catalog.entries()[0].set.as_ref().clone();
        let base = canonical_hash(&set);
        let mut changed = set.clone();
        changed.min_total = changed.min_total.map_or(Some(1), |m| Some(m + 1));
        assert_ne!(canonical_hash(&changed), base);
        // A name that spells out the next field must not collide with a moved field.
        let mut a = set.clone();
        a.name = format!("{} 3:abc", a.name);
        let mut b = set.clone();
        b.source = format!("3:abc {}", b.source);
        assert_ne!(canonical_hash(&a), canonical_hash(&b));
    }
}
