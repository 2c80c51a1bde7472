//! `sohoctap report`: the year's summary.

use super::args::ReportArgs;
use super::paths::current_year;
use super::{CliError, Env};
use crate::report::{Summary, to_json};
use crate::store::Register;
use crate::tally::{Census, Tally};

pub fn run(env: &Env, args: &ReportArgs) -> Result<(), CliError> {
    let year = args.year.unwrap_or_else(current_year);
    let register = Register::open(&env.db)?;
    let summary = {
        let reader = register.read()?;
        let census = Census::load(&reader, year)?;
        let tally = Tally::compute(&census);
        Summary::build(&reader.commune()?, year, &tally, &reader.targets()?)
    };
    register.close()?;
    if args.json {
        println!("{:#}", to_json(&summary));
        return Ok(());
    }
    Err(CliError::input(
        "Báo cáo dạng văn bản đang được xây dựng; dùng --json",
    ))
}
