//! The child process of the crash test (tests/crash.rs): scores cells of a register one
//! save at a time, printing the number of each save only after the register
//! acknowledged it, until it is killed.
//!
//! Usage: crash_writer REGISTER FIRST_CELL HOUSEHOLDS

// Test and benchmark code may stop at the first surprise; the program itself may not.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use sohoctap::criteria::{Catalog, IndicatorKind};
use sohoctap::model::{EvaluationKey, IndicatorValue, Stamp, Title};
use sohoctap::store::Register;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(path), Some(first), Some(households)) = (
        args.get(1).map(PathBuf::from),
        args.get(2).and_then(|s| s.parse::<usize>().ok()),
        args.get(3).and_then(|s| s.parse::<u32>().ok()),
    ) else {
        eprintln!("usage: crash_writer REGISTER FIRST_CELL HOUSEHOLDS");
        return ExitCode::from(2);
    };
    let Some(entry) = Catalog::shipped()
        .ok()
        .and_then(|c| c.in_force(Title::GiaDinh, 2025).cloned())
    else {
        return ExitCode::from(1);
    };
    let register = match Register::open(&path) {
        Ok(r) => r,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
    };
    let indicators: Vec<_> = entry.set.indicators().cloned().collect();
    let mut out = std::io::stdout().lock();
    for n in first.. {
        let indicator = &indicators[n % indicators.len()];
        // Household ids start at 1 after the community (id 1 of its own kind).
        let unit = (n / indicators.len()) as u32 % households + 1;
        let value = match indicator.kind {
            IndicatorKind::Points => IndicatorValue::Points((n as u16) % (indicator.max + 1)),
            IndicatorKind::PassFail => IndicatorValue::Pass(n.is_multiple_of(2)),
        };
        let key = EvaluationKey {
            year: 2025,
            title: Title::GiaDinh,
            unit,
        };
        if let Err(e) = sohoctap::app::set_score(
            &register,
            key,
            &indicator.code,
            Some(value),
            &entry,
            &Stamp::now(),
        ) {
            eprintln!("{e}");
            return ExitCode::from(1);
        }
        if writeln!(out, "{n}").and_then(|()| out.flush()).is_err() {
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}
