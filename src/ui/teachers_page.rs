//! The teacher's page, `teacher.html` (`src/bin/teacher.rs`): presenting to a class, the teacher notes window,
//! the lesson pack and the page for websites that embed the stories. Young people never need them, so they are linked only into
//! the teacher's page.
//!
//! The player never names these components: it asks [`TEACHERS_PAGE`], which only the teacher's binary fills
//! in, so the linker leaves them out of the reader's wasm (about 27 KB brotli in all). A link to one of them on
//! the player goes to the teacher's page (see `Route::href`).

use std::sync::OnceLock;

use yew::prelude::*;

use crate::ui::embed::embed_page::EmbedPage;
use crate::ui::classroom::lesson_pack::LessonPackPage;
use crate::ui::classroom::present_to_class::PresentToClass;
use crate::ui::classroom::teacher_notes::TeacherNotesPage;
use super::route::Route;
use crate::ui::reader::scene_page::ScenePage;
use crate::ui::classroom::class_vote::ClassVote;
use crate::engine::OfferedChoice;

/// What only the teacher's page can draw.
pub struct TeachersPage {
    /// The screens with addresses of their own: presenting to a class, the teacher notes window, the lesson pack and the page
    /// for websites.
    pub page: fn(&Route) -> Option<Html>,
    /// Presenting's controls, keys, projector styles and class sync, drawn inside the reader's scene page.
    pub present_to_class: fn(AttrValue) -> Html,
    /// A class vote at a decision, drawn in place of the choice buttons.
    pub class_vote: fn(Vec<OfferedChoice>, Vec<String>) -> Html,
}

/// Set once, at start, by the teacher's page; empty in the player.
pub static TEACHERS_PAGE: OnceLock<TeachersPage> = OnceLock::new();

/// The teacher's page's screens.
pub const SCREENS: TeachersPage = TeachersPage { page, present_to_class, class_vote };

/// Draws something only the teacher's page has; nothing in the player.
pub fn only_on_teachers_page(draw: impl FnOnce(&TeachersPage) -> Html) -> Html {
    TEACHERS_PAGE.get().map(draw).unwrap_or_default()
}

fn page(route: &Route) -> Option<Html> {
    match route {
        Route::Present { id, scene } => Some(html! { <ScenePage id={id.clone()} scene={scene.clone()} present={true} /> }),
        Route::TeacherNotes { id } => Some(html! { <TeacherNotesPage id={id.clone()} /> }),
        Route::LessonPack { id } => Some(html! { <LessonPackPage id={id.clone()} /> }),
        Route::Embed => Some(html! { <EmbedPage /> }),
        _ => None,
    }
}

fn present_to_class(story: AttrValue) -> Html {
    html! { <PresentToClass {story} /> }
}

fn class_vote(choices: Vec<OfferedChoice>, discussion: Vec<String>) -> Html {
    html! { <ClassVote {choices} {discussion} /> }
}
