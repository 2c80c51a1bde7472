//! The demo commune's units: thôn and tổ dân phố, clans with their branches, households
//! linked to both, organisations with their staff, and citizens who belong to a household
//! or an organisation. Each kind is written in one transaction. A few units enter or
//! leave during the years covered, so the register's history is as uneven as a real one.

use super::DemoSpec;
use super::names::{self, BRANCH_STEMS, BUSINESS_NAMES, THON_NAMES, TRADES};
use super::rng::Rng;
use crate::model::{
    Affiliation, Citizen, Clan, Community, CommunityKind, Gender, Household, OrgKind, Organisation,
    Unit, UnitId, UnitKind, UnitMeta, Year,
};
use crate::store::{Register, Result};
use std::collections::{BTreeMap, BTreeSet};

/// What the evaluations need to know about a unit once it is written.
#[derive(Debug, Clone)]
pub struct Member {
    pub id: UnitId,
    pub meta: UnitMeta,
    /// How keen the unit is (0–1): keen units register and pass more often, year after
    /// year, as real ones do.
    pub diligence: f64,
}

/// Every unit written, by kind, in code order.
#[derive(Debug, Default)]
pub struct Population {
    pub by_kind: BTreeMap<UnitKind, Vec<Member>>,
}

impl Population {
    pub fn of(&self, kind: UnitKind) -> &[Member] {
        self.by_kind.get(&kind).map_or(&[], Vec::as_slice)
    }

    pub fn archived(&self) -> usize {
        self.by_kind
            .values()
            .flatten()
            .filter(|m| m.meta.left.is_some())
            .count()
    }
}

/// The span of years the demo covers.
#[derive(Debug, Clone, Copy)]
pub struct Span {
    pub first: Year,
    pub last: Year,
}

impl Span {
    pub fn of(spec: &DemoSpec) -> Span {
        let years = spec.years.max(1);
        Span {
            first: spec.last_year.saturating_sub(years - 1),
            last: spec.last_year,
        }
    }

    /// Entry and leaving years: most units were there from the start; `newcomer` of them
    /// arrived later and `leaver` of them left (moved away, dissolved) before the last
    /// year. With a single year there is no "later".
    fn meta(&self, rng: &mut Rng, code: String, newcomer: f64, leaver: f64) -> UnitMeta {
        let mut entered = self.first;
        let mut left = None;
        if self.last > self.first {
            if rng.chance(newcomer) {
                entered = rng.between(self.first + 1, self.last);
            }
            if entered < self.last && rng.chance(leaver) {
                left = Some(rng.between(entered + 1, self.last));
            }
        }
        UnitMeta {
            code,
            entered,
            left,
        }
    }

    /// Entry and leaving years of a person who belongs to `parent` (a household or an
    /// organisation): never before it entered, and gone at the latest when it left, so
    /// no citizen is counted in a household that is no longer there.
    fn within(
        &self,
        rng: &mut Rng,
        code: String,
        parent: &UnitMeta,
        newcomer: f64,
        leaver: f64,
    ) -> UnitMeta {
        // The parent is active in `parent.entered..end`.
        let end = parent.left.unwrap_or(self.last.saturating_add(1));
        let mut entered = parent.entered;
        if end > entered + 1 && rng.chance(newcomer) {
            entered = rng.between(entered + 1, end - 1);
        }
        let mut left = parent.left;
        let latest = (end - 1).min(self.last);
        if latest > entered && rng.chance(leaver) {
            left = Some(rng.between(entered + 1, latest));
        }
        UnitMeta {
            code,
            entered,
            left,
        }
    }
}

fn code(kind: UnitKind, n: usize, digits: usize) -> String {
    format!("{}{:0digits$}", kind.code_prefix(), n)
}

/// The place name of the commune without "Xã"/"Phường"/"Thị trấn", for naming its
/// school, health station and cooperative.
pub fn place_name(commune_name: &str) -> String {
    let trimmed = commune_name.trim();
    ["Xã ", "xã ", "Phường ", "phường ", "Thị trấn ", "thị trấn "]
        .iter()
        .find_map(|p| trimmed.strip_prefix(p))
        .unwrap_or(trimmed)
        .to_string()
}

/// Writes every unit of the demo; one transaction per kind.
pub fn write_all(register: &Register, spec: &DemoSpec, rng: &Rng) -> Result<Population> {
    let span = Span::of(spec);
    let place = place_name(&register.commune()?.name);
    let mut population = Population::default();

    let communities = plan_communities(&mut rng.fork(1), spec.communities, span);
    let community_ids = write_kind(register, &mut population, &communities, &mut rng.fork(2))?;
    let community_labels: Vec<String> = communities.iter().map(|p| p.unit.display_name()).collect();

    let clans = plan_clans(&mut rng.fork(3), spec.clans, span, &community_labels);
    let clan_ids = write_kind(register, &mut population, &clans, &mut rng.fork(4))?;
    let clans_by_family = clans_by_family(&clans, &clan_ids);

    let households = plan_households(
        &mut rng.fork(5),
        spec.households,
        span,
        &community_ids,
        &community_labels,
        &clans_by_family,
    );
    let household_ids = write_kind(register, &mut population, &households, &mut rng.fork(6))?;

    let organisations = plan_organisations(&mut rng.fork(7), spec.organisations, span, &place);
    let organisation_ids = write_kind(register, &mut population, &organisations, &mut rng.fork(8))?;

    let citizens = plan_citizens(
        &mut rng.fork(9),
        spec.citizens,
        span,
        &households,
        &household_ids,
        &organisations,
        &organisation_ids,
    );
    write_kind(register, &mut population, &citizens, &mut rng.fork(10))?;
    Ok(population)
}

/// A unit ready to write and, for a clan or a household, the family name it carries and
/// the head's gender (a name like "Nguyễn Ngọc Anh" does not tell it).
struct Planned {
    unit: Unit,
    family: Option<&'static str>,
    head_gender: Option<Gender>,
}

impl Planned {
    fn plain(unit: Unit) -> Planned {
        Planned {
            unit,
            family: None,
            head_gender: None,
        }
    }
}

/// Writes one kind's units in one transaction and returns their ids in order.
fn write_kind(
    register: &Register,
    population: &mut Population,
    units: &[Planned],
    rng: &mut Rng,
) -> Result<Vec<UnitId>> {
    let Some(first) = units.first() else {
        return Ok(Vec::new());
    };
    let kind = first.unit.kind();
    let ids = register.write(|w| {
        units
            .iter()
            .map(|planned| w.insert_unit(&planned.unit))
            .collect::<Result<Vec<_>>>()
    })?;
    let members = population.by_kind.entry(kind).or_default();
    for (id, planned) in ids.iter().zip(units) {
        members.push(Member {
            id: *id,
            meta: planned.unit.meta().clone(),
            diligence: rng.unit(),
        });
    }
    Ok(ids)
}

fn plan_communities(rng: &mut Rng, count: usize, span: Span) -> Vec<Planned> {
    let mut thon = THON_NAMES.iter();
    let (mut xom, mut to_dan_pho) = (0, 0);
    (1..=count)
        .map(|n| {
            // Mostly thôn with their old names, then numbered xóm and, near the centre,
            // numbered tổ dân phố.
            let draw = rng.unit();
            let (kind, name) = match thon.next() {
                Some(name) if draw < 0.6 => (CommunityKind::Thon, (*name).to_string()),
                _ if draw < 0.8 => {
                    xom += 1;
                    (CommunityKind::Xom, xom.to_string())
                }
                _ => {
                    to_dan_pho += 1;
                    (CommunityKind::ToDanPho, to_dan_pho.to_string())
                }
            };
            let meta = UnitMeta {
                code: code(UnitKind::Community, n, 3),
                entered: span.first,
                left: None,
            };
            Planned::plain(Unit::Community(Community { meta, name, kind }))
        })
        .collect()
}

fn plan_clans(rng: &mut Rng, count: usize, span: Span, places: &[String]) -> Vec<Planned> {
    let families: Vec<&'static str> = (0..count).map(|_| names::family_name(rng)).collect();
    let mut per_family: BTreeMap<&str, usize> = BTreeMap::new();
    for f in &families {
        *per_family.entry(f).or_default() += 1;
    }
    let mut branch_no: BTreeMap<&str, usize> = BTreeMap::new();
    families
        .iter()
        .enumerate()
        .map(|(i, family)| {
            // A family name with several clans in the commune registers them branch by
            // branch (chi Giáp, chi Ất…).
            let branch = (per_family.get(family).copied().unwrap_or(1) > 1).then(|| {
                let n = branch_no.entry(family).or_default();
                *n += 1;
                match BRANCH_STEMS.get(*n - 1) {
                    Some(stem) => format!("Chi {stem}"),
                    None => format!("Chi {n}"),
                }
            });
            let head = names::person(rng, family, Gender::Nam).full;
            let note = match rng.pick(places) {
                Some(place) if rng.chance(0.6) => format!("Nhà thờ họ tại {place}"),
                _ => String::new(),
            };
            let meta = span.meta(rng, code(UnitKind::Clan, i + 1, 3), 0.0, 0.03);
            let clan = Clan {
                meta,
                name: format!("Họ {family}"),
                branch,
                head,
                note,
            };
            Planned {
                unit: Unit::Clan(clan),
                family: Some(family),
                head_gender: Some(Gender::Nam),
            }
        })
        .collect()
}

/// Clans by family name, with the years each is active, so a household is linked to a
/// clan of its own name that exists from the household's entry on.
fn clans_by_family(
    clans: &[Planned],
    ids: &[UnitId],
) -> BTreeMap<&'static str, Vec<(UnitId, UnitMeta)>> {
    let mut out: BTreeMap<&'static str, Vec<(UnitId, UnitMeta)>> = BTreeMap::new();
    for (planned, id) in clans.iter().zip(ids) {
        if let Some(family) = planned.family {
            out.entry(family)
                .or_default()
                .push((*id, planned.unit.meta().clone()));
        }
    }
    out
}

fn plan_households(
    rng: &mut Rng,
    count: usize,
    span: Span,
    community_ids: &[UnitId],
    community_labels: &[String],
    clans: &BTreeMap<&'static str, Vec<(UnitId, UnitMeta)>>,
) -> Vec<Planned> {
    // Thôn differ in size; a weight per thôn spreads households unevenly.
    let sizes: Vec<u32> = community_ids
        .iter()
        .map(|_| rng.between(50, 150).into())
        .collect();
    // Members per household, 1 to 8, most with 3–5.
    const MEMBERS: [u32; 8] = [6, 14, 20, 26, 18, 9, 5, 2];
    let digits = if count >= 100_000 { 6 } else { 5 };
    (1..=count)
        .map(|n| {
            let place = rng.weighted(&sizes);
            let family = names::family_name(rng);
            let gender = if rng.chance(0.78) {
                Gender::Nam
            } else {
                Gender::Nu
            };
            let head = names::person(rng, family, gender);
            let members = u16::try_from(rng.weighted(&MEMBERS) + 1).unwrap_or(1);
            let children = rng.between(0, 3.min(members - 1));
            let meta = span.meta(rng, code(UnitKind::Household, n, digits), 0.06, 0.04);
            let clan = clans
                .get(family)
                .filter(|_| rng.chance(0.85))
                .and_then(|of_name| {
                    let living: Vec<UnitId> = of_name
                        .iter()
                        .filter(|(_, m)| m.active_in(meta.entered) && m.left.is_none())
                        .map(|(id, _)| *id)
                        .collect();
                    rng.pick(&living).copied()
                });
            let household = Household {
                meta,
                head_name: head.full,
                community: community_ids.get(place).copied().unwrap_or(1),
                clan,
                members,
                adults: members - children,
                address: community_labels.get(place).cloned().unwrap_or_default(),
            };
            Planned {
                unit: Unit::Household(household),
                family: Some(family),
                head_gender: Some(gender),
            }
        })
        .collect()
}

/// The organisations every commune has, then schools, cooperatives, businesses and
/// workshops until the count is reached.
fn plan_organisations(rng: &mut Rng, count: usize, span: Span, place: &str) -> Vec<Planned> {
    let core: [(String, OrgKind, (u16, u16)); 10] = [
        (format!("UBND xã {place}"), OrgKind::CoQuan, (18, 30)),
        (format!("Trạm Y tế xã {place}"), OrgKind::CoQuan, (6, 12)),
        (
            format!("Trường Mầm non {place}"),
            OrgKind::TruongHoc,
            (20, 45),
        ),
        (
            format!("Trường Tiểu học {place}"),
            OrgKind::TruongHoc,
            (25, 45),
        ),
        (format!("Trường THCS {place}"), OrgKind::TruongHoc, (25, 50)),
        (
            format!("Công an xã {place}"),
            OrgKind::LucLuongVuTrang,
            (8, 16),
        ),
        (
            format!("Ban Chỉ huy Quân sự xã {place}"),
            OrgKind::LucLuongVuTrang,
            (4, 8),
        ),
        (
            format!("Hợp tác xã Nông nghiệp {place}"),
            OrgKind::HopTacXa,
            (5, 15),
        ),
        (
            format!("Quỹ tín dụng nhân dân {place}"),
            OrgKind::Khac,
            (6, 12),
        ),
        (
            format!("Bưu điện văn hóa xã {place}"),
            OrgKind::Khac,
            (1, 3),
        ),
    ];
    let mut used = BTreeSet::new();
    let mut out = Vec::with_capacity(count);
    for n in 1..=count {
        let (name, kind, (low, high)) = match core.get(n - 1) {
            Some(c) => c.clone(),
            None => extra_organisation(rng),
        };
        let name = unique(&mut used, name);
        // The core bodies stay; businesses and workshops come and go.
        let meta = if n <= core.len() {
            UnitMeta {
                code: code(UnitKind::Organisation, n, 3),
                entered: span.first,
                left: None,
            }
        } else {
            span.meta(rng, code(UnitKind::Organisation, n, 3), 0.08, 0.06)
        };
        let staff = u32::from(rng.between(low, high));
        let organisation = Organisation {
            meta,
            name,
            kind,
            staff,
        };
        out.push(Planned::plain(Unit::Organisation(organisation)));
    }
    out
}

fn extra_organisation(rng: &mut Rng) -> (String, OrgKind, (u16, u16)) {
    let brand = rng.pick(BUSINESS_NAMES).copied().unwrap_or("Minh Phát");
    let trade = rng.pick(TRADES).copied().unwrap_or("Thương mại");
    let thon = rng.pick(THON_NAMES).copied().unwrap_or("Đông");
    match rng.weighted(&[45, 25, 10, 10, 10]) {
        0 => {
            let form = if rng.chance(0.7) { "TNHH" } else { "CP" };
            (
                format!("Công ty {form} {trade} {brand}"),
                OrgKind::DoanhNghiep,
                (5, 120),
            )
        }
        1 => {
            let family = names::family_name(rng);
            let owner = names::person(rng, family, Gender::Nam).full;
            let craft = rng
                .pick(&["may", "mộc", "cơ khí", "chế biến nông sản", "gạch"])
                .copied()
                .unwrap_or("may");
            (
                format!("Cơ sở {craft} {owner}"),
                OrgKind::CoSoSanXuat,
                (3, 30),
            )
        }
        2 => {
            let level = rng
                .pick(&["Mầm non", "Tiểu học", "THCS"])
                .copied()
                .unwrap_or("Mầm non");
            (
                format!("Trường {level} {thon}"),
                OrgKind::TruongHoc,
                (15, 40),
            )
        }
        3 => {
            let line = rng
                .pick(&[
                    "dịch vụ nông nghiệp",
                    "chăn nuôi",
                    "rau an toàn",
                    "thủy sản",
                ])
                .copied()
                .unwrap_or("dịch vụ nông nghiệp");
            (
                format!("Hợp tác xã {line} {thon}"),
                OrgKind::HopTacXa,
                (5, 25),
            )
        }
        _ => (format!("Nhà văn hóa thôn {thon}"), OrgKind::Khac, (1, 4)),
    }
}

/// The name, or the name with "số 2", "số 3"… when it is taken already.
fn unique(used: &mut BTreeSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    let mut n = 1;
    while used.contains(&candidate) {
        n += 1;
        candidate = format!("{name} số {n}");
    }
    used.insert(candidate.clone());
    candidate
}

/// Citizens: staff of organisations first (up to one in eight citizens), then adults of
/// households (the first one is the head), then people with no recorded household.
fn plan_citizens(
    rng: &mut Rng,
    count: usize,
    span: Span,
    households: &[Planned],
    household_ids: &[UnitId],
    organisations: &[Planned],
    organisation_ids: &[UnitId],
) -> Vec<Planned> {
    let digits = if count >= 1_000_000 { 7 } else { 6 };
    let mut out: Vec<Planned> = Vec::with_capacity(count);
    let next_code = |out: &Vec<Planned>| code(UnitKind::Citizen, out.len() + 1, digits);

    let staff_wanted = count / 8;
    'orgs: for (planned, id) in organisations.iter().zip(organisation_ids) {
        let Unit::Organisation(org) = &planned.unit else {
            continue;
        };
        let group = match org.kind {
            OrgKind::DoanhNghiep | OrgKind::CoSoSanXuat => 2,
            OrgKind::HopTacXa => 1,
            _ => 3,
        };
        for _ in 0..org.staff {
            if out.len() >= staff_wanted {
                break 'orgs;
            }
            let family = names::family_name(rng);
            let gender = if rng.chance(0.5) {
                Gender::Nam
            } else {
                Gender::Nu
            };
            let person = names::person(rng, family, gender);
            let meta = span.within(rng, next_code(&out), &org.meta, 0.08, 0.05);
            out.push(Planned {
                unit: Unit::Citizen(Citizen {
                    meta,
                    full_name: person.full,
                    birth_year: Some(span.last.saturating_sub(rng.between(22, 58))),
                    gender,
                    affiliation: Affiliation::Organisation(*id),
                    target_group: Some(group),
                }),
                family: Some(family),
                head_gender: None,
            });
        }
    }

    // Choose exactly the number still wanted among all adult places of all households,
    // in order (selection sampling), so each household's citizens come together.
    let adult_places: usize = households
        .iter()
        .map(|p| match &p.unit {
            Unit::Household(h) => usize::from(h.adults),
            _ => 0,
        })
        .sum();
    let mut wanted = (count - out.len()).min(adult_places);
    let mut places_left = adult_places;
    for (planned, id) in households.iter().zip(household_ids) {
        let (Unit::Household(household), Some(head_family), Some(head_gender)) =
            (&planned.unit, planned.family, planned.head_gender)
        else {
            continue;
        };
        for place in 0..household.adults {
            let take = rng.below(places_left as u64) < wanted as u64;
            places_left = places_left.saturating_sub(1);
            if !take {
                continue;
            }
            wanted -= 1;
            let (full_name, gender, family) = if place == 0 {
                (household.head_name.clone(), head_gender, head_family)
            } else {
                let gender = if rng.chance(0.5) {
                    Gender::Nam
                } else {
                    Gender::Nu
                };
                let family = if rng.chance(0.7) {
                    head_family
                } else {
                    names::family_name(rng)
                };
                (names::person(rng, family, gender).full, gender, family)
            };
            let age = if place == 0 {
                rng.between(28, 78)
            } else {
                rng.between(16, 80)
            };
            let meta = span.within(rng, next_code(&out), &household.meta, 0.04, 0.03);
            out.push(Planned {
                unit: Unit::Citizen(Citizen {
                    meta,
                    full_name,
                    birth_year: Some(span.last.saturating_sub(age)),
                    gender,
                    affiliation: Affiliation::Household(*id),
                    target_group: Some(match rng.weighted(&[60, 30, 10]) {
                        0 => 1,
                        1 => 2,
                        _ => 3,
                    }),
                }),
                family: Some(family),
                head_gender: None,
            });
        }
    }

    // More citizens than adult places: people living in the commune whose household is
    // not registered (lodgers, students renting).
    while out.len() < count {
        let family = names::family_name(rng);
        let gender = if rng.chance(0.5) {
            Gender::Nam
        } else {
            Gender::Nu
        };
        let person = names::person(rng, family, gender);
        let meta = span.meta(rng, next_code(&out), 0.1, 0.1);
        out.push(Planned {
            unit: Unit::Citizen(Citizen {
                meta,
                full_name: person.full,
                birth_year: Some(span.last.saturating_sub(rng.between(18, 40))),
                gender,
                affiliation: Affiliation::None,
                target_group: None,
            }),
            family: Some(family),
            head_gender: None,
        });
    }
    out
}
