//! The JSON archive written record by record: the same bytes as
//! [`super::archive_to_json`] of [`super::export_archive`], without holding the register
//! in memory. At commune scale the whole [`super::Archive`] and its text took more than
//! 4 GB; written this way a record is decoded, written and dropped, and memory stays
//! what redb's page cache and one record take.
//!
//! The document is serialised through serde as the derived `Archive` would be (the same
//! field names in the same order), but each list is a sequence fed by a walk over its
//! table ([`crate::store::Reader::each_unit`] and the others).

use super::archive_json::{
    ARCHIVE_FORMAT, ARCHIVE_VERSION, ArchivedCriteria, ArchivedEvaluation, ArchivedHistory,
    ArchivedUnit,
};
use crate::model::UnitKind;
use crate::store::{Reader, SCHEMA_VERSION, StoreError, Walk};
use serde::ser::{SerializeSeq, SerializeStruct};
use serde::{Serialize, Serializer};
use std::cell::RefCell;
use std::collections::BTreeMap;
use std::io::Write;

/// Why writing the archive stopped.
#[derive(Debug)]
pub enum ArchiveWriteError {
    /// Reading the register failed (a damaged record).
    Store(StoreError),
    /// Writing the output failed (a full disk, a closed pipe).
    Io(std::io::Error),
}

/// Writes the whole register as archive JSON to `out` (pretty-printed, LF line ends, a
/// final newline), record by record.
pub fn write_archive(reader: &Reader, out: &mut dyn Write) -> Result<(), ArchiveWriteError> {
    let failed = RefCell::new(None);
    let document = Document {
        reader,
        failed: &failed,
    };
    let written = serde_json::to_writer_pretty(&mut *out, &document)
        .and_then(|()| out.write_all(b"\n").map_err(serde_json::Error::io));
    if let Some(e) = failed.into_inner() {
        return Err(ArchiveWriteError::Store(e));
    }
    written.map_err(|e| match e.io_error_kind() {
        Some(_) => ArchiveWriteError::Io(std::io::Error::from(e)),
        None => ArchiveWriteError::Io(std::io::Error::other(e.to_string())),
    })
}

/// The archive, read from the register as it is written. A read error is kept in
/// `failed` (serde's errors carry only text) and stops the serialisation.
struct Document<'a> {
    reader: &'a Reader,
    failed: &'a RefCell<Option<StoreError>>,
}

impl Document<'_> {
    /// Keeps a read error and turns it into the serialiser's error, which stops it.
    fn stop<E: serde::ser::Error>(&self, e: StoreError) -> E {
        let text = e.to_string();
        *self.failed.borrow_mut() = Some(e);
        E::custom(text)
    }

    /// Serialises a sequence whose elements `walk` hands to its visitor.
    fn seq<S: Serializer, T: Serialize>(
        &self,
        serializer: S,
        walk: impl FnOnce(&mut dyn FnMut(T) -> Walk) -> Result<(), StoreError>,
    ) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(None)?;
        let mut write_error = None;
        let walked = walk(&mut |item| match seq.serialize_element(&item) {
            Ok(()) => Walk::Continue(()),
            Err(e) => {
                write_error = Some(e);
                Walk::Break(())
            }
        });
        if let Some(e) = write_error {
            return Err(e);
        }
        walked.map_err(|e| self.stop(e))?;
        seq.end()
    }
}

/// One list of the archive, walked when serialised.
struct List<'a> {
    document: &'a Document<'a>,
    which: Which,
}

#[derive(Clone, Copy)]
enum Which {
    Units,
    Evaluations,
    History,
}

impl Serialize for List<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let reader = self.document.reader;
        match self.which {
            Which::Units => self.document.seq(serializer, |visit| {
                for kind in UnitKind::ALL {
                    let mut stopped = false;
                    reader.each_unit(kind, &mut |id, unit| {
                        let walk = visit(ArchivedUnit { id, unit });
                        stopped = walk.is_break();
                        walk
                    })?;
                    if stopped {
                        break;
                    }
                }
                Ok(())
            }),
            Which::Evaluations => self.document.seq(serializer, |visit| {
                reader.each_evaluation(0, u16::MAX, &mut |key, evaluation| {
                    visit(ArchivedEvaluation { key, evaluation })
                })
            }),
            Which::History => self.document.seq(serializer, |visit| {
                reader.each_history(&mut |seq, entry| visit(ArchivedHistory { seq, entry }))
            }),
        }
    }
}

impl Serialize for Document<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let reader = self.reader;
        let commune = reader.commune().map_err(|e| self.stop::<S::Error>(e))?;
        let mut next_ids = BTreeMap::new();
        for kind in UnitKind::ALL {
            let next = reader
                .next_unit_id(kind)
                .map_err(|e| self.stop::<S::Error>(e))?;
            next_ids.insert(kind.code().to_string(), next);
        }
        let criteria: Vec<ArchivedCriteria> = reader
            .all_criteria()
            .map_err(|e| self.stop::<S::Error>(e))?
            .into_iter()
            .map(|(hash, set)| ArchivedCriteria { hash, set })
            .collect();
        let targets = reader.targets().map_err(|e| self.stop::<S::Error>(e))?;
        let letterhead = reader.letterhead().map_err(|e| self.stop::<S::Error>(e))?;
        let list = |which| List {
            document: self,
            which,
        };
        // The fields of `Archive`, in its order.
        let mut s = serializer.serialize_struct("Archive", 11)?;
        s.serialize_field("format", ARCHIVE_FORMAT)?;
        s.serialize_field("version", &ARCHIVE_VERSION)?;
        s.serialize_field("schema", &SCHEMA_VERSION)?;
        s.serialize_field("commune", &commune)?;
        s.serialize_field("next_ids", &next_ids)?;
        s.serialize_field("units", &list(Which::Units))?;
        s.serialize_field("evaluations", &list(Which::Evaluations))?;
        s.serialize_field("history", &list(Which::History))?;
        s.serialize_field("criteria", &criteria)?;
        s.serialize_field("targets", &targets)?;
        s.serialize_field("letterhead", &letterhead)?;
        s.end()
    }
}

impl std::fmt::Display for ArchiveWriteError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ArchiveWriteError::Store(e) => write!(f, "{e}"),
            ArchiveWriteError::Io(e) => write!(f, "{}", crate::store::describe_io(e)),
        }
    }
}
