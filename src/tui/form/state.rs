//! The add/edit form of a unit: one field per value, per kind, on the app's form widget
//! (`widgets::form`), and the conversion back to a `Unit` with Vietnamese messages
//! beside each field that is wrong. No I/O here: the app looks codes up and writes the
//! unit in one transaction.

use crate::model::{
    Affiliation, Citizen, Clan, Community, CommunityKind, Gender, Household, OrgKind, Organisation,
    Unit, UnitId, UnitKind, UnitMeta, Year,
};
use crate::text::clean_name;

use crate::tui::widgets::form::{Field, Form};

/// The data a form needs from the register besides the unit itself.
#[derive(Debug, Clone, Default)]
pub struct FormChoices {
    pub communities: Vec<(UnitId, String)>,
    pub clans: Vec<(UnitId, String)>,
    /// The code to suggest for a new unit.
    pub next_code: String,
    /// The affiliation of a citizen, written as the household's or unit's code.
    pub affiliation_code: String,
}

/// The fields of the unit form; which of them a form has depends on the kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitField {
    Code,
    /// The unit's name: a thôn's, a clan's, an organisation's, a citizen's full name or
    /// a household head's.
    Name,
    /// A thôn's or an organisation's kind.
    Kind,
    Community,
    Clan,
    Members,
    Adults,
    Address,
    Branch,
    Head,
    Note,
    Staff,
    BirthYear,
    Gender,
    /// The citizen's household or organisation, by code.
    Affiliation,
    TargetGroup,
    Entered,
}

/// "No clan" in the clan choice; real ids start at 0, so the sentinel is the maximum.
const NO_CLAN: UnitId = UnitId::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormState {
    pub kind: UnitKind,
    /// The unit being edited; `None` for a new one.
    pub editing: Option<(UnitId, Unit)>,
    pub form: Form<UnitField>,
    /// The household picker over a citizen form (F3), while it is open.
    pub picker: Option<crate::tui::picker::PickerState>,
}

fn kinds<T: Copy>(all: &[T], label: impl Fn(T) -> &'static str) -> Vec<(UnitId, String)> {
    (0u32..)
        .zip(all.iter().map(|k| label(*k).to_string()))
        .collect()
}

impl FormState {
    /// A form for a new unit (`editing = None`) or for editing one.
    pub fn new(
        kind: UnitKind,
        editing: Option<(UnitId, Unit)>,
        choices: &FormChoices,
        year: Year,
    ) -> FormState {
        use UnitField as U;
        let unit = editing.as_ref().map(|(_, u)| u);
        let code = unit.map_or(choices.next_code.clone(), |u| u.code().to_string());
        let entered = unit.map_or(year, |u| u.meta().entered);
        let mut fields = vec![(U::Code, Field::text("Mã", &code, true))];
        match (kind, unit) {
            (UnitKind::Community, u) => {
                let c = match u {
                    Some(Unit::Community(c)) => Some(c),
                    _ => None,
                };
                fields.push((U::Name, Field::text("Tên", c.map_or("", |c| &c.name), true)));
                let k = c.map_or(CommunityKind::Thon, |c| c.kind);
                let index = CommunityKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
                fields.push((
                    U::Kind,
                    Field::choice(
                        "Loại",
                        kinds(&CommunityKind::ALL, CommunityKind::label),
                        index as UnitId,
                    ),
                ));
            }
            (UnitKind::Household, u) => {
                let h = match u {
                    Some(Unit::Household(h)) => Some(h),
                    _ => None,
                };
                fields.push((
                    U::Name,
                    Field::text("Chủ hộ (họ và tên)", h.map_or("", |h| &h.head_name), true),
                ));
                let first = choices.communities.first().map_or(0, |(id, _)| *id);
                fields.push((
                    U::Community,
                    Field::choice(
                        "Thôn",
                        choices.communities.clone(),
                        h.map_or(first, |h| h.community),
                    ),
                ));
                let mut clans = vec![(NO_CLAN, "(không có)".to_string())];
                clans.extend(choices.clans.iter().cloned());
                let mut clan =
                    Field::choice("Dòng họ", clans, h.and_then(|h| h.clan).unwrap_or(NO_CLAN));
                // "(không có)" is a valid answer: not every household belongs to a clan.
                clan.required = false;
                fields.push((U::Clan, clan));
                fields.push((
                    U::Members,
                    Field::number("Số nhân khẩu", h.map(|h| u64::from(h.members)), true),
                ));
                fields.push((
                    U::Adults,
                    Field::number("Số người từ 15 tuổi", h.map(|h| u64::from(h.adults)), true),
                ));
                fields.push((
                    U::Address,
                    Field::text("Địa chỉ", h.map_or("", |h| &h.address), false),
                ));
            }
            (UnitKind::Clan, u) => {
                let c = match u {
                    Some(Unit::Clan(c)) => Some(c),
                    _ => None,
                };
                fields.push((
                    U::Name,
                    Field::text("Tên dòng họ", c.map_or("", |c| &c.name), true),
                ));
                fields.push((
                    U::Branch,
                    Field::text(
                        "Chi (nếu theo chi)",
                        c.and_then(|c| c.branch.as_deref()).unwrap_or(""),
                        false,
                    ),
                ));
                fields.push((
                    U::Head,
                    Field::text("Trưởng họ", c.map_or("", |c| &c.head), false),
                ));
                fields.push((
                    U::Note,
                    Field::text("Ghi chú", c.map_or("", |c| &c.note), false),
                ));
            }
            (UnitKind::Organisation, u) => {
                let o = match u {
                    Some(Unit::Organisation(o)) => Some(o),
                    _ => None,
                };
                fields.push((
                    U::Name,
                    Field::text("Tên cơ quan, đơn vị", o.map_or("", |o| &o.name), true),
                ));
                let k = o.map_or(OrgKind::CoQuan, |o| o.kind);
                let index = OrgKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
                fields.push((
                    U::Kind,
                    Field::choice(
                        "Loại",
                        kinds(&OrgKind::ALL, OrgKind::label),
                        index as UnitId,
                    ),
                ));
                fields.push((
                    U::Staff,
                    Field::number("Số cán bộ, nhân viên", o.map(|o| u64::from(o.staff)), true),
                ));
            }
            (UnitKind::Citizen, u) => {
                let c = match u {
                    Some(Unit::Citizen(c)) => Some(c),
                    _ => None,
                };
                fields.push((
                    U::Name,
                    Field::text("Họ và tên", c.map_or("", |c| &c.full_name), true),
                ));
                fields.push((
                    U::BirthYear,
                    Field::number(
                        "Năm sinh",
                        c.and_then(|c| c.birth_year).map(u64::from),
                        false,
                    ),
                ));
                let g = c.map_or(Gender::Nam, |c| c.gender);
                let index = GENDERS.iter().position(|x| *x == g).unwrap_or(0);
                fields.push((
                    U::Gender,
                    Field::choice("Giới tính", kinds(&GENDERS, Gender::label), index as UnitId),
                ));
                fields.push((
                    U::Affiliation,
                    Field::text("Mã hộ hoặc mã đơn vị", &choices.affiliation_code, false),
                ));
                fields.push((
                    U::TargetGroup,
                    Field::number(
                        "Nhóm đối tượng (1–4)",
                        c.and_then(|c| c.target_group).map(u64::from),
                        false,
                    ),
                ));
            }
        }
        fields.push((
            U::Entered,
            Field::number("Năm vào sổ", Some(u64::from(entered)), true),
        ));
        FormState {
            kind,
            editing,
            form: Form::new(fields, U::Name),
            picker: None,
        }
    }

    /// The code typed, for the app's duplicate check.
    pub fn code(&self) -> String {
        self.form.value(UnitField::Code)
    }

    /// The affiliation code a citizen form holds ("" when none or another kind).
    pub fn affiliation_code(&self) -> String {
        self.form.value(UnitField::Affiliation)
    }

    /// Puts a code in the citizen's household field (chosen in the picker).
    pub fn set_affiliation(&mut self, code: &str) {
        if let Some(field) = self.form.field_mut(UnitField::Affiliation) {
            if let Some(input) = field.input_mut() {
                *input = crate::text::TextInput::with_value(code);
            }
            field.error = None;
            self.form.changed = true;
        }
    }

    /// The limits an import applies to the same fields (`exchange::cell_rules`): the
    /// code, an address, and every other text (names).
    fn check_lengths(&mut self) {
        use crate::exchange::cell_rules::{MAX_CODE, MAX_LONG_TEXT, MAX_NAME};
        let lengths: Vec<(UnitField, usize)> = self
            .form
            .fields()
            .filter_map(|(k, f)| Some((k, clean_name(f.input()?.value()).chars().count())))
            .collect();
        for (key, length) in lengths {
            let max = match key {
                UnitField::Code => MAX_CODE,
                UnitField::Address => MAX_LONG_TEXT,
                _ => MAX_NAME,
            };
            if length > max {
                self.form
                    .set_error(key, format!("Dài {length} ký tự, tối đa {max}"));
            }
        }
    }

    /// Checks every field and builds the unit; on failure every wrong field carries its
    /// message and the cursor goes to the first one. `affiliation` is the resolved
    /// citizen affiliation (the app looks the code up).
    pub fn build(&mut self, affiliation: Affiliation) -> Option<Unit> {
        use UnitField as U;
        self.form.clear_errors();
        let empty: Vec<UnitField> = self
            .form
            .fields()
            .filter(|(_, f)| {
                f.required && f.input().is_some_and(|t| clean_name(t.value()).is_empty())
            })
            .map(|(k, _)| k)
            .collect();
        for key in empty {
            self.form.set_error(key, "Không được để trống");
        }
        self.check_lengths();
        let code = self.code();
        if code.chars().any(char::is_whitespace) {
            self.form.set_error(U::Code, "Mã không được có dấu cách");
        } else if let Some(c) = code.chars().find(|c| !c.is_ascii_graphic()) {
            // A look-alike letter (Cyrillic "Н" for "H") would make a code no file matches.
            self.form.set_error(
                U::Code,
                format!(
                    "Mã chỉ gồm chữ không dấu, số, dấu câu; \"{c}\" (U+{:04X}) không được",
                    u32::from(c)
                ),
            );
        }
        let entered = self.number(U::Entered, 1900, 2100).unwrap_or(0);
        let left = self.editing.as_ref().and_then(|(_, u)| u.meta().left);
        let meta = UnitMeta {
            code,
            entered: entered as Year,
            left,
        };
        let t = |s: &Self, key: UnitField| s.form.value(key);
        let c = |s: &Self, key: UnitField| s.form.chosen(key).unwrap_or(0);
        let unit = match self.kind {
            UnitKind::Community => {
                let chosen = CommunityKind::ALL
                    .get(c(self, U::Kind) as usize)
                    .copied()
                    .unwrap_or(CommunityKind::Thon);
                // The list shows "<kind> <name>", so "Thôn Đông" typed as the name would
                // read "Thôn Thôn Đông". A kind word the officer typed wins over the
                // choice (which starts on Thôn whatever the place is), as in import.
                let (named, stripped) = crate::exchange::split_kind(&t(self, U::Name));
                let (kind, name) = match named {
                    Some(kind) => (kind, stripped),
                    None => (chosen, stripped),
                };
                Unit::Community(Community { meta, name, kind })
            }
            UnitKind::Household => {
                let members = self.number(U::Members, 1, 99).unwrap_or(0);
                let adults = self.number(U::Adults, 0, 99).unwrap_or(0);
                let unmarked = |s: &Self, key| s.form.field(key).is_some_and(|f| f.error.is_none());
                if adults > members && unmarked(self, U::Adults) && unmarked(self, U::Members) {
                    self.form.set_error(U::Adults, "Nhiều hơn số nhân khẩu");
                }
                if self.form.chosen(U::Community).is_none() {
                    self.form.set_error(U::Community, "Hãy thêm thôn trước");
                }
                let clan = c(self, U::Clan);
                Unit::Household(Household {
                    meta,
                    head_name: t(self, U::Name),
                    community: c(self, U::Community),
                    clan: (clan != NO_CLAN).then_some(clan),
                    members: members as u16,
                    adults: adults as u16,
                    address: t(self, U::Address),
                })
            }
            UnitKind::Clan => Unit::Clan(Clan {
                meta,
                name: t(self, U::Name),
                branch: Some(t(self, U::Branch)).filter(|b| !b.is_empty()),
                head: t(self, U::Head),
                note: t(self, U::Note),
            }),
            UnitKind::Organisation => Unit::Organisation(Organisation {
                meta,
                name: t(self, U::Name),
                kind: OrgKind::ALL
                    .get(c(self, U::Kind) as usize)
                    .copied()
                    .unwrap_or(OrgKind::Khac),
                staff: self.number(U::Staff, 0, 100_000).unwrap_or(0) as u32,
            }),
            UnitKind::Citizen => Unit::Citizen(Citizen {
                meta,
                full_name: t(self, U::Name),
                birth_year: self.number(U::BirthYear, 1900, 2100).map(|y| y as u16),
                gender: GENDERS
                    .get(c(self, U::Gender) as usize)
                    .copied()
                    .unwrap_or(Gender::Khac),
                affiliation,
                target_group: self.number(U::TargetGroup, 1, 4).map(|g| g as u8),
            }),
        };
        if self.form.focus_first_error() {
            return None;
        }
        Some(unit)
    }

    /// The number in field `key`, checked against `min..=max`; `None` when empty or
    /// wrong (and the field then carries the message).
    fn number(&mut self, key: UnitField, min: u64, max: u64) -> Option<u64> {
        let text = self.form.field(key)?.text_value();
        if text.is_empty() {
            return None;
        }
        match text.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.form.set_error(key, format!("Số từ {min} đến {max}"));
                None
            }
        }
    }
}

/// The genders in the form's order.
const GENDERS: [Gender; 3] = [Gender::Nam, Gender::Nu, Gender::Khac];
