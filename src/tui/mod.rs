//! The terminal app (being built).

use crate::cli::{CliError, Env};

pub fn run(_env: &Env, _ascii: bool) -> Result<(), CliError> {
    Err(CliError::runtime("Giao diện đang được xây dựng"))
}
