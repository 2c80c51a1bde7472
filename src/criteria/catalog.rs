//! The criteria sets the program knows: the ones shipped in `criteria/` (embedded in the
//! binary so a lone executable works) and, when the office points to a folder of its own
//! files, those, which replace shipped sets of the same id and add new ones.

use super::parse::{CriteriaError, parse_set};
use super::set::{CriteriaSet, Scope, Status};
use crate::model::{Title, Year};
use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

/// The shipped sets, one TOML file per title per phase.
const SHIPPED: &[(&str, &str)] = &[
    (
        "cong-dan-qd244-2022.toml",
        include_str!("../../criteria/cong-dan-qd244-2022.toml"),
    ),
    (
        "don-vi-tt22-2020.toml",
        include_str!("../../criteria/don-vi-tt22-2020.toml"),
    ),
    (
        "gia-dinh-qd448-2016.toml",
        include_str!("../../criteria/gia-dinh-qd448-2016.toml"),
    ),
    (
        "gia-dinh-2021-tam-thoi.toml",
        include_str!("../../criteria/gia-dinh-2021-tam-thoi.toml"),
    ),
    (
        "dong-ho-2021-tam-thoi.toml",
        include_str!("../../criteria/dong-ho-2021-tam-thoi.toml"),
    ),
    (
        "cong-dong-2021-tam-thoi.toml",
        include_str!("../../criteria/cong-dong-2021-tam-thoi.toml"),
    ),
    (
        "don-vi-2021-tam-thoi.toml",
        include_str!("../../criteria/don-vi-2021-tam-thoi.toml"),
    ),
];

/// A set with its content hash and where it came from.
#[derive(Debug, Clone)]
pub struct CatalogEntry {
    pub set: Arc<CriteriaSet>,
    pub hash: String,
    /// "có sẵn" for a shipped set, or the path of the office's file.
    pub origin: String,
}

impl CatalogEntry {
    pub fn new(set: CriteriaSet, origin: String) -> CatalogEntry {
        let hash = set.content_hash();
        CatalogEntry {
            set: Arc::new(set),
            hash,
            origin,
        }
    }
}

impl CatalogEntry {
    pub fn is_shipped(&self) -> bool {
        self.origin == SHIPPED_ORIGIN
    }
}

const SHIPPED_ORIGIN: &str = "có sẵn";

#[derive(Debug, Clone, Default)]
pub struct Catalog {
    entries: Vec<CatalogEntry>,
    /// Things in the criteria folder that were passed over (a pipe, a device, a folder
    /// named `*.toml`), each said in Vietnamese for the front end to show.
    pub skipped: Vec<String>,
}

impl Catalog {
    /// The shipped sets only. They are checked by the test suite, so a failure here is a
    /// build defect; it is still reported rather than panicking.
    pub fn shipped() -> Result<Catalog, Vec<CriteriaError>> {
        let mut catalog = Catalog::default();
        let mut errors = Vec::new();
        for (name, text) in SHIPPED {
            match parse_set(name, text) {
                Ok(set) => catalog.add(CatalogEntry::new(set, SHIPPED_ORIGIN.into())),
                Err(e) => errors.extend(e),
            }
        }
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// The shipped sets, then every `*.toml` in `dir` (replacing shipped sets of the same
    /// id). All problems in all files are reported together.
    pub fn load(dir: Option<&Path>) -> Result<Catalog, Vec<CriteriaError>> {
        let mut catalog = Catalog::shipped()?;
        let Some(dir) = dir else {
            return Ok(catalog);
        };
        let listing = std::fs::read_dir(dir).map_err(|e| {
            vec![CriteriaError {
                file: dir.display().to_string(),
                line: None,
                field: String::new(),
                message: format!(
                    "không đọc được thư mục bộ tiêu chí: {}",
                    crate::text::describe_io(&e)
                ),
            }]
        })?;
        let mut paths: Vec<_> = listing
            .filter_map(Result::ok)
            .map(|e| e.path())
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        paths.sort();
        let mut errors = Vec::new();
        let mut ids: HashMap<String, String> = HashMap::new();
        for path in paths {
            let name = path.display().to_string();
            // Only regular files (or links to one) are read: opening a named pipe would
            // wait for a writer forever, and a device could be endless.
            if !std::fs::metadata(&path).is_ok_and(|m| m.is_file()) {
                catalog.skipped.push(format!(
                    "Bỏ qua {name} trong thư mục bộ tiêu chí: không phải tệp thường"
                ));
                continue;
            }
            match std::fs::read_to_string(&path) {
                Ok(text) => match parse_set(&name, &text) {
                    Ok(set) => match ids.get(&set.id) {
                        Some(first) => errors.push(CriteriaError {
                            file: name,
                            line: None,
                            field: "id".into(),
                            message: format!(
                                "mã bộ tiêu chí \"{}\" đã có ở tệp {first}; mỗi mã chỉ được ở một tệp, hãy xóa hoặc đổi mã một trong hai tệp",
                                set.id
                            ),
                        }),
                        None => {
                            ids.insert(set.id.clone(), name.clone());
                            catalog.add(CatalogEntry::new(set, name));
                        }
                    },
                    Err(e) => errors.extend(e),
                },
                Err(e) => errors.push(CriteriaError {
                    file: name,
                    line: None,
                    field: String::new(),
                    message: format!(
                        "không đọc được tệp (cần mã hóa UTF-8): {}",
                        crate::text::describe_io(&e)
                    ),
                }),
            }
        }
        if errors.is_empty() {
            Ok(catalog)
        } else {
            Err(errors)
        }
    }

    /// Adds the sets the office entered in the register (oldest first, as
    /// [`crate::store::Reader::office_criteria`] gives them): each replaces any set of
    /// the same id, so the latest version of an id is the one in the catalog.
    pub fn add_office(&mut self, sets: Vec<CriteriaSet>) {
        for set in sets {
            let origin = match &set.entry {
                Some(e) => format!(
                    "văn phòng nhập ({}, {})",
                    e.stamp.user,
                    e.stamp.at.format("%d/%m/%Y %H:%M")
                ),
                None => "sổ".into(),
            };
            self.add(CatalogEntry::new(set, origin));
        }
    }

    /// Adds a set, replacing one with the same id.
    pub fn add(&mut self, entry: CatalogEntry) {
        self.entries.retain(|e| e.set.id != entry.set.id);
        self.entries.push(entry);
    }

    pub fn entries(&self) -> &[CatalogEntry] {
        &self.entries
    }

    pub fn by_id(&self, id: &str) -> Option<&CatalogEntry> {
        self.entries.iter().find(|e| e.set.id == id)
    }

    /// The set a new evaluation of `title` in `year` is scored under: among the sets valid
    /// that year, commune-level sets first, then the office's own files before shipped
    /// ones, verified before provisional, the most recent phase, and finally the id.
    pub fn in_force(&self, title: Title, year: Year) -> Option<&CatalogEntry> {
        self.entries
            .iter()
            .filter(|e| e.set.title == title && e.set.valid_in(year))
            .max_by_key(|e| {
                (
                    e.set.scope == Scope::Commune,
                    !e.is_shipped(),
                    e.set.status == Status::Verified,
                    e.set.valid_from,
                    e.set.id.clone(),
                )
            })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::criteria::score;
    use crate::model::IndicatorValue;

    #[test]
    fn every_shipped_set_is_valid() {
        let catalog = match Catalog::shipped() {
            Ok(c) => c,
            Err(e) => panic!("shipped criteria are broken: {e:#?}"),
        };
        assert_eq!(catalog.entries().len(), SHIPPED.len());
    }

    #[test]
    fn every_title_has_a_set_in_force_for_every_year_of_the_current_phase() {
        let catalog = Catalog::shipped().expect("valid");
        for year in 2021..=2030 {
            for title in Title::ALL {
                if title == Title::CongDan && year < 2022 {
                    continue;
                }
                let entry = catalog.in_force(title, year);
                assert!(entry.is_some(), "no set for {title} in {year}");
            }
        }
        // The commune-level ĐVHT set wins over TT 22/2020 (units above commune level).
        let dv = catalog.in_force(Title::DonVi, 2022).expect("set");
        assert_eq!(dv.set.scope, Scope::Commune);
    }

    #[test]
    fn the_shipped_cdht_set_applies_the_qd244_rule() {
        let catalog = Catalog::shipped().expect("valid");
        let entry = catalog.in_force(Title::CongDan, 2025).expect("CDHT set");
        let set = &entry.set;
        assert_eq!(set.status, Status::Provisional);
        assert_eq!(set.indicator_count(), 10);
        assert_eq!(set.max_total(), 100);
        let with = |pts: [u16; 10]| {
            let values = set
                .indicators()
                .zip(pts)
                .map(|(i, p)| (i.code.clone(), IndicatorValue::Points(p)))
                .collect();
            score(set, &values)
        };
        let r = with([10, 10, 10, 10, 10, 10, 10, 4, 6, 5]);
        assert_eq!((r.total, r.passed), (85, false));
        let r = with([10, 10, 10, 10, 5, 5, 10, 10, 5, 5]);
        assert_eq!((r.total, r.passed), (80, true));
    }

    #[test]
    fn an_office_folder_replaces_a_shipped_set_and_reports_broken_files() {
        let dir = tempfile::tempdir().expect("tempdir");
        let shipped = Catalog::shipped().expect("valid");
        let original = shipped.by_id("cong-dan-qd244-2022").expect("shipped");
        let (_, text) = SHIPPED[0];
        let edited = text.replacen("min_total = 80", "min_total = 75", 1);
        std::fs::write(dir.path().join("cdht.toml"), edited).expect("write");
        let catalog = Catalog::load(Some(dir.path())).expect("loads");
        let replaced = catalog.by_id("cong-dan-qd244-2022").expect("present");
        assert_eq!(replaced.set.min_total, Some(75));
        assert_ne!(replaced.hash, original.hash);

        std::fs::write(dir.path().join("hong.toml"), "schema = 1\nid = [").expect("write");
        let errors = Catalog::load(Some(dir.path())).expect_err("broken file");
        assert!(errors[0].file.ends_with("hong.toml"));
        assert_eq!(errors[0].line, Some(2));
    }

    #[test]
    fn two_office_files_with_one_id_are_refused_naming_both() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (_, text) = SHIPPED[0];
        std::fs::write(dir.path().join("a.toml"), text).expect("write");
        std::fs::write(dir.path().join("b.toml"), text).expect("write");
        let errors = Catalog::load(Some(dir.path())).expect_err("duplicate id");
        let said = errors[0].to_string();
        assert!(said.contains("a.toml") && said.contains("b.toml"), "{said}");
    }

    /// A named pipe would block `read_to_string` until a writer came: every command
    /// hung. It is passed over and said.
    #[cfg(unix)]
    #[test]
    fn a_named_pipe_in_the_folder_is_skipped_not_waited_on() {
        let dir = tempfile::tempdir().expect("tempdir");
        let fifo = dir.path().join("ong.toml");
        let made = std::process::Command::new("mkfifo").arg(&fifo).status();
        if !made.is_ok_and(|s| s.success()) {
            eprintln!("mkfifo unavailable; skipped");
            return;
        }
        std::fs::create_dir(dir.path().join("thu-muc.toml")).expect("dir");
        let catalog = Catalog::load(Some(dir.path())).expect("loads");
        assert_eq!(catalog.skipped.len(), 2, "{:?}", catalog.skipped);
        assert!(catalog.skipped[0].contains("ong.toml"));
    }
}
