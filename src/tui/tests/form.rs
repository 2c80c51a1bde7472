//! The unit form on its own: messages beside the fields, the unit it builds.
use crate::model::{Affiliation, Unit, UnitKind};
use crate::tui::form::{FormChoices, FormState};

fn choices() -> FormChoices {
    FormChoices {
        communities: vec![(0, "Đông".into()), (1, "Tây".into())],
        clans: vec![(0, "Họ Nguyễn".into())],
        next_code: "HO00009".into(),
        affiliation_code: String::new(),
    }
}

#[test]
fn an_empty_household_form_names_every_missing_field() {
    let mut form = FormState::new(UnitKind::Household, None, &choices(), 2025);
    assert_eq!(form.build(Affiliation::None), None);
    assert_eq!(form.fields[1].error.as_deref(), Some("Không được để trống"));
    assert_eq!(form.fields[4].error.as_deref(), Some("Không được để trống"));
    assert_eq!(form.focus, 1);
}

#[test]
fn a_filled_household_form_builds_the_household() {
    let mut form = FormState::new(UnitKind::Household, None, &choices(), 2025);
    for (i, v) in [(1, "  Lê   Thị Hoa "), (4, "5"), (5, "3")] {
        if let Some(t) = form.fields[i].input_mut() {
            t.insert_str(v);
        }
    }
    form.focus = 2;
    form.cycle(true);
    let Some(Unit::Household(h)) = form.build(Affiliation::None) else {
        panic!("not built: {:?}", form.fields);
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
    for (i, v) in [(1, "Lê Hoa"), (4, "2"), (5, "3")] {
        if let Some(t) = form.fields[i].input_mut() {
            t.insert_str(v);
        }
    }
    assert_eq!(form.build(Affiliation::None), None);
    assert_eq!(
        form.fields[5].error.as_deref(),
        Some("Nhiều hơn số nhân khẩu")
    );
}

#[test]
fn a_thon_typed_with_its_kind_word_is_not_doubled() {
    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    if let Some(t) = form.fields[1].input_mut() {
        t.insert_str("Thôn Đông");
    }
    let Some(Unit::Community(c)) = form.build(Affiliation::None) else {
        panic!("not built: {:?}", form.fields);
    };
    assert_eq!(c.name, "Đông");
    assert_eq!(Unit::Community(c).display_name(), "Thôn Đông");
}

fn community_named(name: &str, kind_steps: usize) -> Option<Unit> {
    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    if let Some(t) = form.fields[1].input_mut() {
        t.insert_str(name);
    }
    form.focus = 2;
    for _ in 0..kind_steps {
        form.cycle(true);
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
    if let Some(t) = form.fields[1].input_mut() {
        t.insert_str(&"Đông".repeat(60));
    }
    assert!(form.build(Affiliation::None).is_none());
    let error = form.fields[1].error.clone().unwrap_or_default();
    assert!(error.contains("240") && error.contains("200"), "{error}");

    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    if let Some(t) = form.fields[0].input_mut() {
        t.clear();
        t.insert_str("ТН001");
    }
    if let Some(t) = form.fields[1].input_mut() {
        t.insert_str("Đông");
    }
    assert!(form.build(Affiliation::None).is_none());
    let error = form.fields[0].error.clone().unwrap_or_default();
    assert!(error.contains("U+0422"), "{error}");

    let mut form = FormState::new(UnitKind::Community, None, &choices(), 2025);
    if let Some(t) = form.fields[0].input_mut() {
        t.clear();
        t.insert_str(&"T".repeat(40));
    }
    if let Some(t) = form.fields[1].input_mut() {
        t.insert_str("Đông");
    }
    assert!(form.build(Affiliation::None).is_none());
    assert!(form.fields[0].error.is_some());
}
