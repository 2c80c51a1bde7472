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
                    .map(|t| BasisLine {
                        progress: progress_on(&counts, t.basis, Some(t.percent_tenths)),
                        target: t.clone(),
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
}
