use yew::prelude::*;

use crate::ui::messages::{t, t_count, t_with};

use crate::ui::browser::storage;

use crate::engine::Playthrough;
use crate::ui::reader::error_view::ErrorView;
use crate::ui::reader::rich_text::rich_text;
use crate::ui::reader::story_loader::use_story;
use crate::ui::route::Route;
use crate::ui::state::{Action, Loading, use_app_state};

#[derive(Properties, PartialEq)]
pub struct IntroPageProps {
    pub id: AttrValue,
}

/// "Before you start": what the story is about, who it is for, that you can stop any time, and where help is.
#[function_component]
pub fn IntroPage(props: &IntroPageProps) -> Html {
    let state = use_app_state();
    let story = use_story(&props.id);
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(
        heading.clone(),
        (props.id.clone(), matches!(story, Loading::Ready(_))),
    );
    let title = story.ready().map_or_else(
        || t!("loading").to_string(),
        |s| t_with!("title-page", &[("page", s.title()), ("site", &t!("site-name"))]),
    );
    crate::ui::browser::focus::use_document_title(title);
    // Whether this tab kept progress in the story, read from storage once it is drawn (never while drawing).
    let kept = use_state(bool::default);
    {
        let kept = kept.clone();
        use_effect_with(props.id.clone(), move |id| kept.set(storage::load_progress(id).is_some()));
    }
    let story = match story {
        Loading::Ready(story) => story,
        Loading::Pending => return html! { <p class="loading" ref={heading} tabindex="-1">{t!("loading-story")}</p> },
        Loading::Failed(problem) => return html! { <ErrorView {problem} /> },
    };
    let saved = *kept || state.play.as_ref().is_some_and(|p| p.story_id() == story.id() && p.steps_taken() > 1);
    let begin = |fresh: bool| {
        let state = state.clone();
        let story = story.clone();
        Callback::from(move |event: MouseEvent| {
            // The link is for when the app is not running; here the app opens the scene itself.
            event.prevent_default();
            let id = story.id().to_owned();
            let saved = if fresh { None } else { storage::load_progress(&id) };
            let resumed = state
                .play
                .clone()
                .filter(|p| !fresh && p.story_id() == id)
                .or_else(|| saved.as_deref().and_then(|json| Playthrough::from_json(&story, json).ok()));
            let page = resumed.unwrap_or_else(|| Playthrough::start(&story)).page(&story);
            if fresh {
                storage::forget_progress(&id);
                state.dispatch(Action::StartOver(id.clone()));
            } else {
                state.dispatch(Action::Begin { story: id.clone(), saved, at: Some(page.clone()) });
            }
            crate::ui::route::go(&state, &Route::Scene { id, scene: page.scene, flags: page.flags });
        })
    };
    let present = {
        let route = Route::Present { id: story.id().to_owned(), scene: story.start_scene().id.clone() };
        let state = state.clone();
        let id = story.id().to_owned();
        Callback::from(move |event: MouseEvent| {
            // A class starts at the beginning, on the teacher's page.
            event.prevent_default();
            storage::forget_progress(&id);
            state.dispatch(Action::StartOver(id.clone()));
            crate::ui::route::go(&state, &route);
        })
    };
    let present_link =
        state.route.link(&Route::Present { id: story.id().to_owned(), scene: story.start_scene().id.clone() });
    let start_link = state.route.link(&Route::Scene {
        id: story.id().to_owned(),
        scene: story.start_scene().id.clone(),
        flags: None,
    });
    let doc = story.doc();
    // The story's own words carry its language when the interface is in another one.
    let other_language = crate::ui::messages::other_language(&doc.language);
    html! {
        <section class="intro" aria-labelledby="intro-heading">
            <h1 id="intro-heading" tabindex="-1" ref={heading} lang={other_language.clone()} dir={other_language.as_ref().map(|_| "auto")}>{doc.title.clone()}</h1>
            if let Some(cover) = &doc.cover {
                <img class="intro-image" src={format!("{}{}", state.route.up(), cover.image)} alt={cover.alt.clone()} width="800" height="500" />
            }
            <p class="lead" lang={other_language.clone()} dir={other_language.as_ref().map(|_| "auto")}>{doc.summary.clone()}</p>
            <div class="content-note" role="note" aria-labelledby="content-note-heading">
                <h2 id="content-note-heading">{t!("before-you-start")}</h2>
                <div lang={other_language.clone()} dir={other_language.as_ref().map(|_| "auto")}>{ rich_text(&doc.content_note) }</div>
                <ul class="facts">
                    <li>{crate::ui::words::story_readers(doc.audience, doc.age)}</li>
                    <li>{t_count!("minutes", doc.minutes, &[])}</li>
                </ul>
                <p>{t!("intro-stop-before")}<strong>{t!("exit-this-page")}</strong>{t!("intro-stop-after")}</p>
                <p>{t!("intro-help-before")}<strong>{t!("get-help")}</strong>{t!("intro-help-after")}</p>
            </div>
            <div class="actions">
                if saved {
                    <a class="button primary" href={start_link.clone()} onclick={begin(false)}>{t!("carry-on")}</a>
                    <a class="button" href={start_link} onclick={begin(true)}>{t!("start-from-beginning")}</a>
                } else {
                    <a class="button primary" href={start_link} onclick={begin(true)}>{t!("start-story")}</a>
                }
            </div>
            if !state.options.embedded {
                <section class="for-teachers" aria-labelledby="teachers-heading">
                    <h2 id="teachers-heading">{t!("for-teachers")}</h2>
                    <p>{t!("for-teachers-lead")}</p>
                    <div class="actions">
                        <a class="button" href={present_link} onclick={present}>{t!("present-to-class")}</a>
                        <a href={state.route.link(&Route::LessonPack { id: doc.id.clone() })} class="button">{t!("lesson-pack")}</a>
                    </div>
                </section>
            }
            <p class="credits">{t_with!("credits", &[("writer", &doc.credits.writer), ("artist", &doc.credits.artist)])}</p>
        </section>
    }
}
