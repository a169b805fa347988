//! Keyboard shortcuts: 1 to 9 for choices everywhere, and the presentation keys a teacher's clicker sends.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;
use yew::prelude::*;

use crate::ui::state::{Action, StateContext};

/// True when the key is meant for whatever has focus: a field being typed in, or (for Space and Enter) a button
/// or link, which the browser activates itself.
fn meant_for_focused(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    match element.tag_name().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => true,
        "BUTTON" | "A" | "SUMMARY" => matches!(event.key().as_str(), " " | "Enter"),
        _ => false,
    }
}

fn with_modifier(event: &web_sys::KeyboardEvent) -> bool {
    event.ctrl_key() || event.alt_key() || event.meta_key()
}

/// Keys 1 to 9 pick the choice at that position among `offered` (choice indexes in the scene's list).
#[hook]
pub fn use_choice_keys(offered: Vec<usize>) {
    let state = use_context::<StateContext>().expect("state context");
    use_effect_with(offered, move |offered| {
        let offered = offered.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|document| {
            EventListener::new_with_options(&document, "keydown", EventListenerOptions::enable_prevent_default(), move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if with_modifier(event) || meant_for_focused(event) || event.key().len() != 1 {
                    return;
                }
                let Some(digit) = event.key().chars().next().and_then(|c| c.to_digit(10)) else { return };
                if let Some(&index) = offered.get((digit as usize).wrapping_sub(1)) {
                    event.prevent_default();
                    state.dispatch(Action::Choose(index));
                }
            })
        });
        move || drop(listener)
    });
}

/// What a presentation key asks for, beyond moving through the story.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PresentKey {
    Fullscreen,
    TeacherNotes,
    KeyList,
    Leave,
}

/// The presentation keys: Right, PageDown and Space go on; Left and PageUp go back (clickers send PageUp and
/// PageDown); B pauses on a black screen; V opens the class vote; F, N, ? and Esc are passed to `on_key`.
#[hook]
pub fn use_presentation_keys(on_key: Callback<PresentKey>) {
    let state = use_context::<StateContext>().expect("state context");
    use_effect_with(on_key, move |on_key| {
        let on_key = on_key.clone();
        let listener = web_sys::window().and_then(|w| w.document()).map(|document| {
            EventListener::new_with_options(&document, "keydown", EventListenerOptions::enable_prevent_default(), move |event| {
                let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
                if with_modifier(event) || meant_for_focused(event) {
                    return;
                }
                let action = match event.key().as_str() {
                    "ArrowRight" | "PageDown" | " " => Some(Action::Continue),
                    "ArrowLeft" | "PageUp" => Some(Action::Back),
                    "b" | "B" | "." => Some(Action::ToggleBlack),
                    "v" | "V" => Some(Action::ToggleVote),
                    _ => None,
                };
                let key = match event.key().as_str() {
                    "f" | "F" => Some(PresentKey::Fullscreen),
                    "n" | "N" => Some(PresentKey::TeacherNotes),
                    "?" => Some(PresentKey::KeyList),
                    "Escape" => Some(PresentKey::Leave),
                    _ => None,
                };
                if action.is_none() && key.is_none() {
                    return;
                }
                event.prevent_default();
                if let Some(action) = action {
                    state.dispatch(action);
                }
                if let Some(key) = key {
                    on_key.emit(key);
                }
            })
        });
        move || drop(listener)
    });
}
