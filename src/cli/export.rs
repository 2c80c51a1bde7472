//! `sohoctap export csv|xlsx|json`: a list for Excel (CSV or a typed workbook), or the
//! whole register as an archive.

use super::args::{ExportCommand, ListKind};
use super::out::outln;
use super::{CliError, Env};
use crate::exchange::{archive_to_json, export_archive, export_csv, export_xlsx};
use crate::model::UnitKind;
use crate::store::describe_io;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Said every time: the files hold names and birth years of the commune's people.
pub const PERSONAL_DATA_NOTICE: &str = "Lưu ý: tệp xuất có thông tin cá nhân của người dân; chỉ lưu ở máy của cơ quan, không gửi qua mạng công cộng.";

pub fn run(env: &Env, command: ExportCommand) -> Result<(), CliError> {
    let register = super::open_register_read_only(&env.db)?;
    let (bytes, out) = {
        let reader = register.read()?;
        match command {
            ExportCommand::Csv {
                kind,
                year,
                out,
                force,
            } => (
                export_csv(&reader, unit_kind(kind), year)?,
                out.map(|o| (o, force)),
            ),
            ExportCommand::Xlsx {
                kind,
                year,
                out,
                force,
            } => (
                export_xlsx(&reader, unit_kind(kind), year)?,
                Some((out, force)),
            ),
            ExportCommand::Json { out, force } => (
                archive_to_json(&export_archive(&reader)?),
                out.map(|o| (o, force)),
            ),
        }
    };
    register.close()?;
    write_out(&bytes, out.as_ref(), &env.db)?;
    eprintln!("{PERSONAL_DATA_NOTICE}");
    Ok(())
}

fn unit_kind(kind: ListKind) -> UnitKind {
    match kind {
        ListKind::Communities => UnitKind::Community,
        ListKind::Households => UnitKind::Household,
        ListKind::Clans => UnitKind::Clan,
        ListKind::Organisations => UnitKind::Organisation,
        ListKind::Citizens => UnitKind::Citizen,
    }
}

fn write_out(bytes: &[u8], out: Option<&(PathBuf, bool)>, db: &Path) -> Result<(), CliError> {
    match out {
        Some((path, force)) => {
            super::dest::write_out(path, bytes, *force, db)?;
            outln!("Đã ghi {}", path.display());
        }
        None => {
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| CliError::runtime(format!("Không in ra được: {}", describe_io(&e))))?;
        }
    }
    Ok(())
}
