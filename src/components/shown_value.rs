//! What a form's fields show is what it sends. A password manager, a bot
//! (the comment form's honeypot) or a form rebuilt around fresh signals can
//! leave a value in a field without the input event that updates its bound
//! signal, so submit handlers take the value from the field itself.

use leptos::html;
use leptos::prelude::*;

/// A text field a submit handler can read.
pub trait Field {
    /// The field's value, when it is in the document.
    fn shown(&self) -> Option<String>;
}

impl Field for NodeRef<html::Input> {
    fn shown(&self) -> Option<String> {
        self.get_untracked().map(|el| el.value())
    }
}

impl Field for NodeRef<html::Textarea> {
    fn shown(&self) -> Option<String> {
        self.get_untracked().map(|el| el.value())
    }
}

/// Sets `bound` to what `field` shows (it keeps its value when the field is
/// not in the document) and returns that value.
pub fn take_shown(field: &impl Field, bound: RwSignal<String>) -> String {
    match field.shown() {
        Some(value) => {
            bound.set(value.clone());
            value
        }
        None => bound.get_untracked(),
    }
}
