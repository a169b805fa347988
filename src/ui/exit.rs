//! "Exit this page", as in the GOV.UK Design System: blank the page at once, forget progress, and replace the
//! page with a neutral site so the browser's Back button does not return here.

use wasm_bindgen::JsCast;

/// Where Exit this page goes: an everyday page that gives nothing away.
pub const NEUTRAL_SITE: &str = "https://www.bbc.co.uk/weather";

pub fn exit_now() {
    super::storage::clear_all();
    super::offline::forget();
    let Some(window) = web_sys::window() else { return };
    if let Some(body) = window.document().and_then(|d| d.body()) {
        // Hide everything straight away, before the next site has loaded.
        let _ = body.set_attribute("data-exiting", "");
        if let Some(body) = body.dyn_ref::<web_sys::HtmlElement>() {
            body.set_inner_text("Loading…");
        }
    }
    // Inside a frame, leave the whole host page. A sandbox without top navigation refuses, and then at least
    // this frame goes.
    let in_frame = matches!(window.top(), Ok(Some(ref top)) if *top != window);
    if !in_frame {
        let _ = window.location().replace(NEUTRAL_SITE);
        return;
    }
    if let Ok(Some(top)) = window.top() {
        let _ = top.location().replace(NEUTRAL_SITE);
    }
    // A sandbox without top navigation refuses quietly. If the host page is still here a moment later, at least
    // this frame leaves the story.
    let fallback = wasm_bindgen::closure::Closure::once_into_js(|| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().replace(NEUTRAL_SITE);
        }
    });
    let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(fallback.unchecked_ref(), 300);
}

/// Counts Shift presses: three in a row, each within five seconds of the last, means exit. Any other key
/// starts the count again.
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct ShiftCounter {
    presses: u8,
    last_ms: f64,
}

impl ShiftCounter {
    /// Returns true when this key press completes the shortcut.
    pub fn press(&mut self, key: &str, now_ms: f64) -> bool {
        if key != "Shift" {
            *self = ShiftCounter::default();
            return false;
        }
        if self.presses > 0 && now_ms - self.last_ms > 5_000.0 {
            self.presses = 0;
        }
        self.presses += 1;
        self.last_ms = now_ms;
        if self.presses >= 3 {
            *self = ShiftCounter::default();
            return true;
        }
        false
    }
}
