use yew::prelude::*;

use super::help_list::HelpList;
use super::rich_text::rich_text;
use super::route::{Route, RouteLink};
use crate::engine::{Audience, Ending, HelpService};

#[derive(Properties, PartialEq)]
pub struct EndingViewProps {
    pub ending: Ending,
    pub extra: Vec<HelpService>,
    pub can_try_another: bool,
    pub on_try_another: Callback<MouseEvent>,
    pub on_start_again: Callback<MouseEvent>,
}

/// An ending: the reflection, then who can help, then ways to go again.
#[function_component]
pub fn EndingView(props: &EndingViewProps) -> Html {
    let kind = match props.ending.kind {
        crate::engine::EndingKind::Positive => "positive",
        crate::engine::EndingKind::Mixed => "mixed",
        crate::engine::EndingKind::Concerning => "concerning",
    };
    html! {
        <section class={classes!("ending", format!("is-{kind}"))} aria-labelledby="ending-heading">
            <h2 id="ending-heading"><span class="ending-kind">{props.ending.kind.label()}</span></h2>
            <div class="reflection">{ rich_text(&props.ending.reflection) }</div>
            <p class="reassurance">{"Whatever happened in the story, it is never too late to get help, and asking for help never gets you into trouble."}</p>
            <HelpList first={props.ending.help.clone()} extra={props.extra.clone()} level={3} audiences={vec![Audience::YoungPeople]} />
            <div class="actions"><RouteLink to={Route::Help} classes={classes!("button")}>{"More help, including for parents, carers and teachers"}</RouteLink></div>
            <div class="actions">
                if props.can_try_another {
                    <button type="button" class="button primary" onclick={props.on_try_another.clone()}>{"Try a different choice"}</button>
                }
                <button type="button" class="button" onclick={props.on_start_again.clone()}>{"Start again"}</button>
                <RouteLink to={Route::Library} classes={classes!("button")}>{"Choose another story"}</RouteLink>
            </div>
        </section>
    }
}
