use yew::prelude::*;

use super::help_list::HelpList;
use super::rich_text::rich_text;
use super::route::Route;
use crate::engine::{Audience, Ending, HelpService};

pub struct EndingViewProps {
    pub ending: Ending,
    pub extra: Vec<HelpService>,
    pub can_try_another: bool,
    pub on_try_another: Callback<MouseEvent>,
    pub on_start_again: Callback<MouseEvent>,
}

/// An ending: the reflection, then who can help, then ways to go again.
///
/// A plain function rather than a component: it has no state or effects, and every component's lifecycle adds
/// wasm that readers download.
pub fn ending_view(props: EndingViewProps) -> Html {
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
            <HelpList first={props.ending.help.clone()} extra={props.extra} level={3} audiences={vec![Audience::YoungPeople]} />
            <div class="actions"><a href={Route::Help.href()} class={classes!("button")}>{"More help, including for parents, carers and teachers"}</a></div>
            <div class="actions">
                if props.can_try_another {
                    <button type="button" class="button primary" onclick={props.on_try_another}>{"Try a different choice"}</button>
                }
                <button type="button" class="button" onclick={props.on_start_again}>{"Start again"}</button>
                <a href={Route::Library.href()} class={classes!("button")}>{"Choose another story"}</a>
            </div>
        </section>
    }
}
