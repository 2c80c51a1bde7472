//! `sohoctap rollup FILE…`: the province association adds up its communes'
//! `report --json` files of one year (see `crate::rollup`). Reads only the files named;
//! never opens a register.

use super::args::RollupArgs;
use super::{CliError, Env};
use crate::rollup::{CommuneFile, combine, parse, render, to_json};
use std::io::Write;
use std::path::Path;

/// A report file is a few hundred kilobytes at most; anything far larger is not one.
const MAX_FILE: u64 = 64 * 1024 * 1024;

fn read_text(path: &Path) -> Result<String, String> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        format!(
            "Không đọc được tệp {name}: {}",
            crate::text::describe_io(&e)
        )
    })?;
    if meta.len() > MAX_FILE {
        return Err(format!(
            "Tệp {name} quá lớn ({} byte): không phải báo cáo JSON của một xã.",
            meta.len()
        ));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        format!(
            "Không đọc được tệp {name}: {}",
            crate::text::describe_io(&e)
        )
    })?;
    String::from_utf8(bytes).map_err(|_| format!("Tệp {name} không phải văn bản UTF-8."))
}

/// The communes that should have sent a file: one name a line, blank lines and lines
/// starting with `#` skipped.
fn expected(path: &Path) -> Result<Vec<String>, CliError> {
    let text = read_text(path).map_err(CliError::input)?;
    Ok(text
        .lines()
        .map(|l| crate::text::nfc(l.trim().trim_start_matches('\u{feff}')))
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .collect())
}

pub fn run(env: &Env, args: &RollupArgs, ascii: bool) -> Result<(), CliError> {
    let mut files: Vec<CommuneFile> = Vec::new();
    let mut problems = Vec::new();
    for path in &args.files {
        match read_text(path).and_then(|t| parse(&path.display().to_string(), &t)) {
            Ok(f) => files.push(f),
            Err(line) => problems.push(line),
        }
    }
    if !problems.is_empty() {
        return Err(CliError {
            code: 2,
            lines: problems,
        });
    }
    let expected = args.expect.as_deref().map(expected).transpose()?;
    let rollup =
        combine(files, expected.as_deref()).map_err(|lines| CliError { code: 2, lines })?;

    let text = if args.json {
        format!("{:#}\n", to_json(&rollup))
    } else {
        let today = args
            .date
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        render(&rollup, today, ascii)
    };
    // Names come from files the office did not write: never sent raw to a terminal.
    let text = if args.json {
        crate::text::safe::escape_json(&text).into_owned()
    } else {
        crate::text::escape_text(&text).into_owned()
    };
    if let Some(path) = &args.out {
        super::dest::write_out(path, text.as_bytes(), args.force, &env.db)?;
        eprintln!("Đã ghi bản tổng hợp vào {}", path.display());
        return Ok(());
    }
    let mut stdout = std::io::stdout().lock();
    stdout
        .write_all(text.as_bytes())
        .and_then(|()| stdout.flush())
        .or_else(|e| match e.kind() {
            std::io::ErrorKind::BrokenPipe => Ok(()),
            _ => Err(e),
        })
        .map_err(|e| {
            CliError::runtime(format!(
                "Không in được ra màn hình: {}",
                crate::text::describe_io(&e)
            ))
        })
}
