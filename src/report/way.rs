//! The way to the next milestone: per measure, the figures of every year the register
//! holds, and what it takes to reach the next milestone's target from where the report
//! year stands ("cần thêm 412 hộ, khoảng 103 hộ mỗi năm đến 2030"). Pure: the yearly
//! counters come in, already tallied.

use crate::model::{Basis, Measure, Target, Year};
use crate::tally::Counts;
use crate::text::{format_count, percent_tenths};

/// One year of one measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearPoint {
    pub year: Year,
    pub counts: Counts,
    /// Recognised over total, in tenths.
    pub percent_of_total: Option<u32>,
}

/// What the next milestone asks of the years left.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct NextStep {
    pub milestone: Year,
    pub target_tenths: u16,
    /// Units (people) still to recognise, against the report year's total, rounded up.
    pub needed: u64,
    /// Years after the report year up to and including the milestone.
    pub years: u16,
    /// `needed` spread over `years`, rounded up.
    pub per_year: u64,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WayLine {
    pub measure: Measure,
    /// Oldest year first, the report year last.
    pub series: Vec<YearPoint>,
    /// The first milestone after the report year with a target on the "total" basis.
    pub next: Option<NextStep>,
}

/// The counting word of a measure ("hộ", "dòng họ", "người").
pub fn counter(measure: Measure) -> &'static str {
    match measure {
        Measure::CongDanCongDong
        | Measure::CongDanDonVi
        | Measure::KyNangSo
        | Measure::ThanhThaoKyNangSo => "người",
        other => other.title().unit_kind().counter(),
    }
}

/// `series`: per year (any order), the counters of the measures in
/// [`Measure::ALL`] order.
pub fn way(
    series: &[(Year, [Counts; Measure::COUNT])],
    year: Year,
    targets: &[Target],
) -> Vec<WayLine> {
    let mut years: Vec<&(Year, [Counts; Measure::COUNT])> =
        series.iter().filter(|(y, _)| *y <= year).collect();
    years.sort_by_key(|(y, _)| *y);
    Measure::ALL
        .into_iter()
        .enumerate()
        .map(|(i, measure)| {
            let series: Vec<YearPoint> = years
                .iter()
                .map(|(y, counts)| YearPoint {
                    year: *y,
                    counts: counts[i],
                    percent_of_total: percent_tenths(counts[i].recognised, counts[i].total),
                })
                .collect();
            let now = series
                .iter()
                .find(|p| p.year == year)
                .map(|p| p.counts)
                .unwrap_or_default();
            let next = targets
                .iter()
                .filter(|t| t.measure == measure && t.basis == Basis::Total && t.milestone > year)
                .min_by_key(|t| t.milestone)
                .map(|t| {
                    let needed = (now.total * u64::from(t.percent_tenths))
                        .div_ceil(1000)
                        .saturating_sub(now.recognised);
                    let years = t.milestone - year;
                    NextStep {
                        milestone: t.milestone,
                        target_tenths: t.percent_tenths,
                        needed,
                        years,
                        per_year: needed.div_ceil(u64::from(years)),
                    }
                });
            WayLine {
                measure,
                series,
                next,
            }
        })
        .collect()
}

/// "cần thêm 412 hộ, khoảng 103 hộ mỗi năm đến 2030", or that the target is reached.
pub fn sentence(line: &WayLine) -> Option<String> {
    let next = line.next?;
    let word = counter(line.measure);
    Some(if next.needed == 0 {
        format!("đã đạt chỉ tiêu năm {}", next.milestone)
    } else {
        format!(
            "cần thêm {} {word}, khoảng {} {word} mỗi năm đến {}",
            format_count(next.needed),
            format_count(next.per_year),
            next.milestone
        )
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ResolutionRef;

    fn counts(total: u64, recognised: u64) -> [Counts; Measure::COUNT] {
        let mut all = [Counts::default(); Measure::COUNT];
        all[0] = Counts {
            total,
            registered: recognised,
            scored: recognised,
            passed: recognised,
            recognised,
        };
        all
    }

    fn target(milestone: Year, tenths: u16) -> Target {
        Target {
            measure: Measure::GiaDinh,
            basis: Basis::Total,
            milestone,
            percent_tenths: tenths,
            resolution: ResolutionRef {
                number: "01".into(),
                date: None,
                body: String::new(),
            },
        }
    }

    #[test]
    fn the_next_milestone_is_spread_over_the_years_left() {
        // 2026: 10.000 households, 7.588 recognised; 80 % by 2030 = 8.000: 412 more over
        // 2027–2030, 103 a year.
        let series = [(2026, counts(10_000, 7_588)), (2025, counts(9_900, 7_000))];
        let targets = [target(2025, 700), target(2030, 800)];
        let lines = way(&series, 2026, &targets);
        let gd = &lines[0];
        assert_eq!(
            gd.series.iter().map(|p| p.year).collect::<Vec<_>>(),
            [2025, 2026]
        );
        assert_eq!(gd.series[0].percent_of_total, Some(707));
        let next = gd.next.expect("next");
        assert_eq!(
            (next.milestone, next.needed, next.years, next.per_year),
            (2030, 412, 4, 103)
        );
        assert_eq!(
            sentence(gd).as_deref(),
            Some("cần thêm 412 hộ, khoảng 103 hộ mỗi năm đến 2030")
        );
        // No target after the report year: nothing to say.
        assert_eq!(way(&series, 2030, &targets)[0].next, None);
        assert_eq!(lines[1].next, None);
        // 413 over 4 years: 104 a year (rounded up); reached: said so.
        let lines = way(&[(2026, counts(10_000, 7_587))], 2026, &targets);
        assert_eq!(lines[0].next.map(|n| n.per_year), Some(104));
        let lines = way(&[(2026, counts(10_000, 8_100))], 2026, &targets);
        assert_eq!(
            sentence(&lines[0]).as_deref(),
            Some("đã đạt chỉ tiêu năm 2030")
        );
    }
}
