//! The app's whole state and the one place it changes: `App::update(action)`.
//!
//! The app holds the open register, the criteria catalog, the selected year with its
//! census and tally (kept current after every save), the row models of the lists
//! opened so far, and a stack of screens. Rendering reads `&App` only; everything that
//! touches the register happens here or in `save.rs`.
//!
//! Adding a screen: give it a module of its own (`tui/<screen>/` with its state, keys
//! and drawing, as `scoring` or `list`), add a `Screen` variant and a `Ctx`, give its
//! keys lines in the command table, and route its actions in `update` and its drawing in
//! `screens::render`.

use super::action::Action;
use super::breakdown::BreakdownState;
use super::detail::DetailState;
use super::form::FormState;
use super::history::HistoryState;
use super::import::{ImportField, ImportState};
use super::keymap::{self, Ctx};
use super::list::ListState;
use super::merge::MergeState;
use super::officer::OfficerState;
use super::report::ReportState;
use super::scoring::ScoringState;
use super::setup::SetupState;
use super::sheet::{SheetPurpose, SheetState};
use super::theme::{Role, Theme};
use crate::criteria::Catalog;
use crate::model::{Commune, Target, Title, UnitId, UnitKind, Year};
use crate::report::Summary;
use crate::report::docx::forms::FormKind;
use crate::store::{Register, StoreError};
use crate::tally::{Census, Status, Tally};
use chrono::NaiveDate;
use crossterm::event::{Event, KeyEventKind};
use std::collections::HashMap;
use std::path::PathBuf;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Screen {
    Setup(SetupState),
    /// "Who is working?", over the home screen when a register is opened.
    Officer(OfficerState),
    Home,
    List(UnitKind),
    Detail(DetailState),
    Form(FormState),
    Help {
        scroll: usize,
        under: Ctx,
    },
    About,
    Scoring(Box<ScoringState>),
    Sheet(SheetState),
    Breakdown(BreakdownState),
    History(HistoryState),
    Report(ReportState),
    Import(ImportState),
    Merge(MergeState),
    /// The criteria sets, the editor, the adopt preview (see `criteria_editor`).
    Criteria(Box<super::criteria_editor::CriteriaScreen>),
}

pub use super::confirm::Confirm;

/// Work too slow to run before the screen says it is running: the event loop draws the
/// "working" dialog, then calls `App::run_pending`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pending {
    Backup { then_quit: bool },
}

#[derive(Debug)]
pub struct App {
    pub theme: Theme,
    pub catalog: Catalog,
    /// `None` only on the first-run setup screen.
    pub register: Option<Register>,
    pub path: PathBuf,
    pub year: Year,
    pub commune: Commune,
    /// A demo register (`sohoctap demo`): the title bar says "SỔ MẪU" so its made-up
    /// figures are never taken for the commune's.
    pub demo: bool,
    /// The year's census; empty until [`App::finish_opening`] when the first frame was
    /// drawn from the tally kept in the register.
    pub census: Census,
    pub tally: Tally,
    /// The census still to be read after the first frame (see [`App::attach`]).
    pub census_pending: bool,
    pub targets: Vec<Target>,
    pub summary: Summary,
    pub stack: Vec<Screen>,
    pub lists: HashMap<UnitKind, ListState>,
    /// Active communities of the year, in Vietnamese order (filter and form choices).
    pub community_names: Vec<(UnitId, String)>,
    /// The list chosen on the home screen (index into `UnitKind::ALL`).
    pub home_selected: usize,
    pub confirm: Option<Confirm>,
    /// One line at the bottom: what just happened, or what went wrong.
    pub message: Option<(String, Role)>,
    /// Rows a list page shows at the current terminal size.
    pub page_rows: usize,
    /// Below 80×24 only "window too small" is drawn, so keys the officer cannot see
    /// the effect of are ignored (all but F10 and an open question's answers).
    pub too_small: bool,
    pub quit: bool,
    /// History entries (sequence numbers) of this session's own changes, newest last:
    /// what Ctrl+Z undoes, one at a time.
    pub session_changes: Vec<u64>,
    /// Archives of this session, for Ctrl+Z: the unit, the year it had left before
    /// (`None`: it was active) and how many `session_changes` there were then, so undo
    /// takes back whichever came last.
    pub session_archives: Vec<super::archive::Archived>,
    /// The register's write counter when it was opened or last backed up: a different
    /// one on leaving means this session changed something not yet backed up.
    pub clean_generation: u64,
    /// The write counter and years at which this session last kept the counts, or
    /// tried to: keeping again with neither changed would count the same data for
    /// nothing, and a register that could not take them (a full disk) would fail the
    /// same way at every pause.
    pub counts_tried: Option<(u64, Vec<Year>)>,
    /// The last decision number and date recorded this session: the next decision form
    /// starts with them (a sitting decides many units under one decision).
    pub last_decision: Option<crate::model::Decision>,
    /// The officer's name this session (see `officer.rs`); `None`: changes carry the
    /// OS account's name.
    pub officer: Option<String>,
    pub pending: Option<Pending>,
    /// The date reports and changes carry (`None`: today); tests fix it.
    pub today: Option<NaiveDate>,
    /// Where reports are saved and import looks first (`None`: the user's documents
    /// folder); tests point it at a temporary folder.
    pub documents: Option<PathBuf>,
    /// How a report reaches the printer; tests put a fake printer here.
    pub printer: Printer,
}

/// Prints a report's text, given a folder it may write a print file to.
pub type Printer =
    fn(&str, &std::path::Path) -> Result<crate::print::Printed, crate::print::PrintError>;

/// The list area is the terminal minus the title, filter, header, footer, message and
/// hint lines.
pub fn page_rows_for(height: u16) -> usize {
    usize::from(height.saturating_sub(6)).max(1)
}

impl App {
    /// Who and when for a change: now, or the fixed day tests put in `today`, so what
    /// the screens show of a change does not depend on the day the tests run.
    pub fn stamp(&self) -> crate::model::Stamp {
        match self.today {
            Some(day) => crate::model::Stamp {
                user: crate::model::who(self.officer.as_deref()),
                at: day.and_time(chrono::NaiveTime::MIN),
            },
            None => crate::model::Stamp::by(self.officer.as_deref()),
        }
    }
}

impl App {
    /// The app on an open register.
    pub fn open(
        register: Register,
        catalog: Catalog,
        year: Year,
        theme: Theme,
    ) -> Result<App, StoreError> {
        let path = register.path().to_path_buf();
        // An older register was backed up and migrated on open: say so, on one line.
        let upgraded = register.upgrade_notice().map(|n| n.replace('\n', " "));
        let mut app = App::empty(path, catalog, year, theme);
        app.attach(register)?;
        app.stack = vec![Screen::Home];
        if let Some(notice) = upgraded {
            app.say(notice, Role::Warning);
        }
        Ok(app)
    }

    /// The first-run app: a setup screen that creates the register at `path`.
    pub fn first_run(path: PathBuf, catalog: Catalog, year: Year, theme: Theme) -> App {
        let mut app = App::empty(path, catalog, year, theme);
        app.stack = vec![Screen::Setup(SetupState::default())];
        app
    }

    fn empty(path: PathBuf, catalog: Catalog, year: Year, theme: Theme) -> App {
        let commune = Commune {
            name: String::new(),
            province: String::new(),
        };
        let tally = Tally::default();
        App {
            theme,
            catalog,
            register: None,
            path,
            year,
            summary: Summary::build(&commune, year, &tally, &[]),
            commune,
            demo: false,
            census: Census::default(),
            census_pending: false,
            tally,
            targets: Vec::new(),
            stack: Vec::new(),
            lists: HashMap::new(),
            community_names: Vec::new(),
            home_selected: 1,
            confirm: None,
            message: None,
            page_rows: page_rows_for(24),
            too_small: false,
            quit: false,
            session_changes: Vec::new(),
            session_archives: Vec::new(),
            clean_generation: 0,
            counts_tried: None,
            pending: None,
            last_decision: None,
            officer: None,
            today: None,
            documents: None,
            printer: crate::print::print_text,
        }
    }

    /// Takes the register and reads what the home screen needs.
    pub(super) fn attach(&mut self, register: Register) -> Result<(), StoreError> {
        let reader = register.read()?;
        self.commune = reader.commune()?;
        self.demo = reader.is_demo()?;
        self.targets = reader.targets()?;
        self.clean_generation = reader.generation()?;
        // Derived data: when it cannot be read, the year is counted from the census,
        // which reports any real damage.
        let kept = crate::app::kept_tally(&reader, self.year).ok().flatten();
        drop(reader);
        self.register = Some(register);
        match kept {
            // The bars from one record; the census (every unit's links, a few megabytes
            // at commune scale, slow from a cold disk) is read once the frame is up.
            Some(tally) => {
                self.census = Census::new(self.year);
                self.census_pending = true;
                self.tally = tally;
                self.refresh_summary();
                Ok(())
            }
            None => self.load_year(),
        }
    }

    /// Counts the year shown and the years the app opens on next, and keeps them in
    /// the register for the next openings' first frames (see `app::keep_tallies`).
    /// Runs when the session ends, however it ends short of a kill, and when the
    /// keyboard has rested a while (so a power cut or a killed process later still
    /// leaves counts to open on). Nothing is counted when nothing was written since the
    /// last time.
    pub fn keep_tallies(&mut self) {
        let Some(register) = &self.register else {
            return;
        };
        let Ok(generation) = register.read().and_then(|r| r.generation()) else {
            return;
        };
        let today = self
            .today
            .unwrap_or_else(|| chrono::Local::now().date_naive());
        let mut years = crate::app::years_opened_next(today);
        years.push(self.year);
        years.sort_unstable();
        years.dedup();
        let tried = (generation, years);
        if self.counts_tried.as_ref() == Some(&tried) {
            return;
        }
        // Only the next opening's speed depends on it: a register that cannot take the
        // counts now (a full disk) is counted from its census then, as before.
        let _ = crate::app::keep_tallies(register, &tried.1);
        self.counts_tried = Some(tried);
    }

    /// Reads the census of a year whose first frame was drawn from the kept tally, and
    /// counts the year from it: the bars are then those of a fresh count whatever was
    /// kept. Called after the first frame and before any key is handled. Returns whether
    /// the screen may have changed.
    pub fn finish_opening(&mut self) -> bool {
        self.read_pending_census().unwrap_or(true)
    }

    /// [`App::finish_opening`]; `Err` when the census could not be read. The open would
    /// have stopped there had no counts been kept, and nothing may work on an empty
    /// census: the officer is told why, and the app ends once that is read.
    fn read_pending_census(&mut self) -> Result<bool, ()> {
        if !self.census_pending {
            return Ok(false);
        }
        let kept = self.tally.clone();
        let Err(e) = self.load_year() else {
            return Ok(self.tally != kept);
        };
        self.census_pending = false;
        let said = crate::text::english::in_vietnamese(&e.to_string());
        let advice = crate::app::Advice::for_store(&e).map_or(String::new(), advice_text);
        self.stack.truncate(1);
        self.confirm = Some(Confirm::Notice {
            title: "Không đọc được sổ".into(),
            text: format!(
                "{} {said}{advice}\nChương trình sẽ đóng; những gì đã lưu trước đây vẫn ở trong sổ.",
                self.theme.sym("✗", "x")
            ),
            role: Role::Error,
            then_quit: true,
        });
        Err(())
    }

    /// (Re)loads the census and tally of the selected year.
    pub(super) fn load_year(&mut self) -> Result<(), StoreError> {
        self.switch_year(self.year)
    }

    /// Reads everything a year shows, then makes it the selected year. Nothing is
    /// replaced until every read succeeded, so a failure leaves the census, community
    /// names and tally all of the year shown before.
    fn switch_year(&mut self, year: Year) -> Result<(), StoreError> {
        let Some(register) = &self.register else {
            self.year = year;
            return Ok(());
        };
        let reader = register.read()?;
        let census = crate::app::load_census(&reader, year)?;
        let communities = super::save::community_names(&reader, year)?;
        drop(reader);
        let tally = Tally::compute(&census);
        self.year = year;
        self.census = census;
        self.census_pending = false;
        self.community_names = communities;
        self.tally = tally;
        self.refresh_summary();
        for list in self.lists.values_mut() {
            list.refilter(&self.census, true);
        }
        Ok(())
    }

    /// After a save changed one evaluation's status (the scoring screen's path): moves
    /// only the counters it touches, then refreshes the bars and that unit's row in the
    /// list of its kind (not the whole list: Enter must stay fast at any size).
    pub fn apply_status(&mut self, title: Title, unit: UnitId, new: Status) {
        self.tally.apply(&mut self.census, title, unit, new);
        self.refresh_summary();
        if let Some(list) = self.lists.get_mut(&title.unit_kind()) {
            list.status_changed(unit, &self.census);
        }
    }

    pub(super) fn refresh_summary(&mut self) {
        self.summary = Summary::build(&self.commune, self.year, &self.tally, &self.targets);
    }

    pub fn screen(&self) -> Option<&Screen> {
        self.stack.last()
    }

    pub fn context(&self) -> Ctx {
        match self.confirm {
            Some(Confirm::BackupOnQuit) => return Ctx::QuitBackup,
            Some(Confirm::ArchiveGroup(_)) => return Ctx::ArchiveGroup,
            Some(Confirm::Working { .. } | Confirm::Notice { .. }) => return Ctx::Notice,
            Some(ref c) if c.discards() => return Ctx::Discard,
            Some(_) => return Ctx::Confirm,
            None => {}
        }
        match self.screen() {
            Some(Screen::Setup(_)) | None => Ctx::Setup,
            Some(Screen::Officer(_)) => Ctx::Officer,
            Some(Screen::Home) => Ctx::Home,
            Some(Screen::List(kind)) => match self.lists.get(kind) {
                Some(list) if list.searching => Ctx::Search,
                Some(list) if list.filter.left => Ctx::ListLeft,
                _ => Ctx::List,
            },
            Some(Screen::Detail(_)) => Ctx::Detail,
            Some(Screen::Form(f)) if f.picker.is_some() => Ctx::Picker,
            Some(Screen::Form(_)) => Ctx::Form,
            Some(Screen::Help { .. }) => Ctx::Help,
            Some(Screen::About) => Ctx::About,
            Some(Screen::Scoring(_)) => Ctx::Scoring,
            Some(Screen::Sheet(s)) => match s.purpose() {
                SheetPurpose::Targets => Ctx::Targets,
                SheetPurpose::Bulk => Ctx::Bulk,
                SheetPurpose::Decision | SheetPurpose::Withdraw | SheetPurpose::Letterhead => {
                    Ctx::Sheet
                }
            },
            Some(Screen::Breakdown(_)) => Ctx::Breakdown,
            Some(Screen::History(_)) => Ctx::History,
            Some(Screen::Report(_)) => Ctx::Report,
            Some(Screen::Import(state)) if state.preview.is_some() => Ctx::ImportPreview,
            Some(Screen::Import(_)) => Ctx::Import,
            Some(Screen::Merge(state)) if state.preview.is_some() => Ctx::MergePreview,
            Some(Screen::Merge(_)) => Ctx::Merge,
            Some(Screen::Criteria(c)) => c.context(),
        }
    }

    /// Whether printable keys go into a text field.
    pub fn typing(&self) -> bool {
        match self.context() {
            Ctx::Setup | Ctx::Officer | Ctx::Picker | Ctx::Search | Ctx::Scoring | Ctx::Merge => {
                true
            }
            Ctx::Sheet | Ctx::Bulk | Ctx::Targets => {
                matches!(self.screen(), Some(Screen::Sheet(s)) if s.form.typing())
            }
            Ctx::Import => {
                matches!(self.screen(), Some(Screen::Import(s)) if s.form.focus() == ImportField::Path)
            }
            Ctx::CriteriaEditor => matches!(self.screen(), Some(Screen::Criteria(c)) if c.typing()),
            Ctx::Form => {
                matches!(self.screen(), Some(Screen::Form(f)) if f.form.typing())
            }
            _ => false,
        }
    }

    /// Applies one terminal event; returns whether the screen may have changed.
    pub fn handle_event(&mut self, event: Event) -> bool {
        match event {
            Event::Key(key) if key.kind == KeyEventKind::Press => {
                match keymap::resolve(self.context(), self.typing(), &key) {
                    // While too small, only leaving (or answering the question shown
                    // on the too-small screen) does anything.
                    Some(action)
                        if self.too_small && action != Action::Quit && self.confirm.is_none() =>
                    {
                        false
                    }
                    Some(action) => {
                        self.update(action);
                        true
                    }
                    None => false,
                }
            }
            Event::Paste(text) if self.typing() && !self.too_small => {
                self.update(Action::Paste(text));
                true
            }
            Event::Resize(width, height) => {
                self.set_window(width, height);
                true
            }
            _ => false,
        }
    }

    /// The terminal's size: how many list rows fit, and whether it is too small.
    pub fn set_window(&mut self, width: u16, height: u16) {
        self.page_rows = page_rows_for(height);
        self.too_small = width < super::screens::MIN_WIDTH || height < super::screens::MIN_HEIGHT;
    }

    pub fn update(&mut self, action: Action) {
        // Every action may work on the census, so none runs before it is read; when it
        // cannot be, the key only brings up why.
        if self.read_pending_census().is_err() {
            return;
        }
        if self.confirm.is_some() {
            match action {
                // Nothing interrupts a backup that is being written.
                _ if matches!(self.confirm, Some(Confirm::Working { .. })) => {}
                Action::Confirm => self.answer_yes(),
                Action::Decline if matches!(self.confirm, Some(Confirm::ArchiveGroup(_))) => {
                    if let Some(Confirm::ArchiveGroup(group)) = self.confirm.take() {
                        self.archive_group(*group, true);
                    }
                }
                Action::Decline => self.answer_no(),
                Action::Left | Action::Right => {
                    if let Some(Confirm::ArchiveGroup(group)) = &mut self.confirm {
                        group.cycle(action == Action::Right);
                    }
                }
                Action::Back => self.confirm = None,
                _ => {}
            }
            return;
        }
        // The message describes the last action; a new action replaces it.
        if !matches!(action, Action::Char(_) | Action::Paste(_)) {
            self.message = None;
        }
        match action {
            Action::Quit => self.request_quit(),
            Action::Report => self.open_report(),
            Action::SaveSheetForm => self.save_forms(FormKind::Sheet),
            Action::SaveRegistrationForm => self.save_forms(FormKind::Registration),
            Action::Import => self.open_import(),
            Action::Merge => self.open_merge(),
            Action::Backup => self.start_backup(false),
            Action::Help => {
                let under = self.context();
                self.stack.push(Screen::Help { scroll: 0, under });
            }
            Action::About => self.stack.push(Screen::About),
            Action::OpenCriteria => self.open_criteria(),
            Action::Back => self.back(),
            _ => match self.stack.last() {
                Some(Screen::Setup(_)) => self.update_setup(action),
                Some(Screen::Officer(_)) => self.update_officer(action),
                Some(Screen::Home) => self.update_home(action),
                Some(Screen::List(kind)) => {
                    let kind = *kind;
                    self.update_list(kind, action);
                }
                Some(Screen::Detail(_)) => self.update_detail(action),
                Some(Screen::Form(_)) => self.update_form(action),
                Some(Screen::Help { .. }) => self.update_help(action),
                Some(Screen::Scoring(_)) => self.update_scoring(action),
                Some(Screen::Sheet(_)) => self.update_sheet(action),
                Some(Screen::Breakdown(_)) => self.update_breakdown(action),
                Some(Screen::History(_)) => self.update_history(action),
                Some(Screen::Report(_)) => self.update_report(action),
                Some(Screen::Import(_)) => self.update_import(action),
                Some(Screen::Merge(_)) => self.update_merge(action),
                Some(Screen::Criteria(_)) => self.update_criteria(action),
                Some(Screen::About) | None => {}
            },
        }
    }

    fn back(&mut self) {
        match self.stack.last_mut() {
            Some(Screen::Setup(s)) if !s.is_empty() => self.confirm = Some(Confirm::LeaveSetup),
            Some(Screen::Setup(_)) => self.quit = true,
            Some(Screen::Officer(_)) => self.skip_officer(),
            Some(Screen::Home) | None => {}
            Some(Screen::List(kind)) => {
                let kind = *kind;
                let searching = self.lists.get(&kind).is_some_and(|l| l.searching);
                if searching {
                    if let Some(list) = self.lists.get_mut(&kind) {
                        list.stop_search(&self.census);
                    }
                } else {
                    self.stack.pop();
                }
            }
            Some(Screen::Import(state)) if state.preview.is_some() => {
                state.preview = None;
                state.accept_code_mapping = false;
            }
            Some(Screen::Merge(state)) if state.preview.is_some() => state.preview = None,
            // The picker closes first; the form is still there, as it was.
            Some(Screen::Form(form)) if form.picker.is_some() => form.picker = None,
            Some(Screen::Form(form)) if form.form.changed => {
                self.confirm = Some(Confirm::DiscardForm)
            }
            Some(Screen::Criteria(c)) if c.unsaved() => self.confirm = Some(Confirm::DiscardForm),
            Some(Screen::Sheet(sheet)) if sheet.form.changed() => {
                self.confirm = Some(Confirm::DiscardForm)
            }
            // A typed but unsaved score is dropped first; the next Esc leaves.
            Some(Screen::Scoring(s)) if !s.input.is_empty() => {
                s.input.clear();
                s.error = None;
            }
            Some(_) => {
                self.stack.pop();
            }
        }
    }

    fn answer_yes(&mut self) {
        match self.confirm.take() {
            Some(Confirm::DiscardForm) => {
                self.stack.pop();
                self.say("Đã bỏ các thay đổi chưa lưu", Role::Warning);
            }
            Some(Confirm::FixDecision(fix)) => self.fix_decision(*fix),
            Some(Confirm::DropDecision { key, .. }) => {
                self.move_stage(key, crate::model::Stage::Reviewed)
            }
            Some(Confirm::Archive { kind, id, .. }) => self.archive(kind, id),
            Some(Confirm::Return { kind, id, .. }) => self.return_unit(kind, id),
            Some(Confirm::ArchiveGroup(group)) => self.archive_group(*group, false),
            Some(Confirm::LeaveSetup) => self.quit = true,
            Some(Confirm::Bulk {
                title,
                year,
                decision,
                ..
            }) => self.recognise_bulk(title, year, decision),
            Some(Confirm::QuitTyped { .. }) => {
                if let Some(Screen::Scoring(s)) = self.stack.last_mut() {
                    s.input.clear();
                    s.error = None;
                }
                self.request_quit();
            }
            Some(Confirm::BackupOnQuit) => self.start_backup(true),
            Some(Confirm::Notice { then_quit, .. }) => self.quit = then_quit,
            Some(working @ Confirm::Working { .. }) => self.confirm = Some(working),
            None => {}
        }
    }

    pub(super) fn say(&mut self, text: impl Into<String>, role: Role) {
        self.message = Some((text.into(), role));
    }

    pub(super) fn fail(&mut self, error: &StoreError) {
        // A library's English detail at the end of a store error is said in Vietnamese.
        let said = crate::text::english::in_vietnamese(&error.to_string());
        let advice = crate::app::Advice::for_store(error).map_or(String::new(), advice_text);
        self.say(format!("✗ {said}{advice}"), Role::Error);
    }

    pub(super) fn change_year(&mut self, step: i32) {
        let Some(year) = Year::try_from(i32::from(self.year) + step)
            .ok()
            .filter(|y| (2000..=2100).contains(y))
        else {
            return;
        };
        if let Err(e) = self.switch_year(year) {
            self.fail(&e);
        }
    }
}

/// The app's words for an [`Advice`](crate::app::Advice). Restoring and checking the
/// whole register are done outside the app, so the key named is the one that leaves it.
fn advice_text(advice: crate::app::Advice) -> String {
    use crate::app::Advice;
    let quit = keymap::key_label(keymap::Ctx::Home, &Action::Quit);
    match advice {
        Advice::CreateRegister => format!(". Bấm {quit} để thoát, rồi mở lại để tạo sổ mới"),
        Advice::RestoreBackup => {
            format!(". Bấm {quit} để thoát, rồi khôi phục từ bản sao lưu: sohoctap restore TỆP")
        }
        Advice::CheckRegister => {
            format!("; bấm {quit} để thoát, rồi kiểm tra sổ: sohoctap check")
        }
    }
}

#[cfg(test)]
mod advice_tests {
    use super::*;

    #[test]
    fn the_app_names_its_own_key_for_leaving_before_a_command() {
        let error = StoreError::Corrupted {
            path: "/tmp/so.redb".into(),
            detail: "trang hỏng".into(),
        };
        let advice = crate::app::Advice::for_store(&error).map(advice_text);
        let quit = keymap::key_label(Ctx::Home, &Action::Quit);
        assert_eq!(
            advice.as_deref(),
            Some(
                format!(
                    ". Bấm {quit} để thoát, rồi khôi phục từ bản sao lưu: sohoctap restore TỆP"
                )
                .as_str()
            )
        );
        assert!(!quit.is_empty());
        assert!(crate::app::Advice::for_store(&StoreError::Invalid("x".into())).is_none());
    }
}
