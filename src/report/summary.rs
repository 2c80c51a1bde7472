//! The figures of one year, measure by measure, against the resolution's targets.

use crate::model::{Basis, Commune, Measure, Target, Year, target_for_year};
use crate::tally::{
    BasisProgress, Counts, Progress, Tally, denominator_rule, progress, progress_on,
};

/// A target in force on one basis and where the measure stands against it.
#[derive(Debug, Clone, PartialEq)]
pub struct BasisLine {
    pub target: Target,
    pub progress: BasisProgress,
}

#[derive(Debug, Clone, PartialEq)]
pub struct MeasureLine {
    pub measure: Measure,
    pub counts: Counts,
    pub progress: Progress,
    /// The target in force and the milestone year it belongs to.
    pub target: Option<Target>,
    /// Every target in force for the year, one per basis that has one (the "total"
    /// one again first, with what must register before it can be reached).
    pub targets: Vec<BasisLine>,
    pub rule: &'static str,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Summary {
    pub commune: Commune,
    pub year: Year,
    pub lines: Vec<MeasureLine>,
    /// Every citizen of the register recognised CDHT in the year, whatever population
    /// they belong to (no target: QĐ 387 sets targets on the two populations only).
    pub citizens: Counts,
    pub citizens_progress: Progress,
}

impl Summary {
    pub fn build(commune: &Commune, year: Year, tally: &Tally, targets: &[Target]) -> Summary {
        let lines = Measure::ALL
            .into_iter()
            .map(|measure| {
                let counts = *tally.measure(measure);
                let target = target_for_year(targets, measure, Basis::Total, year).cloned();
                let on_bases = Basis::ALL
                    .into_iter()
                    .filter_map(|basis| target_for_year(targets, measure, basis, year))
                    .map(|t| {
                        let mut progress = progress_on(&counts, t.basis, Some(t.percent_tenths));
                        // Holders have nothing to register: a skill is recorded, not
                        // registered for.
                        if measure.is_digital_skills() {
                            progress.register_first = 0;
                        }
                        BasisLine {
                            progress,
                            target: t.clone(),
                        }
                    })
                    .collect();
                MeasureLine {
                    measure,
                    counts,
                    progress: progress(&counts, target.as_ref().map(|t| t.percent_tenths)),
                    target,
                    targets: on_bases,
                    rule: denominator_rule(measure),
                }
            })
            .collect();
        let citizens = tally.titles[crate::model::Title::CongDan as usize];
        Summary {
            commune: commune.clone(),
            year,
            lines,
            citizens_progress: progress(&citizens, None),
            citizens,
        }
    }

    pub fn line(&self, measure: Measure) -> Option<&MeasureLine> {
        self.lines.iter().find(|l| l.measure == measure)
    }

    /// The six measures of units and CDHT populations (QĐ 387), which tables show before
    /// the whole commune's CDHT count.
    pub fn unit_lines(&self) -> impl Iterator<Item = &MeasureLine> {
        self.lines.iter().filter(|l| !l.measure.is_digital_skills())
    }

    /// The two digital-skills measures, shares of the CDHT holders (the whole commune's
    /// CDHT count), which tables show after that count.
    pub fn skills_lines(&self) -> impl Iterator<Item = &MeasureLine> {
        self.lines.iter().filter(|l| l.measure.is_digital_skills())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{
        Affiliation, Citizen, Community, CommunityKind, Gender, Household, Status, Title, Unit,
        UnitMeta,
    };
    use crate::tally::Census;

    fn meta(code: &str) -> UnitMeta {
        UnitMeta {
            code: code.into(),
            entered: 2020,
            left: None,
        }
    }

    fn citizen(code: &str, affiliation: Affiliation) -> Unit {
        Unit::Citizen(Citizen {
            meta: meta(code),
            full_name: code.into(),
            birth_year: None,
            gender: Gender::Nu,
            affiliation,
            target_group: None,
        })
    }

    /// Three citizens recognised: one in a household that is in no learning model, one
    /// attached to nothing, one not recognised. The two QĐ 387 populations count none of
    /// them; the whole commune's count has both recognised ones.
    #[test]
    fn citizens_outside_the_two_populations_are_counted_for_the_whole_commune() {
        let mut census = Census::new(2025);
        census.add_unit(
            1,
            &Unit::Community(Community {
                meta: meta("TH1"),
                name: "Đông".into(),
                kind: CommunityKind::Thon,
            }),
        );
        census.add_unit(
            1,
            &Unit::Household(Household {
                meta: meta("HO1"),
                head_name: "Lê Văn A".into(),
                community: 1,
                clan: None,
                members: 4,
                adults: 2,
                address: String::new(),
            }),
        );
        census.add_unit(1, &citizen("CD1", Affiliation::Household(1)));
        census.add_unit(2, &citizen("CD2", Affiliation::None));
        census.add_unit(3, &citizen("CD3", Affiliation::Household(1)));
        let mut tally = Tally::compute(&census);
        let recognised = Status {
            registered: true,
            scored: true,
            passed: true,
            recognised: true,
            skills: None,
        };
        tally.apply(&mut census, Title::CongDan, 1, recognised);
        tally.apply(&mut census, Title::CongDan, 2, recognised);
        let registered = Status {
            registered: true,
            ..Status::default()
        };
        tally.apply(&mut census, Title::CongDan, 3, registered);

        let commune = Commune {
            name: "Xã Thử".into(),
            province: String::new(),
        };
        let s = Summary::build(&commune, 2025, &tally, &[]);
        for m in [Measure::CongDanCongDong, Measure::CongDanDonVi] {
            assert_eq!(s.line(m).map(|l| l.counts.recognised), Some(0), "{m:?}");
        }
        assert_eq!(
            (
                s.citizens.total,
                s.citizens.registered,
                s.citizens.recognised
            ),
            (3, 3, 2)
        );
        // 2 of 3 citizens: 66,7 %; 2 of 3 registered: 66,7 %.
        assert_eq!(s.citizens_progress.percent_of_total, Some(667));
        assert_eq!(s.citizens_progress.gap, None);
        let json = super::super::to_json(&s);
        assert_eq!(json["titles"][6]["title"], "cong-dan");
        assert_eq!(json["titles"][6]["recognised"], 2);
        assert_eq!(json["titles"][6]["percent_of_total"], 66.7);
        assert_eq!(json["titles"][6]["target"], serde_json::Value::Null);
    }

    fn target(measure: Measure, tenths: u16) -> Target {
        Target {
            measure,
            basis: Basis::Total,
            milestone: 2025,
            percent_tenths: tenths,
            resolution: crate::model::ResolutionRef {
                number: "05-NQ/ĐU".into(),
                date: None,
                body: "Đảng ủy xã".into(),
            },
        }
    }

    /// Five citizens: C1 (skills thành thạo) and C4 (not recorded) in a GĐHT household,
    /// C2 (có) in a household in no learning model, C3 (chưa) attached to nothing — all
    /// four recognised CDHT — and C5 (thành thạo) registered only. Holders: 4; with
    /// skills: C1, C2 = 2 (50 %); proficient: C1 = 1 (25 %); recorded: 3.
    /// Targets 70 % and 60 %: 70 % of 4 is 2,8 → 3 needed, 1 short; 60 % of 4 is 2,4 →
    /// 3 needed, 2 short.
    #[test]
    fn digital_skills_are_shares_of_every_cdht_holder_of_the_commune() {
        use crate::model::DigitalSkills;
        let mut census = Census::new(2025);
        census.add_unit(
            1,
            &Unit::Community(Community {
                meta: meta("TH1"),
                name: "Đông".into(),
                kind: CommunityKind::Thon,
            }),
        );
        for (id, code) in [(1, "HO1"), (2, "HO2")] {
            census.add_unit(
                id,
                &Unit::Household(Household {
                    meta: meta(code),
                    head_name: code.into(),
                    community: 1,
                    clan: None,
                    members: 3,
                    adults: 2,
                    address: String::new(),
                }),
            );
        }
        census.add_unit(1, &citizen("CD1", Affiliation::Household(1)));
        census.add_unit(2, &citizen("CD2", Affiliation::Household(2)));
        census.add_unit(3, &citizen("CD3", Affiliation::None));
        census.add_unit(4, &citizen("CD4", Affiliation::Household(1)));
        census.add_unit(5, &citizen("CD5", Affiliation::Household(2)));
        let mut tally = Tally::compute(&census);
        let recognised = |skills| Status {
            registered: true,
            scored: true,
            passed: true,
            recognised: true,
            skills,
        };
        let targets = [
            target(Measure::KyNangSo, 700),
            target(Measure::ThanhThaoKyNangSo, 600),
        ];
        let commune = Commune {
            name: "Xã Thử".into(),
            province: String::new(),
        };

        // No holder yet: no share, nothing owed, neither on nor off track.
        let s = Summary::build(&commune, 2025, &tally, &targets);
        for m in [Measure::KyNangSo, Measure::ThanhThaoKyNangSo] {
            let l = s.line(m).expect("line");
            assert_eq!(l.counts.total, 0, "{m:?}");
            assert_eq!(
                (
                    l.progress.percent_of_total,
                    l.progress.gap,
                    l.progress.on_track
                ),
                (None, Some(0), None),
                "{m:?}"
            );
        }

        tally.apply(&mut census, Title::GiaDinh, 1, recognised(None));
        tally.apply(
            &mut census,
            Title::CongDan,
            1,
            recognised(Some(DigitalSkills::ThanhThao)),
        );
        tally.apply(
            &mut census,
            Title::CongDan,
            2,
            recognised(Some(DigitalSkills::Co)),
        );
        tally.apply(
            &mut census,
            Title::CongDan,
            3,
            recognised(Some(DigitalSkills::Chua)),
        );
        tally.apply(&mut census, Title::CongDan, 4, recognised(None));
        tally.apply(
            &mut census,
            Title::CongDan,
            5,
            Status {
                registered: true,
                skills: Some(DigitalSkills::ThanhThao),
                ..Status::default()
            },
        );
        let s = Summary::build(&commune, 2025, &tally, &targets);
        let skills = s.line(Measure::KyNangSo).expect("line");
        assert_eq!(
            (
                skills.counts.total,
                skills.counts.registered,
                skills.counts.recognised
            ),
            (4, 3, 2)
        );
        assert_eq!(skills.progress.percent_of_total, Some(500));
        assert_eq!(skills.progress.gap, Some(1));
        assert_eq!(skills.targets[0].progress.gap, Some(1));
        assert_eq!(skills.targets[0].progress.register_first, 0);
        let proficient = s.line(Measure::ThanhThaoKyNangSo).expect("line");
        assert_eq!(
            (proficient.counts.total, proficient.counts.recognised),
            (4, 1)
        );
        assert_eq!(proficient.progress.percent_of_total, Some(250));
        assert_eq!(proficient.progress.gap, Some(2));
        // The QĐ 387 population counts only C1 and C4 (the GĐHT household's); the
        // holders are the whole commune's.
        let in_models = s.line(Measure::CongDanCongDong).expect("line");
        assert_eq!(in_models.counts.recognised, 2);
        assert_eq!(s.citizens.recognised, skills.counts.total);

        // Recording C4 as proficient moves both counters at once.
        tally.apply(
            &mut census,
            Title::CongDan,
            4,
            recognised(Some(DigitalSkills::ThanhThao)),
        );
        let s = Summary::build(&commune, 2025, &tally, &targets);
        assert_eq!(
            s.line(Measure::KyNangSo).map(|l| l.counts.recognised),
            Some(3)
        );
        assert_eq!(
            s.line(Measure::ThanhThaoKyNangSo)
                .map(|l| (l.counts.recognised, l.progress.gap)),
            Some((2, Some(1)))
        );
        // Withdrawing C1's recognition takes a holder away from both denominators.
        tally.apply(
            &mut census,
            Title::CongDan,
            1,
            Status {
                recognised: false,
                ..recognised(Some(DigitalSkills::ThanhThao))
            },
        );
        let s = Summary::build(&commune, 2025, &tally, &targets);
        assert_eq!(
            s.line(Measure::KyNangSo)
                .map(|l| (l.counts.total, l.counts.recognised)),
            Some((3, 2))
        );
        assert_eq!(tally, Tally::compute(&census));

        let json = super::super::to_json(&s);
        assert_eq!(json["titles"][6]["title"], "cong-dan");
        assert_eq!(json["titles"][7]["title"], "cong-dan/ky-nang-so");
        assert_eq!(json["titles"][7]["total"], 3);
        assert_eq!(json["titles"][7]["recognised"], 2);
        assert_eq!(json["titles"][7]["percent_of_total"], 66.7);
        assert_eq!(json["titles"][8]["title"], "cong-dan/thanh-thao-ky-nang-so");
        assert_eq!(json["titles"][8]["recognised"], 1);
        assert_eq!(json["titles"][8]["targets"][0]["gap"], 1);
    }
}
