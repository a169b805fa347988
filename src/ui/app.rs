use std::rc::Rc;

use yew::prelude::*;

use crate::ui::messages::t;

use super::route::Route;
use super::state::{Action, LoadProblem, State, StateContext};
use crate::engine::{Diagnostic, HelpDirectory, JsonPath, LibraryIndex, Loaded, SiteConfig, Story};
use crate::ui::browser;
use crate::ui::browser::fetch::fetch_text;
use crate::ui::embed::page_options::{DEFAULT_CONFIG, PageOptions};
use crate::ui::messages::{self, Messages};
use crate::ui::reader::error_view::ErrorView;
use crate::ui::reader::exit_this_page::{exit_button, use_exit_shortcut};
use crate::ui::reader::help_page::HelpPage;
use crate::ui::reader::intro_page::IntroPage;
use crate::ui::reader::language_switch::language_switch;
use crate::ui::reader::library_page::LibraryPage;
use crate::ui::reader::reading_settings::{reading_settings_button, reading_settings_panel};
use crate::ui::reader::scene_page::ScenePage;

pub const LIBRARY_FILE: &str = "stories/library/index.json";
pub const HELP_FILE: &str = "stories/help/services-uk.json";

fn invalid(file: &str, diagnostics: Vec<Diagnostic>) -> LoadProblem {
    LoadProblem::Invalid { file: file.to_owned(), diagnostics }
}

async fn load_library() -> Result<LibraryIndex, LoadProblem> {
    let text = fetch_text(LIBRARY_FILE).await?;
    LibraryIndex::from_json(&text).map(|loaded| loaded.value).map_err(|problems| invalid(LIBRARY_FILE, problems))
}

async fn load_help() -> Result<HelpDirectory, LoadProblem> {
    let text = fetch_text(HELP_FILE).await?;
    HelpDirectory::from_json(&text).map(|loaded| loaded.value).map_err(|problems| invalid(HELP_FILE, problems))
}

/// The site's config: the one named in the address, else `site-config.json`. A missing default is fine; any
/// other problem is kept as a note and the defaults stay. The notes never repeat the address.
async fn load_site(options: &PageOptions, help: &HelpDirectory) -> Action {
    let named = options.config.clone();
    let file = named.clone().unwrap_or_else(|| DEFAULT_CONFIG.to_owned());
    let note = |message: &str| vec![Diagnostic::error("site-config", message, JsonPath::root())];
    let refused = options.config_refused.then(|| {
        note("?config= was not used: name a .json file in the player's folder, such as branding/site-config.json")
    });
    match fetch_text(&file).await {
        Err(_) if named.is_some() => {
            Action::SiteLoaded { site: None, notes: note("?config= could not be downloaded from this site") }
        }
        Err(_) => Action::SiteLoaded { site: None, notes: refused.unwrap_or_default() },
        Ok(text) => match SiteConfig::from_json(&text, help) {
            Ok(Loaded { value: site, warnings: notes }) => {
                Action::SiteLoaded { site: Some(site), notes: refused.into_iter().flatten().chain(notes).collect() }
            }
            Err(problems) => Action::SiteLoaded { site: None, notes: problems },
        },
    }
}

/// Downloads what a prerendered page's screen is drawn from (the library, the help where it lists help, the
/// story it shows, and the words of `language`, the one it is drawn in, side by side with the first two) and builds
/// the state it was drawn with (`State::for_page`). `None` if any download fails: the page then stays as it is,
/// plain links that work with no app.
///
/// With the state comes the fingerprint of the files it was built from (`state::fingerprint`), which `start`
/// compares with the one the prerender wrote: files changed since the build would draw other HTML, so the page is
/// then drawn afresh instead of taken over. English's words are not in it: the prerender draws with the English
/// compiled into native code, made from the same file as the list.
pub async fn load_page(route: Route, language: &str) -> Option<(State, String)> {
    let (needs_help, story_id) = super::state::page_needs(&route);
    let help = async move { if needs_help { fetch_text(HELP_FILE).await.ok().map(Some) } else { Some(None) } };
    let words_file = messages::file_of(language);
    let (library_text, help_text, words_text) =
        futures::future::join3(fetch_text(LIBRARY_FILE), help, fetch_text(&words_file)).await;
    let (library_text, help_text, words_text) = (library_text.ok()?, help_text?, words_text.ok()?);
    let words = read_messages(language, &words_text)?;
    let library = LibraryIndex::from_json(&library_text).ok()?.value;
    let help = match &help_text {
        Some(text) => Some(HelpDirectory::from_json(text).ok()?.value),
        None => None,
    };
    let (story, story_text) = match (story_id, &help) {
        (Some(id), Some(help)) => {
            let entry = library.stories.iter().find(|s| s.id == id)?;
            let text = fetch_text(&entry.file).await.ok()?;
            (Some(Story::from_json(&text, help).ok()?.value), Some(text))
        }
        _ => (None, None),
    };
    let other_words = (words.language() != messages::DEFAULT_LANGUAGE).then_some(&words_text);
    let texts = [Some(&library_text), help_text.as_ref(), story_text.as_ref(), other_words];
    let fingerprint = super::state::fingerprint(texts.into_iter().flatten().map(String::as_str));
    let mut state = State::for_page(route, library, help, story);
    state.messages = words;
    Some((state, fingerprint))
}

/// Reads the message list downloaded for `language`; English's becomes what every language falls back to
/// (`messages::use_english`). A list that says it is another language is refused like a broken one: a file served
/// as Welsh must not put its words under another `lang`, nor stand in for the English every language falls back to.
fn read_messages(language: &str, text: &str) -> Option<Rc<Messages>> {
    let words = Rc::new(Messages::from_list(text)?);
    if words.language() != language {
        return None;
    }
    if language == messages::DEFAULT_LANGUAGE {
        messages::use_english(words.clone());
    }
    Some(words)
}

/// Downloads a language's words and reads them (English only once); `None` when they are missing or do not load,
/// and the words on screen then stay as they are.
pub async fn load_messages(language: &str) -> Option<Rc<Messages>> {
    if language == messages::DEFAULT_LANGUAGE
        && let Some(english) = Messages::downloaded_english()
    {
        return Some(english);
    }
    read_messages(language, &fetch_text(&messages::file_of(language)).await.ok()?)
}

/// Keeps the interface in the language it should be in (`messages::choose_language`: the switch's pick in this
/// tab, else inside a story the story's language, else the browser's), downloading its words (English's only
/// once); once the words are in it, shows the story being read in that language too. Called from `App`'s one
/// effect, so the page is first taken over in the language it was drawn in, and switched after.
///
/// `reading` is the story on screen (its id and the language it is shown in) and `in_use` the interface's language.
fn follow_language(state: &StateContext, chosen: Option<&str>, reading: Option<&(String, String)>, in_use: &str) {
    let wanted = messages::choose_language(
        chosen,
        reading.map(|(_, shown)| shown.as_str()),
        &browser::document::browser_languages(),
    );
    if wanted != in_use {
        let state = state.clone();
        yew::platform::spawn_local(async move {
            if let Some(words) = load_messages(&wanted).await {
                state.dispatch(Action::UseMessages(words));
            }
        });
        // The story follows when the words have arrived (this runs again then), so one pick downloads it once.
        return;
    }
    if let (Some((id, shown)), Some(library), Some(help)) = (reading, state.library.ready(), state.help.ready()) {
        crate::ui::reader::story_loader::show_in_chosen_language(state, library, help, id, shown, chosen);
    }
}

#[derive(Properties, PartialEq, Default)]
pub struct AppProps {
    /// Starting state: the address's options (see `start`), or a whole state for tests. The app downloads what
    /// it does not have.
    #[prop_or_default]
    pub initial: Option<Rc<State>>,
    /// The route in the address when the page opened; the app follows the address from there.
    #[prop_or_default]
    pub route: Route,
}

/// The whole player: state, addresses, and the bar with Get help and Exit on every screen.
#[function_component]
pub fn App(props: &AppProps) -> Html {
    let initial = props.initial.clone();
    let route = props.route.clone();
    let state = use_reducer(move || State { route, ..initial.map(|s| (*s).clone()).unwrap_or_default() });
    // Every view below words itself with these (see `messages::CURRENT`).
    crate::ui::messages::set_current(state.messages.clone());
    super::route::use_follow_address(state.clone());
    let route = state.route.clone();

    {
        let state = state.clone();
        use_effect_with((), move |_| {
            let needs_library = matches!(state.library, super::state::Loading::Pending);
            let help = state.help.ready().cloned();
            let options = state.options.clone();
            // The library and the help download side by side; the site's config needs the help directory to check
            // its services, so it follows that. A prerendered page was taken over with what it shows already here
            // (see `start`), so only the rest is fetched.
            if needs_library {
                let state = state.clone();
                yew::platform::spawn_local(async move {
                    state.dispatch(Action::LibraryLoaded(load_library().await));
                });
            }
            yew::platform::spawn_local(async move {
                let help = match help {
                    Some(help) => Some(help),
                    None => {
                        let help = load_help().await;
                        let loaded = help.as_ref().ok().map(|help| Rc::new(help.clone()));
                        state.dispatch(Action::HelpLoaded(help));
                        loaded
                    }
                };
                if let Some(help) = help {
                    state.dispatch(load_site(&options, &help).await);
                }
            });
        });
    }

    // One effect for everything the page follows in the state, since each wasm effect costs readers bytes
    // (docs/size.md): the site's colours; the mark for the stylesheet in embedded mode (the loader sends the
    // frame's height to the host page, `assets/embedded-height.js`); an old or typed link to a teacher's screen,
    // which the player does not have (see `teachers_page.rs`), sent to the teacher's page; `<html lang dir>`; and
    // the interface's and the story's language (`follow_language`).
    {
        let reading = match &route {
            Route::Intro { id } | Route::Scene { id, .. } | Route::Present { id, .. } => {
                state.story(id).map(|story| (id.clone(), story.doc().language.clone()))
            }
            _ => None,
        };
        let in_use = state.messages.language().to_owned();
        // The site's config arrives once, and the address's options never change, so whether the config is here
        // says when the colours are to be set: cheaper to compare than the colours.
        let keys = (route.clone(), state.site.is_some(), state.chosen_language.clone(), reading, in_use);
        let state = state.clone();
        use_effect_with(keys, move |(route, _, chosen, reading, in_use)| {
            if let Some(site) = &state.site {
                browser::document::set_custom_properties(site.colours.custom_properties());
            }
            if state.options.embedded {
                browser::document::mark("data-embedded");
            }
            if route.is_on_teachers_page() && super::teachers_page::TEACHERS_PAGE.get().is_none() {
                browser::address::replace(&browser::address::in_site(&route.href()));
            }
            browser::document::set_language(in_use, state.messages.right_to_left());
            let chosen = chosen.clone().or_else(browser::storage::load_language);
            follow_language(&state, chosen.as_deref(), reading.as_ref(), in_use);
        });
    }

    // Shift pressed three times leaves the site, wherever focus is.
    use_exit_shortcut();

    let main_ref = use_node_ref();
    let skip = {
        let main_ref = main_ref.clone();
        Callback::from(move |event: MouseEvent| {
            // A plain #main link would change the hash route, so focus moves by hand.
            event.prevent_default();
            browser::focus::focus(&main_ref);
        })
    };

    html! {
        <ContextProvider<StateContext> context={state.clone()}>
            { page_shell(&state, route, main_ref, skip) }
        </ContextProvider<StateContext>>
    }
}

/// The page around the current screen: the skip link, the top bar (the brand, Get help and Exit this page), the
/// screen itself, the footer and the live region. A plain function rather than a component: every component's
/// lifecycle adds wasm that readers download.
fn page_shell(state: &UseReducerHandle<State>, route: Route, main_ref: NodeRef, skip: Callback<MouseEvent>) -> Html {
    let on_help = matches!(route, Route::Help);
    let site_name = state.site.as_ref().and_then(|site| site.name.clone());
    let logo = state.site.as_ref().and_then(|site| site.logo.as_ref()).map(|logo| format!("{}{logo}", route.up()));
    let brand = html! {
        <>
            if let Some(logo) = logo {
                <img class="brand-logo" src={logo} alt="" height="32" />
            } else {
                <svg class="brand-mark" viewBox="0 0 64 64" width="32" height="32" aria-hidden="true" focusable="false">
                    <path d="M32 6l22 8v15c0 16-10 26-22 31C20 55 10 45 10 29V14z" fill="#ff8a5b"/>
                    <path d="M22 32l7 7 14-15" stroke="#fff" stroke-width="6" fill="none" stroke-linecap="round"/>
                </svg>
            }
            <span class="brand-text">{site_name.unwrap_or_else(|| t!("site-name").to_string())}</span>
        </>
    };
    html! {
        <>
            <a class="skip-link" href="#main-content" onclick={skip}>{t!("skip-link")}</a>
            <header class="topbar">
                if state.options.embedded {
                    <span class="brand">{brand}</span>
                } else {
                    <a href={route.link(&Route::Library)} class="brand">{brand}</a>
                }
                <nav class="topbar-actions" aria-label={t!("topbar-label")}>
                    { reading_settings_button() }
                    if !on_help {
                        <a href={route.link(&Route::Help)} class="help-button">{t!("get-help")}</a>
                    }
                    { exit_button() }
                </nav>
                { reading_settings_panel() }
            </header>
            // Under the bar rather than in it: the bar stays one row high on a phone, and sticky, for Get help
            // and Exit this page; the switch scrolls away with the page.
            <div class="language-bar">{ language_switch(state) }</div>
            <main id="main-content" tabindex="-1" ref={main_ref}>
                { switch(route.clone(), state) }
            </main>
            if !state.options.embedded {
                <footer class="footer">
                    <p>{t!("footer-privacy")}</p>
                    <p class="footer-links">
                        <a href={format!("{}about.html", route.up())}>{t!("footer-about")}</a>
                        <a href={route.link(&Route::Embed)}>{t!("footer-embed")}</a>
                    </p>
                    if !state.site_notes.is_empty() {
                        <details class="site-notes">
                            <summary>{t!("site-notes")}</summary>
                            <ul>
                                { for state.site_notes.iter().map(|d| html! { <li>{d.render("site config")}</li> }) }
                            </ul>
                        </details>
                    }
                </footer>
            }
            <div class="visually-hidden" aria-live="polite" aria-atomic="true">{state.announcement.clone()}</div>
        </>
    }
}

fn switch(route: Route, state: &State) -> Html {
    if let super::state::Loading::Failed(problem) = &state.library
        && !matches!(route, Route::Help)
    {
        return html! { <ErrorView problem={problem.clone()} /> };
    }
    match route {
        // An embedded player pinned to one story opens at that story instead of the library.
        Route::Library if state.options.embedded && state.options.story.is_some() => match &state.options.story {
            Some(Some(id)) => html! { <IntroPage id={id.clone()} /> },
            _ => html! { <ErrorView problem={LoadProblem::NotInLibrary} /> },
        },
        Route::Library => html! { <LibraryPage /> },
        Route::Help => html! { <HelpPage /> },
        Route::Intro { id } => html! { <IntroPage {id} /> },
        Route::Scene { id, scene, flags } => html! { <ScenePage {id} {scene} flags={flags.map(AttrValue::from)} /> },
        Route::Present { .. }
        | Route::TeacherNotes { .. }
        | Route::LessonPack { .. }
        | Route::Embed
        | Route::Preview => match super::teachers_page::TEACHERS_PAGE.get() {
            Some(teacher) => (teacher.page)(&route).unwrap_or_default(),
            None => html! { <p class="loading">{t!("opening-teachers-page")}</p> },
        },
    }
}
