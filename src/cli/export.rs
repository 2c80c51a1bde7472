//! `sohoctap export csv|xlsx|json`: a list for Excel (CSV or a typed workbook), or the
//! whole register as an archive.

use super::args::{ExportCommand, ListKind};
use super::out::outln;
use super::{CliError, Env};
use crate::exchange::archive_stream::{ArchiveWriteError, write_archive};
use crate::exchange::{export_csv, export_xlsx};
use crate::model::UnitKind;
use crate::store::describe_io;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Said every time: the files hold names and birth years of the commune's people.
pub const PERSONAL_DATA_NOTICE: &str = "Lưu ý: tệp xuất có thông tin cá nhân của người dân; chỉ lưu ở máy của cơ quan, không gửi qua mạng công cộng.";

pub fn run(env: &Env, command: ExportCommand) -> Result<(), CliError> {
    let register = super::open_register_read_only(&env.db)?;
    match command {
        ExportCommand::Json { out, force } => {
            // Written record by record while the register is open: the archive of a
            // commune is never whole in memory.
            let written = export_json(&register.read()?, out.as_deref(), force, &env.db);
            register.close()?;
            written?;
        }
        ExportCommand::Csv {
            kind,
            year,
            out,
            force,
        } => {
            let bytes = export_csv(&register.read()?, unit_kind(kind), year)?;
            register.close()?;
            write_out(&bytes, out.map(|o| (o, force)).as_ref(), &env.db)?;
        }
        ExportCommand::Xlsx {
            kind,
            year,
            out,
            force,
        } => {
            let bytes = export_xlsx(&register.read()?, unit_kind(kind), year)?;
            register.close()?;
            write_out(&bytes, Some(&(out, force)), &env.db)?;
        }
    }
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

/// Writes the archive of `reader` to `out` (a file under the rules of `--out`) or to
/// standard output, as it is read.
fn export_json(
    reader: &crate::store::Reader,
    out: Option<&Path>,
    force: bool,
    db: &Path,
) -> Result<(), CliError> {
    // A read error is kept apart from write errors: it is the register's, not the file's.
    let mut read_error = None;
    let mut produce = |w: &mut dyn Write| match write_archive(reader, w) {
        Ok(()) => Ok(()),
        Err(ArchiveWriteError::Io(e)) => Err(e),
        Err(ArchiveWriteError::Store(e)) => {
            let text = e.to_string();
            read_error = Some(e);
            Err(std::io::Error::other(text))
        }
    };
    let written = match out {
        Some(path) => super::dest::write_out_with(path, &mut produce, force, db)
            .map(|()| outln!("Đã ghi {}", path.display())),
        None => {
            let mut stdout = std::io::BufWriter::new(std::io::stdout().lock());
            produce(&mut stdout)
                .and_then(|()| stdout.flush())
                .map_err(|e| CliError::runtime(format!("Không in ra được: {}", describe_io(&e))))
        }
    };
    match read_error {
        Some(e) => Err(e.into()),
        None => written,
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
