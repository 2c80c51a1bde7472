//! The command line: one definition per flag (clap derive), one file per subcommand.
//! Every subcommand returns `Result<(), CliError>`; `main` prints the error lines to
//! stderr and exits with the error's code (0 success, 1 runtime failure, 2 bad usage or
//! bad input).

mod args;
mod backup;
mod check;
mod criteria;
mod criteria_adopt;
mod criteria_table;
mod decision;
mod demo;
mod dest;
mod error;
mod export;
mod import;
mod import_scores;
mod init;
pub(crate) mod out;
mod paths;
mod recognise;
mod report;
mod rollup;
mod sheet;
mod targets;
mod usage;

pub use args::{Cli, Command, parse};
pub use error::CliError;
pub use paths::{Env, current_year, default_register_path};
pub use report::load_report_data;
pub use usage::explain as explain_usage_error;
pub use usage::help_text;

/// Opens the register for a subcommand. When it was written by an older program it has
/// just been backed up and migrated: the officer is told so (on stderr, so the output of
/// `--json` and `export` stays clean).
pub(crate) fn open_register(path: &std::path::Path) -> Result<crate::store::Register, CliError> {
    let register = crate::store::Register::open(path)?;
    if let Some(notice) = register.upgrade_notice() {
        eprintln!("{notice}");
    }
    Ok(register)
}

/// Opens the register for a command that only reads it (`check`, `report`, `export`):
/// not a byte is written, unless it was written by an older program, which is upgraded
/// first as [`open_register`] does, and the officer told.
pub(crate) fn open_register_read_only(
    path: &std::path::Path,
) -> Result<crate::store::ReadOnlyRegister, CliError> {
    let register = crate::store::ReadOnlyRegister::open(path)?;
    if let Some(notice) = register.upgrade_notice() {
        eprintln!("{notice}");
    }
    Ok(register)
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<(), CliError> {
    let env = Env::from_cli(&cli);
    // A name that cannot be stored is refused before anything is opened.
    env.officer()?;
    let outcome = dispatch(cli, &env);
    match (outcome, out::failure()) {
        (Ok(()), Some(reason)) => Err(CliError::runtime(format!(
            "Không ghi được kết quả ra đầu ra chuẩn: {reason}"
        ))),
        (outcome, _) => outcome,
    }
}

fn dispatch(cli: Cli, env: &Env) -> Result<(), CliError> {
    let env = env.clone();
    // A restore killed between its two renames is finished (or undone) before anything
    // looks for the register; the app does this itself, to show the message on screen.
    if cli.command.is_some()
        && let Some(said) = crate::store::backup::finish_interrupted_restore(&env.db)?
    {
        eprintln!("{said}");
    }
    match cli.command {
        None => crate::tui::run(&env, cli.ascii),
        Some(Command::Init(args)) => init::run(&env, &args),
        Some(Command::Criteria(args)) => criteria::run(&env, args),
        Some(Command::Check(args)) => check::run(&env, &args),
        Some(Command::Report(args)) => report::run(&env, &args, cli.ascii),
        Some(Command::Recognise(args)) => recognise::run(&env, &args),
        Some(Command::Decision(args)) => decision::run(&env, &args),
        Some(Command::Sheet(args)) => sheet::run(&env, &args),
        Some(Command::Demo(args)) => {
            let path = demo::demo_path(cli.db.as_deref());
            demo::run(&env, &path, &args, cli.ascii)
        }
        Some(Command::Import(args)) => import::run(&env, &args),
        Some(Command::Export(args)) => export::run(&env, args),
        Some(Command::Backup(args)) => backup::backup(&env, &args),
        Some(Command::Restore(args)) => backup::restore(&env, &args),
        Some(Command::Targets(args)) => targets::run(&env, args),
        Some(Command::Rollup(args)) => rollup::run(&env, &args, cli.ascii),
    }
}
