//! The Yew player (wasm32 only), built on the engine. One component per file; state in `state.rs`.

pub mod app;
pub mod branch_map_view;
pub mod choice_list;
pub mod class_sync;
pub mod embed_page;
pub mod embedding;
pub mod ending_view;
pub mod error_view;
pub mod exit;
pub mod exit_button;
pub mod fallback;
pub mod fetch;
pub mod focus;
pub mod fullscreen_button;
pub mod help_list;
pub mod help_page;
pub mod intro_page;
pub mod key_list;
pub mod keys;
pub mod lesson_page;
pub mod library_page;
pub mod offline;
pub mod panel_view;
pub mod present_bar;
pub mod present_mode;
pub mod presenter_page;
pub mod rich_text;
pub mod route;
pub mod scene_page;
pub mod service_card;
pub mod state;
pub mod storage;
pub mod teacher;
pub mod story_loader;
pub mod transcript_view;
pub mod vote_view;
pub mod words;

/// Starts the teacher's page: the player plus present mode, the presenter view, the lesson pack and the page for
/// websites (see `teacher.rs`). It also keeps the site for offline lessons (see `offline.rs`).
pub fn start_with_teacher_screens() {
    let _ = teacher::TEACHER_SCREENS.set(teacher::SCREENS);
    // After Exit this page (see `start`), no offline copy is made again either.
    if !storage::exited() {
        offline::keep_for_lessons();
    }
    start();
}

/// Starts the player in `#app`. A panic shows the static help links from index.html instead of a blank page.
pub fn start() {
    // Through yew, not std: the renderer replaces any hook set with std::panic::set_hook by its own, unless it
    // was set this way.
    yew::set_custom_panic_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into());
        fallback::show_after_panic();
    }));
    // The reader pressed Exit this page and came back with Back: the loader is already leaving again
    // (`assets/exit-this-page.js`), so nothing of the story is drawn.
    if storage::exited() {
        return;
    }
    let Some(root) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("app")) else {
        return;
    };
    fallback::hide_static_help();
    yew::Renderer::<app::App>::with_root(root).render();
}
