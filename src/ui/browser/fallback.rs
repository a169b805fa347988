//! The help links written into index.html, for when the app itself cannot run: no JavaScript, no WebAssembly,
//! a panic, or a missing help file. They are plain markup so they need nothing else to work.

use wasm_bindgen::JsCast;

/// From now on a panic is logged and shows the static help instead of a blank page. Set through yew, not std:
/// the renderer replaces any hook set with std::panic::set_hook by its own, unless it was set this way.
#[cfg(target_arch = "wasm32")]
pub fn show_static_help_on_panic() {
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        show_after_panic();
    }));
}

/// Hides the static help once the app has started.
pub fn hide_static_help() {
    if let Some(element) = document().and_then(|d| d.get_element_by_id("fallback")) {
        let _ = element.set_attribute("hidden", "");
    }
}

pub fn show_static_help() {
    if let Some(element) = document().and_then(|d| d.get_element_by_id("fallback")) {
        let _ = element.remove_attribute("hidden");
    }
}

/// After a panic: say so kindly, keep the help links, and hide the broken app.
pub fn show_after_panic() {
    let Some(document) = document() else { return };
    if let Some(app) = document.get_element_by_id("app") {
        let _ = app.set_attribute("hidden", "");
    }
    if let Some(status) =
        document.get_element_by_id("fallback-status").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        status.set_inner_text(
            "Sorry, something went wrong with this story. Reloading the page may fix it. If you need help now:",
        );
    }
    show_static_help();
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}
