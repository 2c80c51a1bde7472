//! Record values as version-tagged postcard bytes. Each record type is stored as an enum
//! whose variants are format versions (`V1`, later `V2`, …; only ever appended) wrapping
//! the frozen wire types of [`super::records`]. Decoding accepts every known version and
//! converts it into today's model; encoding writes the newest. So the model can change
//! without touching old bytes, and a damaged value is an error, never a panic.

use super::dictionary::{Interner, Names, SetLayout};
use super::records::{v1, v2, v3, v4, v5};
use crate::criteria::CriteriaSet;
use crate::model::HistoryEntry;
use crate::model::{Commune, Evaluation, Letterhead, Target, Unit};
use serde::{Deserialize, Serialize};
use std::fmt;

/// A stored value that could not be read back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecodeError {
    pub what: &'static str,
    pub reason: String,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "không đọc được bản ghi {}: {}", self.what, self.reason)
    }
}

impl std::error::Error for DecodeError {}

/// Reads one whole postcard value; trailing bytes are refused.
fn take_whole<'a, T: Deserialize<'a>>(
    bytes: &'a [u8],
    what: &'static str,
) -> Result<T, DecodeError> {
    let (value, rest): (T, &[u8]) = postcard::take_from_bytes(bytes).map_err(|e| DecodeError {
        what,
        reason: e.to_string(),
    })?;
    if !rest.is_empty() {
        return Err(DecodeError {
            what,
            reason: format!("thừa {} byte ở cuối", rest.len()),
        });
    }
    Ok(value)
}

/// One record type: its versioned wire enum, and its encoder and decoder. `$into` turns
/// a decoded wire value into the model (a `Result<_, String>` for values whose bytes
/// decode but do not make a valid model value, such as a date out of range).
macro_rules! versioned {
    ($wire:ident, $ty:ty, $what:literal, $encode:ident, $decode:ident,
     V1($v1:ty) => $into:expr) => {
        #[derive(Serialize, Deserialize)]
        enum $wire {
            V1($v1),
        }

        pub fn $encode(value: &$ty) -> Vec<u8> {
            // Serialising plain data into a Vec has no failure mode that data can cause;
            // an empty value would be refused on decode rather than trusted.
            postcard::to_stdvec(&$wire::V1(<$v1>::from(value))).unwrap_or_default()
        }

        pub fn $decode(bytes: &[u8]) -> Result<$ty, DecodeError> {
            let into: fn($v1) -> Result<$ty, String> = $into;
            match take_whole::<$wire>(bytes, $what)? {
                $wire::V1(v) => into(v).map_err(|reason| DecodeError {
                    what: $what,
                    reason,
                }),
            }
        }
    };
}

versioned!(UnitWire, Unit, "đơn vị", encode_unit, decode_unit,
    V1(v1::UnitV1) => |v| Ok(v.into()));
/// Evaluations have three versions: V2 (schema 6) adds the CDHT holder's digital skills;
/// V3 (schema 7) is the compact form of [`v5`], whose numbers are looked up in the
/// register's dictionary tables (see [`super::dictionary`]).
#[derive(Serialize, Deserialize)]
enum EvaluationWire {
    V1(v1::EvaluationV1),
    V2(v4::EvaluationV2),
    V3(v5::EvaluationV3),
}

fn encode_wire<T: Serialize>(wire: &T) -> Vec<u8> {
    // As in `versioned!`: plain data into a Vec cannot fail on the data's account.
    postcard::to_stdvec(wire).unwrap_or_default()
}

/// An evaluation as written since schema 7, adding the texts and the criteria version
/// it names to the dictionary tables when they are new.
pub fn encode_evaluation(value: &Evaluation, names: &mut dyn Interner) -> super::Result<Vec<u8>> {
    Ok(encode_wire(&EvaluationWire::V3(v5::EvaluationV3::of(
        value, names,
    )?)))
}

/// An evaluation as schema 6 wrote it (version 2), for migrations 001 and 005, which
/// run before the dictionary tables exist.
pub fn encode_evaluation_v2(value: &Evaluation) -> Vec<u8> {
    encode_wire(&EvaluationWire::V2(v4::EvaluationV2::from(value)))
}

pub fn decode_evaluation(bytes: &[u8], names: &dyn Names) -> Result<Evaluation, DecodeError> {
    let what = "đánh giá";
    match take_whole::<EvaluationWire>(bytes, what)? {
        EvaluationWire::V1(v) => Evaluation::try_from(v),
        EvaluationWire::V2(v) => Evaluation::try_from(v),
        EvaluationWire::V3(v) => v.into_model(names),
    }
    .map_err(|reason| DecodeError { what, reason })
}

/// The version tag of an encoded evaluation (1, 2 or 3), for migrations 005 and 006.
pub fn evaluation_version(bytes: &[u8]) -> Option<u8> {
    version_tag(bytes)
}

/// The format version of any encoded record: its first byte is the index of the wire
/// enum's variant (`V1` = 0), one byte while there are fewer than 128 versions.
pub fn version_tag(bytes: &[u8]) -> Option<u8> {
    bytes.first().map(|tag| tag + 1)
}

/// History entries have three versions: V2 (schema 6) carries evaluations of version 2 and
/// changes of the digital skills; V3 (schema 7) is the compact form of [`v5`].
#[derive(Serialize, Deserialize)]
enum HistoryWire {
    V1(v1::HistoryEntryV1),
    V2(v4::HistoryEntryV2),
    V3(v5::HistoryEntryV3),
}

/// A history entry as written since schema 7 (see [`encode_evaluation`]).
pub fn encode_history(value: &HistoryEntry, names: &mut dyn Interner) -> super::Result<Vec<u8>> {
    Ok(encode_wire(&HistoryWire::V3(v5::HistoryEntryV3::of(
        value, names,
    )?)))
}

/// A history entry as schema 6 wrote it (version 2), for migration 001.
pub fn encode_history_v2(value: &HistoryEntry) -> Vec<u8> {
    encode_wire(&HistoryWire::V2(v4::HistoryEntryV2::from(value)))
}

pub fn decode_history(bytes: &[u8], names: &dyn Names) -> Result<HistoryEntry, DecodeError> {
    let what = "lịch sử";
    match take_whole::<HistoryWire>(bytes, what)? {
        HistoryWire::V1(v) => HistoryEntry::try_from(v),
        HistoryWire::V2(v) => HistoryEntry::try_from(v),
        HistoryWire::V3(v) => v.into_model(names),
    }
    .map_err(|reason| DecodeError { what, reason })
}

/// A row of `criteria_refs_v1`: a record type of its own since schema 7, at its version 1.
#[derive(Serialize, Deserialize)]
enum CriteriaRefWire {
    V1(v5::CriteriaRefV1),
}

pub(crate) fn encode_criteria_ref(layout: &SetLayout) -> Vec<u8> {
    encode_wire(&CriteriaRefWire::V1(v5::CriteriaRefV1 {
        id: layout.id.clone(),
        hash: layout.hash.clone(),
        codes: layout.codes.clone(),
    }))
}

pub(crate) fn decode_criteria_ref(bytes: &[u8]) -> Result<SetLayout, DecodeError> {
    match take_whole::<CriteriaRefWire>(bytes, "mục bảng bộ tiêu chí")? {
        CriteriaRefWire::V1(r) => Ok(SetLayout::new(r.id, r.hash, r.codes)),
    }
}
/// Criteria sets have two versions: V2 (schema 5) adds who entered a set the office
/// typed in. Written out by hand, as the macro knows one version only.
#[derive(Serialize, Deserialize)]
enum CriteriaWire {
    V1(v1::CriteriaSetV1),
    V2(v3::CriteriaSetV2),
}

pub fn encode_criteria(value: &CriteriaSet) -> Vec<u8> {
    // As in `versioned!`: plain data into a Vec cannot fail on the data's account.
    postcard::to_stdvec(&CriteriaWire::V2(v3::CriteriaSetV2::from(value))).unwrap_or_default()
}

pub fn decode_criteria(bytes: &[u8]) -> Result<CriteriaSet, DecodeError> {
    match take_whole::<CriteriaWire>(bytes, "bộ tiêu chí")? {
        CriteriaWire::V1(v) => Ok(v.into()),
        CriteriaWire::V2(v) => CriteriaSet::try_from(v).map_err(|reason| DecodeError {
            what: "bộ tiêu chí",
            reason,
        }),
    }
}

/// The version tag of an encoded criteria record (1 or 2), for migration 004.
pub fn criteria_version(bytes: &[u8]) -> Option<u8> {
    bytes.first().map(|tag| tag + 1)
}
/// Targets have three versions: V1 (recognised over all units only), V2 (with a basis)
/// and V3 (schema 6: the two digital-skills measures too). All decode; V3 is written.
#[derive(Serialize, Deserialize)]
enum TargetWire {
    V1(v1::TargetV1),
    V2(v2::TargetV2),
    V3(v4::TargetV3),
}

pub fn encode_target(value: &Target) -> Vec<u8> {
    postcard::to_stdvec(&TargetWire::V3(v4::TargetV3::from(value))).unwrap_or_default()
}

pub fn decode_target(bytes: &[u8]) -> Result<Target, DecodeError> {
    let what = "chỉ tiêu";
    match take_whole::<TargetWire>(bytes, what)? {
        TargetWire::V1(v) => Target::try_from(v),
        TargetWire::V2(v) => Target::try_from(v),
        TargetWire::V3(v) => Target::try_from(v),
    }
    .map_err(|reason| DecodeError { what, reason })
}
versioned!(CommuneWire, Commune, "thông tin xã", encode_commune, decode_commune,
    V1(v1::CommuneV1) => |v| Ok(v.into()));
versioned!(LetterheadWire, Letterhead, "thông tin văn bản", encode_letterhead, decode_letterhead,
    V1(super::records::letterhead_v1::LetterheadV1) => |v| Ok(v.into()));

/// The leading fields of an evaluation record of each version, up to its criteria
/// version.
#[derive(Deserialize)]
enum EvaluationHeadWire {
    V1(v1::EvaluationHeadV1),
    /// Version 2 begins with the whole version-1 record, so the same head.
    V2(v1::EvaluationHeadV1),
    V3(v5::EvaluationHeadV3),
}

/// The criteria hash of an encoded evaluation, decoding only the head of the record.
pub fn decode_evaluation_criteria(bytes: &[u8], names: &dyn Names) -> Result<String, DecodeError> {
    let bad = |reason: String| DecodeError {
        what: "đánh giá",
        reason,
    };
    let (head, _rest): (EvaluationHeadWire, &[u8]) =
        postcard::take_from_bytes(bytes).map_err(|e| bad(e.to_string()))?;
    match head {
        EvaluationHeadWire::V1(head) | EvaluationHeadWire::V2(head) => Ok(head.criteria_hash),
        EvaluationHeadWire::V3(head) => names
            .set(head.criteria)
            .map(|layout| layout.hash.clone())
            .map_err(bad),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Affiliation, Citizen, Gender, UnitMeta};
    use crate::store::dictionary::{MemoryNames, NoNames};
    use proptest::prelude::*;

    #[test]
    fn a_unit_round_trips() {
        let unit = Unit::Citizen(Citizen {
            meta: UnitMeta {
                code: "CD00001".into(),
                entered: 2024,
                left: None,
            },
            full_name: "Nguyễn Thị Ánh".into(),
            birth_year: Some(1990),
            gender: Gender::Nu,
            affiliation: Affiliation::Household(7),
            target_group: Some(1),
        });
        assert_eq!(decode_unit(&encode_unit(&unit)), Ok(unit));
    }

    #[test]
    fn the_criteria_hash_is_read_from_the_head_of_an_evaluation() {
        let mut e = Evaluation::register(
            "bo",
            "0123456789abcdef",
            chrono::NaiveDate::from_ymd_opt(2025, 1, 2),
            crate::model::Stamp::now(),
        );
        e.note = "ghi chú".into();
        let mut names = MemoryNames::default();
        let bytes = encode_evaluation(&e, &mut names).expect("encode");
        assert_eq!(
            decode_evaluation_criteria(&bytes, &names).as_deref(),
            Ok("0123456789abcdef")
        );
        let v2 = encode_evaluation_v2(&e);
        assert_eq!(
            decode_evaluation_criteria(&v2, &NoNames).as_deref(),
            Ok("0123456789abcdef")
        );
    }

    #[test]
    fn one_score_is_stored_as_one_small_difference() {
        let old = Evaluation::register("bo", "abc", None, crate::model::Stamp::now());
        let mut new = old.clone();
        new.values
            .insert("1.2".into(), crate::model::IndicatorValue::Points(7));
        let key = crate::model::EvaluationKey {
            year: 2025,
            title: crate::model::Title::GiaDinh,
            unit: 1,
        };
        let entry = HistoryEntry::between(key, Some(&old), Some(&new), &crate::model::Stamp::now())
            .expect("a change");
        let bytes = encode_history(&entry, &mut MemoryNames::default()).expect("encode");
        assert!(bytes.len() < 30, "{} bytes", bytes.len());
    }

    #[test]
    fn trailing_bytes_are_refused() {
        let commune = Commune {
            name: "Xã Yên Mô".into(),
            province: "Ninh Bình".into(),
        };
        let mut bytes = encode_commune(&commune);
        bytes.push(0);
        assert!(decode_commune(&bytes).is_err());
    }

    proptest! {
        #[test]
        fn random_bytes_never_panic_any_decoder(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
            let _ = decode_unit(&bytes);
            let _ = decode_evaluation(&bytes, &NoNames);
            let _ = decode_history(&bytes, &NoNames);
            let _ = decode_criteria_ref(&bytes);
            let _ = decode_criteria(&bytes);
            let _ = decode_target(&bytes);
            let _ = decode_commune(&bytes);
            let _ = decode_evaluation_criteria(&bytes, &NoNames);
        }
    }
}
