//! Loads a story from the library the first time a screen asks for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::Story;
use crate::ui::browser::fetch::fetch_text;
use crate::ui::state::{Action, LoadProblem, Loading, use_app_state};

/// The story with this id: pending while it downloads, then ready or failed with every problem found.
#[hook]
pub fn use_story(id: &str) -> Loading<Rc<Story>> {
    let state = use_app_state();
    let library = state.library.ready().cloned();
    let help = state.help.clone();
    let requested = state.stories.contains_key(id);
    {
        let state = state.clone();
        use_effect_with((id.to_owned(), library, help, requested), move |(id, library, help, requested)| {
            if *requested {
                return;
            }
            let (Some(library), Some(help)) = (library, help.ready()) else {
                if let Loading::Failed(problem) = help {
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
                let result = match fetch_text(&entry.file).await {
                    Ok(text) => Story::from_json(&text, &help)
                        .map(|loaded| loaded.value)
                        .map_err(|diagnostics| LoadProblem::Invalid { file: entry.file.clone(), diagnostics }),
                    Err(problem) => Err(problem),
                };
                state.dispatch(Action::StoryLoaded(id, result));
            });
        });
    }
    state.stories.get(id).cloned().unwrap_or(Loading::Pending)
}
