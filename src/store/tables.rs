//! Every table of the register, its key and value layout. Values are version-tagged
//! postcard bytes (see [`super::codec`]); keys are fixed-width integers wherever the data
//! allows, so ranges are cheap and ordering is obvious. Table names carry a `_v1` suffix: a
//! layout change makes a new table and a numbered migration, never a silent reinterpretation.

use redb::TableDefinition;

/// `name → bytes`. Keys:
/// - `"schema"`: the schema version, `u32` little-endian (see [`super::SCHEMA_VERSION`]);
/// - `"commune"`: the commune (`Commune` record);
/// - `"next_id/<kind>"`: the next free unit id of a kind, `u32` little-endian;
/// - `"demo"`: `[1]` when the register holds made-up demo data (`sohoctap demo`);
/// - `"officer"`: the officer's name (UTF-8) last given in the app or with `--officer`,
///   offered as the default when the app next asks who is working.
pub const META: TableDefinition<&str, &[u8]> = TableDefinition::new("meta_v1");

/// `(unit kind, unit id) → Unit record`. Units are never deleted, only archived.
pub const UNITS: TableDefinition<(u8, u32), &[u8]> = TableDefinition::new("units_v1");

/// `(unit kind, unit code) → unit id`: codes are unique within a kind.
pub const UNIT_CODES: TableDefinition<(u8, &str), u32> = TableDefinition::new("unit_codes_v1");

/// `(year, title, unit id) → Evaluation record`. Year first, so one year is one range.
pub const EVALUATIONS: TableDefinition<(u16, u8, u32), &[u8]> =
    TableDefinition::new("evaluations_v1");

/// `sequence → HistoryEntry record`: every change to an evaluation, in order.
pub const HISTORY: TableDefinition<u64, &[u8]> = TableDefinition::new("history_v1");

/// `(title, unit id, sequence) → ()`: index of [`HISTORY`] by unit, for the history screen.
pub const HISTORY_BY_UNIT: TableDefinition<(u8, u32, u64), ()> =
    TableDefinition::new("history_by_unit_v1");

/// `content hash → CriteriaSet record`: a copy of every criteria set an evaluation used,
/// so an evaluation always scores under the exact version it was made with.
pub const CRITERIA: TableDefinition<&str, &[u8]> = TableDefinition::new("criteria_v1");

/// `(measure, basis, milestone year) → Target record`: the resolution's targets, since
/// schema 4 (a measure can have a target on each basis for the same milestone).
pub const TARGETS: TableDefinition<(u8, u8, u16), &[u8]> = TableDefinition::new("targets_v2");

/// `(measure, milestone year) → Target record`: the targets of schemas 1–3, all on the
/// "recognised over all units" basis. Read only by migration 003, which moves them into
/// [`TARGETS`] and deletes this table.
pub const TARGETS_V1: TableDefinition<(u8, u16), &[u8]> = TableDefinition::new("targets_v1");

/// `(unit kind, chunk = unit id >> 8) → up to 256 link slots of 20 bytes` (since schema
/// 8; see [`super::packed`]): years active, parent links and weight of every unit,
/// derived from [`UNITS`] and written with it, so a year opens without decoding every
/// unit record, reading one record per 256 units.
pub const UNIT_LINKS: TableDefinition<(u8, u32), &[u8]> = TableDefinition::new("unit_links_v2");

/// `(year, title, chunk = unit id >> 8) → up to 256 status bytes` (since schema 8; see
/// [`super::packed`]): registered/scored/passed/recognised of every evaluation under its
/// own criteria version, derived from [`EVALUATIONS`] and written with it, so tallies
/// never rescore a year.
pub const STATUSES: TableDefinition<(u16, u8, u32), &[u8]> = TableDefinition::new("statuses_v2");

/// `(unit kind, unit id) → UnitLink (20 bytes)`: the link index of schemas 1–7, one record
/// per unit. Read only by migration 007, which packs it into [`UNIT_LINKS`] and deletes it.
pub const UNIT_LINKS_V1: TableDefinition<(u8, u32), &[u8]> = TableDefinition::new("unit_links_v1");

/// `(year, title, unit id) → Status bits`: the status index of schemas 1–7, one record
/// per evaluation. Read only by migration 007, which packs it into [`STATUSES`] and
/// deletes it.
pub const STATUSES_V1: TableDefinition<(u16, u8, u32), u8> = TableDefinition::new("statuses_v1");

/// `number → text` (schema 7): the texts compact records refer to by number — who saved
/// a record, decision numbers, notes, override reasons. Numbered from 0 without gaps;
/// a row is never changed or deleted (see [`super::dictionary`]).
pub const STRINGS: TableDefinition<u32, &str> = TableDefinition::new("strings_v1");

/// `text → number` (schema 7): the reverse of [`STRINGS`], so a save finds a text's
/// number without reading them all.
pub const STRING_IDS: TableDefinition<&str, u32> = TableDefinition::new("string_ids_v1");

/// `index → CriteriaRef record` (schema 7): the criteria versions (id, content hash and
/// indicator codes in order) compact evaluations refer to by index. Numbered from 0
/// without gaps; a row is never changed or deleted.
pub const CRITERIA_REFS: TableDefinition<u16, &[u8]> = TableDefinition::new("criteria_refs_v1");

/// `year → generation (u64 little-endian) + a year's counts` (see [`super::tally_cache`]):
/// the tally of a year as counted when the register's write counter (meta key
/// `"generation"`) had that value. Derived from the other tables and only trusted while
/// the counter still has it, so any later write makes it stale without touching it.
pub const TALLY_CACHE: TableDefinition<u16, &[u8]> = TableDefinition::new("tally_cache_v1");
