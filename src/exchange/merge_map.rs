//! The code mapping of a merge (`sohoctap merge`) as a CSV file for Excel: one row per
//! unit of the former commune, its code there and here, so papers and spreadsheets that
//! carry old codes can still be matched after the merge. UTF-8 with a BOM and CRLF, like
//! every list the program exports; cells guarded as in [`super::export_csv`].

use super::export_csv::safe_cell;
use crate::store::MergePlan;
use std::path::{Path, PathBuf};

/// The column headings.
pub const HEADERS: [&str; 6] = [
    "Loại",
    "Mã ở sổ xã cũ",
    "Mã ở sổ này",
    "Đổi mã",
    "Tên",
    "Xã cũ",
];

/// Where the mapping goes by default: beside the register `db`, named after it, the
/// prefix and the minute (`so-hoc-tap-doi-chieu-ma-yenmo-2026-12-01-0930.csv`).
pub fn default_map_path(db: &Path, prefix: &str) -> PathBuf {
    let stem = db
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "so-hoc-tap".into());
    let minute = chrono::Local::now().format("%Y-%m-%d-%H%M");
    db.with_file_name(format!(
        "{stem}-doi-chieu-ma-{}-{minute}.csv",
        prefix.to_ascii_lowercase()
    ))
}

/// The CSV bytes of the mapping of every unit `plan` brings over.
pub fn merge_map_csv(plan: &MergePlan) -> Result<Vec<u8>, String> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = csv::WriterBuilder::new()
            .terminator(csv::Terminator::CRLF)
            .from_writer(&mut out);
        let failed = |e: csv::Error| format!("Không viết được bảng đối chiếu mã: {e}");
        writer.write_record(HEADERS).map_err(failed)?;
        for unit in &plan.units {
            let row = [
                unit.kind.label().to_string(),
                unit.old_code.clone(),
                unit.new_code.clone(),
                if unit.renamed() { "có" } else { "không" }.to_string(),
                unit.name.clone(),
                plan.origin.name.clone(),
            ];
            writer.write_record(row.map(safe_cell)).map_err(failed)?;
        }
        writer
            .flush()
            .map_err(|e| format!("Không viết được bảng đối chiếu mã: {e}"))?;
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Commune, UnitKind};
    use crate::store::MergedUnit;

    #[test]
    fn every_unit_is_a_row_and_a_formula_looking_name_is_guarded() {
        let plan = MergePlan {
            origin: Commune {
                name: "Xã Yên Mô".into(),
                province: String::new(),
            },
            prefix: "YENMO".into(),
            units: vec![
                MergedUnit {
                    kind: UnitKind::Household,
                    old_code: "HO1".into(),
                    new_code: "YENMO-HO1".into(),
                    name: "=Nguyễn Văn An".into(),
                },
                MergedUnit {
                    kind: UnitKind::Community,
                    old_code: "TH9".into(),
                    new_code: "TH9".into(),
                    name: "Thôn Đông".into(),
                },
            ],
            evaluations: 0,
            decisions: 0,
            history: 0,
            criteria_added: Vec::new(),
            criteria_shared: 0,
            office_sets: Vec::new(),
            same_name: Vec::new(),
            targets_ignored: 0,
            same_commune_name: false,
        };
        let bytes = merge_map_csv(&plan).unwrap();
        let text = String::from_utf8(bytes).unwrap();
        let lines: Vec<&str> = text.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines[0], "Loại,Mã ở sổ xã cũ,Mã ở sổ này,Đổi mã,Tên,Xã cũ");
        assert_eq!(
            lines[1],
            "Hộ gia đình,HO1,YENMO-HO1,có,'=Nguyễn Văn An,Xã Yên Mô"
        );
        assert_eq!(
            lines[2],
            "\"Thôn, tổ dân phố\",TH9,TH9,không,Thôn Đông,Xã Yên Mô"
        );
    }
}
