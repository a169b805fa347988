//! The one place a keydown listener is added. What a key means is decided elsewhere, from a plain [`Key`], so
//! that it is tested without a browser.

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// A key press, as the shortcuts need it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Key {
    /// `KeyboardEvent.key`, e.g. `"1"`, `"Shift"`, `"ArrowRight"`.
    pub name: String,
    /// Held down, so the browser repeats it.
    pub repeat: bool,
    /// Ctrl, Alt or Meta is held: the key belongs to the browser or the system.
    pub modifier: bool,
    /// Meant for whatever has focus: a field being typed in, or (for Space and Enter) a button or link, which the
    /// browser activates itself.
    pub for_focused: bool,
    /// When it was pressed, in milliseconds.
    pub time_ms: f64,
}

fn for_focused(event: &web_sys::KeyboardEvent) -> bool {
    let Some(element) = event.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return false };
    match element.tag_name().as_str() {
        "INPUT" | "TEXTAREA" | "SELECT" => true,
        "BUTTON" | "A" | "SUMMARY" => matches!(event.key().as_str(), " " | "Enter"),
        _ => false,
    }
}

/// Calls `handle` for every key pressed anywhere on the page, until the returned listener is dropped. When
/// `handle` returns true the key was used, and the browser does not act on it too.
pub fn on_key(handle: impl Fn(&Key) -> bool + 'static) -> Option<EventListener> {
    listen(Box::new(handle))
}

/// [`on_key`] for any handler: one copy of the listener in the wasm, however many places listen.
fn listen(handle: Box<dyn Fn(&Key) -> bool>) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    Some(EventListener::new_with_options(
        &document,
        "keydown",
        EventListenerOptions::enable_prevent_default(),
        move |event| {
            let Some(event) = event.dyn_ref::<web_sys::KeyboardEvent>() else { return };
            let key = Key {
                name: event.key(),
                repeat: event.repeat(),
                modifier: event.ctrl_key() || event.alt_key() || event.meta_key(),
                for_focused: for_focused(event),
                time_ms: js_sys::Date::now(),
            };
            if handle(&key) {
                event.prevent_default();
            }
        },
    ))
}
