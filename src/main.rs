//! `sohoctap`: parse the command line, then run a subcommand (`cli`) or open the app
//! (`tui`), and map errors to exit codes.

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
    let outcome = match sohoctap::cli::run(cli) {
        Ok(sohoctap::cli::Next::Done) => Ok(()),
        // An error of the app is printed after the screen is restored, at the shell
        // prompt: the command line's advice (a command to run) is the one that helps.
        Ok(sohoctap::cli::Next::OpenApp { env, ascii }) => {
            sohoctap::tui::run(&env, ascii).map_err(sohoctap::cli::CliError::from)
        }
        Err(e) => Err(e),
    };
    match outcome {
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
