//! The command line: one definition per flag (clap derive), one file per subcommand.
//! Every subcommand returns `Result<(), CliError>`; `main` prints the error lines to
//! stderr and exits with the error's code (0 success, 1 runtime failure, 2 bad usage or
//! bad input). The work both front ends share is in [`crate::app`]; this module adds
//! the command line's words to its errors (the command that helps) and never opens the
//! app itself: it tells `main` to ([`Next::OpenApp`]).

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
mod letterhead;
mod merge;
pub(crate) mod out;
mod recognise;
mod report;
mod rollup;
mod sheet;
mod targets;
mod usage;

pub use args::{Cli, Command, parse};
pub use error::CliError;
pub use usage::explain as explain_usage_error;
pub use usage::help_text;

/// Opens the register for a subcommand. When it was written by an older program it has
/// just been backed up and migrated: the officer is told so (on stderr, so the output of
/// `--json` and `export` stays clean).
pub(crate) fn open_register(path: &std::path::Path) -> Result<crate::store::Register, CliError> {
    told_of_upgrade(crate::store::Register::open(path)?)
}

/// [`open_register`] for `import` of a list, with the larger page cache a large import
/// needs (see [`crate::store::Register::open_for_import`]).
pub(crate) fn open_register_for_import(
    path: &std::path::Path,
) -> Result<crate::store::Register, CliError> {
    told_of_upgrade(crate::store::Register::open_for_import(path)?)
}

/// The register, once the officer is told what opening it did (an upgrade), if anything.
fn told_of_upgrade(register: crate::store::Register) -> Result<crate::store::Register, CliError> {
    if let Some(notice) = register.upgrade_notice() {
        eprintln!("{notice}");
    }
    Ok(register)
}

/// Closes a register a command has written to, first keeping the counts of the years the
/// app opens on next (see [`crate::app::keep_tallies`]), so the next app session draws
/// its first frame from them instead of counting the year from every unit's links.
pub(crate) fn close_written(register: crate::store::Register) -> Result<(), CliError> {
    let years = crate::app::years_opened_next(chrono::Local::now().date_naive());
    // Only the next opening's speed depends on it (a full disk: counted then).
    let _ = crate::app::keep_tallies(&register, &years);
    register.close()?;
    Ok(())
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

use crate::app::Env;

/// What `main` does after a command line has run.
#[derive(Debug)]
pub enum Next {
    /// Nothing more: the command did its work.
    Done,
    /// Open the app on this register (no subcommand, or `demo` without `--no-open`).
    OpenApp { env: Env, ascii: bool },
}

/// The environment a command line names: `--db` (or the default register) and
/// `--criteria`.
pub fn env_of(cli: &Cli) -> Env {
    Env::new(cli.db.clone(), cli.criteria.clone()).with_officer(cli.officer.clone())
}

/// Runs a parsed command line.
pub fn run(cli: Cli) -> Result<Next, CliError> {
    let env = env_of(&cli);
    // A name that cannot be stored is refused before anything is opened.
    env.officer()?;
    let outcome = dispatch(cli, &env);
    match (outcome, out::failure()) {
        (Ok(_), Some(reason)) => Err(CliError::runtime(format!(
            "Không ghi được kết quả ra đầu ra chuẩn: {reason}"
        ))),
        (outcome, _) => outcome,
    }
}

fn dispatch(cli: Cli, env: &Env) -> Result<Next, CliError> {
    let env = env.clone();
    // A restore killed between its two renames is finished (or undone) before anything
    // looks for the register; the app does this itself, to show the message on screen.
    if cli.command.is_some()
        && let Some(said) = crate::store::backup::finish_interrupted_restore(&env.db)?
    {
        eprintln!("{said}");
    }
    let done = |outcome: Result<(), CliError>| outcome.map(|()| Next::Done);
    match cli.command {
        None => Ok(Next::OpenApp {
            env,
            ascii: cli.ascii,
        }),
        Some(Command::Demo(args)) => {
            let path = demo::demo_path(cli.db.as_deref());
            demo::run(&env, &path, &args, cli.ascii)
        }
        Some(Command::Init(args)) => done(init::run(&env, &args)),
        Some(Command::Criteria(args)) => done(criteria::run(&env, args)),
        Some(Command::Check(args)) => done(check::run(&env, &args)),
        Some(Command::Report(args)) => done(report::run(&env, &args, cli.ascii)),
        Some(Command::Recognise(args)) => done(recognise::run(&env, &args)),
        Some(Command::Decision(args)) => done(decision::run(&env, &args)),
        Some(Command::Sheet(args)) => done(sheet::run(&env, &args)),
        Some(Command::Import(args)) => done(import::run(&env, &args)),
        Some(Command::Export(args)) => done(export::run(&env, args)),
        Some(Command::Backup(args)) => done(backup::backup(&env, &args)),
        Some(Command::Restore(args)) => done(backup::restore(&env, &args)),
        Some(Command::Targets(args)) => done(targets::run(&env, args)),
        Some(Command::Rollup(args)) => done(rollup::run(&env, &args, cli.ascii)),
        Some(Command::Letterhead(args)) => done(letterhead::run(&env, &args)),
        Some(Command::Merge(args)) => done(merge::run(&env, &args)),
    }
}
