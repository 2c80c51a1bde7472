//! An error of the application layer with its cause kept, so each front end can put it
//! in its own words: the command line adds the command that helps, the app the key.
//! Below this layer nothing names a command or a key.

use crate::criteria::CriteriaError;
use crate::store::StoreError;

#[derive(Debug)]
pub enum AppError {
    /// The register refused or failed.
    Store(StoreError),
    /// The criteria sets (shipped or the office's folder) did not load.
    Criteria(Vec<CriteriaError>),
    /// A value given to the run that cannot be used (an option, an environment
    /// variable), said in Vietnamese with where it came from.
    Input(String),
    /// Anything else that stopped the work (the terminal, a signal handler), said in
    /// Vietnamese.
    Failed(String),
}

/// The help a front end adds to an error, each in its own words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Advice {
    /// There is no register yet: create one.
    CreateRegister,
    /// The register is damaged: restore a backup.
    RestoreBackup,
    /// The register lacks a record it refers to: check the whole register.
    CheckRegister,
}

impl Advice {
    /// The advice a store error calls for, if any.
    pub fn for_store(e: &StoreError) -> Option<Advice> {
        match e {
            StoreError::NotFound(_) => Some(Advice::CreateRegister),
            StoreError::Corrupted { .. } => Some(Advice::RestoreBackup),
            StoreError::MissingCriteria { .. } => Some(Advice::CheckRegister),
            _ => None,
        }
    }
}

impl AppError {
    /// The process exit code: bad input is 2, everything else 1.
    pub fn exit_code(&self) -> i32 {
        match self {
            AppError::Store(e) => e.exit_code(),
            AppError::Criteria(_) | AppError::Input(_) => 2,
            AppError::Failed(_) => 1,
        }
    }

    /// One Vietnamese line per problem, without advice; a library's English detail at
    /// the end of a store error is translated.
    pub fn lines(&self) -> Vec<String> {
        match self {
            AppError::Store(e) => vec![crate::text::english::in_vietnamese(&e.to_string())],
            AppError::Criteria(errors) => errors.iter().map(ToString::to_string).collect(),
            AppError::Failed(line) | AppError::Input(line) => vec![line.clone()],
        }
    }

    pub fn advice(&self) -> Option<Advice> {
        match self {
            AppError::Store(e) => Advice::for_store(e),
            AppError::Criteria(_) | AppError::Failed(_) | AppError::Input(_) => None,
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> AppError {
        AppError::Store(e)
    }
}

impl From<Vec<CriteriaError>> for AppError {
    fn from(errors: Vec<CriteriaError>) -> AppError {
        AppError::Criteria(errors)
    }
}
