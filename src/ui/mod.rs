//! The Yew player, built on the engine. One component per file; state in `state.rs`. It compiles on every target;
//! only what is in `browser/` talks to the browser, and only `start` renders into a page (wasm32).

pub mod app;
pub mod authoring;
pub mod browser;
pub mod classroom;
pub mod embed;
pub mod messages;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
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
///
/// A page the prerender wrote (`src/bin/prerender.rs`) is already drawn: the app downloads what its screen is
/// drawn from, builds the same state (`State::for_page`) and takes the HTML over (hydrates it) without drawing it
/// again. What the server could not know follows: the site's config, and progress saved in this tab. When the
/// address has a query (`?embed`, `?config=`), which changes what is drawn, the page is drawn afresh. An old
/// `#/story/ID/SCENE` address is drawn afresh too, with the address bar showing the page's path from then on
/// (`history.replaceState`: no second load, and a story added to the library after the build still opens).
///
/// The wasm carries no words (see `messages.rs`): a prerendered page is taken over once the words of the language
/// it was drawn in (its `<html lang>`) are here, downloaded beside the files it is drawn from, and a page drawn
/// afresh (and the teacher's page) waits for English. If they cannot be downloaded, the page stays as it is: a
/// prerendered page works as plain HTML, and any other shows the static help.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    use browser::address;
    browser::fallback::show_static_help_on_panic();
    // The reader pressed Exit this page and came back with Back: the loader is already leaving again
    // (`assets/exit-this-page.js`), so nothing of the story is drawn.
    if browser::storage::exited() {
        return;
    }
    let Some(root) = browser::document::app_element() else {
        return;
    };
    let hash = address::hash();
    let default_options = embed::page_options::PageOptions::default;
    let (route, options, take_over) = if teachers_page::TEACHERS_PAGE.get().is_some() {
        address::find_site_folder(None);
        (route::Route::from_hash(&hash), default_options(), false)
    } else {
        let prerendered = browser::document::prerendered_page(&root);
        address::find_site_folder(prerendered.as_deref());
        let old = hash.starts_with("#/").then(|| route::Route::from_hash(&hash));
        if let Some(old) = &old {
            if old.is_on_teachers_page() {
                address::replace(&address::in_site(&old.href()));
                return;
            }
            address::replace_path(&address::in_site(&old.path()));
        }
        let here = address::page_path();
        let route = old.or_else(|| here.as_deref().and_then(route::Route::from_path)).unwrap_or_default();
        let options = embed::page_options::PageOptions::from_query(address::query());
        let take_over = prerendered.is_some() && prerendered == here && options == default_options();
        (route, options, take_over)
    };
    let language = browser::document::page_language();
    yew::platform::spawn_local(async move {
        let taken_over = if take_over {
            let Some(page) = app::load_page(route.clone(), &language).await else { return };
            Some(page)
        } else {
            if app::load_messages(messages::DEFAULT_LANGUAGE).await.is_none() {
                return;
            }
            None
        };
        // The page's own HTML was drawn without the address's options, or from files that changed since the build
        // (its fingerprint is not theirs): then the app draws the screen again.
        let (state, same) = match taken_over {
            Some((state, fingerprint)) => {
                let same = root.get_attribute("data-source").as_deref() == Some(fingerprint.as_str());
                (state, same)
            }
            None => (state::State { options, ..state::State::default() }, false),
        };
        let props = app::AppProps { initial: Some(std::rc::Rc::new(state)), route };
        let renderer = yew::Renderer::<app::App>::with_root_and_props(root.clone(), props);
        if same {
            renderer.hydrate();
        } else {
            browser::fallback::hide_static_help();
            root.set_inner_html("");
            renderer.render();
        }
    });
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
        Route::Preview => Some(html! { <authoring::preview_page::PreviewPage /> }),
        _ => None,
    }
}
