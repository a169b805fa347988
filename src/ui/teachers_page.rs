//! The teacher's page, `teacher.html` (`src/bin/teacher.rs`): presenting to a class, the teacher notes window,
//! the lesson pack, the page for websites that embed the stories and the preview of an author's own story
//! (`authoring/`). Young people never need them, so they are linked only into the teacher's page.
//!
//! The player never names these components: it asks [`TEACHERS_PAGE`], which only the teacher's binary fills
//! in (`start_teachers_page` in `mod.rs`), so the linker leaves them out of the reader's wasm (about 27 KB brotli
//! in all). This file names none of them, so the reader's scene page can ask for them without an import loop. A link to one of them on
//! the player goes to the teacher's page (see `Route::href`).

use std::sync::OnceLock;

use yew::prelude::*;

use super::route::Route;
use crate::engine::OfferedChoice;

/// What only the teacher's page can draw.
pub struct TeachersPage {
    /// The screens with addresses of their own: presenting to a class, the teacher notes window, the lesson pack,
    /// the page for websites and the preview of an author's story.
    pub page: fn(&Route) -> Option<Html>,
    /// What presenting adds inside the reader's scene page: the presenter controls, their keys, the projector's
    /// styles and the class sync.
    pub present_to_class: fn(AttrValue) -> Html,
    /// A class vote at a decision, drawn in place of the choice buttons.
    pub class_vote: fn(Vec<OfferedChoice>, Vec<String>) -> Html,
}

/// Set once, at start, by the teacher's page; empty in the player.
pub static TEACHERS_PAGE: OnceLock<TeachersPage> = OnceLock::new();

/// Draws something only the teacher's page has; nothing in the player.
pub fn only_on_teachers_page(draw: impl FnOnce(&TeachersPage) -> Html) -> Html {
    TEACHERS_PAGE.get().map(draw).unwrap_or_default()
}
