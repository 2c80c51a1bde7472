//! `sohoctap init`: create a register for a commune.

use super::args::InitArgs;
use super::out::outln;
use super::{CliError, Env};
use crate::model::Commune;
use crate::store::Register;
use crate::text::clean_name;

pub fn run(env: &Env, args: &InitArgs) -> Result<(), CliError> {
    let commune = Commune {
        name: clean_name(&args.commune),
        province: clean_name(&args.province),
    };
    if commune.name.is_empty() {
        return Err(CliError::input(
            "Tên xã không được để trống (--commune \"Tên xã\")",
        ));
    }
    let register = Register::create(&env.db, &commune)?;
    register.close()?;
    outln!("Đã tạo sổ cho {}: {}", commune.name, env.db.display());
    Ok(())
}
