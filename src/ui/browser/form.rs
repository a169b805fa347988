//! Reading form fields from their events, and copying text for the reader to paste.

use wasm_bindgen::JsCast;
use yew::prelude::{Event, InputEvent};

/// The position of the option chosen in the `<select>` that sent `event`.
pub fn selected_index(event: &Event) -> Option<usize> {
    let select = event.target()?.dyn_into::<web_sys::HtmlSelectElement>().ok()?;
    Some(select.selected_index().max(0) as usize)
}

/// The text in the `<input>` that sent `event`.
pub fn input_value(event: &InputEvent) -> Option<String> {
    Some(event.target()?.dyn_into::<web_sys::HtmlInputElement>().ok()?.value())
}

/// Puts `text` on the clipboard. Returns false where there is no clipboard: `navigator.clipboard` is missing on
/// plain-http pages (it is reached through `Reflect` for that), and then the reader selects the text themselves.
pub fn copy(text: &str) -> bool {
    let clipboard = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined());
    if let Some(clipboard) = clipboard
        && let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into())
        && let Some(write) = write.dyn_ref::<js_sys::Function>()
    {
        let _ = write.call1(&clipboard, &text.into());
        return true;
    }
    false
}
