//! `sohoctap sheet`: scoring sheets (or, with `--registration`, registration forms) as
//! one Word document — of one unit (`--unit`), of every unit of the title in a thôn
//! (`--community`), or of every unit registered for the title this year
//! (`--all-registered`), each form on a new page. The units and their data come from
//! `app::forms`, the layout from `report::docx::forms`.

use super::args::SheetArgs;
use super::recognise::parse_title;
use super::{CliError, Env};
use crate::app::forms::{
    Form, FormError, by_community, load_forms, registered_units, sort_forms, units_in_community,
};
use crate::app::working_year;
use crate::model::{Title, Unit, UnitId, UnitKind};
use crate::report::docx::forms::{FormKind, render};
use crate::store::{ReadOnlyRegister, Reader};
use crate::text::format_count;

impl From<FormError> for CliError {
    fn from(e: FormError) -> CliError {
        match e {
            FormError::Store(e) => e.into(),
            other => CliError::input(other.to_string()),
        }
    }
}

pub fn run(env: &Env, args: &SheetArgs) -> Result<(), CliError> {
    let title = parse_title(&args.title)?;
    let year = args.year.unwrap_or_else(working_year);
    let kind = if args.registration {
        FormKind::Registration
    } else {
        FormKind::Sheet
    };
    let catalog = env.catalog()?;
    let register = ReadOnlyRegister::open(&env.db)?;
    let (commune, what, forms) = {
        let reader = register.read()?;
        let (what, forms) = chosen_forms(&reader, &catalog, args, title, year)?;
        (reader.commune()?, what, forms)
    };
    register.close()?;
    let bytes = render(
        kind,
        &commune,
        title,
        year,
        &what,
        forms.iter().map(|f| (&*f.set, &f.data)),
    )
    .map_err(|e| CliError::runtime(e.to_string()))?;
    super::dest::write_out(&args.out, &bytes, args.force, &env.db)?;
    eprintln!(
        "Đã ghi {} {} {} ({what}) vào {}",
        format_count(forms.len() as u64),
        kind.name(),
        title.short(),
        args.out.display()
    );
    Ok(())
}

/// The forms the arguments ask for, and words naming them.
fn chosen_forms(
    reader: &Reader,
    catalog: &crate::criteria::Catalog,
    args: &SheetArgs,
    title: Title,
    year: u16,
) -> Result<(String, Vec<Form>), CliError> {
    let unit_kind = title.unit_kind();
    let today = chrono::Local::now().date_naive();
    let census = crate::app::load_census(reader, year)?;
    if let Some(code) = &args.unit {
        let code = code.trim();
        let Some(id) = reader.unit_id(unit_kind, code)? else {
            return Err(CliError::input(format!(
                "Không có {} nào mã {code} trong sổ",
                unit_kind.counter()
            )));
        };
        let forms = load_forms(reader, catalog, &census, title, &[id], year, today)?;
        return Ok((code.to_string(), forms));
    }
    let (what, ids) = if let Some(code) = &args.community {
        let code = code.trim();
        if !by_community(title) {
            return Err(CliError::input(format!(
                "Danh hiệu {} không tính theo thôn: bỏ --community, dùng --unit MÃ hoặc --all-registered",
                title.name()
            )));
        }
        let id = find_community(reader, code)?;
        let name = reader
            .unit(UnitKind::Community, id)?
            .map(|u| u.display_name())
            .unwrap_or_else(|| code.to_string());
        let ids = units_in_community(&census, title, id);
        if ids.is_empty() {
            return Err(CliError::input(format!(
                "{name} không có {} nào trong sổ năm {year}",
                unit_kind.counter()
            )));
        }
        (name, ids)
    } else {
        let ids = registered_units(&census, title);
        if ids.is_empty() {
            return Err(CliError::input(format!(
                "Năm {year} chưa có {} nào đăng ký danh hiệu {}",
                unit_kind.counter(),
                title.name()
            )));
        }
        ("các đơn vị đã đăng ký".to_string(), ids)
    };
    let mut forms = load_forms(reader, catalog, &census, title, &ids, year, today)?;
    sort_forms(&mut forms);
    Ok((what, forms))
}

/// The thôn an officer names with `--community`: its code in any case ("th001"), or its
/// name without diacritics ("thon dong", "Đông"); several of one name are listed with
/// their codes to choose from.
fn find_community(reader: &crate::store::Reader, given: &str) -> Result<UnitId, CliError> {
    if let Some(id) = reader.unit_id(UnitKind::Community, given)? {
        return Ok(id);
    }
    if let Some(id) = reader.unit_id(UnitKind::Community, &given.to_uppercase())? {
        return Ok(id);
    }
    let wanted = crate::text::fold(given);
    let named: Vec<(UnitId, String, String)> = reader
        .units(UnitKind::Community)?
        .into_iter()
        .filter(|(_, u)| u.meta().left.is_none())
        .filter_map(|(id, u)| {
            let Unit::Community(c) = &u else {
                return None;
            };
            let same = crate::text::fold(&c.name) == wanted
                || crate::text::fold(&u.display_name()) == wanted;
            same.then(|| (id, u.code().to_string(), u.display_name()))
        })
        .collect();
    match named.as_slice() {
        [(id, _, _)] => Ok(*id),
        [] => Err(CliError::input(format!(
            "Không có thôn, tổ dân phố nào mã hoặc tên «{given}» trong sổ (xem mã các thôn: sohoctap export csv --kind communities)"
        ))),
        several => Err(CliError::input(format!(
            "Có {} thôn, tổ dân phố tên «{given}»: {}; ghi mã của thôn cần in",
            several.len(),
            several
                .iter()
                .map(|(_, code, name)| format!("{name} (mã {code})"))
                .collect::<Vec<_>>()
                .join(", ")
        ))),
    }
}
