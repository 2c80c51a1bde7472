//! `sohoctap demo`: builds a register of a made-up commune to look around in, train on
//! or measure with, then opens the app on it. It lives beside the office's register
//! (`demo.redb`), and it only ever replaces a file that is itself a demo register, so
//! the office's real register can never be overwritten by it.

use super::args::{DemoArgs, DemoScale};
use super::out::outln;
use super::{CliError, Env, Next};
use crate::app::{current_year, default_register_path};
use crate::demo::{DemoSpec, DemoSummary, build};
use crate::model::Commune;
use crate::store::{Register, is_demo_register};
use crate::text::format_count;
use std::path::{Path, PathBuf};
use std::time::Instant;

/// The made-up commune's name.
const DEMO_COMMUNE: &str = "Xã Yên Hòa";
const DEMO_PROVINCE: &str = "Ninh Bình";

/// Where the demo register goes: `--db` when given on the command line, otherwise
/// `demo.redb` beside the default register. `SOHOCTAP_DB` names the office's real
/// register, so a path that only came from that variable is not used for the demo.
pub fn demo_path(db: Option<&Path>) -> PathBuf {
    let from_environment = std::env::var_os("SOHOCTAP_DB").map(PathBuf::from);
    match db {
        Some(path) if from_environment.as_deref() != Some(path) => path.to_path_buf(),
        _ => default_register_path().with_file_name("demo.redb"),
    }
}

pub fn run(env: &Env, path: &Path, args: &DemoArgs, ascii: bool) -> Result<Next, CliError> {
    let year = args.year.unwrap_or_else(current_year);
    if !(2000..=2100).contains(&year) {
        return Err(CliError::input(format!(
            "--year {year}: năm phải từ 2000 đến 2100"
        )));
    }
    let spec = match args.scale {
        DemoScale::Demo => DemoSpec::demo(year),
        DemoScale::Commune => DemoSpec::commune_scale(year),
    };
    let catalog = env.catalog()?;
    remove_old_demo(path)?;
    let commune = Commune {
        name: DEMO_COMMUNE.into(),
        province: DEMO_PROVINCE.into(),
    };
    let started = Instant::now();
    let register = Register::create(path, &commune)?;
    let summary = match build(&register, &spec, &catalog) {
        Ok(summary) => summary,
        Err(e) => {
            // A half-built demo is of no use to anyone; it holds nothing of the office's.
            drop(register);
            let _ = std::fs::remove_file(path);
            return Err(e.into());
        }
    };
    // Every year's counts kept, so the app's first frame on the demo reads one record
    // (a failure only makes that opening count the year from the census).
    let years: Vec<_> = (summary.first_year..=summary.last_year.max(year)).collect();
    let _ = crate::app::keep_tallies(&register, &years);
    // Built in many transactions: give the file back what they left free (a failed
    // compaction loses nothing).
    let _ = register.compact();
    register.close()?;
    print_summary(path, &summary, started.elapsed().as_secs_f64());
    if args.no_open {
        return Ok(Next::Done);
    }
    let demo_env = Env {
        db: path.to_path_buf(),
        criteria_dir: env.criteria_dir.clone(),
        officer: env.officer.clone(),
    };
    Ok(Next::OpenApp {
        env: demo_env,
        ascii,
    })
}

/// Deletes an earlier demo register at `path`; refuses anything else that is there.
fn remove_old_demo(path: &Path) -> Result<(), CliError> {
    let Ok(metadata) = std::fs::metadata(path) else {
        return Ok(());
    };
    if metadata.len() == 0 {
        return Ok(());
    }
    let refuse = || {
        CliError::input(format!(
            "Tệp {} đã có và không phải sổ mẫu; không ghi đè. Chọn tệp khác: sohoctap demo --db TỆP",
            path.display()
        ))
    };
    if !is_demo_register(path)? {
        return Err(refuse());
    }
    std::fs::remove_file(path).map_err(|e| {
        CliError::runtime(format!(
            "Không xóa được sổ mẫu cũ {}: {}",
            path.display(),
            crate::text::describe_io(&e)
        ))
    })
}

fn print_summary(path: &Path, s: &DemoSummary, seconds: f64) {
    let n = |x: usize| format_count(x as u64);
    outln!(
        "Đã tạo sổ mẫu của {DEMO_COMMUNE} (dữ liệu giả): {}",
        path.display()
    );
    outln!("  Thôn, tổ dân phố:  {:>9}", n(s.communities));
    outln!("  Hộ gia đình:       {:>9}", n(s.households));
    outln!("  Dòng họ:           {:>9}", n(s.clans));
    outln!("  Cơ quan, đơn vị:   {:>9}", n(s.organisations));
    outln!("  Công dân:          {:>9}", n(s.citizens));
    outln!("  Đã chuyển đi, giải thể: {}", n(s.archived));
    outln!(
        "  Lượt đánh giá {}–{}: {} (công nhận {}, chưa chấm xong {})",
        s.first_year,
        s.last_year,
        n(s.evaluations),
        n(s.recognised),
        n(s.partial)
    );
    outln!(
        "  Chỉ tiêu: Nghị quyết số 05-NQ/ĐU, {} chỉ tiêu (mốc 2025, 2030)",
        s.targets
    );
    outln!("  Thời gian tạo: {} giây", format_seconds(seconds));
}

/// Seconds with one decimal, Vietnamese style (1,5).
fn format_seconds(seconds: f64) -> String {
    let tenths = (seconds * 10.0).round() as u64;
    format!("{},{}", format_count(tenths / 10), tenths % 10)
}
