//! Everything the officer can ask for, as a typed value. The keymap turns a key into an
//! `Action`; `App::update` carries it out. Nothing else changes the app's state.

use crate::model::UnitKind;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Quit,
    /// Esc: close the screen, the search box or the dialog (asks first if a form changed).
    Back,
    Help,
    About,
    PrevYear,
    NextYear,
    OpenList(UnitKind),
    Up,
    Down,
    PageUp,
    PageDown,
    First,
    Last,
    /// Enter: open the selected item (a list from home, a unit's detail from a list).
    Open,
    /// Put the cursor in the list's search box.
    Search,
    /// Cycle the community filter.
    FilterCommunity,
    /// Cycle the status filter (this year's stage).
    FilterStage,
    /// Toggle "chưa chấm" (not fully scored yet).
    FilterUnscored,
    ClearFilters,
    /// Show the units that left the commune, or back to this year's.
    FilterLeft,
    /// Return an archived unit to the commune.
    Return,
    Add,
    Edit,
    Archive,
    Save,
    /// Report: save it as a Word document (.docx) in the documents folder.
    SaveDocx,
    /// Send the report on screen to the printer.
    Print,
    /// List or scoring screen: save the scoring sheet(s) as a Word document.
    SaveSheetForm,
    /// List or scoring screen: save the registration form(s) as a Word document.
    SaveRegistrationForm,
    NextField,
    /// Enter in a unit form: the next field, or save on the last one.
    NextOrSave,
    PrevField,
    /// Answer yes to the dialog on screen.
    Confirm,
    // Editing the focused text field.
    Char(char),
    Paste(String),
    Backspace,
    Delete,
    Left,
    Right,
    LineStart,
    LineEnd,
    /// Open a unit's detail from a list (Enter there opens the scoring screen).
    OpenDetail,
    /// Ctrl+Z: undo this session's last change to an evaluation.
    Undo,
    /// Fill the indicators not scored yet with last year's values.
    TakeLastYear,
    /// Move the evaluation to the next stage (register, self-assessed, reviewed).
    StageForward,
    /// Move the evaluation back one stage (to correct scores after a decision).
    StageBack,
    /// Open the decision form (recognise / not recognise).
    Decide,
    /// CDHT: the holder's digital skills, next value (chưa → có → thành thạo → not
    /// recorded), saved at once.
    CycleSkills,
    ShowHistory,
    OpenBreakdown,
    OpenTargets,
    /// The report's own lines (letterhead, signer, recipients).
    OpenLetterhead,
    OpenBulk,
    /// From bulk recognition: withdraw or correct a decision as a whole.
    OpenWithdraw,
    /// Fill empty targets with the national figures.
    Prefill,
    /// Open the Report screen (the printed summary, previewed).
    Report,
    /// Open the import screen (a CSV list, previewed before anything is written).
    Import,
    /// Back the register up now, into the rotating backups beside it.
    Backup,
    /// Open the merge screen (a former commune's register, previewed before it is
    /// merged).
    Merge,
    /// Report: append the recognised units by community (`--list`).
    ToggleList,
    /// Report: without diacritics (`--ascii`).
    ToggleAscii,
    /// Answer no to a question that has three answers (yes, no, stay).
    Decline,
    /// Save the list on screen, or the report's tables, as an Excel workbook.
    ExportXlsx,
    /// Import preview: confirm that codes a spreadsheet stripped of leading zeros
    /// (`123` ↔ `0123`) are the register's codes, and preview again.
    AcceptCodeMapping,
    /// Citizen form: pick the household (or organisation) from a list, typing to filter.
    Pick,
    /// Open the criteria sets: the office's own version, adopting one for the year.
    OpenCriteria,
    /// A command of the criteria screens (list, editor).
    Criteria(super::criteria_editor::CriteriaAction),
}
