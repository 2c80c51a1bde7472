//! Who makes a change. Commune offices share one Windows account, so the account's name
//! cannot tell which officer scored or decided. The officer's own name, asked once per
//! session in the app or given with `--officer` to a command, goes into the stamp of
//! every change beside the account it was made under; without a name the account alone
//! is recorded, as before.

use super::evaluation::current_user;

/// The longest officer name accepted (characters): a full Vietnamese name with a
/// position fits ("Nguyễn Thị Thanh Hương, cán bộ văn hóa - xã hội").
pub const MAX_OFFICER: usize = 60;

/// The officer's name as typed, cleaned (NFC, single spaces); `Ok(None)` when blank.
/// Refused, with the reason in Vietnamese, when longer than [`MAX_OFFICER`].
pub fn clean_officer(raw: &str) -> Result<Option<String>, String> {
    let name = crate::text::clean_name(raw);
    let length = name.chars().count();
    if length > MAX_OFFICER {
        return Err(format!(
            "Tên dài {length} ký tự, quá giới hạn {MAX_OFFICER} ký tự"
        ));
    }
    Ok(Some(name).filter(|n| !n.is_empty()))
}

/// The "who" stored with a change: "Nguyễn Văn A (máy: ketoan)" with an officer's name,
/// the account's name alone without one.
pub fn who(officer: Option<&str>) -> String {
    who_on(officer, &current_user())
}

fn who_on(officer: Option<&str>, account: &str) -> String {
    match officer.map(str::trim).filter(|n| !n.is_empty()) {
        // An unknown account, or one named like the officer, adds nothing.
        Some(name) if account == "(không rõ)" || account == name => name.to_string(),
        Some(name) => format!("{name} (máy: {account})"),
        None => account.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_comes_first_and_the_account_follows() {
        assert_eq!(
            who_on(Some("Nguyễn Văn A"), "user"),
            "Nguyễn Văn A (máy: user)"
        );
        assert_eq!(who_on(None, "user"), "user");
        assert_eq!(who_on(Some("  "), "user"), "user");
        assert_eq!(who_on(Some("Lan"), "(không rõ)"), "Lan");
        assert_eq!(who_on(Some("lan"), "lan"), "lan");
    }

    #[test]
    fn a_typed_name_is_cleaned_and_a_long_one_refused() {
        assert_eq!(
            clean_officer("  Nguye\u{302}\u{303}n   Văn A "),
            Ok(Some("Nguyễn Văn A".to_string()))
        );
        assert_eq!(clean_officer("   "), Ok(None));
        let long = "a".repeat(MAX_OFFICER + 1);
        assert!(clean_officer(&long).is_err_and(|e| e.contains("quá giới hạn")));
    }
}
