//! The teacher's page, `teacher.html` (`src/bin/teacher.rs`): present mode, the presenter view, the lesson pack
//! and the page for websites that embed the stories. Young people never need them, so they are linked only into
//! the teacher's page.
//!
//! The player never names these components: it asks [`TEACHER_SCREENS`], which only the teacher's binary fills
//! in, so the linker leaves them out of the reader's wasm (about 27 KB brotli in all). A link to one of them on
//! the player goes to the teacher's page (see `Route::href`).

use std::sync::OnceLock;

use yew::prelude::*;

use crate::ui::embed::embed_page::EmbedPage;
use crate::ui::classroom::lesson_page::LessonPage;
use crate::ui::classroom::present_mode::PresentMode;
use crate::ui::classroom::presenter_page::PresenterPage;
use super::route::Route;
use crate::ui::reader::scene_page::ScenePage;
use crate::ui::classroom::vote_view::VoteView;
use crate::engine::OfferedChoice;

/// What only the teacher's page can draw.
pub struct TeacherScreens {
    /// The screens with addresses of their own: present mode, the presenter view, the lesson pack and the page
    /// for websites.
    pub page: fn(&Route) -> Option<Html>,
    /// Present mode's bar, keys, projector styles and class sync, drawn inside the reader's scene page.
    pub present_mode: fn(AttrValue) -> Html,
    /// A class vote at a decision, drawn in place of the choice buttons.
    pub vote: fn(Vec<OfferedChoice>, Vec<String>) -> Html,
}

/// Set once, at start, by the teacher's page; empty in the player.
pub static TEACHER_SCREENS: OnceLock<TeacherScreens> = OnceLock::new();

/// The teacher's page's screens.
pub const SCREENS: TeacherScreens = TeacherScreens { page, present_mode, vote };

/// Draws something only the teacher's page has; nothing in the player.
pub fn teacher_only(draw: impl FnOnce(&TeacherScreens) -> Html) -> Html {
    TEACHER_SCREENS.get().map(draw).unwrap_or_default()
}

fn page(route: &Route) -> Option<Html> {
    match route {
        Route::Present { id, scene } => Some(html! { <ScenePage id={id.clone()} scene={scene.clone()} present={true} /> }),
        Route::Presenter { id } => Some(html! { <PresenterPage id={id.clone()} /> }),
        Route::Lesson { id } => Some(html! { <LessonPage id={id.clone()} /> }),
        Route::Embed => Some(html! { <EmbedPage /> }),
        _ => None,
    }
}

fn present_mode(story: AttrValue) -> Html {
    html! { <PresentMode {story} /> }
}

fn vote(choices: Vec<OfferedChoice>, discussion: Vec<String>) -> Html {
    html! { <VoteView {choices} {discussion} /> }
}
