//! Where things live: the register file (flag, environment, or the user's data
//! directory) and the office's criteria folder; and which year it is.

use super::AppError;
use crate::criteria::Catalog;
use crate::model::Year;
use crate::store::Reader;
use chrono::Datelike;
use std::path::PathBuf;

/// What every subcommand and the app need to know about their surroundings.
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
    /// The register at `db` (the default one when not given) and the office's criteria
    /// folder, when given.
    pub fn new(db: Option<PathBuf>, criteria_dir: Option<PathBuf>) -> Env {
        Env {
            db: db.unwrap_or_else(default_register_path),
            criteria_dir,
            officer: None,
        }
    }

    /// The same surroundings with the officer's name given to this run (`--officer`,
    /// `SOHOCTAP_OFFICER`), checked when first used.
    pub fn with_officer(mut self, officer: Option<String>) -> Env {
        self.officer = officer;
        self
    }

    /// The officer's name given to this run, cleaned; refused when too long.
    pub fn officer(&self) -> Result<Option<String>, AppError> {
        let Some(raw) = &self.officer else {
            return Ok(None);
        };
        crate::model::clean_officer(raw)
            .map_err(|e| AppError::Input(format!("--officer (biến SOHOCTAP_OFFICER): {e}")))
    }

    /// Who and when for a change made by this run: the officer given with `--officer`,
    /// else the OS account (see [`crate::model::who`]).
    pub fn stamp(&self) -> Result<crate::model::Stamp, AppError> {
        Ok(crate::model::Stamp::by(self.officer()?.as_deref()))
    }

    /// The criteria sets: shipped plus the office's folder. A file of the folder that
    /// was skipped is said on stderr, before any screen opens.
    pub fn catalog(&self) -> Result<Catalog, AppError> {
        let catalog = Catalog::load(self.criteria_dir.as_deref()).map_err(AppError::Criteria)?;
        for note in &catalog.skipped {
            eprintln!("{note}");
        }
        Ok(catalog)
    }
}

/// The catalogue with the sets the office entered in the register (`criteria import`)
/// added, so a set the office entered is the one in force for new evaluations.
pub fn with_office_sets(reader: &Reader, mut catalog: Catalog) -> crate::store::Result<Catalog> {
    catalog.add_office(reader.office_criteria()?);
    Ok(catalog)
}

/// The year the app opens on: in January the office is still finishing the year just
/// ended (decisions, the report), so it opens there rather than on a new, empty year.
pub fn opening_year(today: chrono::NaiveDate) -> Option<Year> {
    let year = Year::try_from(today.year()).ok()?;
    Some(if today.month() == 1 { year - 1 } else { year })
}

/// The years the app opens on from `today` on: the year it opens on now and, in
/// January, the new calendar year too, which it opens on from February. Their counts
/// are kept for the next openings' first frames.
pub fn years_opened_next(today: chrono::NaiveDate) -> Vec<Year> {
    let mut years: Vec<Year> = [opening_year(today), Year::try_from(today.year()).ok()]
        .into_iter()
        .flatten()
        .collect();
    years.dedup();
    years
}

/// The year a command works on when none is given, by the local clock: the year the
/// app opens on (in January the year just ended, which the office is still finishing:
/// its decisions, its report by 15 January).
pub fn working_year() -> Year {
    opening_year(chrono::Local::now().date_naive()).unwrap_or_else(current_year)
}

/// This year, by the local clock.
pub fn current_year() -> Year {
    Year::try_from(chrono::Local::now().year()).unwrap_or(2025)
}
