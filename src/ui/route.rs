//! Addresses: hash routes (`#/story/ID/SCENE`), so the player works on any static host and inside an iframe, and
//! a teacher can share a link to any scene.
//!
//! This is written by hand rather than with yew-router: with hash routes a plain `<a href="#/...">` already
//! navigates and Back/Forward already work, so all that is needed is to parse the hash and to listen for
//! `hashchange`. Links are plain `<a href={route.href()}>`. Dropping yew-router (with gloo-history,
//! route-recognizer and serde-wasm-bindgen) took the wasm from 187.6 KB to 161.2 KB with brotli, which the 150 KB
//! budget needs.

use yew::prelude::*;

use super::browser;

#[derive(Clone, Debug, PartialEq, Default)]
pub enum Route {
    #[default]
    Library,
    Help,
    Embed,
    Intro {
        id: String,
    },
    Scene {
        id: String,
        scene: String,
    },
    /// A scene shown to a class on a projector.
    Present {
        id: String,
        scene: String,
    },
    /// The teacher's second window: notes and controls for the class's story.
    TeacherNotes {
        id: String,
    },
    /// Everything a teacher needs on paper.
    LessonPack {
        id: String,
    },
}

impl Route {
    /// Reads a hash such as `#/story/sharing-an-image/the-ask`. Anything unknown is the library.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["help"] => Route::Help,
            ["embed"] => Route::Embed,
            ["story", id] if !id.is_empty() => Route::Intro { id: (*id).to_owned() },
            ["story", id, scene] if !id.is_empty() && !scene.is_empty() => {
                Route::Scene { id: (*id).to_owned(), scene: (*scene).to_owned() }
            }
            ["present", id, scene] if !id.is_empty() && !scene.is_empty() => {
                Route::Present { id: (*id).to_owned(), scene: (*scene).to_owned() }
            }
            ["presenter", id] if !id.is_empty() => Route::TeacherNotes { id: (*id).to_owned() },
            ["lesson", id] if !id.is_empty() => Route::LessonPack { id: (*id).to_owned() },
            _ => Route::Library,
        }
    }

    /// True for the screens only the teacher's page has (see `teachers_page.rs`).
    pub fn is_on_teachers_page(&self) -> bool {
        matches!(self, Route::Present { .. } | Route::TeacherNotes { .. } | Route::LessonPack { .. } | Route::Embed)
    }

    /// The link for this route, e.g. `#/help`. Story and scene ids never need escaping (see `is_valid_id`).
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".to_owned(),
            Route::Help => "#/help".to_owned(),
            // The teacher's screens live on their own page (see `teachers_page.rs`).
            Route::Embed => "teacher.html#/embed".to_owned(),
            Route::Intro { id } => format!("#/story/{id}"),
            Route::Scene { id, scene } => format!("#/story/{id}/{scene}"),
            Route::Present { id, scene } => format!("teacher.html#/present/{id}/{scene}"),
            Route::TeacherNotes { id } => format!("teacher.html#/presenter/{id}"),
            Route::LessonPack { id } => format!("teacher.html#/lesson/{id}"),
        }
    }
}

/// Goes to a route, adding a history entry so the browser's Back button returns.
pub fn go(route: &Route) {
    browser::address::go(&route.href());
}

/// The current route, from `start` (the address when the page opened), then updated whenever the hash changes
/// (links, Back, Forward, typed addresses).
#[hook]
pub fn use_route(start: Route) -> Route {
    let route = use_state(move || start);
    {
        let route = route.clone();
        use_effect_with((), move |_| {
            let listener = browser::address::on_hash_change(move |hash| route.set(Route::from_hash(&hash)));
            move || drop(listener)
        });
    }
    (*route).clone()
}
