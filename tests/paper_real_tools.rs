//! SLOW: the paper outputs through the real tools, as an office would meet them.
//!
//! - The Word report (`report --docx`) opened by LibreOffice headless and saved as PDF:
//!   A4, every Vietnamese tone letter intact, the figures of `report --json`, the page
//!   number from page 2 only, the narrative placeholders.
//! - A recognition decision (`decision`) and a scoring sheet (`sheet`) the same way.
//! - `report --print` through a CUPS queue that prints to PDF (cups-pdf): the pages the
//!   text report has, on A4, looking like what the renderer made; the renderer's PDF
//!   carries "KẾT QUẢ" and every tone letter as text.
//!
//! The tools come from Debian. When one is missing and the test runs as root, it
//! installs them (`apt-get install`, about 45 s on a fresh machine); otherwise it FAILS
//! naming the packages — it never skips. cupsd is started when it is not running and
//! stopped again at the end.

#![cfg(unix)]
// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod report_fixture;
use report_fixture as common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::{Mutex, OnceLock};
use std::time::{Duration, Instant};

const PACKAGES: [&str; 6] = [
    "libreoffice-writer-nogui",
    "poppler-utils",
    "fonts-dejavu-core",
    "cups",
    "cups-client",
    "cups-pdf",
];
const CUPS_PDF_BACKEND: &str = "/usr/lib/cups/backend/cups-pdf";
const CUPS_PDF_PPD: &str = "/usr/share/ppd/cups-pdf/CUPS-PDF_opt.ppd";
const CUPSD: &str = "/usr/sbin/cupsd";
const QUEUE: &str = "SohoctapThuIn";

/// Every letter with a tone mark in Unicode's Vietnamese block (U+1EA0–U+1EF9).
fn tone_letters() -> String {
    ('\u{1EA0}'..='\u{1EF9}').collect()
}

fn on_path(name: &str) -> bool {
    let path = std::env::var_os("PATH").unwrap_or_default();
    std::env::split_paths(&path)
        .chain([PathBuf::from("/usr/sbin"), PathBuf::from("/usr/bin")])
        .any(|dir| dir.join(name).is_file())
}

fn missing_tools() -> Vec<&'static str> {
    let mut missing: Vec<&str> = [
        "soffice",
        "pdftotext",
        "pdfinfo",
        "pdftoppm",
        "lp",
        "lpadmin",
        "lpstat",
    ]
    .into_iter()
    .filter(|t| !on_path(t))
    .collect();
    for file in [CUPSD, CUPS_PDF_BACKEND, CUPS_PDF_PPD] {
        if !Path::new(file).exists() {
            missing.push(file);
        }
    }
    let font = Command::new("fc-list").arg("DejaVu Sans Mono").output();
    if !font.is_ok_and(|o| !o.stdout.is_empty()) {
        missing.push("DejaVu Sans Mono");
    }
    missing
}

fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).trim() == "0")
}

fn apt_get(args: &[&str]) -> bool {
    Command::new("apt-get")
        .args(args)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .status()
        .is_ok_and(|s| s.success())
}

/// Installs the tools once for all the tests here, or says exactly what is missing.
fn install() -> Result<(), String> {
    let missing = missing_tools();
    if missing.is_empty() {
        return Ok(());
    }
    let advice = format!(
        "missing {missing:?}; install: apt-get install -y --no-install-recommends {}",
        PACKAGES.join(" ")
    );
    if !is_root() || !on_path("apt-get") {
        return Err(format!("cannot install as this user: {advice}"));
    }
    let started = Instant::now();
    let mut install = vec!["install", "-y", "--no-install-recommends"];
    install.extend(PACKAGES);
    // A fresh machine has no package lists yet; update only when the install needs it.
    let ok = apt_get(&install) || (apt_get(&["update", "-q"]) && apt_get(&install));
    eprintln!(
        "paper_real_tools: apt-get install took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let still = missing_tools();
    if ok && still.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "apt-get failed or left {still:?} missing: {advice}"
        ))
    }
}

fn tools() {
    static TOOLS: OnceLock<Result<(), String>> = OnceLock::new();
    if let Err(e) = TOOLS.get_or_init(install) {
        panic!("paper_real_tools needs Debian packages: {e}");
    }
}

fn run(cmd: &mut Command) -> Output {
    let o = cmd.output().expect("run");
    assert!(
        o.status.success(),
        "{cmd:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    o
}

fn sohoctap(db: &Path, args: &[&str]) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_sohoctap"));
    cmd.arg("--db").arg(db).args(args);
    cmd.env_remove("SOHOCTAP_CRITERIA");
    cmd
}

fn pdf_text(pdf: &Path, layout: bool) -> String {
    let mut cmd = Command::new("pdftotext");
    if layout {
        cmd.arg("-layout");
    }
    let o = run(cmd.arg(pdf).arg("-"));
    String::from_utf8(o.stdout).expect("utf-8")
}

/// (pages, page size line) from pdfinfo.
fn pdf_info(pdf: &Path) -> (usize, String) {
    let info = String::from_utf8(run(Command::new("pdfinfo").arg(pdf)).stdout).expect("utf-8");
    let field = |name: &str| {
        info.lines()
            .find_map(|l| l.strip_prefix(name))
            .map(|v| v.trim().to_string())
            .unwrap_or_default()
    };
    (field("Pages:").parse().expect("pages"), field("Page size:"))
}

fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// LibreOffice headless with a profile of its own (tests run side by side).
fn to_pdf(docx: &Path, work: &Path) -> PathBuf {
    let profile = work.join("lo-profile");
    let started = Instant::now();
    run(Command::new("soffice")
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(work)
        .arg(docx));
    eprintln!(
        "paper_real_tools: LibreOffice converted {} in {:.1} s",
        docx.display(),
        started.elapsed().as_secs_f64()
    );
    let pdf = docx.with_extension("pdf");
    assert!(pdf.is_file(), "no PDF from LibreOffice");
    pdf
}

fn count(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

/// A JSON percentage (61.7) as the report writes it ("61,7%"), "-" for null.
fn percent(v: &serde_json::Value) -> String {
    v.as_f64()
        .map_or("-".into(), |p| format!("{p:.1}%").replace('.', ","))
}

/// The first-column label of each measure in the report's tables.
fn label(code: &str) -> &'static str {
    match code {
        "gia-dinh" => "GĐHT (hộ)",
        "dong-ho" => "DHHT (dòng họ)",
        "cong-dong" => "CĐHT (thôn, TDP)",
        "don-vi" => "ĐVHT (đơn vị)",
        "cong-dan/cong-dong" => "CDHT - cộng đồng",
        "cong-dan/don-vi" => "CDHT - đơn vị",
        "cong-dan" => "CDHT - toàn xã",
        "cong-dan/ky-nang-so" => "KNS: có",
        "cong-dan/thanh-thao-ky-nang-so" => "KNS: thành thạo",
        other => panic!("unknown measure {other}"),
    }
}

#[test]
fn word_report_opens_in_libreoffice_as_a4_with_every_letter_and_the_json_figures() {
    tools();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    common::build(&db, common::SMALL);
    let docx = dir.path().join("bao-cao.docx");
    let sample = tone_letters();
    run(sohoctap(
        &db,
        &[
            "report",
            "--year",
            "2025",
            "--date",
            "2026-11-22",
            "--list",
            "--docx",
            "--out",
        ],
    )
    .arg(&docx)
    .args(["--signer", &sample]));
    let json: serde_json::Value = serde_json::from_slice(
        &run(&mut sohoctap(&db, &["report", "--year", "2025", "--json"])).stdout,
    )
    .expect("json");

    let pdf = to_pdf(&docx, dir.path());
    let (pages, size) = pdf_info(&pdf);
    assert!(size.contains("(A4)"), "{size}");
    assert!(pages >= 2, "{pages}");
    // Reading order for sentences (the letterhead's two columns stay apart), the layout
    // for table rows.
    let flat = squash(&pdf_text(&pdf, false));
    let text = pdf_text(&pdf, true);
    for letter in sample.chars() {
        assert!(
            text.contains(letter),
            "{letter} (U+{:04X}) lost",
            letter as u32
        );
    }
    for phrase in [
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "HỘI KHUYẾN HỌC XÃ YÊN MÔ",
        "Yên Mô, ngày 22 tháng 11 năm 2026",
        "KẾT QUẢ XÂY DỰNG CÁC MÔ HÌNH HỌC TẬP NĂM 2025",
        "Nơi nhận:",
        "TM. BAN CHẤP HÀNH",
        "DANH SÁCH ĐƠN VỊ, CÁ NHÂN ĐƯỢC CÔNG NHẬN NĂM 2025",
        "ĐÁNH GIÁ CHUNG",
        "[Đánh giá chung: kết quả nổi bật",
        "TỒN TẠI, HẠN CHẾ",
        "[Tồn tại, hạn chế và nguyên nhân.",
        "PHƯƠNG HƯỚNG NĂM TỚI",
        "[Phương hướng, nhiệm vụ năm tới",
    ] {
        assert!(flat.contains(&squash(phrase)), "missing {phrase:?}");
    }

    // Every measure's row holds the figures of `report --json`, in the columns' order.
    // The six measures, the whole commune's CDHT count, then the two digital-skills
    // shares.
    let titles = json["titles"].as_array().expect("titles");
    assert_eq!(titles.len(), 9);
    for t in titles {
        let name = label(t["title"].as_str().expect("code"));
        let n = |k: &str| count(t[k].as_u64().expect(k));
        let expected = [
            n("total"),
            n("registered"),
            percent(&t["percent_registered"]),
            n("recognised"),
            percent(&t["percent_of_total"]),
            percent(&t["percent_of_registered"]),
            percent(&t["target"]),
            t["gap"].as_u64().map_or("-".into(), count),
        ]
        .join(" ");
        let row = text
            .lines()
            .map(str::trim)
            .find(|l| l.starts_with(name))
            .unwrap_or_else(|| panic!("no row for {name}"));
        let figures: Vec<&str> = row
            .strip_prefix(name)
            .unwrap_or(row)
            .split_whitespace()
            .collect();
        assert_eq!(figures.join(" "), expected, "{name}");
    }

    // The page number is at the top of page 2 onwards, never on page 1.
    let by_page: Vec<&str> = text.split('\u{c}').collect();
    let first_line = |page: &str| {
        page.lines()
            .map(str::trim)
            .find(|l| !l.is_empty())
            .unwrap_or("")
            .to_string()
    };
    assert_ne!(first_line(by_page[0]), "1");
    assert_eq!(first_line(by_page[1]), "2");
}

#[test]
fn decision_and_scoring_sheet_open_in_libreoffice() {
    tools();
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    common::build(&db, common::SMALL);
    let docx = dir.path().join("quyet-dinh.docx");
    run(sohoctap(
        &db,
        &["decision", "--title", "gia-dinh", "--year", "2025", "--out"],
    )
    .arg(&docx));
    let pdf = to_pdf(&docx, dir.path());
    let (pages, size) = pdf_info(&pdf);
    assert!(size.contains("(A4)"), "{size}");
    assert!(pages >= 2, "the list starts on a page of its own");
    let flat = squash(&pdf_text(&pdf, false));
    // The scoring sheet of a household, the same way.
    let sheet = dir.path().join("phieu.docx");
    run(sohoctap(
        &db,
        &[
            "sheet", "--title", "gia-dinh", "--year", "2025", "--unit", "HO00001", "--out",
        ],
    )
    .arg(&sheet));
    let sheet_pdf = to_pdf(&sheet, dir.path());
    assert!(pdf_info(&sheet_pdf).1.contains("(A4)"));
    let sheet_text = squash(&pdf_text(&sheet_pdf, false));
    for phrase in [
        "PHIẾU CHẤM ĐIỂM",
        "Danh hiệu “Gia đình học tập” năm 2025",
        "Mã: HO00001",
        "Tổng điểm",
        "NGƯỜI CHẤM",
    ] {
        assert!(
            sheet_text.contains(&squash(phrase)),
            "sheet: missing {phrase:?}"
        );
    }
    // A thôn's six households in one document: each sheet starts a page of its own
    // and takes as many pages as one sheet alone (no blank page between them).
    let thon = dir.path().join("phieu-thon.docx");
    run(sohoctap(
        &db,
        &[
            "sheet",
            "--title",
            "gia-dinh",
            "--year",
            "2025",
            "--community",
            "TH001",
            "--out",
        ],
    )
    .arg(&thon));
    let thon_pdf = to_pdf(&thon, dir.path());
    let one = pdf_info(&sheet_pdf).0;
    assert_eq!(pdf_info(&thon_pdf).0, 6 * one, "{one} pages a sheet");
    let pages: Vec<String> = pdf_text(&thon_pdf, false)
        .split('\u{c}')
        .map(squash)
        .collect();
    let starts: Vec<usize> = pages
        .iter()
        .enumerate()
        .filter(|(_, p)| p.contains(&squash("PHIẾU CHẤM ĐIỂM")))
        .map(|(i, _)| i)
        .collect();
    assert_eq!(starts, (0..6).map(|k| k * one).collect::<Vec<_>>());
    // In name order, so each household is looked for on every first page.
    for n in 1..=6 {
        let code = format!("Mã:HO0000{n}");
        assert!(
            starts.iter().any(|&i| pages[i].contains(&code)),
            "HO0000{n} on the first page of a sheet"
        );
    }
    for phrase in [
        "ỦY BAN NHÂN DÂN XÃ YÊN MÔ",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Số: 125/QĐ-UBND",
        "QUYẾT ĐỊNH",
        "Về việc công nhận danh hiệu “Gia đình học tập” năm 2025",
        "TM. ỦY BAN NHÂN DÂN",
        "DANH SÁCH HỘ ĐƯỢC CÔNG NHẬN",
        "(Kèm theo Quyết định số 125/QĐ-UBND ngày 10 tháng 12 năm 2025",
    ] {
        assert!(flat.contains(&squash(phrase)), "missing {phrase:?}");
    }
}

/// cupsd, started by this test when it was not running, stopped when the test ends.
struct Scheduler(Option<std::process::Child>);

impl Drop for Scheduler {
    fn drop(&mut self) {
        if let Some(child) = &mut self.0 {
            let _ = child.kill();
            let _ = child.wait();
        }
    }
}

fn scheduler_running() -> bool {
    Command::new("lpstat")
        .arg("-r")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("is running"))
}

fn start_scheduler() -> Scheduler {
    if scheduler_running() {
        return Scheduler(None);
    }
    let child = Command::new(CUPSD)
        .arg("-f")
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("cannot start cupsd ({e}): the print test needs it"));
    let scheduler = Scheduler(Some(child));
    let deadline = Instant::now() + Duration::from_secs(20);
    while !scheduler_running() {
        assert!(Instant::now() < deadline, "cupsd did not start in 20 s");
        std::thread::sleep(Duration::from_millis(200));
    }
    scheduler
}

/// Where cups-pdf writes: `Out` in its configuration, `${HOME}/PDF` by default.
fn cups_pdf_folder() -> PathBuf {
    let home = std::env::var("HOME").unwrap_or_else(|_| "/root".into());
    let conf = std::fs::read_to_string("/etc/cups/cups-pdf.conf").unwrap_or_default();
    let out = conf
        .lines()
        .find_map(|l| l.strip_prefix("Out "))
        .unwrap_or("${HOME}/PDF")
        .trim()
        .replace("${HOME}", &home);
    PathBuf::from(out)
}

fn pdfs(folder: &Path) -> Vec<PathBuf> {
    std::fs::read_dir(folder)
        .map(|entries| {
            entries
                .filter_map(Result::ok)
                .map(|e| e.path())
                .filter(|p| p.extension().is_some_and(|x| x == "pdf"))
                .collect()
        })
        .unwrap_or_default()
}

/// Waits for the one new PDF cups-pdf writes for a job, whole.
fn next_pdf(folder: &Path, before: &[PathBuf]) -> PathBuf {
    let deadline = Instant::now() + Duration::from_secs(90);
    loop {
        let fresh: Vec<PathBuf> = pdfs(folder)
            .into_iter()
            .filter(|p| !before.contains(p))
            .collect();
        if let [pdf] = fresh.as_slice() {
            let size = std::fs::metadata(pdf).map(|m| m.len()).unwrap_or(0);
            std::thread::sleep(Duration::from_millis(500));
            if size > 0 && std::fs::metadata(pdf).map(|m| m.len()).unwrap_or(0) == size {
                return pdf.clone();
            }
        }
        assert!(
            Instant::now() < deadline,
            "cups-pdf wrote nothing in {} within 90 s (lpstat -W all -o)",
            folder.display()
        );
        std::thread::sleep(Duration::from_millis(300));
    }
}

/// The pages as grey pixels at 36 dpi.
fn raster(pdf: &Path, work: &Path, tag: &str) -> Vec<(usize, usize, Vec<u8>)> {
    let prefix = work.join(tag);
    run(Command::new("pdftoppm")
        .args(["-r", "36", "-gray"])
        .arg(pdf)
        .arg(&prefix));
    let mut files: Vec<PathBuf> = std::fs::read_dir(work)
        .expect("work")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with(&format!("{tag}-")))
        })
        .collect();
    files.sort();
    files
        .iter()
        .map(|f| pgm(&std::fs::read(f).expect("pgm")))
        .collect()
}

/// A binary PGM ("P5 w h 255\n" then the pixels).
fn pgm(bytes: &[u8]) -> (usize, usize, Vec<u8>) {
    let mut fields = Vec::new();
    let mut at = 0;
    while fields.len() < 4 {
        while bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        let start = at;
        while !bytes[at].is_ascii_whitespace() {
            at += 1;
        }
        fields.push(String::from_utf8_lossy(&bytes[start..at]).into_owned());
    }
    assert_eq!(fields[0], "P5");
    let (w, h): (usize, usize) = (fields[1].parse().unwrap(), fields[2].parse().unwrap());
    (w, h, bytes[at + 1..at + 1 + w * h].to_vec())
}

/// Mean difference of two pages' pixels, 0 (same) to 255.
fn difference(a: &(usize, usize, Vec<u8>), b: &(usize, usize, Vec<u8>)) -> f64 {
    assert_eq!((a.0, a.1), (b.0, b.1), "page sizes differ");
    let sum: u64 =
        a.2.iter()
            .zip(&b.2)
            .map(|(x, y)| u64::from(x.abs_diff(*y)))
            .sum();
    sum as f64 / a.2.len() as f64
}

/// One cups-pdf queue at a time: jobs land in one shared folder.
static PRINTING: Mutex<()> = Mutex::new(());

#[test]
fn printing_through_a_cups_pdf_queue_gives_the_report_pages_with_every_letter() {
    tools();
    let _one = PRINTING.lock().unwrap_or_else(|e| e.into_inner());
    let _scheduler = start_scheduler();
    run(Command::new("lpadmin").args(["-p", QUEUE, "-v", "cups-pdf:/", "-P", CUPS_PDF_PPD, "-E"]));
    let dir = tempfile::tempdir().expect("tempdir");
    let db = dir.path().join("so.redb");
    common::build(&db, common::SMALL);
    let args = ["report", "--year", "2025", "--date", "2026-11-22", "--list"];
    let text = String::from_utf8(run(&mut sohoctap(&db, &args)).stdout).expect("utf-8");
    let expected_pages = text.matches('\u{c}').count() + 1;

    // The renderer's own PDF: A4, the report's pages, the letters as text.
    let work = dir.path().join("work");
    std::fs::create_dir(&work).expect("work");
    let started = Instant::now();
    let rendered =
        sohoctap::print::render_pdf(&text, &work, &dir.path().join("lo")).expect("render");
    eprintln!(
        "paper_real_tools: rendering the text report took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (pages, size) = pdf_info(&rendered);
    assert_eq!(pages, expected_pages);
    assert!(size.contains("(A4)"), "{size}");
    let rendered_text = pdf_text(&rendered, true);
    assert!(rendered_text.contains("KẾT QUẢ"), "{rendered_text}");
    // Every line as the text report has it: 80 columns, nothing wrapped.
    let rendered_lines: Vec<String> = rendered_text.lines().map(squash).collect();
    for line in text
        .lines()
        .filter(|l| l.contains("HỘI KHUYẾN HỌC") || l.starts_with('|'))
    {
        let line = squash(line);
        assert!(rendered_lines.contains(&line), "{line:?} wrapped or lost");
    }
    let sample_text = format!(
        "KẾT QUẢ\n{}\n\u{c}{}\n",
        tone_letters(),
        tone_letters().to_lowercase()
    );
    let sample_work = dir.path().join("sample");
    std::fs::create_dir(&sample_work).expect("sample");
    let sample = sohoctap::print::render_pdf(&sample_text, &sample_work, &dir.path().join("lo"))
        .expect("render sample");
    let sample_pdf_text = pdf_text(&sample, false);
    for letter in tone_letters().chars() {
        assert!(
            sample_pdf_text.contains(letter),
            "{letter} (U+{:04X}) lost",
            letter as u32
        );
    }
    assert_eq!(pdf_info(&sample).0, 2, "a page per form feed");

    // Through CUPS: the report as the officer prints it.
    let folder = cups_pdf_folder();
    let before = pdfs(&folder);
    let started = Instant::now();
    run(sohoctap(&db, &args).arg("--print").env("PRINTER", QUEUE));
    let printed = next_pdf(&folder, &before);
    eprintln!(
        "paper_real_tools: report --print to a PDF through CUPS took {:.1} s",
        started.elapsed().as_secs_f64()
    );
    let (pages, size) = pdf_info(&printed);
    assert_eq!(pages, expected_pages, "{}", printed.display());
    assert!(size.contains("A4") || size.starts_with("595"), "{size}");
    // cups-pdf rewrites the PDF through PostScript and Ghostscript, which drops the text
    // layer (pdftotext reads nonsense there), so the printed pages are compared with the
    // renderer's pixel by pixel: same pages, same places, same letters.
    let ours = raster(&rendered, &work, "ours");
    let theirs = raster(&printed, &work, "cups");
    assert_eq!(ours.len(), theirs.len());
    for (i, (a, b)) in ours.iter().zip(&theirs).enumerate() {
        let d = difference(a, b);
        eprintln!(
            "paper_real_tools: printed page {} differs from the rendered one by {d:.3}/255",
            i + 1
        );
        assert!(
            d < 3.0,
            "page {} differs from the rendered one by {d:.2}",
            i + 1
        );
    }
    let _ = std::fs::remove_file(&printed);
    run(Command::new("lpadmin").args(["-x", QUEUE]));
}
