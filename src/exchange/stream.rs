//! An import planned and written at once: the rows are checked on one thread and
//! written on another as soon as each is planned, inside the one write transaction of
//! the import. The transaction is committed only when the whole file turned out clean;
//! a bad row anywhere (found while earlier rows were already being written) aborts it,
//! so nothing is saved and the file is refused with every problem, exactly as
//! [`super::plan_file`] followed by [`super::apply`] would. The command line uses this
//! when it imports without a dry run; the app keeps its preview first.

use super::lookup::Lookup;
use super::plan::{Applied, FileOptions, ImportOptions, ImportPlan, PlannedRow, RowSink};
use super::plan::{RowWriter, plan_into};
use crate::model::{Unit, UnitKind};
use crate::store::{Register, StoreError};
use std::sync::mpsc::{Receiver, Sender, SyncSender, channel, sync_channel};

/// What the planning thread hands the writer, in the order the plan made it.
enum Message {
    /// How many rows the file has: the writer keeps them all for the plan.
    Expect(usize),
    Community(Unit),
    Clan(Unit),
    Row(PlannedRow),
    /// The file is read: send every row back for the rest of the plan.
    End,
}

/// Messages go in batches: one hand-over per row made both threads wait on each other
/// (a wake-up per row), slower than no second thread at all.
const BATCH: usize = 512;

/// Batches in flight between the threads: enough to keep both busy, little memory.
const IN_FLIGHT: usize = 16;

/// The planning side: each new community and clan, then each row, to the writer.
struct ToWriter {
    to_writer: SyncSender<Vec<Message>>,
    batch: Vec<Message>,
    back: Receiver<Vec<PlannedRow>>,
    communities_sent: usize,
    clans_sent: usize,
}

impl ToWriter {
    fn send(&mut self, message: Message) {
        self.batch.push(message);
        if self.batch.len() >= BATCH {
            self.flush();
        }
    }

    fn flush(&mut self) {
        let batch = std::mem::replace(&mut self.batch, Vec::with_capacity(BATCH));
        // A writer that stopped has its error; the plan still finishes.
        let _ = self.to_writer.send(batch);
    }

    /// The units created since the last call, before any row can point to them.
    fn created(&mut self, lookup: &Lookup) {
        let communities = lookup.communities.created();
        for unit in communities.iter().skip(self.communities_sent) {
            self.send(Message::Community(unit.clone()));
        }
        self.communities_sent = communities.len();
        let clans = lookup.clans.created();
        for unit in clans.iter().skip(self.clans_sent) {
            self.send(Message::Clan(unit.clone()));
        }
        self.clans_sent = clans.len();
    }
}

impl RowSink for ToWriter {
    fn expect_rows(&mut self, rows: usize) {
        self.send(Message::Expect(rows));
    }

    fn row(&mut self, lookup: &Lookup, row: PlannedRow) {
        self.created(lookup);
        self.send(Message::Row(row));
    }

    fn finish(&mut self, lookup: &Lookup) -> Vec<PlannedRow> {
        self.created(lookup);
        self.send(Message::End);
        self.flush();
        self.back.recv().unwrap_or_default()
    }
}

/// Why the transaction was ended without a commit although nothing failed.
fn refused() -> StoreError {
    StoreError::Invalid("Tệp có lỗi; chưa ghi gì vào sổ".into())
}

/// Plans `bytes` as a file of `kind` and writes it in one transaction while it is being
/// planned. Returns the plan, and what was written: `None` when the plan has problems
/// (nothing was written).
pub fn plan_and_apply(
    register: &Register,
    kind: UnitKind,
    bytes: &[u8],
    file: &FileOptions,
    options: ImportOptions,
) -> Result<(ImportPlan, Option<Applied>), StoreError> {
    let reader = register.read()?;
    let (to_writer, from_planner) = sync_channel(IN_FLIGHT);
    let (to_planner, back) = channel();
    let mut planned: Option<ImportPlan> = None;
    let written = std::thread::scope(|scope| {
        let planner = scope.spawn(move || {
            let mut sink = ToWriter {
                to_writer,
                batch: Vec::with_capacity(BATCH),
                back,
                communities_sent: 0,
                clans_sent: 0,
            };
            plan_into(&reader, kind, bytes, file, options, &mut sink)
        });
        register.write(|w| {
            w.unit_batch(|batch| {
                let written = write_all(batch, &from_planner, &to_planner);
                let plan = planner.join().map_err(|_| {
                    StoreError::Other("Lỗi bất ngờ khi đọc tệp nhập; chưa ghi gì vào sổ".into())
                })??;
                let clean = plan.is_clean();
                planned = Some(plan);
                if !clean {
                    return Err(refused());
                }
                written
            })
        })
    });
    match (planned, written) {
        (Some(plan), Ok(applied)) => Ok((plan, Some(applied))),
        (Some(plan), Err(_)) if !plan.is_clean() => Ok((plan, None)),
        (_, Err(e)) => Err(e),
        (None, Ok(_)) => Err(StoreError::Other(
            "Kế hoạch nhập không khớp (không có kế hoạch)".into(),
        )),
    }
}

/// Writes what the planner sends until it is done; after a write error it only collects
/// rows (the plan still needs them) and returns the error.
fn write_all(
    batch: &mut crate::store::UnitBatch,
    from_planner: &Receiver<Vec<Message>>,
    to_planner: &Sender<Vec<PlannedRow>>,
) -> Result<Applied, StoreError> {
    let mut out = RowWriter::default();
    let mut failed = None;
    let mut rows = Vec::new();
    for message in from_planner.iter().flatten() {
        let written = match message {
            Message::Community(unit) if failed.is_none() => out.community(batch, &unit),
            Message::Clan(unit) if failed.is_none() => out.clan(batch, &unit),
            Message::Row(mut row) => {
                let written = if failed.is_none() {
                    out.row_in_place(batch, &mut row)
                } else {
                    Ok(())
                };
                rows.push(row);
                written
            }
            Message::Expect(count) => {
                // Grown by doubling, 50,000 rows were copied over and over (7 MB at the end).
                rows.reserve_exact(count);
                Ok(())
            }
            Message::End => {
                let _ = to_planner.send(std::mem::take(&mut rows));
                Ok(())
            }
            Message::Community(_) | Message::Clan(_) => Ok(()),
        };
        if let Err(e) = written {
            failed.get_or_insert(e);
        }
    }
    match failed {
        Some(e) => Err(e),
        None => Ok(out.applied),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::exchange::tests::{OPTIONS, fresh, plan_for, units};
    use crate::exchange::{apply, plan};
    use crate::store::Register;
    use std::fmt::Write as _;

    /// Households in many batches, naming thôn and clans the register does not have yet,
    /// with one row updating a household imported before.
    fn households(rows: usize, bad_line: Option<usize>) -> String {
        let mut out = String::from("Mã hộ;Chủ hộ;Thôn;Dòng họ;Số nhân khẩu;Số người lớn\n");
        for i in 0..rows {
            let adults = if Some(i + 2) == bad_line { 9 } else { 1 };
            let _ = writeln!(
                out,
                "HO{i:05};Nguyễn Văn {i};Thôn {};Họ {};3;{adults}",
                i % 7,
                i % 5
            );
        }
        out
    }

    fn everything(register: &Register) -> Vec<Vec<crate::model::Unit>> {
        [UnitKind::Community, UnitKind::Clan, UnitKind::Household]
            .into_iter()
            .map(|k| units(register, k))
            .collect()
    }

    #[test]
    fn written_while_planned_is_what_a_plan_then_apply_writes() {
        let dir = tempfile::tempdir().unwrap();
        let streamed = fresh(&dir, "a.redb");
        let planned = fresh(&dir, "b.redb");
        let first = households(10, None);
        crate::exchange::tests::import(&streamed, UnitKind::Household, first.as_bytes());
        crate::exchange::tests::import(&planned, UnitKind::Household, first.as_bytes());
        let file =
            households(3 * 512 + 7, None).replace("HO00003;Nguyễn Văn 3", "HO00003;Lê Thị Ba");
        let (plan_a, applied) = plan_and_apply(
            &streamed,
            UnitKind::Household,
            file.as_bytes(),
            &FileOptions::default(),
            OPTIONS,
        )
        .unwrap();
        let plan_b = plan_for(&planned, UnitKind::Household, file.as_bytes());
        let applied_b = apply(&planned, &plan_b).unwrap();
        assert_eq!(applied, Some(applied_b));
        assert_eq!(applied_b.updated, 1);
        assert_eq!(plan_a.rows, plan_b.rows);
        assert_eq!(plan_a.renamed, plan_b.renamed);
        assert_eq!(plan_a.new_communities, plan_b.new_communities);
        assert_eq!(plan_a.new_clans, plan_b.new_clans);
        assert_eq!(everything(&streamed), everything(&planned));
    }

    #[test]
    fn a_bad_row_after_many_written_ones_leaves_the_register_untouched() {
        let dir = tempfile::tempdir().unwrap();
        let register = fresh(&dir, "so.redb");
        let before = everything(&register);
        let generation = register.read().unwrap().generation().unwrap();
        // Line 2,000: thousands of rows were already handed to the writer.
        let file = households(2_100, Some(2_000));
        let (plan_a, applied) = plan_and_apply(
            &register,
            UnitKind::Household,
            file.as_bytes(),
            &FileOptions::default(),
            OPTIONS,
        )
        .unwrap();
        assert_eq!(applied, None);
        let expected = plan(
            &register.read().unwrap(),
            UnitKind::Household,
            file.as_bytes(),
            OPTIONS,
        )
        .unwrap();
        assert_eq!(plan_a.problems, expected.problems);
        assert_eq!(plan_a.problems.len(), 1);
        assert_eq!(plan_a.problems[0].line, Some(2_000));
        assert_eq!(everything(&register), before);
        assert_eq!(register.read().unwrap().generation().unwrap(), generation);
    }

    #[test]
    fn a_file_refused_before_its_rows_writes_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let register = fresh(&dir, "so.redb");
        let (plan, applied) = plan_and_apply(
            &register,
            UnitKind::Household,
            b"Ho ten;Ghi chu\nAn;x\n",
            &FileOptions::default(),
            OPTIONS,
        )
        .unwrap();
        assert_eq!(applied, None);
        assert!(!plan.is_clean());
        assert!(everything(&register).iter().all(Vec::is_empty));
    }
}
