//! The functions the page's loader script defines on `window` (scripts/post-build.mjs puts
//! `assets/exit-this-page.js` and `assets/reading.js` in it, and the latter loads `assets/reading-controls.js` when a
//! reader goes to use Reading settings or Read to me): the app calls them by name, and nothing happens when one is
//! not defined (yet).

use wasm_bindgen::JsCast;

/// Calls `window[name]()`; false when the loader did not define it.
pub fn call(name: &str) -> bool {
    let Some(window) = web_sys::window() else { return false };
    let function = js_sys::Reflect::get(&window, &name.into()).ok();
    match function.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
        Some(function) => function.call0(&window).is_ok(),
        None => false,
    }
}

/// Stops reading the scene aloud, if it is being read (`assets/reading-controls.js`).
pub fn stop_reading() {
    call("safetyStoriesStopReading");
}
