//! Addresses. The player's screens are real pages, each a file the prerender writes (`src/bin/prerender.rs`):
//! `index.html` (the library), `help/`, `story/ID/` (a story's start), `story/ID/SCENE/` and
//! `story/ID/SCENE/FLAGS/` (see `engine::Page`). Every link is written relative to the page it is on, so the site
//! works in any folder of any static host and the server and the browser write the same HTML. The teacher's page
//! keeps hash routes (`teacher.html#/present/ID/SCENE`), and the player still reads the old `#/story/ID/SCENE`
//! addresses, sending them on to the pages (`start` in `mod.rs`).
//!
//! This is written by hand rather than with yew-router, which cost the player 26.4 KB brotli (see docs/size.md):
//! the links are plain `<a href>`s that work with no script at all, and once the app runs one listener on the
//! document follows them with `history.pushState` (`browser/address.rs`).

use yew::prelude::*;

use super::browser;
use super::state::{Action, StateContext};

#[derive(Clone, Debug, PartialEq, Default)]
pub enum Route {
    #[default]
    Library,
    Help,
    Embed,
    Intro {
        id: String,
    },
    /// A scene's page: its flags segment when they differ from the story's starting flags (see `engine::Page`).
    Scene {
        id: String,
        scene: String,
        flags: Option<String>,
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
    /// "Try your own story": an author's story file checked and played from their own device.
    Preview,
}

impl Route {
    /// Reads a hash such as `#/story/sharing-an-image/the-ask`. Anything unknown is the library.
    pub fn from_hash(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_start_matches('/').trim_end_matches('/');
        let parts: Vec<&str> = path.split('/').collect();
        match parts.as_slice() {
            ["help"] => Route::Help,
            ["embed"] => Route::Embed,
            ["preview"] => Route::Preview,
            ["story", id] if !id.is_empty() => Route::Intro { id: (*id).to_owned() },
            ["story", id, scene] if !id.is_empty() && !scene.is_empty() => {
                Route::Scene { id: (*id).to_owned(), scene: (*scene).to_owned(), flags: None }
            }
            ["story", id, scene, flags] if !id.is_empty() && !scene.is_empty() && !flags.is_empty() => {
                Route::Scene { id: (*id).to_owned(), scene: (*scene).to_owned(), flags: Some((*flags).to_owned()) }
            }
            ["present", id, scene] if !id.is_empty() && !scene.is_empty() => {
                Route::Present { id: (*id).to_owned(), scene: (*scene).to_owned() }
            }
            ["presenter", id] if !id.is_empty() => Route::TeacherNotes { id: (*id).to_owned() },
            ["lesson", id] if !id.is_empty() => Route::LessonPack { id: (*id).to_owned() },
            _ => Route::Library,
        }
    }

    /// Reads a page's path from the site's folder, e.g. `story/sharing-an-image/the-ask/` (with or without
    /// `index.html`). `None` for anything that is not one of the player's pages. Ids are only looked up later, never
    /// shown, so a made-up one costs a "could not be found" and nothing else.
    pub fn from_path(path: &str) -> Option<Route> {
        let path = path.strip_suffix("index.html").unwrap_or(path);
        if path.is_empty() {
            return Some(Route::Library);
        }
        let parts: Vec<&str> = path.strip_suffix('/')?.split('/').collect();
        let route = match parts.as_slice() {
            ["help"] => Route::Help,
            ["story", _, rest @ ..] if rest.len() <= 2 => match Route::from_hash(&format!("#/{}", parts.join("/"))) {
                route @ (Route::Intro { .. } | Route::Scene { .. }) => route,
                _ => return None,
            },
            _ => return None,
        };
        Some(route)
    }

    /// The page's path from the site's folder, as [`Route::from_path`] reads it: empty for the library. The
    /// teacher's screens are on the teacher's page.
    pub fn path(&self) -> String {
        match self {
            Route::Library => String::new(),
            Route::Help => "help/".to_owned(),
            Route::Intro { id } => format!("story/{id}/"),
            Route::Scene { id, scene, flags: None } => format!("story/{id}/{scene}/"),
            Route::Scene { id, scene, flags: Some(flags) } => format!("story/{id}/{scene}/{flags}/"),
            Route::Embed
            | Route::Preview
            | Route::Present { .. }
            | Route::TeacherNotes { .. }
            | Route::LessonPack { .. } => self.href(),
        }
    }

    /// How many folders below the site's folder the page is: 3 for a scene's page.
    pub fn depth(&self) -> usize {
        if self.is_on_teachers_page() { 0 } else { self.path().matches('/').count() }
    }

    /// The way up from this page to the site's folder, e.g. `../../../`, to put before a path from there (a
    /// picture, a story file). Empty on the library and on the teacher's page, which are in that folder.
    pub fn up(&self) -> String {
        if on_teachers_page() { String::new() } else { "../".repeat(self.depth()) }
    }

    /// The link to `to` from this page: relative, so it works in any folder. On the teacher's page, which keeps
    /// hash routes, the hash.
    pub fn link(&self, to: &Route) -> String {
        if on_teachers_page() {
            return to.href();
        }
        match format!("{}{}", self.up(), to.path()) {
            here if here.is_empty() => "./".to_owned(),
            link => link,
        }
    }

    /// True for the screens only the teacher's page has (see `teachers_page.rs`).
    pub fn is_on_teachers_page(&self) -> bool {
        matches!(
            self,
            Route::Present { .. }
                | Route::TeacherNotes { .. }
                | Route::LessonPack { .. }
                | Route::Embed
                | Route::Preview
        )
    }

    /// The link for this route, e.g. `#/help`. Story and scene ids never need escaping (see `is_valid_id`).
    pub fn href(&self) -> String {
        match self {
            Route::Library => "#/".to_owned(),
            Route::Help => "#/help".to_owned(),
            // The teacher's screens live on their own page (see `teachers_page.rs`).
            Route::Embed => "teacher.html#/embed".to_owned(),
            Route::Preview => "teacher.html#/preview".to_owned(),
            Route::Intro { id } => format!("#/story/{id}"),
            Route::Scene { id, scene, flags: None } => format!("#/story/{id}/{scene}"),
            Route::Scene { id, scene, flags: Some(flags) } => format!("#/story/{id}/{scene}/{flags}"),
            Route::Present { id, scene } => format!("teacher.html#/present/{id}/{scene}"),
            Route::TeacherNotes { id } => format!("teacher.html#/presenter/{id}"),
            Route::LessonPack { id } => format!("teacher.html#/lesson/{id}"),
        }
    }
}

/// True on the teacher's page, which keeps hash routes.
fn on_teachers_page() -> bool {
    super::teachers_page::TEACHERS_PAGE.get().is_some()
}

/// Goes to a route, adding a history entry so the browser's Back button returns: on the player a new path
/// (`history.pushState`, keeping the address's query, so the wasm is not loaded again), on the teacher's page a
/// new hash, and from the player to one of the teacher's screens, the teacher's page.
pub fn go(state: &StateContext, to: &Route) {
    let link = state.route.link(to);
    if on_teachers_page() || to.is_on_teachers_page() {
        browser::address::go(&link);
        return;
    }
    browser::address::push(&link);
    state.dispatch(Action::Navigate(to.clone()));
}

/// Follows the address from now on: Back and Forward between the player's pages (`popstate`), links followed
/// in place (see `browser::address::on_link_click`), and hash changes on the teacher's page.
#[hook]
pub fn use_follow_address(state: StateContext) {
    use_effect_with((), move |_| {
        let listeners = if on_teachers_page() {
            let state = state.clone();
            (
                browser::address::on_hash_change(move |hash| state.dispatch(Action::Navigate(Route::from_hash(&hash)))),
                None,
                None,
            )
        } else {
            let back = state.clone();
            let popstate = browser::address::on_pop_state(move |path| {
                back.dispatch(Action::Navigate(Route::from_path(&path).unwrap_or_default()))
            });
            // An old `#/story/ID/SCENE` address typed or followed in this tab: shown as its page's path.
            let old = state.clone();
            let follow_old_address = move |hash: String| {
                if !hash.starts_with("#/") {
                    return;
                }
                let route = Route::from_hash(&hash);
                if !route.is_on_teachers_page() {
                    browser::address::replace_path(&browser::address::in_site(&route.path()));
                }
                old.dispatch(Action::Navigate(route));
            };
            // The app downloads its files before it draws, and only then listens: an old address typed or
            // followed meanwhile (the start already turned the first one into a path) is followed now.
            follow_old_address(browser::address::hash());
            let hash = browser::address::on_hash_change(follow_old_address);
            let click = browser::address::on_link_click(move |path| {
                let Some(route) = Route::from_path(path) else { return false };
                go(&state, &route);
                true
            });
            (hash, popstate, click)
        };
        move || drop(listeners)
    });
}
