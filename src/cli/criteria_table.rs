//! `sohoctap criteria import FILE` and `criteria export ID --out FILE`: a criteria set
//! typed from the paper text into a table (or a TOML file) stored in the register as a
//! set the office entered, all or nothing; and a set written out as a file another
//! commune can import.

use super::args::CriteriaImportArgs;
use super::out::outln;
use super::recognise::parse_title;
use super::{CliError, Env};
use crate::criteria::table::looks_like_header;
use crate::criteria::{
    Catalog, CatalogEntry, CriteriaSet, Entry, SetFields, Status, parse_set, set_from_table,
    table_header, table_rows, to_csv, to_toml,
};
use crate::exchange::source::read_source;
use std::path::Path;

/// A criteria table is a page or two; anything much larger is not one.
const MAX_FILE_BYTES: u64 = 4 << 20;

/// The shipped sets, the office's folder, and the sets entered in the register (when
/// there is one), the latest version of each id winning.
pub fn catalog_with_register(env: &Env) -> Result<Catalog, CliError> {
    let catalog = env.catalog()?;
    if !env.db.exists() {
        return Ok(catalog);
    }
    let register = super::open_register_read_only(&env.db)?;
    let catalog = crate::app::with_office_sets(&register.read()?, catalog)?;
    register.close()?;
    Ok(catalog)
}

fn read_file(path: &Path) -> Result<Vec<u8>, CliError> {
    let name = path.display();
    let meta = std::fs::metadata(path).map_err(|e| {
        CliError::input(format!(
            "{name}: không đọc được tệp ({})",
            crate::text::describe_io(&e)
        ))
    })?;
    if !meta.is_file() {
        return Err(CliError::input(format!("{name}: không phải tệp thường")));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(CliError::input(format!(
            "{name}: tệp quá lớn cho một bảng tiêu chí ({} byte)",
            meta.len()
        )));
    }
    std::fs::read(path).map_err(|e| {
        CliError::input(format!(
            "{name}: không đọc được tệp ({})",
            crate::text::describe_io(&e)
        ))
    })
}

/// The set a file describes, checked whole; every problem named with line and column.
fn set_of_file(args: &CriteriaImportArgs) -> Result<CriteriaSet, CliError> {
    let name = args.file.display().to_string();
    let bytes = read_file(&args.file)?;
    let is_toml = args
        .file
        .extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("toml"));
    if is_toml {
        let text = String::from_utf8(bytes)
            .map_err(|_| CliError::input(format!("{name}: tệp không ở mã hóa UTF-8")))?;
        return parse_set(&name, &text).map_err(|errors| CliError {
            code: 2,
            lines: errors.iter().map(ToString::to_string).collect(),
        });
    }
    let title = args.title.as_deref().map(parse_title).transpose()?;
    let table =
        read_source(&bytes, args.sheet.as_deref(), &looks_like_header).map_err(|e| CliError {
            code: 2,
            lines: e
                .problems()
                .iter()
                .map(|p| format!("{name}: {p}"))
                .collect(),
        })?;
    let rows: Vec<(u64, Vec<String>)> = table
        .rows
        .into_iter()
        .map(|r| (r.line, r.fields.to_vec()))
        .collect();
    let file_name = args
        .file
        .file_name()
        .map_or_else(|| name.clone(), |n| n.to_string_lossy().into_owned());
    let fields = SetFields {
        id: args.id.clone(),
        title,
        name: args.name.clone(),
        from: args.from,
        to: args.to,
        source: args.source.clone(),
        min_total: args.min_total,
        checked: args.checked,
        from_what: format!("bảng {file_name}"),
    };
    set_from_table(&table.headers, table.header_line, &rows, &fields).map_err(|problems| {
        let mut lines: Vec<String> = problems.iter().map(|p| format!("{name}: {p}")).collect();
        lines.push(format!(
            "{name}: có {} lỗi; chưa lưu gì vào sổ. Sửa các ô trên rồi nhập lại.",
            problems.len()
        ));
        CliError { code: 2, lines }
    })
}

pub fn import(env: &Env, args: &CriteriaImportArgs) -> Result<(), CliError> {
    let mut set = set_of_file(args)?;
    if args.checked {
        set.status = Status::Verified;
    }
    let file_name = args
        .file
        .file_name()
        .map_or_else(String::new, |n| n.to_string_lossy().into_owned());
    set.entry = Some(Entry {
        stamp: env.stamp()?,
        how: format!("nhập từ tệp {file_name}"),
    });
    let hash = set.content_hash();
    let summary = format!(
        "{} (mã {}, {} chỉ số, tổng tối đa {}{}), {}",
        set.name,
        set.id,
        set.indicator_count(),
        set.max_total(),
        set.min_total
            .map(|m| format!(", đạt từ {m} điểm"))
            .unwrap_or_default(),
        set.provenance().label()
    );
    if args.dry_run {
        outln!("Hợp lệ, chưa lưu (--dry-run): {summary}");
        return Ok(());
    }
    let register = super::open_register(&env.db)?;
    let existed = register.write(|w| {
        let existed = w.criteria(&hash)?.is_some();
        w.remember_criteria(&hash, &set)?;
        Ok(existed)
    });
    super::close_written(register)?;
    if existed? {
        outln!("Sổ đã có đúng bộ này, không lưu thêm: {summary}");
    } else {
        outln!("Đã lưu vào sổ: {summary}");
    }
    outln!(
        "Đánh giá mới của danh hiệu {} từ năm {} dùng bộ này. Chuyển các đánh giá đã có của một năm sang bộ này: sohoctap criteria adopt {} --year NĂM",
        set.title.name(),
        set.valid_from,
        set.id
    );
    if set.status == Status::Provisional {
        outln!("Khi đã đối chiếu với văn bản gốc, nhập lại với --checked để ghi bộ là chính thức.");
    }
    Ok(())
}

/// The criteria table as an Excel workbook: the same header and cells as the CSV, codes
/// as text (so "1.1" never becomes a number), points as numbers.
fn workbook_of(set: &CriteriaSet) -> Result<Vec<u8>, CliError> {
    use crate::criteria::table::{CODE, CRITERION, SET_ID};
    use crate::exchange::xlsx_write::{XCell, XColumn, XSheet, workbook};
    let headers: Vec<String> = table_header().iter().map(|h| h.to_string()).collect();
    let columns = (0..headers.len())
        .map(|i| {
            if [CRITERION, CODE, SET_ID].contains(&i) {
                XColumn::Code
            } else {
                XColumn::Other
            }
        })
        .collect();
    let number_columns = [
        crate::criteria::table::MAX,
        crate::criteria::table::FLOOR,
        crate::criteria::table::CRITERION_MIN,
        crate::criteria::table::SET_FROM,
        crate::criteria::table::SET_TO,
        crate::criteria::table::SET_MIN_TOTAL,
    ];
    let rows = table_rows(set)
        .into_iter()
        .map(|row| {
            row.into_iter()
                .enumerate()
                .map(|(i, cell)| match cell.parse::<u32>() {
                    _ if cell.is_empty() => XCell::Empty,
                    Ok(n) if number_columns.contains(&i) => XCell::Number(f64::from(n)),
                    _ => XCell::Text(cell),
                })
                .collect()
        })
        .collect();
    workbook(&[XSheet {
        name: "Bộ tiêu chí".into(),
        headers,
        columns,
        rows,
    }])
    .map_err(|e| CliError::runtime(e.to_string()))
}

pub fn export(
    env: &Env,
    entry: &CatalogEntry,
    out: Option<&Path>,
    force: bool,
) -> Result<(), CliError> {
    let extension = out
        .and_then(|p| p.extension())
        .map(|x| x.to_string_lossy().to_lowercase());
    let bytes = match extension.as_deref() {
        Some("toml") => to_toml(&entry.set).into_bytes(),
        Some("xlsx") => workbook_of(&entry.set)?,
        _ => to_csv(&entry.set),
    };
    match out {
        Some(path) => {
            super::dest::write_out(path, &bytes, force, &env.db)?;
            eprintln!(
                "Đã ghi {} ({} chỉ số) ra {}",
                entry.set.id,
                entry.set.indicator_count(),
                path.display()
            );
            Ok(())
        }
        None => {
            use std::io::Write;
            let mut stdout = std::io::stdout().lock();
            stdout
                .write_all(&bytes)
                .and_then(|()| stdout.flush())
                .map_err(|e| {
                    CliError::runtime(format!(
                        "Không in ra được: {}",
                        crate::store::describe_io(&e)
                    ))
                })
        }
    }
}
