//! Full screen, where the browser (and, in a frame, the host page's `allow="fullscreen"`) permits it.

use gloo_events::EventListener;

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// Whether the page may go full screen.
pub fn allowed() -> bool {
    document().is_some_and(|d| d.fullscreen_enabled())
}

/// Whether the page is full screen now.
pub fn active() -> bool {
    document().is_some_and(|d| d.fullscreen_element().is_some())
}

/// Enters full screen, or leaves it. Does nothing where the browser or the host page does not allow it.
pub fn toggle() {
    match document() {
        Some(document) if document.fullscreen_element().is_some() => document.exit_fullscreen(),
        _ => enter(),
    }
}

/// Enters full screen unless the page is already in it (or the browser does not allow it).
fn enter() {
    if let Some(document) = document().filter(|d| d.fullscreen_enabled() && d.fullscreen_element().is_none())
        && let Some(root) = document.document_element()
    {
        let _ = root.request_fullscreen();
    }
}

/// Leaves full screen if the page is in it.
pub fn leave() {
    if let Some(document) = document().filter(|d| d.fullscreen_element().is_some()) {
        document.exit_fullscreen();
    }
}

/// Calls `changed` whenever the page enters or leaves full screen, until the returned listener is dropped.
pub fn on_change(changed: impl Fn() + 'static) -> Option<EventListener> {
    document().map(|d| EventListener::new(&d, "fullscreenchange", move |_| changed()))
}
