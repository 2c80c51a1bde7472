//! sohoctap — the register of learning-model titles ("sổ học tập") kept by a commune's
//! Hội Khuyến học.
//!
//! Layers, each in its own folder, with dependencies pointing down only:
//!
//! ```text
//! main            picks the front end: a subcommand or the app
//! cli | tui       what the officer touches (subcommands, the terminal app); neither
//!                 uses the other
//! app             what both front ends do: environment, report data, census, workflow
//!                 operations (a rule and one register write each), errors with causes
//! print           sending the report to the printer (PDF, then lp; Notepad on Windows)
//! report          plain-text, Word (.docx) and JSON summaries: data in, bytes out
//! rollup          the province's sum of several communes' report --json files
//! exchange        CSV / JSON import and export: bytes in, validated records out
//! tally           percentages against targets, kept up to date incrementally
//! store           the redb register file: the only code that touches it
//! criteria        criteria sets as data: load, validate, score (pure)
//! model           plain domain types (units, evaluations, targets)
//! text            Vietnamese text: NFC, folding, collation, ASCII fallback
//! ```
//!
//! `tests/layering.rs` fails on a `crate::` path that points up or sideways.

pub mod app;
pub mod cli;
pub mod criteria;
pub mod demo;
pub mod exchange;
pub mod model;
pub mod print;
pub mod report;
pub mod rollup;
pub mod store;
pub mod tally;
pub mod text;
pub mod tui;
