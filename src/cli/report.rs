//! `sohoctap report`: the year's summary, as the printed report (to the screen, a file
//! or the printer), as a Word document (`--docx`) or as JSON. The register is read by
//! [`crate::app::load_report_data`], which the app's Report screen calls too, so what it
//! previews is what this prints.

use super::args::ReportArgs;
use super::{CliError, Env};
use crate::app::{load_report_data, working_year};
use crate::report::docx::DocxOptions;
use crate::report::report_json;
use crate::report::text::{TextOptions, render, windows_bytes};
use std::io::Write;

pub fn run(env: &Env, args: &ReportArgs, ascii: bool) -> Result<(), CliError> {
    let year = args.year.unwrap_or_else(working_year);
    // Refuse to print before doing any work when there is no way to print.
    if args.print {
        crate::print::check_printer().map_err(print_error)?;
    }
    let register = super::open_register_read_only(&env.db)?;
    let data = {
        let reader = register.read()?;
        load_report_data(&reader, year, args.list)?
    };
    register.close()?;

    let today = args
        .date
        .unwrap_or_else(|| chrono::Local::now().date_naive());
    // Names come from the register, which may predate the refusal of control and
    // bidirectional characters on import: they are escaped, never sent raw.
    let bytes = if args.xlsx {
        crate::exchange::report_xlsx::report_xlsx(&data)?
    } else if args.json {
        let json = format!("{:#}\n", report_json(&data));
        crate::text::safe::escape_json(&json)
            .into_owned()
            .into_bytes()
    } else if args.docx {
        // The office edits the document in Word; --ascii is for printers, not for it.
        crate::report::docx::render(
            &data,
            &DocxOptions {
                today,
                list: args.list,
                signer: args.signer.clone(),
            },
        )
        .map_err(|e| CliError::runtime(e.to_string()))?
    } else {
        let text = render(
            &data,
            &TextOptions {
                today,
                ascii,
                list: args.list,
            },
        );
        let text = crate::text::escape_text(&text).into_owned();
        if args.windows {
            windows_bytes(&text)
        } else {
            text.into_bytes()
        }
    };

    if let Some(path) = &args.out {
        super::dest::write_out(path, &bytes, args.force, &env.db)?;
        eprintln!("Đã ghi báo cáo vào {}", path.display());
    }
    if args.print {
        let text = String::from_utf8_lossy(&bytes);
        let printed = crate::print::print_text(&text, &crate::print::spool_folder(&env.db))
            .map_err(print_error)?;
        match printed.file {
            Some(file) => eprintln!(
                "Đã gửi báo cáo tới máy in ({}, tệp {}).",
                printed.program,
                file.display()
            ),
            None => eprintln!("Đã gửi báo cáo tới máy in ({}).", printed.program),
        }
    }
    if args.out.is_none() && !args.print {
        let mut stdout = std::io::stdout().lock();
        stdout
            .write_all(&bytes)
            .and_then(|()| stdout.flush())
            // A reader that stopped early (`| head`) is not a failure.
            .or_else(|e| match e.kind() {
                std::io::ErrorKind::BrokenPipe => Ok(()),
                _ => Err(e),
            })
            .map_err(|e| {
                CliError::runtime(format!(
                    "Không in được ra màn hình: {}",
                    crate::text::describe_io(&e)
                ))
            })?;
    }
    Ok(())
}

/// The command line's advice on a failed print: write the report to a file instead.
fn print_error(e: crate::print::PrintError) -> CliError {
    match e {
        crate::print::PrintError::NoPrinter { .. }
        | crate::print::PrintError::MissingTools { .. } => CliError::runtime(format!(
            "{e}. Hãy ghi báo cáo ra tệp bằng --out TỆP rồi mở tệp đó để in."
        )),
        other => CliError::runtime(other.to_string()),
    }
}
