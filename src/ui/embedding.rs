//! Running inside another site's page: options from the address, the height message to the parent page, and
//! the site's colours.
//!
//! The height message is `{ "type": "safety-stories:height", "height": <CSS pixels> }`, posted to the parent
//! whenever the page's height changes. `assets/embed/embed.js` on the host page listens for it, checks that it
//! comes from the frame it embedded (source and origin), and sets that frame's height.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::Closure;

use crate::engine::site::{Colours, SiteConfig};

pub const HEIGHT_MESSAGE: &str = "safety-stories:height";
/// Where a site's config is looked for when the address does not name one.
pub const DEFAULT_CONFIG: &str = "site-config.json";

/// What the page's address asks for: `?embed`, `?story=ID`, `?config=PATH`.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageOptions {
    pub embedded: bool,
    pub story: Option<String>,
    /// A config path named in the address; `None` means the default one, if the site has it.
    pub config: Option<String>,
}

impl PageOptions {
    pub fn from_address() -> PageOptions {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return PageOptions::default();
        };
        PageOptions {
            embedded: params.has("embed"),
            story: params.get("story").filter(|s| !s.is_empty()),
            config: params.get("config").filter(|c| SiteConfig::path_is_allowed(c)),
        }
    }
}

fn document_element() -> Option<web_sys::HtmlElement> {
    web_sys::window()?.document()?.document_element()?.dyn_into().ok()
}

/// Sets the accepted colours as CSS custom properties (CSSOM, so a strict style-src still allows it).
pub fn apply_colours(colours: &Colours) {
    if let Some(root) = document_element() {
        for (name, value) in colours.custom_properties() {
            let _ = root.style().set_property(name, &value);
        }
    }
}

pub fn mark_embedded() {
    if let Some(root) = document_element() {
        let _ = root.set_attribute("data-embedded", "");
    }
}

fn post_height() {
    let Some(window) = web_sys::window() else { return };
    let Ok(Some(parent)) = window.parent() else { return };
    // The body's own height: the root element is never shorter than the frame, so it could only ever grow.
    let Some(body) = window.document().and_then(|d| d.body()) else { return };
    let message = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&message, &"type".into(), &HEIGHT_MESSAGE.into());
    let _ = js_sys::Reflect::set(&message, &"height".into(), &f64::from(body.offset_height()).into());
    // The height says nothing private, so any parent may read it; the parent checks where it came from.
    let _ = parent.post_message(&message, "*");
}

/// Posts the page height now and whenever it changes. Keep the returned observer alive.
pub fn watch_height() -> Option<(web_sys::ResizeObserver, Closure<dyn FnMut()>)> {
    let callback = Closure::<dyn FnMut()>::new(post_height);
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    let body = web_sys::window()?.document()?.body()?;
    observer.observe(&body);
    post_height();
    Some((observer, callback))
}
