//! The page's address: the hash route, the query's options, going somewhere, and other windows.

use gloo_events::EventListener;

/// The hash, e.g. `#/story/ID/SCENE`; empty when there is none.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// Calls `changed` with the new hash whenever it changes (links, Back, Forward, typed addresses), until the
/// returned listener is dropped.
pub fn on_hash_change(changed: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "hashchange", move |_| changed(hash())))
}

/// What the query asks for: `?embed`, `?story=ID`, `?config=PATH`, as the browser decodes them.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub embed: bool,
    pub story: Option<String>,
    pub config: Option<String>,
}

pub fn query() -> Query {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
        return Query::default();
    };
    Query { embed: params.has("embed"), story: params.get("story"), config: params.get("config") }
}

/// Goes to `href`, adding a history entry so the browser's Back button returns: a hash on this page, or another
/// page (the teacher's page).
pub fn go(href: &str) {
    let Some(window) = web_sys::window() else { return };
    if href.starts_with('#') {
        let _ = window.location().set_hash(href);
    } else {
        let _ = window.location().assign(href);
    }
}

/// Goes to `href` in place of this page in the history.
pub fn replace(href: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.location().replace(href);
    }
}

/// Opens `href` in the window called `name` (or brings that window back to the front).
pub fn open_window(href: &str, name: &str, features: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.open_with_url_and_target_and_features(href, name, features);
    }
}

/// The folder this page is in, e.g. `https://example.org/stories/`, which static hosts answer with the player's
/// `index.html`.
pub fn folder() -> String {
    web_sys::window()
        .and_then(|w| {
            let location = w.location();
            let path = location.pathname().ok()?;
            let folder = &path[..path.rfind('/').map_or(0, |slash| slash + 1)];
            Some(format!("{}{folder}", location.origin().ok()?))
        })
        .unwrap_or_default()
}
