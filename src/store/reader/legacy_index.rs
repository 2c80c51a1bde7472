//! Reading the one-record-per-unit link and status indexes of schemas 1–7, for a
//! register opened as it is without being migrated: the verified copy taken before an
//! upgrade is checked in its own schema. They are handed over as the packed indexes are
//! (see [`crate::store::packed`]), so the check and the census read either.

use super::Reader;
use crate::model::{Status, Title, UnitId, UnitKind, UnitLink, Year};
use crate::store::codec::DecodeError;
use crate::store::error::from_redb;
use crate::store::packed;
use crate::store::tables::{STATUSES_V1, UNIT_LINKS_V1};
use crate::store::{Result, StoreError};
use redb::ReadableTable;

fn bad(what: &'static str, reason: String) -> StoreError {
    StoreError::Decode(DecodeError { what, reason })
}

impl Reader {
    /// Every unit's link from `unit_links_v1`; false when the table is not there.
    pub(super) fn for_each_unit_link_v1(
        &self,
        f: &mut dyn FnMut(UnitKind, UnitId, UnitLink),
    ) -> Result<bool> {
        let Some(t) = self.table(UNIT_LINKS_V1)? else {
            return Ok(false);
        };
        for item in t.iter().map_err(|e| from_redb(&self.path, e))? {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let (kind, id) = key.value();
            let kind = UnitKind::from_u8(kind)
                .ok_or_else(|| bad("liên kết đơn vị", format!("loại đơn vị {kind} không có")))?;
            f(kind, id, UnitLink::decode(value.value())?);
        }
        Ok(true)
    }

    /// The statuses of `year` from `statuses_v1`, gathered into chunks of 256 units;
    /// false when the table is not there.
    pub(super) fn for_each_status_chunk_v1(
        &self,
        year: Year,
        f: &mut dyn FnMut(Title, UnitId, &packed::StatusChunk),
    ) -> Result<bool> {
        let Some(t) = self.table(STATUSES_V1)? else {
            return Ok(false);
        };
        let range = t
            .range((year, 0u8, 0u32)..=(year, u8::MAX, u32::MAX))
            .map_err(|e| from_redb(&self.path, e))?;
        let mut current: Option<(Title, u32)> = None;
        let mut slots = [None; packed::SLOTS];
        for item in range {
            let (key, value) = item.map_err(|e| from_redb(&self.path, e))?;
            let (_, title, unit) = key.value();
            let title = Title::from_u8(title)
                .ok_or_else(|| bad("trạng thái đánh giá", format!("mã danh hiệu {title}")))?;
            let bits = value.value();
            let status = Status::from_bits(bits)
                .ok_or_else(|| bad("trạng thái đánh giá", format!("giá trị {bits}")))?;
            let here = (title, packed::chunk_of(unit));
            if current.is_some_and(|c| c != here) {
                if let Some((t, c)) = current {
                    f(t, packed::first_id(c), &slots);
                }
                slots = [None; packed::SLOTS];
            }
            current = Some(here);
            slots[packed::slot_of(unit)] = Some(status);
        }
        if let Some((t, c)) = current {
            f(t, packed::first_id(c), &slots);
        }
        Ok(true)
    }
}
