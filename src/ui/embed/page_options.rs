//! Running inside another site's page: the options in the address (`?embed`, `?story=`, `?config=`). The site's
//! colours are set in `app.rs`, the frame's height by the loader.
//!
//! The height message to the parent page (`{ "type": "safety-stories:height", "height": <CSS pixels> }`) is sent
//! by the loader, `assets/embedded-height.js`; `assets/embed/embed.js` on the host page listens for it, checks that
//! it comes from the frame it embedded (source and origin), and sets that frame's height.

use crate::engine::{SiteConfig, is_valid_id};
use crate::ui::browser::address::Query;

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
    /// Applies the rules above to what the address's query asked for.
    pub fn from_query(query: Query) -> PageOptions {
        let config = query.config.filter(|c| !c.is_empty());
        let config_refused = config.as_deref().is_some_and(|c| !SiteConfig::path_is_allowed(c));
        PageOptions {
            embedded: query.embed,
            story: query.story.filter(|s| !s.is_empty()).map(|s| Some(s).filter(|s| is_valid_id(s))),
            config: config.filter(|_| !config_refused),
            config_refused,
        }
    }
}
