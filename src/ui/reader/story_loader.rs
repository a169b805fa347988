//! Loads a story from the library the first time a screen asks for it.

use std::rc::Rc;

use yew::prelude::*;

use crate::engine::{Diagnostic, HelpDirectory, LibraryEntry, Severity, Story, Translation};
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

/// One fixed message for a translation that cannot be used. The file is treated as hostile input: no text from it
/// (a place, a field, a value serde quotes) reaches the page, only the kind of problem and its line and column.
fn unusable(file: &str, found: Vec<Diagnostic>) -> LoadProblem {
    let diagnostics = found
        .into_iter()
        .map(|d| Diagnostic::at(Severity::Error, d.code, "this translation cannot be used", d.line.zip(d.column)))
        .collect();
    LoadProblem::Invalid { file: file.to_owned(), diagnostics }
}

/// The story in `language`, for the language switch to call: the English story file and its translation
/// `stories/ID.LANG.json`, downloaded side by side, made into one story (`Story::from_json_translated`), which passes
/// every check the English one does. Only a translation the library offers is downloaded: a reviewed one, or a
/// draft when `drafts` is set (the address's `?drafts`), so nobody is shown an unreviewed translation of
/// safeguarding content by accident; the file itself must say the same. Anything else is
/// `LoadProblem::NotInLibrary`, which never repeats the language asked for.
pub async fn load_translation(
    entry: &LibraryEntry,
    language: &str,
    drafts: bool,
    help: &HelpDirectory,
) -> Result<Story, LoadProblem> {
    let file = format!("stories/{}.{language}.json", entry.id);
    // The file is the one the library lists, named by the story and a language tag: never a path from elsewhere.
    let offered = entry.offered_translation(language, drafts).is_some_and(|listing| listing.file == file);
    if !offered || crate::engine::translation_file_name(file.strip_prefix("stories/").unwrap_or("")).is_none() {
        return Err(LoadProblem::NotInLibrary);
    }
    let (english, translated) = futures::future::join(fetch_text(&entry.file), fetch_text(&file)).await;
    let translation = Translation::from_json(&translated?).map_err(|found| unusable(&file, found))?.value;
    if translation.language != language || !translation.status.offered(drafts) {
        return Err(LoadProblem::NotInLibrary);
    }
    Story::from_json_translated(&english?, &translation, help)
        .map(|loaded| loaded.value)
        .map_err(|found| unusable(&file, found))
}

/// The help services in `language`, for the language switch to call: `stories/help/services-uk.json` and its
/// translation `stories/help/services-uk.LANG.json`, downloaded side by side and made into one help file, held to
/// the help file's checks (`HelpDirectory::from_json_translated`). Its facts (numbers, hours, links) are the English
/// file's; only the words change. A draft translation is used only when `drafts` is set, as for stories; a
/// language with no help translation is a `LoadProblem::Fetch`, and the English help stays.
pub async fn load_help_translation(language: &str, drafts: bool) -> Result<HelpDirectory, LoadProblem> {
    let english_file = crate::ui::app::HELP_FILE;
    let file = format!("{}.{language}.json", english_file.trim_end_matches(".json"));
    if crate::engine::translation_file_name(file.rsplit('/').next().unwrap_or("")).is_none() {
        return Err(LoadProblem::NotInLibrary);
    }
    let (english, translated) = futures::future::join(fetch_text(english_file), fetch_text(&file)).await;
    let translation = Translation::from_json(&translated?).map_err(|found| unusable(&file, found))?.value;
    let translates_this_file = english_file.ends_with(&format!("/{}.json", translation.story));
    if !translates_this_file || translation.language != language || !translation.status.offered(drafts) {
        return Err(LoadProblem::NotInLibrary);
    }
    HelpDirectory::from_json_translated(&english?, &translation)
        .map(|loaded| loaded.value)
        .map_err(|found| unusable(&file, found))
}
