//! Usage errors in Vietnamese. clap finds them; the officer should not have to read
//! English to learn that an option is missing.

use clap::error::{ContextKind, ContextValue, ErrorKind};

fn context(e: &clap::Error, kind: ContextKind) -> String {
    match e.get(kind) {
        Some(ContextValue::String(s)) => s.clone(),
        Some(ContextValue::Strings(v)) => v.join(", "),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

/// One Vietnamese line for a usage error, or `None` for help and version output.
pub fn explain(e: &clap::Error) -> Option<String> {
    let arg = context(e, ContextKind::InvalidArg);
    let value = context(e, ContextKind::InvalidValue);
    let line = match e.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => return None,
        // `sohoctap criteria` alone: clap would show the help and exit 0, hiding that
        // nothing was done.
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "thiếu lệnh con (vd. sohoctap criteria list)".to_string()
        }
        // clap names the unknown command under its own context key, not the value's.
        ErrorKind::InvalidSubcommand => format!(
            "không có lệnh \"{}\"",
            context(e, ContextKind::InvalidSubcommand)
        ),
        ErrorKind::UnknownArgument => format!("không có tùy chọn \"{arg}\""),
        ErrorKind::MissingRequiredArgument => format!("thiếu {arg}"),
        ErrorKind::MissingSubcommand => "thiếu lệnh con".to_string(),
        ErrorKind::InvalidValue => {
            let valid = context(e, ContextKind::ValidValue);
            if valid.is_empty() {
                format!("giá trị \"{value}\" của {arg} không hợp lệ")
            } else {
                format!("giá trị \"{value}\" của {arg} không hợp lệ; dùng một trong: {valid}")
            }
        }
        ErrorKind::ValueValidation => format!("giá trị \"{value}\" của {arg} không hợp lệ"),
        ErrorKind::ArgumentConflict => format!("{arg} không dùng chung được với tùy chọn đã cho"),
        ErrorKind::TooManyValues | ErrorKind::WrongNumberOfValues => {
            format!("số giá trị của {arg} không đúng")
        }
        _ => "câu lệnh không hợp lệ".to_string(),
    };
    Some(format!("{line}. Xem hướng dẫn: sohoctap --help"))
}

/// The help text clap writes, with the words its templates keep in English put in
/// Vietnamese ("[OPTIONS]", "Possible values", "[env: …]"): the officer reads no
/// English anywhere.
pub fn help_text(e: &clap::Error) -> String {
    let text = e.render().to_string();
    [
        ("[OPTIONS]", "[TÙY_CHỌN]"),
        ("Possible values:", "Các giá trị:"),
        ("[possible values: ", "[các giá trị: "),
        ("[default: ", "[mặc định: "),
        ("[env: ", "[biến môi trường: "),
        ("[aliases: ", "[cũng viết: "),
    ]
    .iter()
    .fold(text, |t, (en, vi)| t.replace(en, vi))
}
