//! Bad input, fuzz style: random bytes and mutated valid files fed to every reader of
//! outside data (CSV import, criteria files, JSON archives, stored records). Nothing may
//! panic, every rejection must say where (line, column or field) and what, and anything
//! accepted must leave a register that passes its integrity check. The mutations include
//! legacy-encoded bytes (Windows-1258, TCVN3, VNI), unclosed quotes, terminal control
//! sequences, bidirectional controls and formula cells: no message may carry such a
//! character raw, and nothing stored or accepted may hold one.
//!
//! A fixed seed makes every run the same; a failure prints the case number to replay.
//! `SOHOCTAP_FUZZ_CASES=N` sets the number of cases per target (default 750), e.g.
//! `SOHOCTAP_FUZZ_CASES=20000 cargo test --release --test bad_input -- --nocapture`.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use sohoctap::criteria::{Catalog, IndicatorKind, parse_set, score};
use sohoctap::demo::{self, DemoSpec};
use sohoctap::exchange::{
    ImportOptions, apply, archive_from_json, archive_to_json, export_archive, export_csv,
    import_archive, plan,
};
use sohoctap::model::{
    Commune, Decision, Evaluation, EvaluationChange, EvaluationKey, FieldChange, HistoryEntry,
    IndicatorValue, Stage, Stamp, Title, UnitKind,
};
use sohoctap::store::Register;
use sohoctap::store::codec::{decode_history, encode_history};
use sohoctap::store::dictionary::MemoryNames;
use std::collections::BTreeMap;
use std::path::Path;

const YEAR: u16 = 2025;

fn cases() -> usize {
    std::env::var("SOHOCTAP_FUZZ_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(750)
}

/// A tiny deterministic generator (SplitMix64), so a failing case can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next() % n as u64) as usize
        }
    }

    fn bytes(&mut self, max: usize) -> Vec<u8> {
        let len = self.below(max + 1);
        (0..len).map(|_| self.next() as u8).collect()
    }
}

/// Bytes that break parsers: separators, quotes, line ends, BOM pieces, broken UTF-8,
/// combining marks, huge and negative numbers.
const NASTY: &[&[u8]] = &[
    b";",
    b",",
    b"\t",
    b"\"",
    b"\"\"",
    b"\n",
    b"\r\n",
    b"\r",
    b"\xEF\xBB\xBF",
    b"\xFF\xFE",
    b"\xC3",
    b"\x00",
    b"-1",
    b"0",
    b"65536",
    b"99999999999999999999",
    b"1e9",
    b"NaN",
    "Nguye\u{302}\u{303}n".as_bytes(),
    "Đặng Thị Ánh".as_bytes(),
    "🙂".as_bytes(),
    b"sep=;\n",
    b"[",
    b"]",
    b"{",
    b"}",
    b"=",
    b"[[criteria]]",
    b"null",
    b"true",
    b"\\u0000",
    // Terminal attacks: CSI and OSC 52 (clipboard) sequences, bidi controls, and their
    // JSON/TOML escapes.
    b"\x1B[2J",
    b"\x1B]52;c;ZXZpbA==\x07",
    "\u{202E}".as_bytes(),
    "\u{2066}".as_bytes(),
    "\u{200F}".as_bytes(),
    "\u{FFFD}".as_bytes(),
    b"\x7F",
    b"\\u001b[31m",
    b"\\u202e",
    // Formula cells, guarded and not.
    b"=HYPERLINK(\"http://x\")",
    b"+84",
    b"@SUM(A1)",
    b"'=1+2",
    // Legacy encodings: an undefined Windows-1258 byte, TCVN3 "\xD4" (ễ), VNI "e\xE3"
    // (ễ) and a stray Windows-1258 "ơ".
    b"\x8D",
    b"Nguy\xD4n",
    b"Nguye\xE3n",
    b"\xF5",
];

/// One to four random edits of `input`: flips, cuts, insertions of nasty bytes, line
/// duplications, swaps and truncations.
fn mutate(rng: &mut Rng, input: &[u8]) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(out.len() + 1);
        match rng.below(7) {
            0 => {
                if let Some(b) = out.get_mut(at) {
                    *b = rng.next() as u8;
                }
            }
            1 => {
                let end = (at + 1 + rng.below(16)).min(out.len());
                if at < end {
                    out.drain(at..end);
                }
            }
            2 => {
                let nasty = NASTY[rng.below(NASTY.len())];
                out.splice(at..at, nasty.iter().copied());
            }
            3 => {
                // Duplicate the line around `at` (a repeated row or key).
                let start = out[..at]
                    .iter()
                    .rposition(|b| *b == b'\n')
                    .map_or(0, |p| p + 1);
                let end = out[at..]
                    .iter()
                    .position(|b| *b == b'\n')
                    .map_or(out.len(), |p| at + p + 1);
                let line = out[start..end].to_vec();
                out.splice(end..end, line);
            }
            4 => out.truncate(at),
            5 => {
                // Replace a run of digits with another number.
                if let Some(start) = out.iter().skip(at).position(u8::is_ascii_digit) {
                    let start = at + start;
                    let end = out[start..]
                        .iter()
                        .position(|b| !b.is_ascii_digit())
                        .map_or(out.len(), |p| start + p);
                    let number = match rng.below(4) {
                        0 => b"0".to_vec(),
                        1 => b"70000".to_vec(),
                        2 => b"4294967296".to_vec(),
                        _ => (rng.next() % 200).to_string().into_bytes(),
                    };
                    out.splice(start..end, number);
                }
            }
            _ => {
                let other = rng.below(out.len() + 1);
                let (a, b) = (at.min(other), at.max(other));
                if b > a + 1 && b <= out.len() {
                    out[a..b].reverse();
                }
            }
        }
    }
    out
}

fn tiny_demo(path: &Path) -> Register {
    let register = Register::create(
        path,
        &Commune {
            name: "Xã Thử Lỗi".into(),
            province: "Ninh Bình".into(),
        },
    )
    .expect("create");
    let spec = DemoSpec {
        communities: 3,
        households: 30,
        clans: 3,
        organisations: 4,
        citizens: 30,
        years: 2,
        last_year: YEAR,
        seed: 7,
    };
    demo::build(&register, &spec, &Catalog::shipped().expect("catalog")).expect("demo");
    register
}

#[test]
fn csv_import_never_panics_and_every_problem_says_where() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = tiny_demo(&dir.path().join("nguon.redb"));
    let mut valid: Vec<(UnitKind, Vec<u8>)> = Vec::new();
    {
        let reader = source.read().expect("read");
        for kind in UnitKind::ALL {
            valid.push((kind, export_csv(&reader, kind, Some(YEAR)).expect("export")));
        }
    }
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/examples");
    for (kind, name) in [
        (UnitKind::Community, "communities.csv"),
        (UnitKind::Household, "households.csv"),
        (UnitKind::Household, "households-windows-1258.csv"),
        (UnitKind::Clan, "clans.csv"),
        (UnitKind::Organisation, "organisations.csv"),
        (UnitKind::Citizen, "citizens.csv"),
    ] {
        valid.push((kind, std::fs::read(examples.join(name)).expect("example")));
    }
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/encodings");
    for name in [
        "ho-tcvn3.csv",
        "ho-vni.csv",
        "ho-cr.csv",
        "ho-utf8-mot-byte-hong.csv",
        "ho-nhay-khong-dong.csv",
    ] {
        let bytes = std::fs::read(fixtures.join(name)).expect("fixture");
        valid.push((UnitKind::Household, bytes));
    }
    // The target register already holds units, so codes and links are looked up for real.
    let target = tiny_demo(&dir.path().join("dich.redb"));
    let mut rng = Rng(0xC5F1);
    let (mut tried, mut rejected, mut applied, mut problems, mut with_column) = (0, 0, 0, 0, 0);
    let mut encodings: BTreeMap<&'static str, usize> = BTreeMap::new();
    let (mut quotes, mut characters, mut formulas) = (0, 0, 0);
    for case in 0..cases() * 2 {
        let (kind, bytes) = if case % 4 == 0 {
            (UnitKind::ALL[rng.below(5)], rng.bytes(300))
        } else {
            let (kind, base) = &valid[rng.below(valid.len())];
            (*kind, mutate(&mut rng, base))
        };
        tried += 1;
        let planned = {
            let reader = target.read().expect("read");
            plan(&reader, kind, &bytes, ImportOptions { default_year: YEAR })
                .unwrap_or_else(|e| panic!("case {case}: plan failed on the register: {e}"))
        };
        *encodings.entry(planned.encoding.label()).or_default() += 1;
        formulas += planned.formula_cells.len();
        if planned.is_clean() {
            // Accepted: it must apply in one piece (at most a refusal, never a panic).
            if apply(&target, &planned).is_ok() {
                applied += 1;
            }
            continue;
        }
        rejected += 1;
        assert!(
            apply(&target, &planned).is_err(),
            "case {case}: a plan with problems was applied"
        );
        for p in &planned.problems {
            problems += 1;
            let text = p.to_string();
            assert!(!p.reason.trim().is_empty(), "case {case}: empty reason");
            let whole_file = text.contains("tệp trống");
            assert!(
                p.line.is_some() || whole_file,
                "case {case}: a problem without its line: {text}"
            );
            if p.column.is_some() {
                with_column += 1;
            }
            // A message quotes the file, but never a character that drives the terminal.
            assert!(
                text.chars().all(|c| !sohoctap::text::safe::is_unsafe(c)),
                "case {case}: a raw control character in a message: {text:?}"
            );
            quotes += usize::from(p.reason.contains("dấu nháy kép"));
            characters += usize::from(text.contains("<U+") || p.reason.contains(" U+"));
        }
    }
    // Nothing stored holds a control, bidirectional or replacement character.
    {
        let reader = target.read().expect("read");
        for kind in UnitKind::ALL {
            for (_, unit) in reader.units(kind).expect("units") {
                for text in [unit.code().to_string(), unit.display_name()] {
                    assert!(
                        sohoctap::text::safe::first_unsafe(&text).is_none(),
                        "stored: {text:?}"
                    );
                }
            }
        }
    }
    let mut target = target;
    let report = target.check(YEAR).expect("check");
    assert!(
        report.ok,
        "accepted imports damaged the register: {:?}",
        report.problems
    );
    println!(
        "CSV import: {tried} inputs tried, {rejected} rejected with {problems} problems ({with_column} naming a column, all naming a line), {applied} accepted and applied; integrity check passes"
    );
    println!(
        "CSV import: read as {encodings:?}; {quotes} unclosed quotes and {characters} refused characters or bytes named, {formulas} formula cells flagged; no raw control character in any message or stored name"
    );
    assert!(
        rejected > tried / 4,
        "the mutations must actually break files"
    );
}

#[test]
fn criteria_files_never_panic_and_every_error_names_file_and_place() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("criteria");
    let mut valid = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("criteria dir") {
        let path = entry.expect("entry").path();
        if path.extension().is_some_and(|e| e == "toml") {
            valid.push(std::fs::read(&path).expect("read"));
        }
    }
    assert!(valid.len() >= 5, "shipped criteria files");
    let mut rng = Rng(0x70_4D);
    let (mut tried, mut rejected, mut errors, mut accepted) = (0, 0, 0, 0);
    for case in 0..cases() * 2 {
        let bytes = if case % 5 == 0 {
            rng.bytes(400)
        } else {
            let base = rng.below(valid.len());
            mutate(&mut rng, &valid[base])
        };
        let text = String::from_utf8_lossy(&bytes);
        let file = format!("thu-{case}.toml");
        tried += 1;
        match parse_set(&file, &text) {
            Ok(set) => {
                accepted += 1;
                let texts = std::iter::once(set.name.as_str())
                    .chain(set.criteria.iter().map(|c| c.name.as_str()))
                    .chain(set.indicators().map(|i| i.text.as_str()));
                for t in texts {
                    assert!(
                        sohoctap::text::safe::first_unsafe(t).is_none(),
                        "case {case}: a criteria text with a control character: {t:?}"
                    );
                }
                for i in set.indicators() {
                    assert!(
                        i.code.chars().all(|c| c.is_ascii_graphic()),
                        "case {case}: code {:?}",
                        i.code
                    );
                }
                // An accepted set must score anything without panicking.
                let _ = score(&set, &BTreeMap::new());
                let full: BTreeMap<String, IndicatorValue> = set
                    .indicators()
                    .map(|i| {
                        let v = match i.kind {
                            IndicatorKind::Points => IndicatorValue::Points(i.max),
                            IndicatorKind::PassFail => IndicatorValue::Pass(true),
                        };
                        (i.code.clone(), v)
                    })
                    .collect();
                let _ = score(&set, &full);
            }
            Err(list) => {
                rejected += 1;
                assert!(!list.is_empty(), "case {case}: rejected without a reason");
                for e in &list {
                    errors += 1;
                    assert_eq!(e.file, file, "case {case}: {e}");
                    assert!(
                        e.line.is_some() || !e.field.is_empty(),
                        "case {case}: an error naming neither line nor field: {e}"
                    );
                    assert!(!e.message.trim().is_empty(), "case {case}: {e}");
                }
            }
        }
    }
    println!(
        "criteria files: {tried} inputs tried, {rejected} rejected with {errors} errors (each with file and line or field), {accepted} accepted and scored"
    );
    assert!(
        rejected > tried / 2,
        "the mutations must actually break files"
    );
}

/// Where a JSON archive problem is: a line and column, an element (`units[3]`), or a
/// named top-level field.
/// Whether any string of an accepted archive holds a refused character.
fn archive_text_is_unsafe(archive: &sohoctap::exchange::Archive) -> bool {
    let json = String::from_utf8(archive_to_json(archive)).unwrap_or_default();
    let value: serde_json::Value = serde_json::from_str(&json).unwrap_or_default();
    fn walk(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::String(s) => sohoctap::text::safe::first_unsafe(s).is_some(),
            serde_json::Value::Array(a) => a.iter().any(walk),
            serde_json::Value::Object(m) => m.values().any(walk),
            _ => false,
        }
    }
    walk(&value)
}

fn names_a_place(message: &str) -> bool {
    message.contains("dòng ")
        || message.contains('[')
        || message.contains("\"format\"")
        || message.contains("phiên bản")
        || message.contains("định dạng")
}

#[test]
fn json_archives_never_panic_and_accepted_ones_import_whole() {
    let dir = tempfile::tempdir().expect("tempdir");
    let source = tiny_demo(&dir.path().join("nguon.redb"));
    let valid = archive_to_json(&export_archive(&source.read().expect("read")).expect("export"));
    let mut rng = Rng(0x15_0A);
    let (mut tried, mut rejected, mut problems, mut imported, mut refused) = (0, 0, 0, 0, 0);
    // Importing needs a fresh register each time; a few dozen are enough to catch an
    // archive that validates but writes something inconsistent.
    let import_budget = (cases() / 10).max(20);
    for case in 0..cases() * 2 {
        let bytes = if case % 4 == 0 {
            rng.bytes(500)
        } else {
            mutate(&mut rng, &valid)
        };
        tried += 1;
        match archive_from_json(&bytes) {
            Err(list) => {
                rejected += 1;
                assert!(!list.is_empty(), "case {case}: rejected without a reason");
                for m in &list {
                    problems += 1;
                    assert!(
                        names_a_place(m),
                        "case {case}: a problem without a place: {m}"
                    );
                }
            }
            Ok(archive) if archive_text_is_unsafe(&archive) => {
                panic!("case {case}: an archive with a control character was accepted")
            }
            Ok(archive) if imported + refused < import_budget => {
                let path = dir.path().join(format!("nhap-{case}.redb"));
                let mut register = Register::create(&path, &archive.commune).expect("create");
                match import_archive(&register, &archive) {
                    Ok(()) => {
                        imported += 1;
                        let report = register.check(YEAR).expect("check");
                        assert!(
                            report.ok,
                            "case {case}: an accepted archive left problems: {:?}",
                            report.problems
                        );
                    }
                    Err(e) => {
                        refused += 1;
                        assert!(!e.to_string().is_empty());
                    }
                }
                register.close().expect("close");
                let _ = std::fs::remove_file(&path);
            }
            Ok(_) => {}
        }
    }
    println!(
        "JSON archives: {tried} inputs tried, {rejected} rejected with {problems} problems (each with a place), {imported} accepted ones imported and checked, {refused} refused at import"
    );
    assert!(
        rejected > tried / 4,
        "the mutations must actually break archives"
    );
    assert!(
        imported > 0,
        "some mutated archives must still be importable"
    );
}

fn history_variants() -> Vec<HistoryEntry> {
    // Stamps are stored to the second; a whole-second one round-trips exactly.
    let stamp = Stamp {
        user: "Cán bộ Hội".into(),
        at: chrono::NaiveDate::from_ymd_opt(2025, 11, 20)
            .and_then(|d| d.and_hms_opt(9, 30, 0))
            .expect("time"),
    };
    let mut evaluation = Evaluation::register("gia-dinh-x", "0123abcd", None, stamp.clone());
    evaluation
        .values
        .insert("1.1".into(), IndicatorValue::Points(7));
    evaluation
        .values
        .insert("2.3".into(), IndicatorValue::Pass(true));
    evaluation.note = "Ghi chú: hộ mới".into();
    let date = chrono::NaiveDate::from_ymd_opt(2025, 11, 20).expect("date");
    let key = EvaluationKey {
        year: YEAR,
        title: Title::GiaDinh,
        unit: 42,
    };
    let changes = vec![
        FieldChange::Value {
            code: "1.1".into(),
            old: None,
            new: Some(IndicatorValue::Points(5)),
        },
        FieldChange::Value {
            code: "2.3".into(),
            old: Some(IndicatorValue::Pass(false)),
            new: None,
        },
        FieldChange::Stage {
            old: Stage::Reviewed,
            new: Stage::Recognised,
        },
        FieldChange::Decision {
            old: None,
            new: Some(Decision {
                number: "12/QĐ-UBND".into(),
                date,
            }),
        },
        FieldChange::OverrideReason {
            old: None,
            new: Some("Hộ có hoàn cảnh đặc biệt".into()),
        },
        FieldChange::Note {
            old: String::new(),
            new: "đã xác minh".into(),
        },
        FieldChange::RegisteredOn {
            old: None,
            new: Some(date),
        },
        FieldChange::Criteria {
            old: ("a".into(), "1".into()),
            new: ("b".into(), "2".into()),
        },
    ];
    let mut entries = vec![
        HistoryEntry {
            key,
            stamp: stamp.clone(),
            change: EvaluationChange::Created(evaluation.clone()),
        },
        HistoryEntry {
            key,
            stamp: stamp.clone(),
            change: EvaluationChange::Removed(evaluation),
        },
        HistoryEntry {
            key,
            stamp: stamp.clone(),
            change: EvaluationChange::Edited(changes.clone()),
        },
    ];
    for change in changes {
        entries.push(HistoryEntry {
            key,
            stamp: stamp.clone(),
            change: EvaluationChange::Edited(vec![change]),
        });
    }
    entries
}

#[test]
fn every_history_variant_round_trips_and_damaged_ones_are_errors() {
    let mut rng = Rng(0x4157);
    let (mut tried, mut refused) = (0, 0);
    let mut names = MemoryNames::default();
    for (i, entry) in history_variants().iter().enumerate() {
        let bytes = encode_history(entry, &mut names).expect("encode");
        assert_eq!(
            decode_history(&bytes, &names).as_ref(),
            Ok(entry),
            "variant {i}"
        );
        // Every strict prefix is an error: a torn record is never read as a shorter one.
        for cut in 0..bytes.len() {
            tried += 1;
            assert!(
                decode_history(&bytes[..cut], &names).is_err(),
                "variant {i}: a record cut at {cut} of {} bytes decoded",
                bytes.len()
            );
            refused += 1;
        }
        let mut trailing = bytes.clone();
        trailing.push(0);
        tried += 1;
        assert!(
            decode_history(&trailing, &names).is_err(),
            "variant {i}: trailing byte"
        );
        refused += 1;
        for _ in 0..cases() / 4 {
            tried += 1;
            let damaged = mutate(&mut rng, &bytes);
            match decode_history(&damaged, &names) {
                Err(e) => {
                    refused += 1;
                    assert!(e.to_string().contains("lịch sử"), "{e}");
                }
                // A flip can land on another valid record; describing it must not panic.
                Ok(other) => {
                    let _ = other.describe();
                }
            }
        }
    }
    println!("history records: {tried} damaged inputs tried, {refused} refused");
}

/// Payloads an adversary puts into one cell.
const HOSTILE_CELLS: &[&str] = &[
    "\u{1B}[2J\u{1B}[H",
    "An\u{1B}]52;c;ZXZpbA==\u{7}",
    "Bình\u{202E}gnp.exe",
    "\u{2066}Cường\u{2069}",
    "Dung\u{200F}",
    "Tèo\u{FFFD}",
    "=HYPERLINK(\"http://x\",\"Bấm\")",
    "+84 912 345 678",
    "-",
    "@SUM(A1:A9)",
    "'=đã có nháy",
    "\u{41D}\u{41E}00001",
    "ＨＯ１",
    "HO\u{200B}1",
    "Hoàng\r\nTỔNG CỘNG: 100%",
];

#[test]
fn hostile_cells_are_refused_with_their_place_or_stored_clean() {
    let dir = tempfile::tempdir().expect("tempdir");
    let target = tiny_demo(&dir.path().join("dich.redb"));
    let mut rng = Rng(0xE5C);
    let (mut tried, mut refused, mut accepted, mut flagged) = (0, 0, 0, 0);
    let columns = ["Mã hộ", "Chủ hộ", "Thôn", "Dòng họ", "Địa chỉ"];
    for case in 0..cases() / 2 {
        let mut file = format!("{}\n", columns.join(","));
        let rows = 1 + rng.below(4);
        let (line, column) = (2 + rng.below(rows), rng.below(columns.len()));
        for r in 0..rows {
            let mut cells = [
                format!("HX{case:05}{r}"),
                "Nguyễn Văn An".to_string(),
                "Đông".to_string(),
                "Nguyễn".to_string(),
                String::new(),
            ];
            if r + 2 == line {
                let payload = HOSTILE_CELLS[rng.below(HOSTILE_CELLS.len())];
                cells[column] = format!("\"{}\"", payload.replace('"', "\"\""));
            }
            file.push_str(&cells.join(","));
            file.push('\n');
        }
        tried += 1;
        let planned = {
            let reader = target.read().expect("read");
            plan(
                &reader,
                UnitKind::Household,
                file.as_bytes(),
                ImportOptions { default_year: YEAR },
            )
            .expect("plan")
        };
        flagged += planned.formula_cells.len();
        if planned.is_clean() {
            accepted += 1;
            apply(&target, &planned).expect("apply");
            continue;
        }
        refused += 1;
        for p in &planned.problems {
            let text = p.to_string();
            assert_eq!(p.line, Some(line as u64), "case {case}: {text}");
            assert_eq!(
                p.column.as_deref(),
                Some(columns[column]),
                "case {case}: {text}"
            );
            assert!(
                text.chars().all(|c| !sohoctap::text::safe::is_unsafe(c)),
                "case {case}: {text:?}"
            );
        }
    }
    let reader = target.read().expect("read");
    for kind in UnitKind::ALL {
        for (_, unit) in reader.units(kind).expect("units") {
            assert!(sohoctap::text::safe::first_unsafe(&unit.display_name()).is_none());
        }
    }
    let exported =
        String::from_utf8(export_csv(&reader, UnitKind::Household, None).expect("export"))
            .expect("utf-8");
    for cell in exported
        .split([',', '\n'])
        .map(|c| c.trim_start_matches(['"', '\r']))
    {
        assert!(
            !matches!(cell.chars().next(), Some('=' | '+' | '@')) && !cell.starts_with("-"),
            "an exported cell Excel would run: {cell:?}"
        );
    }
    println!(
        "hostile cells: {tried} files tried, {refused} refused (every problem on the right line and column), {accepted} accepted and stored clean, {flagged} formula cells flagged, export neutralised"
    );
    assert!(refused > 0 && accepted > 0 && flagged > 0);
}
