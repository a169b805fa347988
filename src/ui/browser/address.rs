//! The page's address: the site's folder, the page's path in it, the hash route, the query's options, going
//! somewhere, following the player's links in place, and other windows.

use std::sync::OnceLock;

use gloo_events::{EventListener, EventListenerOptions};
use wasm_bindgen::JsCast;

/// The site's folder as an absolute path, e.g. `/stories/`, found once at start (see [`find_site_folder`]).
static SITE_FOLDER: OnceLock<String> = OnceLock::new();

fn pathname() -> String {
    web_sys::window().and_then(|w| w.location().pathname().ok()).unwrap_or_default()
}

/// Finds the site's folder from the path of the page that opened and that page's path in the site (`page`, which
/// the prerender writes on `#app`), and keeps it. Without a page, or when the address does not end with it, the
/// site's folder is the page's own folder.
pub fn find_site_folder(page: Option<&str>) -> &'static str {
    SITE_FOLDER.get_or_init(|| {
        let path = pathname();
        let path = path.strip_suffix("index.html").unwrap_or(&path);
        match page.and_then(|page| path.strip_suffix(page)) {
            Some(folder) if folder.ends_with('/') => folder.to_owned(),
            _ => path[..path.rfind('/').map_or(0, |slash| slash + 1)].to_owned(),
        }
    })
}

/// Where a file of the site is, from the site's folder: `stories/x.json` becomes `/folder/stories/x.json`, so a
/// download is right whichever page the reader has moved to.
pub fn in_site(file: &str) -> String {
    format!("{}{file}", SITE_FOLDER.get().map_or("", String::as_str))
}

/// The path of the page now shown, from the site's folder, e.g. `story/ID/SCENE/`; `None` when the address is
/// outside the site's folder.
pub fn page_path() -> Option<String> {
    let folder = SITE_FOLDER.get()?;
    pathname().strip_prefix(folder.as_str()).map(str::to_owned)
}

/// Adds a history entry for `link` (relative to the page now shown) without loading it, keeping the query
/// (`?embed`, `?config=`), so the next page and a reload keep the same options.
pub fn push(link: &str) {
    let Some(window) = web_sys::window() else { return };
    let search = window.location().search().unwrap_or_default();
    if let Ok(history) = window.history() {
        let _ = history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{link}{search}")));
    }
}

/// Shows `path` (from the page's origin, e.g. `/stories/story/ID/`) in the address bar in place of the address
/// now shown, keeping the query and loading nothing.
pub fn replace_path(path: &str) {
    let Some(window) = web_sys::window() else { return };
    let search = search();
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&format!("{path}{search}")));
    }
}

/// Calls `moved` with the page's path whenever the reader goes Back or Forward between pages, until the returned
/// listener is dropped.
pub fn on_pop_state(moved: impl Fn(String) + 'static) -> Option<EventListener> {
    let window = web_sys::window()?;
    Some(EventListener::new(&window, "popstate", move |_| moved(page_path().unwrap_or_default())))
}

/// Calls `follow` with the path from the site's folder of each link to a page of the site that the reader clicks,
/// and stops the browser loading it when `follow` returns true. Left alone: a click with a modifier key or another
/// button (a new tab), one already handled, a link with a `target` (Exit this page), to another origin, outside
/// the site's folder, or with a hash.
pub fn on_link_click(follow: impl Fn(&str) -> bool + 'static) -> Option<EventListener> {
    let document = web_sys::window()?.document()?;
    let options = EventListenerOptions::enable_prevent_default();
    Some(EventListener::new_with_options(&document, "click", options, move |event| {
        let Some(click) = event.dyn_ref::<web_sys::MouseEvent>() else { return };
        if click.default_prevented()
            || click.button() != 0
            || click.ctrl_key()
            || click.meta_key()
            || click.shift_key()
            || click.alt_key()
        {
            return;
        }
        let anchor = click
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|a| a.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else { return };
        let (Some(window), Some(folder)) = (web_sys::window(), SITE_FOLDER.get()) else { return };
        if !anchor.target().is_empty()
            || !anchor.hash().is_empty()
            || window.location().origin().ok() != Some(anchor.origin())
        {
            return;
        }
        if let Some(path) = anchor.pathname().strip_prefix(folder.as_str())
            && follow(path)
        {
            event.prevent_default();
        }
    }))
}

/// The hash, e.g. `#/story/ID/SCENE`; empty when there is none.
pub fn hash() -> String {
    web_sys::window().and_then(|w| w.location().hash().ok()).unwrap_or_default()
}

/// The query, e.g. `?embed&story=ID`; empty when there is none.
pub fn search() -> String {
    web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()
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

/// Whether the page's address asks for draft translations (`?drafts`), for reviewers of a translation.
pub fn drafts_in_query() -> bool {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search).is_ok_and(|params| params.has("drafts"))
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
