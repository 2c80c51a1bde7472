//! `sohoctap`: parse the command line, run it, map errors to exit codes.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match sohoctap::cli::parse() {
        Ok(cli) => cli,
        Err(e) => {
            // Help and version are not errors; everything else is bad usage (exit 2).
            return match sohoctap::cli::explain_usage_error(&e) {
                None => {
                    print!("{}", sohoctap::cli::help_text(&e));
                    ExitCode::SUCCESS
                }
                Some(line) => {
                    eprintln!("sohoctap: {line}");
                    ExitCode::from(2)
                }
            };
        }
    };
    match sohoctap::cli::run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            // An error line may quote a file: escape what would drive the terminal.
            for line in &e.lines {
                eprintln!("sohoctap: {}", sohoctap::text::escape(line));
            }
            ExitCode::from(u8::try_from(e.code).unwrap_or(1))
        }
    }
}
