//! Where things live: the register file (flag, environment, or the user's data
//! directory) and the office's criteria folder.

use super::CliError;
use super::args::Cli;
use crate::criteria::Catalog;
use crate::model::Year;
use chrono::Datelike;
use std::path::PathBuf;

/// What every subcommand needs to know about its surroundings.
#[derive(Debug, Clone)]
pub struct Env {
    pub db: PathBuf,
    pub criteria_dir: Option<PathBuf>,
    /// The officer's name from `--officer` or `SOHOCTAP_OFFICER`, as given (checked by
    /// [`Env::officer`]).
    pub officer: Option<String>,
}

/// The default register: `<data dir>/sohoctap/so-hoc-tap.redb`
/// (`~/.local/share/sohoctap/` on Linux, `%APPDATA%\sohoctap\data\` on Windows).
pub fn default_register_path() -> PathBuf {
    directories::ProjectDirs::from("vn", "khuyenhoc", "sohoctap")
        .map(|d| d.data_dir().join("so-hoc-tap.redb"))
        .unwrap_or_else(|| PathBuf::from("so-hoc-tap.redb"))
}

impl Env {
    pub fn from_cli(cli: &Cli) -> Env {
        Env {
            db: cli.db.clone().unwrap_or_else(default_register_path),
            criteria_dir: cli.criteria.clone(),
            officer: cli.officer.clone(),
        }
    }

    /// The officer's name given to this run, cleaned; refused when too long.
    pub fn officer(&self) -> Result<Option<String>, CliError> {
        let Some(raw) = &self.officer else {
            return Ok(None);
        };
        crate::model::clean_officer(raw)
            .map_err(|e| CliError::input(format!("--officer (biến SOHOCTAP_OFFICER): {e}")))
    }

    /// Who and when for a change made by this command: the officer given with
    /// `--officer`, else the OS account (see [`crate::model::who`]).
    pub fn stamp(&self) -> Result<crate::model::Stamp, CliError> {
        Ok(crate::model::Stamp::by(self.officer()?.as_deref()))
    }

    /// The criteria sets: shipped plus the office's folder.
    pub fn catalog(&self) -> Result<Catalog, CliError> {
        let catalog = Catalog::load(self.criteria_dir.as_deref()).map_err(CliError::from)?;
        for note in &catalog.skipped {
            eprintln!("{note}");
        }
        Ok(catalog)
    }
}

/// This year, by the local clock: the default data year.
pub fn current_year() -> Year {
    Year::try_from(chrono::Local::now().year()).unwrap_or(2025)
}
