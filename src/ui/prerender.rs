//! Every page of the player drawn as HTML by the player's own components, at build time (natively, with Yew's
//! `ssr` feature): the library, the help page, each story's start and each of its pages (`engine::Page`). The
//! browser takes each page over when the wasm arrives (`start` in `mod.rs`); until then, and with no JavaScript at
//! all, the page works as it is, its choices plain links to the next page.
//!
//! `src/bin/prerender.rs` reads the files and writes the pages; this module only turns text into text, so a test
//! and the benchmark (`benches/prerender.rs`) run it without a build.

use std::rc::Rc;

use crate::engine::{HelpDirectory, LibraryIndex, Page, Story};
use crate::ui::app::{App, AppProps};
use crate::ui::messages::{Messages, key, page_messages};
use crate::ui::route::Route;
use crate::ui::state::{State, fingerprint, page_needs};

/// What the prerender reads: the library index, the help directory and each story file named in the library, as
/// text, by the file name the library gives.
pub struct Sources {
    pub library: String,
    pub help: String,
    pub stories: Vec<(String, String)>,
    /// The message lists of the languages other than English (`assets/messages/LANG.list.json`, as the build writes
    /// them and the player downloads them), as text: a story in one of them has its pages drawn in it.
    pub messages: Vec<String>,
}

/// One page drawn: its path from the site's folder (e.g. `story/ID/SCENE/`, empty for the library), the tab's title,
/// the HTML that goes into `#app` and the fingerprint of the files it was drawn from (`state::fingerprint`).
pub struct Drawn {
    pub path: String,
    pub title: String,
    pub html: String,
    pub source: String,
    /// The interface language the page is drawn in, for `<html lang>` (and `dir`).
    pub language: String,
    pub right_to_left: bool,
}

/// Every page of the player, in the order a reader meets them: the library, the help page, then for each story its
/// start and its pages. An error names the file that does not load, or the story with too many pages.
pub fn draw_pages(sources: Sources) -> Result<Vec<Drawn>, String> {
    // Yew draws on its own runtime; the pages come back over a channel, and every value that is not `Send` (the
    // parsed files, the state) lives only on that runtime's thread.
    let (send, receive) = std::sync::mpsc::channel();
    yew::platform::Runtime::default().spawn_pinned(move || async move {
        let _ = send.send(draw_all(sources).await);
    });
    receive.recv().map_err(|_| "the renderer stopped without drawing the pages".to_owned())?
}

async fn draw_all(sources: Sources) -> Result<Vec<Drawn>, String> {
    let library =
        LibraryIndex::from_json(&sources.library).map_err(|_| "the library index does not load".to_owned())?.value;
    let help = HelpDirectory::from_json(&sources.help).map_err(|_| "the help file does not load".to_owned())?.value;
    let mut routes: Vec<Route> = vec![Route::Library, Route::Help];
    let mut stories: Vec<Story> = Vec::new();
    for entry in &library.stories {
        let text = sources.stories.iter().find(|(file, _)| *file == entry.file).map(|(_, text)| text);
        let text = text.ok_or_else(|| format!("{} is in the library but was not read", entry.file))?;
        let story = Story::from_json(text, &help).map_err(|_| format!("{} does not load", entry.file))?.value;
        let pages = story.pages().map_err(|too_many| format!("{}: {too_many}", entry.file))?;
        routes.push(Route::Intro { id: entry.id.clone() });
        routes.extend(pages.into_iter().map(|Page { scene, flags }| Route::Scene {
            id: entry.id.clone(),
            scene,
            flags,
        }));
        stories.push(story);
    }
    let mut drawn = Vec::with_capacity(routes.len());
    for route in routes {
        let (needs_help, story_id) = page_needs(&route);
        let story = story_id.and_then(|id| stories.iter().find(|s| s.id() == id)).cloned();
        let story_file = story_id.and_then(|id| library.stories.iter().find(|s| s.id == id)).map(|e| e.file.as_str());
        let story_text = story_file.and_then(|file| sources.stories.iter().find(|(f, _)| f == file)).map(|(_, t)| t);
        // A story's pages are drawn in the story's language when the player has it (see `page_messages`).
        let story_language = story.as_ref().map(|s| s.doc().language.clone());
        let messages_text = page_messages(story_language.as_deref()).and_then(|language| {
            sources.messages.iter().find(|text| Messages::from_list(text).is_some_and(|m| m.language() == language))
        });
        let texts = [Some(&sources.library), needs_help.then_some(&sources.help), story_text, messages_text];
        let source = fingerprint(texts.into_iter().flatten().map(String::as_str));
        let mut state = State::for_page(route.clone(), library.clone(), needs_help.then(|| help.clone()), story);
        if let Some(messages) = messages_text.and_then(|text| Messages::from_list(text)) {
            state.messages = Rc::new(messages);
        }
        let (language, right_to_left) = (state.messages.language().to_owned(), state.messages.right_to_left());
        let title = title(&state);
        let props = AppProps { initial: Some(Rc::new(state)), route: route.clone() };
        let html = yew::LocalServerRenderer::<App>::with_props(props).render().await;
        drawn.push(Drawn { path: route.path(), title, html, source, language, right_to_left });
    }
    Ok(drawn)
}

/// The tab's title on a page, as its screen sets it once the app runs.
fn title(state: &State) -> String {
    let story_title = |id: &str| state.story(id).map(|s| s.title().to_owned()).unwrap_or_default();
    let words = &state.messages;
    let site = words.text(key!("site-name")).to_string();
    let page = |page: &str| words.format(key!("title-page"), &[("page", page), ("site", &site)]);
    match &state.route {
        Route::Help => page(&words.text(key!("get-help"))),
        Route::Intro { id } => page(&story_title(id)),
        Route::Scene { .. } => match state.reading() {
            Some((story, play)) => {
                words.format(key!("title-page"), &[("page", &play.scene(story).title), ("site", story.title())])
            }
            None => site,
        },
        _ => words.format(key!("title-library"), &[("site", &site)]),
    }
}

/// Text for HTML: `&`, `<`, `>` and `"` escaped.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}

/// The built `index.html` made into the page at `drawn.path`: its `./` links start from the page's folder, the
/// title is the page's, the drawn HTML is in `#app` with the page's path in `data-prerendered` (which `start`
/// reads), and the static help block, which shows when the app cannot run, is hidden, since the page itself has
/// Get help and Exit this page. An error names what the template is missing.
pub fn fill_template(template: &str, drawn: &Drawn) -> Result<String, String> {
    let once = |text: &str, what: &str| -> Result<(), String> {
        match template.matches(text).count() {
            1 => Ok(()),
            n => Err(format!("the template has {n} of `{what}`, expected exactly one: is it trunk's dist/index.html?")),
        }
    };
    once("<div id=\"app\"></div>", "<div id=\"app\"></div>")?;
    once("<div id=\"fallback\" class=\"fallback\">", "<div id=\"fallback\" class=\"fallback\">")?;
    once("<title>", "<title>")?;
    once("<html lang=\"en-GB\">", "<html lang=\"en-GB\">")?;
    let up = "../".repeat(drawn.path.matches('/').count());
    let page = if up.is_empty() {
        template.to_owned()
    } else {
        template.replace("href=\"./", &format!("href=\"{up}")).replace("src=\"./", &format!("src=\"{up}"))
    };
    let title_start = page.find("<title>").unwrap_or_default() + "<title>".len();
    let title_end = title_start + page[title_start..].find("</title>").ok_or("the template's <title> is not closed")?;
    let app = format!(
        "<div id=\"app\" data-prerendered=\"{}\" data-source=\"{}\">{}</div>",
        escape(&drawn.path),
        escape(&drawn.source),
        drawn.html
    );
    let html = match (drawn.language.as_str(), drawn.right_to_left) {
        ("en-GB", false) => "<html lang=\"en-GB\">".to_owned(),
        (language, rtl) => format!("<html lang=\"{}\"{}>", escape(language), if rtl { " dir=\"rtl\"" } else { "" }),
    };
    Ok(format!("{}{}{}", &page[..title_start], escape(&drawn.title), &page[title_end..])
        .replacen("<html lang=\"en-GB\">", &html, 1)
        .replace("<div id=\"app\"></div>", &app)
        .replace("<div id=\"fallback\" class=\"fallback\">", "<div id=\"fallback\" class=\"fallback\" hidden>"))
}
