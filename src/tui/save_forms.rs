//! The paper forms from the app: on the scoring screen, the unit's scoring sheet or
//! registration form; on a list, the selected unit's — or, when the list is filtered by
//! thôn, those of every unit it shows, one document with each form on a new page. The
//! same loader (`app::forms`) and renderer (`report::docx::forms`) as `sohoctap sheet`,
//! saved into the report screen's documents folder under a new (numbered) name.

use super::app::{App, Screen};
use super::theme::Role;
use crate::app::forms::load_forms;
use crate::model::{Title, UnitId};
use crate::report::docx::forms::{FormKind, file_name, render};
use crate::store::StoreError;
use crate::text::format_count;

/// Which units the key is for, and the words naming them (a thôn's name, or none for
/// one unit, named by its code).
struct Chosen {
    title: Title,
    ids: Vec<UnitId>,
    thon: Option<String>,
}

impl App {
    fn chosen_for_forms(&self) -> Option<Chosen> {
        match self.stack.last()? {
            Screen::Scoring(s) => Some(Chosen {
                title: s.title,
                ids: vec![s.id],
                thon: None,
            }),
            Screen::List(kind) => {
                let list = self.lists.get(kind)?;
                let title = Title::for_kind(*kind);
                match list.filter.community {
                    Some(thon) if !list.filter.left => Some(Chosen {
                        title,
                        ids: list
                            .visible
                            .iter()
                            .filter_map(|&i| list.rows.get(i).map(|r| r.id))
                            .collect(),
                        thon: Some(
                            self.community_names
                                .iter()
                                .find(|(id, _)| *id == thon)
                                .map_or_else(String::new, |(_, name)| name.clone()),
                        ),
                    }),
                    _ => Some(Chosen {
                        title,
                        ids: list.selected_row().map(|r| r.id).into_iter().collect(),
                        thon: None,
                    }),
                }
            }
            _ => None,
        }
    }

    /// Saves the forms the screen points at as one Word document and says where.
    pub(super) fn save_forms(&mut self, kind: FormKind) {
        let Some(chosen) = self.chosen_for_forms() else {
            return;
        };
        let Some(register) = &self.register else {
            return;
        };
        if chosen.ids.is_empty() {
            let shown = if chosen.thon.is_some() {
                "Danh sách đang lọc không có đơn vị nào"
            } else {
                "Danh sách chưa có đơn vị nào"
            };
            self.say(format!("{shown}: chưa lưu {}", kind.name()), Role::Warning);
            return;
        }
        let (year, today) = (self.year, self.report_date());
        let loaded = register
            .read()
            .map_err(|e| e.to_string())
            .and_then(|reader| {
                let forms = load_forms(
                    &reader,
                    &self.catalog,
                    &self.census,
                    chosen.title,
                    &chosen.ids,
                    year,
                    today,
                )
                .map_err(|e| e.to_string())?;
                let commune = reader.commune().map_err(|e| e.to_string())?;
                Ok((commune, forms))
            });
        let result = loaded.and_then(|(commune, forms)| {
            let what = match (&chosen.thon, forms.first()) {
                (Some(thon), _) => thon.clone(),
                (None, Some(form)) => form.data.unit_code.clone(),
                (None, None) => String::new(),
            };
            let bytes = render(
                kind,
                &commune,
                chosen.title,
                year,
                &what,
                forms.iter().map(|f| (&*f.set, &f.data)),
            )
            .map_err(|e| e.to_string())?;
            let first =
                self.report_path()
                    .with_file_name(file_name(kind, chosen.title, year, &what));
            let path =
                crate::store::files::write_new_numbered(&first, &bytes).map_err(|source| {
                    StoreError::Io {
                        path: first.clone(),
                        action: "ghi",
                        source,
                    }
                    .to_string()
                })?;
            Ok((forms.len(), path))
        });
        match result {
            Ok((count, path)) => self.say(
                format!(
                    "{} Đã lưu {} {} vào {}",
                    self.theme.sym("✓", "v"),
                    format_count(count as u64),
                    kind.name(),
                    path.display()
                ),
                Role::Good,
            ),
            Err(why) => self.say(
                format!(
                    "{} {why}. Chưa lưu {}: hãy kiểm tra thư mục có ghi được không (hoặc dùng lệnh sohoctap sheet).",
                    self.theme.sym("✗", "x"),
                    kind.name()
                ),
                Role::Error,
            ),
        }
    }
}
