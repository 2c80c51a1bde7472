//! The set-up screen's state: the commune and province typed, on the form widget.

use crate::tui::widgets::form::{Field, Form};

/// The fields of the set-up form.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SetupField {
    Commune,
    Province,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupState {
    pub form: Form<SetupField>,
}

impl Default for SetupState {
    fn default() -> SetupState {
        SetupState {
            form: Form::new(
                vec![
                    (SetupField::Commune, Field::text("Tên xã, phường", "", true)),
                    (
                        SetupField::Province,
                        Field::text("Tỉnh, thành phố", "", false),
                    ),
                ],
                SetupField::Commune,
            ),
        }
    }
}

impl SetupState {
    /// Nothing typed yet: leaving loses nothing.
    pub fn is_empty(&self) -> bool {
        self.form
            .fields()
            .all(|(_, f)| f.input().is_none_or(|t| t.is_empty()))
    }
}
