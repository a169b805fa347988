//! The Yew player, built on the engine. One component per file; state in `state.rs`. It compiles on every target;
//! only what is in `browser/` talks to the browser, and only `start` renders into a page (wasm32).

pub mod app;
pub mod browser;
pub mod classroom;
pub mod embed;
pub mod reader;
pub mod route;
pub mod state;
pub mod teachers_page;
pub mod words;

/// Starts the teacher's page: the player plus presenting to a class, the teacher notes window, the lesson pack and
/// the page for websites (see `teachers_page.rs`). It also keeps the site for offline lessons (see `browser/offline.rs`).
#[cfg(target_arch = "wasm32")]
pub fn start_teachers_page() {
    let _ = teachers_page::TEACHERS_PAGE.set(TEACHERS_PAGE_SCREENS);
    // After Exit this page (see `start`), no offline copy is made again either.
    if !browser::storage::exited() {
        browser::offline::keep_for_lessons();
    }
    start();
}

/// Starts the player in `#app`, at the page's address. A panic shows the static help links from index.html
/// instead of a blank page.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    browser::fallback::show_static_help_on_panic();
    // The reader pressed Exit this page and came back with Back: the loader is already leaving again
    // (`assets/exit-this-page.js`), so nothing of the story is drawn.
    if browser::storage::exited() {
        return;
    }
    let Some(root) = browser::document::app_element() else {
        return;
    };
    browser::fallback::hide_static_help();
    // The address is read here, before anything is drawn, so that components only draw what they are given.
    let state = state::State {
        options: embed::page_options::PageOptions::from_query(browser::address::query()),
        ..state::State::default()
    };
    let props = app::AppProps {
        initial: Some(std::rc::Rc::new(state)),
        route: route::Route::from_hash(&browser::address::hash()),
    };
    yew::Renderer::<app::App>::with_root_and_props(root, props).render();
}

/// The screens only the teacher's page has, which only its binary (through `start_teachers_page`) hands to the
/// app; the player's build never names them, so the linker leaves them out of the reader's wasm.
#[cfg(target_arch = "wasm32")]
const TEACHERS_PAGE_SCREENS: teachers_page::TeachersPage = teachers_page::TeachersPage {
    page: teachers_page_screen,
    present_to_class: |story| yew::html! { <classroom::present_to_class::PresentToClass {story} /> },
    class_vote: |choices, discussion| yew::html! { <classroom::class_vote::ClassVote {choices} {discussion} /> },
};

/// The screens with addresses of their own on the teacher's page.
#[cfg(target_arch = "wasm32")]
fn teachers_page_screen(route: &route::Route) -> Option<yew::Html> {
    use route::Route;
    use yew::html;
    match route {
        Route::Present { id, scene } => {
            Some(html! { <reader::scene_page::ScenePage id={id.clone()} scene={scene.clone()} present={true} /> })
        }
        Route::TeacherNotes { id } => Some(html! { <classroom::teacher_notes::TeacherNotesPage id={id.clone()} /> }),
        Route::LessonPack { id } => Some(html! { <classroom::lesson_pack::LessonPackPage id={id.clone()} /> }),
        Route::Embed => Some(html! { <embed::embed_page::EmbedPage /> }),
        _ => None,
    }
}
