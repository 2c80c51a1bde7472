//! The add/edit form of a unit: one field per value, per kind, and the conversion back
//! to a `Unit` with Vietnamese messages beside each field that is wrong. No I/O here:
//! the app looks codes up and writes the unit in one transaction.

use crate::model::{
    Affiliation, Citizen, Clan, Community, CommunityKind, Gender, Household, OrgKind, Organisation,
    Unit, UnitId, UnitKind, UnitMeta, Year,
};
use crate::text::clean_name;

pub use crate::tui::widgets::form::{Field, FieldValue};

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

/// "No clan" in the clan choice; real ids start at 0, so the sentinel is the maximum.
const NO_CLAN: UnitId = UnitId::MAX;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormState {
    pub kind: UnitKind,
    /// The unit being edited; `None` for a new one.
    pub editing: Option<(UnitId, Unit)>,
    pub fields: Vec<Field>,
    pub focus: usize,
    pub changed: bool,
    /// The household picker over a citizen form (F3), while it is open.
    pub picker: Option<super::picker::PickerState>,
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
        let unit = editing.as_ref().map(|(_, u)| u);
        let code = unit.map_or(choices.next_code.clone(), |u| u.code().to_string());
        let entered = unit.map_or(year, |u| u.meta().entered);
        let mut fields = vec![Field::text("Mã", &code, true)];
        match (kind, unit) {
            (UnitKind::Community, u) => {
                let c = match u {
                    Some(Unit::Community(c)) => Some(c),
                    _ => None,
                };
                fields.push(Field::text("Tên", c.map_or("", |c| &c.name), true));
                let k = c.map_or(CommunityKind::Thon, |c| c.kind);
                let index = CommunityKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
                fields.push(Field::choice(
                    "Loại",
                    kinds(&CommunityKind::ALL, CommunityKind::label),
                    index as UnitId,
                ));
            }
            (UnitKind::Household, u) => {
                let h = match u {
                    Some(Unit::Household(h)) => Some(h),
                    _ => None,
                };
                fields.push(Field::text(
                    "Chủ hộ (họ và tên)",
                    h.map_or("", |h| &h.head_name),
                    true,
                ));
                let first = choices.communities.first().map_or(0, |(id, _)| *id);
                fields.push(Field::choice(
                    "Thôn",
                    choices.communities.clone(),
                    h.map_or(first, |h| h.community),
                ));
                let mut clans = vec![(NO_CLAN, "(không có)".to_string())];
                clans.extend(choices.clans.iter().cloned());
                let mut clan =
                    Field::choice("Dòng họ", clans, h.and_then(|h| h.clan).unwrap_or(NO_CLAN));
                // "(không có)" is a valid answer: not every household belongs to a clan.
                clan.required = false;
                fields.push(clan);
                fields.push(Field::number(
                    "Số nhân khẩu",
                    h.map(|h| u64::from(h.members)),
                    true,
                ));
                fields.push(Field::number(
                    "Số người từ 15 tuổi",
                    h.map(|h| u64::from(h.adults)),
                    true,
                ));
                fields.push(Field::text("Địa chỉ", h.map_or("", |h| &h.address), false));
            }
            (UnitKind::Clan, u) => {
                let c = match u {
                    Some(Unit::Clan(c)) => Some(c),
                    _ => None,
                };
                fields.push(Field::text("Tên dòng họ", c.map_or("", |c| &c.name), true));
                fields.push(Field::text(
                    "Chi (nếu theo chi)",
                    c.and_then(|c| c.branch.as_deref()).unwrap_or(""),
                    false,
                ));
                fields.push(Field::text("Trưởng họ", c.map_or("", |c| &c.head), false));
                fields.push(Field::text("Ghi chú", c.map_or("", |c| &c.note), false));
            }
            (UnitKind::Organisation, u) => {
                let o = match u {
                    Some(Unit::Organisation(o)) => Some(o),
                    _ => None,
                };
                fields.push(Field::text(
                    "Tên cơ quan, đơn vị",
                    o.map_or("", |o| &o.name),
                    true,
                ));
                let k = o.map_or(OrgKind::CoQuan, |o| o.kind);
                let index = OrgKind::ALL.iter().position(|x| *x == k).unwrap_or(0);
                fields.push(Field::choice(
                    "Loại",
                    kinds(&OrgKind::ALL, OrgKind::label),
                    index as UnitId,
                ));
                fields.push(Field::number(
                    "Số cán bộ, nhân viên",
                    o.map(|o| u64::from(o.staff)),
                    true,
                ));
            }
            (UnitKind::Citizen, u) => {
                let c = match u {
                    Some(Unit::Citizen(c)) => Some(c),
                    _ => None,
                };
                fields.push(Field::text(
                    "Họ và tên",
                    c.map_or("", |c| &c.full_name),
                    true,
                ));
                fields.push(Field::number(
                    "Năm sinh",
                    c.and_then(|c| c.birth_year).map(u64::from),
                    false,
                ));
                let g = c.map_or(Gender::Nam, |c| c.gender);
                let genders = [Gender::Nam, Gender::Nu, Gender::Khac];
                let index = genders.iter().position(|x| *x == g).unwrap_or(0);
                fields.push(Field::choice(
                    "Giới tính",
                    kinds(&genders, Gender::label),
                    index as UnitId,
                ));
                fields.push(Field::text(
                    "Mã hộ hoặc mã đơn vị",
                    &choices.affiliation_code,
                    false,
                ));
                fields.push(Field::number(
                    "Nhóm đối tượng (1–4)",
                    c.and_then(|c| c.target_group).map(u64::from),
                    false,
                ));
            }
        }
        fields.push(Field::number("Năm vào sổ", Some(u64::from(entered)), true));
        let focus = 1.min(fields.len().saturating_sub(1));
        FormState {
            kind,
            editing,
            fields,
            focus,
            changed: false,
            picker: None,
        }
    }

    pub fn focused(&self) -> Option<&Field> {
        self.fields.get(self.focus)
    }

    pub fn focused_mut(&mut self) -> Option<&mut Field> {
        self.fields.get_mut(self.focus)
    }

    pub fn next(&mut self) {
        self.focus = (self.focus + 1) % self.fields.len().max(1);
    }

    pub fn prev(&mut self) {
        let n = self.fields.len().max(1);
        self.focus = (self.focus + n - 1) % n;
    }

    /// ← / → on a choice: the previous or next option.
    pub fn cycle(&mut self, forward: bool) {
        if let Some(Field {
            value: FieldValue::Choice { options, index },
            error,
            ..
        }) = self.focused_mut()
        {
            let n = options.len().max(1);
            *index = if forward {
                (*index + 1) % n
            } else {
                (*index + n - 1) % n
            };
            *error = None;
            self.changed = true;
        }
    }

    /// The code typed in the field at `index`, for the app's duplicate check.
    pub fn code(&self) -> String {
        self.fields
            .first()
            .map(Field::text_value)
            .unwrap_or_default()
    }

    /// The index of the citizen form's household (or organisation) code field.
    pub const AFFILIATION: usize = 4;

    /// The affiliation code a citizen form holds ("" when none or another kind).
    pub fn affiliation_code(&self) -> String {
        match self.kind {
            UnitKind::Citizen => self
                .fields
                .get(4)
                .map(Field::text_value)
                .unwrap_or_default(),
            _ => String::new(),
        }
    }

    pub fn set_error(&mut self, index: usize, message: impl Into<String>) {
        if let Some(f) = self.fields.get_mut(index) {
            f.error = Some(message.into());
        }
    }

    pub fn first_error(&self) -> Option<usize> {
        self.fields.iter().position(|f| f.error.is_some())
    }

    /// The limits an import applies to the same fields (`exchange::cell_rules`): the
    /// code, an address, and every other text (names).
    fn check_lengths(&mut self) {
        use crate::exchange::cell_rules::{MAX_CODE, MAX_LONG_TEXT, MAX_NAME};
        for i in 0..self.fields.len() {
            let Some(length) = self.fields[i]
                .input()
                .map(|t| clean_name(t.value()).chars().count())
            else {
                continue;
            };
            let max = match (i, self.fields[i].label) {
                (0, _) => MAX_CODE,
                (_, label) if label.starts_with("Địa chỉ") => MAX_LONG_TEXT,
                _ => MAX_NAME,
            };
            if length > max {
                self.set_error(i, format!("Dài {length} ký tự, tối đa {max}"));
            }
        }
    }

    /// Checks every field and builds the unit; on failure every wrong field carries its
    /// message and the cursor goes to the first one. `affiliation` is the resolved
    /// citizen affiliation (the app looks the code up).
    pub fn build(&mut self, affiliation: Affiliation) -> Option<Unit> {
        for f in &mut self.fields {
            f.error = None;
        }
        for i in 0..self.fields.len() {
            let f = &self.fields[i];
            if f.required && f.input().is_some_and(|t| clean_name(t.value()).is_empty()) {
                self.set_error(i, "Không được để trống");
            }
        }
        self.check_lengths();
        let code = self.code();
        if code.chars().any(char::is_whitespace) {
            self.set_error(0, "Mã không được có dấu cách");
        } else if let Some(c) = code.chars().find(|c| !c.is_ascii_graphic()) {
            // A look-alike letter (Cyrillic "Н" for "H") would make a code no file matches.
            self.set_error(
                0,
                format!(
                    "Mã chỉ gồm chữ không dấu, số, dấu câu; \"{c}\" (U+{:04X}) không được",
                    u32::from(c)
                ),
            );
        }
        let last = self.fields.len() - 1;
        let entered = self.number(last, 1900, 2100).unwrap_or(0);
        let left = self.editing.as_ref().and_then(|(_, u)| u.meta().left);
        let meta = UnitMeta {
            code,
            entered: entered as Year,
            left,
        };
        let t = |s: &Self, i: usize| s.fields.get(i).map(Field::text_value).unwrap_or_default();
        let c = |s: &Self, i: usize| s.fields.get(i).and_then(Field::chosen).unwrap_or(0);
        let unit = match self.kind {
            UnitKind::Community => {
                let chosen = CommunityKind::ALL
                    .get(c(self, 2) as usize)
                    .copied()
                    .unwrap_or(CommunityKind::Thon);
                // The list shows "<kind> <name>", so "Thôn Đông" typed as the name would
                // read "Thôn Thôn Đông". A kind word the officer typed wins over the
                // choice (which starts on Thôn whatever the place is), as in import.
                let (named, stripped) = crate::exchange::split_kind(&t(self, 1));
                let (kind, name) = match named {
                    Some(kind) => (kind, stripped),
                    None => (chosen, stripped),
                };
                Unit::Community(Community { meta, name, kind })
            }
            UnitKind::Household => {
                let members = self.number(4, 1, 99).unwrap_or(0);
                let adults = self.number(5, 0, 99).unwrap_or(0);
                if adults > members
                    && self.fields[5].error.is_none()
                    && self.fields[4].error.is_none()
                {
                    self.set_error(5, "Nhiều hơn số nhân khẩu");
                }
                if self.fields[2].chosen().is_none() {
                    self.set_error(2, "Hãy thêm thôn trước");
                }
                let clan = c(self, 3);
                Unit::Household(Household {
                    meta,
                    head_name: t(self, 1),
                    community: c(self, 2),
                    clan: (clan != NO_CLAN).then_some(clan),
                    members: members as u16,
                    adults: adults as u16,
                    address: t(self, 6),
                })
            }
            UnitKind::Clan => Unit::Clan(Clan {
                meta,
                name: t(self, 1),
                branch: Some(t(self, 2)).filter(|b| !b.is_empty()),
                head: t(self, 3),
                note: t(self, 4),
            }),
            UnitKind::Organisation => Unit::Organisation(Organisation {
                meta,
                name: t(self, 1),
                kind: OrgKind::ALL
                    .get(c(self, 2) as usize)
                    .copied()
                    .unwrap_or(OrgKind::Khac),
                staff: self.number(3, 0, 100_000).unwrap_or(0) as u32,
            }),
            UnitKind::Citizen => {
                let genders = [Gender::Nam, Gender::Nu, Gender::Khac];
                Unit::Citizen(Citizen {
                    meta,
                    full_name: t(self, 1),
                    birth_year: self.number(2, 1900, 2100).map(|y| y as u16),
                    gender: genders
                        .get(c(self, 3) as usize)
                        .copied()
                        .unwrap_or(Gender::Khac),
                    affiliation,
                    target_group: self.number(5, 1, 4).map(|g| g as u8),
                })
            }
        };
        if let Some(i) = self.first_error() {
            self.focus = i;
            return None;
        }
        Some(unit)
    }

    /// The number in field `i`, checked against `min..=max`; `None` when empty or wrong
    /// (and the field then carries the message).
    fn number(&mut self, i: usize, min: u64, max: u64) -> Option<u64> {
        let text = self.fields.get(i)?.text_value();
        if text.is_empty() {
            return None;
        }
        match text.parse::<u64>() {
            Ok(n) if (min..=max).contains(&n) => Some(n),
            _ => {
                self.set_error(i, format!("Số từ {min} đến {max}"));
                None
            }
        }
    }
}
