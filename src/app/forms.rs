//! The paper forms of the yearly cycle — a unit's scoring sheet and its registration
//! form — read from one snapshot: which units (one, a thôn's, every registered one),
//! the criteria set each is scored under and its last recorded values. The command
//! line's `sheet` and the app's keys on the list and scoring screens both call these,
//! so the paper is the same whichever printed it; `report::docx::forms` lays it out.

use crate::criteria::{Catalog, CriteriaSet};
use crate::model::{EvaluationKey, IndicatorValue, Title, UnitId, UnitKind, Year};
use crate::report::docx::sheet::SheetData;
use crate::store::{Reader, StoreError};
use crate::tally::Census;
use crate::text::collation_key;
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

/// How many years back the last recorded values are looked for.
const LOOK_BACK: Year = 10;

/// One unit's form: the set it is scored under and what the form shows of the unit.
#[derive(Debug, Clone)]
pub struct Form {
    pub set: Arc<CriteriaSet>,
    pub data: SheetData,
}

/// Why the forms could not be made.
#[derive(Debug, thiserror::Error)]
pub enum FormError {
    #[error(transparent)]
    Store(#[from] StoreError),
    /// No evaluation to take a set from and no set in force for the year.
    #[error("Chưa có bộ tiêu chí {} cho năm {}", .0.name(), .1)]
    NoCriteria(Title, Year),
    /// An id that is not (or no longer) in the register.
    #[error("Không đọc được đơn vị số {0} trong sổ")]
    NoUnit(UnitId),
}

/// The active units of `title` in thôn `community` this census year: its households
/// (GĐHT), the citizens of its households (CDHT), the thôn itself (CĐHT); none for
/// titles whose units do not belong to a thôn (clans, organisations).
pub fn units_in_community(census: &Census, title: Title, community: UnitId) -> Vec<UnitId> {
    census
        .ids(title.unit_kind())
        .filter(|&id| census.community_of(title, id) == Some(community))
        .collect()
}

/// The units registered for `title` in the census year.
pub fn registered_units(census: &Census, title: Title) -> Vec<UnitId> {
    census
        .ids(title.unit_kind())
        .filter(|&id| census.status(title, id).registered)
        .collect()
}

/// Whether `title` is counted by thôn at all (so `units_in_community` can find any).
pub fn by_community(title: Title) -> bool {
    matches!(title, Title::GiaDinh | Title::CongDan | Title::CongDong)
}

/// The forms of `ids`, in the order given. The set is the one this year's evaluation is
/// scored under, else the one in force (what the scoring screen will score with), else
/// the set of the unit's last evaluation; the values are the latest recorded up to
/// `year`, so a unit not scored yet this year shows last year's.
pub fn load_forms(
    reader: &Reader,
    catalog: &Catalog,
    census: &Census,
    title: Title,
    ids: &[UnitId],
    year: Year,
    today: NaiveDate,
) -> Result<Vec<Form>, FormError> {
    let commune = reader.commune()?;
    let kind = title.unit_kind();
    let mut sets: HashMap<String, Arc<CriteriaSet>> = HashMap::new();
    let in_force = catalog.in_force(title, year).map(|e| e.set.clone());
    let mut community_names: HashMap<UnitId, String> = HashMap::new();
    let mut out = Vec::with_capacity(ids.len());
    for &id in ids {
        let unit = reader.unit(kind, id)?.ok_or(FormError::NoUnit(id))?;
        let mut this_year = None;
        let mut latest = None;
        let mut values: Option<(Year, BTreeMap<String, IndicatorValue>)> = None;
        for y in (year.saturating_sub(LOOK_BACK)..=year).rev() {
            let Some(e) = reader.evaluation(EvaluationKey {
                year: y,
                title,
                unit: id,
            })?
            else {
                continue;
            };
            if y == year {
                this_year = Some(e.criteria_hash.clone());
            }
            if latest.is_none() {
                latest = Some(e.criteria_hash.clone());
            }
            if values.is_none() && !e.values.is_empty() {
                values = Some((y, e.values));
            }
            if values.is_some() {
                break;
            }
        }
        let set = match (this_year, &in_force, latest) {
            (Some(hash), _, _) => stored_set(reader, &mut sets, &hash)?,
            (None, Some(set), _) => Some(set.clone()),
            (None, None, Some(hash)) => stored_set(reader, &mut sets, &hash)?,
            (None, None, None) => None,
        };
        // A stored copy missing is `sohoctap check`'s to report; the form falls back
        // to the set in force rather than failing the whole thôn.
        let set = set
            .or_else(|| in_force.clone())
            .ok_or(FormError::NoCriteria(title, year))?;
        let community = match census.community_of(title, id) {
            Some(c) => match community_names.get(&c) {
                Some(name) => name.clone(),
                None => {
                    let name = reader
                        .unit(UnitKind::Community, c)?
                        .map(|u| u.display_name())
                        .unwrap_or_default();
                    community_names.insert(c, name.clone());
                    name
                }
            },
            None => String::new(),
        };
        let (values_year, values) = match values {
            Some((y, v)) => (Some(y), v),
            None => (None, BTreeMap::new()),
        };
        out.push(Form {
            set,
            data: SheetData {
                commune: commune.clone(),
                year,
                unit_code: unit.code().to_string(),
                unit_name: unit.display_name(),
                community,
                values_year,
                values,
                today,
            },
        });
    }
    Ok(out)
}

fn stored_set(
    reader: &Reader,
    sets: &mut HashMap<String, Arc<CriteriaSet>>,
    hash: &str,
) -> Result<Option<Arc<CriteriaSet>>, StoreError> {
    if let Some(set) = sets.get(hash) {
        return Ok(Some(set.clone()));
    }
    Ok(reader.criteria(hash)?.map(|set| {
        let set = Arc::new(set);
        sets.insert(hash.to_string(), set.clone());
        set
    }))
}

/// Puts forms in the order a thôn's officer walks them: by thôn, then name, then code
/// (the order of the decision's attached list).
pub fn sort_forms(forms: &mut [Form]) {
    forms.sort_by_cached_key(|f| {
        (
            collation_key(&f.data.community),
            collation_key(&f.data.unit_name),
            f.data.unit_code.clone(),
        )
    });
}
