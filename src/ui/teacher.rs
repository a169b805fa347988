//! The teacher's screens, linked only into the teacher's page (`src/bin/teacher.rs`, `teacher.html`).
//!
//! The player's `switch` in `app.rs` never names these components: it asks [`TEACHER_SCREENS`], which only the
//! teacher's binary fills in, so the linker leaves them out of the reader's wasm (about 17 KB brotli).

use std::sync::OnceLock;

use yew::prelude::*;

use super::lesson_page::LessonPage;
use super::presenter_page::PresenterPage;
use super::route::Route;

/// Draws a teacher's screen for a route, if the route is one.
pub type TeacherScreens = fn(&Route) -> Option<Html>;

/// Set once, at start, by the teacher's page; empty in the player.
pub static TEACHER_SCREENS: OnceLock<TeacherScreens> = OnceLock::new();

pub fn screens(route: &Route) -> Option<Html> {
    match route {
        Route::Presenter { id } => Some(html! { <PresenterPage id={id.clone()} /> }),
        Route::Lesson { id } => Some(html! { <LessonPage id={id.clone()} /> }),
        _ => None,
    }
}
