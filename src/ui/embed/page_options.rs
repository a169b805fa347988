//! Running inside another site's page: options from the address, and the site's colours.
//!
//! The height message to the parent page (`{ "type": "safety-stories:height", "height": <CSS pixels> }`) is sent
//! by the loader, `assets/embedded-height.js`; `assets/embed/embed.js` on the host page listens for it, checks that
//! it comes from the frame it embedded (source and origin), and sets that frame's height.

use wasm_bindgen::JsCast;

use crate::engine::load::is_valid_id;
use crate::engine::site::{Colours, SiteConfig};

/// Where a site's config is looked for when the address does not name one.
pub const DEFAULT_CONFIG: &str = "site-config.json";

/// What the page's address asks for: `?embed`, `?story=ID`, `?config=PATH`.
///
/// Anyone can write an address, so nothing in it is ever shown on the page: a story id that breaks the id rule
/// stands for no story ("This story could not be found"), and a config path that is not a plain relative path
/// on this site is not fetched.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PageOptions {
    pub embedded: bool,
    /// The story an embedded player opens at: `Some(None)` when the address named one that cannot exist.
    pub story: Option<Option<String>>,
    /// A config path named in the address; `None` means the default one, if the site has it.
    pub config: Option<String>,
    /// The address named a config that is not a plain path on this site, so it was not fetched.
    pub config_refused: bool,
}

impl PageOptions {
    pub fn from_address() -> PageOptions {
        let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
        let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) else {
            return PageOptions::default();
        };
        let config = params.get("config").filter(|c| !c.is_empty());
        let config_refused = config.as_deref().is_some_and(|c| !SiteConfig::path_is_allowed(c));
        PageOptions {
            embedded: params.has("embed"),
            story: params.get("story").filter(|s| !s.is_empty()).map(|s| Some(s).filter(|s| is_valid_id(s))),
            config: config.filter(|_| !config_refused),
            config_refused,
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
