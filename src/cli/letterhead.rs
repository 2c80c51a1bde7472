//! `sohoctap letterhead`: the lines of the report the office fills in once (superior
//! body, number, place, signer, recipients). Without options it prints what the next
//! report will use; each option given replaces that one line, "" gives it back to the
//! usual line derived from the commune's name.

use super::args::LetterheadArgs;
use super::out::outln;
use super::{CliError, Env};
use crate::model::Letterhead;
use crate::text::clean_name;

pub fn run(env: &Env, args: &LetterheadArgs) -> Result<(), CliError> {
    let changing = args.superior.is_some()
        || args.issuing_body.is_some()
        || args.number.is_some()
        || args.place.is_some()
        || args.signer_title.is_some()
        || args.signer_name.is_some()
        || !args.recipients.is_empty()
        || args.usual_recipients;
    if !changing {
        let register = super::open_register_read_only(&env.db)?;
        let (commune, own) = {
            let reader = register.read()?;
            (reader.commune()?, reader.letterhead()?)
        };
        register.close()?;
        show(&commune, &own);
        return Ok(());
    }
    let register = super::open_register(&env.db)?;
    let mut own = register.read()?.letterhead()?;
    let set = |field: &mut String, value: &Option<String>| {
        if let Some(v) = value {
            *field = clean_name(v);
        }
    };
    set(&mut own.superior, &args.superior);
    set(&mut own.issuing_body, &args.issuing_body);
    set(&mut own.number, &args.number);
    set(&mut own.place, &args.place);
    set(&mut own.signer_title, &args.signer_title);
    set(&mut own.signer_name, &args.signer_name);
    if args.usual_recipients {
        own.recipients.clear();
    } else if !args.recipients.is_empty() {
        own.recipients = args.recipients.iter().map(|r| clean_name(r)).collect();
    }
    let problems: Vec<String> = crate::store::validate::letterhead_findings(&own)
        .into_iter()
        .map(|f| format!("--{}: {}", option_of(&f.field), f.message))
        .collect();
    if !problems.is_empty() {
        register.close()?;
        return Err(CliError::input(problems.join("\n")));
    }
    register.write(|w| w.set_letterhead(&own))?;
    let commune = register.read()?.commune()?;
    super::close_written(register)?;
    outln!("Đã ghi. Báo cáo từ nay dùng:");
    show(&commune, &own);
    Ok(())
}

/// The option that sets a field, for the message about it.
fn option_of(field: &str) -> String {
    if field.starts_with("recipients") {
        "recipient".into()
    } else {
        field.replace('_', "-")
    }
}

fn show(commune: &crate::model::Commune, own: &Letterhead) {
    let mark = |given: &str| {
        if given.trim().is_empty() {
            " (thường dùng)"
        } else {
            ""
        }
    };
    outln!(
        "Cơ quan cấp trên:  {}{}",
        own.superior_line(commune)
            .unwrap_or_else(|| "(không có)".into()),
        mark(&own.superior)
    );
    outln!(
        "Cơ quan ban hành:  {}{}",
        own.issuing_body_line(commune),
        mark(&own.issuing_body)
    );
    let number = own.number.trim();
    outln!(
        "Số văn bản:        {}",
        if number.is_empty() {
            "(để trống, ghi tay khi ký)"
        } else {
            number
        }
    );
    outln!(
        "Địa danh:          {}{}",
        own.place_line(commune),
        mark(&own.place)
    );
    outln!(
        "Người ký:          {}{}",
        own.signer_lines().join(" / "),
        mark(&own.signer_title)
    );
    outln!(
        "Họ tên người ký:   {}",
        own.signer_name_line()
            .unwrap_or_else(|| "(để trống, ký tay)".into())
    );
    let usual = if own.recipients.is_empty() {
        " (thường dùng)"
    } else {
        ""
    };
    outln!("Nơi nhận:{usual}");
    for r in own.recipient_lines() {
        outln!("  {r}");
    }
}
