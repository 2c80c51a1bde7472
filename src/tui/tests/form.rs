//! The unit form on its own: messages beside the fields, the unit it builds.
use crate::model::{Affiliation, Unit, UnitKind};
use crate::tui::action::Action;
use crate::tui::form::{FormChoices, FormState, UnitField};

fn choices() -> FormChoices {
    FormChoices {
        communities: vec![(0, "Đông".into()), (1, "Tây".into())],
        clans: vec![(0, "Họ Nguyễn".into())],
        next_code: "HO00009".into(),
        affiliation_code: String::new(),
    }
}

fn finding(form: &FormState, key: UnitField) -> Option<&str> {
    form.form.field(key).and_then(|f| f.error.as_deref())
}

fn type_into(form: &mut FormState, key: UnitField, text: &str) {
    if let Some(t) = form.form.field_mut(key).and_then(|f| f.input_mut()) {
        t.insert_str(text);
    }
}

fn retype(form: &mut FormState, key: UnitField, text: &str) {
    if let Some(t) = form.form.field_mut(key).and_then(|f| f.input_mut()) {
        t.clear();
    }
    type_into(form, key, text);
}

#[test]
fn an_empty_household_form_names_every_missing_field() {
    let mut form = FormState::new(UnitKind::Household, None, &choices(), 2025);
    assert_eq!(form.build(Affiliation::None), None);
    assert_eq!(finding(&form, UnitField::Name), Some("Không được để trống"));
    assert_eq!(
        finding(&form, UnitField::Members),
        Some("Không được để trống")
    );
    assert_eq!(form.form.focus(), UnitField::Name);
}

#[test]
fn a_filled_household_form_builds_the_household() {
    let mut form = FormState::new(UnitKind::Household, None, &choices(), 2025);
    for (key, v) in [
        (UnitField::Name, "  Lê   Thị Hoa "),
        (UnitField::Members, "5"),
        (UnitField::Adults, "3"),
    ] {
        type_into(&mut form, key, v);
    }
    form.form.focus_on(UnitField::Community);
    form.form.edit(&Action::Right);
    let Some(Unit::Household(h)) = form.build(Affiliation::None) else {
        panic!("not built: {:?}", form.form);
    };
    assert_eq!(h.head_name, "Lê Thị Hoa");
    assert_eq!(h.community, 1);
    assert_eq!(h.clan, None);
    assert_eq!((h.members, h.adults, h.meta.entered), (5, 3, 2025));
    assert_eq!(h.meta.code, "HO00009");
}

#[test]
fn more_adults_than_members_is_refused_beside_the_field() {
    let mut form = FormState::new(UnitKind::Household, None, &choices(), 2025);
    for (key, v) in [
        (UnitField::Name, "Lê Hoa"),
        (UnitField::Members, "2"),
        (UnitField::Adults, "3"),
    ] {
        type_into(&mut form, key, v);
    }
    assert_eq!(form.build(Affiliation::None), None);
    assert_eq!(
        finding(&form, UnitField::Adults),
        Some("Nhiều hơn số nhân khẩu")
    );
}

#[test]
fn a_thon_typed_with_its_kind_word_is_not_doubled() {
    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    type_into(&mut form, UnitField::Name, "Thôn Đông");
    let Some(Unit::Community(c)) = form.build(Affiliation::None) else {
        panic!("not built: {:?}", form.form);
    };
    assert_eq!(c.name, "Đông");
    assert_eq!(Unit::Community(c).display_name(), "Thôn Đông");
}

fn community_named(name: &str, kind_steps: usize) -> Option<Unit> {
    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    type_into(&mut form, UnitField::Name, name);
    form.form.focus_on(UnitField::Kind);
    for _ in 0..kind_steps {
        form.form.edit(&Action::Right);
    }
    form.build(Affiliation::None)
}

#[test]
fn a_community_named_with_its_kind_word_is_not_prefixed_twice() {
    use crate::model::CommunityKind;
    let Some(Unit::Community(c)) = community_named("Thôn Đông", 0) else {
        panic!("not built")
    };
    assert_eq!((c.kind, c.name.as_str()), (CommunityKind::Thon, "Đông"));
    assert_eq!(Unit::Community(c).display_name(), "Thôn Đông");
    // The choice starts on Thôn; the kind word typed says what the place is.
    let Some(Unit::Community(c)) = community_named("Tổ dân phố Bắc Sơn", 0) else {
        panic!("not built")
    };
    assert_eq!(
        (c.kind, c.name.as_str()),
        (CommunityKind::ToDanPho, "Bắc Sơn")
    );
    // A name without a kind word keeps the chosen kind; a bare kind word stays whole.
    let Some(Unit::Community(c)) = community_named("Đoài", 1) else {
        panic!("not built")
    };
    assert_eq!((c.kind, c.name.as_str()), (CommunityKind::Xom, "Đoài"));
}

/// The app refuses what an import of the same field refuses: an over-long name, an
/// over-long code, a code with a look-alike Cyrillic letter, each beside its field.
#[test]
fn over_long_text_and_look_alike_codes_are_refused_beside_the_field() {
    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    type_into(&mut form, UnitField::Name, &"Đông".repeat(60));
    assert!(form.build(Affiliation::None).is_none());
    let error = finding(&form, UnitField::Name)
        .unwrap_or_default()
        .to_string();
    assert!(error.contains("240") && error.contains("200"), "{error}");

    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    retype(&mut form, UnitField::Code, "ТН001");
    type_into(&mut form, UnitField::Name, "Đông");
    assert!(form.build(Affiliation::None).is_none());
    let error = finding(&form, UnitField::Code)
        .unwrap_or_default()
        .to_string();
    assert!(error.contains("U+0422"), "{error}");

    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    retype(&mut form, UnitField::Code, &"T".repeat(40));
    type_into(&mut form, UnitField::Name, "Đông");
    assert!(form.build(Affiliation::None).is_none());
    assert!(finding(&form, UnitField::Code).is_some());
}
