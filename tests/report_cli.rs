//! The real binary: `report --out` (owner-only file, same text as the golden),
//! `--windows` (BOM and CRLF), `--json`, and `--print` without the tools and with fake
//! ones.

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod report_fixture;
use report_fixture as common;

use std::path::Path;
use std::process::{Command, Output};

fn run(db: &Path, args: &[&str], path_env: Option<&Path>) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    cmd.arg("--db").arg(db).arg("report").args(args);
    cmd.env_remove("SOHOCTAP_CRITERIA");
    if let Some(p) = path_env {
        cmd.env("PATH", p);
    }
    cmd.output().expect("run sohoctap")
}

fn register() -> (tempfile::TempDir, std::path::PathBuf) {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    common::build(&db, common::SMALL);
    (dir, db)
}

#[test]
fn report_out_writes_the_golden_text_to_an_owner_only_file() {
    let (dir, db) = register();
    let out = dir.path().join("bao-cao.txt");
    let o = run(
        &db,
        &[
            "--year",
            "2025",
            "--date",
            "2026-11-22",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(o.stdout.is_empty(), "the text goes to the file only");
    let written = std::fs::read(&out).expect("written");
    let golden =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/golden/report-plain.txt"))
            .expect("golden");
    assert_eq!(written, golden);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&out).expect("meta").permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
    }
}

#[test]
fn report_windows_has_bom_and_crlf_and_ascii_has_no_diacritics() {
    let (dir, db) = register();
    let out = dir.path().join("bao-cao-win.txt");
    let o = run(
        &db,
        &[
            "--year",
            "2025",
            "--windows",
            "--out",
            out.to_str().expect("utf-8"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let bytes = std::fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let body = &bytes[3..];
    let lf = body.iter().filter(|&&b| b == b'\n').count();
    let crlf = body.windows(2).filter(|w| w == b"\r\n").count();
    assert!(lf > 50);
    assert_eq!(lf, crlf);

    // The global --ascii flag reaches the report.
    let o = run(&db, &["--year", "2025", "--ascii"], None);
    assert!(o.status.success());
    assert!(o.stdout.is_ascii());
    assert!(String::from_utf8_lossy(&o.stdout).contains("HOI KHUYEN HOC XA YEN MO"));
}

#[test]
fn report_json_keeps_schema_1_and_adds_the_breakdown() {
    let (_dir, db) = register();
    let o = run(&db, &["--year", "2025", "--json"], None);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("json");
    assert_eq!(v["schema"], 1);
    // Six measures, then the whole commune's CDHT count, then the two digital-skills
    // shares.
    assert_eq!(v["titles"].as_array().map(Vec::len), Some(9));
    assert_eq!(v["titles"][6]["title"], "cong-dan");
    assert_eq!(v["titles"][7]["title"], "cong-dan/ky-nang-so");
    assert_eq!(v["titles"][8]["title"], "cong-dan/thanh-thao-ky-nang-so");
    assert_eq!(v["communities"].as_array().map(Vec::len), Some(4));
    assert_eq!(v["previous_year"]["year"], 2024);
    assert!(v.get("recognised").is_none());
    // The way to the next milestone: every year's figures end with the report year's,
    // equal to the titles' own.
    let way = v["way"].as_array().expect("way");
    assert_eq!(way.len(), 8);
    for w in way {
        let t = v["titles"]
            .as_array()
            .unwrap()
            .iter()
            .find(|t| t["title"] == w["title"])
            .expect("the measure among the titles");
        let last = w["series"]
            .as_array()
            .and_then(|s| s.last())
            .expect("a year");
        assert_eq!(last["year"], 2025);
        assert_eq!(last["recognised"], t["recognised"]);
        assert_eq!(last["total"], t["total"]);
    }
    // --windows and --print make no sense for JSON: bad usage.
    let o = run(&db, &["--json", "--windows"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[cfg(unix)]
#[test]
fn report_print_without_the_tools_names_the_packages_and_fails() {
    let (dir, db) = register();
    let empty = dir.path().join("empty-bin");
    std::fs::create_dir(&empty).expect("dir");
    let o = run(&db, &["--year", "2025", "--print"], Some(&empty));
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(
        err.contains("lệnh in lp")
            && err.contains("LibreOffice")
            && err.contains("apt-get install cups-client libreoffice-writer-nogui"),
        "{err}"
    );
    assert!(o.stdout.is_empty());
}

/// A fake LibreOffice that "converts" by copying the document to `<outdir>/<name>.pdf`,
/// and a fake `lp` that keeps what it is given: the plumbing, without the real tools
/// (tests/paper_real_tools.rs runs the real ones).
#[cfg(unix)]
#[test]
fn report_print_renders_the_text_and_hands_the_file_to_lp() {
    use std::io::Read;
    use std::os::unix::fs::PermissionsExt;
    let (dir, db) = register();
    let bin = dir.path().join("bin");
    std::fs::create_dir(&bin).expect("dir");
    let received = dir.path().join("printed.pdf");
    let script = |name: &str, body: String| {
        let path = bin.join(name);
        std::fs::write(&path, format!("#!/bin/sh\n{body}")).expect("script");
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).expect("chmod");
    };
    script(
        "soffice",
        "for a; do last=$a; done\n/bin/cp \"$last\" \"${last%.docx}.pdf\"\n".into(),
    );
    script(
        "lp",
        format!(
            "[ \"$1\" = -- ] && shift\n/bin/cp \"$1\" '{}'\n",
            received.display()
        ),
    );
    let o = run(
        &db,
        &["--year", "2025", "--date", "2026-11-22", "--print"],
        Some(&bin),
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let printed = std::fs::read(&received).expect("lp got the file");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(printed)).expect("a document");
    let mut doc = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut doc)
        .expect("read");
    assert!(doc.contains("BÁO CÁO") && doc.contains("Trang 1/"));
    assert!(
        doc.contains("<w:pageBreakBefore/>"),
        "pages start at form feeds"
    );
    // The work folder is removed once lp has the file.
    let spool = dir.path().join("ban-in");
    let left: Vec<_> = std::fs::read_dir(&spool)
        .expect("spool")
        .filter_map(Result::ok)
        .map(|e| e.file_name())
        .filter(|n| n.to_string_lossy().starts_with("in-"))
        .collect();
    assert!(left.is_empty(), "{left:?}");
}

/// `decision`: the recorded decision as a Word document with every unit it recognised,
/// the same count as `report --json`; several decisions or none need `--number`.
#[test]
fn decision_drafts_the_recorded_decision_with_its_units() {
    use std::io::Read;
    let (dir, db) = register();
    let out = dir.path().join("qd.docx");
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    cmd.arg("--db")
        .arg(&db)
        .args(["decision", "--title", "gia-dinh", "--year", "2025", "--out"]);
    let o = cmd.arg(&out).output().expect("run");
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let json: serde_json::Value =
        serde_json::from_slice(&run(&db, &["--year", "2025", "--json"], None).stdout)
            .expect("json");
    let recognised = json["titles"][0]["recognised"].as_u64().expect("count");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&out).expect("docx")))
        .expect("zip");
    let mut doc = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut doc)
        .expect("read");
    assert!(doc.contains("Số: 125/QĐ-UBND"), "the recorded number");
    assert!(
        doc.contains(&format!("cho {recognised} hộ")),
        "{recognised}"
    );
    // One row per unit, plus the header row.
    let rows = doc.matches("<w:tr>").count();
    assert_eq!(
        rows as u64,
        recognised + 1 + 2 + 1,
        "letterhead 2 rows, signature 1"
    );
    let mut again = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    again.arg("--db").arg(&db).args([
        "decision", "--title", "gia-dinh", "--year", "2025", "--number", "9/QĐ", "--out",
    ]);
    let o = again.arg(dir.path().join("x.docx")).output().expect("run");
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("125/QĐ-UBND"));
}

/// `sheet`: a household's scoring sheet with every indicator of its set; an unknown
/// code is bad input.
#[test]
fn sheet_lists_every_indicator_of_the_units_set() {
    use std::io::Read;
    let (dir, db) = register();
    let out = dir.path().join("phieu.docx");
    let sheet = |code: &str, out: &Path, extra: &[&str]| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
        cmd.arg("--db")
            .arg(&db)
            .env_remove("SOHOCTAP_CRITERIA")
            .args([
                "sheet", "--title", "gia-dinh", "--year", "2025", "--unit", code,
            ]);
        cmd.args(extra).arg("--out").arg(out).output().expect("run")
    };
    let document = |path: &Path| {
        let bytes = std::fs::read(path).expect("docx");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut doc = String::new();
        zip.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut doc)
            .expect("read");
        doc
    };
    let o = sheet("HO00001", &out, &[]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = document(&out);
    let catalog = sohoctap::criteria::Catalog::shipped().expect("catalog");
    let set = &catalog
        .in_force(sohoctap::model::Title::GiaDinh, 2025)
        .expect("set")
        .set;
    assert!(doc.contains("PHIẾU CHẤM ĐIỂM") && doc.contains("HO00001"));
    for indicator in set.criteria.iter().flat_map(|c| &c.indicators) {
        assert!(doc.contains(&indicator.code), "{}", indicator.code);
    }
    let o = sheet("HO99999", &dir.path().join("x.docx"), &[]);
    assert_eq!(o.status.code(), Some(2));
    let form = dir.path().join("dang-ky.docx");
    let o = sheet("HO00001", &form, &["--registration"]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = document(&form);
    assert!(doc.contains("PHIẾU ĐĂNG KÝ") && doc.contains("HO00001"));
    for criterion in &set.criteria {
        assert!(doc.contains(&criterion.name), "{}", criterion.name);
    }
}

/// Issue 16: the Word report carries the same sections as the text report, the targets
/// on every basis and the way to the next milestone included, with the same sentences.
#[test]
fn the_word_report_has_the_bases_and_the_way_to_the_next_milestone() {
    use std::io::Read;
    let (dir, db) = register();
    for basis in ["registered", "total"] {
        let set = Command::new(env!("CARGO_BIN_EXE_sohoctap"))
            .arg("--db")
            .arg(&db)
            .args([
                "targets",
                "set",
                "gia-dinh",
                "--milestone",
                "2030",
                "--percent",
                "90",
                "--basis",
                basis,
            ])
            .output()
            .expect("run");
        assert!(
            set.status.success(),
            "{}",
            String::from_utf8_lossy(&set.stderr)
        );
    }
    let text = String::from_utf8(run(&db, &["--year", "2025"], None).stdout).expect("utf-8");
    assert!(text.contains("CHỈ TIÊU THEO CÁC CÁCH TÍNH"), "{text}");
    assert!(text.contains("CHẶNG ĐƯỜNG ĐẾN MỐC TIẾP THEO"), "{text}");
    let out = dir.path().join("bc.docx");
    let o = run(
        &db,
        &[
            "--year",
            "2025",
            "--docx",
            "--out",
            out.to_str().expect("path"),
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(std::fs::read(&out).expect("docx")))
        .expect("zip");
    let mut doc = String::new();
    zip.by_name("word/document.xml")
        .expect("document.xml")
        .read_to_string(&mut doc)
        .expect("read");
    assert!(doc.contains("CHỈ TIÊU THEO CÁC CÁCH TÍNH"));
    assert!(doc.contains("CHẶNG ĐƯỜNG ĐẾN MỐC TIẾP THEO"));
    assert!(doc.contains("ĐK/tổng"), "the basis of the new target");
    // Every "cần thêm …" sentence of the text report is in the document as well.
    let sentences: Vec<&str> = text
        .lines()
        .filter(|l| l.starts_with("- ") && l.contains("cần thêm"))
        .collect();
    assert!(!sentences.is_empty(), "{text}");
    for s in sentences {
        let start = s.trim_start_matches("- ");
        assert!(
            doc.contains(start),
            "{start:?} missing from the Word report"
        );
    }
}

/// `sheet --community` and `--all-registered`: one document, one form (and one section,
/// so one new page) per unit, as many as the register has — the thôn's households or
/// citizens, or as many as `report --json` counts registered.
#[test]
fn sheet_for_a_thon_or_every_registered_unit_is_one_document_a_page_per_unit() {
    use std::io::Read;
    let (dir, db) = register();
    let sheet = |args: &[&str], out: &Path| {
        let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
        cmd.arg("--db")
            .arg(&db)
            .env_remove("SOHOCTAP_CRITERIA")
            .args(["sheet", "--year", "2025"])
            .args(args);
        cmd.arg("--out").arg(out).output().expect("run")
    };
    let document = |path: &Path| {
        let bytes = std::fs::read(path).expect("docx");
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).expect("zip");
        let mut doc = String::new();
        zip.by_name("word/document.xml")
            .expect("document.xml")
            .read_to_string(&mut doc)
            .expect("read");
        doc
    };
    // The first thôn holds households HO00001–HO00006, and a citizen for every other one.
    let out = dir.path().join("thon.docx");
    let o = sheet(&["--title", "gia-dinh", "--community", "TH001"], &out);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = document(&out);
    assert_eq!(doc.matches("PHIẾU CHẤM ĐIỂM").count(), 6);
    assert_eq!(
        doc.matches("<w:sectPr>").count(),
        6,
        "a section (new page) each"
    );
    for n in 1..=6 {
        assert!(doc.contains(&format!("HO0000{n}")), "HO0000{n}");
    }
    assert!(!doc.contains("HO00007"), "the next thôn's household");
    // The thôn named as an officer would: its code in lower case, or its name without
    // diacritics, gives the same six forms.
    for named in ["th001", "thon dong", "Đông"] {
        let again = dir.path().join(format!("thon-{}.docx", named.len()));
        let o = sheet(&["--title", "gia-dinh", "--community", named], &again);
        assert!(
            o.status.success(),
            "{named}: {}",
            String::from_utf8_lossy(&o.stderr)
        );
        assert_eq!(
            document(&again).matches("PHIẾU CHẤM ĐIỂM").count(),
            6,
            "{named}"
        );
    }
    // A citizen's scoring sheet has the digital-skills line and the person signs.
    let cdht = dir.path().join("cdht.docx");
    let o = sheet(&["--title", "cong-dan", "--community", "TH001"], &cdht);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = document(&cdht);
    assert_eq!(doc.matches("Kỹ năng số").count(), 3);
    assert!(doc.contains("NGƯỜI ĐƯỢC CHẤM") && !doc.contains("ĐẠI DIỆN ĐƠN VỊ"));
    assert!(!doc.contains("In ngày ngày"));
    let out = dir.path().join("cong-dan.docx");
    let o = sheet(
        &[
            "--title",
            "cong-dan",
            "--community",
            "TH001",
            "--registration",
        ],
        &out,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = document(&out);
    assert_eq!(doc.matches("PHIẾU ĐĂNG KÝ").count(), 3);
    assert_eq!(doc.matches("<w:sectPr>").count(), 3);
    // Every registered household, as many as the report counts.
    let json: serde_json::Value =
        serde_json::from_slice(&run(&db, &["--year", "2025", "--json"], None).stdout)
            .expect("json");
    let registered = json["titles"][0]["registered"].as_u64().expect("count");
    assert!(registered > 6, "{registered}");
    let out = dir.path().join("dang-ky.docx");
    let o = sheet(
        &["--title", "gia-dinh", "--all-registered", "--registration"],
        &out,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let doc = document(&out);
    assert_eq!(doc.matches("PHIẾU ĐĂNG KÝ").count() as u64, registered);
    assert_eq!(doc.matches("<w:sectPr>").count() as u64, registered);
    // Clans are not counted by thôn; an unknown thôn is bad input; one of the three
    // choices is needed.
    for args in [
        &["--title", "dong-ho", "--community", "TH001"][..],
        &["--title", "gia-dinh", "--community", "TH999"][..],
        &["--title", "gia-dinh"][..],
    ] {
        let o = sheet(args, &dir.path().join("x.docx"));
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}
