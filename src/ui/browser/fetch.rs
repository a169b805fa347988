//! Downloads from the player's own origin, and only from there, with paths from the site's folder
//! (`address::in_site`), so it works in any folder and from any page of the site.
//!
//! Written on `web_sys::fetch` directly rather than with gloo-net: one GET for text is all the player does, and
//! gloo-net's request builder cost 2.4 KB brotli of what readers download.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

use crate::ui::state::LoadProblem;

/// The message of a failed fetch: a `TypeError` from the browser, usually "Failed to fetch".
fn reason(error: JsValue) -> String {
    error.dyn_into::<js_sys::Error>().map_or_else(|_| "the download failed".to_owned(), |e| String::from(e.message()))
}

pub async fn fetch_text(file: &str) -> Result<String, LoadProblem> {
    let fail = |reason: String| LoadProblem::Fetch { file: file.to_owned(), reason };
    let window = web_sys::window().ok_or_else(|| fail("there is no window".to_owned()))?;
    // "no-cache" revalidates with the server, so a story edited on the server is never served stale.
    // "same-origin" refuses any other site outright, and refusing redirects means an open redirect on the host
    // cannot bring in another site's file either: what the player shows as help comes only from its own site.
    let init = web_sys::RequestInit::new();
    init.set_cache(web_sys::RequestCache::NoCache);
    init.set_mode(web_sys::RequestMode::SameOrigin);
    init.set_redirect(web_sys::RequestRedirect::Error);
    let response: web_sys::Response =
        JsFuture::from(window.fetch_with_str_and_init(&super::address::in_site(file), &init))
            .await
            .map_err(|e| fail(reason(e)))?
            .unchecked_into();
    if !response.ok() {
        return Err(fail(format!("the server answered {} {}", response.status(), response.status_text())));
    }
    let text = response.text().map_err(|e| fail(reason(e)))?;
    JsFuture::from(text)
        .await
        .map_err(|e| fail(reason(e)))?
        .as_string()
        .ok_or_else(|| fail("the file is not text".to_owned()))
}
