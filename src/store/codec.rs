//! Record values as version-tagged postcard bytes. Each record type is an enum whose
//! variants are format versions (`V1`, later `V2`, …; only ever appended), so an old
//! register stays readable and a damaged value is an error, never a panic.

use super::history::HistoryEntry;
use crate::criteria::CriteriaSet;
use crate::model::{Commune, Evaluation, Target, Unit};
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

macro_rules! versioned {
    ($wire:ident, $borrowed:ident, $ty:ty, $what:literal, $encode:ident, $decode:ident) => {
        #[derive(Deserialize)]
        enum $wire {
            V1($ty),
        }

        #[derive(Serialize)]
        enum $borrowed<'a> {
            V1(&'a $ty),
        }

        pub fn $encode(value: &$ty) -> Vec<u8> {
            // Serialising plain data into a Vec has no failure mode that data can cause;
            // an empty value would be refused on decode rather than trusted.
            postcard::to_stdvec(&$borrowed::V1(value)).unwrap_or_default()
        }

        pub fn $decode(bytes: &[u8]) -> Result<$ty, DecodeError> {
            let (wire, rest): ($wire, &[u8]) =
                postcard::take_from_bytes(bytes).map_err(|e| DecodeError {
                    what: $what,
                    reason: e.to_string(),
                })?;
            if !rest.is_empty() {
                return Err(DecodeError {
                    what: $what,
                    reason: format!("thừa {} byte ở cuối", rest.len()),
                });
            }
            match wire {
                $wire::V1(v) => Ok(v),
            }
        }
    };
}

versioned!(UnitWire, UnitRef, Unit, "đơn vị", encode_unit, decode_unit);
versioned!(
    EvaluationWire,
    EvaluationRef,
    Evaluation,
    "đánh giá",
    encode_evaluation,
    decode_evaluation
);
versioned!(
    HistoryWire,
    HistoryRef,
    HistoryEntry,
    "lịch sử",
    encode_history,
    decode_history
);
versioned!(
    CriteriaWire,
    CriteriaRef,
    CriteriaSet,
    "bộ tiêu chí",
    encode_criteria,
    decode_criteria
);
versioned!(
    TargetWire,
    TargetRef,
    Target,
    "chỉ tiêu",
    encode_target,
    decode_target
);
versioned!(
    CommuneWire,
    CommuneRef,
    Commune,
    "thông tin xã",
    encode_commune,
    decode_commune
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Affiliation, Citizen, Gender, UnitMeta};
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
            let _ = decode_evaluation(&bytes);
            let _ = decode_history(&bytes);
            let _ = decode_criteria(&bytes);
            let _ = decode_target(&bytes);
            let _ = decode_commune(&bytes);
        }
    }
}
