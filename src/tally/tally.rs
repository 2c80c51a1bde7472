//! The counters: per title, per CDHT population, per community and per clan.

use super::IdMap;
use super::census::Census;
use super::{Counts, Status};
use crate::model::{Affiliation, Measure, Title, UnitId, UnitKind};

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Tally {
    /// Units per title (CDHT: citizens), indexed by `Title as usize`.
    pub titles: [Counts; 5],
    /// CDHT among adults of households in a learning model.
    pub cdht_community: Counts,
    /// CDHT among staff of ĐVHT units.
    pub cdht_units: Counts,
    /// The CDHT holders of the year (every citizen recognised, whatever population) and
    /// their digital skills: `total` holders, `registered` and `scored` those whose
    /// skills are recorded, `passed` and `recognised` those with skills (có or thành thạo).
    pub digital_skills: Counts,
    /// As `digital_skills`, with `passed` and `recognised` the proficient holders.
    pub digital_proficient: Counts,
    /// Per community, per title (GĐHT, CĐHT, CDHT; the others stay empty).
    pub by_community: IdMap<[Counts; 5]>,
    /// Per clan, per title (DHHT, GĐHT, CDHT).
    pub by_clan: IdMap<[Counts; 5]>,
}

impl Tally {
    /// Counts a year from its census. One pass over each kind's links, the breakdowns
    /// gathered in vectors indexed by thôn and clan id and turned into maps at the end:
    /// the same counters as adding every unit with [`Tally::apply`]'s rules (a test
    /// holds them equal), without a hash lookup per unit or the census's lists of
    /// children.
    pub fn compute(census: &Census) -> Tally {
        let mut tally = Tally::default();
        let mut by_community: Vec<[Counts; 5]> = Vec::new();
        let mut by_clan: Vec<[Counts; 5]> = Vec::new();
        let grow = |v: &mut Vec<[Counts; 5]>, id: UnitId| {
            let i = id as usize;
            if v.len() <= i {
                v.resize(i + 1, [Counts::default(); 5]);
            }
            i
        };
        for title in Title::ALL {
            let t = title as usize;
            for (id, link) in census.links(title.unit_kind()) {
                let status = census.status(title, id);
                let (community, clan) = match title {
                    Title::CongDong => (Some(id), None),
                    Title::DongHo => (None, Some(id)),
                    Title::GiaDinh => {
                        (Some(link.parent), (link.second != 0).then_some(link.second))
                    }
                    Title::CongDan => match link.affiliation() {
                        Affiliation::Household(h) => census
                            .household(h)
                            .map_or((None, None), |h| (Some(h.community), h.clan)),
                        _ => (None, None),
                    },
                    Title::DonVi => (None, None),
                };
                tally.titles[t].count_one(status);
                if let Some(c) = community {
                    let i = grow(&mut by_community, c);
                    by_community[i][t].count_one(status);
                }
                if let Some(c) = clan {
                    let i = grow(&mut by_clan, c);
                    by_clan[i][t].count_one(status);
                }
                if title == Title::CongDan && status.recognised {
                    tally.holder(status.skills, 1);
                }
            }
        }
        // Every counted unit adds to its group's total, so a group with a total is one a
        // unit was counted under (the map holds exactly those, as `apply` makes them).
        let touched = |v: Vec<[Counts; 5]>| -> IdMap<[Counts; 5]> {
            v.into_iter()
                .enumerate()
                .filter(|(_, c)| c.iter().any(|c| c.total > 0))
                .map(|(id, c)| (id as UnitId, c))
                .collect()
        };
        tally.by_community = touched(by_community);
        tally.by_clan = touched(by_clan);

        // The two CDHT populations: households in a learning model bring their adults,
        // recognised organisations their staff, and each brings its citizens.
        let mut learning: Vec<bool> = Vec::new();
        for (household, link) in census.links(UnitKind::Household) {
            if census.household_in_learning_model(household) {
                let i = household as usize;
                if learning.len() <= i {
                    learning.resize(i + 1, false);
                }
                learning[i] = true;
                tally.cdht_community.add_weighted(
                    Status::default(),
                    u64::from(u16::try_from(link.weight).unwrap_or(u16::MAX)),
                    1,
                );
            }
        }
        for (organisation, link) in census.links(UnitKind::Organisation) {
            if census.status(Title::DonVi, organisation).recognised {
                tally
                    .cdht_units
                    .add_weighted(Status::default(), u64::from(link.weight), 1);
            }
        }
        for (citizen, link) in census.links(UnitKind::Citizen) {
            let status = census.status(Title::CongDan, citizen);
            match link.affiliation() {
                Affiliation::Household(h) if learning.get(h as usize) == Some(&true) => {
                    tally.cdht_community.add_status(status, 1);
                }
                Affiliation::Organisation(o)
                    if census.is_active(UnitKind::Organisation, o)
                        && census.status(Title::DonVi, o).recognised =>
                {
                    tally.cdht_units.add_status(status, 1);
                }
                _ => {}
            }
        }
        tally
    }

    /// The counters of a measure.
    pub fn measure(&self, measure: Measure) -> &Counts {
        match measure {
            Measure::CongDanCongDong => &self.cdht_community,
            Measure::CongDanDonVi => &self.cdht_units,
            Measure::KyNangSo => &self.digital_skills,
            Measure::ThanhThaoKyNangSo => &self.digital_proficient,
            other => &self.titles[other.title() as usize],
        }
    }

    /// Moves the counters for one unit whose status changed, and records the new status
    /// in the census. Only the households, organisations and citizens the change can
    /// affect are touched.
    pub fn apply(&mut self, census: &mut Census, title: Title, unit: UnitId, new: Status) {
        let old = census.status(title, unit);
        // A unit not in the commune that year counts nowhere (the report agrees).
        if old == new || !census.is_active(title.unit_kind(), unit) {
            return;
        }
        let households = self.households_affected(census, title, unit);
        let organisations: Vec<UnitId> = match title {
            Title::DonVi => vec![unit],
            _ => Vec::new(),
        };
        let citizen = (title == Title::CongDan).then_some(unit);

        for &h in &households {
            self.household_population(census, h, -1);
        }
        for &o in &organisations {
            self.organisation_population(census, o, -1);
        }
        if let Some(c) = citizen {
            self.citizen_population(census, c, -1);
        }
        self.add_unit(census, title, unit, -1);

        census.set_status(title, unit, new);

        self.add_unit(census, title, unit, 1);
        if let Some(c) = citizen {
            self.citizen_population(census, c, 1);
        }
        for &o in &organisations {
            self.organisation_population(census, o, 1);
        }
        for &h in &households {
            self.household_population(census, h, 1);
        }
    }

    fn households_affected(&self, census: &Census, title: Title, unit: UnitId) -> Vec<UnitId> {
        match title {
            Title::GiaDinh => vec![unit],
            Title::DongHo => census.households_of_clan(unit).to_vec(),
            Title::CongDong => census.households_of_community(unit).to_vec(),
            Title::DonVi | Title::CongDan => Vec::new(),
        }
    }

    /// One unit's own count under its title, its community and its clan.
    fn add_unit(&mut self, census: &Census, title: Title, unit: UnitId, sign: i64) {
        let status = census.status(title, unit);
        let t = title as usize;
        let count = |c: &mut Counts| {
            c.total = c.total.saturating_add_signed(sign);
            c.add_status(status, sign);
        };
        count(&mut self.titles[t]);
        if let Some(community) = census.community_of(title, unit) {
            count(&mut self.by_community.entry(community).or_default()[t]);
        }
        if let Some(clan) = census.clan_of(title, unit) {
            count(&mut self.by_clan.entry(clan).or_default()[t]);
        }
        if title == Title::CongDan && status.recognised {
            self.holder(status.skills, sign);
        }
    }

    /// One CDHT holder's digital skills, in both digital-skills counters.
    fn holder(&mut self, skills: Option<crate::model::DigitalSkills>, sign: i64) {
        let has = skills.is_some_and(|s| s.has_any());
        let proficient = skills == Some(crate::model::DigitalSkills::ThanhThao);
        for (counts, numerator) in [
            (&mut self.digital_skills, has),
            (&mut self.digital_proficient, proficient),
        ] {
            let as_status = Status {
                registered: skills.is_some(),
                scored: skills.is_some(),
                passed: numerator,
                recognised: numerator,
                skills,
            };
            counts.total = counts.total.saturating_add_signed(sign);
            counts.add_status(as_status, sign);
        }
    }

    /// A household's adults and its recognised citizens, when it is in a learning model.
    fn household_population(&mut self, census: &Census, household: UnitId, sign: i64) {
        if !census.household_in_learning_model(household) {
            return;
        }
        let adults = census.household(household).map_or(0, |h| h.adults);
        self.cdht_community
            .add_weighted(Status::default(), u64::from(adults), sign);
        for &c in census.citizens_of_household(household) {
            self.cdht_community
                .add_status(census.status(Title::CongDan, c), sign);
        }
    }

    fn organisation_population(&mut self, census: &Census, organisation: UnitId, sign: i64) {
        if !census.status(Title::DonVi, organisation).recognised {
            return;
        }
        let staff = census.staff(organisation).unwrap_or(0);
        self.cdht_units
            .add_weighted(Status::default(), u64::from(staff), sign);
        for &c in census.citizens_of_organisation(organisation) {
            self.cdht_units
                .add_status(census.status(Title::CongDan, c), sign);
        }
    }

    /// A citizen's own contribution to the population it belongs to.
    fn citizen_population(&mut self, census: &Census, citizen: UnitId, sign: i64) {
        let status = census.status(Title::CongDan, citizen);
        match census.affiliation(citizen) {
            Some(Affiliation::Household(h)) if census.household_in_learning_model(h) => {
                self.cdht_community.add_status(status, sign);
            }
            Some(Affiliation::Organisation(o)) if census.status(Title::DonVi, o).recognised => {
                self.cdht_units.add_status(status, sign);
            }
            _ => {}
        }
    }
}

mod measures;

#[cfg(test)]
mod tests;
