//! One field of a form: its label, its value (text, a number typed as text, or a fixed
//! choice) and what is said beside it (a finding, or what the typed value refers to).

use crate::model::UnitId;
use crate::text::{TextInput, clean_name};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldValue {
    Text(TextInput),
    Number(TextInput),
    /// A fixed list: (id, label); ← → move through it.
    Choice {
        options: Vec<(UnitId, String)>,
        index: usize,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Field {
    pub label: &'static str,
    pub value: FieldValue,
    pub required: bool,
    pub error: Option<String>,
    /// What the typed value refers to, shown beside the field while there is no error
    /// (the household a code names, as it is typed).
    pub note: Option<String>,
}

impl Field {
    pub fn text(label: &'static str, value: &str, required: bool) -> Field {
        Field {
            label,
            value: FieldValue::Text(TextInput::with_value(value)),
            required,
            error: None,
            note: None,
        }
    }

    pub fn number(label: &'static str, value: Option<u64>, required: bool) -> Field {
        let text = value.map(|v| v.to_string()).unwrap_or_default();
        Field {
            label,
            value: FieldValue::Number(TextInput::with_value(&text)),
            required,
            error: None,
            note: None,
        }
    }

    /// A choice starting on the option with id `selected` (the first when none has it).
    pub fn choice(label: &'static str, options: Vec<(UnitId, String)>, selected: UnitId) -> Field {
        let index = options
            .iter()
            .position(|(id, _)| *id == selected)
            .unwrap_or(0);
        Field {
            label,
            value: FieldValue::Choice { options, index },
            required: true,
            error: None,
            note: None,
        }
    }

    /// A choice among labels, each option's id its place in the list.
    pub fn choice_of(label: &'static str, options: &[&str], index: usize) -> Field {
        let options = (0..)
            .zip(options.iter().map(|o| (*o).to_string()))
            .collect();
        Field::choice(label, options, UnitId::try_from(index).unwrap_or(0))
    }

    pub fn input_mut(&mut self) -> Option<&mut TextInput> {
        match &mut self.value {
            FieldValue::Text(t) | FieldValue::Number(t) => Some(t),
            FieldValue::Choice { .. } => None,
        }
    }

    pub fn input(&self) -> Option<&TextInput> {
        match &self.value {
            FieldValue::Text(t) | FieldValue::Number(t) => Some(t),
            FieldValue::Choice { .. } => None,
        }
    }

    /// The text as it will be saved (spaces cleaned), or the chosen option's label.
    pub fn text_value(&self) -> String {
        match &self.value {
            FieldValue::Text(t) | FieldValue::Number(t) => clean_name(t.value()),
            FieldValue::Choice { options, index } => options
                .get(*index)
                .map(|(_, label)| label.clone())
                .unwrap_or_default(),
        }
    }

    /// The id of the chosen option; `None` for text, or a choice with no options.
    pub fn chosen(&self) -> Option<UnitId> {
        match &self.value {
            FieldValue::Choice { options, index } => options.get(*index).map(|(id, _)| *id),
            _ => None,
        }
    }

    /// ← / → on a choice: the previous or next option, wrapping. False for text.
    pub fn cycle(&mut self, forward: bool) -> bool {
        let FieldValue::Choice { options, index } = &mut self.value else {
            return false;
        };
        let n = options.len().max(1);
        *index = if forward {
            (*index + 1) % n
        } else {
            (*index + n - 1) % n
        };
        self.error = None;
        true
    }
}
