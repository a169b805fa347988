//! Loads a story from the library the first time a screen asks for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{HelpDirectory, LibraryIndex, Story};
use crate::ui::browser::fetch::fetch_text;
use crate::ui::state::{Action, LoadProblem, Loading, StateContext, use_app_state};

/// The story with this id: pending while it downloads, then ready or failed with every problem found.
#[hook]
pub fn use_story(id: &str) -> Loading<Rc<Story>> {
    let state = use_app_state();
    // The effect reads the library and the help from `state`; its keys are only whether they have arrived, which is
    // cheaper to compare than the indexes themselves (docs/size.md).
    let keys = (
        id.to_owned(),
        state.library.ready().is_some(),
        matches!(state.help, Loading::Pending),
        state.stories.contains_key(id),
    );
    {
        let state = state.clone();
        use_effect_with(keys, move |(id, _, _, requested)| {
            if *requested {
                return;
            }
            let (Some(library), Some(help)) = (state.library.ready(), state.help.ready()) else {
                if let Loading::Failed(problem) = &state.help {
                    state.dispatch(Action::StoryLoaded(id.clone(), Err(problem.clone())));
                }
                return;
            };
            let id = id.clone();
            let help = Rc::clone(help);
            let Some(entry) = library.stories.iter().find(|s| s.id == id).cloned() else {
                state.dispatch(Action::StoryLoaded(id, Err(LoadProblem::NotInLibrary)));
                return;
            };
            state.dispatch(Action::StoryRequested(id.clone()));
            yew::platform::spawn_local(async move {
                state.dispatch(Action::StoryLoaded(id, load_story(entry.file, help).await));
            });
        });
    }
    state.stories.get(id).cloned().unwrap_or(Loading::Pending)
}

thread_local! {
    /// Whether the page was opened with `?drafts`, read once: the pages after the first are reached by links without
    /// the query, and a draft translation must not be swapped back to English halfway through a reading.
    static DRAFTS: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Whether draft translations may be offered in this page's visit (`?drafts` on the address it was opened at).
pub fn drafts_asked_for() -> bool {
    DRAFTS.with(|drafts| {
        let asked = drafts.get().unwrap_or_else(crate::ui::browser::address::drafts_in_query);
        drafts.set(Some(asked));
        asked
    })
}

/// Downloads a story file and reads it: the one fetch and parse for a story in its own language (`use_story`) and
/// for one the build translated (`show_in_chosen_language`).
async fn load_story(file: String, help: Rc<HelpDirectory>) -> Result<Story, LoadProblem> {
    let text = fetch_text(&file).await?;
    Story::from_json(&text, &help)
        .map(|loaded| loaded.value)
        .map_err(|diagnostics| LoadProblem::Invalid { file, diagnostics })
}

/// Shows the story on screen (`id`, shown in `shown`) in the language picked with the switch when the library
/// offers a translation into it (a reviewed one, or a draft with `?drafts`, so nobody is shown an unreviewed
/// translation of safeguarding content by accident), and in its own language again when the pick changes to one
/// without. The translated story has the same scenes, so the reading goes on at the same place. The prerendered
/// page is taken over in the story's own language first, as it was drawn. A translated file that is missing, does
/// not load, or is not this story in that language leaves the story as it is: the reader still has it, in its own
/// language, and nothing from the file is shown. Called from `App`'s effect (`app::follow_language`).
pub fn show_in_chosen_language(
    state: &StateContext,
    library: &LibraryIndex,
    help: &Rc<HelpDirectory>,
    id: &str,
    shown: &str,
    chosen: Option<&str>,
) {
    let Some(entry) = library.stories.iter().find(|entry| entry.id == id) else { return };
    let wanted = match chosen {
        Some(language) if entry.offered_translation(language, drafts_asked_for()).is_some() => language,
        _ => entry.language.as_str(),
    };
    if wanted == shown {
        return;
    }
    // The build wrote the translation as a whole story (`prerender --translations`); it loads like any story, and
    // must be this story in the language asked for.
    let file = if wanted == entry.language { Some(entry.file.clone()) } else { entry.translated_story_file(wanted) };
    let Some(file) = file else { return };
    let (state, help, id, wanted) = (state.clone(), Rc::clone(help), id.to_owned(), wanted.to_owned());
    yew::platform::spawn_local(async move {
        if let Ok(story) = load_story(file, help).await
            && story.doc().id == id
            && story.doc().language == wanted
        {
            state.dispatch(Action::StoryLoaded(id, Ok(story)));
        }
    });
}
