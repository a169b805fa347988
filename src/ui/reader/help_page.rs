use yew::prelude::*;

use crate::ui::reader::help_list::HelpList;
use crate::ui::route::Route;
use crate::ui::state::use_app_state;

/// The help screen, reachable from every screen. "Back to the story" returns to the same scene.
#[function_component]
pub fn HelpPage() -> Html {
    let state = use_app_state();
    let heading = use_node_ref();
    crate::ui::browser::focus::use_focus_on_change(heading.clone(), "help");
    crate::ui::browser::focus::use_document_title("Get help – Safety Stories".to_owned());
    let back = match state.reading() {
        Some((story, play)) => html! {
            <a href={state.route.link(&Route::Scene { id: story.id().to_owned(), scene: play.scene_id(story).to_owned(), flags: play.page(story).flags })} class={classes!("button", "primary")}>
                {"Back to the story"}
            </a>
        },
        None => {
            html! { <a href={state.route.link(&Route::Library)} class={classes!("button", "primary")}>{"Back to the stories"}</a> }
        }
    };
    let extra = state.reading().map(|(story, _)| story.services().to_vec()).unwrap_or_default();
    html! {
        <section class="help-page" aria-labelledby="help-heading">
            <h1 id="help-heading" tabindex="-1" ref={heading}>{"Get help"}</h1>
            <p class="lead">{"You are not in trouble for asking for help, whatever has happened. These people help with things like this every day."}</p>
            <div class="actions">{back.clone()}</div>
            <HelpList {extra} />
            // The second way back appears with the list, so it never jumps down while the list loads.
            if state.help.ready().is_some() {
                <div class="actions">{back}</div>
            }
        </section>
    }
}
