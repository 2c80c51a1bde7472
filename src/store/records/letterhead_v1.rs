//! The office's report lines (meta key `letterhead`), as first stored. A record type
//! added after version 1 of the register starts its own V1 in a module named for it;
//! registers without the key print the usual lines, so no migration is needed.

use crate::model;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LetterheadV1 {
    pub superior: String,
    pub issuing_body: String,
    pub number: String,
    pub place: String,
    pub signer_title: String,
    pub signer_name: String,
    pub recipients: Vec<String>,
}

impl From<&model::Letterhead> for LetterheadV1 {
    fn from(l: &model::Letterhead) -> LetterheadV1 {
        LetterheadV1 {
            superior: l.superior.clone(),
            issuing_body: l.issuing_body.clone(),
            number: l.number.clone(),
            place: l.place.clone(),
            signer_title: l.signer_title.clone(),
            signer_name: l.signer_name.clone(),
            recipients: l.recipients.clone(),
        }
    }
}

impl From<LetterheadV1> for model::Letterhead {
    fn from(l: LetterheadV1) -> model::Letterhead {
        model::Letterhead {
            superior: l.superior,
            issuing_body: l.issuing_body,
            number: l.number,
            place: l.place,
            signer_title: l.signer_title,
            signer_name: l.signer_name,
            recipients: l.recipients,
        }
    }
}
