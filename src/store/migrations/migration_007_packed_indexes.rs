//! Migration 007 (schema 7 → 8): the two derived indexes are packed 256 units to a
//! record (see [`crate::store::packed`]): `unit_links_v1` (one 20-byte record per unit)
//! becomes `unit_links_v2` keyed `(kind, id >> 8)`, and `statuses_v1` (one byte per
//! evaluation) becomes `statuses_v2` keyed `(year, title, id >> 8)`. Every link and status
//! is copied as it is, then both old tables are deleted. No record of a unit or an
//! evaluation changes.
//!
//! A slot an earlier migration of the same upgrade already wrote into the new tables
//! (migration 002 rewrites thôn through the everyday writer) is newer than the old
//! table's and is kept.
//!
//! Self-contained (it reads and writes only the four index tables), so it can be
//! renumbered if another migration lands first.

use crate::model::{Status, UnitLink};
use crate::store::error::from_redb;
use crate::store::packed;
use crate::store::tables::{STATUSES, STATUSES_V1, UNIT_LINKS, UNIT_LINKS_V1};
use crate::store::{Result, StoreError, Writer};
use redb::ReadableTable;
use std::collections::BTreeMap;

pub(super) fn run(w: &mut Writer) -> Result<Vec<String>> {
    let path = w.path().to_path_buf();
    let txn = w.txn();
    let err = |e: redb::Error| from_redb(&path, e);

    // Links: the chunks already in the new table, then every old record into a free slot.
    let mut links: BTreeMap<(u8, u32), Vec<u8>> = BTreeMap::new();
    let mut moved_links = 0u64;
    {
        let new = txn.open_table(UNIT_LINKS).map_err(|e| err(e.into()))?;
        for item in new.iter().map_err(|e| err(e.into()))? {
            let (key, value) = item.map_err(|e| err(e.into()))?;
            links.insert(key.value(), value.value().to_vec());
        }
        let old = txn.open_table(UNIT_LINKS_V1).map_err(|e| err(e.into()))?;
        for item in old.iter().map_err(|e| err(e.into()))? {
            let (key, value) = item.map_err(|e| err(e.into()))?;
            let (kind, id) = key.value();
            let link = UnitLink::decode(value.value())?;
            let chunk = links.entry((kind, packed::chunk_of(id))).or_default();
            if !packed::has_link(chunk, packed::slot_of(id)) {
                packed::put_link(chunk, packed::slot_of(id), Some(&link));
            }
            moved_links += 1;
        }
    }
    {
        let mut new = txn.open_table(UNIT_LINKS).map_err(|e| err(e.into()))?;
        for (key, chunk) in &links {
            new.insert(key, chunk.as_slice())
                .map_err(|e| err(e.into()))?;
        }
    }
    txn.delete_table(UNIT_LINKS_V1).map_err(|e| err(e.into()))?;

    // Statuses the same way.
    let mut statuses: BTreeMap<(u16, u8, u32), Vec<u8>> = BTreeMap::new();
    let mut moved_statuses = 0u64;
    {
        let new = txn.open_table(STATUSES).map_err(|e| err(e.into()))?;
        for item in new.iter().map_err(|e| err(e.into()))? {
            let (key, value) = item.map_err(|e| err(e.into()))?;
            statuses.insert(key.value(), value.value().to_vec());
        }
        let old = txn.open_table(STATUSES_V1).map_err(|e| err(e.into()))?;
        for item in old.iter().map_err(|e| err(e.into()))? {
            let (key, value) = item.map_err(|e| err(e.into()))?;
            let (year, title, unit) = key.value();
            let bits = value.value();
            let status = Status::from_bits(bits).ok_or_else(|| {
                StoreError::Decode(crate::store::codec::DecodeError {
                    what: "trạng thái đánh giá",
                    reason: format!("năm {year}, đơn vị {unit}: giá trị {bits}"),
                })
            })?;
            let chunk = statuses
                .entry((year, title, packed::chunk_of(unit)))
                .or_default();
            let slot = packed::slot_of(unit);
            if chunk.get(slot).is_none_or(|b| *b == 0) {
                packed::put_status(chunk, slot, Some(status));
            }
            moved_statuses += 1;
        }
    }
    {
        let mut new = txn.open_table(STATUSES).map_err(|e| err(e.into()))?;
        for (key, chunk) in &statuses {
            new.insert(key, chunk.as_slice())
                .map_err(|e| err(e.into()))?;
        }
    }
    txn.delete_table(STATUSES_V1).map_err(|e| err(e.into()))?;

    let count = |n: u64| crate::text::format_count(n);
    Ok(vec![
        format!(
            "{} liên kết đơn vị xếp vào {} bản ghi",
            count(moved_links),
            count(links.len() as u64)
        ),
        format!(
            "{} trạng thái đánh giá xếp vào {} bản ghi",
            count(moved_statuses),
            count(statuses.len() as u64)
        ),
    ])
}

#[cfg(test)]
mod tests {
    use crate::criteria::IndicatorKind;
    use crate::model::{Evaluation, EvaluationKey, IndicatorValue, Stamp, Title, UnitKind};
    use crate::store::error::from_redb;
    use crate::store::tables::{STATUSES, STATUSES_V1, UNIT_LINKS, UNIT_LINKS_V1};
    use crate::store::{Register, Result, SCHEMA_VERSION, Writer};
    use redb::ReadableTable;

    /// Rewrites the packed indexes in the one-record-per-unit tables of schema 7 and
    /// deletes the packed ones: the register as schema 7 left it.
    fn unpack(w: &mut Writer, links: &[(UnitKind, u32, crate::model::UnitLink)]) -> Result<()> {
        let path = w.path().to_path_buf();
        let txn = w.txn();
        let err = |e: redb::Error| from_redb(&path, e);
        let mut statuses = Vec::new();
        {
            let t = txn.open_table(STATUSES).map_err(|e| err(e.into()))?;
            for item in t.iter().map_err(|e| err(e.into()))? {
                let (key, value) = item.map_err(|e| err(e.into()))?;
                let (year, title, chunk) = key.value();
                let slots = crate::store::packed::statuses(value.value())?;
                for (slot, status) in slots.iter().enumerate() {
                    if let Some(s) = status {
                        statuses.push(((year, title, (chunk << 8) + slot as u32), s.to_bits()));
                    }
                }
            }
        }
        {
            let mut old = txn.open_table(UNIT_LINKS_V1).map_err(|e| err(e.into()))?;
            for (kind, id, link) in links {
                old.insert((*kind as u8, *id), link.encode().as_slice())
                    .map_err(|e| err(e.into()))?;
            }
            let mut old = txn.open_table(STATUSES_V1).map_err(|e| err(e.into()))?;
            for (key, bits) in &statuses {
                old.insert(key, bits).map_err(|e| err(e.into()))?;
            }
        }
        txn.delete_table(UNIT_LINKS).map_err(|e| err(e.into()))?;
        txn.delete_table(STATUSES).map_err(|e| err(e.into()))?;
        w.put_schema_for_test(SCHEMA_VERSION - 1)
    }

    /// A schema-6 register of 600 households (three chunks) with evaluations of two
    /// years in every state (none, registered, fully scored) opens migrated: every link
    /// and every status reads as before, the old tables are gone, and `check` passes.
    #[test]
    fn the_old_indexes_are_packed_with_every_link_and_status_intact() {
        let (dir, register, entry, ids) = crate::store::tests::with_households(600);
        let path = dir.path().join("so.redb");
        let stamp = Stamp::now();
        register
            .write(|w| {
                w.remember_criteria(&entry.hash, &entry.set)?;
                for (i, id) in ids.iter().enumerate() {
                    for year in [2024, 2025] {
                        if (i + year as usize).is_multiple_of(3) {
                            continue;
                        }
                        let mut e =
                            Evaluation::register(&entry.set.id, &entry.hash, None, stamp.clone());
                        if i % 3 == 1 {
                            for ind in entry.set.indicators() {
                                let value = match ind.kind {
                                    IndicatorKind::Points => IndicatorValue::Points(ind.max),
                                    IndicatorKind::PassFail => IndicatorValue::Pass(true),
                                };
                                e.values.insert(ind.code.clone(), value);
                            }
                        }
                        let key = EvaluationKey {
                            year,
                            title: Title::GiaDinh,
                            unit: *id,
                        };
                        w.set_evaluation(key, Some(&e), &stamp)?;
                    }
                }
                Ok(())
            })
            .expect("evaluations");
        let reader = register.read().expect("read");
        let links = reader.unit_links().expect("links");
        let statuses: Vec<_> = (2024..=2025)
            .map(|y| reader.statuses_in_year(y).expect("statuses"))
            .collect();
        drop(reader);
        assert!(links.iter().any(|(_, id, _)| *id > 512));
        assert!(statuses[1].len() > 300 && statuses[1].iter().any(|(_, _, s)| s.passed));
        register.write(|w| unpack(w, &links)).expect("unpack");
        register.close().expect("close");

        let mut register = Register::open(&path).expect("open and migrate");
        let notice = register.upgrade_notice().expect("notice").to_string();
        assert!(
            notice.contains(&format!("{} liên kết đơn vị", links.len())),
            "{notice}"
        );
        let reader = register.read().expect("read");
        assert_eq!(reader.schema_version().expect("v"), Some(SCHEMA_VERSION));
        assert_eq!(reader.unit_links().expect("links"), links);
        for (year, want) in (2024..=2025).zip(&statuses) {
            assert_eq!(&reader.statuses_in_year(year).expect("statuses"), want);
        }
        drop(reader);
        let names = register.table_names_for_test();
        assert!(names.contains(&"unit_links_v2".to_string()), "{names:?}");
        assert!(
            !names.contains(&"unit_links_v1".to_string())
                && !names.contains(&"statuses_v1".to_string()),
            "{names:?}"
        );
        let report = register.check(2025).expect("check");
        assert!(report.ok, "{:?}", report.problems);
    }
}
