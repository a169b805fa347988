//! "Exit this page", as in the GOV.UK Design System: blank the page at once, forget progress and the offline
//! copy, and replace the page with a neutral site so the browser's Back button does not return here.
//!
//! The work is done by `window.safetyStoriesExit`, from `assets/exit-this-page.js` at the start of the page's
//! loader, which also leaves again when the reader comes back with Back (scenes are history entries of this page).
//! It is JavaScript because it must run before the app starts, and there it costs a third of the bytes.

/// Where Exit this page goes when the loader's function is missing: an everyday page that gives nothing away.
pub const NEUTRAL_SITE: &str = "https://www.bbc.co.uk/weather";

pub fn exit_now() {
    if crate::ui::browser::loader::call("safetyStoriesExit") {
        return;
    }
    let Some(window) = web_sys::window() else { return };
    // Without the loader (it is in every build, so this is only a last resort), still forget and leave.
    crate::ui::browser::storage::forget_all_and_mark_exit();
    let _ = window.location().replace(NEUTRAL_SITE);
}
