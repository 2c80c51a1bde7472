//! "Who is working?", one module: asked once when the app opens a register, so every
//! change of the session carries the officer's name (offices share one Windows account).
//! Last session's name is offered: Enter on an empty field takes it; Esc skips, and
//! changes then carry the account's name alone. The state is here, what its keys do
//! (and remembering the name) in `keys`, the drawing in `draw`.

pub mod draw;
mod keys;

use crate::text::TextInput;
use crate::tui::theme::Role;

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct OfficerState {
    pub input: TextInput,
    /// The name given in the register's last session, taken by Enter on an empty field.
    pub last: Option<String>,
    /// The OS account, recorded alone when the question is skipped.
    pub account: String,
    pub error: Option<String>,
    /// The message line when the question opened (a register upgraded on opening,
    /// January's year): put back once it is answered, so the answer does not hide it.
    pub kept_message: Option<(String, Role)>,
}
