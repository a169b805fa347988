//! The Yew player (wasm32 only), built on the engine. One component per file; state in `state.rs`.

pub mod app;
pub mod browser;
pub mod classroom;
pub mod embed;
pub mod reader;
pub mod route;
pub mod state;
pub mod teachers_page;

/// Starts the teacher's page: the player plus presenting to a class, the teacher notes window, the lesson pack and
/// the page for websites (see `teachers_page.rs`). It also keeps the site for offline lessons (see `browser/offline.rs`).
pub fn start_teachers_page() {
    let _ = teachers_page::TEACHERS_PAGE.set(teachers_page::SCREENS);
    // After Exit this page (see `start`), no offline copy is made again either.
    if !browser::storage::exited() {
        browser::offline::keep_for_lessons();
    }
    start();
}

/// Starts the player in `#app`. A panic shows the static help links from index.html instead of a blank page.
pub fn start() {
    // Through yew, not std: the renderer replaces any hook set with std::panic::set_hook by its own, unless it
    // was set this way.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        browser::fallback::show_after_panic();
    }));
    // The reader pressed Exit this page and came back with Back: the loader is already leaving again
    // (`assets/exit-this-page.js`), so nothing of the story is drawn.
    if browser::storage::exited() {
        return;
    }
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    browser::fallback::hide_static_help();
    yew::Renderer::<app::App>::with_root(root).render();
}
