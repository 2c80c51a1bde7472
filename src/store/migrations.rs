//! Numbered migrations from one schema version of the register to the next, after
//! iroh-docs' `store/fs/migrations.rs`: each one is a function run inside its own write
//! transaction, which also stamps the new schema version, so a register is always at
//! one whole version — a failure or a crash in the middle of a migration leaves the
//! version before it, untouched. Each reports what it changed, for the officer.
//!
//! [`super::Register::open`] runs them on a register older than the program, after a
//! verified backup of the old file (see [`super::backup::backup_before_upgrade`]).
//! Adding a migration: a module `migration_00N_what`, one entry at the end of
//! [`MIGRATIONS`] with `to` = the new [`super::SCHEMA_VERSION`], and a golden register
//! of the old version kept in `tests/fixtures/registers/`.

mod migration_001_canonical_criteria_hash;
mod migration_002_community_kind_word;
mod migration_003_target_basis;
mod migration_004_criteria_entry;
mod migration_005_digital_skills;
mod migration_006_compact_records;
mod migration_007_packed_indexes;

use super::{Register, Result, Writer};

/// The oldest schema this program can migrate from.
pub const OLDEST_SUPPORTED: u32 = 1;

/// One step from schema `to - 1` to schema `to`.
pub struct Migration {
    pub to: u32,
    /// Vietnamese, for the officer ("đổi mã nhận diện bộ tiêu chí sang dạng chuẩn").
    pub what: &'static str,
    pub run: fn(&mut Writer) -> Result<Vec<String>>,
}

/// What one migration did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MigrationReport {
    pub to: u32,
    pub what: &'static str,
    /// One Vietnamese line per kind of change ("12 đánh giá: đổi mã bộ tiêu chí").
    pub changes: Vec<String>,
}

/// Every migration, in order: `MIGRATIONS[i].to == OLDEST_SUPPORTED + 1 + i`.
pub const MIGRATIONS: &[Migration] = &[
    Migration {
        to: 2,
        what: "mã nhận diện bộ tiêu chí tính theo dạng chuẩn có đánh số phiên bản",
        run: migration_001_canonical_criteria_hash::run,
    },
    Migration {
        to: 3,
        what: "tên thôn, tổ dân phố không lặp chữ chỉ loại (\"Thôn Thôn Đông\")",
        run: migration_002_community_kind_word::run,
    },
    Migration {
        to: 4,
        what: "chỉ tiêu ghi rõ cách tính (trên tổng số, đăng ký trên tổng số, trên số đăng ký)",
        run: migration_003_target_basis::run,
    },
    Migration {
        to: 5,
        what: "bộ tiêu chí do văn phòng nhập ghi rõ ai nhập, khi nào, từ đâu",
        run: migration_004_criteria_entry::run,
    },
    Migration {
        to: 6,
        what: "đánh giá công dân học tập có chỗ ghi kỹ năng số (chưa, có, thành thạo)",
        run: migration_005_digital_skills::run,
    },
    Migration {
        to: 7,
        what: "đánh giá và lịch sử ghi ở dạng gọn (sổ nhỏ hơn khoảng một nửa)",
        run: migration_006_compact_records::run,
    },
    Migration {
        to: 8,
        what: "chỉ mục liên kết và trạng thái gộp 256 đơn vị một bản ghi, mở sổ nhanh hơn",
        run: migration_007_packed_indexes::run,
    },
];

/// Runs every migration of `migrations` after schema `found`, each in its own write
/// transaction that ends by stamping its version. Stops at the first failure: the
/// register is then at the last version that completed.
pub(super) fn upgrade(
    register: &Register,
    found: u32,
    migrations: &[Migration],
) -> Result<Vec<MigrationReport>> {
    let mut reports = Vec::new();
    for migration in migrations.iter().filter(|m| m.to > found) {
        let changes = register.write(|w| {
            let changes = (migration.run)(w)?;
            w.set_schema(migration.to)?;
            Ok(changes)
        })?;
        reports.push(MigrationReport {
            to: migration.to,
            what: migration.what,
            changes,
        });
    }
    Ok(reports)
}

#[cfg(test)]
mod tests;
