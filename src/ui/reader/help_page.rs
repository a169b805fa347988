use yew::prelude::*;

use crate::ui::messages::{t, t_with};

use crate::ui::reader::help_list::HelpList;
use crate::ui::route::Route;
use crate::ui::state::use_app_state;

/// The help screen, reachable from every screen. "Back to the story" returns to the same scene.
#[function_component]
pub fn HelpPage() -> Html {
    let state = use_app_state();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), "help");
    crate::ui::browser::focus::use_document_title(t_with!(
        "title-page",
        &[("page", &t!("get-help")), ("site", &t!("site-name"))],
    ));
    let back = match state.reading() {
        Some((story, play)) => html! {
            <a href={state.route.link(&Route::Scene { id: story.id().to_owned(), scene: play.scene_id(story).to_owned(), flags: play.page(story).flags })} class="button primary">
                {t!("back-to-story")}
            </a>
        },
        None => {
            html! { <a href={state.route.link(&Route::Library)} class="button primary">{t!("back-to-stories")}</a> }
        }
    };
    let extra = state.reading().map(|(story, _)| story.services().to_vec()).unwrap_or_default();
    html! {
        <section class="help-page" aria-labelledby="help-heading">
            <h1 id="help-heading" tabindex="-1" ref={heading}>{t!("get-help")}</h1>
            <p class="lead">{t!("help-lead")}</p>
            <div class="actions">{back.clone()}</div>
            <HelpList {extra} />
            // The second way back appears with the list, so it never jumps down while the list loads.
            if state.help.ready().is_some() {
                <div class="actions">{back}</div>
            }
        </section>
    }
}
